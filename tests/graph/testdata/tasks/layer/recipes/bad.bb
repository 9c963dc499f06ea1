# [depends] on a task the other recipe does not have: BitBake stops.
do_compile[depends] = "a:do_nosuch"
