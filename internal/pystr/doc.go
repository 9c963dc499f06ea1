// Package pystr holds Python's text algorithms that gobake's packages share without importing
// each other: str.__repr__ for the datastore (bitbake -e output, _task_deps) and the Python
// runtime, and difflib.get_close_matches for the cooker's "Nothing PROVIDES" errors.
package pystr
