# bb: the BitBake API surface metadata uses, written for gobake's Python runtime (pyrt).
# Side effects (logging, running tasks, firing events) go through _pyrt_bb, which the
# cooker connects to its own implementation.
import _pyrt_bb

__version__ = "2.8.0"


class BBHandledException(Exception):
    """An error that was already reported to the user."""


def _log(level, args):
    _pyrt_bb.log(level, "".join(args))


def plain(*args):
    _log("PLAIN", args)


def note(*args):
    _log("NOTE", args)


def verbnote(*args):
    _log("VERBNOTE", args)


def warn(*args):
    _log("WARNING", args)


def error(*args, **kwargs):
    _log("ERROR", args)


def fatal(*args, **kwargs):
    _log("FATAL", args)
    raise BBHandledException()


def debug(lvl, *args):
    if isinstance(lvl, str):
        args = (lvl,) + args
    _log("DEBUG", args)


import bb.msg
import bb.utils
import bb.data
import bb.event
import bb.build
import bb.parse
import bb.process
import bb.fetch2
import bb.siggen
import bb.progress
import bb.runqueue
import bb.persist_data

fetch = bb.fetch2
