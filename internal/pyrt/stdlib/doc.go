// Package stdlib provides the Python standard modules BitBake metadata imports,
// for gobake's Python runtime (internal/pyrt) on gpython v0.2.0.
//
// # Registration
//
// Importing the package (for its side effect) registers every module with
// gpython's module registry (py.RegisterModule) in init, replacing gpython's
// own os, time, glob, tempfile and string by name; gpython's math and binascii
// are kept. The runtime needs nothing else:
//
//	import _ "github.com/gobake/gobake/internal/pyrt/stdlib"
//
// Modules() lists the registered names.
//
// # Two halves
//
// Where CPython uses C, the work is done in Go: posix (system calls), re
// (Pattern and Match on Go's regexp), _subprocess (process creation and
// pipes), _hashlib (crypto hashes), time (clocks, strftime) and _json (the
// decoder and string escaping). Everything else is Python source embedded
// from py/ (loaded lazily, see below): os, os.path
// (posixpath), subprocess, shutil, glob, fnmatch, errno, stat, tempfile, json,
// hashlib, shlex, collections, functools, itertools, string, io, contextlib,
// textwrap, logging, traceback, signal, pwd, grp, uuid, multiprocessing,
// operator, copy, types, resource (on Go's getrusage) and random (on Go's
// generator: sequences differ from CPython's Mersenne Twister), and
// email.header.decode_header (oe.patch). A file py/a.b.py is module a.b.
// The Python half is written in the subset gpython's compiler accepts (no
// f-strings) and relies on pyrt for CPython's object model (dicts with any
// key, str methods, exception classes).
//
// A source-backed module is registered with a one-line stub body that calls
// a Go loader on first import: the loader compiles the real body with the
// importing runtime's own pipeline when the context has a Compile method
// (pyrt.Runtime: lowering, gpython, code fixes, cached per runtime), else
// with gpython's compiler once per process. Registration therefore costs
// about 0.5ms at start-up instead of the ~50ms of compiling every module
// (go test -bench . ./internal/pyrt/stdlib). The runtime-compiled code is
// kept and reused by later runtimes (compiled code is plain data), so a
// fresh runtime importing os, re, subprocess, shutil, glob, json, tempfile,
// hashlib, collections, functools and logging costs about 3ms.
//
// os.environ is the process environment (putenv/unsetenv write through),
// as in CPython; runtimes in one gobake process therefore share it.
//
// Go functions reach their interpreter through the module they are bound to
// (self.(*py.Module).Context) and build objects through that context's
// builtins (dict, OSError subclasses), so the types pyrt installs are used.
// A context that implements Stdout/Stderr/Stdin (pyrt.Runtime does) gives
// children started by subprocess its streams.
//
// # re
//
// Python patterns are translated to RE2 syntax (retranslate.go): \d \w \s
// get CPython's Unicode meaning, \Z, {,n}, VERBOSE, scoped inline flags,
// octal and \x/\u/\U escapes are rewritten. A non-MULTILINE '$' also matches
// before a final newline, as in CPython: it is compiled to a marker group
// plus (?:\n?\z) and the match end is moved back when the newline was taken.
// Iteration (findall, finditer, sub, split) adds the empty match CPython 3.7+
// allows right after a non-empty one. Constructs RE2 cannot run —
// backreferences, lookahead/lookbehind, conditional and atomic groups,
// possessive quantifiers — raise re.error naming the construct. \b and \B
// use Go's ASCII notion of a word character.
//
// # Testing
//
// tests/python/std_*.py are differential programs run under CPython and
// `gobake python`; tests/python/_pending_std/ holds programs that wait for
// runtime (pyrt) features. GOBAKE_STDLIB_RUN=file.py on this package's test
// binary runs a file on stock gpython plus these modules.
package stdlib
