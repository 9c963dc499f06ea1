package pyrt

import (
	"regexp"
	"strings"
)

// MetaSnippet is a piece of Python found in a metadata file by ScanMetadata.
type MetaSnippet struct {
	Kind string // "inline", "function", "def"
	Name string // function name ("" for anonymous functions and inline code)
	Src  string // expression, function body or def block
	Line int    // first line of Src in the file
}

var (
	pyFuncRe = regexp.MustCompile(`^(?:fakeroot\s+)?python\s+([\w${}.:-]*)\s*\(\s*\)\s*\{\s*$`)
	defRe    = regexp.MustCompile(`^def\s+\w+\s*\(`)
)

// ScanMetadata extracts the Python of a BitBake metadata file: python functions (named and
// anonymous), top-level def blocks and inline ${@...} expressions. It is a light scanner
// for tests and tools, not the metadata parser.
func ScanMetadata(src string) []MetaSnippet {
	lines := strings.Split(src, "\n")
	var out []MetaSnippet
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if m := pyFuncRe.FindStringSubmatch(l); m != nil {
			start := i + 1
			j := start
			for j < len(lines) && !strings.HasPrefix(lines[j], "}") {
				j++
			}
			out = append(out, MetaSnippet{Kind: "function", Name: m[1], Src: strings.Join(lines[start:j], "\n"), Line: start + 1})
			i = j
			continue
		}
		if defRe.MatchString(l) {
			j := i + 1
			for j < len(lines) && (strings.TrimSpace(lines[j]) == "" || lines[j][0] == ' ' || lines[j][0] == '\t') {
				j++
			}
			out = append(out, MetaSnippet{Kind: "def", Src: strings.Join(lines[i:j], "\n"), Line: i + 1})
			i = j - 1
			continue
		}
		// Join continuation lines of an assignment, then find ${@...}.
		first := i
		logical := l
		for strings.HasSuffix(logical, "\\") && i+1 < len(lines) {
			i++
			logical = logical[:len(logical)-1] + lines[i]
		}
		for k := 0; k < len(logical); {
			j := strings.Index(logical[k:], "${@")
			if j < 0 {
				break
			}
			start := k + j
			end := matchBrace(logical, start+1)
			if end < 0 {
				break
			}
			// "${@}" is the shell's "$@", not Python (BitBake needs at least one character).
			if end > start+3 {
				out = append(out, MetaSnippet{Kind: "inline", Src: logical[start+3 : end], Line: first + 1})
			}
			k = end + 1
		}
	}
	return out
}
