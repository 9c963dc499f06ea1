package parser

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// metadataFiles returns every metadata file under the given roots, sorted by walk order.
func metadataFiles(tb testing.TB, roots ...string) []string {
	tb.Helper()
	var files []string
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == ".git" {
				return filepath.SkipDir
			}
			if IsMetadataFile(path) && d.Type().IsRegular() {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			tb.Fatalf("walking %s: %v", root, err)
		}
	}
	return files
}

func isarRoots(tb testing.TB) []string {
	isar := os.Getenv("GOBAKE_ISAR")
	if isar == "" {
		tb.Skip("GOBAKE_ISAR is not set (path of an upstream Isar checkout, e.g. /work/isar)")
	}
	return []string{filepath.Join(isar, "meta"), filepath.Join(isar, "meta-isar"), filepath.Join(isar, "meta-test")}
}

func corpusRoots(tb testing.TB) []string {
	corpus := os.Getenv("GOBAKE_CORPUS")
	if corpus == "" {
		tb.Skip("GOBAKE_CORPUS is not set (directory of public layer checkouts, e.g. /work/corpus)")
	}
	entries, err := os.ReadDir(corpus)
	if err != nil {
		tb.Fatalf("reading GOBAKE_CORPUS: %v", err)
	}
	var roots []string
	for _, e := range entries {
		if e.IsDir() {
			roots = append(roots, filepath.Join(corpus, e.Name()))
		}
	}
	return roots
}

func parseAll(t *testing.T, files []string) {
	t.Helper()
	nerr := 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(path, src); err != nil {
			t.Error(err)
			nerr++
		}
	}
	t.Logf("parsed %d files, %d with errors", len(files), nerr)
	if len(files) == 0 {
		t.Error("no metadata files found")
	}
}

// TestIsarCorpus: every metadata file of upstream Isar parses without error.
func TestIsarCorpus(t *testing.T) { parseAll(t, metadataFiles(t, isarRoots(t)...)) }

// TestPublicCorpus: every metadata file of OE-core, meta-openembedded, meta-iot2050... parses.
func TestPublicCorpus(t *testing.T) { parseAll(t, metadataFiles(t, corpusRoots(t)...)) }

// BenchmarkParseIsar parses all of Isar's metadata files once per iteration.
func BenchmarkParseIsar(b *testing.B) {
	files := metadataFiles(b, isarRoots(b)...)
	srcs := make([][]byte, len(files))
	size := 0
	for i, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs[i] = src
		size += len(src)
	}
	b.SetBytes(int64(size))
	b.ReportMetric(float64(len(files)), "files")
	runtime.GC()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		n++
		for i, f := range files {
			if _, err := Parse(f, srcs[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	// CPU time of the process per iteration: unlike ns/op it hardly moves when other
	// processes compete for the cores (run with -cpu=1).
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(n), "cpu-ns/op")
}

// cpuTime is the user+system CPU time the process has used, in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
