package stdlib

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/go-python/gpython/py"
)

// The _subprocess module: process creation for subprocess.py.
// Stream specs follow subprocess: None inherits, -1 PIPE, -2 STDOUT,
// -3 DEVNULL, an int is a file descriptor.

const (
	spPipe    = -1
	spStdout  = -2
	spDevnull = -3
)

var procType = py.NewType("_subprocess.Process", "A child process.")

// process is a started child.
type process struct {
	mu       sync.Mutex
	cmd      *exec.Cmd
	stdin    *os.File // our end of the stdin pipe
	stdout   *os.File // our end of the stdout pipe
	stderr   *os.File
	done     chan struct{}
	waitErr  error
	exitCode int
	closers  []io.Closer // child ends, closed after start
}

func (p *process) Type() *py.Type { return procType }

// streamOwner is implemented by runtimes whose sys streams are not the
// process's own (pyrt.Runtime); children inherit them.
type streamOwner interface {
	Stdout() io.Writer
	Stderr() io.Writer
	Stdin() io.Reader
}

func subprocessModule() *py.ModuleImpl {
	return &py.ModuleImpl{
		Info: py.ModuleInfo{Name: "_subprocess", Doc: "Process creation for subprocess (gobake)."},
		Methods: []*py.Method{
			method("spawn", spSpawn),
			method("communicate", spCommunicate),
			method("wait", spWait),
			method("poll", spPoll),
			method("read", spRead),
			method("readline", spReadline),
			method("write", spWrite),
			method("close", spClose),
			method("signal", spSignal),
			method("pid", spPid),
		},
	}
}

func lookPath(file string, env []string) (string, error) {
	if strings.Contains(file, "/") {
		st, err := os.Stat(file)
		if err != nil {
			return "", err
		}
		if st.IsDir() || st.Mode()&0o111 == 0 {
			return "", syscall.EACCES
		}
		return file, nil
	}
	path := os.Getenv("PATH")
	if env != nil {
		path = "/bin:/usr/bin"
		for _, kv := range env {
			if v, ok := strings.CutPrefix(kv, "PATH="); ok {
				path = v
			}
		}
	}
	for _, dir := range filepath.SplitList(path) {
		if dir == "" {
			dir = "."
		}
		p := filepath.Join(dir, file)
		if st, err := os.Stat(p); err == nil && !st.IsDir() && st.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", syscall.ENOENT
}

func spSpawn(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("spawn", args, kwargs, []string{"args", "executable", "cwd", "env", "stdin", "stdout", "stderr", "new_session"}, 1)
	if err != nil {
		return nil, err
	}
	ctx := ctxOf(self)
	var argv []string
	if err := py.Iterate(a[0], func(o py.Object) bool {
		var s string
		s, err = pathArg("spawn", o)
		argv = append(argv, s)
		return err != nil
	}); err != nil {
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	if len(argv) == 0 {
		return nil, py.ExceptionNewf(py.IndexError, "list index out of range")
	}
	var env []string
	if a[3] != nil && a[3] != py.None {
		if err := py.Iterate(a[3], func(o py.Object) bool {
			var s string
			s, err = pathArg("spawn", o)
			env = append(env, s)
			return err != nil
		}); err != nil {
			return nil, err
		}
		if err != nil {
			return nil, err
		}
	}
	exe := argv[0]
	if a[1] != nil && a[1] != py.None {
		if exe, err = pathArg("spawn", a[1]); err != nil {
			return nil, err
		}
	}
	cwd := ""
	if a[2] != nil && a[2] != py.None {
		if cwd, err = pathArg("spawn", a[2]); err != nil {
			return nil, err
		}
		if st, serr := os.Stat(cwd); serr != nil {
			return nil, osError(ctx, serr, cwd)
		} else if !st.IsDir() {
			return nil, newOSError(ctx, syscall.ENOTDIR, strerror(syscall.ENOTDIR), cwd)
		}
	}
	path, lerr := lookPath(exe, env)
	if lerr != nil && cwd != "" && strings.Contains(exe, "/") && !filepath.IsAbs(exe) {
		path, lerr = lookPath(filepath.Join(cwd, exe), env)
		if lerr == nil {
			path = exe
		}
	}
	if lerr != nil {
		return nil, osError(ctx, lerr, exe)
	}
	cmd := &exec.Cmd{Path: path, Args: argv, Dir: cwd, Env: env}
	if env == nil {
		cmd.Env = os.Environ()
	}
	if ok, _ := truth(a[7], false); ok {
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	}
	p := &process{cmd: cmd, done: make(chan struct{})}
	owner, _ := ctx.(streamOwner)
	// stdin
	switch spec, err := streamSpec(a[4]); {
	case err != nil:
		return nil, err
	case spec == spPipe:
		r, w, err := os.Pipe()
		if err != nil {
			return nil, osError(ctx, err)
		}
		cmd.Stdin, p.stdin = r, w
		p.closers = append(p.closers, r)
	case spec == spDevnull:
		f, err := os.Open(os.DevNull)
		if err != nil {
			return nil, osError(ctx, err)
		}
		cmd.Stdin = f
		p.closers = append(p.closers, f)
	case spec >= 0:
		cmd.Stdin = os.NewFile(uintptr(spec), "stdin")
	default:
		cmd.Stdin = os.Stdin
		if owner != nil {
			cmd.Stdin = owner.Stdin()
		}
	}
	out := func(specObj py.Object, field *io.Writer, ours **os.File, inherit func() io.Writer) error {
		spec, err := streamSpec(specObj)
		if err != nil {
			return err
		}
		switch {
		case spec == spPipe:
			r, w, err := os.Pipe()
			if err != nil {
				return osError(ctx, err)
			}
			*field, *ours = w, r
			p.closers = append(p.closers, w)
		case spec == spDevnull:
			f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
			if err != nil {
				return osError(ctx, err)
			}
			*field = f
			p.closers = append(p.closers, f)
		case spec >= 0:
			*field = os.NewFile(uintptr(spec), "fd")
		case spec == spStdout:
			*field = cmd.Stdout
		default:
			*field = inherit()
		}
		return nil
	}
	if err := out(a[5], &cmd.Stdout, &p.stdout, func() io.Writer {
		if owner != nil {
			return owner.Stdout()
		}
		return os.Stdout
	}); err != nil {
		return nil, err
	}
	if err := out(a[6], &cmd.Stderr, &p.stderr, func() io.Writer {
		if owner != nil {
			return owner.Stderr()
		}
		return os.Stderr
	}); err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		for _, c := range p.closers {
			c.Close()
		}
		return nil, osError(ctx, err, exe)
	}
	for _, c := range p.closers {
		c.Close()
	}
	go func() {
		p.waitErr = cmd.Wait()
		p.exitCode = exitCode(cmd.ProcessState)
		close(p.done)
	}()
	return p, nil
}

// exitCode is Popen.returncode: the exit status, or -signal.
func exitCode(st *os.ProcessState) int {
	if st == nil {
		return -1
	}
	if ws, ok := st.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return -int(ws.Signal())
	}
	return st.ExitCode()
}

