# bb.fetch2: the fetcher API that layer code subclasses (FetchMethod) and calls (Fetch).
# gobake's own fetchers live in Go; Python FetchMethods registered in `methods` (like
# Isar's aptsrc) are used for the URL schemes they support.
import bb
import bb.process
from bb.fetch2._uri import URI
from bb.fetch2._events import MissingChecksumEvent
from bb.fetch2._environment import get_fetcher_environment
from bb.fetch2._srcrev import get_srcrev, get_hashvalue, srcrev_internal_helper

FETCH_EXPORT_VARS = ["HOME", "PATH", "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy",
                     "FTP_PROXY", "ftp_proxy", "FTPS_PROXY", "ftps_proxy", "NO_PROXY", "no_proxy",
                     "ALL_PROXY", "all_proxy", "GIT_PROXY_COMMAND", "GIT_SSH", "GIT_SSH_COMMAND",
                     "GIT_SSL_CAINFO", "GIT_SMART_HTTP", "SSH_AUTH_SOCK", "SSH_AGENT_PID",
                     "SOCKS5_USER", "SOCKS5_PASSWD", "DBUS_SESSION_BUS_ADDRESS", "P4CONFIG",
                     "SSL_CERT_FILE", "NODE_EXTRA_CA_CERTS", "AWS_PROFILE", "AWS_ACCESS_KEY_ID",
                     "AWS_SECRET_ACCESS_KEY", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
                     "AWS_DEFAULT_REGION", "AWS_SESSION_TOKEN", "GIT_CACHE_PATH", "REMOTE_CONTAINERS_IPC",
                     "SSL_CERT_DIR"]


class _Logger(object):
    def debug(self, *args):
        pass

    def debug2(self, *args):
        pass

    def info(self, msg, *args):
        bb.note(msg % args if args else msg)

    def warning(self, msg, *args):
        bb.warn(msg % args if args else msg)

    def error(self, msg, *args):
        bb.error(msg % args if args else msg)


logger = _Logger()


class BBFetchException(Exception):
    def __init__(self, message):
        self.msg = message
        Exception.__init__(self, message)

    def __str__(self):
        return self.msg


class UntrustedUrl(BBFetchException):
    def __init__(self, url, message=""):
        msg = "The URL: '%s' is not trusted and cannot be used" % url if not message else message
        self.url = url
        BBFetchException.__init__(self, msg)
        self.args = (url,)


class MalformedUrl(BBFetchException):
    def __init__(self, url, message=""):
        msg = "The URL: '%s' is invalid and cannot be interpreted" % url if not message else message
        self.url = url
        BBFetchException.__init__(self, msg)
        self.args = (url,)


class FetchError(BBFetchException):
    def __init__(self, message, url=None):
        if url:
            msg = "Fetcher failure for URL: '%s'. %s" % (url, message)
        else:
            msg = "Fetcher failure: %s" % message
        self.url = url
        BBFetchException.__init__(self, msg)
        self.args = (message, url)


class ChecksumError(FetchError):
    def __init__(self, message, url=None, checksum=None):
        self.checksum = checksum
        FetchError.__init__(self, message, url)


class NoChecksumError(FetchError):
    pass


class UnpackError(BBFetchException):
    def __init__(self, message, url):
        msg = "Unpack failure for URL: '%s'. %s" % (url, message)
        self.url = url
        BBFetchException.__init__(self, msg)
        self.args = (message, url)


class NoMethodError(BBFetchException):
    def __init__(self, url):
        msg = "Could not find a fetcher which supports the URL: '%s'" % url
        self.url = url
        BBFetchException.__init__(self, msg)
        self.args = (url,)


class MissingParameterError(BBFetchException):
    def __init__(self, missing, url):
        msg = "URL: '%s' is missing the required parameter '%s'" % (url, missing)
        self.url = url
        self.missing = missing
        BBFetchException.__init__(self, msg)
        self.args = (missing, url)


class ParameterError(BBFetchException):
    def __init__(self, message, url):
        msg = "URL: '%s' has invalid parameters. %s" % (url, message)
        self.url = url
        BBFetchException.__init__(self, msg)
        self.args = (message, url)


class NetworkAccess(BBFetchException):
    def __init__(self, url, cmd):
        msg = "Network access disabled through BB_NO_NETWORK (or set indirectly due to use of BB_FETCH_PREMIRRORONLY) but access requested with command %s (for url %s)" % (cmd, url)
        self.url = url
        self.cmd = cmd
        BBFetchException.__init__(self, msg)
        self.args = (url, cmd)


