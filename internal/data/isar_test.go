package data

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// memoPython answers ${@...} with the results upstream BitBake produced for the same
// code; code with several different results cannot be replayed.
type memoPython map[string][]string

var errAmbiguous = fmt.Errorf("python code with several recorded results")

func (m memoPython) EvalInline(d *Store, varname, code string, refs *Refs) (string, error) {
	res, ok := m[code]
	if !ok || len(res) != 1 {
		return "", fmt.Errorf("%q: %w", code, errAmbiguous)
	}
	if typ, msg, ok := strings.Cut(res[0], "\n"); ok && strings.HasPrefix(typ, "!") {
		return "", &pyErr{typ[1:], msg}
	}
	return res[0], nil
}

type isarDump struct {
	Error  string               `json:"error"`
	State  [][2]json.RawMessage `json:"state"`
	Keys   []string             `json:"keys"`
	Values map[string]any       `json:"values"`
	Python map[string][]string  `json:"python"`
	Emit   map[string]any       `json:"emit"`
	Store  int                  `json:"store"`
}

// isarRecipes are parsed (with the base configuration) for TestIsarConfig.
var isarRecipes = []string{
	"meta-isar/recipes-app/hello-isar/hello-isar.bb",
	"meta-isar/recipes-app/cowsay/cowsay_git.bb",
	"meta-isar/recipes-app/example-raw/example-raw_0.3.bb",
	"meta-isar/recipes-core/images/isar-image-base.bb",
	"meta/recipes-devtools/sbuild-chroot/sbuild-chroot-target.bb",
	"meta/recipes-kernel/linux/linux-distro.bb",
	"mc:qemuamd64-bookworm:meta-isar/recipes-app/hello-isar/hello-isar.bb",
	"mc:qemuarm64-bookworm:meta-isar/recipes-core/images/isar-image-base.bb",
}

// TestIsarConfig loads the configuration upstream BitBake parsed from Isar (base and two
// multiconfigs) and a few parsed recipes into a Store, flag by flag, and checks that every variable reads back
// with the value BitBake computes: real OVERRIDES, :append/:remove and weak defaults.
// runIsarOracle parses Isar's configuration and isarRecipes with upstream BitBake
// (testdata/isarconfig.py) and returns what it recorded; it skips without GOBAKE_ISAR.
func runIsarOracle(t testing.TB) isarOut {
	isar := os.Getenv("GOBAKE_ISAR")
	if isar == "" {
		t.Skip("GOBAKE_ISAR not set: needs an upstream Isar checkout to parse its configuration with BitBake")
	}
	if testing.Short() {
		t.Skip("runs upstream BitBake")
	}
	build := t.TempDir()
	conf := filepath.Join(build, "conf")
	if err := os.MkdirAll(conf, 0o755); err != nil {
		t.Fatal(err)
	}
	layers := fmt.Sprintf("BBPATH = \"${TOPDIR}\"\nBBFILES ?= \"\"\nBBLAYERS ?= \"%s/meta %s/meta-isar\"\n", isar, isar)
	local, err := os.ReadFile(filepath.Join(isar, "meta-isar/conf/local.conf.sample"))
	if err != nil {
		t.Fatal(err)
	}
	local = append(local, "\nBBMULTICONFIG = \"qemuamd64-bookworm qemuarm64-bookworm\"\n"...)
	if err := os.WriteFile(filepath.Join(conf, "bblayers.conf"), []byte(layers), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(conf, "local.conf"), local, 0o644); err != nil {
		t.Fatal(err)
	}
	script, _ := filepath.Abs("testdata/isarconfig.py")
	out := filepath.Join(build, "dump.json")
	args := []string{script, filepath.Join(isar, "bitbake/lib"), build, out}
	for _, r := range isarRecipes {
		if mc, path, ok := strings.Cut(strings.TrimPrefix(r, "mc:"), ":"); ok && strings.HasPrefix(r, "mc:") {
			args = append(args, "mc:"+mc+":"+filepath.Join(isar, path))
			continue
		}
		args = append(args, filepath.Join(isar, r))
	}
	cmd := exec.Command("/usr/bin/python3", args...)
	cmd.Dir = build
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("isarconfig.py: %v\n%s", err, b)
	}
	var res isarOut
	readJSON(t, out, &res)
	return res
}