func streamSpec(o py.Object) (int, error) {
	if o == nil || o == py.None {
		return -100, nil
	}
	if n, ok := o.(py.Int); ok {
		return int(n), nil
	}
	if f, ok := o.(*py.File); ok && f.File != nil {
		return int(f.Fd()), nil
	}
	if fn, err := py.GetAttrString(o, "fileno"); err == nil {
		r, err := py.Call(fn, nil, nil)
		if err != nil {
			return 0, err
		}
		return intArg(r, 0)
	}
	return 0, py.ExceptionNewf(py.TypeError, "invalid stream specification: %s", o.Type().Name)
}

// procParams is params for the functions whose first argument is a process.
func procParams(fn string, args py.Tuple, kwargs py.StringDict, names []string, min int) (*process, []py.Object, error) {
	a, err := params(fn, args, kwargs, names, min)
	if err != nil {
		return nil, nil, err
	}
	p, err := procArg(a[0])
	return p, a, err
}

func procArg(o py.Object) (*process, error) {
	p, ok := o.(*process)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "expected a process")
	}
	return p, nil
}

func timeoutArg(o py.Object) (time.Duration, bool, error) {
	switch v := o.(type) {
	case nil:
		return 0, false, nil
	case py.Int:
		return time.Duration(v) * time.Second, true, nil
	case py.Float:
		return time.Duration(float64(v) * float64(time.Second)), true, nil
	}
	if o == py.None {
		return 0, false, nil
	}
	return 0, false, py.ExceptionNewf(py.TypeError, "timeout must be a number")
}

// spCommunicate writes input, reads the pipes to EOF and waits; on timeout
// it returns None so subprocess.py can raise TimeoutExpired.
func spCommunicate(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	p, a, err := procParams("communicate", args, kwargs, []string{"proc", "input", "timeout"}, 1)
	if err != nil {
		return nil, err
	}
	d, hasTimeout, err := timeoutArg(a[2])
	if err != nil {
		return nil, err
	}
	var input []byte
	if a[1] != nil && a[1] != py.None {
		b, ok := a[1].(py.Bytes)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "memoryview: a bytes-like object is required, not '%s'", a[1].Type().Name)
		}
		input = b
	}
	var wg sync.WaitGroup
	var outBuf, errBuf bytes.Buffer
	if p.stdin != nil {
		w := p.stdin
		p.stdin = nil
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.Write(input)
			w.Close()
		}()
	}
	read := func(f **os.File, buf *bytes.Buffer) {
		if *f == nil {
			return
		}
		r := *f
		*f = nil
		wg.Add(1)
		go func() {
			defer wg.Done()
			io.Copy(buf, r)
			r.Close()
		}()
	}
	hadOut, hadErr := p.stdout != nil, p.stderr != nil
	read(&p.stdout, &outBuf)
	read(&p.stderr, &errBuf)
	all := make(chan struct{})
	go func() {
		wg.Wait()
		<-p.done
		close(all)
	}()
	if hasTimeout {
		select {
		case <-all:
		case <-time.After(d):
			return py.None, nil
		}
	} else {
		<-all
	}
	res := py.Tuple{py.None, py.None}
	if hadOut {
		res[0] = py.Bytes(outBuf.Bytes())
	}
	if hadErr {
		res[1] = py.Bytes(errBuf.Bytes())
	}
	return res, nil
}

