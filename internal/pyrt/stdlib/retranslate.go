package stdlib

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Python re flag bits (CPython's values).
const (
	reTemplate   = 1
	reIgnoreCase = 2
	reLocale     = 4
	reMultiline  = 8
	reDotAll     = 16
	reUnicode    = 32
	reVerbose    = 64
	reDebug      = 128
	reASCII      = 256
)

// reSyntaxError is a pattern Python accepts or rejects differently from Go;
// it becomes re.error with the message and position.
type reSyntaxError struct {
	msg string
	pos int
}

func (e *reSyntaxError) Error() string { return fmt.Sprintf("%s at position %d", e.msg, e.pos) }

// translation is a Python pattern rewritten for Go's regexp/syntax.
type translation struct {
	goPat   string
	flags   int      // effective flags, inline ones included
	dollars []string // names of marker groups placed before each non-multiline '$'
}

// translatePattern rewrites a Python regular expression into RE2 syntax.
// Constructs RE2 cannot express (backreferences, lookarounds, conditionals,
// atomic groups, possessive quantifiers) are reported as errors.
func translatePattern(pat string, flags int) (*translation, error) {
	// Global inline flags at the start, e.g. (?i) or (?x).
	flags |= leadingInlineFlags(pat)
	t := &translator{src: pat, flags: flags}
	if err := t.run(); err != nil {
		return nil, err
	}
	var pre strings.Builder
	pre.WriteString("(?")
	if flags&reIgnoreCase != 0 {
		pre.WriteString("i")
	}
	if flags&reMultiline != 0 {
		pre.WriteString("m")
	}
	if flags&reDotAll != 0 {
		pre.WriteString("s")
	}
	pre.WriteString(")")
	p := pre.String()
	if p == "(?)" {
		p = ""
	}
	return &translation{goPat: p + t.out.String(), flags: flags, dollars: t.dollars}, nil
}

func leadingInlineFlags(pat string) int {
	f := 0
	for strings.HasPrefix(pat, "(?") {
		end := strings.IndexByte(pat, ')')
		if end < 0 {
			break
		}
		body := pat[2:end]
		if body == "" || strings.ContainsAny(body, ":-") {
			break
		}
		ok := true
		for _, c := range body {
			switch c {
			case 'i':
				f |= reIgnoreCase
			case 'm':
				f |= reMultiline
			case 's':
				f |= reDotAll
			case 'x':
				f |= reVerbose
			case 'a':
				f |= reASCII
			case 'u':
				f |= reUnicode
			case 'L':
				f |= reLocale
			default:
				ok = false
			}
		}
		if !ok {
			break
		}
		pat = pat[end+1:]
	}
	return f
}

type translator struct {
	src     string
	i       int
	flags   int
	out     strings.Builder
	dollars []string
	ngroups int
	verbose []bool // stack of verbose state per group
}

func (t *translator) errf(format string, a ...any) error {
	return &reSyntaxError{msg: fmt.Sprintf(format, a...), pos: utf8.RuneCountInString(t.src[:t.i])}
}

func (t *translator) isVerbose() bool {
	if len(t.verbose) > 0 {
		return t.verbose[len(t.verbose)-1]
	}
	return t.flags&reVerbose != 0
}

func (t *translator) ascii() bool { return t.flags&reASCII != 0 }

func (t *translator) run() error {
	for t.i < len(t.src) {
		c := t.src[t.i]
		if t.isVerbose() {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				t.i++
				continue
			}
			if c == '#' {
				for t.i < len(t.src) && t.src[t.i] != '\n' {
					t.i++
				}
				continue
			}
		}
		switch c {
		case '\\':
			s, err := t.escape(false)
			if err != nil {
				return err
			}
			t.out.WriteString(s)
		case '[':
			if err := t.class(); err != nil {
				return err
			}
		case '(':
			if err := t.group(); err != nil {
				return err
			}
		case ')':
			if len(t.verbose) > 0 {
				t.verbose = t.verbose[:len(t.verbose)-1]
			}
			t.out.WriteByte(')')
			t.i++
		case '$':
			t.i++
			if t.flags&reMultiline != 0 {
				t.out.WriteString("(?m:$)")
			} else {
				name := fmt.Sprintf("_gobake_dollar%d", len(t.dollars))
				t.dollars = append(t.dollars, name)
				t.out.WriteString("(?P<" + name + ">)(?:\\n?\\z)")
			}
		case '{':
			t.brace()
		case '*', '+', '?':
			t.out.WriteByte(c)
			t.i++
			if t.i < len(t.src) && t.src[t.i] == '+' {
				return t.errf("possessive quantifiers are not supported by gobake's re")
			}
		default:
			r, n := utf8.DecodeRuneInString(t.src[t.i:])
			t.out.WriteString(t.src[t.i : t.i+n])
			_ = r
			t.i += n
		}
	}
	return nil
}

