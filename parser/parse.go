package parser

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// fileNode is the grammar's root: a file is a sequence of statements.
type fileNode struct {
	Stmts []Stmt `parser:"@@*"`
}

// grammar is built once; a participle parser is immutable and safe for concurrent use.
var grammar = sync.OnceValue(func() *participle.Parser[fileNode] {
	return participle.MustBuild[fileNode](
		participle.Lexer(Lexer{}),
		// Comments are elided like whitespace and put back by setSpans: a third of the
		// statements of a typical layer are comments, and each one costs a pass through
		// the union.
		participle.Elide("End", "Comment", "CommentEnd"),
		// Ordered by frequency: participle tries the members in turn.
		participle.Union[Stmt](&Assign{}, &Func{}, &Inherit{}, &PyDef{}, &AddTask{},
			&Include{}, &ExportVar{}, &AddHandler{}, &Unset{}, &UnsetFlag{}, &DelTask{},
			&ExportFuncs{}, &AddPylib{}, &AddFragments{}),
	)
})

// Grammar returns the participle grammar in EBNF, for documentation.
func Grammar() string { return grammar().String() }

// ModeFor returns the mode BitBake uses for a file name: ModeConf for .conf, ModeRecipe for
// .bb, .bbappend, .bbclass and .inc; false for anything else.
func ModeFor(filename string) (Mode, bool) {
	switch filepath.Ext(filename) {
	case ".conf":
		return ModeConf, true
	case ".bb", ".bbappend", ".bbclass", ".inc":
		return ModeRecipe, true
	}
	return ModeAuto, false
}

// Parse parses one metadata file, choosing the mode from its name. It returns the
// statements it could parse and, if any line was rejected, an ErrorList with every error of
// the file; the File is never nil.
func Parse(filename string, src []byte) (*File, error) {
	return ParseMode(filename, src, ModeAuto)
}

// ParseMode is Parse with an explicit mode (ModeAuto picks it from the file name).
func ParseMode(filename string, src []byte, mode Mode) (*File, error) {
	if mode == ModeAuto {
		m, ok := ModeFor(filename)
		if !ok {
			f := &File{Name: filename}
			return f, ErrorList{{Pos: Position{Filename: filename, Line: 1, Column: 1},
				Msg: fmt.Sprintf("not a BitBake metadata file (extension %q)", filepath.Ext(filename))}}
		}
		mode = m
	}
	f := &File{Name: filename, Mode: mode}
	toks, errs, warns := lexFile(filename, string(src), mode)
	f.Warnings = warns
	plex, err := lexer.Upgrade(&sliceLexer{toks: toks}, tEnd, tComment, tCommentEnd)
	if err == nil {
		var root *fileNode
		root, err = grammar().ParseFromLexer(plex)
		if root != nil {
			f.Stmts = root.Stmts
			if err == nil {
				f.Stmts, err = setSpans(root.Stmts, toks)
			}
		}
	}
	if err != nil {
		// The lexer only emits token sequences the grammar accepts; this is a bug.
		errs = append(errs, &Error{Pos: Position{Filename: filename, Line: 1, Column: 1},
			Msg: fmt.Sprintf("internal parser error: %v", err)})
	}
	if len(errs) > 0 {
		sortErrors(errs)
		return f, errs
	}
	return f, nil
}

// sortErrors orders errors by position (insertion sort: lists are short and nearly sorted).
func sortErrors(l ErrorList) {
	for i := 1; i < len(l); i++ {
		for j := i; j > 0 && l[j].Pos.Offset < l[j-1].Pos.Offset; j-- {
			l[j], l[j-1] = l[j-1], l[j]
		}
	}
}

// IsMetadataFile reports whether a path found while walking a layer is BitBake metadata
// (what `gobake parse DIR` and the corpus tests parse): every .bb, .bbappend and .bbclass;
// .inc files except wic kickstart includes (*.wks.inc); .conf files inside a layer's conf/
// tree, except payload shipped from recipe directories (recipes-*/, files/) and OE-core's
// conf/ccache.conf (read by ccache, not BitBake).
func IsMetadataFile(path string) bool {
	base := filepath.Base(path)
	switch filepath.Ext(base) {
	case ".bb", ".bbappend", ".bbclass":
		return true
	case ".inc":
		return !strings.HasSuffix(base, ".wks.inc")
	case ".conf":
		if base == "ccache.conf" {
			return false
		}
		inConf := false
		for _, dir := range strings.Split(filepath.ToSlash(filepath.Dir(path)), "/") {
			switch {
			case dir == "conf":
				inConf = true
			case dir == "files", strings.HasPrefix(dir, "recipes-"):
				return false
			}
		}
		return inConf
	}
	return false
}

// setSpans fills Pos and EndPos of every statement and returns the statements with the
// comments put back in source order: a statement starts at its first token and ends at its
// End token. (Positions are set here rather than by participle's Pos/EndPos injection,
// which costs a reflect conversion per node.)
func setSpans(stmts []Stmt, toks []lexer.Token) ([]Stmt, error) {
	out := make([]Stmt, 0, len(stmts)+len(toks)/8)
	i, start := 0, -1
	for k := range toks {
		switch toks[k].Type {
		case tComment:
			out = append(out, &Comment{Pos: position(toks[k].Pos), Text: toks[k].Value})
		case tCommentEnd:
			c := out[len(out)-1].(*Comment)
			c.EndPos = position(toks[k].Pos)
		case tEnd:
			if i >= len(stmts) || start < 0 {
				return stmts, fmt.Errorf("%d statements for more End tokens", len(stmts))
			}
			stmts[i].setSpan(position(toks[start].Pos), position(toks[k].Pos))
			out = append(out, stmts[i])
			i, start = i+1, -1
		case lexer.EOF:
		default:
			if start < 0 {
				start = k
			}
		}
	}
	if i != len(stmts) {
		return stmts, fmt.Errorf("%d statements for %d End tokens", len(stmts), i)
	}
	return out, nil
}

func position(p lexer.Position) Position {
	return Position{Filename: p.Filename, Line: p.Line, Column: p.Column, Offset: p.Offset}
}
