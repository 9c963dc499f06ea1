# Needs every kind of provider; ASSUME_PROVIDED names are left out.
DEPENDS = "foo virtual/multi hostthing hosttools-gcc"
RDEPENDS:${PN} = "virtual-rt other-rt dyn-plugin-x rr-c plain hostthing"
do_install[depends] = "virtual/multi:do_install"
do_compile[depends] += "hostthing:do_install"
do_package[rdepends] = "hosttools-x:do_package rp-a:do_install"
