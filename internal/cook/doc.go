// Package cook is the cooker: it turns a build directory into datastores the way BitBake 2.8's
// cooker does (bb.cookerdata, bb.parse.ast, bb.cooker's file collection, bb.providers).
//
// # Model
//
// A Cooker is made from Options (a Parser, an optional Python runtime, the process
// environment, the build directory) and works in two phases.
//
// ParseConfiguration parses the configuration once per multiconfig, in BitBake's order:
// the approved environment (BB_ENV_PASSTHROUGH, BB_ENV_PASSTHROUGH_ADDITIONS), prefiles,
// conf/bblayers.conf (found along BBPATH or from the build directory upwards; its directory's
// parent becomes TOPDIR), each layer's conf/layer.conf with LAYERDIR and LAYERDIR_RE set
// (LAYERSERIES_COMPAT checked against LAYERSERIES_CORENAMES, BBFILES_DYNAMIC applied),
// conf/bitbake.conf along BBPATH, postfiles, then base.bbclass and the INHERIT classes.
// Event handlers found so far are registered and ConfigParsed fired. Each multiconfig of
// BBMULTICONFIG repeats this with BB_CURRENT_MC set to its name. Then each multiconfig's
// recipe files are collected (Collections): BBFILES globbed, BBMASK applied, .bbappend files
// matched by name or "%" wildcard, layers ordered by BBFILE_PRIORITY (computed from
// LAYERDEPENDS when unset).
//
// ParseRecipe parses one .bb file on a copy of its multiconfig's datastore: the file, its
// bbappends, the deferred inherits, then finalisation (handlers registered, RecipePreFinalise,
// key expansion, anonymous functions, _task_deps from addtask/deltask bookkeeping,
// RecipeParsed) and the BBCLASSEXTEND variants, each finalised on its own copy. SkipRecipe
// marks a variant skipped. ParseAll does it for every file of a multiconfig; Providers picks
// the recipe bitbake would build for a target (PREFERRED_PROVIDER, PREFERRED_VERSION with
// "%", DEFAULT_PREFERENCE, layer priority, version order); ShowEnvironment prints what
// `bitbake -e` prints. A name nothing provides is a NoProviderError worded as BitBake's
// NoProvider event, with the skip list (SkipList) spanning the multiconfigs as BitBake
// keeps it and difflib's close matches (pystr.CloseMatches).
//
// # Statements
//
// The cooker evaluates Stmt values, one per BitBake AST node, converted from package parser's
// AST by fromAST (MetadataParser reads files with it). Each statement is evaluated as
// bb.parse.ast does: assignments through data.Store.Assign, include/require/include_all and
// inherit resolved along BBPATH (the file's own directory first for includes; classes-TYPE/
// before classes/ for inherit), every file looked at recorded for BBINCLUDED, errors naming
// file:line. Parsed files are cached per Cooker.
//
// # Python
//
// Python is an interface (python.go) so that the cooker does not depend on the runtime's
// internals: inline ${@...} expansion, def blocks, anonymous functions and event handlers go
// through it. Without one the cooker still parses; Python expressions stay literal.
// PyrtPython (pyrt.go) implements it on a pyrt Runtime: one global namespace stands for
// BitBake's bb.utils._context and methodpool, `d` is data.Store seen through pyrt.DataStore,
// and bb.parse.SkipRecipe is caught in Python and returned as *SkipRecipe. A Runtime is
// single-threaded and re-entered (Python reads variables whose ${@...} run Python), so each
// parsing goroutine needs its own: ParseAllWith parses with several cookers (Options.Fork),
// each with its own configuration and runtime, as BitBake forks parser processes. The
// runtimes share compiled code (pyrt.CodeCache), and gobake starts the first worker cooker
// at once so that both configurations are parsed at the same time.
//
// # Cost per recipe
//
// Parsing every recipe of every multiconfig is the command whose speed matters most
// (tests/bench/parse.sh). What a recipe costs, and what keeps it low:
//   - classes, includes and BBPATH lookups: parsed files and stat results are cached per
//     cooker (files, stats); handler and def bodies are compiled once per process and a def
//     already bound to the same code is not run again (pyrt.RunDef, DefineAs);
//   - event handlers: a recipe's scope sits on the configuration's (eventScope.base) and
//     fire looks up the few handlers __BBHANDLERS_MC names instead of scanning all of them;
//   - anonymous functions, most of all base.bbclass's loop over d.keys() and getVarFlags:
//     d's methods and dict methods are called without gpython's generic attribute and
//     keyword machinery (pyrt getattr.go), and getVarFlags returns a dict over a view of
//     the datastore's flags (storeAdapter.ViewVarFlags, data.FlagView).
//
// cmd/gobake sizes the garbage collector's heap goal for this work (internal/gctune).
//
// # Checking against BitBake
//
// testdata/fixtures holds fixture layers (rules: every rule with Python; nopy: the same
// without Python) and testdata/golden their `bitbake -e` dumps made by upstream BitBake
// (testdata/gen-golden.sh, `make golden-env ISAR=...`). TestGoldenEnv compares gobake's
// dumps entry by entry (tests/conformance/envdiff); divergences are listed in a .known file
// next to the dump, never skipped silently.
//
// # Decisions
//
// BitBake keeps event handlers and compiled methods in process globals and shares Python
// list objects between datastores; gobake keeps handlers in the Cooker and copies lists on
// write, so recipes parsed in one process cannot see each other's tasks.
package cook
