package build

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	osexec "os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/gobake/gobake/internal/codeparser"
	"github.com/gobake/gobake/internal/data"
	"github.com/gobake/gobake/internal/exec"
)

// Python runs metadata python functions. The cooker provides it (backed by pyrt).
type Python interface {
	// RunFunc runs the python function name of d; messages (bb.note, ...) and output go to log.
	RunFunc(ctx context.Context, d *data.Store, name string, log io.Writer) error
}

// Options configure task execution.
type Options struct {
	// Privileged, when set, gives task scripts a `sudo` that reaches it (exec.Runner.TaskEnv).
	Privileged exec.Runner
	// Python runs python functions; nil makes them fail with an error naming the function.
	Python Python
	// Env is the environment task scripts start from (BitBake's cleaned worker environment);
	// nil means PATH only, from the current process.
	Env []string
	// PID names run and log files (run.do_X.PID); 0 means os.Getpid().
	PID int
	// Now returns the time for log.task_order entries; nil means time.Now.
	Now func() time.Time
}

// TaskError reports a failed task: which recipe file and task, and the log to read.
type TaskError struct {
	File, Task string
	Log        string // path of the task log, "" if none was written
	Err        error
}

// Error names the recipe file and task; callers add the log path where they show it.
func (e *TaskError) Error() string {
	return fmt.Sprintf("%s:%s: %v", e.File, e.Task, e.Err)
}

func (e *TaskError) Unwrap() error { return e.Err }

// FuncError reports a failed function with the metadata place it was defined at.
type FuncError struct {
	Func      string
	File      string // metadata file that defines the function, if known
	Line      int
	ExitCode  int // for shell functions, the script's exit code
	Err       error
	RunScript string
}

func (e *FuncError) Error() string {
	where := ""
	if e.File != "" {
		where = fmt.Sprintf(" (defined at %s:%d)", e.File, e.Line)
	}
	return fmt.Sprintf("function %s%s: %v", e.Func, where, e.Err)
}

func (e *FuncError) Unwrap() error { return e.Err }

func (o *Options) pid() int {
	if o.PID != 0 {
		return o.PID
	}
	return os.Getpid()
}

// TaskData returns the copy of d a task runs with (bb.build._task_data).
func TaskData(d *data.Store, file, task string) (*data.Store, error) {
	l := d.CreateCopy()
	in := data.Info{Ignore: true}
	if err := l.SetVar("BB_FILENAME", file, in); err != nil {
		return nil, err
	}
	ov, err := l.GetVar("OVERRIDES", false)
	if err != nil {
		return nil, err
	}
	name := strings.ReplaceAll(strings.TrimPrefix(task, "do_"), "_", "-")
	if err := l.SetVar("OVERRIDES", "task-"+name+":"+data.Text(ov), in); err != nil {
		return nil, err
	}
	if err := l.ExpandKeys(nil); err != nil {
		return nil, err
	}
	return l, nil
}

