# Image-like recipes: a root filesystem from the packages they install.
IMAGE_INSTALL ?= ""
RDEPENDS:${PN} = "${IMAGE_INSTALL}"

do_rootfs() {
	:
}
addtask rootfs after do_unpack before do_build
do_rootfs[rdeptask] = "do_package_write"
do_rootfs[depends] = "virtual/compiler-native:do_populate_sysroot"

do_image() {
	:
}
addtask image after do_rootfs before do_build
do_image[recrdeptask] = "do_populate_sdk"

# Images have no package chain of their own.
deltask do_configure
deltask do_compile
deltask do_install
deltask do_package
deltask do_package_write
deltask do_populate_sysroot
