package bake

import (
	"slices"
	"testing"

	"github.com/gobake/gobake/internal/data"
)

func TestExplodeDeps(t *testing.T) {
	got := explodeDeps("a (>= 1.0) b  c(<2) (= 3) d")
	if want := []string{"a", "b", "c", "d"}; !slices.Equal(got, want) {
		t.Errorf("explodeDeps = %q, want %q", got, want)
	}
}

func TestRuntimeDeps(t *testing.T) {
	for _, tc := range []struct {
		name string
		vars map[string]string
		want []string
	}{
		{"packages", map[string]string{
			"PN": "foo", "PACKAGES": "foo foo-dev", "RDEPENDS": "all",
			"RDEPENDS:foo": "a (>= 1)", "RRECOMMENDS:foo-dev": "b", "RDEPENDS:other": "ignored",
		}, []string{"all", "a", "b"}},
		{"no PACKAGES: the recipe's own package", map[string]string{
			"PN": "bar", "RDEPENDS:bar": "c", "RRECOMMENDS": "d",
		}, []string{"d", "c"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := data.New()
			for k, v := range tc.vars {
				if err := d.SetVar(k, v, data.Info{}); err != nil {
					t.Fatal(err)
				}
			}
			if got := runtimeDeps(d); !slices.Equal(got, tc.want) {
				t.Errorf("runtimeDeps = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTruthy(t *testing.T) {
	for s, want := range map[string]bool{"": false, "0": false, "no": false, "False": false, "1": true, "yes": true, "anything": true} {
		if truthy(s) != want {
			t.Errorf("truthy(%q) = %v", s, !want)
		}
	}
}
