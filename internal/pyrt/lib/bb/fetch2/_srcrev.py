# SRCREV handling: the revision string of a recipe's SCM sources (SRCPV, GITPKGV), computed
# from SRC_URI and the SRCREV variables the way BitBake's fetcher does, without network
# access: a revision that is not a full SHA-1 (AUTOREV, a branch or tag name) cannot be
# resolved and raises FetchError.
import bb

# URL schemes whose fetchers support SRCREV.
SRCREV_SCHEMES = ('git', 'gitsm', 'svn', 'hg', 'bzr', 'p4', 'repo', 'osc', 'ccrc')


def _is_sha1(s):
    if len(s) != 40:
        return False
    for c in s:
        if c not in '0123456789abcdefABCDEF':
            return False
    return True


def srcrev_internal_helper(url, parm, d, name):
    """The revision of SCM url for name: a ;rev= or ;tag= parameter, else the first valid
    SRCREV_name:pn-PN, SRCREV_name, SRCREV:pn-PN, SRCREV."""
    from bb.fetch2 import FetchError
    srcrev = None
    pn = d.getVar("PN")
    attempts = []
    if name != '' and pn:
        attempts.append("SRCREV_%s:pn-%s" % (name, pn))
    if name != '':
        attempts.append("SRCREV_%s" % name)
    if pn:
        attempts.append("SRCREV:pn-%s" % pn)
    attempts.append("SRCREV")
    for a in attempts:
        srcrev = d.getVar(a)
        if srcrev and srcrev != "INVALID":
            break
    if 'rev' in parm and 'tag' in parm:
        raise FetchError("Please specify a ;rev= parameter or a ;tag= parameter in the url %s but not both." % url)
    if 'rev' in parm or 'tag' in parm:
        parmrev = parm['rev'] if 'rev' in parm else parm['tag']
        if srcrev == "INVALID" or not srcrev:
            return parmrev
        if srcrev != parmrev:
            raise FetchError("Conflicting revisions (%s from SRCREV and %s from the url) found, please specify one valid value" % (srcrev, parmrev))
        return parmrev
    if srcrev == "INVALID" or not srcrev:
        raise FetchError("Please set a valid SRCREV for url %s (possible key names are %s, or use a ;rev=X URL parameter)" % (str(attempts), url), url)
    if srcrev == "AUTOINC":
        d.setVar("__BBAUTOREV_ACTED_UPON", True)
        raise FetchError("gobake cannot resolve AUTOREV for %s without network access" % url, url)
    return srcrev


def _git_clonedir(host, path, d):
    name = '%s%s' % (host.replace(':', '.'), path.replace('/', '.').replace('*', '.').replace(' ', '_').replace('(', '_').replace(')', '_'))
    if name.startswith('.'):
        name = name[1:]
    gitdir = d.getVar("GITDIR") or (d.getVar("DL_DIR") + "/git2")
    return gitdir + "/" + name


def _revision(scheme, host, path, d, rev, method_name):
    """(autoinc, rev) as the fetcher's sortable_revision or gitpkgv_revision gives them."""
    import os
    if method_name == 'sortable_revision':
        return True, str(rev)
    if method_name == 'gitpkgv_revision' and scheme in ('git', 'gitsm'):
        localpath = _git_clonedir(host, path, d)
        commits = None
        if os.path.exists(localpath):
            rev_file = os.path.join(localpath, "oe-gitpkgv_" + rev)
            if not os.path.exists(rev_file) or not os.path.getsize(rev_file):
                import shlex
                out = bb.fetch2.runfetchcmd("git rev-list %s -- | wc -l" % shlex.quote(rev), d, quiet=True, workdir=localpath)
                commits = out.strip().lstrip('0')
                if commits:
                    with open(rev_file, "w") as f:
                        f.write("%d\n" % int(commits))
            else:
                with open(rev_file, "r") as f:
                    commits = f.readline(128).strip()
        if commits:
            return False, "%s+%s" % (commits, rev[:7])
        return True, str(rev)
    raise AttributeError("'%s' fetcher has no attribute '%s'" % (scheme, method_name))


def _get_srcrev(d, method_name='sortable_revision'):
    from bb.fetch2 import FetchError, decodeurl
    d.setVar("__BBSRCREV_SEEN", "1")
    if d.getVar("__BBINSRCREV"):
        raise FetchError("There are recursive references in fetcher variables, likely through SRC_URI")
    d.setVar("__BBINSRCREV", True)
    try:
        scms = []
        for url in (d.getVar('SRC_URI') or '').split():
            scheme, host, path, _, _, parm = decodeurl(url)
            if scheme not in SRCREV_SCHEMES:
                continue
            names = parm.get('name', 'default').split(',')
            revisions = {}
            for name in names:
                rev = srcrev_internal_helper(url, parm, d, name)
                if scheme in ('git', 'gitsm') and not _is_sha1(rev or ''):
                    raise FetchError("gobake cannot resolve revision %s of %s without network access" % (rev, url), url)
                revisions[name] = rev
            scms.append((url, scheme, host, path, names, revisions))
        revs = []
        if not scms:
            return "", revs
        if len(scms) == 1 and len(scms[0][4]) == 1:
            url, scheme, host, path, names, revisions = scms[0]
            autoinc, rev = _revision(scheme, host, path, d, revisions[names[0]], method_name)
            revs.append(rev)
            if len(rev) > 10:
                rev = rev[:10]
            if autoinc:
                return "AUTOINC+" + rev, revs
            return rev, revs
        format = d.getVar('SRCREV_FORMAT')
        if not format:
            raise FetchError("The SRCREV_FORMAT variable must be set when multiple SCMs are used.\n"
                             "The SCMs are:\n%s" % '\n'.join(s[0] for s in scms))
        name_to_rev = {}
        seenautoinc = False
        for url, scheme, host, path, names, revisions in scms:
            for name in names:
                autoinc, rev = _revision(scheme, host, path, d, revisions[name], method_name)
                revs.append(rev)
                seenautoinc = seenautoinc or autoinc
                if len(rev) > 10:
                    rev = rev[:10]
                name_to_rev[name] = rev
        # longest names first, each replaced once per occurrence, left to right
        names = sorted(name_to_rev, key=len, reverse=True)
        out = []
        i = 0
        while i < len(format):
            for n in names:
                if n and format.startswith(n, i):
                    out.append(name_to_rev[n])
                    i += len(n)
                    break
            else:
                out.append(format[i])
                i += 1
        format = ''.join(out)
        if seenautoinc:
            format = "AUTOINC+" + format
        return format, revs
    finally:
        d.delVar("__BBINSRCREV")


def get_srcrev(d, method_name='sortable_revision'):
    """The revision string of SRC_URI's SCM sources, "AUTOINC+" marking non-incremental
    ones; FetchError when SRC_URI has none."""
    from bb.fetch2 import FetchError
    pkgv, revs = _get_srcrev(d, method_name=method_name)
    if not pkgv:
        raise FetchError("SRCREV was used yet no valid SCM was found in SRC_URI")
    return pkgv


def get_hashvalue(d, method_name='sortable_revision'):
    pkgv, revs = _get_srcrev(d, method_name=method_name)
    return " ".join(revs)
