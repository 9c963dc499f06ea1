package cook

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/gobake/gobake/internal/data"
)

// Logger receives the cooker's warnings (bb.warn), each naming file:line where known.
type Logger interface {
	Warn(msg string)
}

// Options configure a Cooker. Only cmd/ reads the process environment: it passes it here.
type Options struct {
	Parser Parser
	Python Python // nil: no Python (see Python)
	// Env is the environment gobake was started with (os.Environ as a map).
	Env map[string]string
	// Dir is the directory gobake runs in; conf/bblayers.conf is searched from it upwards.
	Dir string
	// Argv is the command line, for BB_CMDLINE.
	Argv []string
	// Prefiles and Postfiles are parsed before and after conf/bitbake.conf (-r / -R).
	Prefiles, Postfiles []string
	// Tracking keeps variable history (bitbake -e); it costs memory and time.
	Tracking bool
	// Jobs is how many recipe files ParseAll parses at a time (at least 1). With Fork set,
	// each of them is parsed by its own cooker; without, the Python runtime must be safe for
	// concurrent use when Jobs is more than 1.
	Jobs int
	// Fork makes another cooker for the same build directory (configuration parsed, with
	// its own Python runtime) for parallel parsing; made with LazyMCs, it parses only the
	// multiconfigs it gets recipes of.
	Fork func() (*Cooker, error)
	// LazyMCs makes ParseConfiguration parse the default configuration only; a multiconfig
	// is parsed when EnsureMC first asks for it. Parsing workers use it: each parses the
	// configurations of the multiconfigs it gets recipes of. Without effect when the default
	// configuration has a MultiConfigParsed handler, which needs them all.
	LazyMCs bool
	// FilesPerWorker is how many recipe files justify one more cooker (default 16).
	FilesPerWorker int
	Log            Logger
}

// Cooker parses configuration and recipes of one build directory.
type Cooker struct {
	opts    Options
	files   sync.Map // absolute path -> *File
	stats   sync.Map // path -> fileKind (see stat)
	whiches sync.Map // path + "\x00" + item -> whichResult (see which)
	events  registry
	copyMu  sync.Mutex // guards CreateCopy of the multiconfig datastores

	base *data.Store // the datastore configurations start from (baseData), for EnsureMC

	// Base is the datastore of the global configuration; MC holds one per multiconfig,
	// "" being the default one (Base itself).
	Base *data.Store
	MC   map[string]*data.Store
	// MCNames lists the multiconfigs in BBMULTICONFIG order, "" first.
	MCNames []string
	// Collections per multiconfig: layers, BBFILES, appends, priorities.
	Collections map[string]*Collections
}

// New returns a cooker; call ParseConfiguration next.
func New(opts Options) *Cooker {
	if opts.Dir == "" {
		opts.Dir, _ = os.Getwd()
	}
	return &Cooker{opts: opts, events: registry{scope: &eventScope{byName: map[string]*handler{}}}}
}

func (c *Cooker) warnf(format string, args ...any) {
	if c.opts.Log != nil {
		c.opts.Log.Warn(fmt.Sprintf(format, args...))
	}
}

type storeLog struct{ c *Cooker }

func (l storeLog) Warn(msg string)  { l.c.warnf("%s", msg) }
func (l storeLog) Error(msg string) { l.c.warnf("ERROR: %s", msg) }

// preservedExported are taken from the environment and exported (bb.utils.preserved_envvars_exported).
var preservedExported = []string{"BB_TASKHASH", "HOME", "LOGNAME", "PATH", "PWD", "SHELL", "USER", "LC_ALL", "BBSERVER"}

// approvedVariables is bb.utils.approved_variables: the environment variables BitBake keeps.
func (c *Cooker) approvedVariables() map[string]bool {
	env := c.opts.Env
	ok := map[string]bool{}
	if _, set := env["BB_PRESERVE_ENV"]; set {
		for k := range env {
			ok[k] = true
		}
		return ok
	}
	var list []string
	if v, set := env["BB_ENV_PASSTHROUGH"]; set {
		list = append(strings.Fields(v), "BB_ENV_PASSTHROUGH")
	} else {
		list = append([]string{"BBPATH", "BB_PRESERVE_ENV", "BB_ENV_PASSTHROUGH_ADDITIONS"}, preservedExported...)
	}
	if v, set := env["BB_ENV_PASSTHROUGH_ADDITIONS"]; set {
		list = append(list, strings.Fields(v)...)
		list = append(list, "BB_ENV_PASSTHROUGH_ADDITIONS")
	}
	for _, k := range list {
		ok[k] = true
	}
	return ok
}

