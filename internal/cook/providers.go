package cook

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gobake/gobake/internal/data"
)

// RecipeInfo is what the cooker keeps of a parsed recipe variant to choose providers
// (BitBake's RecipeInfo in the parse cache).
type RecipeInfo struct {
	VirtualFn   string
	File        string
	Variant     string
	MC          string
	PN          string
	Version     Version
	Provides    []string // PN first, then PROVIDES
	DefaultPref int
	Priority    int
	Skipped     string
	// RProvides are the runtime names of a skipped variant: PACKAGES (or PN), RPROVIDES and
	// each package's RPROVIDES, for BitBake's "RPROVIDES x but was skipped" reasons.
	RProvides []string
	Err       error
}

// Index is every recipe variant of one multiconfig, parsed.
type Index struct {
	MC      string
	Recipes []*RecipeInfo
	ByFn    map[string]*RecipeInfo
}

// ParseAll parses every recipe file of multiconfig mc (all variants), Options.Jobs files at
// a time (with Options.Fork, in that many cookers). Recipes that fail have Err set.
func (c *Cooker) ParseAll(mc string) (*Index, error) {
	if err := c.EnsureMC(mc); err != nil {
		return nil, err
	}
	col := c.Collections[mc]
	if c.opts.Fork != nil && c.opts.Jobs > 1 {
		all, err := c.ParseAllWith([]string{mc}, c.opts.Jobs, c.opts.Fork)
		if err != nil {
			return nil, err
		}
		return all[mc], nil
	}
	results := make([][]*RecipeInfo, len(col.Files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(c.opts.Jobs, 1))
	for i, fn := range col.Files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			results[i] = c.recipeInfos(fn, mc)
		}()
	}
	wg.Wait()
	idx := &Index{MC: mc, ByFn: map[string]*RecipeInfo{}}
	for _, rs := range results {
		for _, r := range rs {
			idx.Recipes = append(idx.Recipes, r)
			idx.ByFn[r.VirtualFn] = r
		}
	}
	return idx, nil
}

func (c *Cooker) recipeInfos(fn, mc string) []*RecipeInfo {
	prio, _ := c.Collections[mc].Priority(fn)
	recipes, err := c.ParseRecipe(fn, mc, "")
	if err != nil {
		return []*RecipeInfo{{VirtualFn: VirtualFn(fn, "", mc), File: fn, MC: mc, Err: err}}
	}
	var out []*RecipeInfo
	for _, r := range recipes {
		out = append(out, c.info(r, prio))
	}
	return out
}

func (c *Cooker) info(r *Recipe, prio int) *RecipeInfo {
	d := r.Data
	ri := &RecipeInfo{VirtualFn: r.VirtualFn, File: r.File, Variant: r.Variant, MC: r.MC, Priority: prio, Skipped: r.Skipped}
	get := func(name string) string {
		v, _, err := d.Get(name)
		if err != nil && ri.Err == nil && r.Skipped == "" {
			ri.Err = fmt.Errorf("%s: %w", r.VirtualFn, err)
		}
		return v
	}
	ri.PN = get("PN")
	ri.Version = Version{PE: get("PE"), PV: get("PV"), PR: get("PR")}
	ri.Provides = append([]string{ri.PN}, strings.Fields(get("PROVIDES"))...)
	ri.DefaultPref = atoiOr(get("DEFAULT_PREFERENCE"), 0)
	if r.Skipped != "" {
		pkgs := strings.Fields(get("PACKAGES"))
		if len(pkgs) == 0 {
			pkgs = []string{ri.PN}
		}
		ri.RProvides = append(slices.Clone(pkgs), ExplodeDeps(get("RPROVIDES"))...)
		for _, p := range pkgs {
			ri.RProvides = append(ri.RProvides, ExplodeDeps(get("RPROVIDES:"+p))...)
		}
	}
	return ri
}

// byPriority groups fns by layer priority, highest first (bb.providers.sortPriorities).
func byPriority(recipes []*RecipeInfo) [][]*RecipeInfo {
	prios := map[int][]*RecipeInfo{}
	var keys []int
	for _, r := range recipes {
		if _, ok := prios[r.Priority]; !ok {
			keys = append(keys, r.Priority)
		}
		prios[r.Priority] = append(prios[r.Priority], r)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(keys)))
	out := make([][]*RecipeInfo, len(keys))
	for i, k := range keys {
		out[i] = prios[k]
	}
	return out
}

