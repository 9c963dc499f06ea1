# The standard task chain of the graph fixtures. Bodies are empty: only the graph matters.

do_fetch() {
	:
}
addtask fetch

do_unpack() {
	:
}
addtask unpack after do_fetch

do_configure() {
	:
}
addtask configure after do_unpack
do_configure[deptask] = "do_populate_sysroot"

do_compile() {
	:
}
addtask compile after do_configure

do_install() {
	:
}
addtask install after do_compile

do_populate_sysroot() {
	:
}
addtask populate_sysroot after do_install

do_package() {
	:
}
addtask package after do_install

do_package_write() {
	:
}
addtask package_write after do_package
do_package_write[rdeptask] = "do_package"

do_build[noexec] = "1"
do_build[recrdeptask] = "do_build"
addtask build after do_populate_sysroot do_package_write

do_clean() {
	:
}
do_clean[nostamp] = "1"
addtask clean

do_listtasks[noexec] = "1"
addtask listtasks
