package meta

import (
	"io/fs"
	"testing"
)

func TestLayerHasConfAndRecipes(t *testing.T) {
	for _, name := range []string{"conf/layer.conf", "conf/bitbake.conf", "classes/base.bbclass",
		"recipes-demo/demo-image/demo-image.bb", "recipes-demo/greeter/files/greeter.sh.in"} {
		if _, err := fs.Stat(Layer(), name); err != nil {
			t.Errorf("embedded layer lacks %s: %v", name, err)
		}
	}
	recipes, err := fs.Glob(Layer(), "recipes-*/*/*.bb")
	if err != nil {
		t.Fatal(err)
	}
	if len(recipes) != 3 {
		t.Errorf("want 3 demo recipes, got %v", recipes)
	}
}
