// Package parser turns BitBake metadata (.conf, .bb, .bbappend, .bbclass, .inc) into an AST
// with positions on every node. It resolves nothing: no variables, no includes, no
// overrides. It accepts exactly what BitBake 2.8's parser accepts (plus `include_all` and
// `addfragments` of BitBake >= 2.12, which current OE-core uses) and extracts the same
// statements, so that the cooker can evaluate them the way bb.parse.ast does.
//
// # Model
//
// BitBake reads metadata line by line. The file name picks one of two handlers
// (bb.parse.handle): ConfHandler for .conf files (ModeConf) and BBHandler for the others
// (ModeRecipe), which first tries its own rules and then falls back to ConfHandler's for
// assignments, include/require, export and unset. A file is a sequence of statements, one
// per bb.parse.ast node, in source order:
//
//	Assign        [export ]NAME[[flag]] OP "value"        DataNode
//	ExportVar     export NAME                              ExportNode
//	Unset         unset NAME                               UnsetNode
//	UnsetFlag     unset NAME[flag]                         UnsetFlagNode
//	Include       include|require|include_all ARG          IncludeNode, IncludeAllNode
//	Inherit       inherit|inherit_defer ARG                InheritNode, InheritDeferredNode
//	AddTask       addtask TASK [before ...] [after ...]    AddTaskNode
//	DelTask       deltask ARG                              DelTaskNode
//	AddHandler    addhandler ARG                           BBHandlerNode
//	AddPylib      addpylib DIR NAMESPACE (.conf only)      PyLibNode
//	AddFragments  addfragments A B C D                     AddFragmentsNode
//	ExportFuncs   EXPORT_FUNCTIONS ARG                     ExportFuncsNode
//	Func          [python] [fakeroot] NAME () { ... }      MethodNode
//	PyDef         def NAME(...): + indented lines          PythonMethodNode
//	Comment       # ...                                    (dropped by BitBake)
//
// Recipe-mode statements only exist in ModeRecipe; AddPylib only in ModeConf.
// Every value is kept raw: Assign.Value is the text between the quotes after continuation
// joining (no unescaping, `${...}` and `${@...}` verbatim); include, inherit and the other
// keyword arguments are the regex group BitBake keeps, unexpanded and unsplit.
//
// # BitBake's line rules, reproduced exactly
//
//   - Lines end at \n, \r\n or \r and are right-trimmed of (Unicode) whitespace.
//   - A line ending in a backslash continues: the backslash is dropped and the next
//     right-trimmed line appended with nothing in between. Inside a function body there is
//     no joining. A comment continued into a non-comment line is an error (BitBake's
//     "confusing multiline, partially commented expression"); a comment line inside a
//     continued statement is an error in recipe mode and part of the value in conf mode.
//   - A statement or comment starts in column 1: an indented line outside a function body
//     is an "unparsed line" error, as in BitBake.
//   - Quotes match greedily: the value runs from the first quote after the operator to the
//     last character of the line, which must be the same quote; a value of the form
//     `"a"b"` (exactly three quotes of its kind) is rejected. So `A = "a" b"` is an error
//     and `A = "a"b"c"` assigns `a"b"c`.
//   - The variable name is matched lazily: `A+=` is NAME "A" with OP "+=", `A+ =` is NAME
//     "A+" with OP "=".
//   - A function body ends at a line that is exactly `}`. A `def` block takes every
//     following line that is empty, starts with whitespace or starts with '#'.
//
// # Positions and errors
//
// Every node has Pos (its first byte) and EndPos (just past its last byte), taken from the
// lexer's tokens. BitBake's own line numbers differ: a node's lineno is its LAST line
// (MethodNode: the closing brace; PythonMethodNode: the line after the block, or the line
// count + 1 at end of file); BitBakeLine computes it. Errors are *Error values printed as file:line:col: message;
// Parse recovers line by line and returns all of them as an ErrorList, together with every
// statement that did parse. No input makes it panic or loop.
//
// # Grammar
//
// The grammar is participle's (see Grammar()); the struct tags of the node types are its
// productions. The lexer (Lexer, a participle lexer.Definition) is stateful and hand-written
// because BitBake's regexps need lookahead, back-references and backtracking that
// participle's regexp lexer cannot express: it runs BitBake's line rules and emits a few
// coarse tokens per statement (for example NAME, FLAG, OP, QUOTE, VALUE for an assignment,
// one token for a whole function body), so the reflection-driven grammar stays cheap:
// BenchmarkParseIsar parses Isar's 297 metadata files (455 KB) in about 16 ms of CPU time.
//
// In EBNF (token names in angle brackets; <funcname> and <body> may be empty tokens).
// Comments are not tokens: the lexer records them, with the span of every statement, and
// Parse puts Comment nodes in place after the grammar has run:
//
//	File         = Stmt* .
//	Stmt         = Assign | Func | Inherit | PyDef | AddTask | Include | ExportVar | AddHandler
//	             | Unset | UnsetFlag | DelTask | ExportFuncs | AddPylib | AddFragments .
//	Assign       = <kwexport>? <name> <flag>? <op> <quote> <value> .
//	Func         = (<funcpython> | <funcfakeroot>)* <funcname> <funcopen> <body> <funcclose> .
//	Inherit      = (<kwinherit> | <kwinheritdefer>) <arg> .
//	Include      = <kwinclude> <arg> .
//	AddTask      = <kwaddtask> <task> <args>? (<kwbefore> <before>)? (<kwafter> <after>)? .
//	ExportVar    = <kwexportvar> <name> .
//	PyDef        = <kwdef> <defname> <body> .
//	Unset        = <kwunset> <name> .
//	UnsetFlag    = <kwunsetflag> <name> <flag> .
//	DelTask      = <kwdeltask> <arg> .
//	AddHandler   = <kwaddhandler> <arg> .
//	ExportFuncs  = <kwexportfuncs> <arg> .
//	AddPylib     = <kwaddpylib> <arg> <arg> .
//	AddFragments = <kwaddfragments> <arg> <arg> <arg> <arg> .
//
// # Example
//
// A recipe fragment and the statements it yields (JSON as `gobake parse --json` prints it,
// positions omitted):
//
//	export CFLAGS:append:arm = " -O2"   {"Kind":"assign","Export":true,"Name":"CFLAGS:append:arm","Op":"=","Quote":"\"","Value":" -O2"}
//	SRC_URI[sha256sum] ?= 'abc'          {"Kind":"assign","Name":"SRC_URI","Flag":"sha256sum","Op":"?=","Quote":"'","Value":"abc"}
//	inherit_defer ${CLASS}               {"Kind":"inherit","Deferred":true,"Classes":"${CLASS}"}
//	addtask deploy after do_compile      {"Kind":"addtask","Task":"deploy","Args":"after do_compile","HasAfter":true,"After":"do_compile"}
//	fakeroot do_install() {              {"Kind":"func","Fakeroot":true,"Name":"do_install","Body":["\tinstall -d ${D}"]}
//		install -d ${D}
//	}
//
// A conformance check against BitBake compares, per statement: Kind; for Assign Name, Flag,
// Op, Value and Export (BitBake's groupd exp/var/flag/value and which operator group is
// set); for Func FuncName(), Python, Fakeroot and Text(); for PyDef Name and Text(); the raw
// argument of Include (with Verb), Inherit (with Deferred), DelTask, AddHandler,
// ExportFuncs; AddTask's Task, Before and After (None when !HasBefore / !HasAfter).
package parser
