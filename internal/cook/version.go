package cook

import (
	"strconv"
	"strings"
)

// verPart is one element of bb.utils.explode_version: order class (-1 "~", 0 number,
// 1 letters, 2 other), and the number or text.
type verPart struct {
	order int
	num   int
	text  string
}

func explodeVersion(s string) []verPart {
	var r []verPart
	for s != "" {
		c := s[0]
		switch {
		case c >= '0' && c <= '9':
			i := 0
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
			n, _ := strconv.Atoi(s[:i])
			r = append(r, verPart{order: 0, num: n})
			s = s[i:]
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			i := 0
			for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
				i++
			}
			r = append(r, verPart{order: 1, text: s[:i]})
			s = s[i:]
		case c == '~':
			r = append(r, verPart{order: -1, text: "~"})
			s = s[1:]
		default:
			r = append(r, verPart{order: 2, text: s[:1]})
			s = s[1:]
		}
	}
	return r
}

// vercmpPart is bb.utils.vercmp_part: <0, 0 or >0 as a sorts before, with or after b.
func vercmpPart(a, b string) int {
	va, vb := explodeVersion(a), explodeVersion(b)
	for i := 0; ; i++ {
		pa, pb := verPart{}, verPart{}
		noneA, noneB := i >= len(va), i >= len(vb)
		if !noneA {
			pa = va[i]
		}
		if !noneB {
			pb = vb[i]
		}
		if noneA && noneB {
			return 0
		}
		switch {
		case pa.order < pb.order:
			return -1
		case pa.order > pb.order:
			return 1
		case noneA:
			return -1
		case noneB:
			return 1
		}
		if pa.order == 0 {
			if pa.num != pb.num {
				if pa.num < pb.num {
					return -1
				}
				return 1
			}
			continue
		}
		if c := strings.Compare(pa.text, pb.text); c != 0 {
			return c
		}
	}
}

// Version is a recipe's (PE, PV, PR).
type Version struct{ PE, PV, PR string }

// vercmp is bb.utils.vercmp.
func vercmp(a, b Version) int {
	ea, _ := strconv.Atoi(a.PE)
	eb, _ := strconv.Atoi(b.PE)
	if r := ea - eb; r != 0 {
		return r
	}
	if r := vercmpPart(a.PV, b.PV); r != 0 {
		return r
	}
	return vercmpPart(a.PR, b.PR)
}
