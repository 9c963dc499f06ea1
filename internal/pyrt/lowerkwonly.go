package pyrt

import "strings"

// Keyword-only parameters with defaults after ones without (def f(*, a, b=1)). gpython
// pairs keyword-only defaults with the keyword-only names by position, so b's default went
// to a and calls without a failed ("missing 1 required keyword-only argument: 'b'").
// Keyword-only parameters can only be passed by name, so fixKwonlyOrder moves the ones with
// defaults first; only signatures whose keyword-only part is on one line are rewritten, so
// line numbers stay. (Introspection sees the new order.)
func fixKwonlyOrder(toks []token) {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].kind != tName || toks[i].text != "def" || toks[i+1].kind != tName || toks[i+2].text != "(" {
			continue
		}
		params, ok := splitParams(toks, i+2)
		if !ok {
			continue
		}
		start := -1
		for p, rng := range params {
			if toks[rng[0]].kind == tOp && toks[rng[0]].text == "*" {
				start = p + 1
				break
			}
		}
		if start < 0 {
			continue
		}
		end := start
		for end < len(params) && !(toks[params[end][0]].kind == tOp && toks[params[end][0]].text == "**") {
			end++
		}
		kw := params[start:end]
		if len(kw) < 2 || !needsReorder(toks, kw) || !oneLineRange(toks, kw[0][0], kw[len(kw)-1][1]) {
			continue
		}
		var withDef, without []string
		for _, rng := range kw {
			text := rangeText(toks, rng)
			if hasDefault(toks, rng) {
				withDef = append(withDef, text)
			} else {
				without = append(without, text)
			}
		}
		first, last := kw[0][0], kw[len(kw)-1][1]
		for k := first + 1; k < last; k++ {
			toks[k].text, toks[k].pre = "", ""
		}
		toks[first].text = strings.Join(append(withDef, without...), ", ")
	}
}

// splitParams returns the token ranges [from, to) of the parameters in the list opening at
// toks[open], without the separating commas.
func splitParams(toks []token, open int) ([][2]int, bool) {
	var out [][2]int
	depth, from := 0, open+1
	for k := open; k < len(toks); k++ {
		t := toks[k]
		if t.kind == tEOF {
			return nil, false
		}
		if t.kind != tOp {
			continue
		}
		switch t.text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
			if depth == 0 {
				if k > from {
					out = append(out, [2]int{from, k})
				}
				return out, true
			}
		case ",":
			if depth == 1 {
				out = append(out, [2]int{from, k})
				from = k + 1
			}
		}
	}
	return nil, false
}

func hasDefault(toks []token, rng [2]int) bool {
	depth := 0
	for k := rng[0]; k < rng[1]; k++ {
		switch toks[k].text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		case "=":
			if depth == 0 && toks[k].kind == tOp {
				return true
			}
		}
	}
	return false
}

func needsReorder(toks []token, kw [][2]int) bool {
	seenRequired := false
	for _, rng := range kw {
		if !hasDefault(toks, rng) {
			seenRequired = true
		} else if seenRequired {
			return true
		}
	}
	return false
}

func oneLineRange(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		if toks[k].line != toks[from].line || strings.Contains(toks[k].pre, "\n") || strings.Contains(toks[k].text, "\n") {
			return false
		}
	}
	return true
}

func rangeText(toks []token, rng [2]int) string {
	var b strings.Builder
	for k := rng[0]; k < rng[1]; k++ {
		if k > rng[0] {
			b.WriteString(toks[k].pre)
		}
		b.WriteString(toks[k].text)
	}
	return b.String()
}
