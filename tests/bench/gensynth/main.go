// Command gensynth writes a synthetic benchmark layer and build directory (see package
// tests/bench/synth): gensynth -shape fanin|chain|shell -recipes N -tasks M DIR.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/gobake/gobake/tests/bench/synth"
)

func main() {
	shape := flag.String("shape", "fanin", "fanin, chain or shell")
	recipes := flag.Int("recipes", 1000, "number of recipes (the last is the target, top)")
	tasks := flag.Int("tasks", 20, "tasks per recipe")
	threads := flag.Int("threads", 2, "BB_NUMBER_THREADS")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gensynth [-shape fanin|chain|shell] [-recipes N] [-tasks M] DIR")
		os.Exit(2)
	}
	l := synth.Layer{Shape: synth.Shape(*shape), Recipes: *recipes, Tasks: *tasks, Threads: *threads}
	if err := synth.Write(flag.Arg(0), l); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d tasks; build in %s/build: gobake %s\n", l.TotalTasks(), flag.Arg(0), synth.Target)
}
