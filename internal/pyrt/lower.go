package pyrt

// Lowering: a token-level source rewrite run before gpython compiles anything.
//
// gpython's grammar is Python 3.4 and some of its bytecodes build objects pyrt cannot patch
// (BUILD_MAP makes a string-keyed Go map, str % x is a Go method). Lower rewrites, keeping
// every line where it was:
//
//	f"a{x!r:>{w}}"        __pyrt_fjoin__("a", __pyrt_fmt__((x), 'r', __pyrt_fjoin__(">", __pyrt_fmt__((w), '', ''))))
//	{k: v, **m}           __pyrt_dict__(k, v, __pyrt_star__, m)
//	{k: v for k in s}     __pyrt_dictcomp__((k, v) for k in s)
//	{a, *b} / {x for ..}  __pyrt_set__(a, __pyrt_star__, b) / __pyrt_setcomp__(x for ..)
//	[*a, x] / (*a, x)     __pyrt_list__(__pyrt_star__, a, x) / __pyrt_tuple__(...)
//	a % b                 __pyrt_mod__(a, b)
//	super()               super(Class, self)   (inside a method of Class)
//	eval(...) / exec(...) __pyrt_eval__(globals(), locals(), ...)   (see fixEvalScope)

import (
	"fmt"
	"strings"
)

type tokKind int

const (
	tName tokKind = iota
	tNumber
	tString
	tOp
	tNewline // end of a logical line
	tEOF
	tAtom // synthetic: an already lowered operand
)

type token struct {
	kind tokKind
	text string
	pre  string // whitespace, comments and continuations before the token
	line int
	col  int
}

// SyntaxError is a lowering error with its position.
type SyntaxError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

