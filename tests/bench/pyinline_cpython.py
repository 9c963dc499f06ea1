#!/usr/bin/python3
"""CPython's side of pyrt's BenchmarkInlineCompileRun / BenchmarkInlineCached: the same inline
expression, compiled and run each time, and run from compiled code, with upstream BitBake's
DataSmart as d.

Usage: /usr/bin/python3 tests/bench/pyinline_cpython.py /path/to/isar
(compare with: go test ./internal/pyrt -run x -bench Inline)
"""
import os
import sys
import timeit

isar = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GOBAKE_ISAR", "")
if not isar:
    sys.exit("usage: pyinline_cpython.py ISAR_DIR (or set GOBAKE_ISAR)")
sys.path.insert(0, os.path.join(isar, "bitbake", "lib"))
import bb.utils  # noqa: E402
import bb.data_smart  # noqa: E402

d = bb.data_smart.DataSmart()
d.setVar("DISTRO_FEATURES", "acl ipv4 ipv6 x systemd")
expr = "bb.utils.contains('DISTRO_FEATURES', 'x', 'a', 'b', d)"
g = {"bb": bb}
code = compile(expr, "bench.conf", "eval")
n = 20000
t1 = timeit.timeit(lambda: eval(compile(expr, "bench.conf", "eval"), g, {"d": d}), number=n) / n
t2 = timeit.timeit(lambda: eval(code, g, {"d": d}), number=n) / n
print("cpython compile+run %.1f us, cached %.1f us" % (t1 * 1e6, t2 * 1e6))