func TestIsarConfig(t *testing.T) {
	res := runIsarOracle(t)
	dumps := res.Stores
	if len(dumps) != 3+len(isarRecipes) {
		t.Fatalf("got %d datastores, want base + 2 multiconfigs + %d recipes", len(dumps), len(isarRecipes))
	}
	for name, dump := range dumps {
		t.Run(name, func(t *testing.T) {
			if dump.Error != "" {
				t.Skipf("BitBake could not parse it outside a full cooker: %s", dump.Error)
			}
			t.Run("loaded", func(t *testing.T) { checkIsarDump(t, dump) })
		})
	}
	t.Run("replayed", func(t *testing.T) { replayIsar(t, res) })
}

type isarOut struct {
	Stores map[string]isarDump  `json:"stores"`
	Trace  [][4]json.RawMessage `json:"trace"`
	// Python holds the ${@...} results per traced store.
	Python map[string]map[string][]string `json:"python"`
}

// opaque stands for a Python value the trace could not carry (lists of tuples,
// datastores...).
type opaque struct{ typ string }

func (o opaque) String() string { return "<" + o.typ + ">" }

func traceValue(raw any) (any, bool) {
	switch x := raw.(type) {
	case float64:
		return int(x), true
	case map[string]any:
		if l, ok := x["strlist"].([]any); ok {
			out := make([]string, len(l))
			for i, e := range l {
				out[i], _ = e.(string)
			}
			return out, true
		}
		t, _ := x["opaque"].(string)
		return opaque{t}, false
	}
	return raw, true
}

// traceInfo turns a traced loginfo into Info.
func traceInfo(li map[string]any, parsing bool) Info {
	in := Info{Parsing: parsing}
	in.File, _ = li["file"].(string)
	if l, ok := li["line"].(float64); ok {
		in.Line = int(l)
	}
	in.Func, _ = li["func"].(string)
	in.Op, _ = li["op"].(string)
	if det, ok := li["detail"]; ok {
		in.Detail, _ = traceValue(det)
		if in.Detail == nil {
			in.Detail = "None"
		}
	}
	in.Ignore, _ = li["ignore"].(bool)
	return in
}

// traceOp is one recorded DataSmart call.
type traceOp struct {
	op    string
	id    int
	args  map[string]any
	bbErr string
}

func decodeTrace(res isarOut) []traceOp {
	ops := make([]traceOp, len(res.Trace))
	for i, rec := range res.Trace {
		json.Unmarshal(rec[0], &ops[i].op)
		json.Unmarshal(rec[1], &ops[i].id)
		json.Unmarshal(rec[2], &ops[i].args)
		json.Unmarshal(rec[3], &ops[i].bbErr)
	}
	return ops
}

