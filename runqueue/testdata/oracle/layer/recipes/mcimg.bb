addtask do_fetch
addtask do_image after do_fetch
do_image[mcdepends] = "mc:second::bar:do_populate"
addtask do_build after do_image
do_build[noexec] = "1"
