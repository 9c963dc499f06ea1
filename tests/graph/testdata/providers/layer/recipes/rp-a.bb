# Two runtime providers; PREFERRED_RPROVIDER_virtual-rt picks rp-b.
RPROVIDES:${PN} = "virtual-rt"
