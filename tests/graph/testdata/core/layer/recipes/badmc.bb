# A task that needs a task of a multiconfig BBMULTICONFIG does not name.
inherit image
do_image[mcdepends] = "mc::nowhere:tool:do_populate_sysroot"
