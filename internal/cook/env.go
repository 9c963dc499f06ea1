package cook

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/gobake/gobake/internal/data"
)

// Resolve finds the recipe variant bitbake would build for target ("mc:NAME:pn" or a PN or
// PROVIDES item) and returns its virtual file name and multiconfig.
func (c *Cooker) Resolve(target string) (*RecipeInfo, error) {
	mc, item := SplitMC(target)
	if !slices.Contains(c.MCNames, mc) {
		return nil, fmt.Errorf("no multiconfig named %q (target %s)", mc, target)
	}
	if err := c.EnsureMC(mc); err != nil {
		return nil, err
	}
	if strings.Contains(c.getString(c.MC[mc], "ASSUME_PROVIDED"), item) &&
		containsField(c.getString(c.MC[mc], "ASSUME_PROVIDED"), item) {
		return nil, fmt.Errorf("%s is in ASSUME_PROVIDED", item)
	}
	idx, err := c.ParseAll(mc)
	if err != nil {
		return nil, err
	}
	for _, r := range idx.Recipes {
		if r.Err != nil {
			return nil, r.Err
		}
	}
	eligible, _ := c.Providers(idx, item)
	if len(eligible) == 0 {
		return nil, c.noProvider(idx, item)
	}
	return eligible[0], nil
}

// noProvider is bitbake -e's error when nothing in idx's multiconfig provides item.
// BitBake's -e knows no packages of the recipes (RPROVIDES close matches are not listed).
func (c *Cooker) noProvider(idx *Index, item string) error {
	skips, err := c.SkipList(func(mc string) (*Index, error) {
		if mc == idx.MC {
			return idx, nil
		}
		return c.ParseAll(mc)
	})
	if err != nil {
		return err
	}
	return NoProvider(item, false, nil, skips, ProviderNames(idx), nil)
}

func containsField(s, f string) bool {
	for _, x := range strings.Fields(s) {
		if x == f {
			return true
		}
	}
	return false
}

// Environment returns the datastore bitbake -e shows for target: the finalised recipe,
// or with target "" or "mc:NAME" the configuration with keys expanded and anonymous
// functions run.
func (c *Cooker) Environment(target string) (*data.Store, error) {
	// "mc:NAME" is that multiconfig's configuration (cooker.showEnvironment's mc_base);
	// "mc:NAME:" names a recipe, the empty one.
	if target == "" || (strings.HasPrefix(target, "mc:") && strings.Count(target, ":") == 1) {
		mc := strings.TrimPrefix(target, "mc:")
		if !slices.Contains(c.MCNames, mc) {
			return nil, fmt.Errorf("No multiconfig named \"%s\" found", mc)
		}
		if err := c.EnsureMC(mc); err != nil {
			return nil, err
		}
		d := c.MC[mc]
		if err := expandKeys(d); err != nil {
			return nil, err
		}
		if c.opts.Python != nil {
			if anon := getList(d, "__BBANONFUNCS"); len(anon) > 0 {
				if err := c.opts.Python.RunAnon(d, anon); err != nil {
					return nil, err
				}
			}
		}
		return d, nil
	}
	ri, err := c.Resolve(target)
	if err != nil {
		return nil, err
	}
	only := ri.Variant
	if only == "" {
		only = "default"
	}
	rs, err := c.ParseRecipe(ri.File, ri.MC, only)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		if r.Variant == ri.Variant {
			if err := c.checkMCDepends(r.Data); err != nil {
				return nil, err
			}
			return r.Data, nil
		}
	}
	return nil, fmt.Errorf("%s: variant %q not parsed", ri.File, ri.Variant)
}

// checkMCDepends is the part of bitbake -e's buildTaskData that gobake -e runs: the
// target's own [mcdepends] must name configured multiconfigs. (BitBake checks every recipe
// the target needs; `gobake -g` does.)
func (c *Cooker) checkMCDepends(d *data.Store) error {
	v, _ := d.GetVar("_task_deps", false)
	td, _ := v.(*TaskDeps)
	if td == nil {
		return nil
	}
	for _, task := range td.Tasks {
		for _, dep := range strings.Fields(td.Flags["mcdepends"][task]) {
			parts := strings.Split(dep, ":")
			if len(parts) == 5 && parts[0] == "mc" && !slices.Contains(c.MCNames, parts[2]) {
				return MCDependsError(dep, parts[2])
			}
		}
	}
	return nil
}

// ShowEnvironment writes what bitbake -e prints for target: the include history, every
// variable with its history and every shell function, then the python functions.
func (c *Cooker) ShowEnvironment(w io.Writer, target string) error {
	d, err := c.Environment(target)
	if err != nil {
		return err
	}
	if c.Base.Includes != nil {
		c.Base.Includes.Emit(w)
	}
	io.WriteString(w, "\n")
	if err := d.EmitEnv(w, true); err != nil {
		return err
	}
	io.WriteString(w, "\n")
	// The python functions, each printed with logger.plain("\npython %s () {\n%s}\n"),
	// which adds a newline of its own.
	keys, err := d.Keys()
	if err != nil {
		return err
	}
	slices.Sort(keys)
	for _, k := range keys {
		fn, _ := d.GetVarFlag(k, "func", false)
		py, _ := d.GetVarFlag(k, "python", false)
		if !data.Truthy(fn) || !data.Truthy(py) {
			continue
		}
		body, err := d.GetVar(k, false)
		if err != nil {
			return err
		}
		// A function's :prepend/:append variable has flags but no value: "None", as
		// Python's %s prints it.
		fmt.Fprintf(w, "\npython %s () {\n%s}\n\n", k, data.Text(body))
	}
	return nil
}
