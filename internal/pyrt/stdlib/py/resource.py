"""resource: process resource usage (gobake)."""
import _resource

RUSAGE_SELF = 0
RUSAGE_CHILDREN = -1
RUSAGE_THREAD = 1
RLIMIT_CPU = 0
RLIMIT_FSIZE = 1
RLIMIT_DATA = 2
RLIMIT_STACK = 3
RLIMIT_CORE = 4
RLIMIT_RSS = 5
RLIMIT_NPROC = 6
RLIMIT_NOFILE = 7
RLIMIT_MEMLOCK = 8
RLIMIT_AS = 9
RLIM_INFINITY = -1
error = OSError

_FIELDS = ('ru_utime', 'ru_stime', 'ru_maxrss', 'ru_ixrss', 'ru_idrss', 'ru_isrss', 'ru_minflt',
           'ru_majflt', 'ru_nswap', 'ru_inblock', 'ru_oublock', 'ru_msgsnd', 'ru_msgrcv',
           'ru_nsignals', 'ru_nvcsw', 'ru_nivcsw')


class struct_rusage(object):
    def __init__(self, t):
        self._t = tuple(t)
        for i in range(len(_FIELDS)):
            setattr(self, _FIELDS[i], self._t[i])

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 16

    def __iter__(self):
        return iter(self._t)

    def __repr__(self):
        return 'resource.struct_rusage(' + ', '.join(['%s=%r' % (_FIELDS[i], self._t[i]) for i in range(16)]) + ')'


def getrusage(who):
    return struct_rusage(_resource.getrusage(who))


def getrlimit(resource):
    return _resource.getrlimit(resource)


def getpagesize():
    return 4096
