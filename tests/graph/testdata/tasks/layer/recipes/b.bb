# [deptask] naming a task the dependency has and one nobody has; noexec and nostamp tasks
# in the chain.
DEPENDS = "a"
do_configure[deptask] = "do_populate_sysroot do_nosuch"
do_compile[noexec] = "1"
do_install[nostamp] = "1"