// ExecTask runs task of the recipe file whose finalized data is d, with its prefuncs and
// postfuncs, logging to ${T}/log.TASK.PID.
func ExecTask(ctx context.Context, d *data.Store, file, task string, o Options) error {
	isTask, err := flag(d, task, "task")
	if err != nil {
		return &TaskError{File: file, Task: task, Err: err}
	}
	if isTask == "" {
		return &TaskError{File: file, Task: task, Err: errors.New("no such task")}
	}
	l, err := TaskData(d, file, task)
	if err != nil {
		return &TaskError{File: file, Task: task, Err: err}
	}
	tdir, _, err := l.Get("T")
	if err != nil || tdir == "" {
		return &TaskError{File: file, Task: task, Err: fmt.Errorf("T variable not set, unable to build (%v)", err)}
	}
	if err := os.MkdirAll(tdir, 0o755); err != nil {
		return &TaskError{File: file, Task: task, Err: err}
	}
	logbase := fmt.Sprintf("log.%s.%d", task, o.pid())
	logfn := filepath.Join(tdir, logbase)
	now := time.Now
	if o.Now != nil {
		now = o.Now
	}
	if f, err := os.OpenFile(filepath.Join(tdir, "log.task_order"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
		fmt.Fprintf(f, "%s %s (%d): %s\n", now().Format("20060102-150405.000000"), task, o.pid(), logbase)
		f.Close()
	}
	loglink := filepath.Join(tdir, "log."+task)
	os.Remove(loglink)
	_ = os.Symlink(logbase, loglink)
	logf, err := os.Create(logfn)
	if err != nil {
		return &TaskError{File: file, Task: task, Err: err}
	}
	in := data.Info{Ignore: true}
	_ = l.SetVar("BB_LOGFILE", logfn, in)
	_ = l.SetVar("BB_RUNTASK", task, in)

	runErr := func() error {
		pre, err := flagExpanded(l, task, "prefuncs")
		if err != nil {
			return err
		}
		post, err := flagExpanded(l, task, "postfuncs")
		if err != nil {
			return err
		}
		funcs := append(append(strings.Fields(pre), task), strings.Fields(post)...)
		for _, fn := range funcs {
			if err := execFunc(ctx, l, fn, task, logf, o); err != nil {
				return err
			}
		}
		return nil
	}()
	if runErr != nil {
		fmt.Fprintf(logf, "ERROR: %v\n", runErr)
	}
	logf.Close()
	if st, err := os.Stat(logfn); err == nil && st.Size() == 0 {
		os.Remove(logfn)
		os.Remove(loglink)
		logfn = ""
	}
	if runErr != nil {
		return &TaskError{File: file, Task: task, Log: logfn, Err: runErr}
	}
	return nil
}

// ExecFunc runs one function of d outside a task (bb.build.exec_func), logging to log.
func ExecFunc(ctx context.Context, d *data.Store, fn string, log io.Writer, o Options) error {
	task, _, err := d.Get("BB_RUNTASK")
	if err != nil {
		return err
	}
	if task == "" {
		task = fn
	}
	return execFunc(ctx, d, fn, task, log, o)
}

func execFunc(ctx context.Context, d *data.Store, fn, task string, log io.Writer, o Options) error {
	cleandirs, err := flagExpanded(d, fn, "cleandirs")
	if err != nil {
		return err
	}
	for _, dir := range strings.Fields(cleandirs) {
		if err := os.RemoveAll(dir); err != nil {
			return fmt.Errorf("%s[cleandirs]: %w", fn, err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("%s[cleandirs]: %w", fn, err)
		}
	}
	dirsFlag, err := flagExpanded(d, fn, "dirs")
	if err != nil {
		return err
	}
	cwd := ""
	for _, dir := range strings.Fields(dirsFlag) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("%s[dirs]: %w", fn, err)
		}
		cwd = dir
	}
	body, err := d.GetVar(fn, false)
	if err != nil {
		return err
	}
	if body == nil {
		fmt.Fprintf(log, "WARNING: Function %s doesn't exist\n", fn)
		return nil
	}
	if data.Text(body) == "" {
		return nil
	}
	locks, err := flagExpanded(d, fn, "lockfiles")
	if err != nil {
		return err
	}
	unlock, err := lockFiles(strings.Fields(locks))
	if err != nil {
		return fmt.Errorf("%s[lockfiles]: %w", fn, err)
	}
	defer unlock()

	tdir, _, err := d.Get("T")
	if err != nil {
		return err
	}
	taskfunc := task
	if task != fn {
		taskfunc = task + "." + fn
	}
	runfn := fmt.Sprintf("run.%s.%d", taskfunc, o.pid())
	runfile := filepath.Join(tdir, runfn)
	if err := os.MkdirAll(tdir, 0o755); err != nil {
		return err
	}
	if task == fn {
		link := filepath.Join(tdir, "run."+task)
		os.Remove(link)
		_ = os.Symlink(runfn, link)
	}
	isPy, err := flag(d, fn, "python")
	if err != nil {
		return err
	}
	if isPy != "" {
		fmt.Fprintf(log, "DEBUG: Executing python function %s\n", fn)
		if o.Python == nil {
			return &FuncError{Func: fn, Err: errors.New("no Python runtime configured")}
		}
		if err := runPython(ctx, d, fn, cwd, log, o.Python); err != nil {
			return funcError(d, fn, err, "")
		}
		fmt.Fprintf(log, "DEBUG: Python function %s finished\n", fn)
		return nil
	}
	fmt.Fprintf(log, "DEBUG: Executing shell function %s\n", fn)
	if err := execShell(ctx, d, fn, runfile, cwd, log, o); err != nil {
		return funcError(d, fn, err, runfile)
	}
	fmt.Fprintf(log, "DEBUG: Shell function %s finished\n", fn)
	return nil
}

