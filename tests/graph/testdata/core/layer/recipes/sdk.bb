# An SDK: [recrdeptask] naming itself and another task, [recideptask].
DEPENDS = "libfoo"
RDEPENDS:${PN} = "app"

do_populate_sdk() {
	:
}
addtask populate_sdk after do_unpack before do_build
do_populate_sdk[recrdeptask] = "do_populate_sdk do_package_write"
do_populate_sdk[recideptask] = "do_populate_sysroot"
do_populate_sdk[depends] = "tool:do_populate_sysroot"

do_prep[noexec] = "1"
addtask prep before do_populate_sdk