// brace handles {m,n}; Python reads {,n} as {0,n} and a malformed brace as a literal.
func (t *translator) brace() {
	end := strings.IndexByte(t.src[t.i:], '}')
	if end > 0 {
		body := t.src[t.i+1 : t.i+end]
		lo, hi, comma := strings.Cut(body, ",")
		okNum := func(s string) bool {
			if s == "" {
				return true
			}
			_, err := strconv.Atoi(s)
			return err == nil
		}
		if okNum(lo) && okNum(hi) && (lo != "" || (comma && hi != "")) {
			if lo == "" {
				lo = "0"
			}
			if comma {
				t.out.WriteString("{" + lo + "," + hi + "}")
			} else {
				t.out.WriteString("{" + lo + "}")
			}
			t.i += end + 1
			return
		}
	}
	t.out.WriteString(`\{`)
	t.i++
}

func (t *translator) group() error {
	rest := t.src[t.i:]
	switch {
	case strings.HasPrefix(rest, "(?#"):
		end := strings.IndexByte(rest, ')')
		if end < 0 {
			return t.errf("missing ), unterminated comment")
		}
		t.i += end + 1
		return nil
	case strings.HasPrefix(rest, "(?P<"):
		end := strings.IndexByte(rest, '>')
		if end < 0 {
			return t.errf("missing >, unterminated name")
		}
		t.ngroups++
		t.out.WriteString(rest[:end+1])
		t.i += end + 1
	case strings.HasPrefix(rest, "(?P="):
		return t.errf("backreferences are not supported by gobake's re")
	case strings.HasPrefix(rest, "(?="), strings.HasPrefix(rest, "(?!"),
		strings.HasPrefix(rest, "(?<="), strings.HasPrefix(rest, "(?<!"):
		return t.errf("lookahead/lookbehind assertions are not supported by gobake's re")
	case strings.HasPrefix(rest, "(?("):
		return t.errf("conditional groups are not supported by gobake's re")
	case strings.HasPrefix(rest, "(?>"):
		return t.errf("atomic groups are not supported by gobake's re")
	case strings.HasPrefix(rest, "(?:"):
		t.out.WriteString("(?:")
		t.i += 3
	case strings.HasPrefix(rest, "(?"):
		// inline flags: (?aiLmsux) global (already applied) or (?flags-flags:...) scoped
		j := 2
		for j < len(rest) && strings.IndexByte("aiLmsux-", rest[j]) >= 0 {
			j++
		}
		if j >= len(rest) {
			return t.errf("missing -, : or )")
		}
		fl := rest[2:j]
		if rest[j] == ')' {
			if t.i != 0 && !onlyFlagsBefore(t.src[:t.i]) {
				return t.errf("global flags not at the start of the expression")
			}
			t.i += j + 1
			return nil
		}
		if rest[j] != ':' {
			return t.errf("unknown extension ?%c", rest[j])
		}
		on, off, _ := strings.Cut(fl, "-")
		verbose := t.isVerbose()
		goFl := ""
		for _, c := range on {
			switch c {
			case 'i', 'm', 's':
				goFl += string(c)
			case 'x':
				verbose = true
			}
		}
		goOff := ""
		for _, c := range off {
			switch c {
			case 'i', 'm', 's':
				goOff += string(c)
			case 'x':
				verbose = false
			}
		}
		if goOff != "" {
			goFl += "-" + goOff
		}
		if goFl == "" {
			t.out.WriteString("(?:")
		} else {
			t.out.WriteString("(?" + goFl + ":")
		}
		t.verbose = append(t.verbose, verbose)
		t.i += j + 1
		return nil
	default:
		t.ngroups++
		t.out.WriteByte('(')
		t.i++
	}
	t.verbose = append(t.verbose, t.isVerbose())
	return nil
}

func onlyFlagsBefore(s string) bool {
	for s != "" {
		if !strings.HasPrefix(s, "(?") {
			return false
		}
		end := strings.IndexByte(s, ')')
		if end < 0 {
			return false
		}
		s = s[end+1:]
	}
	return true
}