var threeOps = []string{"**=", "//=", ">>=", "<<=", "...", "!="}
var twoOps = []string{"**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":="}

// tokenize splits src into tokens; NEWLINE tokens mark logical line ends (outside brackets).
func tokenize(src, file string) ([]token, error) {
	var toks []token
	i, line, lineStart, depth := 0, 1, 0, 0
	pre := strings.Builder{}
	emit := func(k tokKind, start int) {
		toks = append(toks, token{kind: k, text: src[start:i], pre: pre.String(), line: line, col: start - lineStart})
		pre.Reset()
	}
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n':
			if depth == 0 && len(toks) > 0 && toks[len(toks)-1].kind != tNewline {
				toks = append(toks, token{kind: tNewline, text: "\n", pre: pre.String(), line: line})
				pre.Reset()
			} else {
				pre.WriteByte(c)
			}
			i++
			line++
			lineStart = i
		case c == ' ' || c == '\t' || c == '\r' || c == '\f':
			pre.WriteByte(c)
			i++
		case c == '#':
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				j = len(src) - i
			}
			pre.WriteString(src[i : i+j])
			i += j
		case c == '\\' && i+1 < len(src) && (src[i+1] == '\n' || src[i+1] == '\r'):
			j := i + 1
			if src[j] == '\r' && j+1 < len(src) && src[j+1] == '\n' {
				j++
			}
			pre.WriteString(src[i : j+1])
			i = j + 1
			line++
			lineStart = i
		case isIdentStart(c):
			start := i
			for i < len(src) && isIdentChar(src[i]) {
				i++
			}
			if i < len(src) && (src[i] == '\'' || src[i] == '"') && isStringPrefix(src[start:i]) {
				end, nl, err := scanString(src, i)
				if err != nil {
					return nil, &SyntaxError{file, line, start - lineStart + 1, err.Error()}
				}
				i = end
				emit(tString, start)
				line += nl
				if nl > 0 {
					lineStart = strings.LastIndexByte(src[:i], '\n') + 1
				}
				continue
			}
			emit(tName, start)
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			start := i
			for i < len(src) {
				d := src[i]
				if isIdentChar(d) || d == '.' {
					i++
				} else if (d == '+' || d == '-') && (src[i-1] == 'e' || src[i-1] == 'E') && !strings.HasPrefix(strings.ToLower(src[start:]), "0x") {
					i++
				} else {
					break
				}
			}
			emit(tNumber, start)
			if strings.Contains(toks[len(toks)-1].text, "_") {
				toks[len(toks)-1].text = strings.ReplaceAll(toks[len(toks)-1].text, "_", "")
			}
		case c == '\'' || c == '"':
			start := i
			end, nl, err := scanString(src, i)
			if err != nil {
				return nil, &SyntaxError{file, line, start - lineStart + 1, err.Error()}
			}
			i = end
			emit(tString, start)
			line += nl
			if nl > 0 {
				lineStart = strings.LastIndexByte(src[:i], '\n') + 1
			}
		default:
			start := i
			n := 1
			for _, op := range threeOps {
				if strings.HasPrefix(src[i:], op) && len(op) == 3 {
					n = 3
					break
				}
			}
			if n == 1 {
				for _, op := range twoOps {
					if strings.HasPrefix(src[i:], op) {
						n = 2
						break
					}
				}
			}
			switch c {
			case '(', '[', '{':
				depth++
			case ')', ']', '}':
				if depth > 0 {
					depth--
				}
			}
			i += n
			emit(tOp, start)
		}
	}
	if len(toks) > 0 && toks[len(toks)-1].kind != tNewline {
		toks = append(toks, token{kind: tNewline, text: "", line: line})
	}
	toks = append(toks, token{kind: tEOF, pre: pre.String(), line: line})
	return toks, nil
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentChar(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

func isStringPrefix(p string) bool {
	if len(p) > 2 {
		return false
	}
	for _, r := range strings.ToLower(p) {
		if !strings.ContainsRune("rbuf", r) {
			return false
		}
	}
	return true
}

// scanString returns the end of the string literal whose quote starts at i, and the number
// of newlines inside it.
func scanString(src string, i int) (int, int, error) {
	q := src[i]
	triple := strings.HasPrefix(src[i:], strings.Repeat(string(q), 3))
	j := i + 1
	if triple {
		j = i + 3
	}
	nl := 0
	for j < len(src) {
		c := src[j]
		switch {
		case c == '\\':
			if j+1 < len(src) && src[j+1] == '\n' {
				nl++
			}
			j += 2
			continue
		case c == '\n':
			if !triple {
				return 0, 0, fmt.Errorf("unterminated string literal")
			}
			nl++
		case c == q:
			if !triple {
				return j + 1, nl, nil
			}
			if strings.HasPrefix(src[j:], strings.Repeat(string(q), 3)) {
				return j + 3, nl, nil
			}
		}
		j++
	}
	return 0, 0, fmt.Errorf("unterminated string literal")
}

// node is a token or a bracketed group of nodes.
type node struct {
	tok   token
	group bool
	open  token
	close token
	kids  []*node
	// after lowering a group renders to tok.text; bracket keeps its opening bracket for the
	// trailer test of the % rewrite.
	bracket string
}

func buildTree(toks []token, i int, closer string) ([]*node, int, error) {
	var out []*node
	for i < len(toks) {
		t := toks[i]
		if t.kind == tOp {
			switch t.text {
			case "(", "[", "{":
				want := map[string]string{"(": ")", "[": "]", "{": "}"}[t.text]
				kids, j, err := buildTree(toks, i+1, want)
				if err != nil {
					return nil, 0, err
				}
				out = append(out, &node{group: true, open: t, close: toks[j], kids: kids})
				i = j + 1
				continue
			case ")", "]", "}":
				if t.text == closer {
					return out, i, nil
				}
				return nil, 0, &SyntaxError{"", t.line, t.col + 1, fmt.Sprintf("unmatched '%s'", t.text)}
			}
		}
		if t.kind == tEOF {
			if closer != "" {
				return nil, 0, &SyntaxError{"", t.line, t.col + 1, "unexpected EOF in brackets"}
			}
			out = append(out, &node{tok: t})
			return out, i, nil
		}
		out = append(out, &node{tok: t})
		i++
	}
	return out, i, nil
}

// Lower rewrites src as described in the file comment.
func Lower(src, filename string) (string, error) {
	toks, err := tokenize(src, filename)
	if err != nil {
		return "", err
	}
	fixSuper(toks)
	fixDecoratedDefaults(toks)
	fixKwonlyOrder(toks)
	fixDecorators(toks)
	fixAnnotations(toks)
	fixTrailingCommas(toks)
	fixEvalScope(toks)
	nodes, _, err := buildTree(toks, 0, "")
	if err != nil {
		if se, ok := err.(*SyntaxError); ok {
			se.File = filename
		}
		return "", err
	}
	l := &lowerer{file: filename}
	out := l.seq(nodes)
	if l.err != nil {
		return "", l.err
	}
	var b strings.Builder
	for _, n := range out {
		b.WriteString(n.tok.pre)
		b.WriteString(n.tok.text)
	}
	return b.String(), nil
}

// lowerExpr lowers an expression (an f-string field).
func lowerExpr(src, file string) (string, error) {
	out, err := Lower(src, file)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(out), nil
}

// fixSuper gives zero-argument super() calls their class and first argument.
func fixSuper(toks []token) {
	type scope struct {
		class  bool
		name   string
		arg    string
		indent int
	}
	var stack []scope
	lineStart := true
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == tNewline {
			lineStart = true
			continue
		}
		if lineStart {
			lineStart = false
			for len(stack) > 0 && stack[len(stack)-1].indent >= t.col {
				stack = stack[:len(stack)-1]
			}
			j := i
			if t.kind == tName && t.text == "async" {
				j++
			}
			if toks[j].kind == tName && (toks[j].text == "class" || toks[j].text == "def") && j+1 < len(toks) {
				s := scope{class: toks[j].text == "class", name: toks[j+1].text, indent: t.col}
				if !s.class && j+3 < len(toks) && toks[j+3].kind == tName {
					s.arg = toks[j+3].text
				}
				stack = append(stack, s)
			}
		}
		if t.kind == tName && t.text == "super" && i+2 < len(toks) && toks[i+1].text == "(" && toks[i+2].text == ")" {
			for k := len(stack) - 1; k > 0; k-- {
				if !stack[k].class && stack[k-1].class && stack[k].arg != "" {
					cls := stack[k-1].name
					for m := k - 2; m >= 0 && stack[m].class; m-- {
						cls = stack[m].name + "." + cls
					}
					toks[i+2].pre = cls + ", " + stack[k].arg + toks[i+2].pre
					break
				}
			}
		}
	}
}

