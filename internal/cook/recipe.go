package cook

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/gobake/gobake/internal/data"
)

// Recipe is one parsed recipe variant: its virtual file name ("virtual:native:/x.bb",
// "mc:NAME:/x.bb"), its datastore and, when skipped, why.
type Recipe struct {
	VirtualFn string
	File      string
	Variant   string // BBCLASSEXTEND variant ("native", "multilib:lib32"), "" for the base
	MC        string
	Data      *data.Store
	Skipped   string // SkipRecipe reason; "" when not skipped
}

// VirtualFn is bb.cache.realfn2virtual.
func VirtualFn(fn, variant, mc string) string {
	if mc != "" {
		if variant == "" {
			return "mc:" + mc + ":" + fn
		}
		return "mc:" + mc + ":virtual:" + variant + ":" + fn
	}
	if variant == "" {
		return fn
	}
	return "virtual:" + variant + ":" + fn
}

// ParseRecipe parses the recipe file fn with its bbappends in multiconfig mc and returns all
// its variants (the base first, then BBCLASSEXTEND ones in order). only, when not "",
// finalises just that variant ("" for the base is "default"), as bitbake -e does.
func (c *Cooker) ParseRecipe(fn, mc, only string) ([]*Recipe, error) {
	base, ok := c.MC[mc]
	if !ok {
		return nil, fmt.Errorf("no multiconfig named %q", mc)
	}
	col := c.Collections[mc]
	// CreateCopy marks the parent shared (a write): serialise copies of the shared base.
	c.copyMu.Lock()
	d := base.CreateCopy()
	c.copyMu.Unlock()
	info := internal("cookerdata.py", 0, "_parse_recipe")
	if err := d.SetVar("__BBMULTICONFIG", mc, internal("cookerdata.py", 498, "_parse_recipe")); err != nil {
		return nil, err
	}
	// bitbake -e looks the layer up with the virtual file name, which no BBFILE_PATTERN
	// matches for variants and multiconfigs: FILE_LAYERNAME is then None.
	lookup := fn
	if only != "" {
		v := only
		if v == "default" {
			v = ""
		}
		lookup = VirtualFn(fn, v, mc)
	}
	_, layer := col.Priority(lookup)
	if err := d.SetVar("FILE_LAYERNAME", layerOrNone(layer), internal("cookerdata.py", 499, "_parse_recipe")); err != nil {
		return nil, err
	}
	if apps := col.AppendsFor(fn); len(apps) > 0 {
		if err := d.SetVar("__BBAPPEND", strings.Join(apps, " "), info); err != nil {
			return nil, err
		}
	}
	if only != "" {
		if err := d.SetVar("__ONLYFINALISE", only, data.Info{Ignore: true}); err != nil {
			return nil, err
		}
	}
	stores, order, err := c.parseTop(d, fn)
	if err != nil {
		return nil, err
	}
	var out []*Recipe
	for _, v := range order {
		sd := stores[v]
		r := &Recipe{VirtualFn: VirtualFn(fn, v, mc), File: fn, Variant: v, MC: mc, Data: sd}
		if s, _ := sd.GetVar("__SKIPPED", false); s != nil {
			r.Skipped = data.Text(s)
		}
		out = append(out, r)
	}
	return out, nil
}

func layerOrNone(l string) any {
	if l == "" {
		return nil
	}
	return l
}

// parseTop handles a top-level .bb file and returns its datastores by variant and the
// variant order.
func (c *Cooker) parseTop(d *data.Store, fn string) (map[string]*data.Store, []string, error) {
	stores, err := c.handle(d, fn, false)
	if err != nil {
		return nil, nil, err
	}
	order := make([]string, 0, len(stores))
	for v := range stores {
		order = append(order, v)
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i] == "" && order[j] != "" })
	if ext, _ := stores[""].GetVar("BBCLASSEXTEND", false); ext != nil {
		idx := map[string]int{}
		for i, e := range strings.Fields(data.Text(ext)) {
			idx[e] = i + 1
		}
		sort.SliceStable(order, func(i, j int) bool { return idx[order[i]] < idx[order[j]] })
	}
	return stores, order, nil
}

