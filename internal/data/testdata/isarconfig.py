#!/usr/bin/python3
"""Dump what upstream BitBake computes for a build directory's configuration.

usage: isarconfig.py BITBAKE_LIB BUILDDIR OUT.json [RECIPE.bb...]   (run with BUILDDIR as cwd)

For the base configuration, every multiconfig and each recipe given (parsed with the
base configuration): the raw datastore state (every
variable with its flags, including the internal _content/_defaultval/:append/...), the
keys, and getVar() of every key; plus the ${@...} evaluations seen while reading them (code -> results); and
the trace of DataSmart calls that built them.
TestIsarConfig loads the raw state into Store, answers ${@...} from those results and
compares keys and values. Nothing from this output is committed.
"""
import inspect
import io
import json
import os
import sys

sys.path.insert(0, sys.argv[1])
import bb  # noqa: E402
import bb.cookerdata  # noqa: E402
import bb.data  # noqa: E402
import bb.data_smart  # noqa: E402
import bb.siggen  # noqa: E402
import bb.fetch  # noqa: E402

PY = {}
PY_ALL = {}
_orig = bb.data_smart.VariableParse.python_sub


def seen(parser, code, res):
    PY.setdefault(code, set()).add(res)
    if TRACING[0]:
        store = IDS.get(id(parser.d), -1)
        PY_ALL.setdefault(store, {}).setdefault(code, set()).add(res)


def python_sub(self, match):
    code = match if isinstance(match, str) else match.group()[3:-1]
    try:
        res = _orig(self, match)
    except Exception as e:
        seen(self, code, "!%s\n%s" % (type(e).__name__, e))
        raise
    if not res.startswith("${@"):
        seen(self, code, res)
    return res


bb.data_smart.VariableParse.python_sub = python_sub

# The trace: every DataSmart call made from outside the datastore (the parser, the cooker,
# Python metadata), in order, so that TestIsarConfig can replay the same calls. Reads are
# traced too: when they happen decides when overrides are computed and what is cached.
TRACE = []
TRACING = [True]
IDS = {}
OBJS = []
STACK = []
MUTATE = {"enableTracking", "setVar", "setVarFlag", "setVarFlags", "delVar", "delVarFlag", "delVarFlags",
          "renameVar", "appendVar", "prependVar", "appendVarFlag", "prependVarFlag",
          "initVar", "createCopy"}
READ = {"getVar", "getVarFlag", "expand", "expandWithRefs", "getVarFlags", "keys"}
LOGINFO = {"file", "line", "op", "detail", "ignore", "func", "variable", "flag"}


def sid(d):
    k = id(d)
    if k not in IDS:
        IDS[k] = len(OBJS)
        OBJS.append(d)
        TRACE.append(["new", IDS[k]])
    return IDS[k]


def enc(v):
    if v is None or isinstance(v, (str, bool, int)):
        return v
    if isinstance(v, dict):
        return {"dict": [[k, enc(x)] for k, x in v.items()]}
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return {"strlist": v}
    return {"opaque": type(v).__name__}


# Methods whose history record infers the caller's file, line and function when the
# call gives none; the wrapper would be that caller, so it passes the real one.
INFERS = MUTATE - {"setVarFlags", "initVar", "createCopy", "enableTracking"}


def traced(name):
    orig = getattr(bb.data_smart.DataSmart, name)
    sig = inspect.signature(orig)

    def f(self, *args, **kw):
        if name in INFERS and "file" not in kw and not kw.get("ignore"):
            caller = sys._getframe(1)
            kw.update(file=caller.f_code.co_filename, line=caller.f_lineno, func=caller.f_code.co_name)
        record = TRACING[0] and not any(m in MUTATE for m in STACK) and (
            name in MUTATE or not any(m in READ for m in STACK))
        me = sid(self) if record else None
        STACK.append(name)
        err = None
        try:
            res = orig(self, *args, **kw)
            if name == "keys":
                res = list(res)
            return res
        except Exception as e:
            err = type(e).__name__
            res = None
            raise
        finally:
            STACK.pop()
            if record:
                b = sig.bind(self, *args, **kw)
                b.apply_defaults()
                a = {k: enc(v) for k, v in b.arguments.items() if k not in ("self", "loginfo")}
                if "loginfo" in b.arguments:
                    li = b.arguments["loginfo"]
                    a["parsing"] = "parsing" in li
                    a["loginfo"] = {k: enc(v) for k, v in li.items() if k in LOGINFO}
                if name == "createCopy" and res is not None:
                    a["child"] = sid(res)
                TRACE.append([name, me, a, err])
    setattr(bb.data_smart.DataSmart, name, f)


