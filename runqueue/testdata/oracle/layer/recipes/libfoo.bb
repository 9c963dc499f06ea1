DEPENDS = "zlib"
addtask do_fetch
addtask do_unpack after do_fetch
addtask do_compile after do_unpack
do_compile[deptask] = "do_populate"
addtask do_populate after do_compile
addtask do_package after do_populate
do_package[rdeptask] = "do_package"
addtask do_build after do_populate
do_build[noexec] = "1"
do_build[recrdeptask] = "do_build do_package"