type lowerer struct {
	file string
	err  error
}

var keywords = map[string]bool{
	"False": false, "None": false, "True": false, "and": true, "as": true, "assert": true, "async": true,
	"await": true, "break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true, "or": true,
	"pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true,
}

// isOperand reports whether n is a complete operand (name, literal, group, lowered atom).
func isOperand(n *node) bool {
	switch n.tok.kind {
	case tName:
		return !keywords[n.tok.text]
	case tNumber, tString, tAtom:
		return true
	case tOp:
		return n.tok.text == "..."
	}
	return false
}

func isOp(n *node, ops ...string) bool {
	if n.tok.kind != tOp {
		return false
	}
	for _, o := range ops {
		if n.tok.text == o {
			return true
		}
	}
	return false
}

// seq lowers one level of nodes: groups first, then strings, then %.
func (l *lowerer) seq(nodes []*node) []*node {
	var out []*node
	for _, n := range nodes {
		if n.group {
			kids := l.seq(n.kids)
			afterOperand := len(out) > 0 && isOperand(out[len(out)-1])
			// A def's parameter list is not a call.
			isDef := len(out) > 1 && out[len(out)-2].tok.kind == tName && out[len(out)-2].tok.text == "def"
			g := l.group(n, kids, afterOperand && !isDef)
			if isDef {
				g = &node{tok: token{kind: tAtom, text: "(" + render(kids) + n.close.pre + ")", pre: n.open.pre, line: n.open.line}, bracket: "("}
			}
			out = append(out, g)
			continue
		}
		out = append(out, n)
	}
	out = l.strings(out)
	return l.cmp(l.mod(out))
}

var cmpOps = map[string]string{"<": "__pyrt_lt__", "<=": "__pyrt_le__", ">": "__pyrt_gt__", ">=": "__pyrt_ge__", "==": "__pyrt_eq__", "!=": "__pyrt_ne__"}

var cmpBoundaryKw = map[string]bool{
	"and": true, "or": true, "not": true, "if": true, "else": true, "lambda": true, "for": true,
	"in": true, "is": true, "return": true, "yield": true, "assert": true, "del": true, "import": true,
	"from": true, "as": true, "with": true, "while": true, "elif": true, "await": true, "raise": true,
	"except": true, "global": true, "nonlocal": true, "pass": true,
}