// replayTrace makes the recorded calls on fresh stores. It returns the stores by trace
// id, the variables given values the trace could not carry, and the calls that failed
// here although they succeeded in BitBake.
func replayTrace(ops []traceOp, python map[string]map[string][]string, history bool) (map[int]*Store, map[string]bool, []string) {
	stores := map[int]*Store{}
	py := func(id int) memoPython { return memoPython(python[strconv.Itoa(id)]) }
	opaqueVars := map[string]bool{}
	var failed []string
	for i, rec := range ops {
		op, id, args := rec.op, rec.id, rec.args
		if op == "new" {
			d := New()
			d.Python = py(id)
			stores[id] = d
			continue
		}
		d := stores[id]
		s := func(k string) string { v, _ := args[k].(string); return v }
		b := func(k string) bool { v, _ := args[k].(bool); return v }
		val := func(k string) any {
			v, ok := traceValue(args[k])
			if !ok {
				opaqueVars[s("var")] = true
			}
			return v
		}
		ign := Info{Ignore: true, Parsing: b("parsing")}
		if li, ok := args["loginfo"].(map[string]any); ok {
			ign = traceInfo(li, b("parsing"))
		}
		var err error
		switch op {
		case "setVar":
			err = d.SetVar(s("var"), val("value"), ign)
		case "setVarFlag":
			err = d.SetVarFlag(s("var"), s("flag"), val("value"), ign)
		case "setVarFlags":
			var fl []Flag
			m, _ := args["flags"].(map[string]any)
			pairs, _ := m["dict"].([]any)
			for _, p := range pairs {
				kv := p.([]any)
				v, _ := traceValue(kv[1])
				fl = append(fl, Flag{kv[0].(string), v})
			}
			d.SetVarFlags(s("var"), fl, ign)
		case "delVar":
			d.DelVar(s("var"), ign)
		case "delVarFlag":
			d.DelVarFlag(s("var"), s("flag"), ign)
		case "delVarFlags":
			d.DelVarFlags(s("var"), ign)
		case "renameVar":
			err = d.RenameVar(s("key"), s("newkey"), ign)
		case "appendVar":
			err = d.AppendVar(s("var"), val("value"), ign)
		case "prependVar":
			err = d.PrependVar(s("var"), val("value"), ign)
		case "appendVarFlag":
			err = d.AppendVarFlag(s("var"), s("flag"), s("value"), ign)
		case "prependVarFlag":
			err = d.PrependVarFlag(s("var"), s("flag"), s("value"), ign)
		case "enableTracking":
			if history {
				d.EnableTracking()
			}
		case "initVar":
			d.InitVar(s("var"))
		case "createCopy":
			var child int
			if f, ok := args["child"].(float64); ok {
				child = int(f)
			}
			stores[child] = d.CreateCopy()
			stores[child].Python = py(child)
		case "getVar":
			_, err = d.GetVarOpt(s("var"), b("expand"), b("noweakdefault"), b("parsing"))
		case "getVarFlag":
			if s("flag") == "_content" {
				_, err = d.GetVarOpt(s("var"), b("expand"), b("noweakdefault"), b("parsing"))
			} else {
				_, err = d.GetVarFlagOpt(s("var"), s("flag"), b("expand"), b("noweakdefault"))
			}
		case "expand":
			_, err = d.Expand(s("s"), s("varname"))
		case "expandWithRefs":
			_, err = d.ExpandWithRefs(args["s"], s("varname"))
		case "getVarFlags":
			var ex []string
			if l, ok := args["expand"].(map[string]any); ok {
				for _, e := range l["strlist"].([]any) {
					ex = append(ex, e.(string))
				}
			}
			_, err = d.GetVarFlags(s("var"), ex, b("internalflags"))
		case "keys":
			_, err = d.Keys()
		default:
			err = fmt.Errorf("unknown trace op %q", op)
		}
		if err != nil && rec.bbErr == "" && !strings.Contains(err.Error(), errAmbiguous.Error()) {
			failed = append(failed, fmt.Sprintf("trace op %d %s %v: %v (BitBake succeeded)", i, op, args, err))
		}
	}
	return stores, opaqueVars, failed
}

// replayIsar makes the same datastore calls BitBake made while parsing the configuration
// and the recipes, then compares the resulting stores with what BitBake read from its own.
func replayIsar(t *testing.T, res isarOut) {
	stores, opaqueVars, failed := replayTrace(decodeTrace(res), res.Python, true)
	for _, f := range failed {
		t.Log(f)
	}
	if len(failed) > 0 {
		t.Errorf("%d traced calls failed here but not in BitBake", len(failed))
	}
	for _, name := range sortedKeys(res.Stores) {
		dump := res.Stores[name]
		if dump.Error != "" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			d := stores[dump.Store]
			if d == nil {
				t.Fatalf("store %d not in the trace", dump.Store)
			}
			d.Python = memoPython(dump.Python)
			compareStore(t, d, dump, opaqueVars, opaqueVars, true)
		})
	}
}

func checkIsarDump(t *testing.T, dump isarDump) {
	d := New()
	d.Python = memoPython(dump.Python)
	skip, noValue := map[string]bool{}, map[string]bool{}
	ign := Info{Ignore: true, Parsing: true}
	for _, kv := range dump.State {
		var name string
		var flags [][2]json.RawMessage
		if json.Unmarshal(kv[0], &name) != nil || json.Unmarshal(kv[1], &flags) != nil {
			t.Fatalf("bad state entry %s", kv[0])
		}
		if len(flags) == 0 {
			d.InitVar(name)
			continue
		}
		for _, f := range flags {
			var flag string
			var v any
			json.Unmarshal(f[0], &flag)
			json.Unmarshal(f[1], &v)
			if m, ok := v.(map[string]any); ok && m["unsupported"] != nil {
				skip[name] = true
				if flag == "_content" {
					noValue[name] = true
				}
				continue
			}
			if fv, ok := v.(float64); ok {
				v = int(fv)
			}
			var err error
			switch flag {
			case "_content":
				err = d.SetVar(name, v, ign)
			case ":append", ":prepend", ":remove":
				for _, op := range v.([]any) {
					pair := op.([]any)
					n := name + flag
					if o, _ := pair[1].(string); o != "" {
						n += ":" + o
					}
					if err = d.SetVar(n, pair[0], ign); err != nil {
						break
					}
				}
			default:
				err = d.SetVarFlag(name, flag, v, ign)
			}
			if err != nil {
				t.Fatalf("loading %s[%s]: %v", name, flag, err)
			}
		}
	}
	// Loading wrote the variables in an order no parser used: recompute the overrides
	// from the final state, as BitBake's reads see them.
	d.haveOverrides = false
	d.clearCache()
	compareStore(t, d, dump, skip, noValue, false)
}

