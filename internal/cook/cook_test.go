package cook

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gobake/gobake/internal/data"
	"github.com/rogpeppe/go-internal/txtar"
)

// layout writes a txtar archive (from testdata/cases or inline text) into a temporary
// directory and returns it.
func layout(t testing.TB, archive []byte) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse(archive).Files {
		p := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func caseDir(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "cases", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	return layout(t, b)
}

type warnings struct{ msgs []string }

func (w *warnings) Warn(msg string) { w.msgs = append(w.msgs, msg) }

func cooker(t testing.TB, build string, env map[string]string) (*Cooker, error) {
	t.Helper()
	c := New(Options{Parser: MetadataParser{}, Env: env, Dir: build, Jobs: 2, Log: &warnings{}})
	return c, c.ParseConfiguration()
}

func getVar(t testing.TB, c *Cooker, target, name string) string {
	t.Helper()
	d, err := c.Environment(target)
	if err != nil {
		t.Fatalf("Environment(%q): %v", target, err)
	}
	v, _, err := d.Get(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

func TestLayersAndCollections(t *testing.T) {
	dir := caseDir(t, "layers")
	c, err := cooker(t, filepath.Join(dir, "build"), map[string]string{"BB_ENV_PASSTHROUGH_ADDITIONS": "FROM_ENV", "FROM_ENV": "yes", "NOT_PASSED": "no"})
	if err != nil {
		t.Fatal(err)
	}
	col := c.Collections[""]
	var layers []string
	for _, l := range col.Layers {
		layers = append(layers, l.Name+"="+string(rune('0'+l.Priority)))
	}
	if want := []string{"high=4", "low=3"}; !slices.Equal(layers, want) {
		t.Errorf("layers = %v, want %v (high's priority computed from LAYERDEPENDS)", layers, want)
	}
	rel := func(l []string) []string {
		out := make([]string, len(l))
		for i, f := range l {
			out[i], _ = filepath.Rel(dir, f)
		}
		return out
	}
	if got, want := rel(col.Files), []string{"low/recipes/a_1.0.bb", "low/recipes/a_2.0.bb", "high/recipes/a_1.5.bb"}; !slices.Equal(got, want) {
		t.Errorf("files = %v, want %v", got, want)
	}
	if col.Masked != 1 {
		t.Errorf("masked = %d, want 1", col.Masked)
	}
	if got, want := rel(col.AppendsFor(filepath.Join(dir, "high/recipes/a_1.5.bb"))), []string{"high/recipes/a_%.bbappend", "high/recipes/a_1.5.bbappend"}; !slices.Equal(got, want) {
		t.Errorf("appends of a_1.5 = %v, want %v", got, want)
	}
	if got := getVar(t, c, "", "FROM_ENV"); got != "yes" {
		t.Errorf("FROM_ENV = %q, want it passed through", got)
	}
	if got := getVar(t, c, "", "NOT_PASSED"); got != "" {
		t.Errorf("NOT_PASSED = %q, want it filtered out", got)
	}
	// The higher layer's recipe wins over the higher version in the lower layer.
	if got := getVar(t, c, "a", "A") + " " + getVar(t, c, "a", "PV"); got != "high 1.5" {
		t.Errorf("a: A PV = %q, want high 1.5", got)
	}
	if got := getVar(t, c, "a", "APPENDED"); got != " pct exact" {
		t.Errorf("APPENDED = %q, want both bbappends in order", got)
	}
	if got := getVar(t, c, "mc:other:a", "MACHINE"); got != "m2" {
		t.Errorf("mc:other:a MACHINE = %q, want m2", got)
	}
	if got := getVar(t, c, "a", "MACHINE"); got != "m1" {
		t.Errorf("a MACHINE = %q, want m1", got)
	}
	if got := getVar(t, c, "", "LAYERSERIES_COMPAT_high"); got != "one" {
		t.Errorf("LAYERSERIES_COMPAT_high = %q", got)
	}
	idx, err := c.ParseAll("")
	if err != nil {
		t.Fatal(err)
	}
	rows := c.Versions(idx)
	if len(rows) != 1 || rows[0].PN != "a" || rows[0].Latest.PV != "1.5" {
		t.Errorf("versions = %+v, want a latest 1.5 (highest priority layer)", rows)
	}
}

func TestPreferredVersion(t *testing.T) {
	dir := caseDir(t, "layers")
	conf := filepath.Join(dir, "build", "conf", "bblayers.conf")
	b, _ := os.ReadFile(conf)
	if err := os.WriteFile(conf, append(b, "PREFERRED_VERSION_a = \"2.%\"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := cooker(t, filepath.Join(dir, "build"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := getVar(t, c, "a", "PV"); got != "2.0" {
		t.Errorf("PV = %q, want 2.0 chosen by PREFERRED_VERSION 2.%%", got)
	}
}

const errBase = `-- build/conf/bblayers.conf --
BBPATH = "${TOPDIR}"
BBLAYERS = "${TOPDIR}/../l"
-- l/conf/layer.conf --
BBPATH .= ":${LAYERDIR}"
BBFILES += "${LAYERDIR}/*.bb"
BBFILE_COLLECTIONS += "l"
BBFILE_PATTERN_l = "^${LAYERDIR}/"
LAYERSERIES_CORENAMES = "one"
LAYERSERIES_COMPAT_l = "one"
-- l/classes/base.bbclass --
`

// TestErrors checks that metadata errors name the file and line BitBake names.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, files, target, want string
	}{
		{"require", "-- l/conf/bitbake.conf --\nA = \"1\"\nrequire conf/missing.conf\n", "",
			"l/conf/bitbake.conf:2: Could not include required file conf/missing.conf"},
		{"include is optional", "-- l/conf/bitbake.conf --\ninclude conf/missing.conf\nBBMASK = \"x\"\n", "", ""},
		{"inherit", "-- l/conf/bitbake.conf --\n-- l/r.bb --\nPN = \"r\"\n\ninherit nosuch\n", "r",
			"l/r.bb:3: Could not inherit file classes/nosuch.bbclass"},
		{"syntax", "-- l/conf/bitbake.conf --\nA = \"1\"\nthis is not metadata\n", "", "l/conf/bitbake.conf:2"},
		{"series", "-- l/conf/bitbake.conf --\n-- l/conf/layer.conf --\nBBFILE_COLLECTIONS += \"l\"\nBBFILE_PATTERN_l = \"x\"\nLAYERSERIES_CORENAMES = \"one\"\nLAYERSERIES_COMPAT_l = \"two\"\n", "",
			"Layer l is not compatible with the core layer which only supports these series: one (layer is compatible with two)"},
		{"layerdepends", "-- l/conf/bitbake.conf --\nLAYERDEPENDS_l = \"core\"\n", "",
			"Layer 'l' depends on layer 'core', but this layer is not enabled"},
		{"no provider", "-- l/conf/bitbake.conf --\n-- l/r.bb --\nPN = \"r\"\n", "nosuch", "Nothing PROVIDES 'nosuch'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := layout(t, []byte(errBase+tc.files))
			c, err := cooker(t, filepath.Join(dir, "build"), nil)
			if err == nil {
				_, err = c.Environment(tc.target)
			}
			if tc.want == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.want)
			}
			var pe *ParseError
			if strings.Contains(tc.want, ".conf:") || strings.Contains(tc.want, ".bb:") {
				if !errors.As(err, &pe) {
					t.Errorf("%v is not a *ParseError", err)
				}
			}
		})
	}
}