// isCmpBoundary reports whether n ends a comparison operand; chained reports whether it is
// itself a comparison (then the comparison is a chain pyrt leaves alone).
func isCmpBoundary(n *node) (boundary, chained bool) {
	switch n.tok.kind {
	case tNewline, tEOF:
		return true, false
	case tName:
		if n.tok.text == "in" || n.tok.text == "is" {
			return true, true
		}
		return cmpBoundaryKw[n.tok.text], false
	case tOp:
		t := n.tok.text
		if _, ok := cmpOps[t]; ok || t == "==" || t == "!=" {
			return true, true
		}
		if t == "," || t == ";" || t == ":" || t == "->" || t == ":=" || t == "=" ||
			(len(t) >= 2 && t[len(t)-1] == '=' && t != "==") {
			return true, false
		}
	}
	return false, false
}

// cmp rewrites single (unchained) ordering comparisons into __pyrt_lt__ and friends, which
// order tuples and lists as CPython does (gpython cannot).
func (l *lowerer) cmp(nodes []*node) []*node {
	for i := 0; i < len(nodes); i++ {
		fn, ok := cmpOps[nodes[i].tok.text]
		if !ok || nodes[i].tok.kind != tOp {
			continue
		}
		ls := i
		chained := false
		for ls > 0 {
			b, c := isCmpBoundary(nodes[ls-1])
			if b {
				chained = c
				break
			}
			ls--
		}
		re := i + 1
		for re < len(nodes) && !chained {
			b, c := isCmpBoundary(nodes[re])
			if b {
				chained = c
				break
			}
			re++
		}
		if chained || ls == i || re == i+1 {
			continue
		}
		pre := nodes[ls].tok.pre
		left := strings.TrimPrefix(render(nodes[ls:i]), pre)
		text := fn + "(" + left + "," + newlines(nodes[i].tok.pre) + render(nodes[i+1:re]) + ")"
		repl := &node{tok: token{kind: tAtom, pre: pre, text: text}}
		nodes = append(nodes[:ls], append([]*node{repl}, nodes[re:]...)...)
		i = ls
	}
	return nodes
}

func render(nodes []*node) string {
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(n.tok.pre)
		b.WriteString(n.tok.text)
	}
	return b.String()
}

