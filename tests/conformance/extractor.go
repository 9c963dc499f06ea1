package conformance

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// Extractor runs bbstatements.py, which reads metadata files with an upstream BitBake's own
// parser and prints the statements it builds.
type Extractor struct {
	Python string // python3 interpreter (BitBake 2.8 wants >= 3.8)
	Lib    string // BitBake lib directory, holding bb/parse
	Script string // path of bbstatements.py
}

// ErrNoBitBake is returned by NewExtractor when no upstream BitBake is configured.
var ErrNoBitBake = errors.New("no upstream BitBake: set GOBAKE_ISAR to an Isar checkout")

// NewExtractor returns an Extractor for the BitBake bundled in the Isar checkout isar, using
// the interpreter python, or an error wrapping ErrNoBitBake saying what is missing.
func NewExtractor(isar, python string) (*Extractor, error) {
	if isar == "" {
		return nil, ErrNoBitBake
	}
	lib := filepath.Join(isar, "bitbake", "lib")
	if _, err := os.Stat(filepath.Join(lib, "bb", "parse", "ast.py")); err != nil {
		return nil, fmt.Errorf("%w (%s has no bitbake/lib/bb/parse: %v)", ErrNoBitBake, isar, err)
	}
	if _, err := os.Stat(python); err != nil {
		return nil, fmt.Errorf("%w (python interpreter: %v)", ErrNoBitBake, err)
	}
	_, self, _, _ := runtime.Caller(0)
	return &Extractor{Python: python, Lib: lib, Script: filepath.Join(filepath.Dir(self), "bbstatements.py")}, nil
}

// Raw runs the extractor over files (relative to root) and returns its output unchanged.
func (e *Extractor) Raw(root string, files []string) ([]byte, error) {
	cmd := exec.Command(e.Python, e.Script, "--lib", e.Lib, "--root", root, "-")
	cmd.Stdin = strings.NewReader(strings.Join(files, "\n") + "\n")
	// BitBake opens metadata with the locale's encoding and runs under a UTF-8 locale.
	cmd.Env = append(os.Environ(), "PYTHONUTF8=1", "PYTHONDONTWRITEBYTECODE=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w\n%s", e.Python, e.Script, err, stderr.Bytes())
	}
	return out, nil
}

// Run runs the extractor over files (relative to root) and decodes its output.
func (e *Extractor) Run(root string, files []string) ([]*FileResult, error) {
	out, err := e.Raw(root, files)
	if err != nil {
		return nil, err
	}
	res, err := ReadStream(bytes.NewReader(out))
	if err != nil {
		return nil, err
	}
	if len(res) != len(files) {
		return nil, fmt.Errorf("extractor reported %d files, asked for %d", len(res), len(files))
	}
	return res, nil
}

// MetadataFiles lists, relative to root and sorted, the metadata files under root/dir for
// each dir: *.bb, *.bbappend, *.bbclass and *.inc anywhere, *.conf only below a directory
// named conf (elsewhere .conf files are payload installed by recipes). Directories named
// files (recipe payload) and hidden directories are skipped.
func MetadataFiles(root string, dirs ...string) ([]string, error) {
	var out []string
	for _, dir := range dirs {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, de fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := de.Name()
			if de.IsDir() {
				if name == "files" || (strings.HasPrefix(name, ".") && p != filepath.Join(root, dir)) {
					return filepath.SkipDir
				}
				return nil
			}
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			rel = filepath.ToSlash(rel)
			switch filepath.Ext(name) {
			case ".bb", ".bbappend", ".bbclass", ".inc":
			case ".conf":
				if !strings.Contains("/"+rel, "/conf/") {
					return nil
				}
			default:
				return nil
			}
			if de.Type().IsRegular() {
				out = append(out, rel)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("listing metadata files: %w", err)
		}
	}
	return out, nil
}
