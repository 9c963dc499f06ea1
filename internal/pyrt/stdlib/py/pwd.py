"""pwd: the password database, read from /etc/passwd (gobake)."""

from _structdb import StructSeq, Database


class struct_passwd(StructSeq):
    _FIELDS = ('pw_name', 'pw_passwd', 'pw_uid', 'pw_gid', 'pw_gecos', 'pw_dir', 'pw_shell')
    _NAME = 'pwd.struct_passwd'


_db = Database('/etc/passwd', 7, lambda p: struct_passwd((p[0], p[1], int(p[2]), int(p[3]), p[4], p[5], p[6])))


def getpwall():
    return _db.all()


def getpwuid(uid):
    return _db.by_int(2, uid, 'getpwuid(): uid', 'uid')


def getpwnam(name):
    return _db.by_name(0, name, 'getpwnam')