// baseData is CookerDataBuilder.__init__: the datastore every configuration starts from.
func (c *Cooker) baseData() (*data.Store, error) {
	d := data.New()
	d.Log = storeLog{c}
	if c.opts.Python != nil {
		d.Python = c.opts.Python
	}
	if c.opts.Tracking {
		d.EnableTracking()
	}
	approved := c.approvedVariables()
	keys := make([]string, 0, len(c.opts.Env))
	for k := range c.opts.Env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !approved[k] {
			continue
		}
		if err := d.SetVar(k, c.opts.Env[k], data.Info{Op: "from env", File: "data.py", Line: 105, Func: "inheritFromOS"}); err != nil {
			return nil, err
		}
		if slices.Contains(preservedExported, k) {
			if err := d.SetVarFlag(k, "export", true, data.Info{Op: "auto env export", File: "data.py", Line: 107, Func: "inheritFromOS"}); err != nil {
				return nil, err
			}
		}
	}
	if err := d.SetVar("BB_ORIGENV", origEnv(c.opts.Env), data.Info{File: "cookerdata.py", Line: 248, Func: "__init__"}); err != nil {
		return nil, err
	}
	if err := d.SetVar("__bbclasstype", "global", data.Info{Ignore: true}); err != nil {
		return nil, err
	}
	return d, nil
}

// origEnv is BB_ORIGENV: the whole original environment (a datastore in BitBake).
type origEnv map[string]string

func (e origEnv) String() string { return "<bb.data_smart.DataSmart object>" }

// findConfigFile is cookerdata.findConfigFile: conf/NAME along BBPATH, then from Dir upwards.
func (c *Cooker) findConfigFile(name string, d *data.Store) string {
	var search []string
	if bbpath := c.getString(d, "BBPATH"); bbpath != "" {
		for _, p := range strings.Split(bbpath, ":") {
			search = append(search, filepath.Join(p, "conf", name))
		}
	}
	for p := c.opts.Dir; p != "/" && p != "."; p = filepath.Dir(p) {
		search = append(search, filepath.Join(p, "conf", name))
	}
	for _, s := range search {
		if exists(s) {
			return s
		}
	}
	return ""
}

// ParseConfiguration parses the configuration of every multiconfig
// (CookerDataBuilder.parseBaseConfiguration) and collects their recipe files.
func (c *Cooker) ParseConfiguration() error {
	base, err := c.baseData()
	if err != nil {
		return err
	}
	sc := &eventScope{byName: map[string]*handler{}}
	d, err := c.parseConfigurationFiles(base, "default", sc)
	if err != nil {
		return err
	}
	if err := c.fire(d, sc, Event{Class: ConfigParsed}); err != nil {
		return err
	}
	// A ConfigParsed handler may ask for the configuration to be parsed again.
	for n := 0; invalidConf(d); n++ {
		if n > 20 {
			return fmt.Errorf("Too deep config re-parse loop. Check locations where BB_INVALIDCONF is being set (ConfigParsed event handlers)")
		}
		sc = &eventScope{byName: map[string]*handler{}}
		if d, err = c.parseConfigurationFiles(base, "default", sc); err != nil {
			return err
		}
		if err := c.fire(d, sc, Event{Class: ConfigParsed}); err != nil {
			return err
		}
	}
	c.MC = map[string]*data.Store{"": d}
	c.MCNames = []string{""}
	multiconfigs := strings.Fields(c.getString(d, "BBMULTICONFIG"))
	lazy := c.opts.LazyMCs && len(handlersFor(d, sc, MultiConfigParsed)) == 0
	for _, mc := range multiconfigs {
		if unicode.IsDigit(rune(mc[0])) {
			return fmt.Errorf("Multiconfig name '%s' is invalid as multiconfigs cannot start with a digit", mc)
		}
		c.MCNames = append(c.MCNames, mc)
		if lazy {
			continue
		}
		md, err := c.parseConfigurationFiles(base, mc, sc)
		if err != nil {
			return fmt.Errorf("multiconfig %s: %w", mc, err)
		}
		if err := c.fire(md, sc, Event{Class: ConfigParsed}); err != nil {
			return err
		}
		c.MC[mc] = md
	}
	if len(multiconfigs) > 0 && !lazy {
		if err := c.fire(d, sc, Event{Class: MultiConfigParsed}); err != nil {
			return err
		}
	}
	c.events.mu.Lock()
	c.events.scope = sc
	c.events.mu.Unlock()
	// The cooker sets BB_CMDLINE on the default configuration once it is parsed.
	argv := make([]string, len(c.opts.Argv))
	for i, a := range c.opts.Argv {
		argv[i] = data.PyRepr(a)
	}
	if err := d.SetVar("BB_CMDLINE", "["+strings.Join(argv, ", ")+"]", data.Info{File: "cooker.py", Line: 294, Func: "initConfigurationData"}); err != nil {
		return err
	}
	c.Collections = map[string]*Collections{}
	c.Base = d
	c.base = base
	for _, mc := range c.MCNames {
		if md, ok := c.MC[mc]; ok {
			if err := c.finishMC(mc, md); err != nil {
				return err
			}
		}
	}
	return nil
}

