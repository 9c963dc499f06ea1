// Package pyrt is gobake's Python runtime on gpython v0.2.0, and the only importer of gpython
// outside its stdlib subpackage. It gives metadata Python (${@...} expressions, python tasks,
// def blocks, layer lib/ modules) the results CPython 3.11 would give.
//
// # Model
//
// A Runtime is one interpreter. It implements py.Context itself, so a Go-backed module
// function finds its Runtime with FromContext(module.Context) (stdout, stderr, argv, hooks).
// New instantiates gpython's builtins module and then patches it: pyrt replaces the builtins
// whose gpython behaviour differs from CPython's (print, str, repr, format, sorted, min, max,
// isinstance, dict, set, super, __build_class__, __import__, exec, eval, compile, ...).
// Standard modules are registered with py.RegisterModule by internal/pyrt/stdlib, which
// must not import pyrt: it reaches pyrt's types through the builtins module (e.g. the "dict"
// builtin) so both packages stay independent.
//
// # Lowering
//
// gpython parses Python 3.4. Runtime.Compile first runs Lower, a token-level source rewrite
// that keeps every line number: f-strings become calls of __pyrt_fmt__, starred and dict/set
// displays become calls of __pyrt_* builders (so dicts keep insertion order and accept any
// hashable key), and zero-argument super() gets its class and instance arguments.
//
// # Decisions
//
// gpython's VM cannot be changed from outside, so gaps are closed only through what it exports:
// type method tables, the module registry, replaced builtins and lowering. See the comments of
// the files that close each gap.
package pyrt
