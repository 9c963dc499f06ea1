// Package build executes the functions and tasks of a recipe, as bb.build does.
//
// ExecTask runs one task of a finalized recipe datastore: it makes a task copy of the data
// (OVERRIDES gains task-NAME, BB_FILENAME, BB_RUNTASK and BB_LOGFILE are set), opens
// ${T}/log.do_X.PID with a log.do_X symlink and an entry in log.task_order, then runs the
// task's [prefuncs], the task itself and its [postfuncs] with ExecFunc. ExecFunc honours
// [cleandirs] (removed and recreated), [dirs] (created; the last one is the working
// directory), [lockfiles] (exclusive flock while the function runs) and [umask].
//
// Shell functions run through a generated script ${T}/run.do_X.PID (symlinked as run.do_X)
// holding, as bb.data.emit_func writes them, every non-function variable (exported ones as
// `export`, others as `unset` or plain assignments), the function, and exactly the shell
// functions it reaches, found with codeparser.ShellExecs and [vardeps]. The script starts
// with BitBake's exit trap and `set -e`. Tasks without [network] run in a fresh network
// namespace (loopback only), as BitBake does with unshare(CLONE_NEWNET); where user
// namespaces are unavailable they run without it, as BitBake does.
//
// Python functions run through the Python hook (the cooker wires pyrt in); Isar's sudo calls
// reach the privileged wrapper through the environment a Privileged runner provides.
//
// This package is separate from internal/exec, which owns privilege (namespaces, schroot,
// bubblewrap): build owns the bb.build semantics (scripts, logs, flags) and uses exec only
// through its Runner interface.
package build
