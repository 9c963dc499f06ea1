#!/usr/bin/python3
"""Dump what upstream BitBake computes for a build directory's configuration.

usage: isarconfig.py BITBAKE_LIB BUILDDIR OUT.json [RECIPE.bb...]   (run with BUILDDIR as cwd)

For the base configuration, every multiconfig and each recipe given (parsed with the
base configuration): the raw datastore state (every
variable with its flags, including the internal _content/_defaultval/:append/...), the
keys, and getVar() of every key; plus the ${@...} evaluations seen while reading them (code -> results).
TestIsarConfig loads the raw state into Store, answers ${@...} from those results and
compares keys and values. Nothing from this output is committed.
"""
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
_orig = bb.data_smart.VariableParse.python_sub


def python_sub(self, match):
    code = match if isinstance(match, str) else match.group()[3:-1]
    try:
        res = _orig(self, match)
    except Exception as e:
        PY.setdefault(code, set()).add("!%s\n%s" % (type(e).__name__, e))
        raise
    if not res.startswith("${@"):
        PY.setdefault(code, set()).add(res)
    return res


bb.data_smart.VariableParse.python_sub = python_sub


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


def dump(d):
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
        o = io.StringIO()
        try:
            func = bool(d.getVarFlag(k, "func", False))
            r = bb.data.emit_var(k, o, d, not func)
            emit[k] = [o.getvalue(), bool(r)]
        except Exception as e:
            emit[k] = {"error": type(e).__name__}
    return {"state": state, "keys": keys, "values": values, "emit": emit,
            "python": {k: sorted(v) for k, v in PY.items()}}


def main():
    os.environ["BBPATH"] = os.getcwd()
    c = bb.cookerdata.CookerConfiguration()
    c.env = dict(os.environ)
    db = bb.cookerdata.CookerDataBuilder(c, False)
    db.parseBaseConfiguration()
    # Reading AUTOREV-style variables marks the store: read copies, keep the originals
    # clean for the recipes.
    out = {mc or "base": dump(d.createCopy()) for mc, d in db.mcdata.items()}
    if len(sys.argv) > 4:

        bb.parse.siggen = bb.siggen.init(db.data)
        for fn in sys.argv[4:]:
            try:
                out[os.path.basename(fn)] = dump(db.parseRecipe(fn, [], "isar"))
            except Exception as e:
                out[os.path.basename(fn)] = {"error": "%s: %s" % (type(e).__name__, e)}
    with open(sys.argv[3], "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
