# RRECOMMENDS a package nothing provides.
RRECOMMENDS:${PN} = "no-such-rec"
