package parser

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types of the metadata lexer. Every statement starts with a token type of its own,
// so the grammar decides with one token of lookahead. Comments are not tokens: the lexer
// records them, and the span of every statement, in a side list (marks) from which Parse
// sets positions and puts the Comment nodes in place; participle only sees the tokens the
// grammar captures.
const (
	tKwExport lexer.TokenType = iota + 1
	tName
	tFlag
	tOp
	tQuote
	tValue
	tKwExportVar
	tKwUnset
	tKwUnsetFlag
	tKwInclude
	tKwInherit
	tKwInheritDefer
	tArg
	tKwAddTask
	tTask
	tArgs
	tKwBefore
	tBefore
	tKwAfter
	tAfter
	tKwDelTask
	tKwAddHandler
	tKwAddPylib
	tKwAddFragments
	tKwExportFuncs
	tFuncPython
	tFuncFakeroot
	tFuncName
	tFuncOpen
	tBody
	tFuncClose
	tKwDef
	tDefName
)

var symbols = map[string]lexer.TokenType{
	"EOF": lexer.EOF, "KwExport": tKwExport, "Name": tName,
	"Flag": tFlag, "Op": tOp, "Quote": tQuote, "Value": tValue, "KwExportVar": tKwExportVar,
	"KwUnset": tKwUnset, "KwUnsetFlag": tKwUnsetFlag, "KwInclude": tKwInclude,
	"KwInherit": tKwInherit, "KwInheritDefer": tKwInheritDefer, "Arg": tArg,
	"KwAddTask": tKwAddTask, "Task": tTask, "Args": tArgs, "KwBefore": tKwBefore,
	"Before": tBefore, "KwAfter": tKwAfter, "After": tAfter, "KwDelTask": tKwDelTask,
	"KwAddHandler": tKwAddHandler, "KwAddPylib": tKwAddPylib, "KwAddFragments": tKwAddFragments,
	"KwExportFuncs": tKwExportFuncs, "FuncPython": tFuncPython, "FuncFakeroot": tFuncFakeroot,
	"FuncName": tFuncName, "FuncOpen": tFuncOpen, "Body": tBody, "FuncClose": tFuncClose,
	"KwDef": tKwDef, "DefName": tDefName,
}

// Lexer is the stateful metadata lexer as a participle lexer.Definition. BitBake reads
// metadata line by line with regexps that need lookahead, back-references and backtracking
// (greedy quote matching, lazy variable names), which participle's regexp-driven
// lexer.MustStateful cannot express; this lexer runs BitBake's line rules by hand and has
// three states: statements, shell/python function bodies (`NAME() {` ... `}`), and python
// `def` blocks. Lexing never fails: problems become Errors, available from LexFile.
type Lexer struct {
	// Mode selects the line handler; ModeAuto picks it from the file name.
	Mode Mode
}

// Symbols implements lexer.Definition.
func (Lexer) Symbols() map[string]lexer.TokenType {
	out := make(map[string]lexer.TokenType, len(symbols))
	for k, v := range symbols {
		out[k] = v
	}
	return out
}

// Lex implements lexer.Definition.
func (l Lexer) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return l.LexString(filename, string(b))
}

// LexString implements lexer.StringDefinition.
func (l Lexer) LexString(filename, src string) (lexer.Lexer, error) {
	toks, _ := LexFile(filename, src, l.Mode)
	return &sliceLexer{toks: toks}, nil
}

// LexFile tokenizes a whole file and returns its tokens (ending with EOF) and errors.
func LexFile(filename, src string, mode Mode) ([]lexer.Token, ErrorList) {
	s := lexFile(filename, src, mode)
	return s.toks, s.errs
}

func lexFile(filename, src string, mode Mode) *scanner {
	if mode == ModeAuto {
		mode, _ = ModeFor(filename)
	}
	s := &scanner{file: filename, src: src}
	s.splitLines()
	s.toks = make([]lexer.Token, 0, 2*len(s.lines)+8)
	if mode == ModeConf {
		s.lexConf()
	} else {
		s.lexRecipe()
	}
	s.toks = append(s.toks, lexer.Token{Type: lexer.EOF, Pos: lexPos(s.posAt(len(src)))})
	return s
}

// mark is a statement's or a comment's span, in source order.
type mark struct {
	start, end Position
	comment    bool
	text       string // the comment
}

type sliceLexer struct {
	toks []lexer.Token
	i    int
}

func (s *sliceLexer) Next() (lexer.Token, error) {
	if s.i >= len(s.toks) {
		return s.toks[len(s.toks)-1], nil
	}
	t := s.toks[s.i]
	s.i++
	return t, nil
}

