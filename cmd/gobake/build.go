package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"golang.org/x/term"

	"github.com/gobake/gobake/internal/bake"
	"github.com/gobake/gobake/internal/build"
	"github.com/gobake/gobake/internal/cook"
	"github.com/gobake/gobake/internal/exec"
	"github.com/gobake/gobake/runqueue"
	"github.com/gobake/gobake/runqueue/sqlitestore"
)

// buildFlags are bitbake's options for running tasks.
type buildFlags struct {
	task      *string
	force     *bool
	clear     *string
	keepGoing *bool
	runAll    *string
	runOnly   *string
}

func addBuildFlags(fs *flag.FlagSet) *buildFlags {
	return &buildFlags{
		task:      fs.String("c", "", "run TASK of the targets (default: build)"),
		force:     fs.Bool("f", false, "force the target tasks to run, invalidating their stamps"),
		clear:     fs.String("C", "", "invalidate the stamp of TASK, then run the default task"),
		keepGoing: fs.Bool("k", false, "continue as much as possible after a failure"),
		runAll:    fs.String("runall", "", "run TASK for every recipe in the targets' graph"),
		runOnly:   fs.String("runonly", "", "run only TASK of the recipes in the targets' graph"),
	}
}

func (b *buildFlags) request(targets []string) bake.Request {
	req := bake.Request{Targets: targets, DefaultTask: *b.task}
	if *b.runAll != "" {
		req.RunAll = strings.Split(*b.runAll, ",")
	}
	if *b.runOnly != "" {
		req.RunOnly = strings.Split(*b.runOnly, ",")
	}
	return req
}

// writeGraph is gobake -g: task-depends.dot and pn-buildlist in the current directory.
func writeGraph(c *cook.Cooker, req bake.Request, stdout, stderr io.Writer) int {
	plan, err := bake.Prepare(c, req)
	if err != nil {
		fmt.Fprintln(stderr, "ERROR:", err)
		return 1
	}
	dir, _ := os.Getwd()
	if err := plan.Graph.WriteDot(dir); err != nil {
		fmt.Fprintln(stderr, "ERROR:", err)
		return 1
	}
	fmt.Fprintf(stdout, "Task dependencies saved to 'task-depends.dot'\nPN build list saved to 'pn-buildlist'\n")
	return 0
}

// runBuild builds the targets: one gobake per build directory, state in TMPDIR's sqlite
// database, progress on stderr.
func runBuild(c *cook.Cooker, th *bake.TaskHooks, argv []string, bf *buildFlags, targets []string, stdout, stderr io.Writer) int {
	get := func(name string) string {
		v, _, _ := c.Base.Get(name)
		return v
	}
	tmpdir, topdir := get("TMPDIR"), get("TOPDIR")
	if tmpdir == "" || topdir == "" {
		fmt.Fprintln(stderr, "ERROR: TMPDIR and TOPDIR must be set by the configuration")
		return 1
	}
	lock, err := runqueue.LockBuildDir(filepath.Join(topdir, "bitbake.lock"), strings.Join(argv, " "))
	if err != nil {
		fmt.Fprintln(stderr, "ERROR:", err)
		return 1
	}
	defer lock.Unlock()
	if lock.Stale != 0 {
		fmt.Fprintf(stderr, "NOTE: process %d, which held the build directory, is gone; taking over\n", lock.Stale)
	}

	req := bf.request(targets)
	if *bf.clear != "" {
		req.DefaultTask = ""
	}
	plan, err := bake.Prepare(c, req)
	if err != nil {
		fmt.Fprintln(stderr, "ERROR:", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	var priv exec.Runner
	if needsPrivileged(get) {
		mode, err := exec.ModeFrom(get)
		if err != nil {
			fmt.Fprintln(stderr, "ERROR:", err)
			return 1
		}
		self, err := os.Executable()
		if err != nil {
			fmt.Fprintln(stderr, "ERROR:", err)
			return 1
		}
		priv, err = exec.Open(ctx, exec.Options{Mode: mode, Namespace: exec.NamespaceOptions{
			Self: []string{self, "__ns"}, RunDir: filepath.Join(tmpdir, "gobake"), Stderr: stderr,
		}})
		if err != nil {
			fmt.Fprintln(stderr, "ERROR:", err)
			return 1
		}
		defer priv.Close()
	}

	store, err := sqlitestore.Open(sqlitestore.Path(tmpdir))
	if err != nil {
		fmt.Fprintln(stderr, "ERROR:", err)
		return 1
	}
	defer store.Close()

	inv := runqueue.Invalidation{Force: *bf.force}
	if *bf.clear != "" {
		inv.ClearStamp = strings.Split(*bf.clear, ",")
	}
	threads := 0
	fmt.Sscan(get("BB_NUMBER_THREADS"), &threads)
	isTerm := false
	if f, ok := stderr.(*os.File); ok {
		isTerm = term.IsTerminal(int(f.Fd()))
	}
	progress := runqueue.NewProgress(stderr, isTerm)
	env := taskEnv(get)
	py := &bake.CookPython{Py: c.Python(), Hooks: th, Options: build.Options{Privileged: priv, Env: env}}
	sum, err := plan.Run(ctx, bake.RunOptions{
		Python:     py,
		Privileged: priv,
		Env:        env,
		Threads:    threads,
		KeepGoing:  *bf.keepGoing,
		Store:      store,
		Observer:   progress,
		Invalidate: inv,
		Command:    strings.Join(argv, " "),
		Targets:    targets,
	})
	if sum != nil {
		runqueue.WriteSummary(stdout, sum)
	}
	if err != nil {
		var be *runqueue.BuildError
		if !errors.As(err, &be) {
			fmt.Fprintln(stderr, "ERROR:", err)
		}
		return 1
	}
	return 0
}

// needsPrivileged reports whether the build wants the privileged wrapper: when a chroot mode
// is configured, or for Isar layers (their recipes call sudo).
func needsPrivileged(get func(string) string) bool {
	return get(exec.ModeVar) != "" || get("ISAR_CHROOT_MODE") != "" || get("DISTRO_ARCH") != ""
}

// taskEnv is the environment task scripts start from: BitBake keeps only the variables
// BB_ENV_PASSTHROUGH(_ADDITIONS) name, plus a PATH.
func taskEnv(get func(string) string) []string {
	keep := map[string]bool{}
	for _, v := range strings.Fields(get("BB_ENV_PASSTHROUGH") + " " + get("BB_ENV_PASSTHROUGH_ADDITIONS")) {
		keep[v] = true
	}
	env := []string{"PATH=" + os.Getenv("PATH")}
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if keep[k] && k != "PATH" {
			env = append(env, kv)
		}
	}
	return env
}
