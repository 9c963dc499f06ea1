# A task [depends] on a recipe nothing provides.
do_compile[depends] = "no-such-tool:do_install"
