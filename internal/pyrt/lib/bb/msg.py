import bb


def fatal(msgdomain, msg):
    bb.fatal(msg)


def warn(msgdomain, msg):
    bb.warn(msg)


def note(level, msgdomain, msg):
    bb.note(msg)
