package pyrt

import "testing"

// A dict getVarFlags returns over a FlagViewer's view behaves as the same dict made
// eagerly, whatever the program does with it first.
func TestFlagsDictIsADict(t *testing.T) {
	r := newTestRuntime(t)
	d := NewMemStore()
	for _, f := range []Flag{{"task", "1"}, {"a", "1"}, {"b", "2"}} {
		if err := d.SetVarFlag("T", f.Name, f.Value); err != nil {
			t.Fatal(err)
		}
	}
	eval := func(expr string) string {
		t.Helper()
		got, err := evalInline(t, r, d, expr)
		if err != nil {
			return "error: " + err.Error()
		}
		return got
	}
	if got := eval("type(d.getVarFlags('T')).__name__"); got != "dict" {
		t.Fatalf("type of getVarFlags' dict: %s", got)
	}
	if got := eval("repr(d.getVarFlags('NONE'))"); got != "None" {
		t.Errorf("getVarFlags of a variable without flags: %s", got)
	}
	uses := []string{
		"f", "str(f)", "len(f)", "bool(f)", "not f", "'a' in f", "'zz' in f", "1 in f",
		"f.get('a')", "f.get('zz')", "f.get('zz', 'def')", "f.get(1)", "f['b']", "f['zz']",
		"f[[]]", "[] in f", "f.get([])",
		"list(f)", "sorted(f)", "[k for k in f]", "list(f.keys())", "list(f.values())",
		"list(f.items())", "'b' in f.keys()", "len(f.items())",
		"f == {'a': '1', 'b': '2', 'task': '1'}", "{'a': '1', 'b': '2', 'task': '1'} == f",
		"f == {'a': 'X', 'b': '2', 'task': '1'}", "f != {}", "f == f.copy()", "f.copy()", "dict(f)", "dict(f, c='3')", "f | {'z': '1'}",
		"{**f}", "'%(a)s-%(b)s' % f",
		"(f.pop('a'), f)", "(f.pop('zz', 0), f)", "(f.popitem(), f)", "(f.setdefault('c', '3'), f)",
		"(f.update(x='9'), f)", "(f.update({'a': 'A'}), f)", "(f.clear(), f)",
		"(f.__setitem__('a', 'x'), f)", "(f.__setitem__('n', 'x'), f)", "(f.__delitem__('b'), f)",
		"(f.__delitem__('zz'), f)",
	}
	for _, use := range uses {
		lazy := eval("repr((lambda f: " + use + ")(d.getVarFlags('T')))")
		// MemStore lists flags sorted.
		eager := eval("repr((lambda f: " + use + ")({'a': '1', 'b': '2', 'task': '1'}))")
		if lazy != eager {
			t.Errorf("%s: getVarFlags' dict gives %s, a dict gives %s", use, lazy, eager)
		}
	}
}
