# bb.event: event classes and fire(); the cooker receives fired events by class name.
import _pyrt_bb


class Event(object):
    def __init__(self):
        self.pid = 0


def fire(event, d):
    _pyrt_bb.fire(type(event).__name__, d)


def register(name, handler, mask=None, filename=None, lineno=None, data=None):
    return True


class ConfigParsed(Event):
    pass


class RecipeEvent(Event):
    def __init__(self, fn):
        self.fn = fn
        Event.__init__(self)


class RecipePreFinalise(RecipeEvent):
    pass


class RecipeParsed(RecipeEvent):
    pass


class RecipeTaskPreProcess(RecipeEvent):
    def __init__(self, fn, tasklist):
        self.fn = fn
        self.tasklist = tasklist
        Event.__init__(self)


class BuildBase(Event):
    def __init__(self, n, p, failures=0):
        self._name = n
        self._pkgs = p
        self._failures = failures
        Event.__init__(self)

    def getPkgs(self):
        return self._pkgs

    def getFailures(self):
        return self._failures


class BuildInit(BuildBase):
    def __init__(self, p=[]):
        BuildBase.__init__(self, None, p)


class BuildStarted(BuildBase):
    pass


class BuildCompleted(BuildBase):
    def __init__(self, total, n, p, failures=0, interrupted=0):
        self._total = total
        self._interrupted = interrupted
        BuildBase.__init__(self, n, p, failures)


class HeartbeatEvent(Event):
    def __init__(self, time):
        Event.__init__(self)
        self.time = time


class ProcessStarted(Event):
    def __init__(self, processname, total):
        Event.__init__(self)
        self.processname = processname
        self.total = total


class ProcessProgress(Event):
    def __init__(self, processname, progress):
        Event.__init__(self)
        self.processname = processname
        self.progress = progress


class ProcessFinished(Event):
    def __init__(self, processname):
        Event.__init__(self)
        self.processname = processname


class MonitorDiskEvent(Event):
    def __init__(self, disk_usage):
        Event.__init__(self)
        self.disk_usage = disk_usage


class LogExecTTY(Event):
    def __init__(self, msg, prog, sleep_delay, retries):
        Event.__init__(self)
        self.msg = msg
        self.prog = prog
        self.sleep_delay = sleep_delay
        self.retries = retries


class SanityCheck(Event):
    def __init__(self, generateevents=1):
        Event.__init__(self)
        self.generateevents = generateevents
