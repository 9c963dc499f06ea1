package data

import (
	"math/rand"
	"regexp"
	"slices"
	"testing"
)

// nextPythonRef finds what BitBake's __expand_python_regexp__ finds: compared with the
// expression itself (Go's leftmost-first matching makes Python's choices for it) on every
// string of up to six characters over the characters that matter, and on random longer
// ones.
func TestNextPythonRef(t *testing.T) {
	re := regexp.MustCompile(`\$\{@(?:\{.*?\}|.)+?\}`)
	all := func(s string) [][]int {
		var out [][]int
		for i, j := nextPythonRef(s, 0); i >= 0; i, j = nextPythonRef(s, j) {
			out = append(out, []int{i, j})
		}
		return out
	}
	check := func(s string) bool {
		want, got := re.FindAllStringIndex(s, -1), all(s)
		if !slices.EqualFunc(want, got, slices.Equal[[]int]) {
			t.Errorf("%q: matches %v, want %v", s, got, want)
			return false
		}
		return true
	}
	alphabet := []string{"{", "}", "x", "\n", "é", "${@"}
	var gen func(prefix string, n int) bool
	gen = func(prefix string, n int) bool {
		if !check(prefix) {
			return false
		}
		if n == 0 {
			return true
		}
		for _, a := range alphabet {
			if !gen(prefix+a, n-1) {
				return false
			}
		}
		return true
	}
	gen("", 6)
	r := rand.New(rand.NewSource(1))
	for range 20000 {
		b := make([]byte, 0, 40)
		for range r.Intn(40) {
			b = append(b, alphabet[r.Intn(len(alphabet))]...)
		}
		if !check(string(b)) {
			break
		}
	}
	for _, s := range []string{
		"${@d.getVar('A')}", "a ${@'{}'.format(1)} b ${@x} c", "${@{'a': 1}['a']}}",
		"${@ '{' }", "${@}", "${@}}", "${@{}}", "${@{}", "${@\n}", "${@x\n${@y}",
	} {
		check(s)
	}
}
