package stdlib

import (
	"errors"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// The re module: Python's regular expression API on Go's regexp (RE2).
// Patterns are translated by translatePattern; the module body (py/re.py
// is not used: the Python half lives in reSource below) adds flags,
// re.error and the module-level helpers.

var (
	patternType = py.NewType("re.Pattern", "Compiled regular expression object.")
	matchType   = py.NewType("re.Match", "The result of re.match() and re.search().")
)

// rePattern is a compiled pattern.
type rePattern struct {
	pattern py.Object // original str or bytes
	flags   int
	re      reEngine
	anchor  reEngine // \A(?:...) for match()
	full    reEngine // \A(?:...)\z for fullmatch()
	groups  []int    // user group n (1-based, index n-1) -> Go subexp index
	names   []string // user group n -> name or ""
	dollars []int    // Go subexp indexes of '$' markers
	isBytes bool
	ctx     py.Context // the context that compiled this copy, for making dicts
}

func (p *rePattern) Type() *py.Type { return patternType }

// reMatch is a successful match.
type reMatch struct {
	pat    *rePattern
	str    py.Object
	s      string
	spans  []int // user-visible spans in code points: 2*(groups+1), -1 if unset
	pos    int
	endpos int
}

func (m *reMatch) Type() *py.Type { return matchType }

// patternCache shares compiled patterns between contexts; regexp.Regexp is
// safe for concurrent use and rePattern is immutable.
type patternCache struct {
	mu sync.Mutex
	m  map[patternKey]*rePattern
}

type patternKey struct {
	pat     string
	isBytes bool
	flags   int
}

var compiled = &patternCache{m: map[patternKey]*rePattern{}}

func (c *patternCache) get(k patternKey) *rePattern {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[k]
}

func (c *patternCache) put(k patternKey, p *rePattern) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) > 2048 {
		c.m = map[patternKey]*rePattern{}
	}
	c.m[k] = p
}

// compilePattern compiles a str or bytes pattern; errors are reSyntaxError
// or a Python exception.
func compilePattern(pat py.Object, flags int) (*rePattern, error) {
	var src string
	isBytes := false
	switch v := pat.(type) {
	case py.String:
		src = string(v)
	case py.Bytes:
		src, isBytes = string(v), true
		flags |= reASCII
	case *rePattern:
		if flags != 0 {
			return nil, py.ExceptionNewf(py.ValueError, "cannot process flags argument with a compiled pattern")
		}
		return v, nil
	default:
		return nil, py.ExceptionNewf(py.TypeError, "first argument must be string or compiled pattern")
	}
	key := patternKey{src, isBytes, flags}
	if p := compiled.get(key); p != nil {
		return p, nil
	}
	tr, err := translatePattern(src, flags)
	if err != nil {
		if p := compileBacktracking(pat, src, flags, isBytes, err); p != nil {
			compiled.put(key, p)
			return p, nil
		}
		return nil, err
	}
	re, err := regexp.Compile(tr.goPat)
	if err != nil {
		return nil, &reSyntaxError{msg: goRegexpMsg(err), pos: 0}
	}
	p := &rePattern{pattern: pat, flags: tr.flags, re: re, isBytes: isBytes}
	if !isBytes && tr.flags&reASCII == 0 {
		p.flags |= reUnicode
	}
	p.anchor = regexp.MustCompile(`\A(?:` + tr.goPat + `)`)
	p.full = regexp.MustCompile(`\A(?:` + tr.goPat + `)\z`)
	for i, n := range re.SubexpNames() {
		if i == 0 {
			continue
		}
		if strings.HasPrefix(n, "_gobake_dollar") {
			p.dollars = append(p.dollars, i)
			continue
		}
		p.groups = append(p.groups, i)
		p.names = append(p.names, n)
	}
	compiled.put(key, p)
	return p, nil
}

// compileBacktracking compiles, with the backtracking engine, a pattern RE2 cannot run
// (translateErr says which construct); nil when that engine cannot either.
func compileBacktracking(pat py.Object, src string, flags int, isBytes bool, translateErr error) *rePattern {
	se, ok := translateErr.(*reSyntaxError)
	if !ok || !strings.Contains(se.msg, "not supported by gobake's re") {
		return nil
	}
	bsrc, names, ok := backtrackPattern(src)
	if !ok {
		return nil
	}
	re, err := newBacktrackEngine(bsrc, flags)
	if err != nil {
		return nil
	}
	anchor, err1 := newBacktrackEngine(`\A(?:`+bsrc+`)`, flags)
	full, err2 := newBacktrackEngine(`\A(?:`+bsrc+`)\z`, flags)
	if err1 != nil || err2 != nil {
		return nil
	}
	p := &rePattern{pattern: pat, flags: flags, re: re, anchor: anchor, full: full, isBytes: isBytes, names: names}
	if !isBytes && flags&reASCII == 0 {
		p.flags |= reUnicode
	}
	for i := range names {
		p.groups = append(p.groups, i+1)
	}
	return p
}

