package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gobake/gobake/runqueue"
	"github.com/gobake/gobake/runqueue/sqlitestore"
)

// runHistory implements `gobake history [-tmpdir DIR] [-n N] [BUILD]`: past builds from the
// runqueue state, or the tasks of one build; `-prune N` keeps only the newest N builds.
func runHistory(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("history", flag.ContinueOnError)
	fs.SetOutput(stderr)
	defTmp := "tmp"
	if b := os.Getenv("BUILDDIR"); b != "" {
		defTmp = filepath.Join(b, "tmp")
	}
	tmpdir := fs.String("tmpdir", defTmp, "the build's TMPDIR (default $BUILDDIR/tmp or ./tmp)")
	limit := fs.Int("n", 20, "list at most `N` builds (0: all)")
	all := fs.Bool("a", false, "with BUILD: list every task, not only those that ran")
	prune := fs.Int("prune", -1, "delete all but the newest `N` builds from the state")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gobake history [-tmpdir DIR] [-n N] [-a] [BUILD]\n       gobake history [-tmpdir DIR] -prune N")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	path := sqlitestore.Path(*tmpdir)
	if _, err := os.Stat(path); err != nil {
		fmt.Fprintf(stderr, "gobake history: no build state in %s: %v\n", *tmpdir, err)
		return 1
	}
	store, err := sqlitestore.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "gobake history: %v\n", err)
		return 1
	}
	defer store.Close()
	ctx := context.Background()
	if *prune >= 0 {
		n, err := store.Prune(ctx, *prune)
		if err != nil {
			fmt.Fprintf(stderr, "gobake history: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "deleted %d builds\n", n)
		return 0
	}
	switch fs.NArg() {
	case 0:
		err = listBuilds(ctx, stdout, store, *limit)
	case 1:
		id, perr := strconv.ParseInt(fs.Arg(0), 10, 64)
		if perr != nil {
			fmt.Fprintf(stderr, "gobake history: BUILD must be a build number, not %q\n", fs.Arg(0))
			return 2
		}
		err = showBuild(ctx, stdout, store, id, *all)
	default:
		fs.Usage()
		return 2
	}
	if err != nil {
		fmt.Fprintf(stderr, "gobake history: %v\n", err)
		return 1
	}
	return 0
}

func duration(start, end time.Time) string {
	if start.IsZero() || end.IsZero() {
		return "-"
	}
	d := end.Sub(start)
	switch {
	case d >= time.Second:
		return d.Round(100 * time.Millisecond).String()
	case d >= time.Millisecond:
		return d.Round(time.Millisecond).String()
	}
	return d.Round(time.Microsecond).String()
}

func listBuilds(ctx context.Context, w io.Writer, store runqueue.Store, limit int) error {
	builds, err := store.Builds(ctx, limit)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "BUILD\tSTARTED\tDURATION\tSTATUS\tTASKS\tRAN\tFAILED\tTARGETS")
	for _, b := range builds {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%d\t%d\t%s\n", b.ID, b.Started.Local().Format("2006-01-02 15:04:05"),
			duration(b.Started, b.Ended), b.Status, b.Tasks, b.Ran, b.Failed, strings.Join(b.Targets, " "))
	}
	return tw.Flush()
}

func showBuild(ctx context.Context, w io.Writer, store runqueue.Store, id int64, all bool) error {
	tasks, err := store.Tasks(ctx, id)
	if err != nil {
		return err
	}
	counts := map[runqueue.TaskStatus]int{}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RECIPE\tTASK\tSTATUS\tDURATION\tEXIT\tLOG")
	for _, t := range tasks {
		counts[t.Status]++
		ran := t.Status == runqueue.StatusDone || t.Status == runqueue.StatusFailed || t.Status == runqueue.StatusRunning
		if !ran && !all {
			continue
		}
		pn := t.PN
		if t.ID.MC != "" {
			pn = "mc:" + t.ID.MC + ":" + pn
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", pn, t.ID.Task, t.Status, duration(t.Started, t.Ended), t.ExitCode, t.LogPath)
		if t.Error != "" && t.Status == runqueue.StatusFailed {
			fmt.Fprintf(tw, "\t\terror: %s\t\t\t\n", t.Error)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var parts []string
	for _, s := range []runqueue.TaskStatus{runqueue.StatusDone, runqueue.StatusCurrent, runqueue.StatusNoExec,
		runqueue.StatusFailed, runqueue.StatusDepFailed, runqueue.StatusNotRun, runqueue.StatusRunning, runqueue.StatusPending} {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	fmt.Fprintf(w, "build %d: %d tasks: %s\n", id, len(tasks), strings.Join(parts, ", "))
	return nil
}
