"""pwd: the password database, read from /etc/passwd (gobake)."""

from _structdb import StructSeq, read_db, lookup_int, lookup_name


class struct_passwd(StructSeq):
    _FIELDS = ('pw_name', 'pw_passwd', 'pw_uid', 'pw_gid', 'pw_gecos', 'pw_dir', 'pw_shell')
    _NAME = 'pwd.struct_passwd'


def getpwall():
    return read_db('/etc/passwd', 7, lambda p: struct_passwd((p[0], p[1], int(p[2]), int(p[3]), p[4], p[5], p[6])))


def getpwuid(uid):
    return lookup_int(getpwall(), 'pw_uid', uid, 'getpwuid(): uid', 'uid')


def getpwnam(name):
    return lookup_name(getpwall(), 'pw_name', name, 'getpwnam')