// class translates a [...] set.
func (t *translator) class() error {
	start := t.i
	t.i++
	var b strings.Builder
	b.WriteByte('[')
	if t.i < len(t.src) && t.src[t.i] == '^' {
		b.WriteByte('^')
		t.i++
	}
	first := true
	for {
		if t.i >= len(t.src) {
			t.i = start
			return t.errf("unterminated character set")
		}
		c := t.src[t.i]
		if c == ']' && !first {
			t.i++
			b.WriteByte(']')
			break
		}
		first = false
		switch c {
		case '\\':
			s, err := t.escape(true)
			if err != nil {
				return err
			}
			b.WriteString(s)
		case '[':
			b.WriteString(`\[`)
			t.i++
		case ']':
			b.WriteString(`\]`)
			t.i++
		default:
			_, n := utf8.DecodeRuneInString(t.src[t.i:])
			b.WriteString(t.src[t.i : t.i+n])
			t.i += n
		}
	}
	s := b.String()
	if s == "[^]]" {
		return t.errf("unterminated character set")
	}
	t.out.WriteString(s)
	return nil
}

// escape translates the escape sequence at t.i; inClass selects set syntax.
func (t *translator) escape(inClass bool) (string, error) {
	if t.i+1 >= len(t.src) {
		return "", t.errf("bad escape (end of pattern)")
	}
	c := t.src[t.i+1]
	t.i += 2
	uni := !t.ascii()
	switch c {
	case 'd':
		if uni {
			return wrapClass(`\p{Nd}`, inClass), nil
		}
		return `\d`, nil
	case 'D':
		if uni && !inClass {
			return `\P{Nd}`, nil
		}
		return `\D`, nil
	case 'w':
		if uni {
			return wrapClass(`\p{L}\p{N}_`, inClass), nil
		}
		return `\w`, nil
	case 'W':
		if uni && !inClass {
			return `[^\p{L}\p{N}_]`, nil
		}
		return `\W`, nil
	case 's':
		if uni {
			return wrapClass(`\t\n\v\f\r \x{1c}-\x{1f}\x{85}\p{Z}`, inClass), nil
		}
		return wrapClass(`\t\n\v\f\r `, inClass), nil
	case 'S':
		if !inClass {
			if uni {
				return `[^\t\n\v\f\r \x{1c}-\x{1f}\x{85}\p{Z}]`, nil
			}
			return `[^\t\n\v\f\r ]`, nil
		}
		return `\S`, nil
	case 'b':
		if inClass {
			return `\x08`, nil
		}
		return `\b`, nil
	case 'B':
		if inClass {
			return "", t.errf("bad escape \\B")
		}
		return `\B`, nil
	case 'A':
		if inClass {
			return "", t.errf("bad escape \\A")
		}
		return `\A`, nil
	case 'Z':
		if inClass {
			return "", t.errf("bad escape \\Z")
		}
		return `\z`, nil
	case 'n':
		return `\n`, nil
	case 't':
		return `\t`, nil
	case 'r':
		return `\r`, nil
	case 'f':
		return `\f`, nil
	case 'v':
		return `\v`, nil
	case 'a':
		return `\x07`, nil
	case 'x':
		return t.hexEscape(2)
	case 'u':
		return t.hexEscape(4)
	case 'U':
		return t.hexEscape(8)
	case '0':
		n := 0
		for k := 0; k < 2 && t.i < len(t.src) && t.src[t.i] >= '0' && t.src[t.i] <= '7'; k++ {
			n = n*8 + int(t.src[t.i]-'0')
			t.i++
		}
		return fmt.Sprintf(`\x{%x}`, n), nil
	}
	if c >= '1' && c <= '9' {
		// three octal digits are an octal escape, otherwise a backreference
		if t.i+1 < len(t.src) && c <= '7' && isOct(t.src[t.i]) && isOct(t.src[t.i+1]) {
			n := int(c-'0')*64 + int(t.src[t.i]-'0')*8 + int(t.src[t.i+1]-'0')
			t.i += 2
			return fmt.Sprintf(`\x{%x}`, n), nil
		}
		t.i -= 2
		return "", t.errf("backreferences are not supported by gobake's re")
	}
	if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		t.i -= 2
		return "", t.errf("bad escape \\%c", c)
	}
	r, n := utf8.DecodeRuneInString(t.src[t.i-1:])
	t.i += n - 1
	if r < 0x80 && !isAlnum(byte(r)) {
		return `\` + string(r), nil
	}
	return string(r), nil
}

func wrapClass(body string, inClass bool) string {
	if inClass {
		return body
	}
	return "[" + body + "]"
}

func (t *translator) hexEscape(n int) (string, error) {
	if t.i+n > len(t.src) {
		return "", t.errf("incomplete escape \\%c", t.src[t.i-1])
	}
	v, err := strconv.ParseUint(t.src[t.i:t.i+n], 16, 32)
	if err != nil {
		return "", t.errf("incomplete escape \\%c%s", t.src[t.i-1], t.src[t.i:t.i+n])
	}
	t.i += n
	return fmt.Sprintf(`\x{%x}`, v), nil
}

func isOct(c byte) bool { return c >= '0' && c <= '7' }

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
