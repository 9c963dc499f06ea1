// Package envdiff compares two `bitbake -e` style dumps entry by entry, as
// ../shared/oracle/envdiff.py does: variables (with their export status), `unset` lines, shell
// functions and python functions are keyed by name; history comments are ignored.
//
// A dump is parsed into Entries, both sides are normalized (values that change between two
// runs of BitBake itself, such as the parsing process id, random UUIDs and the tool's own path
// in BB_CMDLINE, are masked) and Compare reports the names missing from the candidate, extra in
// it and present in both with different kind or value. Volatile holds the names never compared.
package envdiff
