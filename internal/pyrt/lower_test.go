package pyrt

import (
	"strings"
	"testing"
)

func TestLower(t *testing.T) {
	cases := []struct{ in, want string }{
		{`x = f"a{b}c"`, `x = __pyrt_fjoin__("a", __pyrt_fmt__((b), '', ''), "c")`},
		{`x = f'{a!r:>{w}}'`, `x = __pyrt_fjoin__(__pyrt_fmt__((a), 'r', __pyrt_fjoin__('>', __pyrt_fmt__((w), '', ''))))`},
		{`x = {}`, `x = __pyrt_dict__()`},
		{`x = {1: 2, 'a': lambda y: y}`, `x = __pyrt_dict__(1, 2, 'a', lambda y: y)`},
		{`x = {k: v for k, v in s}`, `x = __pyrt_dictcomp__((k, v) for k, v in s)`},
		{`x = {1, *a}`, `x = __pyrt_set__(1, __pyrt_star__,a)`},
		{`x = {**a, 'b': 1}`, `x = __pyrt_dict__(__pyrt_star__,a, 'b', 1)`},
		{`x = [*a, 1]`, `x = __pyrt_list__(__pyrt_star__,a, 1)`},
		{`f(*a)`, `f(*a)`},
		{`x = "%s" % y`, `x = __pyrt_mod__("%s", y)`},
		{`x = a - b % c.d[1] * 2`, `x = a - __pyrt_mod__(b, c.d[1]) * 2`},
		{`x = -a % 3 + 1`, `x = __pyrt_mod__(-a, 3) + 1`},
		{`x = "a" "%s" % (1,)`, `x = __pyrt_mod__("a" "%s", (1,))`},
		{"class A(B):\n    def m(self):\n        super().m()\n", "class A(B):\n    def m(self):\n        super(A, self).m()\n"},
		{"x = f'''a\n{b}'''\ny = 1\n", "x = __pyrt_fjoin__('''a\n''', __pyrt_fmt__((b), '', ''))\ny = 1\n"},
		{`x = f"{d['k']}"`, `x = __pyrt_fjoin__(__pyrt_fmt__((d['k']), '', ''))`},
		{`if a + 1 < b and not c >= (1, 2): pass`, `if __pyrt_lt__(a + 1, b) and not __pyrt_ge__(c, (1, 2)): pass`},
		{`x = 1 < y < 3`, `x = 1 < y < 3`},
		{`f(key=lambda v: v < 2)`, `f(key=lambda v: __pyrt_lt__(v, 2))`},
		{"@a.b\ndef f(): pass\n", "@__pyrt_id__(a.b)\ndef f(): pass\n"},
		{"@a.b(1, (2))\ndef f(): pass\n", "@__pyrt_id__(a.b(1, (2)))\ndef f(): pass\n"},
		{"x: int = 5\n", "x = 5\n"},
		{"class A:\n    pn: str\n", "class A:\n    pass\n"},
		{"self.v: List[int] = []\n", "self.v = []\n"},
		{"def f(a, *, b=1,\n):\n    pass\n", "def f(a, *, b=1\n):\n    pass\n"},
		{"f(a, **kw,)\n", "f(a, **__pyrt_kw__(kw))\n"},
		{"f(\"%s\"\n  % x,\n  a\n  < b)\n", "f(__pyrt_mod__(\"%s\",\n x),\n  __pyrt_lt__(a,\n b))\n"},
		{"x = eval(s)\nexec(c, g)\n", "x = __pyrt_eval__(globals(), locals(), s)\n__pyrt_exec__(globals(), locals(), c, g)\n"},
		{"x = d.eval(s) + eval(\n  s)\n", "x = d.eval(s) + __pyrt_eval__(globals(), locals(), \n  s)\n"},
		{"class D:\n    def eval(self, s):\n        return eval(s)\n", "class D:\n    def eval(self, s):\n        return __pyrt_eval__(globals(), locals(), s)\n"},
		{"def eval(s):\n    pass\nx = eval(s)\n", "def eval(s):\n    pass\nx = eval(s)\n"},
		{"f = eval\nx = eval(s) + exec(t)\n", "f = eval\nx = eval(s) + __pyrt_exec__(globals(), locals(), t)\n"},
	}
	checkLower(t, cases)
}

// checkLower lowers each case's source and compares with its want; lowering keeps every
// line where it was.
func checkLower(t *testing.T, cases []struct{ in, want string }) {
	t.Helper()
	for _, c := range cases {
		got, err := Lower(c.in, "t.py")
		if err != nil {
			t.Errorf("Lower(%q): %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("Lower(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
		if strings.Count(got, "\n") != strings.Count(c.in, "\n") {
			t.Errorf("Lower(%q) changed the line count", c.in)
		}
	}
}
