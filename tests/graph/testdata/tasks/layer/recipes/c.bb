# A task before another without after; a task that only something else's [depends] uses.
do_first() {
	:
}
addtask first before do_fetch
do_side() {
	:
}
addtask side
do_install[depends] += "b:do_install"
