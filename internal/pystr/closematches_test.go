package pystr

import (
	"encoding/json"
	"math/rand"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// CloseMatches gives what BitBake printed for these typos on upstream Isar.
func TestCloseMatchesBitBake(t *testing.T) {
	providers := []string{"hello", "hello-isar", "rust-hello-isar", "libhello", "cowsay", "isar-image-base",
		"bootconfig-rpi-efi", "bootconfig-rpi-efi-native", "bootconfig-qemuarm64"}
	for word, want := range map[string][]string{
		"hello-isr":      {"hello-isar", "hello", "rust-hello-isar"},
		"bootconfig-rpi": {"bootconfig-rpi-efi", "bootconfig-qemuarm64", "bootconfig-rpi-efi-native"},
		"zzz":            {},
	} {
		got := CloseMatches(word, providers, 3, 0.7)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", word, got, want)
		}
	}
}

// CloseMatches agrees with CPython's difflib on random words, with duplicates, ties and a
// word long enough for difflib's autojunk heuristic.
func TestCloseMatchesDifflib(t *testing.T) {
	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		t.Skip("needs CPython at /usr/bin/python3 to compare with difflib")
	}
	r := rand.New(rand.NewSource(7))
	word := func(n int) string {
		b := make([]rune, n)
		for i := range b {
			b[i] = []rune("abcde-é")[r.Intn(7)]
		}
		return string(b)
	}
	type tcase struct {
		Word string   `json:"word"`
		Poss []string `json:"poss"`
		N    int      `json:"n"`
		Cut  float64  `json:"cutoff"`
		Want []string `json:"want,omitempty"`
	}
	var cases []tcase
	for i := range 300 {
		c := tcase{Word: word(1 + r.Intn(12)), Poss: []string{}, N: 1 + r.Intn(4), Cut: []float64{0, 0.3, 0.6, 0.7}[r.Intn(4)]}
		if i%50 == 0 {
			c.Word = strings.Repeat(word(3), 80) // 240 elements: autojunk
		}
		for range r.Intn(12) {
			p := word(1 + r.Intn(12))
			if r.Intn(4) == 0 && len(c.Poss) > 0 {
				p = c.Poss[r.Intn(len(c.Poss))] // a duplicate
			}
			if i%50 == 0 {
				p = strings.Repeat(word(3), 70)
			}
			c.Poss = append(c.Poss, p)
		}
		cases = append(cases, c)
	}
	in, _ := json.Marshal(cases)
	py := `import difflib, json, sys
cases = json.load(sys.stdin)
for c in cases:
    c["want"] = difflib.get_close_matches(c["word"], c["poss"], c["n"], c["cutoff"])
json.dump(cases, sys.stdout)`
	cmd := exec.Command("/usr/bin/python3", "-c", py)
	cmd.Stdin = strings.NewReader(string(in))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	if err := json.Unmarshal(out, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		got := CloseMatches(c.Word, c.Poss, c.N, c.Cut)
		if !slices.Equal(got, c.Want) && !(len(got) == 0 && len(c.Want) == 0) {
			t.Errorf("get_close_matches(%q, %q, %d, %v) = %q, difflib %q", c.Word, c.Poss, c.N, c.Cut, got, c.Want)
		}
	}
}
