package siggen

import (
	"reflect"
	"strings"
	"testing"

	"github.com/gobake/gobake/internal/data"
)

func recipe(t *testing.T, vars map[string]string, flags map[string]map[string]string) *data.Store {
	t.Helper()
	d := data.New()
	in := data.Info{File: "r.bb", Line: 1}
	for k, v := range vars {
		if err := d.SetVar(k, v, in); err != nil {
			t.Fatal(err)
		}
	}
	for k, fl := range flags {
		for f, v := range fl {
			if err := d.SetVarFlag(k, f, v, in); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := d.SetVar("__BBTASKS", taskList{"do_compile", "do_configure"}, data.Info{Ignore: true}); err != nil {
		t.Fatal(err)
	}
	return d
}

func base() (map[string]string, map[string]map[string]string) {
	vars := map[string]string{
		"do_compile":              "helper ${CFLAGS}\nmake",
		"helper":                  "echo ${HELPER_MSG}",
		"do_configure":            "    cfg = d.getVar('CONF_OPTS')\n    bb.note(cfg)\n",
		"CFLAGS":                  "${OPT} -g",
		"OPT":                     "-O2",
		"HELPER_MSG":              "hi",
		"CONF_OPTS":               "--with-x ${@d.getVar('CONF_EXTRA').lower()}",
		"CONF_EXTRA":              "--X",
		"UNRELATED":               "x",
		"TMPDIR":                  "/tmp/a",
		"EXPORTED":                "e",
		"BB_BASEHASH_IGNORE_VARS": "TMPDIR",
	}
	flags := map[string]map[string]string{
		"do_compile":   {"func": "1", "task": "1"},
		"helper":       {"func": "1"},
		"do_configure": {"func": "1", "python": "1", "task": "1"},
		"EXPORTED":     {"export": "1"},
	}
	return vars, flags
}

func hashes(t *testing.T, edit func(map[string]string, map[string]map[string]string)) map[string]*Sig {
	t.Helper()
	vars, flags := base()
	if edit != nil {
		edit(vars, flags)
	}
	sigs, err := BaseHashes(recipe(t, vars, flags))
	if err != nil {
		t.Fatal(err)
	}
	return sigs
}

func TestDependencies(t *testing.T) {
	sigs := hashes(t, nil)
	want := []string{"CFLAGS", "EXPORTED", "HELPER_MSG", "OPT", "helper"}
	if got := sigs["do_compile"].Deps; !reflect.DeepEqual(got, want) {
		t.Errorf("do_compile deps: got %v want %v", got, want)
	}
	if got := sigs["do_configure"].Deps; !reflect.DeepEqual(got, []string{"CONF_EXTRA", "CONF_OPTS"}) {
		t.Errorf("do_configure deps: %v", got)
	}
	if !strings.Contains(sigs["do_compile"].SigData(), "OPT \"-O2\"\n") {
		t.Errorf("sigdata lacks OPT:\n%s", sigs["do_compile"].SigData())
	}
}

func TestHashChangesOnlyWithDependencies(t *testing.T) {
	ref := hashes(t, nil)
	cases := []struct {
		name            string
		edit            func(map[string]string, map[string]map[string]string)
		compile, config bool // whether each hash must change
	}{
		{"indirect variable", func(v map[string]string, _ map[string]map[string]string) { v["OPT"] = "-O3" }, true, false},
		{"called shell function", func(v map[string]string, _ map[string]map[string]string) { v["HELPER_MSG"] = "bye" }, true, false},
		{"python getVar", func(v map[string]string, _ map[string]map[string]string) { v["CONF_OPTS"] = "--without-x" }, false, true},
		{"read by inline python", func(v map[string]string, _ map[string]map[string]string) { v["CONF_EXTRA"] = "--Y" }, false, true},
		{"unrelated variable", func(v map[string]string, _ map[string]map[string]string) { v["UNRELATED"] = "y" }, false, false},
		{"ignored variable", func(v map[string]string, _ map[string]map[string]string) {
			v["CFLAGS"] = "${OPT} -g ${TMPDIR}"
			v["TMPDIR"] = "/elsewhere"
		}, true, false},
		{"exported variable", func(v map[string]string, _ map[string]map[string]string) { v["EXPORTED"] = "f" }, true, false},
	}
	for _, c := range cases {
		got := hashes(t, c.edit)
		if changed := got["do_compile"].BaseHash != ref["do_compile"].BaseHash; changed != c.compile {
			t.Errorf("%s: do_compile hash changed=%v, want %v", c.name, changed, c.compile)
		}
		if changed := got["do_configure"].BaseHash != ref["do_configure"].BaseHash; changed != c.config {
			t.Errorf("%s: do_configure hash changed=%v, want %v", c.name, changed, c.config)
		}
	}
	// Excluding OPT and CFLAGS (OPT alone is still reached through CFLAGS), then changing OPT,
	// leaves the hash alone.
	excl := func(v map[string]string, f map[string]map[string]string) {
		f["do_compile"]["vardepsexclude"] = "OPT CFLAGS"
	}
	a := hashes(t, excl)
	b := hashes(t, func(v map[string]string, f map[string]map[string]string) { excl(v, f); v["OPT"] = "-Os" })
	if a["do_compile"].BaseHash != b["do_compile"].BaseHash {
		t.Error("change of an excluded variable changed the hash")
	}
}

// taskList is how the cooker stores __BBTASKS: a named []string type.
type taskList []string