// runPython runs a python function with cwd as the process working directory, as BitBake's
// worker does. The working directory is process-wide in Go, so python functions that need one
// are given it through the PWD variable's value instead; see doc of Python implementations.
func runPython(ctx context.Context, d *data.Store, fn, cwd string, log io.Writer, py Python) error {
	if cwd != "" {
		_ = d.SetVar("PWD", cwd, data.Info{Ignore: true})
	}
	return py.RunFunc(ctx, d, fn, log)
}

func funcError(d *data.Store, fn string, err error, runfile string) error {
	fe := &FuncError{Func: fn, Err: err, RunScript: runfile}
	var xe *osexec.ExitError
	if errors.As(err, &xe) {
		fe.ExitCode = xe.ExitCode()
	}
	// The parser records where a function is defined in its filename and lineno flags.
	fe.File, _ = flag(d, fn, "filename")
	if line, _ := flag(d, fn, "lineno"); line != "" {
		fmt.Sscan(line, &fe.Line)
	}
	return fe
}

// Script writes the run script of shell function fn as bb.build.exec_func_shell does.
func Script(w io.Writer, d *data.Store, fn, cwd string) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(trapCode)
	if err := EmitFunc(bw, d, fn); err != nil {
		return err
	}
	if umask, err := flag(d, fn, "umask"); err != nil {
		return err
	} else if umask != "" {
		fmt.Fprintf(bw, "umask %s\n", umask)
	}
	if verbose, _, _ := d.Get("BB_VERBOSE_LOGS"); verbose == "1" || verbose == "yes" || verbose == "true" {
		bw.WriteString("set -x\n")
	}
	if cwd != "" {
		fmt.Fprintf(bw, "cd '%s'\n", cwd)
	}
	fmt.Fprintf(bw, "%s\n", fn)
	bw.WriteString("\n# cleanup\nret=$?\ntrap '' 0\nexit $ret\n")
	return bw.Flush()
}

// EmitFunc writes the environment and the shell functions fn reaches (bb.data.emit_func).
func EmitFunc(w io.Writer, d *data.Store, fn string) error {
	keys, err := d.Keys()
	if err != nil {
		return err
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.HasPrefix(k, "__") {
			continue
		}
		if f, err := flag(d, k, "func"); err != nil {
			return err
		} else if f != "" {
			continue
		}
		if _, err := d.EmitVar(w, k, false); err != nil {
			return fmt.Errorf("emitting %s: %w", k, err)
		}
	}
	io.WriteString(w, "\n")
	if ok, err := d.EmitVar(w, fn, false); err != nil {
		return err
	} else if ok {
		io.WriteString(w, "\n")
	}
	next, err := funcDeps(d, fn)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for len(next) > 0 {
		deps := next
		for _, dep := range deps {
			seen[dep] = true
		}
		var more []string
		for _, dep := range sortedSet(deps) {
			isFunc, err := flag(d, dep, "func")
			if err != nil {
				return err
			}
			isPy, err := flag(d, dep, "python")
			if err != nil {
				return err
			}
			if isFunc == "" || isPy != "" {
				continue
			}
			if ok, err := d.EmitVar(w, dep, false); err != nil {
				return err
			} else if ok {
				io.WriteString(w, "\n")
			}
			dd, err := funcDeps(d, dep)
			if err != nil {
				return err
			}
			more = append(more, dd...)
		}
		next = nil
		for _, m := range more {
			if !seen[m] {
				next = append(next, m)
			}
		}
	}
	return nil
}

// funcDeps returns the commands a shell function runs plus its [vardeps].
func funcDeps(d *data.Store, fn string) ([]string, error) {
	body, _, err := d.Get(fn)
	if err != nil {
		return nil, err
	}
	execs, err := codeparser.ShellExecs(fn, body)
	if err != nil {
		return nil, err
	}
	vardeps, err := flag(d, fn, "vardeps")
	if err != nil {
		return nil, err
	}
	return append(execs, strings.Fields(vardeps)...), nil
}