// versionVariable is versionVariableMatch: KEYWORD_VERSION:pn-PN, KEYWORD_VERSION_PN, then
// KEYWORD_VERSION.
func (c *Cooker) versionVariable(d *data.Store, keyword, pn string) string {
	for _, name := range []string{keyword + "_VERSION:pn-" + pn, keyword + "_VERSION_" + pn, keyword + "_VERSION"} {
		if v := c.getString(d, name); v != "" {
			return v
		}
	}
	return ""
}

var preferredRe = regexp.MustCompile(`^(?:(\d+):)*(.*)$`)

// preferredVersion is findPreferredProvider: the recipe matching REQUIRED_VERSION or
// PREFERRED_VERSION of pn ("EPOCH:" prefix optional, a trailing "%" matching any suffix),
// and whether the version is required.
func (c *Cooker) preferredVersion(d *data.Store, pn string, groups [][]*RecipeInfo) (*RecipeInfo, bool) {
	pv := c.versionVariable(d, "PREFERRED", pn)
	required := false
	if rv := c.versionVariable(d, "REQUIRED", pn); rv != "" {
		if pv != "" {
			c.warnf("REQUIRED_VERSION and PREFERRED_VERSION for package %s are both set using REQUIRED_VERSION %s", pn, rv)
		}
		pv, required = rv, true
	}
	if pv == "" {
		return nil, false
	}
	m := preferredRe.FindStringSubmatch(pv)
	pe, hasPE, v := m[1], m[1] != "", m[2]
	for _, g := range groups {
		for _, r := range g {
			if hasPE && r.Version.PE != pe {
				continue
			}
			if r.Version.PV == v || (strings.HasSuffix(v, "%") && strings.HasPrefix(r.Version.PV, v[:len(v)-1])) {
				return r, required
			}
		}
	}
	c.warnf("preferred version %s of %s not available", pv, pn)
	return nil, required
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// latest is findLatestProvider over one priority group.
func latest(group []*RecipeInfo) *RecipeInfo {
	var best *RecipeInfo
	for _, r := range group {
		if best == nil || (best.DefaultPref == r.DefaultPref && vercmp(best.Version, r.Version) < 0) || r.DefaultPref > best.DefaultPref {
			best = r
		}
	}
	return best
}

// Providers returns the eligible providers of item in multiconfig idx.MC, best first, and
// whether PREFERRED_PROVIDER chose one (bb.providers.filterProviders).
func (c *Cooker) Providers(idx *Index, item string) ([]*RecipeInfo, bool) {
	d := c.MC[idx.MC]
	byPN := map[string][]*RecipeInfo{}
	for _, r := range idx.Recipes {
		if r.Skipped != "" || r.Err != nil || !slices.Contains(r.Provides, item) {
			continue
		}
		byPN[r.PN] = append(byPN[r.PN], r)
	}
	pns := make([]string, 0, len(byPN))
	for pn := range byPN {
		pns = append(pns, pn)
	}
	sort.Strings(pns)
	chosen := map[string]*RecipeInfo{}
	var eligible []*RecipeInfo
	groups := map[string][][]*RecipeInfo{}
	for _, pn := range pns {
		groups[pn] = byPriority(byPN[pn])
		p, required := c.preferredVersion(d, pn, groups[pn])
		if required && p == nil {
			// REQUIRED_VERSION not available: BitBake stops looking.
			return eligible, false
		}
		if p != nil {
			chosen[pn] = p
			eligible = append(eligible, p)
		}
	}
	for _, pn := range pns {
		if chosen[pn] != nil {
			continue
		}
		chosen[pn] = latest(groups[pn][0])
		eligible = append(eligible, chosen[pn])
	}
	if p := chosen[item]; p != nil {
		if i := slices.Index(eligible, p); i >= 0 {
			eligible = append([]*RecipeInfo{p}, slices.Delete(eligible, i, i+1)...)
		}
	}
	found := false
	if pref := c.getString(d, "PREFERRED_PROVIDER_"+item); pref != "" {
		for i, p := range eligible {
			if p.PN == pref {
				eligible = append([]*RecipeInfo{p}, slices.Delete(eligible, i, i+1)...)
				found = true
				break
			}
		}
	}
	return eligible, found
}

// SplitMC splits "mc:NAME:target" into ("NAME", "target"); other targets are in mc "".
func SplitMC(target string) (string, string) {
	if rest, ok := strings.CutPrefix(target, "mc:"); ok {
		if mc, t, ok := strings.Cut(rest, ":"); ok {
			return mc, t
		}
	}
	return "", target
}

// VersionRow is one line of bitbake -s: a PN, its latest version and, when different, the
// preferred one.
type VersionRow struct {
	PN                string
	Latest, Preferred Version
}

// Versions lists every PN of idx (skipped and failed recipes excluded) with its latest and
// preferred versions (bb.providers.findProviders).
func (c *Cooker) Versions(idx *Index) []VersionRow {
	d := c.MC[idx.MC]
	byPN := map[string][]*RecipeInfo{}
	for _, r := range idx.Recipes {
		if r.Skipped == "" && r.Err == nil {
			byPN[r.PN] = append(byPN[r.PN], r)
		}
	}
	var rows []VersionRow
	for pn, rs := range byPN {
		groups := byPriority(rs)
		l := latest(groups[0])
		p, _ := c.preferredVersion(d, pn, groups)
		if p == nil {
			p = l
		}
		rows = append(rows, VersionRow{PN: pn, Latest: l.Version, Preferred: p.Version})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].PN < rows[j].PN })
	return rows
}

