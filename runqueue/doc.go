// Package runqueue turns recipes into a task graph and runs it: BitBake's runqueue.py,
// without its recursion, its pickled worker pipes and its lost state.
//
// # Graph
//
// A task is identified by a TaskID (multiconfig, recipe file, task name), like BitBake's
// tid. The cooker describes each recipe with a RecipeSpec: its tasks in addtask order (a
// TaskList replays addtask/deltask to get them), each with its predecessors in the recipe
// and its dependency flags, and the recipe's DEPENDS and RDEPENDS already resolved to
// provider recipes. Builder.Build expands that as RunQueueData.prepare does:
//
//   - part A, per task: addtask edges (to existing tasks only), [mcdepends] (every entry of
//     the task's multiconfig whose FROM matches, as add_mc_dependencies does), [deptask]
//     over DEPENDS, [rdeptask] over RDEPENDS, [depends]/[rdepends] "NAME:TASK" through the
//     provider tables (Builder.Provide / RProvide; PN is always a name), and the direct part
//     of [recrdeptask];
//   - part B, the [recrdeptask]/[recideptask] closure: every recursive task gains the named
//     tasks of every recipe reachable from its dependencies, and those of the recursive
//     tasks it depends on, until nothing changes; then self-referencing recursive tasks
//     (do_build[recrdeptask] = "do_build") lose their edges to each other. The loop keeps
//     recipe sets as bitsets; closure_test.go checks it against a literal transcription of
//     the Python on random graphs;
//   - steps B-D: mark the targets and everything they need ("TASK-" targets: only what they
//     need), apply --runall (iterated until no new recipe appears) and --runonly, prune the
//     rest, reject cycles (CycleError names one), and weight each task by the longest chain
//     of tasks waiting for it.
//
// Graph.WriteDot writes task-depends.dot and pn-buildlist byte for byte as `bitbake -g`
// (nodes "PN.TASK" with mc: prefixes, labels "PN TASK\nPE:PV-PR\nFILE", sorted lines);
// pn-buildlist follows the order recipes were added, so the cooker must add them in
// BitBake's taskdata order for that file to match.
//
// # Signatures and stamps
//
// Graph.Sign asks a Signer (internal/siggen; BaseHashSigner for a base hash per task) for
// each task's hash in dependency order, passing the hashes of its dependencies and its
// taint: the content of STAMP.TASK.taint (written by Graph.Invalidate for -f and -C) or, for
// [nostamp] tasks, a random value per build, so that what follows them reruns.
//
// A task is up to date when STAMP.TASK.HASH exists, it is not [nostamp], and no dependency
// in the same recipe ran in this build or has a missing or newer stamp (check_stamp_task).
// Stamps are written by the scheduler after the TaskRunner succeeds (and for [noexec] tasks
// without running them); a stamp is an empty file, so creating it is atomic, and it
// replaces older STAMP.TASK.* stamps. -f/-C taint files are written through a temporary
// file and a rename.
// Command-line semantics map as follows: -c TASK and "TARGET:do_TASK" set Target.Task; -f
// is Invalidation.Force (taint the targets, so they and their dependents rerun, now and
// until their signature changes); -C TASK is Invalidation.ClearStamp (taint TASK of each
// target recipe, then build the default task); --runall and --runonly are Request fields.
//
// # Scheduler
//
// Run is shaped like cmd/go's Builder.Do: one mutex guards the state; Threads workers
// (BB_NUMBER_THREADS) take the heaviest ready task whose [number_threads] class (the
// smallest limit given for that task name) and [lockfiles] are free. Lock files are also
// flocked around the TaskRunner call, for other processes sharing them. When a task fails
// every task after it becomes depfailed at once; without KeepGoing (-k) no new task starts,
// with it everything independent still runs. Cancelling the context stops new tasks and is
// passed to running ones. Nothing recurses: a chain of any length runs. Observers get
// Events; Progress shows them as a progressbar/v3 bar on a terminal or as one line per task
// otherwise, and WriteSummary lists failures with recipe, task and log.
//
// The TaskRunner boundary: RunTask(ctx, task) runs one task body (run.do_X script or Python
// function, logs, privileged wrapper) and reports its exit code and log path; it knows
// nothing of stamps, ordering or state.
//
// # State
//
// A Store keeps builds and their tasks: MemStore in memory, sqlitestore in
// ${TMPDIR}/gobake/state.db; both pass storetest. The sqlite schema (version 1, in
// PRAGMA user_version):
//
//	builds(id INTEGER PRIMARY KEY AUTOINCREMENT, started INTEGER, ended INTEGER, status TEXT,
//	       pid INTEGER, command TEXT, targets TEXT)
//	tasks(build, seq, mc, file, pn, task, hash, status, started, ended,
//	      exit_code, log_path, error, PRIMARY KEY(build, seq))
//	edges(build, task, dep, PRIMARY KEY(build, task, dep))  -- task and dep are seqs
//
// Times are Unix nanoseconds (NULL when unset); targets are newline-separated; seq is the
// task's position in Graph.Tasks; status is a TaskStatus (pending, running, done, current,
// noexec, failed, depfailed, notrun) or BuildStatus (running, succeeded, failed, cancelled,
// interrupted). A build still "running" when the next one begins belonged to a process that
// died: BeginBuild marks it interrupted.
//
// # One build directory, one gobake
//
// LockBuildDir takes an flock on a lock file holding the holder's pid and command line.
// A second gobake fails at once with a LockedError naming that process. The kernel drops
// an flock when its holder dies, so a lock left by kill -9 is simply taken over; a pid
// still written in the file tells the new holder (BuildLock.Stale) that the previous build
// was interrupted. Because completion is recorded only by atomically written stamps, the
// next build after a crash reruns exactly the tasks that had not completed
// (crash_test.go kills a child build with SIGKILL to check this).
package runqueue
