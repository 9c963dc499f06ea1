package parser

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reproduces BitBake's line regexps (bb/parse/parse_py/ConfHandler.py and
// BBHandler.py) with Python's match semantics: anchored at the start of the logical line,
// leftmost-first backtracking, Unicode \s and \w. The ones that use lookahead or a
// back-reference are written out by hand; the others use Go regexps, whose leftmost-first
// submatch rules equal Python's for patterns without those features.

// pySpaceClass is Python's \s (str.isspace) as a Go character class body.
const pySpaceClass = `\t\n\v\f\r \x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}`

var (
	addpylibRe     = regexp.MustCompile(`^addpylib[` + pySpaceClass + `]+(.+)[` + pySpaceClass + `]+(.+)`)
	addfragmentsRe = regexp.MustCompile(`^addfragments[` + pySpaceClass + `]+(.+)[` + pySpaceClass + `]+(.+)[` + pySpaceClass + `]+(.+)[` + pySpaceClass + `]+(.+)`)
)

// isPySpace reports whether r is whitespace for Python's str.isspace and re's \s.
func isPySpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0:
		return true
	}
	return r > 0xff && unicode.IsSpace(r)
}

// isPyWord reports whether r matches Python's \w for str patterns.
func isPyWord(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// rstrip is Python's str.rstrip().
func rstrip(s string) string {
	for len(s) > 0 {
		c := s[len(s)-1]
		if c < utf8.RuneSelf {
			if !isPySpace(rune(c)) {
				return s
			}
			s = s[:len(s)-1]
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s)
		if r == utf8.RuneError || !isPySpace(r) {
			return s
		}
		s = s[:len(s)-n]
	}
	return s
}

// skipSpace returns the index of the first non-space at or after i.
func skipSpace(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isPySpace(rune(c)) {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || !isPySpace(r) {
			return i
		}
		i += n
	}
	return i
}

// skipWord returns the index after the run of \w characters starting at i.
func skipWord(s string, i int) int {
	for i < len(s) {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !isPyWord(r) {
			return i
		}
		i += n
	}
	return i
}

// varChar is the class [a-zA-Z0-9\-_+.${}/~] of export/unset names; withColon adds ':' as
// in __config_regexp__'s var group.
func varChar(c byte, withColon bool) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	switch c {
	case '-', '_', '+', '.', '$', '{', '}', '/', '~':
		return true
	case ':':
		return withColon
	}
	return false
}

// flagChar is [a-zA-Z0-9\-_+.] (first) and, with at, [a-zA-Z0-9\-_+.@] (rest).
func flagChar(c byte, at bool) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	switch c {
	case '-', '_', '+', '.':
		return true
	case '@':
		return at
	}
	return false
}

// kwArg matches `KW\s+(.+)` at the start of s and returns the group's start offset.
func kwArg(s, kw string) (int, bool) {
	if !strings.HasPrefix(s, kw) {
		return 0, false
	}
	i := len(kw)
	j := skipSpace(s, i)
	if j == i {
		return 0, false
	}
	if j < len(s) {
		return j, true
	}
	// Only blanks follow: \s+ gives its last character back to (.+) if it has two.
	_, n := utf8.DecodeLastRuneInString(s)
	if len(s)-n > i {
		return len(s) - n, true
	}
	return 0, false
}

// kwName matches `KW\s+([a-zA-Z0-9\-_+.${}/~]+)$` (export, unset) and returns the name's start.
func kwName(s, kw string) (int, bool) {
	i, ok := kwArg(s, kw)
	if !ok {
		return 0, false
	}
	for k := i; k < len(s); k++ {
		if !varChar(s[k], false) {
			return 0, false
		}
	}
	return i, true
}

