# bb.build: running metadata functions and task bookkeeping through the cooker.
import bb.event
import _pyrt_bb


class FuncFailed(Exception):
    def __init__(self, name=None, logfile=None):
        self.logfile = logfile
        self.name = name
        Exception.__init__(self, name)


def exec_func(func, d, dirs=None):
    _pyrt_bb.exec_func(func, d)


def addtask(task, before, after, d):
    _pyrt_bb.addtask(task, before or "", after or "", d)


def deltask(task, d):
    _pyrt_bb.deltask(task, d)


class TaskBase(bb.event.Event):
    def __init__(self, t, fn, logfile, d):
        self._task = t
        self._package = d.getVar("PF")
        self._mc = d.getVar("BB_CURRENT_MC")
        self.taskfile = fn
        self.taskname = t
        self.logfile = logfile
        bb.event.Event.__init__(self)

    def getTask(self):
        return self._task


class TaskStarted(TaskBase):
    pass


class TaskSucceeded(TaskBase):
    pass


class TaskFailed(TaskBase):
    def __init__(self, task, fn, logfile, metadata, errprinted=False):
        self.errprinted = errprinted
        TaskBase.__init__(self, task, fn, logfile, metadata)
