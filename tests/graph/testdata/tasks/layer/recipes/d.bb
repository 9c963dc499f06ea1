# recrdeptask naming tasks some recipes lack; [depends] on a task of a recipe's native
# variant is elsewhere (core).
DEPENDS = "b c"
do_all() {
	:
}
addtask all after do_fetch before do_build
do_all[recrdeptask] = "do_late do_side do_install"
