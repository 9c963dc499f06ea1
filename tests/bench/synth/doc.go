// Package synth writes synthetic layers for end-to-end scheduler benchmarks: the same
// layer is built by `gobake TARGET` and by upstream `bitbake TARGET`, and the wall time of
// the build (minus the time of `-g TARGET`, which parses and builds the graph) divided by
// the number of tasks is the per-task overhead of scheduling and running them.
//
// Three shapes (Shape):
//
//   - FanIn: Recipes recipes of Tasks [noexec] tasks each; recipe i DEPENDS on recipes i/2
//     and i/3, and the target recipe "top" DEPENDS on all others; each recipe's second
//     task has [deptask] on the last task of its DEPENDS. 1,000 x 20 = 20,000 tasks.
//   - Chain: the same tasks in one serial chain across recipes: recipe i DEPENDS on
//     recipe i-1 and its first task waits for the last task of i-1 ([deptask]).
//     500 x 20 = 10,000 tasks in a row (BitBake 2.8 stops with RecursionError past about
//     980).
//   - Shell: FanIn's graph with empty shell tasks (`:`) instead of [noexec]: each task is
//     a run script, a log and a process.
//
// Write produces DIR/layer (the layer) and DIR/build (a build directory whose
// conf/bblayers.conf names it); the target is always "top".
package synth
