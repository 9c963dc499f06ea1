package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/gobake/gobake/meta"
)

// runDemo implements `gobake demo [-dir DIR] [GOBAKE-ARGS...]`: it sets up a build directory
// for the embedded demo layer (the layer itself extracted into DIR/meta-demo, conf/ from its
// samples; existing files are kept) and runs gobake there, by default building demo-image.
func runDemo(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("gobake demo", flag.ContinueOnError)
	fset.SetOutput(stderr)
	dir := fset.String("dir", "build-demo", "build directory to create or reuse")
	if err := fset.Parse(args); err != nil {
		return 2
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "ERROR:", err)
		return 1
	}
	if err := setUpDemo(abs); err != nil {
		fmt.Fprintln(stderr, "ERROR: setting up the demo build directory:", err)
		return 1
	}
	if err := os.Chdir(abs); err != nil {
		fmt.Fprintln(stderr, "ERROR:", err)
		return 1
	}
	rest := fset.Args()
	if len(rest) == 0 {
		rest = []string{"demo-image"}
	}
	fmt.Fprintf(stderr, "NOTE: demo build directory %s\n", abs)
	return runBitbake(rest, stdin, stdout, stderr)
}

// setUpDemo writes the embedded layer and the build configuration into dir.
func setUpDemo(dir string) error {
	layer := filepath.Join(dir, "meta-demo")
	err := fs.WalkDir(meta.Layer(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(layer, filepath.FromSlash(path))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := fs.ReadFile(meta.Layer(), path)
		if err != nil {
			return err
		}
		return writeIfChanged(dst, b)
	})
	if err != nil {
		return err
	}
	conf := filepath.Join(dir, "conf")
	if err := os.MkdirAll(conf, 0o755); err != nil {
		return err
	}
	for name, sample := range map[string]string{"local.conf": "local.conf.sample", "bblayers.conf": "bblayers.conf.sample"} {
		dst := filepath.Join(conf, name)
		if _, err := os.Stat(dst); err == nil {
			continue // the user's configuration wins
		}
		b, err := fs.ReadFile(meta.Layer(), "conf/"+sample)
		if err != nil {
			return err
		}
		text := strings.ReplaceAll(string(b), "##DEMOLAYER##", layer)
		if err := os.WriteFile(dst, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeIfChanged writes b to path unless it already holds b, so that an unchanged layer keeps
// its files' times.
func writeIfChanged(path string, b []byte) error {
	if old, err := os.ReadFile(path); err == nil && string(old) == string(b) {
		return nil
	}
	return os.WriteFile(path, b, 0o644)
}
