// Package data is the datastore: variables, flags, overrides and expansion with BitBake's
// DataSmart semantics (BitBake 2.8, bb/data_smart.py and bb/data.py).
//
// # Model
//
// A Store maps variable names to flags. The value is the "_content" flag, the ??= weak
// default is "_defaultval", and queued :append/:prepend/:remove operations live in the
// ":append", ":prepend" and ":remove" flags as []OverrideOp (value plus the override that
// qualifies it, as in VAR:append:arm). Values are `any`: strings for everything metadata
// writes, other Go values (bool, int, slices, Python objects of the runtime) when code
// stores them; only strings are expanded.
//
// Override variables (VAR:arm, VAR:arm:qemu) are ordinary variables; the store indexes
// them per base name ("overridedata"). Reading VAR picks the active override variable
// whose override comes last in OVERRIDES (multi-part overrides collapse one element at a
// time, as BitBake does), falls back to VAR's own value or weak default, applies active
// appends then prepends, expands ${...}, then drops whitespace-separated words matched by
// active removes (expanded). The active overrides are OVERRIDES split on ':', computed
// lazily by BitBake's fixed-point loop (expand with no overrides, then with the result,
// until stable, at most five rounds) and recomputed only when a variable OVERRIDES
// depends on is set ("overridevars").
//
// Expansion replaces ${NAME} (names of [a-zA-Z0-9-_+./~:]) with the expanded variable,
// leaves unknown references literal, and evaluates ${@...} through the PythonExpander
// hook (left literal without one, or while the code still holds ${NAME} references). A
// variable referencing itself, nesting deeper than MaxDepth, or a failing Python
// expression yields an *ExpansionError naming the variable chain. Expanded values are
// cached per store until the next write.
//
// # Copies
//
// CreateCopy is O(1): the copy gets an empty top layer that reads fall through to the
// original's layers (BitBake's linked chain of dicts); a variable is copied into the top
// layer when first written. The override index and the history are snapshotted by
// freezing the current layer, so copies never see each other's later writes; variables
// of the parent stay live as in BitBake. A copy also takes over the parent's computed
// overrides when nothing was written since they were computed (BitBake recomputes them;
// the result is the same unless the parent is written before the copy first needs them).
//
// # Parser operations and history
//
// Assign applies one metadata assignment exactly as bb.parse.ast.DataNode does (=, ?=,
// ??=, :=, +=, =+, .=, =., with [flag] and export); Export, Unset and UnsetFlag are the
// other statements. With EnableTracking every operation that carries a location (Info)
// is recorded, and EmitVar / EmitEnv / EmitPythonFuncs print `bitbake -e` output with
// BitBake's history comments, quoting and export/unset/function forms.
//
// Keys lists the variable names sorted (for output); KeysInOrder gives the same names in a
// stable layer order without sorting, for metadata Python's d.keys() (BitBake yields a set),
// and ExpandableKeys the names holding ${...}, which each layer keeps apart for
// bb.data.expandKeys. Expanded values are cached until the next write, which invalidates the
// cache by bumping a generation rather than dropping the map.
//
// Freeze a store before sharing it between goroutines (say, the configuration handed to
// parallel recipe parsers): CreateCopy then writes nothing to it.
//
// # Differential tests
//
// testdata/scenarios/*.json hold op lists (hand-written ones and seeded random ones from
// testdata/gen_random.py) that testdata/oracle.py replays against upstream DataSmart
// (make golden-data ISAR=...) and TestGolden replays against Store; the results in
// testdata/golden must match, errors by kind and message. With GOBAKE_ISAR set,
// TestIsarConfig has upstream BitBake parse Isar's configuration (base and two
// multiconfigs) and a few recipes, then (a) loads the resulting raw datastores flag by
// flag and (b) replays the trace of every DataSmart call BitBake made, and compares keys,
// values and emit_var output (with history comments) with BitBake's; ${@...} results are
// taken from the recorded ones.
package data
