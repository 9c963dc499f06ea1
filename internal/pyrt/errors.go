package pyrt

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"

	"github.com/go-python/gpython/py"
)

// excValue extracts the exception object and traceback from an error returned by gpython.
func excValue(err error) (py.Object, *py.Traceback) {
	var info py.ExceptionInfo
	if errors.As(err, &info) {
		return info.Value, info.Traceback
	}
	var pinfo *py.ExceptionInfo
	if errors.As(err, &pinfo) && pinfo != nil {
		return pinfo.Value, pinfo.Traceback
	}
	var exc *py.Exception
	if errors.As(err, &exc) {
		return exc, nil
	}
	return nil, nil
}

// excArgs returns the args tuple of an exception object.
func excArgs(exc py.Object) py.Tuple {
	if e, ok := exc.(*py.Exception); ok {
		if t, ok := e.Args.(py.Tuple); ok {
			return t
		}
		return nil
	}
	return nil
}

// PrintTraceback writes err the way CPython reports an uncaught exception.
func (r *Runtime) PrintTraceback(w io.Writer, err error, tb *py.Traceback) {
	exc, _ := excValue(err)
	if exc == nil {
		fmt.Fprintf(w, "Traceback (most recent call last):\n%v\n", err)
		return
	}
	if e, ok := exc.(*py.Exception); ok && e.Type().IsSubtype(py.SyntaxError) && tb == nil {
		// Compile errors print their location the way CPython does, without a traceback.
		if l, ok := e.Dict["lineno"].(py.Int); ok {
			fmt.Fprintf(w, "  File \"%s\", line %d\n", Str(e.Dict["filename"]), l)
			if line, ok := e.Dict["line"].(py.String); ok && strings.TrimSpace(string(line)) != "" {
				text := strings.TrimRight(string(line), "\n")
				trimmed := strings.TrimLeft(text, " \t")
				fmt.Fprintf(w, "    %s\n", trimmed)
				if off, ok := e.Dict["offset"].(py.Int); ok && int(off) > 0 {
					col := int(off) - 1 - (len(text) - len(trimmed))
					if col >= 0 && col <= len(trimmed) {
						fmt.Fprintf(w, "    %s^\n", strings.Repeat(" ", col))
					}
				}
			}
		}
		if args := excArgs(e); len(args) > 0 {
			fmt.Fprintf(w, "%s: %s\n", e.Type().Name, Str(args[0]))
			return
		}
	}
	if tb != nil {
		fmt.Fprint(w, "Traceback (most recent call last):\n")
		for ; tb != nil; tb = tb.Next {
			code := tb.Frame.Code
			fmt.Fprintf(w, "  File \"%s\", line %d, in %s\n", code.Filename, tb.Lineno, code.Name)
			if lines := r.sources[code.Filename]; tb.Lineno >= 1 && int(tb.Lineno) <= len(lines) {
				if l := strings.TrimSpace(lines[tb.Lineno-1]); l != "" {
					fmt.Fprintf(w, "    %s\n", l)
				}
			}
		}
	}
	fmt.Fprintln(w, excLine(exc))
}

// excLine is the last line of a traceback: "Type: message".
func excLine(exc py.Object) string {
	name := exc.Type().Name
	if m := typeModule(exc.Type()); m != "" && m != "builtins" && m != "__main__" {
		name = m + "." + name
	}
	msg := Str(exc)
	if msg == "" {
		return name
	}
	return name + ": " + msg
}

func typeModule(t *py.Type) string {
	if m, ok := t.Dict["__module__"].(py.String); ok {
		return string(m)
	}
	return ""
}

// osError converts a Go error from the os package into the matching OSError subclass,
// with errno, strerror and filename set as CPython does.
func osError(err error) error {
	var pe *fs.PathError
	filename := py.Object(py.None)
	inner := err
	if errors.As(err, &pe) {
		filename = py.String(pe.Path)
		inner = pe.Err
	}
	var errno syscall.Errno
	if !errors.As(inner, &errno) {
		return py.ExceptionNewf(py.OSError, "%v", err)
	}
	return NewOSError(int(errno), filename)
}

// NewOSError makes the OSError subclass CPython raises for errno, with errno, strerror and
// filename attributes; filename may be nil or None.
func NewOSError(errno int, filename py.Object) *py.Exception {
	t := py.OSError
	switch syscall.Errno(errno) {
	case syscall.ENOENT:
		t = py.FileNotFoundError
	case syscall.EEXIST:
		t = py.FileExistsError
	case syscall.EISDIR:
		t = py.IsADirectoryError
	case syscall.ENOTDIR:
		t = py.NotADirectoryError
	case syscall.EACCES, syscall.EPERM:
		t = py.PermissionError
	case syscall.ECHILD:
		t = py.ChildProcessError
	case syscall.EPIPE:
		t = py.BrokenPipeError
	case syscall.ESRCH:
		t = py.ProcessLookupError
	case syscall.EINTR:
		t = py.InterruptedError
	case syscall.EAGAIN:
		t = py.BlockingIOError
	case syscall.ETIMEDOUT:
		t = py.TimeoutError
	}
	strerror := py.String(strerrorText(syscall.Errno(errno)))
	args := py.Tuple{py.Int(errno), strerror}
	if filename != nil && filename != py.None {
		args = append(args, filename)
	}
	e := &py.Exception{Base: t, Args: args, Dict: py.StringDict{}}
	e.Dict["errno"] = py.Int(errno)
	e.Dict["strerror"] = strerror
	if filename == nil {
		filename = py.None
	}
	e.Dict["filename"] = filename
	return e
}

// strerrorText returns the C library's message for errno (capitalised as glibc does).
func strerrorText(e syscall.Errno) string {
	s := e.Error()
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// checkOpen reports the OSError CPython's open(path, mode) would raise, before gpython's
// open (whose errors carry no errno) runs.
func checkOpen(path, mode string) error {
	flag := os.O_RDONLY
	switch {
	case strings.ContainsAny(mode, "wax+"):
		flag = os.O_RDWR
		if !strings.Contains(mode, "+") {
			flag = os.O_WRONLY
		}
		if strings.ContainsAny(mode, "wa") {
			flag |= os.O_CREATE
		}
		if strings.Contains(mode, "x") {
			flag |= os.O_CREATE | os.O_EXCL
		}
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return NewOSError(int(syscall.EISDIR), py.String(path))
	}
	f, err := os.OpenFile(path, flag, 0o666)
	if err != nil {
		var errno syscall.Errno
		if errors.As(err, &errno) {
			return NewOSError(int(errno), py.String(path))
		}
		return osError(err)
	}
	return f.Close()
}
