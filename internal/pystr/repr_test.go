package pystr

import "testing"

// Expected values are CPython 3.11's repr() of the same strings.
func TestRepr(t *testing.T) {
	cases := map[string]string{
		"plain":         `'plain'`,
		"it's":          `"it's"`,
		`both ' and "`:  `'both \' and "'`,
		"tab\tnl\ncr\r": `'tab\tnl\ncr\r'`,
		"back\\slash":   `'back\\slash'`,
		"\x01\x7f":      `'\x01\x7f'`,
		"é\u00a0\u200b": `'é\xa0\u200b'`,
		"\U0001F600ok":  "'\U0001F600ok'",
		"\U000E0001":    `'\U000e0001'`,
	}
	for in, want := range cases {
		if got := Repr(in); got != want {
			t.Errorf("Repr(%q) = %s, want %s", in, got, want)
		}
	}
}
