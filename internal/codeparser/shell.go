package codeparser

import (
	"fmt"
	"sort"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// ShellExecs returns the sorted external commands (and metadata shell functions) the shell
// code runs. name is used in error messages only.
func ShellExecs(name, code string) ([]string, error) {
	p := shellParse{all: map[string]bool{}, defs: map[string]bool{}}
	if err := p.parse(name, code); err != nil {
		return nil, err
	}
	out := make([]string, 0, len(p.all))
	for c := range p.all {
		if !p.defs[c] {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out, nil
}

type shellParse struct {
	all  map[string]bool // every command name seen
	defs map[string]bool // functions defined in the code itself
}

func (p *shellParse) parse(name, code string) error {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash), syntax.KeepComments(false)).
		Parse(strings.NewReader(code), name)
	if err != nil {
		return fmt.Errorf("shell function %s: %w", name, err)
	}
	var walkErr error
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.FuncDecl:
			p.defs[n.Name.Value] = true
		case *syntax.CallExpr:
			if err := p.call(name, n); err != nil && walkErr == nil {
				walkErr = err
			}
		}
		return true
	})
	return walkErr
}

// call records the command name of one simple command. Like BitBake, the name is the word as
// written (quotes included); names that start with '$' cannot be resolved and are skipped, and
// the words after eval are joined and parsed again.
func (p *shellParse) call(name string, c *syntax.CallExpr) error {
	if len(c.Args) == 0 {
		return nil
	}
	cmd := wordText(c.Args[0])
	switch {
	case strings.HasPrefix(cmd, "$"):
		return nil
	case cmd == "eval":
		var words []string
		for _, w := range c.Args[1:] {
			words = append(words, wordText(w))
		}
		return p.parse(name, strings.Join(words, " "))
	}
	p.all[cmd] = true
	return nil
}

// wordText prints a word back as shell source.
func wordText(w *syntax.Word) string {
	var b strings.Builder
	syntax.NewPrinter().Print(&b, w)
	return b.String()
}
