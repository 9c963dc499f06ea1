package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/gobake/gobake/parser"
)

// runParse implements `gobake parse [--json] PATH...`: it parses the named files, or every
// metadata file under the named directories (parser.IsMetadataFile), prints each syntax
// error as file:line:col: message (and BitBake's parse warnings as file:line:col: warning:
// message) and finally `parsed N files, M errors` (on stderr).
// With --json it prints the ASTs on stdout as a JSON array of files. Exit status 1 when
// there was any error, 2 on bad usage.
func runParse(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	asJSON := false
	var paths []string
	for i, a := range args {
		switch {
		case a == "--json" || a == "-json":
			asJSON = true
		case a == "--":
			paths = append(paths, args[i+1:]...)
		case a == "-h" || a == "--help":
			fmt.Fprintln(stdout, "usage: gobake parse [--json] PATH...")
			return 0
		case len(a) > 1 && a[0] == '-':
			fmt.Fprintf(stderr, "gobake parse: unknown flag %s\nusage: gobake parse [--json] PATH...\n", a)
			return 2
		default:
			paths = append(paths, a)
		}
		if a == "--" {
			break
		}
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "usage: gobake parse [--json] PATH...")
		return 2
	}
	var files []*parser.File
	nfiles, nerrs := 0, 0
	report := func(err error) {
		var list parser.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				fmt.Fprintln(stderr, e)
			}
			nerrs += len(list)
			return
		}
		fmt.Fprintln(stderr, err)
		nerrs++
	}
	parseOne := func(path string) {
		src, err := os.ReadFile(path)
		if err != nil {
			report(fmt.Errorf("gobake parse: %w", err))
			return
		}
		nfiles++
		f, err := parser.Parse(path, src)
		for _, w := range f.Warnings {
			fmt.Fprintf(stderr, "%s: warning: %s\n", w.Pos, w.Msg)
		}
		if err != nil {
			report(err)
		}
		if asJSON {
			files = append(files, f)
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			report(fmt.Errorf("gobake parse: %w", err))
			continue
		}
		if !st.IsDir() {
			parseOne(p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == ".git" {
				return filepath.SkipDir
			}
			if d.Type().IsRegular() && parser.IsMetadataFile(path) {
				parseOne(path)
			}
			return nil
		})
		if err != nil {
			report(fmt.Errorf("gobake parse: %w", err))
		}
	}
	if asJSON {
		if files == nil {
			files = []*parser.File{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", " ")
		if err := enc.Encode(files); err != nil {
			report(fmt.Errorf("gobake parse: %w", err))
		}
	}
	fmt.Fprintf(stderr, "parsed %d files, %d errors\n", nfiles, nerrs)
	if nerrs > 0 {
		return 1
	}
	return 0
}
