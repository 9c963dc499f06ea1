package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gobake/gobake/internal/bake"
	"github.com/gobake/gobake/internal/cook"
	"github.com/gobake/gobake/internal/data"
	"github.com/gobake/gobake/internal/gctune"
	"github.com/gobake/gobake/internal/pyrt"
)

type stderrLog struct{ w io.Writer }

func (l stderrLog) Warn(msg string) { fmt.Fprintln(l.w, "WARNING:", msg) }

// buildDir is the directory gobake works in: the current one when conf/bblayers.conf is
// found from it upwards, else $BUILDDIR when set.
func buildDir(env map[string]string) (string, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for p := cwd; ; p = filepath.Dir(p) {
		if _, err := os.Stat(filepath.Join(p, "conf", "bblayers.conf")); err == nil {
			return cwd, nil
		}
		if p == "/" || p == "." {
			break
		}
	}
	if b := env["BUILDDIR"]; b != "" {
		return b, nil
	}
	return cwd, nil
}

func environ() map[string]string {
	env := map[string]string{}
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	return env
}

// newCooker parses the configuration of the build directory. Recipes are parsed by as many
// cookers as there are CPUs (each with its own Python runtime).
func newCooker(argv []string, tracking bool, stderr io.Writer) (*cook.Cooker, error) {
	return newCookerJobs(argv, tracking, stderr, runtime.NumCPU(), nil, nil, false)
}

// newCookerJobs is newCooker with the number of parsing cookers and, for builds, the hooks
// that route the Python runtime's messages and bb.build.exec_func to the running task.
// codes is the compiled-code cache the cooker's Python runtime shares with its workers' (a
// new one when nil).
// lazyMCs makes the cooker parse multiconfig configurations only as it needs them
// (cook.Options.LazyMCs): parsing workers. The cooker gobake runs parses them all, as
// BitBake does, so that an error in any of them stops every command.
func newCookerJobs(argv []string, tracking bool, stderr io.Writer, jobs int, th *bake.TaskHooks, codes *pyrt.CodeCache, lazyMCs bool) (*cook.Cooker, error) {
	if codes == nil {
		codes = pyrt.NewCodeCache()
	}
	env := environ()
	dir, err := buildDir(env)
	if err != nil {
		return nil, err
	}
	py, err := newPython(stderr, th, codes)
	if err != nil {
		return nil, err
	}
	opts := cook.Options{
		Parser:   cook.MetadataParser{},
		Python:   py,
		Env:      env,
		Dir:      dir,
		Argv:     argv,
		Tracking: tracking,
		Jobs:     jobs,
		Log:      stderrLog{stderr},
	}
	if jobs > 1 {
		opts.Fork = preforked(func() (*cook.Cooker, error) {
			// Worker cookers repeat the configuration's warnings: keep them quiet.
			return newCookerJobs(argv, false, io.Discard, 1, nil, codes, true)
		})
	}
	opts.LazyMCs = lazyMCs
	c := cook.New(opts)
	if err := c.ParseConfiguration(); err != nil {
		return nil, err
	}
	return c, nil
}

// preforked returns a Fork function whose first call returns a worker cooker that was
// started at once: it parses the default configuration on another core while this cooker
// parses all of them, and then, until it is asked for, the configurations of the last
// multiconfigs (of more than four, at most half: the other cooker takes multiconfigs from
// the front, and configurations the worker does not parse keep its memory, and the
// collector's work, down). Later calls make new workers.
func preforked(fork func() (*cook.Cooker, error)) func() (*cook.Cooker, error) {
	type result struct {
		c   *cook.Cooker
		err error
	}
	first := make(chan result, 1)
	var stop atomic.Bool
	go func() {
		c, err := fork()
		if err == nil {
			names := c.MCNames[1:]
			last := len(names) / 2 // parse names[last:]; all of a few
			if len(names) <= 4 {
				last = 0
			}
			for i := len(names) - 1; i >= last && !stop.Load(); i-- {
				if err = c.EnsureMC(names[i]); err != nil {
					break
				}
			}
		}
		first <- result{c, err}
	}()
	var mu sync.Mutex
	used := false
	return func() (*cook.Cooker, error) {
		mu.Lock()
		mine := !used
		used = true
		mu.Unlock()
		if mine {
			stop.Store(true)
			r := <-first
			return r.c, r.err
		}
		return fork()
	}
}

// gcBudget is the heap size gctune aims at. With the runtime's own memory, a parse of all 69
// Isar multiconfigs peaks at about 255 MB of resident memory (the goal is at most 300 MB);
// 200 MB cost 5% more time, 250 MB came within 15 MB of the goal.
const gcBudget = 220 << 20

