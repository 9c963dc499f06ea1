package cook

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/gobake/gobake/internal/data"
)

// Layer is one BBFILE_COLLECTIONS entry with its computed priority.
type Layer struct {
	Name     string
	Pattern  string
	re       *regexp.Regexp
	Priority int
}

// Collections are the recipe files of one multiconfig (BitBake's CookerCollectFiles): the
// .bb files in BBFILES order with BBMASK applied, the .bbappend files, and the layers
// ordered by priority (highest first).
type Collections struct {
	Layers  []Layer
	Files   []string // .bb files
	Appends []string // .bbappend files
	Masked  int
}

// Priority returns the priority and collection name of the first layer (by priority) whose
// BBFILE_PATTERN matches fn (calc_bbfile_priority).
func (c *Collections) Priority(fn string) (int, string) {
	for _, l := range c.Layers {
		if l.re.MatchString(fn) {
			return l.Priority, l.Name
		}
	}
	return 0, ""
}

// AppendsFor returns the .bbappend files that apply to recipe fn (get_file_appends): same base
// name, or a "%" wildcard matching the rest of it.
func (c *Collections) AppendsFor(fn string) []string {
	f := filepath.Base(fn)
	var out []string
	for _, a := range c.Appends {
		b := strings.TrimSuffix(filepath.Base(a), ".bbappend") + ".bb"
		if b == f {
			out = append(out, a)
		} else if i := strings.IndexByte(b, '%'); i >= 0 && strings.HasPrefix(f, b[:i]) {
			out = append(out, a)
		}
	}
	return out
}

// pyRegexp compiles a Python regular expression with Go's syntax where they agree.
func pyRegexp(expr string) (*regexp.Regexp, error) {
	return regexp.Compile(expr)
}

// layers is handleCollections: priorities (explicit or computed from LAYERDEPENDS) and
// patterns, with LAYERDEPENDS checked.
func (c *Cooker) layers(d *data.Store) ([]Layer, error) {
	collections := strings.Fields(c.getString(d, "BBFILE_COLLECTIONS"))
	prio := map[string]int{}
	deps := map[string][]string{}
	minPrio := 0
	var errs []string
	for _, col := range collections {
		if p := c.getString(d, "BBFILE_PRIORITY_"+col); p != "" {
			n := atoiOr(p, -1<<31)
			if n == -1<<31 {
				errs = append(errs, fmt.Sprintf("invalid value for BBFILE_PRIORITY_%s: %q", col, p))
				continue
			}
			if minPrio == 0 || n < minPrio {
				minPrio = n
			}
			prio[col] = n
		}
		for _, dep := range depNames(c.getString(d, "LAYERDEPENDS_"+col)) {
			if !slices.Contains(collections, dep.name) {
				errs = append(errs, fmt.Sprintf("Layer '%s' depends on layer '%s', but this layer is not enabled in your configuration", col, dep.name))
				continue
			}
			if dep.version != "" {
				have := c.getString(d, "LAYERVERSION_"+dep.name)
				if have == "" {
					errs = append(errs, fmt.Sprintf("Layer '%s' depends on version %s of layer '%s', which exists in your configuration but does not specify a version.", col, dep.version, dep.name))
				} else if ok, err := versionOp(have, dep.version); err != nil || !ok {
					errs = append(errs, fmt.Sprintf("Layer '%s' depends on version %s of layer '%s', but version %s is currently enabled in your configuration.", col, dep.version, dep.name, have))
				}
			}
			deps[col] = append(deps[col], dep.name)
		}
		for _, rec := range depNames(c.getString(d, "LAYERRECOMMENDS_"+col)) {
			if slices.Contains(collections, rec.name) {
				deps[col] = append(deps[col], rec.name)
			}
		}
	}
	var calc func(col string, seen map[string]bool)
	calc = func(col string, seen map[string]bool) {
		if _, ok := prio[col]; ok || seen[col] {
			return
		}
		seen[col] = true
		m := minPrio
		for _, dep := range deps[col] {
			calc(dep, seen)
			if prio[dep] > m {
				m = prio[dep]
			}
		}
		prio[col] = m + 1
	}
	var out []Layer
	for _, col := range collections {
		calc(col, map[string]bool{})
		v, _ := d.GetVar("BBFILE_PATTERN_"+col, false)
		if v == nil {
			errs = append(errs, "BBFILE_PATTERN_"+col+" not defined")
			continue
		}
		pat := c.getString(d, "BBFILE_PATTERN_"+col)
		expr := pat
		if pat == "" {
			expr = "^NULL$"
		}
		re, err := pyRegexp("^(?:" + expr + ")")
		if err != nil {
			errs = append(errs, fmt.Sprintf("BBFILE_PATTERN_%s %q is not a valid regular expression", col, pat))
			continue
		}
		out = append(out, Layer{Name: col, Pattern: pat, re: re, Priority: prio[col]})
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("errors during parsing layer configuration:\n  %s", strings.Join(errs, "\n  "))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Priority > out[j].Priority })
	return out, nil
}

type layerDep struct{ name, version string }

