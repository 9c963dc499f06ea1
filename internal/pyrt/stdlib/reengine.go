package stdlib

import (
	"strconv"
	"strings"

	"github.com/dlclark/regexp2"
)

// reEngine is what a compiled pattern matches with: Go's regexp (RE2, linear time) for the
// patterns it can express, and regexp2 (backtracking) for the constructs Python has and RE2
// lacks: lookahead/lookbehind, backreferences, conditionals and atomic groups (bootstrap.bbclass
// in Isar and several OE classes use lookaheads). Indexes are byte offsets into s, pairs per
// group, -1 for groups that did not take part, as regexp.FindStringSubmatchIndex returns them.
type reEngine interface {
	FindStringSubmatchIndex(s string) []int
	FindAllStringSubmatchIndex(s string, n int) [][]int
	String() string
}

// backtrackEngine runs a Python pattern on regexp2. Python numbers every capturing group
// left to right while .NET numbers named groups after unnamed ones, so named groups are
// rewritten to plain ones and their names kept in groupNames.
type backtrackEngine struct {
	re  *regexp2.Regexp
	src string
}

// backtrackPattern rewrites Python-only syntax for regexp2: (?P<name>...) becomes a plain group
// (names returned by group number, "" for unnamed ones), (?P=name) a numbered backreference.
func backtrackPattern(src string) (string, []string, bool) {
	var b strings.Builder
	var names []string
	byName := map[string]int{}
	inClass := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src):
			b.WriteByte(c)
			b.WriteByte(src[i+1])
			i++
			continue
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
			if strings.HasPrefix(src[i+1:], "]") || strings.HasPrefix(src[i+1:], "^]") {
				// a leading ] is a literal in Python classes
				n := 1
				if src[i+1] == '^' {
					n = 2
				}
				b.WriteString(src[i : i+1+n])
				i += n
				continue
			}
		case c == '(' && strings.HasPrefix(src[i+1:], "?P<"):
			end := strings.IndexByte(src[i+4:], '>')
			if end < 0 {
				return "", nil, false
			}
			name := src[i+4 : i+4+end]
			names = append(names, name)
			byName[name] = len(names)
			b.WriteByte('(')
			i += 4 + end
			continue
		case c == '(' && strings.HasPrefix(src[i+1:], "?P="):
			end := strings.IndexByte(src[i+4:], ')')
			if end < 0 {
				return "", nil, false
			}
			n, ok := byName[src[i+4:i+4+end]]
			if !ok {
				return "", nil, false
			}
			b.WriteString(`(?:\` + strconv.Itoa(n) + `)`)
			i += 4 + end
			continue
		case c == '(' && !strings.HasPrefix(src[i+1:], "?"):
			names = append(names, "")
		}
		b.WriteByte(c)
	}
	return b.String(), names, true
}

func newBacktrackEngine(pat string, flags int) (*backtrackEngine, error) {
	var opts regexp2.RegexOptions
	if flags&reIgnoreCase != 0 {
		opts |= regexp2.IgnoreCase
	}
	if flags&reMultiline != 0 {
		opts |= regexp2.Multiline
	}
	if flags&reDotAll != 0 {
		opts |= regexp2.Singleline
	}
	if flags&reVerbose != 0 {
		opts |= regexp2.IgnorePatternWhitespace
	}
	re, err := regexp2.Compile(pat, opts)
	if err != nil {
		return nil, err
	}
	return &backtrackEngine{re: re, src: pat}, nil
}

func (e *backtrackEngine) String() string { return e.src }

// offsets maps rune indexes of s to byte offsets (one past the end included).
func runeOffsets(s string) []int {
	offs := make([]int, 0, len(s)+1)
	for i := range s {
		offs = append(offs, i)
	}
	return append(offs, len(s))
}

func (e *backtrackEngine) loc(m *regexp2.Match, offs []int) []int {
	groups := m.Groups()
	loc := make([]int, 2*len(groups))
	for i, g := range groups {
		if len(g.Captures) == 0 {
			loc[2*i], loc[2*i+1] = -1, -1
			continue
		}
		loc[2*i], loc[2*i+1] = offs[g.Index], offs[g.Index+g.Length]
	}
	return loc
}

func (e *backtrackEngine) FindStringSubmatchIndex(s string) []int {
	m, err := e.re.FindStringMatch(s)
	if err != nil || m == nil {
		return nil
	}
	return e.loc(m, runeOffsets(s))
}

func (e *backtrackEngine) FindAllStringSubmatchIndex(s string, n int) [][]int {
	offs := runeOffsets(s)
	var out [][]int
	m, err := e.re.FindStringMatch(s)
	for err == nil && m != nil && (n < 0 || len(out) < n) {
		out = append(out, e.loc(m, offs))
		m, err = e.re.FindNextMatch(m)
	}
	return out
}