// runBitbake implements the default command: gobake [-e] [-p] [-s] [-g] [TARGET...].
func runBitbake(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gobake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	env := fs.Bool("e", false, "show the global or per-recipe environment (as bitbake -e)")
	parseOnly := fs.Bool("p", false, "parse every recipe of every multiconfig and report errors and skipped recipes")
	versions := fs.Bool("s", false, "show the latest and preferred version of every recipe")
	graph := fs.Bool("g", false, "write the task graph (task-depends.dot, pn-buildlist)")
	bf := addBuildFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gobake [-e] [-p] [-s] [-g] [TARGET...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	targets := fs.Args()
	if (*graph || !*env && !*parseOnly && !*versions) && len(targets) == 0 {
		fmt.Fprintln(stderr, "gobake: no targets given")
		fs.Usage()
		return 2
	}
	argv := append([]string{os.Args[0]}, args...)
	// Parsing allocates fast over a small live heap: let the heap grow to this budget
	// rather than collect after every few recipes (internal/gctune).
	defer gctune.Start(gcBudget)()
	th := &bake.TaskHooks{Console: stderr}
	c, err := newCookerJobs(argv, *env, stderr, runtime.NumCPU(), th, nil, false)
	if err != nil {
		fmt.Fprintln(stderr, "ERROR:", err)
		return 1
	}
	switch {
	case *graph:
		return writeGraph(c, bf.request(targets), stdout, stderr)
	case !*env && !*parseOnly && !*versions:
		return runBuild(c, th, argv, bf, targets, stdout, stderr)
	case *env:
		if len(targets) > 1 {
			fmt.Fprintln(stderr, "gobake: -e takes at most one target")
			return 2
		}
		target := ""
		if len(targets) == 1 {
			target = targets[0]
		}
		w := bufio.NewWriterSize(stdout, 1<<16)
		err := c.ShowEnvironment(w, target)
		if ferr := w.Flush(); err == nil {
			err = ferr
		}
		if err != nil {
			fmt.Fprintln(stderr, "ERROR:", err)
			return 1
		}
	case *parseOnly:
		return parseEverything(c, stdout, stderr)
	case *versions:
		idx, err := c.ParseAll("")
		if err != nil {
			fmt.Fprintln(stderr, "ERROR:", err)
			return 1
		}
		ver := func(v cook.Version) string { return v.PE + ":" + v.PV + "-" + v.PR }
		fmt.Fprintf(stdout, "%-35s %25s %25s %25s\n", "Recipe Name", "Latest Version", "Preferred Version", "Required Version")
		fmt.Fprintf(stdout, "%-35s %25s %25s %25s\n\n", "===========", "==============", "=================", "================")
		for _, r := range c.Versions(idx) {
			pref := ver(r.Preferred)
			if r.Preferred == r.Latest {
				pref = ""
			}
			fmt.Fprintf(stdout, "%-35s %25s %25s %25s\n", r.PN, ver(r.Latest), pref, "")
		}
	}
	return 0
}

// parseEverything is gobake -p: every recipe of every multiconfig.
func parseEverything(c *cook.Cooker, stdout, stderr io.Writer) int {
	files, recipes, skipped, masked, errs := 0, 0, 0, 0, 0
	all, err := c.ParseEverything()
	if err != nil {
		fmt.Fprintln(stderr, "ERROR:", err)
		return 1
	}
	for _, mc := range c.MCNames {
		idx := all[mc]
		files += len(c.Collections[mc].Files)
		masked += c.Collections[mc].Masked
		for _, r := range idx.Recipes {
			recipes++
			switch {
			case r.Err != nil:
				errs++
				fmt.Fprintf(stderr, "ERROR: %s: %v\n", r.VirtualFn, r.Err)
			case r.Skipped != "":
				skipped++
				fmt.Fprintf(stdout, "SKIPPED: %s: %s\n", r.VirtualFn, r.Skipped)
			}
		}
	}
	fmt.Fprintf(stdout, "Parsing of %d .bb files complete (0 cached, %d parsed). %d targets, %d skipped, %d masked, %d errors.\n", files, files, recipes, skipped, masked, errs)
	if errs > 0 {
		return 1
	}
	return 0
}

// runGetvar implements gobake getvar [-r RECIPE] [--value] VAR.
func runGetvar(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gobake getvar", flag.ContinueOnError)
	fs.SetOutput(stderr)
	recipe := fs.String("r", "", "show the variable in this recipe's environment")
	value := fs.Bool("value", false, "print only the expanded value")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: gobake getvar [-r RECIPE] [--value] VAR")
		return 2
	}
	name := fs.Arg(0)
	c, err := newCooker(append([]string{os.Args[0], "getvar"}, args...), !*value, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "ERROR:", err)
		return 1
	}
	d, err := c.Environment(*recipe)
	if err != nil {
		fmt.Fprintln(stderr, "ERROR:", err)
		return 1
	}
	if *value {
		v, ok, err := d.Get(name)
		if err != nil {
			fmt.Fprintln(stderr, "ERROR:", err)
			return 1
		}
		if !ok {
			fmt.Fprintln(stderr, "ERROR:", name, "is not set")
			return 1
		}
		fmt.Fprintln(stdout, v)
		return 0
	}
	if _, err := d.EmitVar(stdout, name, true); err != nil {
		var ee *data.ExpansionError
		if errors.As(err, &ee) {
			fmt.Fprintln(stderr, "ERROR:", ee)
			return 1
		}
		fmt.Fprintln(stderr, "ERROR:", err)
		return 1
	}
	return 0
}

// newPython returns the cooker's Python runtime. th, when set, receives the runtime's
// messages and bb.build.exec_func calls (see bake.TaskHooks).
func newPython(stderr io.Writer, th *bake.TaskHooks, codes *pyrt.CodeCache) (cook.Python, error) {
	hooks := cook.CookerHooks()
	if th != nil {
		hooks.Log = th.Log
		hooks.ExecFunc = func(name string, d pyrt.DataStore) error {
			s, ok := cook.StoreOf(d)
			if !ok {
				return fmt.Errorf("bb.build.exec_func(%q): not a recipe datastore", name)
			}
			return th.ExecFunc(name, s)
		}
	}
	rt, err := pyrt.New(pyrt.Options{Stdout: stderr, Stderr: stderr, Hooks: hooks, Codes: codes})
	if err != nil {
		return nil, fmt.Errorf("starting the Python runtime: %w", err)
	}
	p, err := cook.NewPyrtPython(rt)
	if err != nil {
		return nil, fmt.Errorf("starting the Python runtime: %w", err)
	}
	return p, nil
}