func sortedSet(names []string) []string {
	set := map[string]bool{}
	for _, n := range names {
		set[n] = true
	}
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func execShell(ctx context.Context, d *data.Store, fn, runfile, cwd string, log io.Writer, o Options) error {
	d.DelVarFlag("PWD", "export", data.Info{Ignore: true})
	var buf bytes.Buffer
	if err := Script(&buf, d, fn, cwd); err != nil {
		return err
	}
	if err := os.WriteFile(runfile, buf.Bytes(), 0o775); err != nil {
		return err
	}
	env := o.Env
	if env == nil {
		env = []string{"PATH=" + os.Getenv("PATH")}
	}
	if o.Privileged != nil {
		env = o.Privileged.TaskEnv(env)
	}
	network, err := flag(d, fn, "network")
	if err != nil {
		return err
	}
	if network == "" {
		network, _ = taskNetwork(d)
	}
	// The script is run by the shell its #! line names rather than executed directly: a file
	// just written may still be open for writing in a child forked concurrently (ETXTBSY).
	cmd := osexec.CommandContext(ctx, "/bin/sh", runfile)
	cmd.Env = env
	cmd.Stdout = log
	cmd.Stderr = log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	// A daemon a task started (with sudo, say) may keep the output pipe open: stop waiting
	// for it a little after the script itself has exited.
	cmd.WaitDelay = 2 * time.Second
	if network != "1" {
		isolated := *cmd
		isolated.SysProcAttr = noNetwork()
		if err := isolated.Start(); err == nil {
			return waitCmd(&isolated)
		} else if !errors.Is(err, syscall.EPERM) && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOSPC) {
			return err
		}
		// User namespaces unavailable: run with the network, as BitBake does then.
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	return waitCmd(cmd)
}

func waitCmd(cmd *osexec.Cmd) error {
	err := cmd.Wait()
	var xe *osexec.ExitError
	if errors.As(err, &xe) {
		return fmt.Errorf("shell script exited with status %d: %w", xe.ExitCode(), err)
	}
	return err
}

// taskNetwork returns the [network] flag of the running task (BB_RUNTASK).
func taskNetwork(d *data.Store) (string, error) {
	task, _, err := d.Get("BB_RUNTASK")
	if err != nil || task == "" {
		return "", err
	}
	return flag(d, task, "network")
}

// noNetwork puts the child in a new user and network namespace that maps the caller to itself.
func noNetwork() *syscall.SysProcAttr {
	uid, gid := os.Getuid(), os.Getgid()
	return &syscall.SysProcAttr{
		Setpgid:                    true,
		Cloneflags:                 syscall.CLONE_NEWUSER | syscall.CLONE_NEWNET,
		UidMappings:                []syscall.SysProcIDMap{{ContainerID: uid, HostID: uid, Size: 1}},
		GidMappings:                []syscall.SysProcIDMap{{ContainerID: gid, HostID: gid, Size: 1}},
		GidMappingsEnableSetgroups: false,
	}
}

// lockFiles takes an exclusive flock on each file (created when missing) and returns the
// function that releases them.
func lockFiles(paths []string) (func(), error) {
	var files []*os.File
	release := func() {
		for _, f := range files {
			unix.Flock(int(f.Fd()), unix.LOCK_UN)
			f.Close()
		}
	}
	for _, p := range paths {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			release()
			return nil, err
		}
		f, err := os.OpenFile(p, os.O_CREATE|os.O_RDWR, 0o644)
		if err != nil {
			release()
			return nil, err
		}
		if err := unix.Flock(int(f.Fd()), unix.LOCK_EX); err != nil {
			f.Close()
			release()
			return nil, fmt.Errorf("lock %s: %w", p, err)
		}
		files = append(files, f)
	}
	return release, nil
}

// flag returns a variable flag's unexpanded text ("" when unset).
func flag(d *data.Store, name, fl string) (string, error) {
	v, err := d.GetVarFlag(name, fl, false)
	if err != nil || v == nil {
		return "", err
	}
	return data.Text(v), nil
}

// flagExpanded returns a variable flag's expanded text ("" when unset).
func flagExpanded(d *data.Store, name, fl string) (string, error) {
	v, err := d.GetVarFlag(name, fl, true)
	if err != nil || v == nil {
		return "", err
	}
	return data.Text(v), nil
}