// goRegexpMsg words a Go regexp/syntax error the way CPython's re does.
func goRegexpMsg(err error) string {
	var se *syntax.Error
	if !errors.As(err, &se) {
		return err.Error()
	}
	switch se.Code {
	case syntax.ErrMissingParen:
		return "missing ), unterminated subpattern"
	case syntax.ErrUnexpectedParen:
		return "unbalanced parenthesis"
	case syntax.ErrMissingRepeatArgument, syntax.ErrInvalidRepeatOp:
		return "nothing to repeat"
	case syntax.ErrMissingBracket:
		return "unterminated character set"
	case syntax.ErrInvalidCharRange:
		return "bad character range " + se.Expr
	case syntax.ErrInvalidRepeatSize:
		return "the repetition number is too large"
	case syntax.ErrInvalidNamedCapture:
		return "bad character in group name " + se.Expr
	case syntax.ErrNestingDepth:
		return "too many nested groups"
	}
	return se.Code.String() + ": " + se.Expr
}

// runeIndex converts byte offsets of s to code point offsets.
type runeIndex struct {
	s     string
	ascii bool
}

func newRuneIndex(s string) runeIndex {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return runeIndex{s: s}
		}
	}
	return runeIndex{s: s, ascii: true}
}

func (r runeIndex) cp(b int) int {
	if r.ascii || b < 0 {
		return b
	}
	return utf8.RuneCountInString(r.s[:b])
}

func (r runeIndex) byteOff(cp int) int {
	if r.ascii {
		return cp
	}
	i := 0
	for n := 0; n < cp && i < len(r.s); n++ {
		_, w := utf8.DecodeRuneInString(r.s[i:])
		i += w
	}
	return i
}

// subject extracts the Go string to match from a str or bytes argument.
func (p *rePattern) subject(o py.Object) (string, error) {
	switch v := o.(type) {
	case py.String:
		if p.isBytes {
			return "", py.ExceptionNewf(py.TypeError, "cannot use a bytes pattern on a string-like object")
		}
		return string(v), nil
	case py.Bytes:
		if !p.isBytes {
			return "", py.ExceptionNewf(py.TypeError, "cannot use a string pattern on a bytes-like object")
		}
		return string(v), nil
	}
	return "", py.ExceptionNewf(py.TypeError, "expected string or bytes-like object, got '%s'", o.Type().Name)
}

// newMatch builds a match from Go submatch byte offsets loc, found while
// matching s[off:] (so loc is relative to off).
func (p *rePattern) newMatch(str py.Object, s string, ri runeIndex, loc []int, off, pos, endpos int) *reMatch {
	abs := func(b int) int {
		if b < 0 {
			return -1
		}
		return ri.cp(b + off)
	}
	end0 := loc[1] + off
	// A non-multiline '$' that consumed the final newline matched before it.
	trim := -1
	for _, d := range p.dollars {
		if loc[2*d] >= 0 && loc[2*d]+off == len(s)-1 && end0 == len(s) && strings.HasSuffix(s, "\n") {
			trim = len(s) - 1
		}
	}
	fix := func(b int) int {
		if trim >= 0 && b == len(s) {
			return trim
		}
		return b
	}
	spans := make([]int, 2*(len(p.groups)+1))
	spans[0], spans[1] = abs(fix(loc[0]+off)-off), abs(fix(end0)-off)
	for i, g := range p.groups {
		if loc[2*g] < 0 {
			spans[2*i+2], spans[2*i+3] = -1, -1
			continue
		}
		spans[2*i+2] = abs(fix(loc[2*g]+off) - off)
		spans[2*i+3] = abs(fix(loc[2*g+1]+off) - off)
	}
	return &reMatch{pat: p, str: str, s: s, spans: spans, pos: pos, endpos: endpos}
}

