#!/usr/bin/python3
"""Write a BitBake layer with the runqueue benchmark's synthetic graph (see
runqueue/bench_test.go: synthetic): N recipes of ten tasks each, pkgI DEPENDS on pkg(I/2),
pkg(I/3), pkg(I/5), do_prepare[deptask] = "do_populate", do_build[recrdeptask] = "do_build".
Every task is [noexec], so BitBake spends its time scheduling, as gobake's no-op runner does.

usage: runqueue_layer.py N DIR
"""
import os
import sys

TASKS = ["do_fetch", "do_unpack", "do_patch", "do_configure", "do_prepare",
         "do_compile", "do_install", "do_package", "do_populate", "do_build"]

CONF = """TOPDIR ?= "${@os.getcwd()}"
TMPDIR = "${TOPDIR}/tmp"
CACHE = "${TMPDIR}/cache"
PERSISTENT_DIR = "${TMPDIR}/cache"
STAMP = "${TMPDIR}/stamps/${PN}/${PV}-${PR}"
T = "${TMPDIR}/work/${PN}/temp"
WORKDIR = "${TMPDIR}/work/${PN}"
B = "${WORKDIR}"
PN = "${@bb.parse.vars_from_file(d.getVar('FILE', False),d)[0] or 'defaultpkgname'}"
PV = "1.0"
PR = "r0"
PROVIDES = ""
DEPENDS = ""
PACKAGES = "${PN}"
BBFILES = "%s/recipes/*.bb"
BB_NUMBER_THREADS = "2"
BB_SIGNATURE_HANDLER = "noop"
"""


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(os.path.join(out, "conf"), exist_ok=True)
    os.makedirs(os.path.join(out, "classes"), exist_ok=True)
    os.makedirs(os.path.join(out, "recipes"), exist_ok=True)
    with open(os.path.join(out, "conf", "bitbake.conf"), "w") as f:
        f.write(CONF % os.path.abspath(out))
    with open(os.path.join(out, "classes", "base.bbclass"), "w") as f:
        prev = None
        for t in TASKS:
            f.write("addtask %s%s\n" % (t, " after " + prev if prev else ""))
            f.write("%s[noexec] = \"1\"\n" % t)
            prev = t
        f.write('do_prepare[deptask] = "do_populate"\n')
        f.write('do_build[recrdeptask] = "do_build"\n')
    for i in range(n):
        deps = []
        for d in (i // 2, i // 3, i // 5):
            name = "pkg%05d" % d
            if 0 <= d < i and (not deps or deps[-1] != name):
                deps.append(name)
        with open(os.path.join(out, "recipes", "pkg%05d.bb" % i), "w") as f:
            f.write('DEPENDS = "%s"\n' % " ".join(deps))


if __name__ == "__main__":
    main()
