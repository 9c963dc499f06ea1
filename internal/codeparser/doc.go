// Package codeparser finds what metadata code depends on, as bb.codeparser does.
//
// ShellExecs returns the commands a shell function body executes (BitBake's
// ShellParser.parse_shell): the literal first word of every simple command, including
// commands inside $(...), `...`, pipelines, lists, compound commands and function bodies, and
// the words after `eval` parsed again as shell; names of functions the body itself defines are
// excluded, and commands whose name is not a literal ($CMD, "$@") are skipped. The result
// drives which shell functions a task's run script must contain (bb.data.emit_func) and,
// later, task signatures. Parsing uses mvdan.cc/sh/v3 in bash mode, which accepts the POSIX
// shell BitBake's pyshyacc accepts and the bashisms task bodies use.
package codeparser
