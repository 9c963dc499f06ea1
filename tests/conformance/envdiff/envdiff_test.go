package envdiff

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

const refDump = `Parsing recipes...done.
#
# $A
#   set a.conf:1
A="one"
export B="two \
lines with \"quotes\" and \$dollar"
unset C
LOGFIFO="/tmp/fifo.4242"
SBUILD="/x/4242/y/99"
DATE="20260101"
BB_CMDLINE="['/usr/bin/bitbake', '-e']"
do_x() {
	echo ${A}
}

python do_y () {
    pass
}
`

func parse(t *testing.T, s string) map[string]Entry {
	t.Helper()
	e, err := Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestParse(t *testing.T) {
	got := parse(t, refDump)
	want := map[string]Entry{
		"A":          {Var, "one"},
		"B":          {Export, "two \\\nlines with \\\"quotes\\\" and \\$dollar"},
		"C":          {Unset, ""},
		"LOGFIFO":    {Var, "/tmp/fifo.4242"},
		"SBUILD":     {Var, "/x/4242/y/99"},
		"DATE":       {Var, "20260101"},
		"BB_CMDLINE": {Var, "['/usr/bin/bitbake', '-e']"},
		"do_x":       {Shell, "\techo ${A}"},
		"do_y":       {Python, "    pass"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse:\n got %q\nwant %q", got, want)
	}
}

func TestCompare(t *testing.T) {
	cand := strings.NewReplacer(
		`A="one"`, `A="uno"`, // differs
		"unset C\n", "", // missing
		"4242", "77", // another pid: masked
		"/usr/bin/bitbake", "/opt/gobake", // argv0: masked
		`DATE="20260101"`, `DATE="20270101"`, // volatile
		"python do_y", "python do_z", // do_y missing, do_z extra
	).Replace(refDump)
	r := Compare(parse(t, refDump), parse(t, cand))
	want := Result{Total: 7, Missing: []string{"C", "do_y"}, Extra: []string{"do_z"}, Differ: []string{"A"}}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("Compare = %+v, want %+v", r, want)
	}
	var out bytes.Buffer
	Report(&out, r, parse(t, refDump), parse(t, cand), 20)
	if !strings.HasSuffix(out.String(), "4 of 7 entries differ\n") {
		t.Errorf("Report ends with %q", out.String())
	}
	if r := Compare(parse(t, refDump), parse(t, refDump)); r.Count() != 0 {
		t.Errorf("self comparison differs: %+v", r)
	}
}
