# A leaf library with a patch task that is deleted again, and a native variant.
do_patch() {
	:
}
addtask patch after do_unpack before do_configure
deltask do_patch
BBCLASSEXTEND = "native nativesdk"
