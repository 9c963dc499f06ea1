package pystr

import (
	"cmp"
	"slices"
)

// CloseMatches is Python's difflib.get_close_matches(word, possibilities, n, cutoff): the
// at most n possibilities whose SequenceMatcher ratio against word is at least cutoff, best
// first (equal scores: the greater string first). BitBake uses it for the "Close matches" of
// its "Nothing PROVIDES" errors.
func CloseMatches(word string, possibilities []string, n int, cutoff float64) []string {
	type scored struct {
		score float64
		s     string
	}
	m := newMatcher([]rune(word))
	var res []scored
	for _, x := range possibilities {
		if r := m.ratio([]rune(x)); r >= cutoff {
			res = append(res, scored{r, x})
		}
	}
	// heapq.nlargest(n, [(score, x), ...])
	slices.SortStableFunc(res, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(b.s, a.s)
	})
	out := make([]string, 0, min(n, len(res)))
	for i := 0; i < len(res) && i < n; i++ {
		out = append(out, res[i].s)
	}
	return out
}

// matcher is difflib.SequenceMatcher with b fixed (set_seq2) and no isjunk function.
type matcher struct {
	b   []rune
	b2j map[rune][]int // positions of each element of b, without the popular ones
}

func newMatcher(b []rune) *matcher {
	m := &matcher{b: b, b2j: map[rune][]int{}}
	for j, r := range b {
		m.b2j[r] = append(m.b2j[r], j)
	}
	// autojunk: in sequences of 200 or more, elements making up more than 1% are popular.
	if n := len(b); n >= 200 {
		ntest := n/100 + 1
		for r, idx := range m.b2j {
			if len(idx) > ntest {
				delete(m.b2j, r)
			}
		}
	}
	return m
}

// ratio is SequenceMatcher(None, a, b).ratio(): 2*M/T for M matched elements of T in both.
func (m *matcher) ratio(a []rune) float64 {
	t := len(a) + len(m.b)
	if t == 0 {
		return 1.0
	}
	matches := 0
	// get_matching_blocks: the total does not depend on the order the ranges are taken in.
	queue := [][4]int{{0, len(a), 0, len(m.b)}}
	for len(queue) > 0 {
		q := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		alo, ahi, blo, bhi := q[0], q[1], q[2], q[3]
		i, j, k := m.longestMatch(a, alo, ahi, blo, bhi)
		if k == 0 {
			continue
		}
		matches += k
		if alo < i && blo < j {
			queue = append(queue, [4]int{alo, i, blo, j})
		}
		if i+k < ahi && j+k < bhi {
			queue = append(queue, [4]int{i + k, ahi, j + k, bhi})
		}
	}
	return 2.0 * float64(matches) / float64(t)
}

// longestMatch is find_longest_match: the longest a[i:i+k] == b[j:j+k] within the ranges,
// earliest in a, then earliest in b, extended over popular elements as difflib does.
func (m *matcher) longestMatch(a []rune, alo, ahi, blo, bhi int) (int, int, int) {
	besti, bestj, bestsize := alo, blo, 0
	j2len := map[int]int{}
	for i := alo; i < ahi; i++ {
		newj2len := map[int]int{}
		for _, j := range m.b2j[a[i]] {
			if j < blo {
				continue
			}
			if j >= bhi {
				break
			}
			k := j2len[j-1] + 1
			newj2len[j] = k
			if k > bestsize {
				besti, bestj, bestsize = i-k+1, j-k+1, k
			}
		}
		j2len = newj2len
	}
	// No element is junk (isjunk is None): these extend the match over popular elements.
	for besti > alo && bestj > blo && a[besti-1] == m.b[bestj-1] {
		besti, bestj, bestsize = besti-1, bestj-1, bestsize+1
	}
	for besti+bestsize < ahi && bestj+bestsize < bhi && a[besti+bestsize] == m.b[bestj+bestsize] {
		bestsize++
	}
	return besti, bestj, bestsize
}
