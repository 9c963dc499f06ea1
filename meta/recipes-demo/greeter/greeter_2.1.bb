SUMMARY = "A script that greets in every language greeting-data knows"
DEPENDS = "greeting-data"
SRC_URI = "file://greeter.sh.in"

FAVOURITE ?= "hello"
FAVOURITE:gobake-demo = "${@d.getVar('FAVOURITE_WORD').upper()}"
FAVOURITE_WORD ?= "hallo"

python do_configure() {
    import os
    numbered = os.path.join(d.getVar('SYSROOT_DIR'), 'usr/share/greetings/greetings.numbered')
    with open(numbered) as f:
        count = len(f.read().splitlines())
    subst = {'PN': d.getVar('PN'), 'PV': d.getVar('PV'),
             'COUNT': str(count), 'FAVOURITE': d.getVar('FAVOURITE')}
    with open(os.path.join(d.getVar('S'), 'greeter.sh.in')) as f:
        text = f.read()
    for key, value in sorted(subst.items()):
        text = text.replace('@%s@' % key, value)
    with open(os.path.join(d.getVar('B'), 'greeter'), 'w') as f:
        f.write(text)
    bb.note("greeter configured for %d greetings" % count)
}
do_configure[dirs] = "${B}"
do_configure[deptask] = "do_deploy"
addtask configure after do_unpack before do_compile

do_install() {
    install -d "${D}/usr/bin"
    install -m 0755 "${B}/greeter" "${D}/usr/bin/greeter"
}
