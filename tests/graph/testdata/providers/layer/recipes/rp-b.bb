RPROVIDES:${PN} = "virtual-rt"