// split splits nodes at top-level commas.
func split(nodes []*node) [][]*node {
	var out [][]*node
	var cur []*node
	for _, n := range nodes {
		if isOp(n, ",") {
			out = append(out, cur)
			cur = nil
			continue
		}
		cur = append(cur, n)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func hasFor(nodes []*node) bool {
	for _, n := range nodes {
		if n.tok.kind == tName && n.tok.text == "for" {
			return true
		}
	}
	return false
}

func hasKwStar(elems [][]*node) bool {
	for _, e := range elems {
		if len(e) > 0 && isOp(e[0], "**") {
			return true
		}
	}
	return false
}

func hasStar(elems [][]*node) bool {
	for _, e := range elems {
		if len(e) > 0 && isOp(e[0], "*", "**") {
			return true
		}
	}
	return false
}

// group renders a bracketed group after its children were lowered.
func (l *lowerer) group(n *node, kids []*node, afterOperand bool) *node {
	open, close := n.open.text, n.close.text
	body := ""
	elems := split(kids)
	trailing := len(kids) > 0 && isOp(kids[len(kids)-1], ",")
	starred := func(builder string) string {
		// A leading * or ** becomes a marker argument.
		var b strings.Builder
		b.WriteString(builder + "(")
		for i, n := range kids {
			if isOp(n, "*", "**") && (i == 0 || isOp(kids[i-1], ",")) {
				b.WriteString(n.tok.pre + "__pyrt_star__,")
				continue
			}
			b.WriteString(n.tok.pre + n.tok.text)
		}
		b.WriteString(n.close.pre + ")")
		return b.String()
	}
	switch {
	case open == "{":
		switch {
		case len(kids) == 0:
			body = "__pyrt_dict__(" + n.close.pre + ")"
		case hasFor(kids):
			colon := -1
			for i, k := range kids {
				if isOp(k, ":") {
					colon = i
					break
				}
				if k.tok.kind == tName && k.tok.text == "for" {
					break
				}
			}
			if colon < 0 {
				body = "__pyrt_setcomp__(" + render(kids) + n.close.pre + ")"
			} else {
				forAt := 0
				for i, k := range kids {
					if k.tok.kind == tName && k.tok.text == "for" {
						forAt = i
						break
					}
				}
				body = "__pyrt_dictcomp__((" + render(kids[:colon]) + "," + render(kids[colon+1:forAt]) + ")" + render(kids[forAt:]) + n.close.pre + ")"
			}
		default:
			isDict := false
			for _, e := range elems {
				if len(e) > 0 && isOp(e[0], "**") {
					isDict = true
				}
				for _, k := range e {
					if isOp(k, ":") {
						isDict = true
					}
				}
			}
			if isDict {
				var b strings.Builder
				b.WriteString("__pyrt_dict__(")
				for i, k := range kids {
					switch {
					case isOp(k, "**") && (i == 0 || isOp(kids[i-1], ",")):
						b.WriteString(k.tok.pre + "__pyrt_star__,")
					case isOp(k, ":") && isKeyColon(kids, i):
						b.WriteString(k.tok.pre + ",")
					default:
						b.WriteString(k.tok.pre + k.tok.text)
					}
				}
				b.WriteString(n.close.pre + ")")
				body = b.String()
			} else {
				body = starred("__pyrt_set__")
			}
		}
	case open == "[" && !afterOperand && hasStar(elems) && !hasFor(kids):
		body = starred("__pyrt_list__")
	case open == "(" && !afterOperand && hasStar(elems) && (len(elems) > 1 || trailing) && !hasFor(kids):
		body = starred("__pyrt_tuple__")
	case open == "(" && afterOperand && hasKwStar(elems):
		// **mapping in a call: gpython accepts only its own string-keyed maps.
		var b strings.Builder
		b.WriteString("(")
		inKw := false
		for i, k := range kids {
			if isOp(k, "**") && (i == 0 || isOp(kids[i-1], ",")) {
				b.WriteString(k.tok.pre + "**__pyrt_kw__(")
				inKw = true
				continue
			}
			if inKw && isOp(k, ",") {
				b.WriteString(")")
				inKw = false
			}
			b.WriteString(k.tok.pre + k.tok.text)
		}
		if inKw {
			b.WriteString(")")
		}
		b.WriteString(n.close.pre + ")")
		body = b.String()
	default:
		body = open + render(kids) + n.close.pre + close
	}
	return &node{tok: token{kind: tAtom, text: body, pre: n.open.pre, line: n.open.line}, bracket: open}
}

// isKeyColon reports whether the ':' at i separates a dict key from its value: the first
// top-level ':' of its element (later ones belong to lambdas).
func isKeyColon(kids []*node, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if isOp(kids[j], ",") {
			return true
		}
		if isOp(kids[j], ":") {
			return false
		}
	}
	return true
}

// strings merges runs of adjacent string literals that contain an f-string into one atom.
func (l *lowerer) strings(nodes []*node) []*node {
	var out []*node
	for i := 0; i < len(nodes); i++ {
		if nodes[i].tok.kind != tString {
			out = append(out, nodes[i])
			continue
		}
		j := i
		hasF := false
		for j < len(nodes) && nodes[j].tok.kind == tString {
			if isFString(nodes[j].tok.text) {
				hasF = true
			}
			j++
		}
		if !hasF {
			out = append(out, nodes[i:j]...)
			i = j - 1
			continue
		}
		var parts []string
		for k := i; k < j; k++ {
			p, err := l.fstring(nodes[k].tok)
			if err != nil && l.err == nil {
				l.err = err
			}
			if k > i {
				p = nodes[k].tok.pre + p
			}
			parts = append(parts, p)
		}
		out = append(out, &node{tok: token{kind: tAtom, pre: nodes[i].tok.pre, text: "__pyrt_fjoin__(" + strings.Join(parts, ", ") + ")", line: nodes[i].tok.line}})
		i = j - 1
	}
	return out
}

func isFString(s string) bool {
	for i := 0; i < len(s) && i < 3; i++ {
		switch s[i] {
		case 'f', 'F':
			return true
		case '\'', '"':
			return false
		}
	}
	return false
}

// fstring lowers one string literal token to a comma-separated list of parts.
func (l *lowerer) fstring(t token) (string, error) {
	s := t.text
	q := strings.IndexAny(s, "'\"")
	prefix := s[:q]
	if !isFString(s) {
		return s, nil
	}
	quote := s[q : q+1]
	if strings.HasPrefix(s[q:], strings.Repeat(quote, 3)) {
		quote = strings.Repeat(quote, 3)
	}
	body := s[q+len(quote) : len(s)-len(quote)]
	np := strings.NewReplacer("f", "", "F", "").Replace(prefix)
	parts, err := l.fbody(body, np, quote, t)
	if err != nil {
		return "", err
	}
	if len(parts) == 0 {
		return np + quote + quote, nil
	}
	return strings.Join(parts, ", "), nil
}

// fbody splits an f-string body into literal and field parts.
func (l *lowerer) fbody(body, prefix, quote string, t token) ([]string, error) {
	var parts []string
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, prefix+quote+lit.String()+quote)
			lit.Reset()
		}
	}
	errf := func(msg string) error {
		return &SyntaxError{l.file, t.line, t.col + 1, "f-string: " + msg}
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c == '\\' && i+1 < len(body):
			lit.WriteByte(c)
			lit.WriteByte(body[i+1])
			i++
		case c == '{' && i+1 < len(body) && body[i+1] == '{':
			lit.WriteByte('{')
			i++
		case c == '}' && i+1 < len(body) && body[i+1] == '}':
			lit.WriteByte('}')
			i++
		case c == '}':
			return nil, errf("single '}' is not allowed")
		case c == '{':
			end, expr, conv, spec, debug, err := scanField(body, i+1)
			if err != nil {
				return nil, errf(err.Error())
			}
			if debug != "" {
				lit.WriteString(strings.ReplaceAll(strings.ReplaceAll(debug, "{", "{{"), "}", "}}"))
				if conv == "" && spec == "" {
					conv = "r"
				}
			}
			flush()
			e, err := lowerExpr(strings.ReplaceAll(expr, "\n", " "), l.file)
			if err != nil {
				return nil, err
			}
			specExpr := "''"
			if spec != "" {
				sp, err := l.fbody(spec, prefix, quote, t)
				if err != nil {
					return nil, err
				}
				specExpr = "__pyrt_fjoin__(" + strings.Join(sp, ", ") + ")"
			}
			parts = append(parts, fmt.Sprintf("__pyrt_fmt__((%s), '%s', %s)", e, conv, specExpr))
			i = end
		default:
			lit.WriteByte(c)
		}
	}
	flush()
	return parts, nil
}