// TestTasksAndExportFunctions checks addtask/deltask bookkeeping and EXPORT_FUNCTIONS.
func TestTasksAndExportFunctions(t *testing.T) {
	dir := layout(t, []byte(errBase+`-- l/conf/bitbake.conf --
-- l/classes/base.bbclass --
base_do_compile() {
	make
}
python base_do_install() {
    pass
}
EXPORT_FUNCTIONS do_compile do_install
addtask fetch
addtask compile after do_fetch
addtask install after do_compile before do_build
addtask build
do_build[noexec] = "1"
-- l/r.bb --
PN = "r"
do_install() {
	own
}
addtask patch after do_fetch before do_compile
deltask do_fetch
`))
	c, err := cooker(t, filepath.Join(dir, "build"), nil)
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.Environment("r")
	if err != nil {
		t.Fatal(err)
	}
	td, _ := d.GetVar("_task_deps", false)
	want := "{'tasks': ['do_compile', 'do_install', 'do_build', 'do_patch'], 'parents': {'do_compile': ['do_patch'], 'do_install': ['do_compile'], 'do_build': ['do_install'], 'do_patch': []}, 'mcdepends': {}, 'depends': {}, 'rdepends': {}, 'deptask': {}, 'rdeptask': {}, 'recrdeptask': {}, 'recideptask': {}, 'nostamp': {}, 'fakeroot': {}, 'noexec': {'do_build': '1'}, 'umask': {}}"
	if got := textOr(td); got != want {
		t.Errorf("_task_deps =\n%s\nwant\n%s", got, want)
	}
	if got, _, _ := d.Get("do_compile"); got != "    # Export function set\n    base_do_compile\n" {
		t.Errorf("do_compile = %q, want the exported stub", got)
	}
	if got, _, _ := d.Get("do_install"); got != "\town\n" {
		t.Errorf("do_install = %q, want the recipe's own body", got)
	}
}