// unsetFlag matches `unset\s+(VAR)\[(FLAG)\]$` where FLAG has at least two characters.
func unsetFlag(s string) (name, flag int, ok bool) {
	i, ok := kwArg(s, "unset")
	if !ok {
		return 0, 0, false
	}
	k := i
	for k < len(s) && varChar(s[k], false) {
		k++
	}
	if k == i || k >= len(s) || s[k] != '[' || s[len(s)-1] != ']' {
		return 0, 0, false
	}
	f := k + 1
	end := len(s) - 1
	if end-f < 2 || !flagChar(s[f], false) {
		return 0, 0, false
	}
	for m := f + 1; m < end; m++ {
		if !flagChar(s[m], true) {
			return 0, 0, false
		}
	}
	return i, f, true
}

// confMatch is a match of __config_regexp__: offsets into the logical line.
type confMatch struct {
	export        bool
	name, nameEnd int
	flag, flagEnd int // flag < 0: no flag
	op            Op
	opAt          int
	quote         int // offset of the opening quote; the value is s[quote+1:len(s)-1]
}

var confOps = [...]Op{OpImmed, OpWeak, OpDefault, OpAppend, OpPrepend, OpPredot, OpPostdot, OpSet}

// matchConfig reproduces __config_regexp__:
//
//	^(export\s+)?(VAR+?)(\[(FLAG)\])?\s*(OP)\s*(?!'[^']*'[^']*'$)(?!"[^"]*"[^"]*"$)(['"])(.*)\5$
//
// The variable name is lazy, so the shortest name that lets the rest match wins.
func matchConfig(s string) (confMatch, bool) {
	n := len(s)
	if n < 3 {
		return confMatch{}, false
	}
	last := s[n-1]
	if last != '"' && last != '\'' {
		return confMatch{}, false
	}
	if strings.HasPrefix(s, "export") {
		if j := skipSpace(s, 6); j > 6 {
			if m, ok := matchConfigFrom(s, j); ok {
				m.export = true
				return m, true
			}
		}
	}
	return matchConfigFrom(s, 0)
}

func matchConfigFrom(s string, start int) (confMatch, bool) {
	n := len(s)
	for end := start + 1; end <= n && varChar(s[end-1], true); end++ {
		// With a flag first (greedy ?), then without.
		if end < n && s[end] == '[' && end+1 < n && flagChar(s[end+1], false) {
			k := end + 2
			for k < n && flagChar(s[k], true) {
				k++
			}
			if k < n && s[k] == ']' {
				if m, ok := matchOpValue(s, k+1); ok {
					m.name, m.nameEnd, m.flag, m.flagEnd = start, end, end+1, k
					return m, true
				}
			}
		}
		if m, ok := matchOpValue(s, end); ok {
			m.name, m.nameEnd, m.flag, m.flagEnd = start, end, -1, -1
			return m, true
		}
	}
	return confMatch{}, false
}

// matchOpValue matches `\s*OP\s*` + the quoted value to the end of s, from offset i.
func matchOpValue(s string, i int) (confMatch, bool) {
	i = skipSpace(s, i)
	rest := s[i:]
	for _, op := range confOps {
		if !strings.HasPrefix(rest, string(op)) {
			continue
		}
		q := skipSpace(s, i+len(op))
		if q >= len(s)-1 {
			continue
		}
		c := s[q]
		if (c != '"' && c != '\'') || s[len(s)-1] != c {
			continue
		}
		// Negative lookaheads: reject exactly three quotes of the kind that starts here.
		if strings.Count(s[q:], string(c)) == 3 {
			continue
		}
		return confMatch{op: op, opAt: i, quote: q}, true
	}
	return confMatch{}, false
}

// funcStart is a match of __func_start_regexp__.
type funcStart struct {
	python, fakeroot bool
	kw               []int // offsets of the python/fakeroot keywords
	name, nameEnd    int   // name < 0: no name
	open             int   // offset of '('
}

