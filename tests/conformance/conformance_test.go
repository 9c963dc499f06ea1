package conformance

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// maxDiffsPerFile bounds how many differences are printed for one file.
const maxDiffsPerFile = 5

// knownDiffs are the divergences listed in KNOWN_DIFFS.md, as bullets starting with
// "- `SET/PATH:LINE`", where SET names the file set (fixtures, isar, openembedded-core,
// meta-openembedded, meta-iot2050). A known diff is reported but does not fail the test; one
// that no longer occurs does, so the list stays true.
type knownDiffs map[string]bool

var knownRe = regexp.MustCompile("^- `([^`]+:[0-9]+)`")

func readKnownDiffs(t *testing.T) knownDiffs {
	t.Helper()
	f, err := os.Open("KNOWN_DIFFS.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	k := knownDiffs{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m := knownRe.FindStringSubmatch(sc.Text()); m != nil {
			k[m[1]] = true
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return k
}

// setReport accumulates the outcome of comparing one file set.
type setReport struct {
	set                 string
	compared, mismatchF int
	statements          int // BitBake's statements in the compared files
	mismatches, known   int
	bitbakeRejects      []string // BitBake 2.8 rejects: not compared
	gobakeRejects       []string // BitBake accepts, gobake reports errors
	usedKnown           map[string]bool
}

// compareFiles compares BitBake's results with gobake's for files under root, reporting each
// file's first differences through t.Errorf and returning the counts.
func compareFiles(t *testing.T, set, root string, want []*FileResult, known knownDiffs) *setReport {
	t.Helper()
	r := &setReport{set: set, usedKnown: map[string]bool{}}
	for _, w := range want {
		path := filepath.Join(root, filepath.FromSlash(w.File))
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got := Gobake(path, src)
		if w.Error != "" {
			note := "gobake accepts it"
			if got.Error != "" {
				note = "gobake too: " + firstLine(got.Error)
				if n := strings.Count(got.Error, "\n"); n > 0 {
					note += fmt.Sprintf(" (+%d more)", n)
				}
			}
			r.bitbakeRejects = append(r.bitbakeRejects, fmt.Sprintf("%s:%d: %s (%s)", w.File, w.ErrLine, firstLine(w.Error), note))
			continue
		}
		r.compared++
		r.statements += len(w.Stmts)
		if got.Error != "" {
			r.gobakeRejects = append(r.gobakeRejects, w.File)
			r.mismatchF++
			r.mismatches += len(w.Stmts)
			t.Errorf("%s/%s: BitBake accepts the file (%d statements), gobake rejects it:\n    %s",
				set, w.File, len(w.Stmts), strings.ReplaceAll(got.Error, "\n", "\n    "))
			continue
		}
		var unknown []Diff
		for _, d := range Compare(w.Stmts, got.Stmts) {
			key := set + "/" + w.File + ":" + strconv.Itoa(d.Line())
			if known[key] {
				r.known++
				r.usedKnown[key] = true
				t.Logf("known diff %s: %s", key, d)
				continue
			}
			unknown = append(unknown, d)
		}
		if len(unknown) == 0 {
			continue
		}
		r.mismatchF++
		r.mismatches += len(unknown)
		var b strings.Builder
		fmt.Fprintf(&b, "%s/%s: %d statement mismatches (bitbake %d statements, gobake %d)", set, w.File,
			len(unknown), len(w.Stmts), len(got.Stmts))
		for i, d := range unknown {
			if i == maxDiffsPerFile {
				fmt.Fprintf(&b, "\n  ... %d more", len(unknown)-i)
				break
			}
			fmt.Fprintf(&b, "\n  %s", d)
		}
		t.Error(b.String())
	}
	for key := range known {
		if strings.HasPrefix(key, set+"/") && !r.usedKnown[key] {
			t.Errorf("KNOWN_DIFFS.md lists %s but it no longer differs: remove it", key)
		}
	}
	sort.Strings(r.bitbakeRejects)
	for _, s := range r.bitbakeRejects {
		t.Logf("%s: BitBake 2.8 rejects %s", set, s)
	}
	t.Logf("%s: %d files (%d statements), %d statement mismatches in %d files (%d known diffs); %d files BitBake 2.8 rejects (not compared); %d files gobake rejects that BitBake accepts",
		set, r.compared, r.statements, r.mismatches, r.mismatchF, r.known, len(r.bitbakeRejects), len(r.gobakeRejects))
	return r
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// TestFixtures compares gobake with the committed BitBake goldens of our fixture layer. It
// needs no BitBake and runs in CI.
func TestFixtures(t *testing.T) {
	var want []*FileResult
	for _, f := range fixtureFiles(t) {
		data, err := os.ReadFile(goldenPath(f))
		if err != nil {
			t.Fatalf("%v (run make golden-parser ISAR=...)", err)
		}
		res, err := ReadStream(strings.NewReader(string(data)))
		if err != nil {
			t.Fatalf("%s: %v", goldenPath(f), err)
		}
		if len(res) != 1 || res[0].File != f {
			t.Fatalf("%s: want one record of %s", goldenPath(f), f)
		}
		want = append(want, res[0])
	}
	r := compareFiles(t, "fixtures", fixturesDir, want, readKnownDiffs(t))
	if r.compared == 0 {
		t.Fatal("no fixture compared")
	}
}

// liveCompare extracts files under root with BitBake and compares them with gobake.
func liveCompare(t *testing.T, set, root string, dirs ...string) {
	e := extractor(t)
	files, err := MetadataFiles(root, dirs...)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no metadata files under %s %v", root, dirs)
	}
	want, err := e.Run(root, files)
	if err != nil {
		t.Fatal(err)
	}
	compareFiles(t, set, root, want, readKnownDiffs(t))
}

// TestIsar compares every metadata file of Isar's own layers ($GOBAKE_ISAR).
func TestIsar(t *testing.T) {
	isar := os.Getenv("GOBAKE_ISAR")
	extractor(t) // skips without GOBAKE_ISAR
	liveCompare(t, "isar", isar, "meta", "meta-isar", "meta-test")
}

// TestCorpus compares the public layer trees under $GOBAKE_CORPUS.
func TestCorpus(t *testing.T) {
	corpus := os.Getenv("GOBAKE_CORPUS")
	if corpus == "" {
		t.Skip("skipping corpus comparison: set GOBAKE_CORPUS to a directory holding openembedded+openembedded-core, openembedded+meta-openembedded, siemens+meta-iot2050")
	}
	extractor(t)
	for _, tree := range []struct{ set, dir string }{
		{"openembedded-core", "openembedded+openembedded-core"},
		{"meta-openembedded", "openembedded+meta-openembedded"},
		{"meta-iot2050", "siemens+meta-iot2050"},
	} {
		t.Run(tree.set, func(t *testing.T) {
			root := filepath.Join(corpus, tree.dir)
			if _, err := os.Stat(root); err != nil {
				t.Skipf("skipping %s: %v", tree.set, err)
			}
			liveCompare(t, tree.set, root, ".")
		})
	}
}
