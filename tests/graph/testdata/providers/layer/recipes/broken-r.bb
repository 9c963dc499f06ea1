# A runtime dependency nothing provides.
RDEPENDS:${PN} = "no-such-pkg"
