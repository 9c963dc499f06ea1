// Package conformance checks that gobake's parser extracts the same statements from metadata
// files as upstream BitBake 2.8's parser does.
//
// Both sides are reduced to one canonical form, a list of [Stmt] per file in file order:
// statement kind, variable, flag, operator and raw value of assignments, function names and
// bodies, inherit/include arguments, addtask edges, with the first line of each statement.
// BitBake's side comes from bbstatements.py, which imports BitBake's own bb.parse modules
// from an Isar checkout, feeds each file through BitBake's line reader and statement builder
// (ConfHandler for .conf, BBHandler for everything else) and prints the resulting
// bb.parse.ast nodes without evaluating them. gobake's side comes from walking parser's AST
// (gobake.go). [Compare] aligns the two lists and reports missing, extra and differing
// statements.
//
// The tests run in three tiers:
//   - testdata/fixtures is our own layer exercising every syntax form; testdata/golden holds
//     BitBake's extraction of it, so CI checks parity without BitBake. With GOBAKE_ISAR set
//     the goldens are checked against a live extraction, and `go test -update` (or
//     `make golden-parser ISAR=...`) rewrites them.
//   - With GOBAKE_ISAR set, every metadata file of Isar's meta, meta-isar and meta-test.
//   - With GOBAKE_CORPUS set, OE-core, meta-openembedded and meta-iot2050 under it.
//   - On request (-random=N, with GOBAKE_ISAR), N generated files built from fragments around
//     BitBake's subtle rules: both parsers must accept or reject each alike and agree on the
//     statements of accepted ones.
//
// Files BitBake itself rejects are reported apart, not counted as mismatches. Divergences
// that are known and accepted are listed in KNOWN_DIFFS.md; the tests report them as known
// and fail when one no longer occurs.
package conformance