// window resolves pos/endpos (code points) to byte offsets.
func window(ri runeIndex, s string, posO, endO py.Object) (pos, endpos, bpos, bend int, err error) {
	n := utf8.RuneCountInString(s)
	if ri.ascii {
		n = len(s)
	}
	pos, err = intArg(posO, 0)
	if err != nil {
		return
	}
	endpos, err = intArg(endO, n)
	if err != nil {
		return
	}
	if pos < 0 {
		pos = 0
	}
	if pos > n {
		pos = n
	}
	if endpos > n {
		endpos = n
	}
	if endpos < pos {
		endpos = pos
	}
	return pos, endpos, ri.byteOff(pos), ri.byteOff(endpos), nil
}

type matchMode int

const (
	modeSearch matchMode = iota
	modeMatch
	modeFull
)

func (p *rePattern) do(mode matchMode, args py.Tuple, kwargs py.StringDict, name string) (py.Object, error) {
	a, err := params(name, args, kwargs, []string{"string", "pos", "endpos"}, 1)
	if err != nil {
		return nil, err
	}
	s, err := p.subject(a[0])
	if err != nil {
		return nil, err
	}
	ri := newRuneIndex(s)
	pos, endpos, bpos, bend, err := window(ri, s, a[1], a[2])
	if err != nil {
		return nil, err
	}
	return p.exec(mode, a[0], s, ri, pos, endpos, bpos, bend), nil
}

func (p *rePattern) exec(mode matchMode, str py.Object, s string, ri runeIndex, pos, endpos, bpos, bend int) py.Object {
	var loc []int
	sub := s[:bend]
	switch mode {
	case modeSearch:
		if bpos == 0 {
			loc = p.re.FindStringSubmatchIndex(sub)
		} else {
			loc = p.re.FindStringSubmatchIndex(sub[bpos:])
		}
	case modeMatch:
		loc = p.anchor.FindStringSubmatchIndex(sub[bpos:])
	case modeFull:
		loc = p.full.FindStringSubmatchIndex(sub[bpos:])
		if loc == nil && strings.HasSuffix(sub, "\n") && len(p.dollars) > 0 {
			loc = nil
		}
	}
	if loc == nil {
		return py.None
	}
	m := p.newMatch(str, s, ri, loc, bpos, pos, endpos)
	if mode == modeFull && m.spans[1] != endpos {
		return py.None
	}
	return m
}

// all returns the successive matches Python's finditer yields: Go's
// iteration, plus the empty match Python 3.7+ allows right after a
// non-empty one.
func (p *rePattern) all(str py.Object, s string, ri runeIndex, pos, endpos, bpos, bend int) []*reMatch {
	sub := s[:bend]
	var locs [][]int
	if bpos == 0 {
		locs = p.re.FindAllStringSubmatchIndex(sub, -1)
	} else {
		locs = p.re.FindAllStringSubmatchIndex(sub[bpos:], -1)
	}
	var out []*reMatch
	for i, loc := range locs {
		m := p.newMatch(str, s, ri, loc, bpos, pos, endpos)
		out = append(out, m)
		if loc[1] > loc[0] {
			end := loc[1] + bpos
			nextStart := -1
			if i+1 < len(locs) {
				nextStart = locs[i+1][0] + bpos
			}
			if nextStart != end {
				if e := p.anchor.FindStringSubmatchIndex(sub[end:]); e != nil && e[1] == 0 {
					out = append(out, p.newMatch(str, s, ri, e, end, pos, endpos))
				}
			}
		}
	}
	return out
}

func (p *rePattern) iterArgs(args py.Tuple, kwargs py.StringDict, name string) ([]*reMatch, error) {
	a, err := params(name, args, kwargs, []string{"string", "pos", "endpos"}, 1)
	if err != nil {
		return nil, err
	}
	s, err := p.subject(a[0])
	if err != nil {
		return nil, err
	}
	ri := newRuneIndex(s)
	pos, endpos, bpos, bend, err := window(ri, s, a[1], a[2])
	if err != nil {
		return nil, err
	}
	return p.all(a[0], s, ri, pos, endpos, bpos, bend), nil
}

// text makes a str or bytes result matching the pattern's kind.
func (p *rePattern) text(s string) py.Object {
	if p.isBytes {
		return py.Bytes(s)
	}
	return py.String(s)
}

func (m *reMatch) slice(a, b int) py.Object {
	if a < 0 {
		return py.None
	}
	ri := newRuneIndex(m.s)
	return m.pat.text(m.s[ri.byteOff(a):ri.byteOff(b)])
}

