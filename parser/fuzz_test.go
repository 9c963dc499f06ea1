package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse: no input panics or hangs, and in both modes an error-free parse survives
// parse -> print -> parse with equal statements (positions aside).
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob("testdata/ok/*.*")
	for _, p := range paths {
		if src, err := os.ReadFile(p); err == nil && filepath.Ext(p) != ".json" {
			f.Add(src)
		}
	}
	for _, c := range readChunks(f, "testdata/errors.txt") {
		f.Add(c.src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, mode := range []Mode{ModeConf, ModeRecipe} {
			name := "fuzz.bb"
			if mode == ModeConf {
				name = "fuzz.conf"
			}
			file, err := ParseMode(name, src, mode)
			if file == nil {
				t.Fatal("nil File")
			}
			if err != nil {
				list, ok := err.(ErrorList)
				if !ok || len(list) == 0 {
					t.Fatalf("error is %T %v", err, err)
				}
				for _, e := range list {
					if strings.HasPrefix(e.Msg, "internal parser error") {
						t.Fatal(e)
					}
					if e.Pos.Line < 1 || e.Pos.Column < 1 || e.Pos.Offset > len(src) || e.Pos.Filename != name {
						t.Fatalf("error outside the file: %v", e)
					}
				}
				_ = Format(file) // what did parse still prints
				continue
			}
			checkRoundTrip(t, file, src)
		}
	})
}
