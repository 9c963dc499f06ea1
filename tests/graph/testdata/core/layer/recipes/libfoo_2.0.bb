# Several packages with runtime dependencies between them; a virtual build dependency.
DEPENDS = "zlib virtual/compiler"
DEPENDS:class-native = "zlib-native"
PACKAGES = "${PN} ${PN}-dev libfoo-utils"
RDEPENDS:${PN}-dev = "${PN}"
RDEPENDS:libfoo-utils = "runtime-bar (>= 1.0)"
BBCLASSEXTEND = "native"