// scanField scans a replacement field starting after '{'; it returns the index of the
// closing '}', the expression, conversion, format spec and (for {x=}) the debug text.
func scanField(b string, i int) (end int, expr, conv, spec, debug string, err error) {
	depth := 0
	start := i
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\'' || c == '"':
			j := strings.IndexByte(b[i+1:], c)
			if j < 0 {
				return 0, "", "", "", "", fmt.Errorf("unterminated string")
			}
			i += j + 1
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || (c == '}' && depth > 0):
			depth--
		case depth == 0 && c == '=' && i+1 < len(b) && b[i+1] != '=' && i > start && !strings.ContainsRune("=!<>", rune(b[i-1])):
			debug = b[start : i+1]
			expr = b[start:i]
			i++
			goto tail
		case depth == 0 && (c == '!' && i+1 < len(b) && b[i+1] != '=' || c == ':' || c == '}'):
			expr = b[start:i]
			goto tail
		}
	}
	return 0, "", "", "", "", fmt.Errorf("expecting '}'")
tail:
	if strings.TrimSpace(expr) == "" {
		return 0, "", "", "", "", fmt.Errorf("empty expression not allowed")
	}
	if i < len(b) && b[i] == '!' {
		if i+1 >= len(b) {
			return 0, "", "", "", "", fmt.Errorf("expecting '}'")
		}
		conv = b[i+1 : i+2]
		i += 2
	}
	if i < len(b) && b[i] == ':' {
		d := 0
		j := i + 1
		for ; j < len(b); j++ {
			if b[j] == '{' {
				d++
			} else if b[j] == '}' {
				if d == 0 {
					break
				}
				d--
			}
		}
		spec = b[i+1 : j]
		i = j
	}
	if i >= len(b) || b[i] != '}' {
		return 0, "", "", "", "", fmt.Errorf("expecting '}'")
	}
	return i, expr, conv, spec, debug, nil
}

