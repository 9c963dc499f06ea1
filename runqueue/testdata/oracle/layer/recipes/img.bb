DEPENDS = "tool"
RDEPENDS:${PN} = "app"
addtask do_fetch
addtask do_rootfs after do_fetch
do_rootfs[depends] = "virtual/tool:do_populate"
do_rootfs[rdeptask] = "do_package"
addtask do_sdk
do_sdk[depends] = "libfoo:do_compile"
do_sdk[rdepends] = "runtime-bar:do_package"
addtask do_image after do_rootfs
do_image[recideptask] = "do_sdk"
do_image[recrdeptask] = "do_fetch"
addtask do_build after do_image
do_build[noexec] = "1"
do_build[recrdeptask] = "do_build"