// line is one physical line: its 1-based number, byte offset and text without the newline.
type line struct {
	no   int
	off  int
	text string
}

// piece is a part of a logical line: text taken from a physical line at a byte offset.
type piece struct {
	at  int // offset in the logical line
	off int // offset in the file
	no  int // line number
}

// logical is a logical line: physical lines joined by BitBake's backslash continuation.
type logical struct {
	s      string
	pieces []piece
}

type scanner struct {
	file  string
	src   string
	lines []line
	toks  []lexer.Token
	errs  ErrorList
	warns ErrorList
	cur   logical
	marks []mark
	first int // index in toks of the current statement's first token
}

// splitLines splits src the way Python's universal-newline readline does (\n, \r\n, \r).
func (s *scanner) splitLines() {
	src := s.src
	s.lines = make([]line, 0, strings.Count(src, "\n")+1)
	start, no := 0, 1
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c != '\n' && c != '\r' {
			continue
		}
		s.lines = append(s.lines, line{no, start, src[start:i]})
		if c == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			i++
		}
		start, no = i+1, no+1
	}
	if start < len(src) {
		s.lines = append(s.lines, line{no, start, src[start:]})
	}
	if !utf8.ValidString(src) {
		for i := 0; i < len(src); {
			r, n := utf8.DecodeRuneInString(src[i:])
			if r == utf8.RuneError && n == 1 {
				s.errs.add(s.posAt(i), "invalid UTF-8 (BitBake reads metadata as UTF-8)")
				break
			}
			i += n
		}
	}
}

// posAt returns the position of a file offset.
func (s *scanner) posAt(off int) Position {
	// Binary search the physical line.
	lo, hi := 0, len(s.lines)
	for lo < hi {
		m := (lo + hi) / 2
		if s.lines[m].off <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return Position{Filename: s.file, Offset: off, Line: 1, Column: off + 1}
	}
	l := s.lines[lo-1]
	return Position{Filename: s.file, Offset: off, Line: l.no, Column: off - l.off + 1}
}

// lpos returns the position of offset i of the current logical line. Every piece starts
// at the beginning of its physical line.
func (s *scanner) lpos(i int) Position {
	ps := s.cur.pieces
	k := len(ps) - 1
	for k > 0 && ps[k].at > i {
		k--
	}
	p := ps[k]
	return Position{Filename: s.file, Offset: p.off + i - p.at, Line: p.no, Column: 1 + i - p.at}
}

// endPos returns the position just past the current logical line.
func (s *scanner) endPos() Position { return s.lpos(len(s.cur.s)) }

func (s *scanner) emit(t lexer.TokenType, value string, at int) {
	s.toks = append(s.toks, lexer.Token{Type: t, Value: value, Pos: lexPos(s.lpos(at))})
}

func (s *scanner) emitPos(t lexer.TokenType, value string, pos Position) {
	s.toks = append(s.toks, lexer.Token{Type: t, Value: value, Pos: lexPos(pos)})
}

// end records the span of the statement whose tokens were emitted since the last one.
func (s *scanner) end() { s.endAt(s.endPos()) }

func (s *scanner) endAt(end Position) {
	s.marks = append(s.marks, mark{start: position(s.toks[s.first].Pos), end: end})
	s.first = len(s.toks)
}

func (s *scanner) comment() {
	s.marks = append(s.marks, mark{start: s.lpos(0), end: s.endPos(), comment: true, text: s.cur.s})
}

func (s *scanner) setSingle(l line, text string) {
	s.cur.s = text
	s.cur.pieces = append(s.cur.pieces[:0], piece{0, l.off, l.no})
}

