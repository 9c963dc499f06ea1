package data

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// realisticStore builds a configuration-like store: nvars variables referencing each
// other six levels deep, OVERRIDES with noverrides elements computed from MACHINE and
// DISTRO, a tenth of the variables with override values, :append/:remove operations
// and flags.
func realisticStore(tb testing.TB, nvars, noverrides int) (*Store, []string) {
	tb.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	d := New()
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	asg := func(v string, op AssignOp, val string) {
		must(d.Assign(Assignment{Var: v, Op: op, Value: val, File: "conf/bench.conf", Line: 1}))
	}
	var ovs []string
	for i := range noverrides {
		ovs = append(ovs, fmt.Sprintf("ov%d", i))
	}
	asg("MACHINE", OpSet, "qemuamd64")
	asg("DISTRO", OpSet, "debian-bookworm")
	asg("MACHINEOVERRIDES", OpSet, "${MACHINE}:x86-64")
	asg("DISTROOVERRIDES", OpSet, "${DISTRO}:debian")
	ovText := "linux:${MACHINEOVERRIDES}:${DISTROOVERRIDES}"
	for _, o := range ovs {
		ovText += ":" + o
	}
	asg("OVERRIDES", OpSet, ovText)
	names := make([]string, nvars)
	for i := range names {
		names[i] = fmt.Sprintf("VAR_%d", i)
	}
	for i, n := range names {
		// Six levels; a variable references two of the level below, so expanded
		// values stay bounded (like WORKDIR = "${TMPDIR}/work/${PN}/${PV}").
		val := fmt.Sprintf("value%d", i)
		if lvl := i % 6; lvl > 0 && i >= 6 {
			for j := range 2 {
				k := r.IntN(i/6)*6 + lvl - 1
				val += " ${" + names[k] + "}-" + fmt.Sprint(j)
			}
		}
		if i%50 == 0 {
			val += " ${UNDEFINED_" + fmt.Sprint(i) + "}"
		}
		asg(n, OpSet, val)
		switch i % 10 {
		case 0:
			asg(n+":"+ovs[r.IntN(len(ovs))], OpSet, "over ${MACHINE}")
		case 1:
			asg(n+":append:"+ovs[r.IntN(len(ovs))], OpSet, " app")
		case 2:
			asg(n+":append", OpSet, " more")
			asg(n+":remove", OpSet, "value2")
		case 3:
			asg(n, OpAppend, "${DISTRO}")
		case 4:
			asg(n+"[doc]", OpSet, "documentation of "+n)
		case 5:
			asg(n+":qemuamd64:ov1", OpSet, "both")
		}
	}
	return d, names
}

func BenchmarkGetVarCold(b *testing.B) {
	base, names := realisticStore(b, 3000, 30)
	b.ResetTimer()
	for b.Loop() {
		d := base.CreateCopy()
		for _, n := range names {
			if _, err := d.GetVar(n, true); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(names)), "ns/getvar")
}

func BenchmarkGetVarCached(b *testing.B) {
	d, names := realisticStore(b, 3000, 30)
	for _, n := range names {
		d.GetVar(n, true)
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, err := d.GetVar(names[i%len(names)], true); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkExpand(b *testing.B) {
	d, _ := realisticStore(b, 3000, 30)
	b.ResetTimer()
	for b.Loop() {
		d.clearCache()
		if _, err := d.Expand("${VAR_2999} ${VAR_1500} ${MACHINE} ${UNDEF}", ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCreateCopy(b *testing.B) {
	d, names := realisticStore(b, 3000, 30)
	b.ResetTimer()
	for b.Loop() {
		c := d.CreateCopy()
		if err := c.SetVar("PN", "x", Info{}); err != nil {
			b.Fatal(err)
		}
		if _, err := c.GetVar(names[10], true); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAssign(b *testing.B) {
	base, _ := realisticStore(b, 3000, 30)
	b.ResetTimer()
	for b.Loop() {
		d := base.CreateCopy()
		for i := range 1000 {
			n := fmt.Sprintf("RECIPE_%d", i%300)
			if err := d.Assign(Assignment{Var: n, Op: AssignOp(i % 8), Value: "v ${VAR_1}", File: "r.bb", Line: i}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/assign")
}

func BenchmarkKeys(b *testing.B) {
	base, _ := realisticStore(b, 3000, 30)
	d := base.CreateCopy()
	d.SetVar("X", "y", Info{})
	b.ResetTimer()
	for b.Loop() {
		if _, err := d.Keys(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCreateCopyOnly(b *testing.B) {
	d, _ := realisticStore(b, 3000, 30)
	d.Freeze()
	for b.Loop() {
		_ = d.CreateCopy()
	}
}

// BenchmarkRecipe is one recipe's datastore work on top of a configuration store:
// copy, 300 assignments (appends, overrides, flags), ExpandKeys, then read every
// variable the recipe set plus 300 configuration variables expanded.
func BenchmarkRecipe(b *testing.B) {
	base, names := realisticStore(b, 3000, 30)
	base.Freeze()
	b.ResetTimer()
	for b.Loop() {
		d := base.CreateCopy()
		for i := range 300 {
			a := Assignment{Var: fmt.Sprintf("R%d", i%100), Value: "v${VAR_12} ${PN}", File: "r.bb", Line: i}
			switch i % 6 {
			case 1:
				a.Op = OpAppend
			case 2:
				a.Var += ":append:ov3"
			case 3:
				a.Var += ":ov5"
			case 4:
				a.Flag = "doc"
			case 5:
				a.Var = "${PN}-" + a.Var
			}
			if err := d.Assign(a); err != nil {
				b.Fatal(err)
			}
		}
		if err := d.SetVar("PN", "hello", Info{}); err != nil {
			b.Fatal(err)
		}
		if err := d.ExpandKeys(nil); err != nil {
			b.Fatal(err)
		}
		for i := range 100 {
			if _, err := d.GetVar(fmt.Sprintf("R%d", i), true); err != nil {
				b.Fatal(err)
			}
		}
		for _, n := range names[:300] {
			if _, err := d.GetVar(n, true); err != nil {
				b.Fatal(err)
			}
		}
	}
}
