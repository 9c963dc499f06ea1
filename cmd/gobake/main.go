package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"sort"
)

// command is one gobake subcommand. run gets the arguments after the subcommand name and
// returns the process exit code.
type command struct {
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// commands lists the subcommands. Add one line per subcommand; its code lives in its own file.
func commands() map[string]command {
	return map[string]command{
		"demo":    {"set up a build directory for the embedded demo layer and build it ([-dir DIR] [ARGS])", runDemo},
		"getvar":  {"print a variable of the configuration or a recipe ([-r RECIPE] [--value] VAR)", runGetvar},
		"history": {"list past builds from the runqueue state ([-tmpdir DIR] [BUILD])", runHistory},
		"parse":   {"parse metadata files and report syntax errors", runParse},
		"python":  {"run Python under gobake's runtime (-c CODE | FILE) [ARGS]", runPython},
		"version": {"print gobake's version", runVersion},

		// privileged execution (internal/exec); cmd/gobake/ns.go
		"__ns":             {"(internal) helper processes of the unshare backend", runNS},
		"clean-privileged": {"remove build output owned by namespace ids (PATH...)", runCleanPrivileged},
		"run-privileged":   {"run a command as root through the privileged backend ([-rootfs DIR] [-bind S:D] -- CMD)", runPrivileged},
	}
}

func main() {
	// GOBAKE_CPUPROFILE=FILE writes a CPU profile of the whole run (go tool pprof FILE).
	if path := os.Getenv("GOBAKE_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil && pprof.StartCPUProfile(f) == nil {
			defer f.Close()
			defer pprof.StopCPUProfile()
		}
	}
	// GOBAKE_MEMPROFILE=FILE writes the allocations of the whole run (go tool pprof
	// -sample_index=alloc_space FILE).
	if path := os.Getenv("GOBAKE_MEMPROFILE"); path != "" {
		defer func() {
			if f, err := os.Create(path); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	if code != 0 {
		defer os.Exit(code) // deferred first, runs last: after the profiles are written
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout, cmds)
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		// bitbake-style: gobake [-e] [-p] [-s] [-g] [TARGET...] (bitbake.go)
		return runBitbake(args, stdin, stdout, stderr)
	}
	return c.run(args[1:], stdin, stdout, stderr)
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: gobake COMMAND [ARGS]")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
}

// version is set at link time by the Makefile (-ldflags -X main.version=...).
var version = "dev"

func runVersion(args []string, _ io.Reader, stdout, _ io.Writer) int {
	fmt.Fprintln(stdout, "gobake", version)
	return 0
}
