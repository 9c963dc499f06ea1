package main

import (
	"bytes"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestParseScripts runs the `gobake parse` scenarios of testdata/parse/*.txtar; the
// `gobake` command runs the CLI in-process.
func TestParseScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/parse",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"gobake": func(ts *testscript.TestScript, neg bool, args []string) {
				var stdout, stderr bytes.Buffer
				for i, a := range args {
					if a != "" && a[0] != '-' && i > 0 {
						args[i] = ts.MkAbs(a)
					}
				}
				code := run(args, nil, &stdout, &stderr)
				ts.Stdout().Write(stdout.Bytes())
				ts.Stderr().Write(stderr.Bytes())
				if (code != 0) != neg {
					ts.Fatalf("gobake %v: exit status %d", args, code)
				}
			},
		},
	})
}
