package conformance

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Stmt is one statement in canonical form. The JSON names are the ones bbstatements.py prints;
// a field is empty when the kind has no such part.
//
//	kind              fields
//	assign            var, flag, op (= ?= ??= := += =+ .= =.), quote (" or '), value (raw, between
//	                  the quotes), export
//	export            var                       (export without assignment)
//	unset             var, flag                 (flag empty for "unset VAR")
//	include, require  value                     (raw argument, unexpanded, unsplit)
//	inherit           value                     (raw argument)
//	inherit_defer     value                     (raw argument)
//	addtask           name, after, before       (after/before split on white space)
//	deltask           value                     (raw argument)
//	addhandler        names
//	export_functions  names
//	addpylib          libdir, namespace
//	func              name, body, python, fakeroot   ("name(){", "python name(){", anonymous:
//	                                                  name "__anonymous"); body is the text
//	                                                  BitBake stores: the lines between the
//	                                                  braces, right-trimmed, each ending in "\n"
//	def               name, body                (body from the def line to the last line BitBake
//	                                             keeps, joined by "\n")
//
// Line is the line where the statement's text begins (the header line for functions); Last is
// the line BitBake records as the node's lineno and shows in variable history: the
// statement's last line (the closing brace of a function; for a def block the line after it,
// or the line count + 1 at the end of the file).
type Stmt struct {
	File      string   `json:"file,omitempty"`
	Line      int      `json:"line"`
	Last      int      `json:"last,omitempty"`
	Kind      string   `json:"kind"`
	Var       string   `json:"var,omitempty"`
	Flag      string   `json:"flag,omitempty"`
	Op        string   `json:"op,omitempty"`
	Quote     string   `json:"quote,omitempty"`
	Value     string   `json:"value,omitempty"`
	Export    bool     `json:"export,omitempty"`
	Name      string   `json:"name,omitempty"`
	Names     []string `json:"names,omitempty"`
	After     []string `json:"after,omitempty"`
	Before    []string `json:"before,omitempty"`
	LibDir    string   `json:"libdir,omitempty"`
	Namespace string   `json:"namespace,omitempty"`
	Body      string   `json:"body,omitempty"`
	Python    bool     `json:"python,omitempty"`
	Fakeroot  bool     `json:"fakeroot,omitempty"`
	Attrs     string   `json:"attrs,omitempty"` // node kinds this package does not know (newer BitBake)
}

// equal reports whether two statements agree in every canonical field but File.
func (s Stmt) equal(o Stmt) bool {
	s.File, o.File = "", ""
	return s.Line == o.Line && s.Last == o.Last && s.Kind == o.Kind && s.Var == o.Var && s.Flag == o.Flag &&
		s.Op == o.Op && s.Quote == o.Quote && s.Value == o.Value && s.Export == o.Export && s.Name == o.Name &&
		slices.Equal(s.Names, o.Names) && slices.Equal(s.After, o.After) &&
		slices.Equal(s.Before, o.Before) && s.LibDir == o.LibDir && s.Namespace == o.Namespace &&
		s.Body == o.Body && s.Python == o.Python && s.Fakeroot == o.Fakeroot && s.Attrs == o.Attrs
}

// String renders a statement on one line (bodies quoted), for diffs.
func (s Stmt) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d: %s", s.Line, s.Kind)
	if s.Last != s.Line && s.Last != 0 {
		fmt.Fprintf(&b, " (to line %d)", s.Last)
	}
	add := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, " %s=%q", k, v)
		}
	}
	add("var", s.Var)
	add("flag", s.Flag)
	add("op", s.Op)
	add("quote", s.Quote)
	add("name", s.Name)
	if s.Value != "" || s.Kind == "assign" {
		fmt.Fprintf(&b, " value=%q", s.Value)
	}
	if len(s.Names) > 0 {
		fmt.Fprintf(&b, " names=%q", s.Names)
	}
	if len(s.After) > 0 {
		fmt.Fprintf(&b, " after=%q", s.After)
	}
	if len(s.Before) > 0 {
		fmt.Fprintf(&b, " before=%q", s.Before)
	}
	add("libdir", s.LibDir)
	add("namespace", s.Namespace)
	if s.Export {
		b.WriteString(" export")
	}
	if s.Python {
		b.WriteString(" python")
	}
	if s.Fakeroot {
		b.WriteString(" fakeroot")
	}
	if s.Kind == "func" || s.Kind == "def" {
		fmt.Fprintf(&b, " body=%q", s.Body)
	}
	add("attrs", s.Attrs)
	return b.String()
}

