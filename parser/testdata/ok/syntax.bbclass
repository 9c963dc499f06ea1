# a class with a python def at end of file and no trailing newline
EXPORT_FUNCTIONS do_install
addhandler syntax_eventhandler
python syntax_eventhandler() {
    pass
}
syntax_do_install() {
	:
}
def tail_def(d):
    return 1

