#!/usr/bin/python3
"""Extract the statements upstream BitBake's parser builds from metadata files.

Usage:
    bbstatements.py --lib BITBAKE_LIB [--root DIR] FILE...
    bbstatements.py --lib BITBAKE_LIB [--root DIR] -      (file names on stdin, one a line)

BITBAKE_LIB is an upstream BitBake lib directory (e.g. $GOBAKE_ISAR/bitbake/lib); it may also come
from $BITBAKE_LIB. Nothing is evaluated: each file goes through BitBake's own line reader and
statement builder (ConfHandler.handle's loop for .conf, BBHandler.get_statements for everything
else, which is how BitBake dispatches .bb/.bbclass/.inc/.bbappend), the resulting
bb.parse.ast.StatementGroup is captured instead of evaluated, and its nodes' attributes are printed.

Output, one JSON object a line, keys sorted, per file in argument order:
    {"file": F, "statements": N, "warnings": [...]}            header, or
    {"file": F, "error": MSG, "line": L, "warnings": [...]}    when BitBake rejects the file
followed by the N statements of F in file order, each {"file": F, "line": L, "kind": K, ...}.
L is the line where the statement's text begins, i.e. its first non-blank character (the
header line for functions); "last" is the line BitBake itself records (the statement's last
line; for a def block the line after it). The fields per kind are documented in canon.go
(the Go side of the same canonical form).
"""

import json
import logging
import os
import signal
import sys

# Seconds one file may take. BitBake's regexps backtrack catastrophically on some lines;
# such a file counts as rejected ("BitBake hangs").
FILE_TIMEOUT = 10


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def node_fields(ast, node, classname):
    """Canonical fields of one bb.parse.ast node (without file and line)."""
    if isinstance(node, ast.DataNode):
        g = node.groupd
        op = "="
        for key, sym in (("colon", ":="), ("lazyques", "??="), ("ques", "?="), ("append", "+="),
                         ("prepend", "=+"), ("predot", "=."), ("postdot", ".=")):
            if g.get(key) is not None:
                op = sym
                break
        out = {"kind": "assign", "var": g["var"], "op": op, "quote": g["apo"], "value": g["value"]}
        if g.get("flag") is not None:
            out["flag"] = g["flag"]
        if g.get("exp") is not None:
            out["export"] = True
        return out
    if isinstance(node, ast.ExportNode):
        return {"kind": "export", "var": node.var}
    if isinstance(node, ast.UnsetFlagNode):
        return {"kind": "unset", "var": node.var, "flag": node.flag}
    if isinstance(node, ast.UnsetNode):
        return {"kind": "unset", "var": node.var}
    if isinstance(node, ast.IncludeNode):
        return {"kind": "require" if node.force else "include", "value": node.what_file}
    if isinstance(node, ast.InheritDeferredNode):
        return {"kind": "inherit_defer", "value": node.inherit[0]}
    if isinstance(node, ast.InheritNode):
        return {"kind": "inherit", "value": node.classes}
    if isinstance(node, ast.AddTaskNode):
        out = {"kind": "addtask", "name": node.func}
        if node.before is not None and node.before.split():
            out["before"] = node.before.split()
        if node.after is not None and node.after.split():
            out["after"] = node.after.split()
        return out
    if isinstance(node, ast.DelTaskNode):
        return {"kind": "deltask", "value": node.tasks}
    if isinstance(node, ast.BBHandlerNode):
        return {"kind": "addhandler", "names": list(node.hs)}
    if isinstance(node, ast.ExportFuncsNode):
        return {"kind": "export_functions", "names": list(node.n)}
    if isinstance(node, ast.PyLibNode):
        return {"kind": "addpylib", "libdir": node.libdir, "namespace": node.namespace}
    if isinstance(node, ast.PythonMethodNode):
        return {"kind": "def", "name": node.function, "body": "\n".join(node.body)}
    if isinstance(node, ast.MethodNode):
        out = {"kind": "func", "name": node.func_name, "body": "\n".join(node.body)}
        if node.python:
            out["python"] = True
        if node.fakeroot:
            out["fakeroot"] = True
        return out
    # Newer BitBake node kinds (e.g. addfragments) land here; print them generically so a
    # newer oracle shows up as a difference instead of crashing.
    attrs = {k: v for k, v in vars(node).items() if k not in ("filename", "lineno")}
    return {"kind": "unknown:" + type(node).__name__, "attrs": repr(attrs)}


def text(s):
    """The text a logical line has so far: without the backslash that continues it."""
    return s[:-1] if s.endswith("\\") else s


def conf_first_lines(path):
    """Maps the last line of each logical line of a .conf file to the line its text starts on.

    It re-reads the file the way ConfHandler.handle does (which gives the feeder only the last
    line number): a line whose right-stripped text ends in a backslash takes the next line,
    backslash dropped, for as long as the joined text still ends in one. The text starts on the
    first line that contributes a non-blank character.
    """
    first = {}
    with open(path, "r") as f:
        lineno = 0
        while True:
            lineno += 1
            s = f.readline()
            if not s:
                break
            if not s.strip():
                continue
            s = s.rstrip()
            start = lineno if text(s).strip() else None
            while s and s[-1] == "\\":
                s2 = f.readline().rstrip()
                lineno += 1
                s = s[:-1] + s2
                if start is None and text(s).strip():
                    start = lineno
            first[lineno] = start or lineno
    return first