// finishMC makes the parsed configuration md of multiconfig mc the one recipes start from,
// and collects its recipe files.
func (c *Cooker) finishMC(mc string, md *data.Store) error {
	if err := md.RenameVar("__depends", "__base_depends", data.Info{Ignore: true}); err != nil {
		return err
	}
	if err := md.SetVar("__bbclasstype", "recipe", data.Info{Ignore: true}); err != nil {
		return err
	}
	col, err := c.collect(md)
	if err != nil {
		return err
	}
	// Recipes read the configuration through their own layers: one more is enough.
	md.Flatten()
	c.MC[mc] = md
	c.Collections[mc] = col
	return nil
}

// HasMC reports whether the configuration of multiconfig mc has been parsed.
func (c *Cooker) HasMC(mc string) bool {
	_, ok := c.MC[mc]
	return ok
}

// EnsureMC parses the configuration of multiconfig mc if it has not been yet (LazyMCs).
func (c *Cooker) EnsureMC(mc string) error {
	if _, ok := c.MC[mc]; ok {
		return nil
	}
	if !slices.Contains(c.MCNames, mc) {
		return fmt.Errorf("no multiconfig named %q", mc)
	}
	c.events.mu.Lock()
	sc := c.events.scope
	c.events.mu.Unlock()
	md, err := c.parseConfigurationFiles(c.base, mc, sc)
	if err != nil {
		return fmt.Errorf("multiconfig %s: %w", mc, err)
	}
	if err := c.fire(md, sc, Event{Class: ConfigParsed}); err != nil {
		return err
	}
	return c.finishMC(mc, md)
}

func (c *Cooker) parseConfigFile(d *data.Store, fn string) error {
	_, err := c.handle(d, fn, true)
	return err
}