// compareStore checks d against what BitBake read from its store: keys, values and
// emit_var text (with the history comments when history). Variables in skip may differ
// in keys and emit, those in noValue in value.
func compareStore(t *testing.T, d *Store, dump isarDump, skip, noValue map[string]bool, history bool) {
	keys, err := d.Keys()
	if err != nil {
		t.Fatal(err)
	}
	// Variables holding values JSON cannot carry (sets, lists, datastores) may be
	// missing here or differ in content; everything else must match.
	if extra, missing := setDiff(keys, dump.Keys, skip), setDiff(dump.Keys, keys, skip); len(extra)+len(missing) > 0 {
		t.Errorf("keys differ: extra %v, missing %v", extra, missing)
	}
	checked, skipped := 0, 0
	for _, k := range dump.Keys {
		want := dump.Values[k]
		if noValue[k] {
			skipped++
			continue
		}
		if m, ok := want.(map[string]any); ok && m["unsupported"] != nil {
			skipped++
			continue
		}
		v, err := d.GetVar(k, true)
		if err != nil {
			if strings.Contains(err.Error(), errAmbiguous.Error()) {
				skipped++
				continue
			}
			if m, ok := want.(map[string]any); ok && m["error"] != nil {
				checked++
				continue
			}
			t.Errorf("%s: %v, want %q", k, err, want)
			continue
		}
		if fv, ok := want.(float64); ok {
			want = int(fv)
		}
		if v != want {
			t.Errorf("%s = %#v, want %#v", k, v, want)
		}
		checked++
	}
	emitted := 0
	for _, k := range sortedKeys(dump.Emit) {
		if skip[k] {
			continue
		}
		want, ok := dump.Emit[k].([]any)
		if !ok {
			continue
		}
		fn, _ := d.GetVarFlag(k, "func", false)
		var b strings.Builder
		r, err := d.EmitVar(&b, k, !Truthy(fn))
		if err != nil {
			if strings.Contains(err.Error(), errAmbiguous.Error()) {
				continue
			}
			t.Errorf("emit %s: %v", k, err)
			continue
		}
		if strings.Contains(b.String(), errAmbiguous.Error()) {
			continue
		}
		got, wantText := b.String(), want[0].(string)
		if sideEffects, _ := want[2].(bool); !history || sideEffects {
			got, wantText = dropComments(got), dropComments(wantText)
		}
		if got != wantText || r != want[1] {
			t.Errorf("emit %s:\ngot  %q %v\nwant %q %v", k, b.String(), r, want[0], want[1])
		}
		emitted++
	}
	t.Logf("%d variables emitted as bitbake -e does", emitted)
	t.Logf("%d variables compared, %d skipped (non-string values or ambiguous python)", checked, skipped)
	if checked < 200 {
		t.Errorf("only %d variables compared", checked)
	}
}

// setDiff returns the elements of a missing from b, ignoring those in skip.
func setDiff(a, b []string, skip map[string]bool) []string {
	in := map[string]bool{}
	for _, x := range b {
		in[x] = true
	}
	var out []string
	for _, x := range a {
		if !in[x] && !skip[x] {
			out = append(out, x)
		}
	}
	return out
}

func dropComments(s string) string {
	var out []string
	for _, l := range strings.SplitAfter(s, "\n") {
		if !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "")
}

// BenchmarkIsarReplay replays every datastore call upstream BitBake makes to parse Isar's
// configuration (base and two multiconfigs) and isarRecipes, reads included, with the
// variable history on (bitbake -e) and off (plain parsing).
func BenchmarkIsarReplay(b *testing.B) {
	res := runIsarOracle(b)
	ops := decodeTrace(res)
	for _, history := range []bool{true, false} {
		b.Run(fmt.Sprintf("history=%v", history), func(b *testing.B) {
			for b.Loop() {
				if _, _, failed := replayTrace(ops, res.Python, history); len(failed) > 0 {
					b.Fatal(failed[0])
				}
			}
			b.ReportMetric(float64(len(ops)), "calls")
		})
	}
}