for _n in MUTATE | READ:
    traced(_n)


def plain(v):
    if v is None or isinstance(v, (str, bool, int)):
        return v
    if isinstance(v, list) and all(isinstance(x, list) and len(x) == 2 for x in v):
        return [[plain(a), b] for a, b in v]
    return {"unsupported": type(v).__name__}


def raw_state(d):
    layers = []
    dct = d.dict
    while dct:
        layers.append(dct)
        dct = dct.get("_data")
    seen, out = set(), []
    for layer in layers:
        for k, v in layer.items():
            if k == "_data" or k in seen:
                continue
            seen.add(k)
            out.append([k, [[f, plain(x)] for f, x in v.items()]])
    return out


def hist_sig(d, k):
    sig = [len(d.varhistory.variable(k))]
    for r, _ in d.overridedata.get(k, []):
        sig.append(len(d.varhistory.variable(r)))
    return sig


def dump(orig):
    d = orig.createCopy()
    PY.clear()
    keys = sorted(d.keys())
    state = raw_state(d)
    values = {}
    for k in keys:
        try:
            values[k] = plain(d.getVar(k))
        except Exception as e:
            values[k] = {"error": type(e).__name__}
    emit = {}
    for k in keys:
        if k.startswith("__"):
            continue
        # Each variable is emitted from a fresh copy; Python run while expanding it may
        # record history of its own (bitbake -e shows that too), which a replay without
        # Python cannot reproduce: such entries are flagged.
        c = orig.createCopy()
        before = hist_sig(c, k)
        o = io.StringIO()
        try:
            func = bool(c.getVarFlag(k, "func", False))
            r = bb.data.emit_var(k, o, c, not func)
            emit[k] = [o.getvalue(), bool(r), hist_sig(c, k) != before]
        except Exception as e:
            emit[k] = {"error": type(e).__name__}
    return {"state": state, "keys": keys, "values": values, "emit": emit,
            "python": {k: sorted(v) for k, v in PY.items()}}


def main():
    os.environ["BBPATH"] = os.getcwd()
    c = bb.cookerdata.CookerConfiguration()
    c.env = dict(os.environ)
    c.tracking = True  # as bitbake -e
    db = bb.cookerdata.CookerDataBuilder(c, False)
    db.parseBaseConfiguration()
    final = {mc or "base": d for mc, d in db.mcdata.items()}
    if len(sys.argv) > 4:
        bb.parse.siggen = bb.siggen.init(db.data)
        for fn in sys.argv[4:]:
            # "mc:NAME:/path/x.bb" parses with that multiconfig.
            name = fn.split(":")[1] + ":" + os.path.basename(fn) if fn.startswith("mc:") else os.path.basename(fn)
            try:
                final[name] = db.parseRecipe(fn, [], "isar")
            except Exception as e:
                final[name] = "%s: %s" % (type(e).__name__, e)
    TRACING[0] = False
    out = {}
    for name, d in final.items():
        if isinstance(d, str):
            out[name] = {"error": d}
            continue
        # Reading AUTOREV-style variables marks the store: dump reads copies.
        out[name] = dump(d)
        out[name]["store"] = IDS.get(id(d), -1)
    out = {"stores": out, "trace": TRACE,
           "python": {s: {k: sorted(v) for k, v in m.items()} for s, m in PY_ALL.items()}}
    with open(sys.argv[3], "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
