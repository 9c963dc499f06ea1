package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/gobake/gobake/internal/pyrt"
	_ "github.com/gobake/gobake/internal/pyrt/stdlib" // registers os, re, subprocess, ...
)

// runPython implements `gobake python [-c CODE | FILE] [ARGS]`: it runs Python under pyrt,
// gobake's runtime for metadata Python, with bb importable.
func runPython(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(stderr, "usage: gobake python [-c CODE | FILE] [ARGS]")
		return 2
	}
	var src, filename string
	var argv, path []string
	if args[0] == "-c" {
		if len(args) < 2 {
			fmt.Fprintln(stderr, "Argument expected for the -c option")
			return 2
		}
		src, filename = args[1], "<string>"
		argv = append([]string{"-c"}, args[2:]...)
		path = []string{""}
	} else {
		b, err := os.ReadFile(args[0])
		if err != nil {
			msg := err.Error()
			var errno syscall.Errno
			if errors.As(err, &errno) {
				msg = fmt.Sprintf("[Errno %d] %s", int(errno), strings.ToUpper(errno.Error()[:1])+errno.Error()[1:])
			}
			fmt.Fprintf(stderr, "gobake python: can't open file '%s': %s\n", args[0], msg)
			return 2
		}
		src, filename = string(b), args[0]
		argv = args
		path = []string{filepath.Dir(args[0])}
	}
	if p := os.Getenv("PYTHONPATH"); p != "" {
		path = append(path, filepath.SplitList(p)...)
	}
	rt, err := pyrt.New(pyrt.Options{Argv: argv, Stdin: stdin, Stdout: stdout, Stderr: stderr, Path: path})
	if err != nil {
		fmt.Fprintln(stderr, "gobake python:", err)
		return 1
	}
	defer rt.Close()
	return rt.RunMain(src, filename)
}
