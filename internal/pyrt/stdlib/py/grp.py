"""grp: the group database, read from /etc/group (gobake)."""

from _structdb import StructSeq, Database


class struct_group(StructSeq):
    _FIELDS = ('gr_name', 'gr_passwd', 'gr_gid', 'gr_mem')
    _NAME = 'grp.struct_group'


_db = Database('/etc/group', 4, lambda p: struct_group((p[0], p[1], int(p[2]), [m for m in p[3].split(',') if m])))


def getgrall():
    return _db.all()


def getgrgid(gid):
    return _db.by_int(2, gid, 'getgrgid(): gid', 'gid')


def getgrnam(name):
    return _db.by_name(0, name, 'getgrnam')