// groupIndex resolves a group number or name.
func (m *reMatch) groupIndex(o py.Object) (int, error) {
	switch v := o.(type) {
	case py.Int:
		if int(v) >= 0 && int(v) <= len(m.pat.groups) {
			return int(v), nil
		}
	case py.Bool:
		if v {
			return 1, nil
		}
		return 0, nil
	case py.String:
		for i, n := range m.pat.names {
			if n == string(v) {
				return i + 1, nil
			}
		}
	}
	return 0, py.ExceptionNewf(py.IndexError, "no such group")
}

func (m *reMatch) group(n int, def py.Object) py.Object {
	if m.spans[2*n] < 0 {
		return def
	}
	return m.slice(m.spans[2*n], m.spans[2*n+1])
}

func (m *reMatch) M__getitem__(key py.Object) (py.Object, error) {
	n, err := m.groupIndex(key)
	if err != nil {
		return nil, err
	}
	return m.group(n, py.None), nil
}

func (m *reMatch) M__repr__() (py.Object, error) {
	r, err := py.ReprAsString(m.group(0, py.None))
	if err != nil {
		return nil, err
	}
	return py.String("<re.Match object; span=(" + itoa(m.spans[0]) + ", " + itoa(m.spans[1]) + "), match=" + r + ">"), nil
}

func (m *reMatch) M__bool__() (py.Object, error) { return py.True, nil }

func (m *reMatch) M__getattr__(name string) (py.Object, error) {
	switch name {
	case "string":
		return m.str, nil
	case "re":
		return m.pat, nil
	case "pos":
		return py.Int(m.pos), nil
	case "endpos":
		return py.Int(m.endpos), nil
	case "lastindex", "lastgroup":
		// the group that closed last: the one ending furthest right, outermost first
		best, bestEnd := -1, -1
		for i := 1; i <= len(m.pat.groups); i++ {
			if m.spans[2*i] >= 0 && m.spans[2*i+1] > bestEnd {
				best, bestEnd = i, m.spans[2*i+1]
			}
		}
		if best < 0 {
			return py.None, nil
		}
		if name == "lastindex" {
			return py.Int(best), nil
		}
		if n := m.pat.names[best-1]; n != "" {
			return py.String(n), nil
		}
		return py.None, nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'re.Match' object has no attribute '%s'", name)
}

func (p *rePattern) M__repr__() (py.Object, error) {
	r, err := py.ReprAsString(p.pattern)
	if err != nil {
		return nil, err
	}
	if len(r) > 200 {
		r = r[:200]
	}
	fl := flagNames(p.flags &^ reUnicode)
	if p.isBytes {
		fl = flagNames(p.flags &^ reASCII)
	}
	if fl != "" {
		return py.String("re.compile(" + r + ", " + fl + ")"), nil
	}
	return py.String("re.compile(" + r + ")"), nil
}

func (p *rePattern) M__eq__(other py.Object) (py.Object, error) {
	o, ok := other.(*rePattern)
	if !ok {
		return py.NotImplemented, nil
	}
	eq, err := py.Eq(p.pattern, o.pattern)
	if err != nil {
		return nil, err
	}
	return py.NewBool(eq == py.True && p.flags == o.flags), nil
}

func (p *rePattern) M__hash__() (py.Object, error) {
	h := 0
	for _, c := range p.re.String() {
		h = h*31 + int(c)
	}
	return py.Int(h ^ p.flags), nil
}

func (p *rePattern) M__getattr__(name string) (py.Object, error) {
	switch name {
	case "pattern":
		return p.pattern, nil
	case "flags":
		return py.Int(p.flags), nil
	case "groups":
		return py.Int(len(p.groups)), nil
	case "groupindex":
		d, err := newDict(p.ctx)
		if err != nil {
			return nil, err
		}
		for i, n := range p.names {
			if n != "" {
				if _, err := py.SetItem(d, py.String(n), py.Int(i+1)); err != nil {
					return nil, err
				}
			}
		}
		return d, nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'re.Pattern' object has no attribute '%s'", name)
}

func flagNames(f int) string {
	var parts []string
	for _, fl := range []struct {
		bit  int
		name string
	}{{reTemplate, "re.TEMPLATE"}, {reIgnoreCase, "re.IGNORECASE"}, {reLocale, "re.LOCALE"}, {reMultiline, "re.MULTILINE"},
		{reDotAll, "re.DOTALL"}, {reUnicode, "re.UNICODE"}, {reVerbose, "re.VERBOSE"}, {reDebug, "re.DEBUG"}, {reASCII, "re.ASCII"}} {
		if f&fl.bit != 0 {
			parts = append(parts, fl.name)
		}
	}
	return strings.Join(parts, "|")
}

func itoa(n int) string {
	return strconv.Itoa(n)
}
