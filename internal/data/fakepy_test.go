package data

import (
	"fmt"
	"strconv"
	"strings"
)

// fakePython evaluates the few ${@...} forms the scenarios use: '+'-joined terms that
// are string literals, integers (with one * or /), or d.getVar('NAME').
type fakePython struct{}

type pyErr struct{ typ, msg string }

func (e *pyErr) Error() string               { return e.typ + ": " + e.msg }
func (e *pyErr) Exception() (string, string) { return e.typ, e.msg }

func (fakePython) EvalInline(d *Store, varname, code string, refs *Refs) (string, error) {
	if strings.Count(code, "'")%2 == 1 {
		return "", fmt.Errorf("eval %q: %w", code, ErrKeepLiteral)
	}
	var out strings.Builder
	for _, term := range splitTerms(code) {
		term = strings.TrimSpace(term)
		switch {
		case strings.HasPrefix(term, "'") && strings.HasSuffix(term, "'"):
			out.WriteString(term[1 : len(term)-1])
		case strings.HasPrefix(term, "d.getVar('") && strings.HasSuffix(term, "')"):
			name := term[len("d.getVar('") : len(term)-2]
			refs.AddReference(name)
			v, err := d.GetVar(name, true)
			if err != nil {
				return "", err
			}
			out.WriteString(Text(v))
		default:
			n, err := arith(term)
			if err != nil {
				return "", err
			}
			out.WriteString(strconv.Itoa(n))
		}
	}
	return out.String(), nil
}

func splitTerms(code string) []string {
	var terms []string
	quoted, start := false, 0
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '\'':
			quoted = !quoted
		case '+':
			if !quoted {
				terms = append(terms, code[start:i])
				start = i + 1
			}
		}
	}
	return append(terms, code[start:])
}

func arith(term string) (int, error) {
	for _, op := range "*/" {
		if l, r, ok := strings.Cut(term, string(op)); ok {
			a, err1 := strconv.Atoi(strings.TrimSpace(l))
			b, err2 := strconv.Atoi(strings.TrimSpace(r))
			if err1 != nil || err2 != nil {
				return 0, &pyErr{"SyntaxError", "invalid syntax"}
			}
			if op == '*' {
				return a * b, nil
			}
			if b == 0 {
				return 0, &pyErr{"ZeroDivisionError", "division by zero"}
			}
			return a / b, nil
		}
	}
	n, err := strconv.Atoi(term)
	if err != nil {
		return 0, &pyErr{"NameError", fmt.Sprintf("name '%s' is not defined", term)}
	}
	return n, nil
}
