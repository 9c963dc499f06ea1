package parser

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/ok")

// TestGolden parses every fixture of testdata/ok and compares the JSON AST with NAME.json.
// The fixtures cover every statement form; their statements were checked against BitBake
// 2.8's parser (apart from include_all and addfragments, which it predates).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/ok/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, path := range files {
		if strings.HasSuffix(path, ".json") {
			continue
		}
		n++
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse(filepath.Base(path), src)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(f, "", "\t")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := path + ".json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./parser -run TestGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the parse; run with -update and review the diff", golden)
			}
			checkRoundTrip(t, f, src)
		})
	}
	if n == 0 {
		t.Fatal("no fixtures")
	}
}

// stripped returns the statements with all positions zeroed, for comparisons.
func stripped(stmts []Stmt) []Stmt {
	out := make([]Stmt, len(stmts))
	for i, s := range stmts {
		v := reflect.ValueOf(s).Elem()
		c := reflect.New(v.Type())
		c.Elem().Set(v)
		c.Elem().FieldByName("Pos").SetZero()
		c.Elem().FieldByName("EndPos").SetZero()
		out[i] = c.Interface().(Stmt)
	}
	return out
}

// checkRoundTrip prints f, parses the text again in the same mode and wants the same
// statements; it also checks that positions are ordered and inside the source.
func checkRoundTrip(t testing.TB, f *File, src []byte) {
	t.Helper()
	if err := roundTrip(f, src); err != nil {
		t.Fatal(err)
	}
}

func roundTrip(f *File, src []byte) error {
	var prev Position
	for _, s := range f.Stmts {
		start, end := s.Span()
		if start.Line < 1 || start.Column < 1 || start.Offset < prev.Offset || end.Offset < start.Offset || end.Offset > len(src) {
			return fmt.Errorf("bad span %v-%v (previous end %v) for %#v", start, end, prev, s)
		}
		prev = end
	}
	text := Format(f)
	g, err := ParseMode(f.Name, []byte(text), f.Mode)
	if err != nil {
		return fmt.Errorf("printed text does not parse: %w\n--- printed:\n%s", err, text)
	}
	if a, b := stripped(f.Stmts), stripped(g.Stmts); !reflect.DeepEqual(a, b) {
		ja, _ := json.Marshal(&File{Stmts: a})
		jb, _ := json.Marshal(&File{Stmts: b})
		return fmt.Errorf("round trip changed the AST\n--- printed:\n%s\n--- first:  %s\n--- second: %s", text, ja, jb)
	}
	return nil
}

func TestBitBakeLine(t *testing.T) {
	src := "A = \"1 \\\n 2\"\ndo_x() {\n\ttrue\n}\ndef f(d):\n    pass\n\nB = \"3\"\naddtask x after y z\ndef g():\n    pass\n"
	f, err := Parse("x.bb", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, s := range f.Stmts {
		got = append(got, BitBakeLine(s))
	}
	// BitBake 2.8: DataNode 2, MethodNode 5, PythonMethodNode 9, DataNode 9, AddTaskNode 10,
	// PythonMethodNode 13 (end of file).
	if want := []int{2, 5, 9, 9, 10, 13}; !reflect.DeepEqual(got, want) {
		t.Errorf("lines %v, want %v", got, want)
	}
	at := f.Stmts[4].(*AddTask)
	if !reflect.DeepEqual(at.AfterTasks(), []string{"y", "z"}) || len(at.BeforeTasks()) != 0 {
		t.Errorf("addtask lists %q %q", at.AfterTasks(), at.BeforeTasks())
	}
}

func TestFuncText(t *testing.T) {
	f, err := Parse("x.bb", []byte("do_a() {\n}\ndo_b() {\n\n}\ndo_c() {\n\tx\n\ty\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	// BitBake: '\n'.join(body + ['']).
	for i, want := range []string{"", "\n", "\tx\n\ty\n"} {
		if got := f.Stmts[i].(*Func).Text(); got != want {
			t.Errorf("func %d: Text() = %q, want %q", i, got, want)
		}
	}
}

// TestWarnings: what BitBake 2.8 warns about while parsing (and still accepts).
func TestWarnings(t *testing.T) {
	src := "python do_x() {\n\tpass\n  \tpass\n}\ndef f():\n\treturn 1\ndo_sh() {\n\ttrue\n}\n" +
		"addtask do_a do_b\naddtask do_c before do_d before do_e after do_f after do_g\n"
	f, err := Parse("w.bb", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range f.Warnings {
		got = append(got, w.Error())
	}
	want := []string{
		"w.bb:2:1: python should use 4 spaces indentation, but found tabs",
		"w.bb:3:3: python should use 4 spaces indentation, but found tabs",
		"w.bb:6:1: python should use 4 spaces indentation, but found tabs",
		`w.bb:10:13: addtask ignored: " do_b"`,
		"w.bb:11:1: addtask contained multiple 'before' keywords, only one is supported",
		"w.bb:11:1: addtask contained multiple 'after' keywords, only one is supported",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLongContinuation: a statement continued over many lines joins like BitBake's (the
// conf-mode joining appends to a buffer instead of BitBake's quadratic concatenation).
func TestLongContinuation(t *testing.T) {
	const n = 20000
	src := "A = \"" + strings.Repeat("x \\\n", n) + "\"\n"
	for _, name := range []string{"long.conf", "long.bb"} {
		f, err := Parse(name, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		a := f.Stmts[0].(*Assign)
		if a.Value != strings.Repeat("x ", n) {
			t.Errorf("%s: value of %d bytes", name, len(a.Value))
		}
		if _, end := a.Span(); end.Line != n+1 || end.Column != 2 {
			t.Errorf("%s: end %v", name, end)
		}
	}
}

// TestGrammarDoc keeps the EBNF in doc.go equal to the grammar participle builds.
func TestGrammarDoc(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	squash := func(s string) string {
		return strings.Join(strings.Fields(strings.ReplaceAll(s, "//", "")), "")
	}
	text := squash(string(doc))
	for _, prod := range strings.Split(strings.ReplaceAll(Grammar(), "FileNode", "File"), "\n") {
		if !strings.Contains(text, squash(prod)) {
			t.Errorf("doc.go lacks the production %q", prod)
		}
	}
}

// TestBitBakeLineContinuedAtEOF: a .conf statement continued into the end of the file ends
// on the line after the last one, where BitBake's reader counts one more (empty) line.
func TestBitBakeLineContinuedAtEOF(t *testing.T) {
	for src, want := range map[string]int{"B = \"1\"\nA = \"x\"\\\n": 3, "A = \"x\"\\": 2, "A = \"x\"\\\\\\\n": 4} {
		f, err := Parse("eof.conf", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		last := f.Stmts[len(f.Stmts)-1]
		if got := BitBakeLine(last); got != want {
			t.Errorf("%q: BitBakeLine %d, want %d", src, got, want)
		}
		if _, end := last.Span(); end.Offset != len(src) || end.Column != 1 {
			t.Errorf("%q: end %+v", src, end)
		}
	}
}
