package conformance

import (
	"strconv"
	"strings"
	"testing"
)

func TestReadStream(t *testing.T) {
	in := `{"file":"a.conf","statements":2,"warnings":[]}
{"file":"a.conf","kind":"assign","line":1,"op":"?=","value":"x y","var":"A","flag":"doc","export":true}
{"after":["do_a","do_b"],"file":"a.conf","kind":"addtask","line":3,"name":"do_c"}
{"error":"unparsed line: 'x'","file":"b.bb","line":4,"warnings":["w"]}
{"file":"c.bb","statements":0,"warnings":[]}
`
	res, err := ReadStream(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 {
		t.Fatalf("got %d files, want 3", len(res))
	}
	a := res[0]
	if a.File != "a.conf" || len(a.Stmts) != 2 {
		t.Fatalf("a.conf: %+v", a)
	}
	want := Stmt{Line: 1, Kind: "assign", Var: "A", Flag: "doc", Op: "?=", Value: "x y", Export: true}
	if !a.Stmts[0].equal(want) {
		t.Errorf("got %s, want %s", a.Stmts[0], want)
	}
	if got := a.Stmts[1]; got.Name != "do_c" || strings.Join(got.After, ",") != "do_a,do_b" {
		t.Errorf("addtask: %s", got)
	}
	if b := res[1]; b.Error != "unparsed line: 'x'" || b.ErrLine != 4 || len(b.Warnings) != 1 {
		t.Errorf("b.bb: %+v", b)
	}
	if c := res[2]; c.File != "c.bb" || c.Error != "" || len(c.Stmts) != 0 {
		t.Errorf("c.bb: %+v", c)
	}

	for _, bad := range []string{
		`{"file":"a.conf","statements":2}` + "\n" + `{"file":"a.conf","kind":"export","line":1,"var":"A"}` + "\n",
		`{"file":"a.conf","statements":1}` + "\n" + `{"file":"b.conf","kind":"export","line":1,"var":"A"}` + "\n",
		`{"file":"a.conf"}` + "\n",
		`not json` + "\n",
	} {
		if _, err := ReadStream(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadStream(%q) accepted malformed input", bad)
		}
	}
}

func TestCompare(t *testing.T) {
	a := Stmt{Line: 1, Kind: "assign", Var: "A", Op: "=", Value: "1"}
	b := Stmt{Line: 2, Kind: "inherit", Value: "x"}
	c := Stmt{Line: 3, Kind: "func", Name: "do_x", Body: "    true\n"}
	d := Stmt{Line: 7, Kind: "export", Var: "D"}
	cBody := c
	cBody.Body = "    true"
	tests := []struct {
		name      string
		want, got []Stmt
		diffs     []string // kind and line of each diff
	}{
		{"equal", []Stmt{a, b, c}, []Stmt{a, b, c}, nil},
		{"missing middle", []Stmt{a, b, c}, []Stmt{a, c}, []string{"missing 2"}},
		{"extra end", []Stmt{a, b}, []Stmt{a, b, d}, []string{"extra 7"}},
		{"field differs", []Stmt{a, b, c}, []Stmt{a, b, cBody}, []string{"differs 3"}},
		{"line differs", []Stmt{a, d}, []Stmt{a, {Line: 8, Kind: "export", Var: "D"}}, []string{"missing 7", "extra 8"}},
		{"empty", nil, []Stmt{a}, []string{"extra 1"}},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range Compare(tt.want, tt.got) {
			got = append(got, string(d.Kind)+" "+strconv.Itoa(d.Line()))
		}
		if strings.Join(got, ";") != strings.Join(tt.diffs, ";") {
			t.Errorf("%s: diffs %q, want %q", tt.name, got, tt.diffs)
		}
	}
	// The rendering names both sides.
	s := Compare([]Stmt{c}, []Stmt{cBody})[0].String()
	if !strings.Contains(s, `body="    true\n"`) || !strings.Contains(s, `body="    true"`) {
		t.Errorf("diff rendering lacks the bodies:\n%s", s)
	}
}
