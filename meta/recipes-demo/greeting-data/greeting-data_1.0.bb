SUMMARY = "Greetings in several languages, sorted and numbered"
SRC_URI = "file://greetings.txt"

do_compile() {
    sort "${S}/greetings.txt" | nl -w1 -s' ' > greetings.numbered
}

do_install() {
    install -d "${D}${datadir}/greetings"
    install -m 0644 "${B}/greetings.numbered" "${D}${datadir}/greetings/"
}

datadir = "/usr/share"
