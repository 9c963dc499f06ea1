#!/usr/bin/python3
"""Write scenarios/random.json: seeded random op sequences over a small vocabulary, so
that TestGolden explores combinations nobody thought to write by hand."""
import json
import random
import sys

r = random.Random(4)
BASES = ["A", "B", "C", "MACHINE", "OVERRIDES"]
SUFFIXES = ["", "", "", ":o1", ":o2", ":o1:o2", ":o2:o3", ":append", ":prepend", ":remove",
            ":append:o1", ":remove:o2", ":prepend:o3", ":o1:append", ":o2:remove", ":append:o1:o2"]
WORDS = ["x", "y", "z", "o1", "${A}", "${B}", "${C}", "${MACHINE}", "${UNDEF}", "${A:o1}", "${@'py'}"]
OPS = ["=", "=", "=", "?=", "??=", ":=", "+=", "=+", ".=", "=."]


def value(base):
    if base == "OVERRIDES":
        return r.choice(["o1", "o1:o2", "o2:${MACHINE}", "${MACHINE}:o1", "o3:o2:o1", ""])
    if base == "MACHINE":
        return r.choice(["o2", "o3", "m", "${B}"])
    return " ".join(r.choice(WORDS) for _ in range(r.randint(0, 3)))


def name():
    b = r.choice(BASES)
    return b, b + r.choice(SUFFIXES)


def scenario(n):
    ops = []
    depth = 0
    for _ in range(n):
        k = r.random()
        b, v = name()
        if k < 0.55:
            spec = v
            if r.random() < 0.08:
                spec = b + "[" + r.choice(["doc", "export", "unexport"]) + "]"
            elif r.random() < 0.05:
                spec = "export " + v
            ops.append(["assign", spec, r.choice(OPS), value(b)])
        elif k < 0.62:
            ops.append(["unset", v])
        elif k < 0.66:
            ops.append([r.choice(["appendVar", "prependVar"]), b, " " + value(b)])
        elif k < 0.68:
            ops.append(["setVar", b, value(b)])
        elif k < 0.70:
            ops.append(["renameVar", b, r.choice(BASES[:3]) + r.choice(["", "2"])])
        elif k < 0.73 and depth < 2:
            ops.append(["copy"])
            depth += 1
        elif k < 0.75 and depth > 0:
            ops.append(["pop"])
            depth -= 1
        elif k < 0.90:
            ops.append(["getVar", v if r.random() < 0.3 else b])
        elif k < 0.93:
            ops.append(["keys"])
        elif k < 0.96:
            ops.append(["overrides"])
        else:
            ops.append(["emit", b])
    for b in BASES:
        ops.append(["getVar", b])
    ops.append(["keys"])
    return ops


def scenario2(n):
    """Flags, deletions, renames, copies, python and ${}-named keys."""
    ops = []
    depth = 0
    names = BASES + ["${A}-k", "D:${MACHINE}", "E"]
    for _ in range(n):
        k = r.random()
        b = r.choice(names)
        v = b + r.choice(SUFFIXES)
        f = r.choice(["doc", "export", "unexport", "vardeps", "_defaultval"])
        if k < 0.35:
            ops.append(["assign", v, r.choice(OPS), value(b)])
        elif k < 0.42:
            ops.append(["assign", b + "[" + f + "]", r.choice(OPS), value(b)])
        elif k < 0.47:
            ops.append([r.choice(["appendVarFlag", "prependVarFlag", "setVarFlag"]), b, f, value(b)])
        elif k < 0.52:
            ops.append([r.choice(["delVar", "unset"]), v])
        elif k < 0.55:
            ops.append([r.choice(["delVarFlag", "unsetFlag"]), b, f])
        elif k < 0.57:
            # delVarFlags records no detail, which makes BitBake's history emit crash
            # (KeyError 'detail'): only read the flags back here.
            ops.append(["getVarFlags", b])
        elif k < 0.60:
            nk = r.choice(names) + r.choice(["", "2", ":o1"])
            if not nk.startswith(v + ":"):  # A -> A:o1 recurses without end
                ops.append(["renameVar", v, nk])
        elif k < 0.62:
            ops.append(["export", b])
        elif k < 0.64:
            ops.append(["expandKeys"])
        elif k < 0.67 and depth < 3:
            ops.append(["copy"])
            depth += 1
        elif k < 0.69 and depth > 0:
            ops.append(["pop"])
            depth -= 1
        elif k < 0.80:
            ops.append(["getVar", v if r.random() < 0.3 else b])
        elif k < 0.84:
            ops.append([r.choice(["getVarFlag", "getVarFlagRaw"]), b, f])
        elif k < 0.87:
            ops.append(["getVarFlags", b])
        elif k < 0.90:
            ops.append(["keys"])
        elif k < 0.93:
            ops.append(["history", b])
        elif k < 0.97:
            ops.append([r.choice(["emit", "emitExport"]), b])
        else:
            ops.append(["emitEnv"])
    ops.append(["emitEnv"])
    ops.append(["keys"])
    return ops


def main():
    out = {"random%02d" % i: scenario(40) for i in range(80)}
    out.update({"mixed%02d" % i: scenario2(60) for i in range(80)})
    with open(sys.argv[1], "w") as f:
        f.write("{\n")
        f.write(",\n".join(json.dumps(k) + ": " + json.dumps(v) for k, v in out.items()))
        f.write("\n}\n")


if __name__ == "__main__":
    main()