class LogCapture(logging.Handler):
    """Collects BitBake's warnings and fatal messages while one file is read."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append((record.levelno, record.getMessage()))


class Extractor:
    def __init__(self, lib):
        sys.path.insert(0, lib)
        import bb
        import bb.data
        import bb.parse
        from bb.parse import ast
        from bb.parse.parse_py import BBHandler, ConfHandler
        self.bb, self.ast, self.BB, self.Conf = bb, ast, BBHandler, ConfHandler
        self.log = LogCapture()
        top = logging.getLogger("BitBake")
        top.addHandler(self.log)
        top.propagate = False
        top.setLevel(logging.WARNING)
        for h in list(top.handlers):
            if h is not self.log:
                top.removeHandler(h)
        # First physical line of the logical line being fed to BBHandler.feeder, and of the
        # headers of the function (shell/python block, def block) being collected.
        self.start = 0
        self.func_start = 0
        self.def_start = 0
        self.starts = []
        orig_feeder = BBHandler.feeder

        def feeder(lineno, s, fn, root, statements, eof=False):
            B = self.BB
            if not any(p.strip() for p in B.__residue__):
                self.start = lineno
            infunc, inpython = bool(B.__infunc__), bool(B.__inpython__)
            before = len(statements)
            try:
                return orig_feeder(lineno, s, fn, root, statements, eof=eof)
            finally:
                if not infunc and B.__infunc__:
                    self.func_start = self.start
                closed_def = False
                for node in statements[before:]:
                    if isinstance(node, self.ast.PythonMethodNode):
                        self.starts.append(self.def_start)
                        closed_def = True
                    elif isinstance(node, self.ast.MethodNode):
                        self.starts.append(self.func_start)
                    else:
                        self.starts.append(self.start)
                # A def block opened by this line (possibly the line that closed the previous one).
                if B.__inpython__ and (closed_def or not inpython):
                    self.def_start = self.start

        BBHandler.feeder = feeder

    def conf_statements(self, path):
        """Runs ConfHandler.handle with evaluation replaced by capture."""
        captured = []
        group = self.ast.StatementGroup
        orig_eval = group.eval

        def capture(stmts, data):
            captured.append(list(stmts))

        group.eval = capture
        try:
            self.Conf.handle(path, self.bb.data.init(), 0, baseconfig=True)
        finally:
            group.eval = orig_eval
        stmts = captured[0]
        first = conf_first_lines(path)
        starts = [first[node.lineno] for node in stmts]
        return stmts, starts, ""

    def bb_statements(self, path):
        """Runs BBHandler.handle's reading half: get_statements plus its end-of-file checks."""
        B = self.BB
        B.__body__, B.__infunc__, B.__residue__, B.__inpython__ = [], [], [], False
        base = os.path.basename(path)
        root, ext = os.path.splitext(base)
        B.__classname__ = root if ext == ".bbclass" else ""
        B.cached_statements.clear()
        self.starts = []
        stmts = B.get_statements(path, path, base)
        if B.__infunc__:
            raise self.bb.parse.ParseError("Shell function %s is never closed" % B.__infunc__[0],
                                           B.__infunc__[1], B.__infunc__[2])
        return list(stmts), list(self.starts), B.__classname__

    def extract(self, path, name):
        self.log.records = []
        self.path = path
        signal.alarm(FILE_TIMEOUT)
        try:
            if path.endswith(".conf"):
                stmts, starts, classname = self.conf_statements(path)
            else:
                stmts, starts, classname = self.bb_statements(path)
        except self.bb.parse.ParseError as e:
            return self.header(name, error=e.msg, line=e.lineno), []
        except self.bb.BBHandledException:
            msgs = [m for lvl, m in self.log.records if lvl >= logging.ERROR]
            return self.header(name, error=msgs[-1] if msgs else "fatal", line=0), []
        except (UnicodeDecodeError, OSError) as e:
            return self.header(name, error="%s: %s" % (type(e).__name__, e), line=0), []
        except Timeout:
            return self.header(name, error="BitBake hangs: no result after %ds" % FILE_TIMEOUT, line=0), []
        except Exception as e:
            # BitBake's own code fails on some inputs (e.g. IndexError on a line holding only
            # a backslash): BitBake rejects the file, with a traceback.
            return self.header(name, error="BitBake crashed: %s: %s" % (type(e).__name__, e), line=0), []
        finally:
            signal.alarm(0)
        out = []
        for node, first in zip(stmts, starts):
            rec = node_fields(self.ast, node, classname)
            rec["file"] = name
            rec["line"] = first
            # BitBake's own lineno: the last line (closing brace of a function; for a def
            # block the line after it, or the line count + 1 at the end of the file).
            rec["last"] = node.lineno
            out.append(rec)
        return self.header(name, statements=len(out)), out

    def header(self, name, **kw):
        kw["file"] = name
        if "error" in kw:
            # Messages name the file by absolute path; keep output independent of checkouts.
            kw["error"] = kw["error"].replace(self.path, name)
        kw["warnings"] = [m for lvl, m in self.log.records if lvl < logging.ERROR]
        return kw


def main(argv):
    lib = os.environ.get("BITBAKE_LIB", "")
    root = ""
    files = []
    args = iter(argv[1:])
    for a in args:
        if a == "--lib":
            lib = next(args)
        elif a == "--root":
            root = next(args)
        elif a == "-":
            files.extend(l.rstrip("\n") for l in sys.stdin if l.strip())
        else:
            files.append(a)
    if not lib or not os.path.isdir(os.path.join(lib, "bb", "parse")):
        sys.stderr.write("bbstatements.py: need --lib DIR (or $BITBAKE_LIB) holding bb/parse\n")
        return 2
    signal.signal(signal.SIGALRM, on_alarm)
    ex = Extractor(lib)
    enc = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    w = sys.stdout
    for f in files:
        path = os.path.abspath(os.path.join(root, f)) if root else os.path.abspath(f)
        head, stmts = ex.extract(path, f)
        w.write(enc.encode(head) + "\n")
        for s in stmts:
            w.write(enc.encode(s) + "\n")
    w.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
