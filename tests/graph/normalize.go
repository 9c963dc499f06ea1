package graph

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// Normalize turns the task-depends.dot and pn-buildlist that `bitbake -g` (or `gobake -g`)
// wrote into one comparable text: sorted "node", "edge" and "pn" lines, with every
// occurrence of each placeholders key replaced by its value.
func Normalize(dot, buildlist []byte, placeholders map[string]string) (string, error) {
	for _, k := range slices.Sorted(keys(placeholders)) {
		dot = bytes.ReplaceAll(dot, []byte(k), []byte(placeholders[k]))
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(dot))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
		l := strings.TrimSpace(sc.Text())
		switch {
		case l == "" || l == "}" || strings.HasPrefix(l, "digraph"):
		case strings.Contains(l, " -> "):
			a, b, _ := strings.Cut(l, " -> ")
			lines = append(lines, "edge "+unquote(a)+" -> "+unquote(b))
		case strings.Contains(l, " [label="):
			name, label, _ := strings.Cut(l, " [label=")
			label = strings.TrimSuffix(label, "]")
			lines = append(lines, "node "+unquote(name)+" "+label)
		default:
			return "", fmt.Errorf("task-depends.dot:%d: unexpected line %q", n, l)
		}
	}
	for _, pn := range strings.Fields(string(buildlist)) {
		lines = append(lines, "pn "+pn)
	}
	slices.Sort(lines)
	lines = slices.Compact(lines)
	return strings.Join(lines, "\n") + "\n", nil
}

func unquote(s string) string { return strings.Trim(s, `"`) }

func keys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// Diff lists the lines only in want (-) and only in got (+), and a count of each kind.
func Diff(want, got string) string {
	w, g := set(want), set(got)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if l != "" && !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if l != "" && !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(s, "\n") {
		m[l] = true
	}
	return m
}
