#!/usr/bin/python3
"""Replay datastore scenarios against upstream BitBake's DataSmart and write goldens.

usage: oracle.py BITBAKE_LIB SCENARIO_DIR GOLDEN_DIR

Each scenario file holds {"name": [op, ...]}; an op is a JSON array whose first element
names it (see data_test.go, which replays the same ops against internal/data). Queries
append [op_index, result] to the scenario's result list.
"""
import io
import json
import os
import re
import sys

sys.path.insert(0, sys.argv[1])
import bb  # noqa: E402
import bb.data  # noqa: E402
import bb.parse  # noqa: E402
from bb.parse import ast  # noqa: E402

FILE = "conf/test.conf"
OPS = {"=": None, "?=": "ques", "??=": "lazyques", ":=": "colon", "+=": "append",
       "=+": "prepend", ".=": "postdot", "=.": "predot"}


QUERIES = {"getVar", "getVarRaw", "getVarFlag", "getVarFlagRaw", "getVarFlags", "expand", "keys", "localkeys",
           "overrides", "history", "emit", "emitExport", "emitEnv"}


def norm(v):
    if v is None or isinstance(v, str):
        return v
    return "<%s %s>" % (type(v).__name__, v)


def history(d, var):
    out = []
    for ev in d.varhistory.variable(var):
        e = {"op": ev["op"], "detail": ev.get("detail", ""), "flag": ev.get("flag", ""),
             "file": ev["file"], "line": ev["line"], "func": ev.get("func", "")}
        if e["func"]:
            e["file"] = os.path.basename(e["file"])
        out.append(e)
    return out


def assign(d, i, spec, op, value):
    export = spec.startswith("export ")
    if export:
        spec = spec[len("export "):]
    flag = None
    m = re.match(r"^(.*)\[(.*)\]$", spec)
    if m:
        spec, flag = m.group(1), m.group(2)
    groupd = {"var": spec, "exp": "export " if export else None, "flag": flag, "value": value}
    for k in OPS.values():
        if k:
            groupd[k] = None
    if OPS[op]:
        groupd[OPS[op]] = op
    ast.DataNode(FILE, i, groupd).eval(d)


def run(ops):
    d = bb.data.init()
    d.enableTracking()
    stack = []
    named = {"main": d}
    out = []
    for i, op in enumerate(ops, 1):
        name, args = op[0], op[1:]
        loc = {"file": FILE, "line": i}
        try:
            res = step(d, i, name, args, loc, stack, named)
        except Exception as e:
            res = {"error": type(e).__name__, "msg": str(e)}
        if isinstance(res, tuple) and res[0] == "switch":
            d = res[1]
            continue
        if name in QUERIES or isinstance(res, dict):
            out.append([i, res])
    return out


def step(d, i, name, args, loc, stack, named):
    if name == "assign":
        assign(d, i, *args)
    elif name == "setVar":
        d.setVar(args[0], args[1], **loc)
    elif name == "setVarParsing":
        d.setVar(args[0], args[1], parsing=True, **loc)
    elif name == "setVarFlag":
        d.setVarFlag(args[0], args[1], args[2], **loc)
    elif name == "appendVar":
        d.appendVar(args[0], args[1], **loc)
    elif name == "prependVar":
        d.prependVar(args[0], args[1], **loc)
    elif name == "appendVarFlag":
        d.appendVarFlag(args[0], args[1], args[2], **loc)
    elif name == "prependVarFlag":
        d.prependVarFlag(args[0], args[1], args[2], **loc)
    elif name == "delVar":
        d.delVar(args[0], **loc)
    elif name == "delVarFlag":
        d.delVarFlag(args[0], args[1], **loc)
    elif name == "delVarFlags":
        d.delVarFlags(args[0], **loc)
    elif name == "renameVar":
        d.renameVar(args[0], args[1], **loc)
    elif name == "unset":
        ast.UnsetNode(FILE, i, args[0]).eval(d)
    elif name == "unsetFlag":
        ast.UnsetFlagNode(FILE, i, args[0], args[1]).eval(d)
    elif name == "export":
        ast.ExportNode(FILE, i, args[0]).eval(d)
    elif name == "copy":
        stack.append(d)
        return ("switch", d.createCopy())
    elif name == "pop":
        return ("switch", stack.pop())
    elif name == "expandVarref":
        d.expandVarref(args[0], args[1])
    elif name == "expandKeys":
        bb.data.expandKeys(d)
    elif name == "copyAs":
        named[args[0]] = d.createCopy()
    elif name == "use":
        return ("switch", named[args[0]])
    elif name == "getVar":
        return norm(d.getVar(args[0]))
    elif name == "getVarRaw":
        return norm(d.getVar(args[0], False))
    elif name == "getVarFlag":
        return norm(d.getVarFlag(args[0], args[1]))
    elif name == "getVarFlagRaw":
        return norm(d.getVarFlag(args[0], args[1], False))
    elif name == "getVarFlags":
        f = d.getVarFlags(args[0])
        return None if f is None else [[k, norm(v)] for k, v in f.items()]
    elif name == "expand":
        return d.expand(args[0])
    elif name == "keys":
        return sorted(k for k in d.keys())
    elif name == "localkeys":
        return list(d.localkeys())
    elif name == "overrides":
        d.need_overrides()
        return list(d.overrides)
    elif name == "history":
        return history(d, args[0])
    elif name == "emit":
        o = io.StringIO()
        r = bb.data.emit_var(args[0], o, d, True)
        return [o.getvalue(), bool(r)]
    elif name == "emitExport":
        o = io.StringIO()
        r = bb.data.emit_var(args[0], o, d, False)
        return [o.getvalue(), bool(r)]
    elif name == "emitEnv":
        o = io.StringIO()
        bb.data.emit_env(o, d, True)
        return o.getvalue()
    else:
        raise SystemExit("unknown op %s" % name)
    return None


def main():
    src, dst = sys.argv[2], sys.argv[3]
    for fn in sorted(os.listdir(src)):
        if not fn.endswith(".json"):
            continue
        with open(os.path.join(src, fn)) as f:
            scenarios = json.load(f)
        golden = {name: run(ops) for name, ops in scenarios.items()}
        with open(os.path.join(dst, fn), "w") as f:
            json.dump(golden, f, indent=1, sort_keys=True)
            f.write("\n")


if __name__ == "__main__":
    main()
