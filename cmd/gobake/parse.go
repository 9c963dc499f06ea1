package main

import (
	"fmt"
	"io"
)

// runParse implements `gobake parse [--json] PATH...`. (Owned by the parser work, issue 2.)
func runParse(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "gobake parse: not implemented yet")
	return 1
}
