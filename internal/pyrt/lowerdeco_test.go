package pyrt

import "testing"

func TestFixDecoratedDefaults(t *testing.T) {
	cases := []struct{ in, want string }{
		{"@d\ndef f(a, b=None): pass\n", "@__pyrt_defaults__(d, (None,), {})\ndef f(a, b): pass\n"},
		{"@d\ndef f(a, *, k=1, j): pass\n", "@__pyrt_defaults__(d, (), {'k': 1})\ndef f(a, *, k, j): pass\n"},
		{"@d\ndef f(a, b=(1,\n 2)): pass\n", "@__pyrt_defaults__(d, ((1,2),), {})\ndef f(a, b\n): pass\n"},
		{"@d\ndef f(a): pass\n", "@d\ndef f(a): pass\n"},
		{"def f(a=1): pass\n", "def f(a=1): pass\n"},
	}
	checkLower(t, cases)
}

func TestFixKwonlyOrder(t *testing.T) {
	cases := []struct{ in, want string }{
		{"def f(a, *, k, j=1): pass\n", "def f(a, *, j=1, k): pass\n"},
		{"def f(a, *c, d, e=3, **g): pass\n", "def f(a, *c, e=3, d, **g): pass\n"},
		{"def f(*, j=1, k): pass\n", "def f(*, j=1, k): pass\n"},
		{"def f(*, k,\n j=1): pass\n", "def f(*, k,\n j=1): pass\n"},
	}
	checkLower(t, cases)
}
