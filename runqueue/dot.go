package runqueue

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// dotPN is BitBake's add_mc_prefix: the PN with "mc:MC:" in front in a multiconfig.
func dotPN(r *Recipe) string {
	if r.MC != "" {
		return "mc:" + r.MC + ":" + r.PN
	}
	return r.PN
}

// WriteTaskDepends writes task-depends.dot as `bitbake -g` does (cooker.py
// generateDotGraphFiles): one node line per task and one edge line per dependency, nodes
// sorted by name and each node's edges sorted.
func (g *Graph) WriteTaskDepends(w io.Writer) error {
	type node struct {
		label string
		deps  []string
	}
	nodes := map[string]*node{}
	recipeOf := map[string]*Recipe{} // first recipe seen per PN, as buildDependTree keeps
	for _, t := range g.Tasks {
		pn := dotPN(t.Recipe)
		if _, ok := recipeOf[pn]; !ok {
			recipeOf[pn] = t.Recipe
		}
		name := pn + "." + t.ID.Task
		n := nodes[name]
		if n == nil {
			n = &node{}
			nodes[name] = n
		}
		for _, d := range t.Deps {
			n.deps = append(n.deps, dotPN(d.Recipe)+"."+d.ID.Task)
		}
	}
	names := make([]string, 0, len(nodes))
	for name, n := range nodes {
		names = append(names, name)
		slices.Sort(n.deps)
	}
	slices.Sort(names)
	bw := bufio.NewWriter(w)
	bw.WriteString("digraph depends {\n")
	for _, name := range names {
		i := len(name) - 1
		for name[i] != '.' {
			i--
		}
		pn, task := name[:i], name[i+1:]
		r := recipeOf[pn]
		file := r.File
		if r.MC != "" {
			file = "mc:" + r.MC + ":" + file
		}
		fmt.Fprintf(bw, "\"%s.%s\" [label=\"%s %s\\n%s\\n%s\"]\n", pn, task, pn, task, r.Version, file)
		for _, d := range nodes[name].deps {
			fmt.Fprintf(bw, "\"%s\" -> \"%s\"\n", name, d)
		}
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// WritePNBuildList writes pn-buildlist: each PN (with its mc: prefix) once, in graph order.
func (g *Graph) WritePNBuildList(w io.Writer) error {
	bw := bufio.NewWriter(w)
	seen := map[string]bool{}
	for _, t := range g.Tasks {
		pn := dotPN(t.Recipe)
		if !seen[pn] {
			seen[pn] = true
			bw.WriteString(pn + "\n")
		}
	}
	return bw.Flush()
}

// WriteDot writes pn-buildlist and task-depends.dot into dir, as `bitbake -g` does in the
// current directory, and removes the older outputs BitBake also removes (pn-depends.dot,
// package-depends.dot, recipe-depends.dot).
func (g *Graph) WriteDot(dir string) error {
	for _, f := range []struct {
		name  string
		write func(io.Writer) error
	}{{"pn-buildlist", g.WritePNBuildList}, {"task-depends.dot", g.WriteTaskDepends}} {
		if err := writeFileAtomic(filepath.Join(dir, f.name), f.write); err != nil {
			return err
		}
	}
	for _, old := range []string{"pn-depends.dot", "package-depends.dot", "recipe-depends.dot"} {
		if err := os.Remove(filepath.Join(dir, old)); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("removing stale %s: %w", old, err)
		}
	}
	return nil
}

// writeFileAtomic writes path through a temporary file in the same directory and a rename,
// so that path never holds a partial file.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
