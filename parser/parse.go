package parser

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
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
	s := lexFile(filename, string(src), mode)
	errs := s.errs
	f.Warnings = s.warns
	plex, err := lexer.Upgrade(&sliceLexer{toks: s.toks})
	if err == nil {
		var root *fileNode
		root, err = grammar().ParseFromLexer(plex)
		if root != nil {
			f.Stmts = root.Stmts
			if err == nil {
				f.Stmts, err = setSpans(root.Stmts, s.marks)
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

// sortErrors orders errors by position, keeping the order of errors at the same place.
func sortErrors(l ErrorList) {
	slices.SortStableFunc(l, func(a, b *Error) int { return cmp.Compare(a.Pos.Offset, b.Pos.Offset) })
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

// setSpans fills Pos and EndPos of every statement from the lexer's marks and returns the
// statements with the comments put in place. (Positions are set here rather than by
// participle's Pos/EndPos injection, which costs a reflect conversion per node, and
// comments stay out of the grammar: a third of a typical layer's statements are comments,
// and each would cost a pass through the union.)
func setSpans(stmts []Stmt, marks []mark) ([]Stmt, error) {
	out := make([]Stmt, 0, len(marks))
	i := 0
	for _, m := range marks {
		if m.comment {
			out = append(out, &Comment{Pos: m.start, EndPos: m.end, Text: m.text})
			continue
		}
		if i >= len(stmts) {
			return stmts, fmt.Errorf("%d statements for more spans", len(stmts))
		}
		stmts[i].setSpan(m.start, m.end)
		out = append(out, stmts[i])
		i++
	}
	if i != len(stmts) {
		return stmts, fmt.Errorf("%d statements for %d spans", len(stmts), i)
	}
	return out, nil
}

func position(p lexer.Position) Position {
	return Position{Filename: p.Filename, Line: p.Line, Column: p.Column, Offset: p.Offset}
}
