"""platform: the host's identity (gobake; backed by os.uname)."""

import os
import sys

__all__ = ['system', 'node', 'release', 'version', 'machine', 'processor', 'uname',
           'python_version', 'python_implementation', 'architecture']





def uname():
    u = os.uname()
    return _Uname(u.sysname, u.nodename, u.release, u.version, u.machine)


class _Uname(object):
    def __init__(self, system, node, release, version, machine):
        self.system = system
        self.node = node
        self.release = release
        self.version = version
        self.machine = machine
        # CPython asks `uname -p`, which Debian answers with 'unknown', reported as ''
        self.processor = ''

    def _values(self):
        return (self.system, self.node, self.release, self.version, self.machine, self.processor)

    def __iter__(self):
        return iter(self._values())

    def __getitem__(self, i):
        return self._values()[i]

    def __len__(self):
        return 6

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return 'uname_result(system=%r, node=%r, release=%r, version=%r, machine=%r)' % self._values()[:5]


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    return uname().processor


def python_version():
    return '%d.%d.%d' % tuple(sys.version_info[:3])


def python_implementation():
    return 'CPython'


def architecture(executable=None, bits='', linkage=''):
    return ('64bit', 'ELF')
