"""The fetch methods BitBake registers by default, as far as metadata uses them while
parsing: Local (file://) and Wget (http, https, ftp, ftps) resolve a URL to its local path
(Isar's bootstrap.bbclass asks for the path of every apt key). Downloading is gobake's own
business (its fetcher), not done here. Standard modules are imported where they are used, so
that importing bb.fetch2 needs none of them."""


def _fetch2():
    import bb.fetch2
    return bb.fetch2


class Local(object):
    """file:// URLs, looked up in FILESPATH (bb.fetch2.local.Local)."""

    def supports(self, urldata, d):
        return urldata.type in ['file']

    def urldata_init(self, ud, d):
        import os
        import urllib.parse
        ud.decodedurl = urllib.parse.unquote(ud.url.split("://")[1].split(";")[0])
        ud.basename = os.path.basename(ud.decodedurl)
        ud.basepath = ud.decodedurl
        ud.needdonestamp = False
        if "*" in ud.decodedurl:
            raise _fetch2().ParameterError("file:// urls using globbing are no longer supported. "
                                           "Please place the files in a directory and reference that instead.", ud.url)

    def localpath(self, urldata, d):
        return self.localfile_searchpaths(urldata, d)[-1]

    def localfile_searchpaths(self, urldata, d):
        import os
        path = urldata.decodedurl
        if path[0] == "/":
            return [path]
        searched = []
        filespath = d.getVar('FILESPATH')
        if filespath:
            for base in filespath.split(":"):
                candidate = os.path.join(base, path)
                searched.append(candidate)
                if os.path.exists(candidate):
                    break
        return searched


class Wget(object):
    """http, https, ftp and ftps URLs (bb.fetch2.wget.Wget): the file lands in DL_DIR under
    the URL's base name or its downloadfilename parameter."""

    def supports(self, ud, d):
        return ud.type in ['http', 'https', 'ftp', 'ftps']

    def recommends_checksum(self, urldata):
        return True

    def urldata_init(self, ud, d):
        import os
        import urllib.parse
        if ud.parm.get('protocol') == 'git':
            raise _fetch2().ParameterError("Invalid protocol - if you wish to fetch from a git repository using "
                                           "http, you need to instead use the git:// prefix with protocol=http", ud.url)
        if 'downloadfilename' in ud.parm:
            ud.basename = ud.parm['downloadfilename']
        else:
            ud.basename = os.path.basename(ud.path)
        ud.localfile = d.expand(urllib.parse.unquote(ud.basename))
        if not ud.localfile:
            ud.localfile = d.expand(urllib.parse.unquote(ud.host + ud.path).replace("/", "."))

    def localpath(self, urldata, d):
        import os
        return os.path.join(d.getVar("DL_DIR"), urldata.localfile)