func spWait(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	p, a, err := procParams("wait", args, kwargs, []string{"proc", "timeout"}, 1)
	if err != nil {
		return nil, err
	}
	d, hasTimeout, err := timeoutArg(a[1])
	if err != nil {
		return nil, err
	}
	if hasTimeout {
		select {
		case <-p.done:
		case <-time.After(d):
			return py.None, nil
		}
	} else {
		<-p.done
	}
	return py.Int(p.exitCode), nil
}

func spPoll(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	p, err := procArg(args[0])
	if err != nil {
		return nil, err
	}
	select {
	case <-p.done:
		return py.Int(p.exitCode), nil
	default:
		return py.None, nil
	}
}

func spPid(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	p, err := procArg(args[0])
	if err != nil {
		return nil, err
	}
	return py.Int(p.cmd.Process.Pid), nil
}

func pipeOf(p *process, which py.Object) (*os.File, error) {
	n, err := intArg(which, 1)
	if err != nil {
		return nil, err
	}
	switch n {
	case 0:
		return p.stdin, nil
	case 1:
		return p.stdout, nil
	}
	return p.stderr, nil
}

// spRead reads up to n bytes (all when n < 0) from the child's stdout (1)
// or stderr (2).
func spRead(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	p, a, err := procParams("read", args, kwargs, []string{"proc", "which", "n"}, 2)
	if err != nil {
		return nil, err
	}
	f, err := pipeOf(p, a[1])
	if err != nil || f == nil {
		return py.Bytes(nil), err
	}
	n, err := intArg(a[2], -1)
	if err != nil {
		return nil, err
	}
	if n < 0 {
		b, err := io.ReadAll(f)
		if err != nil {
			return nil, osError(ctxOf(self), err)
		}
		return py.Bytes(b), nil
	}
	buf := make([]byte, n)
	got, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, osError(ctxOf(self), err)
	}
	return py.Bytes(buf[:got]), nil
}

// spReadline reads one line, newline included; b"" at EOF.
func spReadline(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	p, a, err := procParams("readline", args, kwargs, []string{"proc", "which"}, 2)
	if err != nil {
		return nil, err
	}
	f, err := pipeOf(p, a[1])
	if err != nil || f == nil {
		return py.Bytes(nil), err
	}
	var line []byte
	var c [1]byte
	for {
		n, err := f.Read(c[:])
		if n == 1 {
			line = append(line, c[0])
			if c[0] == '\n' {
				break
			}
		}
		if err != nil {
			break
		}
	}
	return py.Bytes(line), nil
}

func spWrite(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	p, a, err := procParams("write", args, kwargs, []string{"proc", "data"}, 2)
	if err != nil {
		return nil, err
	}
	b, ok := a[1].(py.Bytes)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", a[1].Type().Name)
	}
	if p.stdin == nil {
		return nil, py.ExceptionNewf(py.ValueError, "write to closed file")
	}
	n, err := p.stdin.Write(b)
	if err != nil {
		return nil, osError(ctxOf(self), err)
	}
	return py.Int(n), nil
}

func spClose(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	p, a, err := procParams("close", args, kwargs, []string{"proc", "which"}, 2)
	if err != nil {
		return nil, err
	}
	n, err := intArg(a[1], 0)
	if err != nil {
		return nil, err
	}
	var f **os.File
	switch n {
	case 0:
		f = &p.stdin
	case 1:
		f = &p.stdout
	default:
		f = &p.stderr
	}
	if *f != nil {
		(*f).Close()
		*f = nil
	}
	return py.None, nil
}

func spSignal(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	p, a, err := procParams("signal", args, kwargs, []string{"proc", "sig"}, 2)
	if err != nil {
		return nil, err
	}
	sig, err := intArg(a[1], 15)
	if err != nil {
		return nil, err
	}
	select {
	case <-p.done:
		return py.None, nil
	default:
	}
	if err := p.cmd.Process.Signal(syscall.Signal(sig)); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return nil, osError(ctxOf(self), err)
	}
	return py.None, nil
}