// FileResult is what one parser made of one file: its statements, or the error that made it
// reject the file.
type FileResult struct {
	File     string
	Error    string // non-empty when the parser rejected the file
	ErrLine  int
	Warnings []string
	Stmts    []Stmt
}

// header is the first record of a file in bbstatements.py's output.
type header struct {
	File       string   `json:"file"`
	Statements *int     `json:"statements"`
	Error      string   `json:"error"`
	Line       int      `json:"line"`
	Warnings   []string `json:"warnings"`
}

// ReadStream decodes bbstatements.py output: per file a header record followed by its statements.
func ReadStream(r io.Reader) ([]*FileResult, error) {
	var out []*FileResult
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var cur *FileResult
	want := 0
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if want == 0 {
			var h header
			if err := json.Unmarshal(line, &h); err != nil {
				return nil, fmt.Errorf("extractor output line %d: %w", n, err)
			}
			if h.File == "" || (h.Statements == nil && h.Error == "") {
				return nil, fmt.Errorf("extractor output line %d: want a file header, got %s", n, line)
			}
			cur = &FileResult{File: h.File, Error: h.Error, ErrLine: h.Line, Warnings: h.Warnings}
			out = append(out, cur)
			if h.Statements != nil {
				want = *h.Statements
			}
			continue
		}
		var s Stmt
		if err := json.Unmarshal(line, &s); err != nil {
			return nil, fmt.Errorf("extractor output line %d: %w", n, err)
		}
		if s.File != cur.File {
			return nil, fmt.Errorf("extractor output line %d: statement of %q inside %q", n, s.File, cur.File)
		}
		s.File = ""
		cur.Stmts = append(cur.Stmts, s)
		want--
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading extractor output: %w", err)
	}
	if want != 0 {
		return nil, fmt.Errorf("extractor output ends %d statements early in %q", want, cur.File)
	}
	return out, nil
}

// DiffKind says how a statement pair differs.
type DiffKind string

// The kinds of statement differences.
const (
	Missing DiffKind = "missing" // BitBake has it, gobake does not
	Extra   DiffKind = "extra"   // gobake has it, BitBake does not
	Differs DiffKind = "differs" // both have a statement of this kind on this line, fields differ
)

// Diff is one statement difference between BitBake (Want) and gobake (Got).
type Diff struct {
	Kind      DiffKind
	Want, Got Stmt
}

// Line is the line the difference is about.
func (d Diff) Line() int {
	if d.Kind == Extra {
		return d.Got.Line
	}
	return d.Want.Line
}

func (d Diff) String() string {
	switch d.Kind {
	case Missing:
		return fmt.Sprintf("missing  %s", d.Want)
	case Extra:
		return fmt.Sprintf("extra    %s", d.Got)
	}
	return fmt.Sprintf("differs  %d: %s\n    bitbake: %s\n    gobake:  %s", d.Want.Line, d.Want.Kind,
		d.Want, d.Got)
}

// Compare aligns two statement lists on (line, kind), a longest common subsequence, and
// returns their differences in file order: pairs that align but differ in a field, and
// statements only one side has.
func Compare(want, got []Stmt) []Diff {
	key := func(s Stmt) string { return fmt.Sprintf("%d %s", s.Line, s.Kind) }
	n, m := len(want), len(got)
	// lcs[i][j] = length of the LCS of want[i:] and got[j:].
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if key(want[i]) == key(got[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var diffs []Diff
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && key(want[i]) == key(got[j]):
			if !want[i].equal(got[j]) {
				diffs = append(diffs, Diff{Kind: Differs, Want: want[i], Got: got[j]})
			}
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			diffs = append(diffs, Diff{Kind: Missing, Want: want[i]})
			i++
		default:
			diffs = append(diffs, Diff{Kind: Extra, Got: got[j]})
			j++
		}
	}
	return diffs
}
