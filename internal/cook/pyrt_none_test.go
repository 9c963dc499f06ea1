package cook

import (
	"bytes"
	"strings"
	"testing"

	"github.com/gobake/gobake/internal/data"
)

// TestSetVarNone checks that a variable set to None exists but is not printed by -e.
func TestSetVarNone(t *testing.T) {
	d := data.New()
	a := storeAdapter{d}
	if err := a.SetVar("X", "1"); err != nil {
		t.Fatal(err)
	}
	if err := a.SetVarNone("X"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := a.GetVar("X", true); ok {
		t.Errorf("X is set after SetVarNone")
	}
	var out bytes.Buffer
	if err := d.EmitEnv(&out, true); err != nil {
		t.Fatal(err)
	}
	if strings.Contains("\n"+out.String(), "\nX=") {
		t.Errorf("X emitted: %s", out.String())
	}
}
