package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript run the gobake CLI as a subprocess ("exec gobake ..."), in the
// script's directory and environment.
func TestMain(m *testing.M) {
	os.Exit(testscript.RunMain(m, map[string]func() int{
		"gobake": func() int { return run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr) },
	}))
}

// TestBitbakeScripts runs the bitbake-style command scenarios of testdata/bitbake/*.txtar
// (-e, -p, -s, getvar in a build directory found from the current directory or BUILDDIR).
func TestBitbakeScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/bitbake"})
}
