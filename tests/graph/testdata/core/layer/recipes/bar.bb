# Runtime-provided under another name; RRECOMMENDS a package of another recipe.
DEPENDS = "zlib"
RPROVIDES:${PN} = "runtime-bar"
RRECOMMENDS:${PN} = "baz-extra"