// depNames parses "a (>= 2) b" (explode_dep_versions2) into names with an optional
// "OP VERSION" constraint.
func depNames(s string) []layerDep {
	var out []layerDep
	f := strings.Fields(s)
	for i := 0; i < len(f); i++ {
		if strings.HasPrefix(f[i], "(") {
			ver := []string{}
			for ; i < len(f); i++ {
				ver = append(ver, strings.Trim(f[i], "()"))
				if strings.HasSuffix(f[i], ")") {
					break
				}
			}
			if len(out) > 0 {
				out[len(out)-1].version = strings.TrimSpace(strings.Join(ver, " "))
			}
			continue
		}
		out = append(out, layerDep{name: f[i]})
	}
	return out
}

// versionOp checks "have" against "OP VERSION" (bb.utils.vercmp_string_op).
func versionOp(have, constraint string) (bool, error) {
	op, ver, ok := strings.Cut(constraint, " ")
	if !ok {
		op, ver = "=", constraint
	}
	r := vercmpPart(have, strings.TrimSpace(ver))
	switch op {
	case "=", "==":
		return r == 0, nil
	case "<=":
		return r <= 0, nil
	case ">=":
		return r >= 0, nil
	case ">", ">>":
		return r > 0, nil
	case "<", "<<":
		return r < 0, nil
	case "!=":
		return r != 0, nil
	}
	return false, fmt.Errorf("unsupported version comparison operator %q", op)
}

// collect is collect_bbfiles for one multiconfig.
func (c *Cooker) collect(d *data.Store) (*Collections, error) {
	layers, err := c.layers(d)
	if err != nil {
		return nil, err
	}
	col := &Collections{Layers: layers}
	files := strings.Fields(c.getString(d, "BBFILES"))
	sort.SliceStable(files, func(i, j int) bool {
		pi, _ := col.Priority(files[i])
		pj, _ := col.Priority(files[j])
		return pi < pj
	})
	if len(files) == 0 {
		// No BBFILES: the .bb files of the current directory (get_bbfiles).
		entries, _ := os.ReadDir(c.opts.Dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".bb") {
				files = append(files, filepath.Join(c.opts.Dir, e.Name()))
			}
		}
		if len(files) == 0 {
			c.warnf("no recipe files to build, check your BBPATH and BBFILES?")
		}
	}
	var found []string
	seen := map[string]bool{}
	add := func(g string) {
		if !seen[g] {
			seen[g] = true
			found = append(found, g)
		}
	}
	for _, f := range files {
		if st, err := os.Stat(f); err == nil && st.IsDir() {
			err := filepath.WalkDir(f, func(p string, e os.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if e.IsDir() && (e.Name() == "SCCS" || e.Name() == "CVS" || e.Name() == ".svn") {
					return filepath.SkipDir
				}
				if !e.IsDir() && (strings.HasSuffix(p, ".bb") || strings.HasSuffix(p, ".bbappend")) {
					add(p)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
			continue
		}
		globbed, err := pyGlob(f)
		if err != nil {
			return nil, fmt.Errorf("BBFILES entry %q: %w", f, err)
		}
		if len(globbed) == 0 && exists(f) {
			globbed = []string{f}
		}
		sort.Strings(globbed)
		for _, g := range globbed {
			add(g)
		}
	}
	var mask *regexp.Regexp
	if m := c.getString(d, "BBMASK"); m != "" {
		var parts []string
		for _, p := range strings.Fields(m) {
			p = strings.TrimPrefix(p, "|")
			if _, err := pyRegexp(p); err != nil {
				c.warnf("BBMASK contains an invalid regular expression, ignoring: %s", p)
				continue
			}
			parts = append(parts, p)
		}
		if len(parts) > 0 {
			mask, _ = pyRegexp(strings.Join(parts, "|"))
		}
	}
	for _, f := range found {
		if mask != nil && mask.MatchString(f) {
			col.Masked++
			continue
		}
		switch {
		case strings.HasSuffix(f, ".bb"):
			col.Files = append(col.Files, f)
		case strings.HasSuffix(f, ".bbappend"):
			col.Appends = append(col.Appends, f)
		}
	}
	return col, nil
}

// hasMeta reports whether s holds glob metacharacters.
func hasMeta(s string) bool { return strings.ContainsAny(s, "*?[") }

// pyGlob is Python's glob.glob: unlike filepath.Glob it keeps the pattern's directory part
// as written (no cleaning of "..") and skips hidden names unless the pattern starts with ".".
func pyGlob(pattern string) ([]string, error) {
	if !hasMeta(pattern) {
		if _, err := os.Lstat(pattern); err == nil {
			return []string{pattern}, nil
		}
		return nil, nil
	}
	dir, base := pattern[:strings.LastIndex(pattern, "/")+1], pattern[strings.LastIndex(pattern, "/")+1:]
	dirs := []string{dir}
	if hasMeta(dir) {
		var err error
		if dirs, err = pyGlob(strings.TrimSuffix(dir, "/")); err != nil {
			return nil, err
		}
		for i := range dirs {
			dirs[i] += "/"
		}
	}
	var out []string
	for _, d := range dirs {
		if !hasMeta(base) {
			if _, err := os.Lstat(d + base); err == nil {
				out = append(out, d+base)
			}
			continue
		}
		read := d
		if read == "" {
			read = "."
		}
		entries, err := os.ReadDir(read)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(base, ".") {
				continue
			}
			ok, err := filepath.Match(base, e.Name())
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, d+e.Name())
			}
		}
	}
	return out, nil
}