// parseConfigurationFiles is CookerDataBuilder.parseConfigurationFiles for one multiconfig.
func (c *Cooker) parseConfigurationFiles(base *data.Store, mc string, sc *eventScope) (*data.Store, error) {
	d := base.CreateCopy()
	d.Includes = data.NewIncludeHistory()
	if err := d.SetVar("BB_CURRENT_MC", mc, internal("cookerdata.py", 345, "parseConfigurationFiles")); err != nil {
		return nil, err
	}
	for _, f := range c.opts.Prefiles {
		if err := c.parseConfigFile(d, f); err != nil {
			return nil, err
		}
	}
	layerconf := c.findConfigFile("bblayers.conf", d)
	if layerconf != "" {
		if err := d.SetVar("TOPDIR", filepath.Dir(filepath.Dir(layerconf)), internal("cookerdata.py", 356, "parseConfigurationFiles")); err != nil {
			return nil, err
		}
		if err := c.parseConfigFile(d, layerconf); err != nil {
			return nil, err
		}
		if c.getString(d, "BB_CACHEDIR") == "" {
			if err := d.SetVar("BB_CACHEDIR", "${TOPDIR}/cache", internal("cookerdata.py", 360, "parseConfigurationFiles")); err != nil {
				return nil, err
			}
		}
		if err := c.parseLayers(d, layerconf); err != nil {
			return nil, err
		}
	}
	if c.getString(d, "BBPATH") == "" {
		msg := "The BBPATH variable is not set"
		if layerconf == "" {
			msg += " and bitbake did not find a conf/bblayers.conf file in the expected location.\nMaybe you accidentally invoked bitbake from the wrong directory?"
		}
		return nil, fmt.Errorf("%s", msg)
	}
	if c.getString(d, "TOPDIR") == "" {
		if err := d.SetVar("TOPDIR", c.opts.Dir, internal("cookerdata.py", 465, "parseConfigurationFiles")); err != nil {
			return nil, err
		}
	}
	if c.getString(d, "BB_CACHEDIR") == "" {
		if err := d.SetVar("BB_CACHEDIR", "${TOPDIR}/cache", internal("cookerdata.py", 467, "parseConfigurationFiles")); err != nil {
			return nil, err
		}
	}
	if err := c.parseConfigFile(d, filepath.Join("conf", "bitbake.conf")); err != nil {
		return nil, err
	}
	for _, f := range c.opts.Postfiles {
		if err := c.parseConfigFile(d, f); err != nil {
			return nil, err
		}
	}
	classes := append([]string{"base"}, strings.Fields(c.getString(d, "INHERIT"))...)
	for _, cl := range classes {
		if err := c.inherit(d, cl, Pos{File: "configuration INHERITs"}, false); err != nil {
			return nil, err
		}
	}
	if err := c.register(d, sc); err != nil {
		return nil, err
	}
	if err := d.SetVar("BBINCLUDED", c.fileDepends(d), internal("cookerdata.py", 492, "parseConfigurationFiles")); err != nil {
		return nil, err
	}
	return d, nil
}

// parseLayers parses conf/layer.conf of every BBLAYERS entry with LAYERDIR set, then checks
// collections and LAYERSERIES_COMPAT as cookerdata does.
func (c *Cooker) parseLayers(d *data.Store, layerconf string) error {
	layers := strings.Fields(c.getString(d, "BBLAYERS"))
	if len(layers) == 0 {
		return fmt.Errorf("%s: the bblayers.conf file doesn't contain any BBLAYERS definition", layerconf)
	}
	var broken []string
	for _, l := range layers {
		if st, err := os.Stat(l); err != nil || !st.IsDir() {
			broken = append(broken, l)
		}
	}
	if len(broken) > 0 {
		return fmt.Errorf("%s: the following layer directories do not exist: %s", layerconf, strings.Join(broken, " "))
	}
	info := internal("cookerdata.py", 0, "parseConfigurationFiles")
	var layerseries map[string]bool
	compat := map[string][]string{}
	for _, layer := range layers {
		if strings.Contains(layer, "~") && c.approvedVariables()["HOME"] {
			if home := c.opts.Env["HOME"]; home != "" && strings.HasPrefix(layer, "~") {
				layer = home + layer[1:]
			}
		}
		layer = strings.TrimRight(layer, "/")
		if err := d.SetVar("LAYERDIR", layer, info); err != nil {
			return err
		}
		if err := d.SetVar("LAYERDIR_RE", reEscape(layer), info); err != nil {
			return err
		}
		if err := c.parseConfigFile(d, filepath.Join(layer, "conf", "layer.conf")); err != nil {
			return err
		}
		if err := expandVarref(d, "LAYERDIR"); err != nil {
			return err
		}
		if err := expandVarref(d, "LAYERDIR_RE"); err != nil {
			return err
		}
		for _, col := range strings.Fields(c.getString(d, "BBFILE_COLLECTIONS")) {
			if e := c.getString(d, "LAYERSERIES_COMPAT_"+col); e != "" {
				compat[col] = uniqSorted(strings.Fields(e))
				d.DelVar("LAYERSERIES_COMPAT_"+col, internal("cookerdata.py", 410, "parseConfigurationFiles"))
			}
		}
		if layerseries == nil {
			if ls := strings.Fields(c.getString(d, "LAYERSERIES_CORENAMES")); len(ls) > 0 {
				layerseries = map[string]bool{}
				for _, s := range ls {
					layerseries[s] = true
				}
				d.DelVar("LAYERSERIES_CORENAMES", internal("cookerdata.py", 414, "parseConfigurationFiles"))
			}
		}
	}
	d.DelVar("LAYERDIR_RE", internal("cookerdata.py", 416, "parseConfigurationFiles"))
	d.DelVar("LAYERDIR", internal("cookerdata.py", 417, "parseConfigurationFiles"))
	cols := make([]string, 0, len(compat))
	for col := range compat {
		cols = append(cols, col)
	}
	// BitBake iterates a dict in insertion order; sorted is as good for setting variables.
	sort.Strings(cols)
	for _, col := range cols {
		if err := d.SetVar("LAYERSERIES_COMPAT_"+col, strings.Join(compat[col], " "), internal("cookerdata.py", 419, "parseConfigurationFiles")); err != nil {
			return err
		}
	}
	collections := strings.Fields(c.getString(d, "BBFILE_COLLECTIONS"))
	var invalid []string
	for _, entry := range strings.Fields(c.getString(d, "BBFILES_DYNAMIC")) {
		l, f, ok := strings.Cut(entry, ":")
		if !ok {
			invalid = append(invalid, entry)
			continue
		}
		invert := strings.HasPrefix(l, "!")
		l = strings.TrimPrefix(l, "!")
		if slices.Contains(collections, l) != invert {
			if err := d.AppendVar("BBFILES", " "+f, info); err != nil {
				return err
			}
		}
	}
	if len(invalid) > 0 {
		return fmt.Errorf("BBFILES_DYNAMIC entries must be of the form {!}<collection name>:<filename pattern>, not:\n    %s", strings.Join(invalid, "\n    "))
	}
	seen := map[string]bool{}
	for _, col := range collections {
		if seen[col] {
			return fmt.Errorf("Found duplicated BBFILE_COLLECTIONS '%s', check bblayers.conf or layer.conf to fix it.", col)
		}
		seen[col] = true
		cc := compat[col]
		if len(cc) > 0 && layerseries == nil {
			return fmt.Errorf("No core layer found to work with layer '%s'. Missing entry in bblayers.conf?", col)
		}
		if len(cc) > 0 && !slices.ContainsFunc(cc, func(s string) bool { return layerseries[s] }) {
			return fmt.Errorf("Layer %s is not compatible with the core layer which only supports these series: %s (layer is compatible with %s)",
				col, strings.Join(sortedSet(layerseries), " "), strings.Join(cc, " "))
		}
		if len(cc) == 0 && c.getString(d, "BB_WORKERCONTEXT") == "" {
			c.warnf("Layer %s should set LAYERSERIES_COMPAT_%s in its conf/layer.conf file to list the core layer names it is compatible with.", col, col)
		}
	}
	return d.SetVar("LAYERSERIES_CORENAMES", strings.Join(sortedSet(layerseries), " "), internal("cookerdata.py", 455, "parseConfigurationFiles"))
}

