package stdlib

import (
	"errors"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestTranslateRejectsUnsupported(t *testing.T) {
	for _, pat := range []string{`(a)\1`, `(?=x)`, `(?<!y)z`, `(?P<n>a)(?P=n)`, `a++`, `(?>a)`} {
		_, err := translatePattern(pat, 0)
		var se *reSyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: want reSyntaxError, got %v", pat, err)
		}
	}
}

func TestPatternSemantics(t *testing.T) {
	cases := []struct {
		pat, s string
		flags  int
		want   []int // spans of the first search match
	}{
		{`abc$`, "abc\n", 0, []int{0, 3}},
		{`a{,2}`, "aaa", 0, []int{0, 2}},
		{`x # comment
		  y`, "xy", reVerbose, []int{0, 2}},
		{`\s+`, "a\x0bb", 0, []int{1, 2}},
		{`[]a]+`, "]a]", 0, []int{0, 3}},
		{`é+`, "caféé", 0, []int{3, 5}},
		// RE2 cannot run these: the backtracking engine does (spans in code points).
		{`(?<=-)\w+`, "a-bc", 0, []int{2, 4}},
		{`(\w)\1`, "xaab", 0, []int{1, 3}},
		{`(?P<n>é)(?P=n)(?!z)`, "caféé", 0, []int{3, 5}},
		{`AB(?=c)`, "xabC", reIgnoreCase, []int{1, 3}},
	}
	for _, c := range cases {
		p, err := compilePattern(pyStr(c.pat), c.flags)
		if err != nil {
			t.Fatalf("%q: %v", c.pat, err)
		}
		ri := newRuneIndex(c.s)
		m, ok := p.exec(modeSearch, pyStr(c.s), c.s, ri, 0, 0, 0, len(c.s)).(*reMatch)
		if !ok {
			t.Errorf("%q on %q: no match", c.pat, c.s)
			continue
		}
		if m.spans[0] != c.want[0] || m.spans[1] != c.want[1] {
			t.Errorf("%q on %q: span %v, want %v", c.pat, c.s, m.spans[:2], c.want)
		}
	}
}

func TestUnsupportedEverywhere(t *testing.T) {
	// Python 3.11's possessive quantifiers: neither engine has them; re.error names them.
	if _, err := compilePattern(pyStr(`a++`), 0); err == nil || !strings.Contains(err.Error(), "possessive") {
		t.Errorf("a++: want an error naming possessive quantifiers, got %v", err)
	}
}

func TestEmptyMatchesAfterNonEmpty(t *testing.T) {
	p, err := compilePattern(pyStr("x*"), 0)
	if err != nil {
		t.Fatal(err)
	}
	s := "abxd"
	var got []string
	for _, m := range p.all(pyStr(s), s, newRuneIndex(s), 0, len(s), 0, len(s)) {
		got = append(got, itoa(m.spans[0])+"-"+itoa(m.spans[1]))
	}
	// CPython 3.7+: re.finditer('x*', 'abxd') spans
	want := "0-0 1-1 2-3 3-3 4-4"
	if strings.Join(got, " ") != want {
		t.Errorf("spans %v, want %s", got, want)
	}
}

func TestStrftime(t *testing.T) {
	// 2023-11-14 22:13:20 UTC, a Tuesday, day 318
	f := [9]int{2023, 11, 14, 22, 13, 20, 1, 318, 0}
	got := strftime("%Y-%m-%d %H:%M:%S %a %b %j %I%p %%", f, "UTC", 0)
	want := "2023-11-14 22:13:20 Tue Nov 318 10PM %"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestQuoteJSON(t *testing.T) {
	if got := quoteJSON("a\"\\\n\x01é😀", true); got != `"a\"\\\n\u0001\u00e9\ud83d\ude00"` {
		t.Errorf("ascii: %s", got)
	}
	if got := quoteJSON("é", false); got != `"é"` {
		t.Errorf("utf8: %s", got)
	}
}

func TestModulesCompile(t *testing.T) {
	ents, err := pySources.ReadDir("py")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		src, _ := pySources.ReadFile("py/" + e.Name())
		l := &lazySource{file: e.Name(), src: string(src)}
		if _, err := l.compiled(); err != nil {
			t.Error(err)
		}
	}
	for _, src := range []string{reSource, timeSource} {
		if _, err := (&lazySource{file: "x", src: src}).compiled(); err != nil {
			t.Error(err)
		}
	}
	names := Modules()
	for _, want := range []string{"os", "os.path", "re", "subprocess", "json", "collections", "logging"} {
		found := false
		for _, n := range names {
			found = found || n == want
		}
		if !found {
			t.Errorf("module %s not registered", want)
		}
	}
}

func TestOSModuleRuns(t *testing.T) {
	out, err := runPy(t, "import posixpath\nprint(posixpath.join('a', '/b', 'c'))\n")
	if err != nil {
		t.Fatal(err)
	}
	if out != "/b/c\n" {
		t.Errorf("got %q", out)
	}
}

func pyStr(s string) py.String { return py.String(s) }