// matchFuncStart reproduces
//
//	(((?P<py>python(?=(\s|\()))|(?P<fr>fakeroot(?=\s)))\s*)*(?P<func>[\w\.\-\+\{\}\$:]+)?\s*\(\s*\)\s*{$
func matchFuncStart(s string) (funcStart, bool) {
	var m funcStart
	if len(s) == 0 || s[len(s)-1] != '{' {
		return m, false
	}
	open := strings.IndexByte(s, '(')
	if open < 0 {
		return m, false
	}
	// After '(': \s*\)\s*{$
	k := skipSpace(s, open+1)
	if k >= len(s) || s[k] != ')' {
		return m, false
	}
	if skipSpace(s, k+1) != len(s)-1 {
		return m, false
	}
	i := 0
	for {
		switch {
		case strings.HasPrefix(s[i:], "python") && followedBy(s, i+6, true):
			m.python = true
		case strings.HasPrefix(s[i:], "fakeroot") && followedBy(s, i+8, false):
			m.fakeroot = true
		default:
			goto name
		}
		m.kw = append(m.kw, i)
		if s[i] == 'p' {
			i = skipSpace(s, i+6)
		} else {
			i = skipSpace(s, i+8)
		}
	}
name:
	m.name, m.nameEnd = -1, -1
	j := i
	for j < open {
		r, n := rune(s[j]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[j:])
		}
		if !isPyWord(r) && !strings.ContainsRune(".-+{}$:", r) {
			break
		}
		j += n
	}
	if j > i {
		m.name, m.nameEnd = i, j
	}
	if skipSpace(s, j) != open {
		return funcStart{}, false
	}
	m.open = open
	return m, true
}

// followedBy reports whether s[i] is whitespace (or, with paren, '(').
func followedBy(s string, i int, paren bool) bool {
	if i >= len(s) {
		return false
	}
	if paren && s[i] == '(' {
		return true
	}
	return skipSpace(s, i) > i
}

// matchDef reproduces `def\s+(\w+).*:` and returns the name's offsets.
func matchDef(s string) (int, int, bool) {
	if !strings.HasPrefix(s, "def") {
		return 0, 0, false
	}
	i := skipSpace(s, 3)
	if i == 3 {
		return 0, 0, false
	}
	j := skipWord(s, i)
	if j == i || !strings.Contains(s[j:], ":") {
		return 0, 0, false
	}
	return i, j, true
}

// addTask is a match of __addtask_regexp__.
type addTask struct {
	task, taskEnd int
	args          int // start of the text after the task name and its blanks
	end           int // end of the whole match
	before, after [2]int
	hasBefore     bool
	hasAfter      bool
}

// matchAddTask reproduces
//
//	addtask\s+(?P<func>\w+)\s*((before\s*(?P<before>((.*(?=after))|(.*))))|(after\s*(?P<after>((.*(?=before))|(.*)))))*
//
// A repeated group keeps its last capture; `.*(?=kw)` runs to the last occurrence of kw.
func matchAddTask(s string) (addTask, bool) {
	var m addTask
	if !strings.HasPrefix(s, "addtask") {
		return m, false
	}
	i := skipSpace(s, 7)
	if i == 7 {
		return m, false
	}
	j := skipWord(s, i)
	if j == i {
		return m, false
	}
	m.task, m.taskEnd = i, j
	p := skipSpace(s, j)
	m.args = p
	for {
		var kw, other string
		switch {
		case strings.HasPrefix(s[p:], "before"):
			kw, other = "before", "after"
		case strings.HasPrefix(s[p:], "after"):
			kw, other = "after", "before"
		default:
			m.end = p
			return m, true
		}
		g := skipSpace(s, p+len(kw))
		e := len(s)
		if k := strings.LastIndex(s[g:], other); k >= 0 {
			e = g + k
		}
		if kw == "before" {
			m.before, m.hasBefore = [2]int{g, e}, true
		} else {
			m.after, m.hasAfter = [2]int{g, e}, true
		}
		p = e
	}
}
