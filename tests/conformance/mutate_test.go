package conformance

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var mutateRounds = flag.Int("mutate", 0, "TestMutatedDifferential: mutated copies of each Isar metadata file to compare with live BitBake (0 skips)")

// mutation edits one physical line of a file (lines without their newline) and says what
// it did.
type mutation func(r *rand.Rand, lines []string, i int) ([]string, string)

// mutations are small edits real maintainers make or could make: they move statements across
// BitBake's line rules (continuations, comments, white space, quotes, function braces).
var mutations = []mutation{
	func(r *rand.Rand, l []string, i int) ([]string, string) { // split at a blank with a continuation
		if j := strings.LastIndex(l[i], " "); j > 0 {
			l = replace(l, i, l[i][:j]+" \\", "    "+l[i][j+1:])
			return l, "continue line at a blank"
		}
		return l, ""
	},
	func(r *rand.Rand, l []string, i int) ([]string, string) {
		l[i] += pick(r, []string{" ", "\t", "  \t", "\u00a0", "\\"})
		return l, "trailing white space or backslash"
	},
	func(r *rand.Rand, l []string, i int) ([]string, string) {
		return replace(l, i, pick(r, []string{"", "# inserted comment", "# comment \\", "#", "   ", "}", "\\"}), l[i]), "insert a line before"
	},
	func(r *rand.Rand, l []string, i int) ([]string, string) {
		return replace(l, i), "delete the line"
	},
	func(r *rand.Rand, l []string, i int) ([]string, string) {
		return replace(l, i, l[i], l[i]), "duplicate the line"
	},
	func(r *rand.Rand, l []string, i int) ([]string, string) {
		l[i] = pick(r, []string{" ", "\t", "    "}) + l[i]
		return l, "indent the line"
	},
	func(r *rand.Rand, l []string, i int) ([]string, string) {
		l[i] = strings.TrimLeft(l[i], " \t")
		return l, "dedent the line"
	},
	func(r *rand.Rand, l []string, i int) ([]string, string) {
		if j := strings.IndexAny(l[i], " \t"); j >= 0 {
			l[i] = l[i][:j] + pick(r, []string{"\t", "  ", "\u00a0", ""}) + l[i][j+1:]
			return l, "change the first blank"
		}
		return l, ""
	},
	func(r *rand.Rand, l []string, i int) ([]string, string) {
		q := pick(r, []string{`"`, `'`})
		if j := strings.Index(l[i], q); j >= 0 && r.IntN(2) == 0 {
			l[i] = l[i][:j] + l[i][j+1:]
			return l, "delete a quote"
		}
		l[i] = l[i][:len(l[i])/2] + q + l[i][len(l[i])/2:]
		return l, "insert a quote"
	},
	func(r *rand.Rand, l []string, i int) ([]string, string) {
		l[i] = "#" + l[i]
		return l, "comment the line out"
	},
}

// replace returns lines with lines[i] replaced by repl (none to delete it).
func replace(lines []string, i int, repl ...string) []string {
	out := append([]string{}, lines[:i]...)
	out = append(out, repl...)
	return append(out, lines[i+1:]...)
}

// mutate applies 1-3 random mutations to src and returns the result and a log of them.
func mutate(r *rand.Rand, src string) (string, []string) {
	lines := strings.Split(src, "\n")
	var log []string
	for n := 1 + r.IntN(3); n > 0 && len(lines) > 0; n-- {
		i := r.IntN(len(lines))
		var what string
		lines, what = mutations[r.IntN(len(mutations))](r, lines, i)
		if what != "" {
			log = append(log, fmt.Sprintf("line %d: %s", i+1, what))
		}
	}
	out := strings.Join(lines, "\n")
	if r.IntN(10) == 0 {
		out = strings.ReplaceAll(out, "\n", "\r\n")
		log = append(log, "CRLF line ends")
	}
	return out, log
}

// TestMutatedDifferential mutates copies of every Isar metadata file (read at run time from
// $GOBAKE_ISAR, never stored; with $GOBAKE_CORPUS also the corpus trees) and compares gobake
// with live BitBake on them. Opt-in:
// go test -run MutatedDifferential -mutate=N (N copies per file); -seed picks the sequence.
func TestMutatedDifferential(t *testing.T) {
	if *mutateRounds <= 0 {
		t.Skip("skipping mutation differential test: pass -mutate=N (and set GOBAKE_ISAR)")
	}
	e := extractor(t)
	isar := os.Getenv("GOBAKE_ISAR")
	rels, err := MetadataFiles(isar, "meta", "meta-isar", "meta-test")
	if err != nil {
		t.Fatal(err)
	}
	var srcs []string
	for _, rel := range rels {
		srcs = append(srcs, filepath.Join(isar, rel))
	}
	if corpus := os.Getenv("GOBAKE_CORPUS"); corpus != "" {
		for _, tree := range []string{"openembedded+openembedded-core", "openembedded+meta-openembedded", "siemens+meta-iot2050"} {
			rels, err := MetadataFiles(filepath.Join(corpus, tree), ".")
			if err != nil {
				t.Fatal(err)
			}
			for _, rel := range rels {
				srcs = append(srcs, filepath.Join(corpus, tree, rel))
			}
		}
	}
	dir := genDir(t)
	r := rand.New(rand.NewPCG(*randomSeed, 0x243f6a8885a308d3))
	var files []string
	logs := map[string]string{}
	for round := 0; round < *mutateRounds; round++ {
		for _, src := range srcs {
			data, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			text, log := mutate(r, string(data))
			// Keep the base name: BitBake derives a class's name from it.
			name := fmt.Sprintf("m%d-%05d/%s", round, len(files), filepath.Base(src))
			if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, name)
			logs[name] = "copy of " + src + ", " + strings.Join(log, "; ")
		}
	}
	differential(t, e, "mutated", dir, files, func(name string, _ []byte) string { return logs[name] })
}
