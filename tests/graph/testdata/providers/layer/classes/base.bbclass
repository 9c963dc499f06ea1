do_fetch() {
	:
}
addtask fetch
do_compile() {
	:
}
addtask compile after do_fetch
do_compile[deptask] = "do_install"
do_install() {
	:
}
addtask install after do_compile
do_package() {
	:
}
addtask package after do_install
do_package[rdeptask] = "do_package"
do_build[noexec] = "1"
addtask build after do_package
