package runqueue

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// Progress is the Observer gobake shows the user. On a terminal it draws a progress bar
// (tasks done of total) described by the running tasks and their recipes; otherwise it
// prints one line per task start and finish. Failures are printed as they happen either
// way; WriteSummary prints the end-of-build report.
type Progress struct {
	mu      sync.Mutex
	w       io.Writer
	bar     *progressbar.ProgressBar // nil when not on a terminal
	running []*Task
}

// NewProgress returns a Progress writing to w; terminal selects the progress bar (the
// caller decides, e.g. with golang.org/x/term.IsTerminal).
func NewProgress(w io.Writer, terminal bool) *Progress {
	p := &Progress{w: w}
	if terminal {
		p.bar = progressbar.NewOptions(0,
			progressbar.OptionSetWriter(w),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(false),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetWidth(30),
			progressbar.OptionSetRenderBlankState(true),
		)
	}
	return p
}

func taskLabel(t *Task) string {
	s := t.Recipe.PN + " " + t.ID.Task
	if t.Recipe.MC != "" {
		s = "mc:" + t.Recipe.MC + ":" + s
	}
	return s
}

// Event implements Observer.
func (p *Progress) Event(e Event) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch e.Kind {
	case BuildStarted:
		if p.bar != nil {
			p.bar.ChangeMax(e.Total)
			p.bar.Describe("starting")
		} else {
			fmt.Fprintf(p.w, "NOTE: executing %d tasks\n", e.Total)
		}
	case TaskStarted:
		p.running = append(p.running, e.Task)
		if p.bar == nil {
			fmt.Fprintf(p.w, "NOTE: [%d/%d] %s: started\n", e.Done, e.Total, taskLabel(e.Task))
		}
	case TaskFinished:
		if i := slices.Index(p.running, e.Task); i >= 0 {
			p.running = slices.Delete(p.running, i, i+1)
		}
		if e.Status == StatusFailed {
			if p.bar != nil {
				p.bar.Clear()
			}
			fmt.Fprintf(p.w, "ERROR: %v\n", e.Err)
		} else if p.bar == nil && e.Status == StatusDone {
			fmt.Fprintf(p.w, "NOTE: [%d/%d] %s: succeeded\n", e.Done, e.Total, taskLabel(e.Task))
		}
		if p.bar != nil {
			p.bar.Set(e.Done)
		}
	case BuildFinished:
		if p.bar != nil {
			p.bar.Finish()
			fmt.Fprintln(p.w)
		}
		return
	}
	if p.bar != nil {
		p.bar.Describe(p.describe())
	}
}

func (p *Progress) describe() string {
	if len(p.running) == 0 {
		return ""
	}
	var names []string
	for _, t := range p.running[:min(3, len(p.running))] {
		names = append(names, taskLabel(t))
	}
	s := strings.Join(names, ", ")
	if n := len(p.running) - 3; n > 0 {
		s += fmt.Sprintf(" +%d", n)
	}
	return s
}

// WriteSummary prints the end-of-build report: counts, then each failed task with its
// recipe file and log.
func WriteSummary(w io.Writer, s *Summary) {
	fmt.Fprintf(w, "Summary: %d tasks in %s: %d ran, %d up to date, %d noexec",
		s.Total, s.Elapsed.Round(time.Millisecond), s.Ran, s.Current, s.NoExec)
	if s.Failed > 0 || s.DepFailed > 0 || s.NotRun > 0 {
		fmt.Fprintf(w, "; %d failed, %d not run after a failure, %d not started", s.Failed, s.DepFailed, s.NotRun)
	}
	fmt.Fprintln(w)
	if s.Cancelled {
		fmt.Fprintln(w, "Summary: the build was interrupted")
	}
	if len(s.Failures) == 0 {
		return
	}
	plural := "s"
	if len(s.Failures) == 1 {
		plural = ""
	}
	fmt.Fprintf(w, "Summary: %d task%s failed:\n", len(s.Failures), plural)
	for _, f := range s.Failures {
		fmt.Fprintf(w, "  %s %s (%s)", f.PN, f.Task.Task, f.Task)
		if f.ExitCode != 0 {
			fmt.Fprintf(w, ", exit code %d", f.ExitCode)
		}
		fmt.Fprintln(w)
		if f.LogPath != "" {
			fmt.Fprintf(w, "    log: %s\n", f.LogPath)
		}
	}
}
