# BBCLASSEXTEND = "native": the variant builds for the build host.
CLASSOVERRIDE = "class-native"
PN = "${BPN}-native"
PACKAGES = ""