// expandVarref is DataSmart.expandVarref: replace ${name} in every variable by its value.
func expandVarref(d *data.Store, name string) error {
	v, err := d.GetVar(name, false)
	if err != nil || v == nil {
		return err
	}
	val := data.Text(v)
	ref := "${" + name + "}"
	for _, k := range d.LocalKeys() {
		v, err := d.GetVar(k, false)
		if err != nil {
			return err
		}
		s, isStr := v.(string)
		if !isStr || !strings.Contains(s, ref) {
			continue
		}
		if err := d.SetVar(k, strings.ReplaceAll(s, ref, val), internal("data_smart.py", 1023, "expandVarref")); err != nil {
			return err
		}
	}
	return nil
}

// reEscape is Python's re.escape.
func reEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && strings.ContainsRune("()[]{}?*+-|^$\\.&~# \t\n\r\v\f", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func uniqSorted(l []string) []string {
	l = slices.Clone(l)
	sort.Strings(l)
	return slices.Compact(l)
}

func sortedSet(m map[string]bool) []string {
	l := make([]string, 0, len(m))
	for k := range m {
		l = append(l, k)
	}
	sort.Strings(l)
	return l
}

// atoiOr parses an integer, returning def when s is not one.
func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
		return n
	}
	return def
}

var _ = regexp.QuoteMeta

// invalidConf reports whether BB_INVALIDCONF is True (a bool, or "True" from Python through
// the string datastore interface).
func invalidConf(d *data.Store) bool {
	v, _ := d.GetVar("BB_INVALIDCONF", false)
	switch x := v.(type) {
	case bool:
		return x
	case string:
		return x == "True"
	}
	return false
}
