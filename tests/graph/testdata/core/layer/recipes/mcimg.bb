# A task that needs a task of another multiconfig.
inherit image
IMAGE_INSTALL = "bar"
do_image[mcdepends] = "mc::second:tool:do_populate_sysroot mc:second::zlib:do_install"
