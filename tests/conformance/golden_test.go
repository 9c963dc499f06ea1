package conformance

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from a live BitBake extraction (needs GOBAKE_ISAR)")

const (
	fixturesDir = "testdata/fixtures"
	goldenDir   = "testdata/golden"
)

// extractor returns the live BitBake extractor, or skips the test saying why there is none.
func extractor(t *testing.T) *Extractor {
	t.Helper()
	python := os.Getenv("GOBAKE_PYTHON")
	if python == "" {
		python = "/usr/bin/python3"
	}
	e, err := NewExtractor(os.Getenv("GOBAKE_ISAR"), python)
	if errors.Is(err, ErrNoBitBake) {
		if *update {
			t.Fatalf("cannot regenerate goldens: %v", err)
		}
		t.Skipf("skipping comparison with live BitBake: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// fixtureFiles lists every file of the fixture layer, relative to fixturesDir: all of them
// are metadata (testdata/fixtures/rejected holds files BitBake 2.8 refuses).
func fixtureFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(fixturesDir, func(p string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		rel, err := filepath.Rel(fixturesDir, p)
		files = append(files, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

func goldenPath(rel string) string { return filepath.Join(goldenDir, filepath.FromSlash(rel)+".json") }

// splitRaw cuts extractor output into each file's records (header plus statements).
func splitRaw(raw []byte) (map[string][]byte, error) {
	res, err := ReadStream(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	lines := bytes.SplitAfter(raw, []byte("\n"))
	out := make(map[string][]byte, len(res))
	i := 0
	for _, r := range res {
		n := 1 + len(r.Stmts)
		out[r.File] = bytes.Join(lines[i:i+n], nil)
		i += n
	}
	return out, nil
}

// TestGoldens checks that testdata/golden is exactly what BitBake extracts from the fixtures
// today (and rewrites it with -update). Running it twice with -update changes nothing.
func TestGoldens(t *testing.T) {
	e := extractor(t)
	files := fixtureFiles(t)
	raw, err := e.Raw(fixturesDir, files)
	if err != nil {
		t.Fatal(err)
	}
	per, err := splitRaw(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		want, ok := per[f]
		if !ok {
			t.Errorf("%s: no extractor output", f)
			continue
		}
		gp := goldenPath(f)
		if *update {
			if err := os.MkdirAll(filepath.Dir(gp), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(gp, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		have, err := os.ReadFile(gp)
		if err != nil {
			t.Errorf("%s: %v (run make golden-parser ISAR=...)", f, err)
			continue
		}
		if !bytes.Equal(have, want) {
			t.Errorf("%s: golden is stale (run make golden-parser ISAR=...)\n--- golden\n%s--- bitbake\n%s", gp, have, want)
		}
	}
	// Goldens of fixtures that no longer exist.
	err = filepath.WalkDir(goldenDir, func(p string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		rel, err := filepath.Rel(goldenDir, p)
		if err != nil {
			return err
		}
		if _, ok := per[strings.TrimSuffix(filepath.ToSlash(rel), ".json")]; !ok {
			if *update {
				return os.Remove(p)
			}
			t.Errorf("%s: golden without a fixture", p)
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
}