// lexConf runs ConfHandler.handle's line loop.
func (s *scanner) lexConf() {
	lines := s.lines
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		text := rstrip(l.text)
		if text == "" {
			continue
		}
		s.setSingle(l, text)
		if strings.HasSuffix(text, `\`) {
			s.cur.s = s.joinConf(lines, &i)
		}
		if s.cur.s == "" {
			continue
		}
		if s.cur.s[0] == '#' {
			s.comment()
			continue
		}
		s.confStatement(true)
	}
}

// joinConf runs ConfHandler.handle's continuation loop for the line lines[*i], advancing *i
// over the lines it joins, and returns the logical line ("" after an error). It appends to a
// buffer: BitBake's s = s[:-1] + s2 is quadratic for long continued statements.
func (s *scanner) joinConf(lines []line, i *int) string {
	l := lines[*i]
	acc := []byte(s.cur.s)
	for len(acc) > 0 && acc[len(acc)-1] == '\\' {
		if *i+1 >= len(lines) {
			// At end of file readline returns "" again and again.
			if acc[0] == '#' {
				s.errs.add(s.lpos(0), "confusing multiline, partially commented expression: a comment continued at end of file")
				return ""
			}
			acc = acc[:len(acc)-1]
			if len(acc) == 0 {
				s.errs.add(s.lpos(0), "line continuation at end of file")
				return ""
			}
			// The empty line read at end of file counts: BitBake's lineno is one more.
			last := s.cur.pieces[len(s.cur.pieces)-1]
			s.cur.pieces = append(s.cur.pieces, piece{len(acc), len(s.src), last.no + 1})
			continue
		}
		next := lines[*i+1]
		s2 := rstrip(next.text)
		if (s2 == "" || s2[0] != '#') && acc[0] == '#' {
			s.errs.add(s.lpos(0), "confusing multiline, partially commented expression: comment continued by a trailing backslash into line %d; is it all a comment or should it be parsed?", next.no)
			return ""
		}
		*i++
		at := len(acc) - 1
		acc = append(acc[:at], s2...)
		s.cur.pieces = append(s.cur.pieces, piece{at, next.off, next.no})
		if len(acc) == 0 {
			// BitBake's `while s[-1] == '\\'` fails with IndexError here.
			s.errs.add(s.pos(l, 0), "line continuation of an empty line")
			return ""
		}
	}
	return string(acc)
}

// recipe-mode function state.
type openFunc struct {
	m     funcStart
	name  string
	pos   Position // statement start
	toks  []lexer.Token
	body  []string
	first Position // first body line
}

// lexRecipe runs BBHandler.get_statements/feeder.
func (s *scanner) lexRecipe() {
	var (
		fn      *openFunc
		def     *openDef
		residue []line // continued lines, text without the backslash
		skip    bool   // dropping the rest of a broken continued statement
	)
	for _, l := range s.lines {
		text := rstrip(l.text)
		if def != nil || fn != nil && (fn.name == "__anonymous" || fn.m.python) {
			if k := strings.IndexFunc(text, func(r rune) bool { return r != ' ' }); k >= 0 && text[k] == '\t' {
				s.warns.add(s.pos(l, k), "python should use 4 spaces indentation, but found tabs")
			}
		}
		if fn != nil {
			if text == "}" {
				s.closeFunc(fn, l)
				fn = nil
			} else {
				if len(fn.body) == 0 {
					fn.first = Position{Filename: s.file, Offset: l.off, Line: l.no, Column: 1}
				}
				fn.body = append(fn.body, text)
			}
			continue
		}
		if def != nil {
			if text == "" || text[0] == '#' || skipSpace(text, 0) > 0 {
				def.body = append(def.body, text)
				def.last = l
				continue
			}
			s.closeDef(def)
			def = nil
		}
		if skip {
			skip = strings.HasSuffix(text, `\`)
			continue
		}
		if len(residue) > 0 {
			r0 := residue[0].text
			if text != "" && text[0] == '#' && r0 != "" && r0[0] != '#' {
				s.errs.add(s.pos(l, 0), "comment in the middle of a multiline expression (started on line %d)", residue[0].no)
				residue = residue[:0]
				skip = strings.HasSuffix(text, `\`)
				continue
			} else if r0 != "" && r0[0] == '#' && (text == "" || text[0] != '#') {
				s.errs.add(s.pos(residue[0], 0), "confusing multiline, partially commented expression: comment continued by a trailing backslash into line %d; is it all a comment or should it be parsed?", l.no)
				residue = residue[:0]
			}
		}
		if strings.HasSuffix(text, `\`) {
			if text == `\` && len(residue) == 0 {
				s.errs.add(s.pos(l, 0), "line continuation of an empty line")
				continue
			}
			residue = append(residue, line{l.no, l.off, text[:len(text)-1]})
			continue
		}
		if len(residue) > 0 {
			s.cur.s = ""
			s.cur.pieces = s.cur.pieces[:0]
			var b strings.Builder
			for _, r := range residue {
				s.cur.pieces = append(s.cur.pieces, piece{b.Len(), r.off, r.no})
				b.WriteString(r.text)
			}
			s.cur.pieces = append(s.cur.pieces, piece{b.Len(), l.off, l.no})
			b.WriteString(text)
			s.cur.s = b.String()
			residue = residue[:0]
		} else {
			s.setSingle(l, text)
		}
		if s.cur.s == "" {
			continue
		}
		if s.cur.s[0] == '#' {
			s.comment()
			continue
		}
		if m, ok := matchFuncStart(s.cur.s); ok {
			fn = s.openFunc(m)
			continue
		}
		if i, j, ok := matchDef(s.cur.s); ok {
			def = &openDef{pos: s.lpos(0), name: s.cur.s[i:j], namePos: s.lpos(i), body: []string{s.cur.s}, end: s.endPos()}
			continue
		}
		s.recipeStatement()
	}
	if def != nil {
		s.closeDef(def)
	}
	if len(residue) > 0 {
		s.errs.add(s.pos(residue[0], 0), "unterminated line continuation at end of file")
	}
	if fn != nil {
		s.errs.add(fn.pos, "function %s is never closed", fn.name)
	}
}

func (s *scanner) pos(l line, col int) Position {
	return Position{Filename: s.file, Offset: l.off + col, Line: l.no, Column: col + 1}
}

func (s *scanner) openFunc(m funcStart) *openFunc {
	f := &openFunc{m: m, pos: s.lpos(0), name: "__anonymous"}
	str := s.cur.s
	if m.name >= 0 {
		f.name = str[m.name:m.nameEnd]
	}
	for _, k := range m.kw {
		if str[k] == 'p' {
			f.toks = append(f.toks, lexer.Token{Type: tFuncPython, Value: "python", Pos: lexPos(s.lpos(k))})
		} else {
			f.toks = append(f.toks, lexer.Token{Type: tFuncFakeroot, Value: "fakeroot", Pos: lexPos(s.lpos(k))})
		}
	}
	// Always a name token (empty for an unnamed function): an optional one costs a branch.
	if m.name >= 0 {
		f.toks = append(f.toks, lexer.Token{Type: tFuncName, Value: str[m.name:m.nameEnd], Pos: lexPos(s.lpos(m.name))})
	} else {
		f.toks = append(f.toks, lexer.Token{Type: tFuncName, Pos: lexPos(s.lpos(m.open))})
	}
	f.toks = append(f.toks, lexer.Token{Type: tFuncOpen, Value: str[m.open:], Pos: lexPos(s.lpos(m.open))})
	return f
}

func (s *scanner) closeFunc(f *openFunc, l line) {
	s.toks = append(s.toks, f.toks...)
	if len(f.body) > 0 {
		s.emitPos(tBody, bodyValue(f.body), f.first)
	} else {
		s.emitPos(tBody, "", s.pos(l, 0))
	}
	s.emitPos(tFuncClose, "}", s.pos(l, 0))
	s.endAt(s.pos(l, 1))
	s.marks[len(s.marks)-1].start = f.pos // the header may start with blanks before "()"
}

type openDef struct {
	pos, namePos Position
	name         string
	body         []string
	end          Position // end of the def line
	last         line     // last body line after the def line
}

func (s *scanner) closeDef(d *openDef) {
	s.emitPos(tKwDef, "def", d.pos)
	s.emitPos(tDefName, d.name, d.namePos)
	s.emitPos(tBody, bodyValue(d.body), d.pos)
	end := d.end
	if len(d.body) > 1 {
		end = s.pos(d.last, len(rstrip(d.last.text)))
	}
	s.endAt(end)
}

// recipeStatement classifies a logical line with BBHandler.feeder's rules that follow the
// function and def checks, then falls back to ConfHandler.feeder.
func (s *scanner) recipeStatement() {
	str := s.cur.s
	switch str[0] {
	case 'E':
		if i, ok := kwArg(str, "EXPORT_FUNCTIONS"); ok {
			s.emit(tKwExportFuncs, "EXPORT_FUNCTIONS", 0)
			s.emit(tArg, str[i:], i)
			s.end()
			return
		}
	case 'a':
		if m, ok := matchAddTask(str); ok {
			for _, w := range strings.FieldsFunc(str, isPySpace) {
				for _, kw := range []string{":append_", ":prepend_", ":remove_"} {
					if strings.Contains(w, kw) {
						s.errs.add(s.lpos(0), "task name '%s' contains a keyword which is not recommended/supported (%s)", w, kw[:len(kw)-1])
						return
					}
				}
			}
			if len(strings.FieldsFunc(str[:m.end], isPySpace)) == 2 && m.taskEnd < len(str) {
				s.warns.add(s.lpos(m.taskEnd), "addtask ignored: %q", str[m.taskEnd:])
			}
			words := strings.FieldsFunc(str, isPySpace)
			for _, kw := range []string{"before", "after"} {
				n := 0
				for _, w := range words {
					if w == kw {
						n++
					}
				}
				if n > 1 {
					s.warns.add(s.lpos(0), "addtask contained multiple '%s' keywords, only one is supported", kw)
				}
			}
			s.emit(tKwAddTask, "addtask", 0)
			s.emit(tTask, str[m.task:m.taskEnd], m.task)
			if m.args < len(str) {
				s.emit(tArgs, str[m.args:], m.args)
			}
			if m.hasBefore {
				s.emit(tKwBefore, "before", m.before[0])
				s.emit(tBefore, str[m.before[0]:m.before[1]], m.before[0])
			}
			if m.hasAfter {
				s.emit(tKwAfter, "after", m.after[0])
				s.emit(tAfter, str[m.after[0]:m.after[1]], m.after[0])
			}
			s.end()
			return
		}
		if i, ok := kwArg(str, "addhandler"); ok {
			s.kwArgStmt(tKwAddHandler, "addhandler", i)
			return
		}
	case 'd':
		if i, ok := kwArg(str, "deltask"); ok {
			s.kwArgStmt(tKwDelTask, "deltask", i)
			return
		}
	case 'i':
		if i, ok := kwArg(str, "inherit"); ok {
			s.kwArgStmt(tKwInherit, "inherit", i)
			return
		}
		if i, ok := kwArg(str, "inherit_defer"); ok {
			s.kwArgStmt(tKwInheritDefer, "inherit_defer", i)
			return
		}
	}
	s.confStatement(false)
}

func (s *scanner) kwArgStmt(t lexer.TokenType, kw string, i int) {
	s.emit(t, kw, 0)
	s.emit(tArg, s.cur.s[i:], i)
	s.end()
}

// confStatement runs ConfHandler.feeder on the current logical line.
func (s *scanner) confStatement(conffile bool) {
	str := s.cur.s
	if m, ok := matchConfig(str); ok {
		if m.export {
			s.emit(tKwExport, "export", 0)
		}
		s.emit(tName, str[m.name:m.nameEnd], m.name)
		if m.flag >= 0 {
			s.emit(tFlag, str[m.flag:m.flagEnd], m.flag)
		}
		s.emit(tOp, string(m.op), m.opAt)
		s.emit(tQuote, str[m.quote:m.quote+1], m.quote)
		s.emit(tValue, str[m.quote+1:len(str)-1], m.quote+1)
		s.end()
		return
	}
	for _, v := range [...]string{"include", "require", "include_all"} {
		if i, ok := kwArg(str, v); ok {
			s.kwArgStmt(tKwInclude, v, i)
			return
		}
	}
	if i, ok := kwName(str, "export"); ok {
		s.emit(tKwExportVar, "export", 0)
		s.emit(tName, str[i:], i)
		s.end()
		return
	}
	if i, ok := kwName(str, "unset"); ok {
		s.emit(tKwUnset, "unset", 0)
		s.emit(tName, str[i:], i)
		s.end()
		return
	}
	if i, f, ok := unsetFlag(str); ok {
		s.emit(tKwUnsetFlag, "unset", 0)
		s.emit(tName, str[i:f-1], i)
		s.emit(tFlag, str[f:len(str)-1], f)
		s.end()
		return
	}
	if conffile && strings.HasPrefix(str, "addpylib") {
		if g := addpylibRe.FindStringSubmatchIndex(str); g != nil {
			s.emit(tKwAddPylib, "addpylib", 0)
			s.emit(tArg, str[g[2]:g[3]], g[2])
			s.emit(tArg, str[g[4]:g[5]], g[4])
			s.end()
			return
		}
	}
	if strings.HasPrefix(str, "addfragments") {
		if g := addfragmentsRe.FindStringSubmatchIndex(str); g != nil {
			s.emit(tKwAddFragments, "addfragments", 0)
			for k := 2; k < 10; k += 2 {
				s.emit(tArg, str[g[k]:g[k+1]], g[k])
			}
			s.end()
			return
		}
	}
	s.errs.add(s.lpos(0), "unparsed line: '%s'", str)
}

func lexPos(p Position) lexer.Position {
	return lexer.Position{Filename: p.Filename, Offset: p.Offset, Line: p.Line, Column: p.Column}
}

// bodyValue encodes body lines as one Body token: each line followed by a newline, so that
// no lines ("") and one empty line ("\n") differ. Lines.Capture decodes it.
func bodyValue(lines []string) string {
	n := len(lines)
	for _, l := range lines {
		n += len(l)
	}
	b := make([]byte, 0, n)
	for _, l := range lines {
		b = append(b, l...)
		b = append(b, '\n')
	}
	return string(b)
}
