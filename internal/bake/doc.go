// Package bake turns build targets into a run: it resolves targets and their DEPENDS,
// RDEPENDS and task [depends]/[rdepends]/[mcdepends] to recipes (BitBake's taskdata),
// builds the task graph (runqueue.Builder), signs it with base hashes from siggen, and runs
// it with the runqueue scheduler, each task executed by internal/build.
//
// It is the glue between the cooker (internal/cook), the runqueue and task execution; it
// holds no policy of its own beyond BitBake's: providers come from the cooker's provider
// selection, task semantics from the runqueue and bb.build equivalents.
package bake