// defaultFilesPerWorker is how many recipe files justify one more worker cooker.
const defaultFilesPerWorker = 16

// ParseAllWith parses every recipe of the multiconfigs mcs with workers cookers working in
// parallel, each made by newCooker (its own configuration parse and Python runtime, as
// BitBake forks parser processes); c itself is one of them. Results come in the order of
// ParseAll.
//
// Each cooker takes a whole multiconfig at a time, preferring those whose configuration it
// has, so that a worker made with LazyMCs parses only the configurations of the
// multiconfigs it gets; once none is left untaken, it joins the one with the most files
// left (parsing its configuration too).
func (c *Cooker) ParseAllWith(mcs []string, workers int, newCooker func() (*Cooker, error)) (map[string]*Index, error) {
	type mcWork struct {
		mc    string
		files []string
		taken atomic.Bool  // handed out whole
		next  atomic.Int64 // index of the next file to take
		out   [][]*RecipeInfo
	}
	var works []*mcWork
	total := 0
	for _, mc := range mcs {
		if err := c.EnsureMC(mc); err != nil {
			return nil, err
		}
		col := c.Collections[mc]
		works = append(works, &mcWork{mc: mc, files: col.Files, out: make([][]*RecipeInfo, len(col.Files))})
		total += len(col.Files)
	}
	// A worker cooker costs a configuration parse: only fork for enough recipes.
	per := c.opts.FilesPerWorker
	if per <= 0 {
		per = defaultFilesPerWorker
	}
	workers = max(min(workers, total/per+1), 1)
	next := func(wc *Cooker) *mcWork {
		// First an untaken multiconfig whose configuration wc has, then any untaken one.
		for _, w := range works {
			if wc.HasMC(w.mc) && w.taken.CompareAndSwap(false, true) {
				return w
			}
		}
		for _, w := range works {
			if w.taken.CompareAndSwap(false, true) {
				return w
			}
		}
		var best *mcWork
		left := 0
		for _, w := range works {
			if n := len(w.files) - int(w.next.Load()); n > left {
				best, left = w, n
			}
		}
		return best
	}
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wc := c
			if k > 0 {
				var err error
				if wc, err = newCooker(); err != nil {
					errs[k] = err
					return
				}
			}
			for w := next(wc); w != nil; w = next(wc) {
				if err := wc.EnsureMC(w.mc); err != nil {
					errs[k] = err
					return
				}
				for i := int(w.next.Add(1) - 1); i < len(w.files); i = int(w.next.Add(1) - 1) {
					w.out[i] = wc.recipeInfos(w.files[i], w.mc)
				}
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	results := map[string][][]*RecipeInfo{}
	for _, w := range works {
		results[w.mc] = w.out
	}
	out := map[string]*Index{}
	for _, mc := range mcs {
		idx := &Index{MC: mc, ByFn: map[string]*RecipeInfo{}}
		for _, rs := range results[mc] {
			for _, r := range rs {
				idx.Recipes = append(idx.Recipes, r)
				idx.ByFn[r.VirtualFn] = r
			}
		}
		out[mc] = idx
	}
	return out, nil
}

// ParseEverything parses every recipe of every multiconfig (gobake -p), in parallel cookers
// when Options.Fork is set.
func (c *Cooker) ParseEverything() (map[string]*Index, error) {
	if c.opts.Fork != nil && c.opts.Jobs > 1 {
		return c.ParseAllWith(c.MCNames, c.opts.Jobs, c.opts.Fork)
	}
	out := map[string]*Index{}
	for _, mc := range c.MCNames {
		idx, err := c.ParseAll(mc)
		if err != nil {
			return nil, err
		}
		out[mc] = idx
	}
	return out, nil
}
