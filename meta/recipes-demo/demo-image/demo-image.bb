SUMMARY = "Image-like recipe: assembles the outputs of its dependencies into an archive"
DEPENDS = "greeter greeting-data"

IMAGE_NAME = "${PN}-${MACHINE}"
IMAGE_ROOTFS = "${WORKDIR}/rootfs"

do_image() {
    rm -rf "${IMAGE_ROOTFS}"
    mkdir -p "${IMAGE_ROOTFS}" "${DEPLOY_DIR_IMAGE}"
    cp -a "${SYSROOT_DIR}/." "${IMAGE_ROOTFS}/"
    echo "${IMAGE_NAME}" > "${IMAGE_ROOTFS}/etc-release"
    tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
        -C "${IMAGE_ROOTFS}" -czf "${DEPLOY_DIR_IMAGE}/${IMAGE_NAME}.tar.gz" .
}
do_image[deptask] = "do_deploy"
addtask image after do_compile before do_build

do_deploy[noexec] = "1"
