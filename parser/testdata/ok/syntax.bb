# Every statement form BBHandler accepts, with BitBake's odd corners.
SUMMARY = "plain"
A="no blanks"
B ?= 'single quoted'
C ??= "weak"
D := "${@d.getVar('A')}"
E += "append"
F =+ "prepend"
G .= "postdot"
H =. "predot"
	
I:append:arm = " override chain"
J_append = "old-style name stays a name"
K[doc] = "flag"
L[flag@.service] = "at in flag"
export M = "exported"
export N
M+= "lazy name: M with +="
M+ = "name M+ with ="
M.. = 'name M.. with ='
M.= "name M with .="
Q = "a"b"c"
R = 'it''s'
S = "x" "y"
T = "continued \
    across \
lines"
U = "tab	inside"
V = ""
${PN}_dyn = "expanded name"
unset A
unset K[doc]
include foo.inc
require   ${BPN}/bar.inc  extra.inc
include_all conf/distro/include/x.inc
inherit autotools pkgconfig
inherit_defer ${@'native' if d.getVar('X') else ''}
inherit = "claimed by the inherit rule"
addtask do_a
addtask do_b after do_a
addtask do_c before do_build after do_a do_b
addtask do_d after do_a before do_build after do_z
addtask do_e before do_afterthing
addtask do_f-dash
deltask do_fetch do_unpack
addhandler my_handler
EXPORT_FUNCTIONS do_configure do_compile

do_install() {
	install -d ${D}${bindir}
    # a comment inside a body stays \
  continued lines are not joined
	if true; then echo "}"; fi

}

fakeroot do_deploy () {
	:
}

python do_py() {
    bb.note("hi")
}

python () {
    d.setVar('X', '1')
}

python __anonymous() {
    pass
}

fakeroot python do_both() {
    pass
}

python fakeroot() {
    pass
}

fakeroot() {
	echo shell function named fakeroot
}

do_empty() {
}

${PN}-extra.do:x () {
	true
}

def helper(d):
    return "x"

# trailing comment and blank lines belong to the def

def other(a, \
          b): return a
A2 = "after def"
# comment continued \
# by another comment line
