// Package gctune sizes the Go garbage collector's heap goal for gobake's parse-heavy
// commands.
//
// Parsing allocates at a high rate (every recipe builds a datastore and runs Python over
// it) while keeping a small live heap (the configurations and the recipes being parsed).
// With the default GOGC=100 the collector runs after every few recipes and takes about a
// fifth of the CPU. Start lets the heap grow to a budget instead: after each collection it
// sets GOGC so that the next heap goal is the budget, within [MinPercent, MaxPercent].
// A live heap that grows towards the budget brings GOGC back down to the default, so a
// large build graph is collected as usual rather than against a hard memory limit.
//
// The user's own GOGC or GOMEMLIMIT environment variable wins: Start then does nothing.
package gctune
