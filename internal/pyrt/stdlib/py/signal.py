"""signal: signal numbers and handlers (gobake; handlers are recorded, not installed)."""

SIGHUP = 1
SIGINT = 2
SIGQUIT = 3
SIGILL = 4
SIGTRAP = 5
SIGABRT = 6
SIGIOT = 6
SIGBUS = 7
SIGFPE = 8
SIGKILL = 9
SIGUSR1 = 10
SIGSEGV = 11
SIGUSR2 = 12
SIGPIPE = 13
SIGALRM = 14
SIGTERM = 15
SIGSTKFLT = 16
SIGCHLD = 17
SIGCONT = 18
SIGSTOP = 19
SIGTSTP = 20
SIGTTIN = 21
SIGTTOU = 22
SIGURG = 23
SIGXCPU = 24
SIGXFSZ = 25
SIGVTALRM = 26
SIGPROF = 27
SIGWINCH = 28
SIGIO = 29
SIGPOLL = 29
SIGPWR = 30
SIGSYS = 31
NSIG = 65
SIG_DFL = 0
SIG_IGN = 1
SIG_BLOCK = 0
SIG_UNBLOCK = 1
SIG_SETMASK = 2

_names = {}
for _k, _v in list(globals().items()):
    if _k.startswith('SIG') and not _k.startswith('SIG_') and _k not in ('SIGIOT', 'SIGPOLL'):
        _names[_v] = _k


class Signals(object):
    def __init__(self, value):
        if isinstance(value, Signals):
            value = value.value
        if value not in _names:
            raise ValueError('%r is not a valid Signals' % (value,))
        self.value = value
        self.name = _names[value]

    def __repr__(self):
        return '<Signals.%s: %d>' % (self.name, self.value)

    def __str__(self):
        return 'Signals.' + self.name

    def __int__(self):
        return self.value

    def __index__(self):
        return self.value

    def __eq__(self, other):
        if isinstance(other, Signals):
            other = other.value
        return self.value == other

    def __hash__(self):
        return hash(self.value)


_handlers = {}


def signal(signalnum, handler):
    signalnum = int(signalnum)
    if signalnum in (SIGKILL, SIGSTOP) or not 1 <= signalnum < NSIG:
        raise OSError(22, 'Invalid argument')
    old = _handlers.get(signalnum, SIG_DFL)
    _handlers[signalnum] = handler
    return old


def getsignal(signalnum):
    return _handlers.get(int(signalnum), SIG_DFL)


def strsignal(signalnum):
    names = {SIGHUP: 'Hangup', SIGINT: 'Interrupt', SIGQUIT: 'Quit', SIGKILL: 'Killed',
             SIGTERM: 'Terminated', SIGSEGV: 'Segmentation fault', SIGPIPE: 'Broken pipe',
             SIGALRM: 'Alarm clock', SIGUSR1: 'User defined signal 1',
             SIGUSR2: 'User defined signal 2', SIGCHLD: 'Child exited', SIGABRT: 'Aborted'}
    return names.get(signalnum)


def alarm(seconds):
    return 0


def pause():
    pass
