# bb.progress: progress reporting for long tasks, reported as bb.event.ProcessProgress.
import bb.event


class ProgressHandler(object):
    def __init__(self, d, outfile=None):
        self._progress = None
        self._data = d
        self._lastevent = 0
        self._outfile = outfile

    def write(self, string):
        if self._outfile:
            self._outfile.write(string)

    def flush(self):
        if self._outfile:
            self._outfile.flush()

    def _fire_progress(self, taskprogress, rate=None):
        bb.event.fire(bb.event.ProcessProgress("task", taskprogress), self._data)

    def update(self, progress, rate=None):
        if progress > 100:
            progress = 100
        if progress != self._progress:
            self._progress = progress
            self._fire_progress(progress, rate)


class LineFilterProgressHandler(ProgressHandler):
    def __init__(self, d, outfile=None):
        self._linebuffer = ""
        ProgressHandler.__init__(self, d, outfile)

    def write(self, string):
        self._linebuffer += string
        while True:
            breakpos = max(self._linebuffer.rfind("\n"), self._linebuffer.rfind("\r")) + 1
            if breakpos <= 0:
                break
            lines = self._linebuffer[:breakpos].replace("\r", "\n").split("\n")
            self._linebuffer = self._linebuffer[breakpos:]
            for line in lines:
                if line and self.writeline(line + "\n"):
                    ProgressHandler.write(self, line + "\n")
            break

    def writeline(self, line):
        return True


class BasicProgressHandler(ProgressHandler):
    def __init__(self, d, regex=r"(\d+)%", outfile=None):
        ProgressHandler.__init__(self, d, outfile)
        self._regex = regex


class MultiStageProgressReporter(object):
    def __init__(self, d, stage_weights, debug=False):
        self._data = d
        total = sum(stage_weights)
        self._stage_weights = [float(x) / total for x in stage_weights]
        self._stage = -1
        self._base_progress = 0
        self._stage_total = None
        self._finished = False

    def next_stage(self, stage_total=None):
        if self._stage >= 0:
            self._base_progress += self._stage_weights[self._stage] * 100
        self._stage += 1
        self._stage_total = stage_total
        self.update(0)

    def update(self, stage_progress):
        if self._stage_total:
            stage_progress = (float(stage_progress) / self._stage_total) * 100
        if self._stage < 0:
            return
        progress = self._base_progress + (stage_progress * self._stage_weights[self._stage])
        bb.event.fire(bb.event.ProcessProgress("task", int(min(progress, 100))), self._data)

    def finish(self):
        if self._finished:
            return
        self._finished = True
        bb.event.fire(bb.event.ProcessProgress("task", 100), self._data)


class MultiStageProcessProgressReporter(MultiStageProgressReporter):
    def __init__(self, d, processname, stage_weights, debug=False):
        self._processname = processname
        MultiStageProgressReporter.__init__(self, d, stage_weights, debug)