def decodeurl(url):
    """scheme://user:password@host/path;k=v -> (type, host, path, user, pswd, params)."""
    if "://" not in url:
        raise MalformedUrl(url)
    type, rest = url.split("://", 1)
    parm = {}
    if ";" in rest:
        rest, params = rest.split(";", 1)
        for p in params.split(";"):
            if not p:
                continue
            if "=" not in p:
                raise MalformedUrl(url, "The URL: '%s' is invalid: parameter %s does not specify a value (missing '=')" % (url, p))
            k, v = p.split("=", 1)
            parm[k.strip()] = v.strip()
    user = pswd = ""
    if type.lower() == "file":
        host, path = "", rest
    else:
        if "/" in rest:
            host, path = rest.split("/", 1)
            path = "/" + path
        else:
            host, path = rest, "/"
        if "@" in host:
            user, host = host.rsplit("@", 1)
            if ":" in user:
                user, pswd = user.split(":", 1)
    return type, host, path, user, pswd, parm


def encodeurl(decoded):
    type, host, path, user, pswd, p = decoded
    if not type:
        raise MissingParameterError("type", "encoded from the data %s" % str(decoded))
    url = ["%s://" % type]
    if user and type != "file":
        url.append("%s" % user)
        if pswd:
            url.append(":%s" % pswd)
        url.append("@")
    if host and type != "file":
        url.append("%s" % host)
    if path:
        url.append("%s" % path)
    if p:
        for parm in p:
            url.append(";%s=%s" % (parm, p[parm]))
    return "".join(url)


class FetchMethod(object):
    def __init__(self, urls=None):
        self.urls = []

    def supports(self, urldata, d):
        return 0

    def localpath(self, urldata, d):
        return urldata.path.split("/")[-1] if urldata.path else urldata.host

    def supports_checksum(self, urldata):
        return False

    def recommends_checksum(self, urldata):
        return False

    def urldata_init(self, ud, d):
        pass

    def setUrls(self, urls):
        self.__urls = urls

    def need_update(self, ud, d):
        return True

    def supports_srcrev(self):
        return False

    def download(self, urldata, d):
        raise NoMethodError(urldata.url)

    def unpack(self, urldata, rootdir, data):
        pass

    def clean(self, urldata, d):
        bb.utils.remove(urldata.localpath)

    def try_premirror(self, urldata, d):
        return True

    def checkstatus(self, fetch, urldata, d):
        return True

    def latest_versionstring(self, ud, d):
        return ("", "")

    def done(self, ud, d):
        return False

    def implicit_urldata(self, ud, d):
        return []


methods = []


def _default_methods():
    # BitBake registers its own fetchers first; layers (Isar's aptsrc) append theirs.
    from bb.fetch2._methods import Local, Wget

    class _Local(Local, FetchMethod):
        pass

    class _Wget(Wget, FetchMethod):
        pass

    return [_Local(), _Wget()]


methods.extend(_default_methods())


class FetchData(object):
    def __init__(self, url, d, localonly=False):
        self.url = url
        self.localfile = ""
        self.localpath = None
        self.lockfile = None
        self.mirrortarballs = []
        self.basename = None
        self.basepath = None
        self.type, self.host, self.path, self.user, self.pswd, self.parm = decodeurl(d.expand(url))
        self.date = ""
        self.setup = False
        self.method = None
        for m in methods:
            if m.supports(self, d):
                self.method = m
                break
        if self.method is None:
            raise NoMethodError(url)
        self.method.urldata_init(self, d)
        if not self.localpath:
            self.localpath = self.method.localpath(self, d)
        self.donestamp = (self.localpath or "") + ".done"


def runfetchcmd(cmd, d, quiet=False, cleanup=None, log=None, workdir=None):
    exportvars = ""
    for var in FETCH_EXPORT_VARS:
        val = d.getVar(var)
        if val:
            exportvars += "export %s=\"%s\"; " % (var, val)
    try:
        output, errors = bb.process.run(exportvars + cmd, cwd=workdir)
        return output
    except bb.process.ExecutionError as e:
        raise FetchError("Fetch command %s failed with exit code %s, output:\n%s%s" % (cmd, e.exitcode, e.stdout or "", e.stderr or ""))


class Fetch(object):
    def __init__(self, urls, d, cache=True, localonly=False, connection_cache=None):
        if localonly and cache:
            raise Exception("bb.fetch2.Fetch.__init__: cannot set cache and localonly at same time")
        if not urls:
            urls = (d.getVar("SRC_URI") or "").split()
        self.urls = urls
        self.d = d
        self.ud = {}
        for url in urls:
            self.ud[url] = FetchData(url, d, localonly)

    def localpath(self, url):
        return self.ud[url].localpath

    def localpaths(self):
        return [self.ud[u].localpath for u in self.urls]

    def download(self, urls=None):
        for u in urls or self.urls:
            ud = self.ud[u]
            ud.method.download(ud, self.d)

    def unpack(self, root, urls=None):
        for u in urls or self.urls:
            ud = self.ud[u]
            ud.method.unpack(ud, root, self.d)

    def clean(self, urls=None):
        for u in urls or self.urls:
            ud = self.ud[u]
            ud.method.clean(ud, self.d)

    def checkstatus(self, urls=None):
        for u in urls or self.urls:
            ud = self.ud[u]
            ud.method.checkstatus(self, ud, self.d)


def localpath(url, d):
    return Fetch([url], d).localpath(url)


def get_autorev(d):
    return "AUTOINC"
