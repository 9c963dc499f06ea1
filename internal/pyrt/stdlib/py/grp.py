"""grp: the group database, read from /etc/group (gobake)."""

from _structdb import StructSeq, read_db, lookup_int, lookup_name


class struct_group(StructSeq):
    _FIELDS = ('gr_name', 'gr_passwd', 'gr_gid', 'gr_mem')
    _NAME = 'grp.struct_group'


def getgrall():
    return read_db('/etc/group', 4, lambda p: struct_group((p[0], p[1], int(p[2]), [m for m in p[3].split(',') if m])))


def getgrgid(gid):
    return lookup_int(getgrall(), 'gr_gid', gid, 'getgrgid(): gid', 'gid')


def getgrnam(name):
    return lookup_name(getgrall(), 'gr_name', name, 'getgrnam')
