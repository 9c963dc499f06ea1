// Package siggen computes task base hashes: which variables and functions each task of a
// recipe depends on, and a hash of their values (bb.data.generate_dependencies and
// generate_dependency_hash).
//
// For every task in __BBTASKS, Dependencies finds what the task's code refers to: ${VAR}
// references in values (data.Store.ExpandWithRefs), commands of shell functions that are
// metadata functions (codeparser.ShellExecs) plus every exported variable, and for python
// functions the getVar/getVarFlag/contains/exec_func calls (pyrt.ParseCodeRefs). [vardeps],
// [vardepsexclude], [vardepvalue], [vardepvalueexclude], [prefuncs], [postfuncs] and
// [exports] adjust the set; BB_BASEHASH_IGNORE_VARS is removed; non-excluded flags
// (BB_SIGNATURE_EXCLUDE_FLAGS) become "VAR[flag]" dependencies. The closure of those
// dependencies, with each one's value, is the task's signature data; its SHA-256 is the base
// hash. SigData returns that text line by line ("name value"), so a user can see why a task
// reran (habit 11 of STYLE.md).
//
// Task hashes (base hash plus the hashes of the tasks a task depends on) are computed by the
// runqueue from these base hashes (runqueue.BaseHashSigner).
//
// Not yet modelled: :remove operations' contributions to values (handle_remove),
// BB_HASH_CODEPARSER_VALS, python module code dependencies (modulecode_deps) and file
// checksums (file-checksums flag).
package siggen
