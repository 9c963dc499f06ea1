# addtask after a task that does not exist; deltask of a task in the middle of the chain;
# addtask of an existing task again, with more constraints.
do_extra() {
	:
}
addtask extra after do_nonexistent before do_build

do_late() {
	:
}
addtask late after do_compile before do_build
deltask do_compile

addtask package after do_configure before do_populate_sysroot
