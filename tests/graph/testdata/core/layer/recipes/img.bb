# An image: RDEPENDS through IMAGE_INSTALL, [rdeptask], [recrdeptask] of a [recrdeptask].
inherit image
IMAGE_INSTALL = "app libfoo-dev sdk"
