# A build-time dependency nothing provides.
DEPENDS = "no-such-lib"
