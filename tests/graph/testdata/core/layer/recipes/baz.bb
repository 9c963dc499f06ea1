PACKAGES = "${PN} baz-extra"