// parseFactor returns the end of the factor (unary ops, atom, trailers, ** factor) at i,
// or -1 if none starts there.
func parseFactor(nodes []*node, i int) int {
	for i < len(nodes) && isOp(nodes[i], "-", "+", "~") {
		i++
	}
	if i >= len(nodes) || !isOperand(nodes[i]) {
		return -1
	}
	if nodes[i].tok.kind == tString {
		for i+1 < len(nodes) && nodes[i+1].tok.kind == tString {
			i++
		}
	}
	i++
	for i < len(nodes) {
		n := nodes[i]
		if n.tok.kind == tAtom && (n.bracket == "(" || n.bracket == "[") {
			i++
			continue
		}
		if isOp(n, ".") && i+1 < len(nodes) && nodes[i+1].tok.kind == tName {
			i += 2
			continue
		}
		break
	}
	if i < len(nodes) && isOp(nodes[i], "**") {
		if e := parseFactor(nodes, i+1); e > 0 {
			return e
		}
	}
	return i
}

// mod rewrites terms containing the binary % operator into __pyrt_mod__ calls.
func (l *lowerer) mod(nodes []*node) []*node {
	hasMod := false
	for _, n := range nodes {
		if isOp(n, "%") {
			hasMod = true
			break
		}
	}
	if !hasMod {
		return nodes
	}
	var out []*node
	prevOperand := false
	for i := 0; i < len(nodes); {
		n := nodes[i]
		if prevOperand || !(isOperand(n) || isOp(n, "-", "+", "~")) {
			prevOperand = false
			out = append(out, n)
			i++
			continue
		}
		end := parseFactor(nodes, i)
		if end < 0 {
			out = append(out, n)
			i++
			continue
		}
		acc := render(nodes[i:end])
		pre := nodes[i].tok.pre
		acc = strings.TrimPrefix(acc, pre)
		changed := false
		for end < len(nodes) && isOp(nodes[end], "*", "/", "//", "%", "@") {
			e2 := parseFactor(nodes, end+1)
			if e2 < 0 {
				break
			}
			if nodes[end].tok.text == "%" {
				acc = "__pyrt_mod__(" + acc + "," + newlines(nodes[end].tok.pre) + render(nodes[end+1:e2]) + ")"
				changed = true
			} else {
				acc = acc + render(nodes[end:e2])
			}
			end = e2
		}
		if changed {
			out = append(out, &node{tok: token{kind: tAtom, pre: pre, text: acc}})
		} else {
			out = append(out, nodes[i:end]...)
		}
		i = end
		prevOperand = true
	}
	return out
}

