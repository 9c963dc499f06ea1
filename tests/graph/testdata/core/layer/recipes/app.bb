# An application: DEPENDS, RDEPENDS on a package of another recipe, an extra task between
# existing ones with [depends] through a virtual name, and a [nostamp] task.
DEPENDS = "libfoo tool"
RDEPENDS:${PN} = "libfoo-utils"

do_deploy() {
	:
}
addtask deploy after do_install before do_build
do_deploy[depends] = "virtual/compiler:do_populate_sysroot"
do_deploy[nostamp] = "1"

do_check() {
	:
}
addtask check after do_compile before do_install
do_check[rdepends] = "runtime-bar:do_package"