// TestInvalidConf checks that a ConfigParsed handler setting BB_INVALIDCONF makes the
// configuration be parsed again.
func TestInvalidConf(t *testing.T) {
	dir := layout(t, []byte(errBase+`-- l/conf/bitbake.conf --
-- l/classes/base.bbclass --
python count_handler() {
    n = int(getattr(bb, 'gobake_test_reparses', 0)) + 1
    bb.gobake_test_reparses = n
    e.data.setVar('PARSES', str(n))
    if n < 3:
        e.data.setVar('BB_INVALIDCONF', True)
}
addhandler count_handler
count_handler[eventmask] = "bb.event.ConfigParsed"
`))
	c := New(Options{Parser: MetadataParser{}, Python: testPython(t), Dir: filepath.Join(dir, "build"), Jobs: 1, Log: &warnings{}})
	if err := c.ParseConfiguration(); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := c.Base.Get("PARSES"); got != "3" {
		t.Errorf("PARSES = %q, want 3 (parsed again while BB_INVALIDCONF was set)", got)
	}
}

// TestRequiredVersion checks REQUIRED_VERSION: it wins over PREFERRED_VERSION, and a missing
// required version leaves no provider.
func TestRequiredVersion(t *testing.T) {
	for _, tc := range []struct{ conf, want string }{
		{"PREFERRED_VERSION_a = \"2.%\"\nREQUIRED_VERSION_a = \"1.0\"\n", "1.0"},
		{"PREFERRED_VERSION:pn-a = \"1.0\"\nPREFERRED_VERSION_a = \"2.0\"\n", "1.0"},
		{"REQUIRED_VERSION_a = \"9\"\n", ""},
	} {
		dir := caseDir(t, "layers")
		conf := filepath.Join(dir, "build", "conf", "bblayers.conf")
		b, _ := os.ReadFile(conf)
		// The lower layer's recipes are the only candidates when the higher one is masked.
		if err := os.WriteFile(conf, append(b, []byte("BBMASK += \"/high/\"\n"+tc.conf)...), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := cooker(t, filepath.Join(dir, "build"), nil)
		if err != nil {
			t.Fatal(err)
		}
		d, err := c.Environment("a")
		if tc.want == "" {
			if err == nil {
				t.Errorf("%q: got a provider, want none", tc.conf)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", tc.conf, err)
		}
		if got, _, _ := d.Get("PV"); got != tc.want {
			t.Errorf("%q: PV = %q, want %q", tc.conf, got, tc.want)
		}
	}
}

// TestIncludeAll checks include_all: the file from every BBPATH entry, in BBPATH order.
func TestIncludeAll(t *testing.T) {
	dir := layout(t, []byte(errBase+`-- l/conf/bitbake.conf --
include_all conf/part.conf
-- build/conf/part.conf --
PARTS .= "build "
-- l/conf/part.conf --
PARTS .= "layer "
`))
	c, err := cooker(t, filepath.Join(dir, "build"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, _, _ := c.Base.Get("PARTS"); got != "build layer " {
		t.Errorf("PARTS = %q, want both parts in BBPATH order", got)
	}
}

// Metadata Python sees one d per datastore, as BitBake's d is one object: inline
// expressions and anonymous functions over the same recipe get the same object.
func TestOneDataObjectPerStore(t *testing.T) {
	d := pythonEnv(t, `-- l/conf/bitbake.conf --
-- l/r.bb --
PN = "r"
A = "${@id(d)}"
B = "${@id(d)}"
python () {
    d.setVar('ANON', str(id(d)))
}
`, "r")
	get := func(name string) string {
		v, _, err := d.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	a, b, anon := get("A"), get("B"), get("ANON")
	if strings.HasPrefix(a, "$") || a != b {
		t.Errorf("inline d: %q and %q", a, b)
	}
	if anon != a {
		t.Errorf("anonymous function's d %q, inline d %q", anon, a)
	}
}

// bb.data.inherits_class answers from the cooker's list of inherited classes, wherever
// the class lives; a list metadata Python stored itself is read as Python sees it.
func TestInheritsClass(t *testing.T) {
	d := pythonEnv(t, `-- l/conf/bitbake.conf --
-- l/classes-recipe/native.bbclass --
-- l/classes/other.bbclass --
-- l/r.bb --
PN = "r"
inherit native other
python () {
    d.setVar('IC', ' '.join(str(bb.data.inherits_class(k, d)) for k in ('native', 'other', 'ative', 'base', 'classes-recipe/native')))
    e = d.createCopy()
    e.setVar('__inherit_cache', ['/x/own.bbclass'])
    d.setVar('OWN', ' '.join(str(bb.data.inherits_class(k, e)) for k in ('own', 'native')))
}
`, "r")
	for name, want := range map[string]string{"IC": "True True False True True", "OWN": "True False"} {
		if got, _, _ := d.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

// pythonEnv lays out errBase and archive, and returns the environment of target as
// `gobake -e` shows it, with metadata Python run.
func pythonEnv(t *testing.T, archive, target string) *data.Store {
	t.Helper()
	dir := layout(t, []byte(errBase+archive))
	c := New(Options{Parser: MetadataParser{}, Python: testPython(t), Dir: filepath.Join(dir, "build"), Jobs: 1, Log: &warnings{}})
	if err := c.ParseConfiguration(); err != nil {
		t.Fatal(err)
	}
	d, err := c.Environment(target)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// gobake -e stops where bitbake -e's buildTaskData does on the target's own [mcdepends]
// naming a multiconfig that is not configured, with its message.
func TestEnvironmentMCDepends(t *testing.T) {
	dir := layout(t, []byte(errBase+`-- l/conf/bitbake.conf --
-- l/r.bb --
PN = "r"
do_build() {
	:
}
addtask build
do_build[mcdepends] = "mc::nowhere:other:do_build"
`))
	c, err := cooker(t, filepath.Join(dir, "build"), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Environment("r")
	want := "Multiconfig dependency mc::nowhere:other:do_build depends on nonexistent multiconfig configuration named configuration nowhere"
	if err == nil || err.Error() != want {
		t.Errorf("-e r: error %v, want %q", err, want)
	}
}
