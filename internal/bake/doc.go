// Package bake turns build targets into a run: it resolves targets and their DEPENDS,
// RDEPENDS and task [depends]/[rdepends]/[mcdepends] to recipes (BitBake's taskdata),
// builds the task graph (runqueue.Builder), signs it with base hashes from siggen, and runs
// it with the runqueue scheduler, each task executed by internal/build.
//
// Taskdata, as BitBake has it (tests/graph checks it against BitBake's `-g` output):
//
//   - A build-time name (a target, a DEPENDS entry, the recipe part of [depends]) resolves
//     through the cooker's provider selection (PN and PROVIDES, PREFERRED_PROVIDER,
//     PREFERRED_VERSION, layer priority); the first eligible recipe is used.
//   - A runtime name (RDEPENDS, RRECOMMENDS, plain or of a package; [rdepends]) resolves
//     over every recipe of the multiconfig: RPROVIDES and RPROVIDES:PKG first, then
//     PACKAGES (PN when empty), then PACKAGES_DYNAMIC patterns; filterProvidersRunTime's
//     preferences pick one (see preferRuntime). The cooker's index keeps only build-time
//     names, so the first runtime lookup parses every recipe of the multiconfig once.
//   - Names matching ASSUME_PROVIDED are dropped. A name nothing provides is an error
//     (cook.NoProviderError, worded as BitBake's: the recipes that DEPEND on it, the
//     skipped recipes that would provide it, or close matches): every recipe collected
//     here is needed by a target, so the first such name stops the plan.
//   - [mcdepends] "mc:FROM:TO:PN:TASK" adds PN's provider in multiconfig TO, whatever FROM
//     is; the graph builder uses the dependency only from FROM.
//
// Graph recipes are named by multiconfig and virtual file name without the "mc:" prefix
// ("virtual:native:/path/x.bb"), as task-depends.dot shows them.
//
// It is the glue between the cooker (internal/cook), the runqueue and task execution; it
// holds no policy of its own beyond BitBake's: providers come from the cooker's provider
// selection, task semantics from the runqueue and bb.build equivalents.
package bake
