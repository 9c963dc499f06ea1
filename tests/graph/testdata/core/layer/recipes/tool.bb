# A task [depends] on a native recipe's task.
do_compile[depends] = "zlib-native:do_populate_sysroot"