// multiFinalize is ast.multi_finalize: apply bbappends and deferred inherits, finalise the
// recipe and create its BBCLASSEXTEND variants.
func (c *Cooker) multiFinalize(d *data.Store, fn string) (map[string]*data.Store, error) {
	for _, a := range strings.Fields(c.getString(d, "__BBAPPEND")) {
		if _, err := c.handle(d, a, true); err != nil {
			return nil, err
		}
	}
	for {
		v, _ := d.GetVar("__BBDEFINHERITS", false)
		l, _ := v.([]deferredInherit)
		if len(l) == 0 {
			break
		}
		first := l[0]
		if err := d.SetVar("__BBDEFINHERITS", l[1:], data.Info{Ignore: true}); err != nil {
			return nil, err
		}
		if err := c.inherit(d, first.classes, first.pos, true); err != nil {
			return nil, err
		}
	}
	only := textOr(mustVar(d, "__ONLYFINALISE"))
	safe := d
	d = safe.CreateCopy()
	if err := c.finalizeOrSkip(fn, d, ""); err != nil {
		return nil, err
	}
	stores := map[string]*data.Store{"": safe}
	extended := c.getString(d, "BBCLASSEXTEND")
	if extended != "" {
		pn := c.getString(d, "PN")
		if err := safe.SetVar("BBCLASSEXTEND", extended, internal("ast.py", 492, "multi_finalize")); err != nil {
			return nil, err
		}
		for _, ext := range strings.Fields(extended) {
			if only != "" && ext != only {
				continue
			}
			nd := safe.CreateCopy()
			parts := strings.SplitN(ext, ":", 3)
			if len(parts) > 1 {
				if err := nd.SetVar("BBEXTENDCURR", parts[0], internal("ast.py", 486, "extendfunc")); err != nil {
					return nil, err
				}
				if err := nd.SetVar("BBEXTENDVARIANT", parts[1], internal("ast.py", 487, "extendfunc")); err != nil {
					return nil, err
				}
			} else if err := nd.SetVar("PN", pn+"-"+ext, internal("ast.py", 489, "extendfunc")); err != nil {
				return nil, err
			}
			if err := c.inherit(nd, parts[0], Pos{File: fn}, false); err != nil {
				return nil, err
			}
			stores[ext] = nd
		}
	}
	for v, vd := range stores {
		if v == "" {
			continue
		}
		if only == "" || v == only {
			if err := c.finalizeOrSkip(fn, vd, v); err != nil {
				return nil, err
			}
		}
	}
	stores[""] = d
	return stores, nil
}

func (c *Cooker) finalizeOrSkip(fn string, d *data.Store, variant string) error {
	err := c.finalize(fn, d, variant)
	var skip *SkipRecipe
	if errors.As(err, &skip) {
		return d.SetVar("__SKIPPED", skip.Reason, data.Info{Ignore: true})
	}
	return err
}

// finalize is ast.finalize: handlers, key expansion, anonymous functions, tasks, events.
func (c *Cooker) finalize(fn string, d *data.Store, variant string) error {
	if v, _ := d.GetVar("_FAILPARSINGERRORHANDLED", false); data.Truthy(v) {
		return fmt.Errorf("%s: renamed variables found", fn)
	}
	sc := c.events.recipeScope()
	if err := c.register(d, sc); err != nil {
		return fmt.Errorf("%s: %w", fn, err)
	}
	if err := c.fire(d, sc, Event{Class: RecipePreFinalise, File: fn}); err != nil {
		return err
	}
	if err := expandKeys(d); err != nil {
		return fmt.Errorf("%s: %w", fn, err)
	}
	if err := c.fire(d, sc, Event{Class: RecipePostKeyExp, File: fn}); err != nil {
		return err
	}
	if c.opts.Python != nil {
		if anon := getList(d, "__BBANONFUNCS"); len(anon) > 0 {
			if err := c.opts.Python.RunAnon(d, anon); err != nil {
				return err
			}
		}
	}
	tasks := getList(d, "__BBTASKS")
	if err := c.fire(d, sc, Event{Class: RecipeTaskPreProcess, File: fn, Tasks: tasks}); err != nil {
		return err
	}
	if err := addTasks(d, tasks); err != nil {
		return fmt.Errorf("%s: %w", fn, err)
	}
	if err := d.SetVar("BBINCLUDED", c.fileDepends(d), internal("ast.py", 416, "finalize")); err != nil {
		return err
	}
	return c.fire(d, sc, Event{Class: RecipeParsed, File: fn})
}

// expandKeys is bb.data.expandKeys: variables whose names hold ${...} are renamed to the
// expanded name.
func expandKeys(d *data.Store) error {
	keys, err := d.ExpandableKeys()
	if err != nil {
		return err
	}
	todo := map[string]string{}
	var names []string
	for _, k := range keys {
		if !strings.Contains(k, "${") {
			continue
		}
		ek, err := d.Expand(k, "")
		if err != nil {
			return err
		}
		if ek == k {
			continue
		}
		todo[k] = ek
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if err := d.RenameVar(k, todo[k], data.Info{}); err != nil {
			return err
		}
	}
	return nil
}
