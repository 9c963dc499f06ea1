// Command envdiff compares two `bitbake -e` style dumps entry by entry (see package envdiff).
//
//	envdiff [-ignore VAR]... [-show N] [-json] REF CAND
//
// The last line is "N of M entries differ"; the exit status is 0 only when N is 0.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/gobake/gobake/tests/conformance/envdiff"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(s string) error { *l = append(*l, s); return nil }

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("envdiff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var ignore list
	fs.Var(&ignore, "ignore", "variable not to compare (repeatable)")
	show := fs.Int("show", 20, "names and values to show per group")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "usage: envdiff [-ignore VAR]... [-show N] [-json] REF CAND")
		return 2
	}
	var dumps [2]map[string]envdiff.Entry
	for i, p := range fs.Args() {
		f, err := os.Open(p)
		if err != nil {
			fmt.Fprintln(stderr, "envdiff:", err)
			return 2
		}
		dumps[i], err = envdiff.Parse(f)
		f.Close()
		if err != nil {
			fmt.Fprintf(stderr, "envdiff: %s: %v\n", p, err)
			return 2
		}
	}
	r := envdiff.Compare(dumps[0], dumps[1], ignore...)
	if *asJSON {
		json.NewEncoder(stdout).Encode(map[string]any{"total": r.Total, "missing": r.Missing, "extra": r.Extra, "differ": r.Differ})
	} else {
		envdiff.Report(stdout, r, dumps[0], dumps[1], *show)
	}
	if r.Count() > 0 {
		return 1
	}
	return 0
}
