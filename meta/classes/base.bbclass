# Task chain of the demo layer: fetch -> unpack -> compile -> install -> deploy -> build.
# Sources are file:// URLs copied from FILESPATH; install stages into D and publishes into a
# shared sysroot that dependent recipes read.

SRC_URI ??= ""

def demo_local_files(d):
    """Return the file:// paths of SRC_URI, resolved against FILESPATH."""
    import os
    found = []
    for uri in (d.getVar('SRC_URI') or '').split():
        if not uri.startswith('file://'):
            bb.fatal("%s: only file:// sources are supported by the demo layer" % uri)
        name = uri[len('file://'):].split(';')[0]
        for base in (d.getVar('FILESPATH') or '').split(':'):
            path = os.path.join(base, name)
            if os.path.exists(path):
                found.append(path)
                break
        else:
            bb.fatal("file://%s not found in FILESPATH" % name)
    return found

python do_fetch() {
    import shutil
    dl = d.getVar('DL_DIR')
    bb.utils.mkdirhier(dl)
    for path in demo_local_files(d):
        shutil.copy(path, dl)
}
do_fetch[dirs] = "${DL_DIR}"
addtask fetch

do_unpack() {
    for f in ${SRC_URI}; do
        name=$(basename "${f#file://}")
        cp "${DL_DIR}/$name" "${S}/"
    done
}
do_unpack[cleandirs] = "${S}"
do_unpack[dirs] = "${S}"
addtask unpack after do_fetch

do_compile() {
    :
}
do_compile[dirs] = "${B}"
# Dependencies (DEPENDS) publish into the sysroot before this recipe compiles.
do_compile[deptask] = "do_deploy"
addtask compile after do_unpack

do_install() {
    :
}
do_install[cleandirs] = "${D}"
do_install[dirs] = "${D}"
addtask install after do_compile

do_deploy() {
    mkdir -p "${SYSROOT_DIR}"
    cp -a "${D}/." "${SYSROOT_DIR}/"
}
addtask deploy after do_install before do_build

do_build[noexec] = "1"
addtask build