// fixDecorators rewrites dotted decorators, which gpython compiles as one (missing) name:
// @a.b becomes @__pyrt_id__(a.b) and @a.b(x) becomes @__pyrt_id__(a.b(x)).
func fixDecorators(toks []token) {
	for i := 0; i+3 < len(toks); i++ {
		if toks[i].kind != tOp || toks[i].text != "@" || (i > 0 && toks[i-1].kind != tNewline) || toks[i+1].kind != tName ||
			strings.HasPrefix(toks[i+1].text, defaultsBuiltin+"(") {
			continue
		}
		j := i + 1
		for j+2 < len(toks) && toks[j+1].text == "." && toks[j+2].kind == tName {
			j += 2
		}
		if j == i+1 {
			continue
		}
		switch {
		case toks[j+1].kind == tNewline:
			toks[i+1].text = "__pyrt_id__(" + toks[i+1].text
			toks[j].text += ")"
		case toks[j+1].text == "(":
			depth, k := 0, j+1
			for ; k < len(toks); k++ {
				if toks[k].kind == tOp && toks[k].text == "(" {
					depth++
				} else if toks[k].kind == tOp && toks[k].text == ")" {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if k+1 < len(toks) && toks[k+1].kind == tNewline {
				toks[i+1].text = "__pyrt_id__(" + toks[i+1].text
				toks[k+1].pre = ")" + toks[k+1].pre
			}
		}
	}
}

// blank empties a token, keeping the newlines of its whitespace.
func blank(t *token) {
	t.text = strings.Repeat("\n", strings.Count(t.text, "\n"))
	t.pre = strings.Repeat("\n", strings.Count(t.pre, "\n"))
}

// fixAnnotations removes variable annotations (3.6): "x: T = v" becomes "x = v" and a
// bare "x: T" becomes "pass".
func fixAnnotations(toks []token) {
	start := 0
	for i := 0; i < len(toks); i++ {
		if toks[i].kind != tNewline {
			continue
		}
		line := toks[start:i]
		start = i + 1
		if len(line) < 3 || line[0].kind != tName || keywords[line[0].text] {
			continue
		}
		j := 1
		for j+1 < len(line) && line[j].text == "." && line[j+1].kind == tName {
			j += 2
		}
		if j >= len(line) || line[j].kind != tOp || line[j].text != ":" {
			continue
		}
		depth, eq := 0, -1
		for k := j + 1; k < len(line); k++ {
			switch line[k].text {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
			case "=":
				if depth == 0 && eq < 0 {
					eq = k
				}
			}
		}
		if eq > 0 {
			for k := j; k < eq; k++ {
				blank(&line[k])
			}
			line[eq].pre = " "
			continue
		}
		for k := 1; k < len(line); k++ {
			blank(&line[k])
		}
		line[0].text = "pass"
	}
}

// fixTrailingCommas drops the trailing comma of parameter and argument lists that use * or
// ** (allowed since 3.6, a syntax error in 3.4).
func fixTrailingCommas(toks []token) {
	type open struct {
		i    int
		star bool
	}
	var stack []open
	for i := range toks {
		t := &toks[i]
		if t.kind != tOp {
			continue
		}
		switch t.text {
		case "(", "[", "{":
			stack = append(stack, open{i: i})
			// Only call argument and parameter lists: a tuple display needs its comma.
			if t.text != "(" || i == 0 || !(toks[i-1].kind == tName && !keywords[toks[i-1].text] || toks[i-1].text == ")" || toks[i-1].text == "]") {
				stack[len(stack)-1].i = -1
			}
		case "*", "**":
			if len(stack) > 0 && i > 0 && (toks[i-1].text == "," || toks[i-1].text == "(") {
				stack[len(stack)-1].star = true
			}
		case ")", "]", "}":
			if len(stack) == 0 {
				continue
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if t.text == ")" && o.i >= 0 && o.star && i > 0 && toks[i-1].kind == tOp && toks[i-1].text == "," {
				toks[i-1].text = ""
			}
		}
	}
}

// newlines keeps the line breaks of a dropped token's whitespace.
func newlines(pre string) string {
	return strings.Repeat("\n", strings.Count(pre, "\n"))
}

// fixEvalScope passes the caller's namespaces to direct calls of eval and exec, which use
// them where the call gives none, as CPython does: gpython's builtins cannot see the calling
// frame. A file that uses either name other than in a call (a top-level def,
// assignment, import, a parameter, passing the builtin around) keeps its calls as they are.
func fixEvalScope(toks []token) {
	rebound := map[string]bool{}
	for i, t := range toks {
		if t.kind != tName || t.text != "eval" && t.text != "exec" || i > 0 && toks[i-1].text == "." {
			continue
		}
		// A def indented under a class is a method (d.eval, as in BitBake's data_smart).
		if i+1 >= len(toks) || toks[i+1].text != "(" || i > 0 && (toks[i-1].text == "def" || toks[i-1].text == "class") && toks[i-1].col == 0 {
			rebound[t.text] = true
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		t := &toks[i]
		if t.kind != tName || t.text != "eval" && t.text != "exec" || rebound[t.text] || toks[i+1].text != "(" {
			continue
		}
		if i > 0 && (toks[i-1].text == "." || toks[i-1].text == "def" || toks[i-1].text == "class") || i+2 >= len(toks) {
			continue
		}
		t.text = "__pyrt_" + t.text + "__"
		toks[i+2].pre = "globals(), locals(), " + toks[i+2].pre
	}
}
