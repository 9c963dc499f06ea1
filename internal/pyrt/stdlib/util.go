package stdlib

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"syscall"

	"github.com/go-python/gpython/py"
)

// ctxOf returns the interpreter context a module-level Go function runs in.
// gpython binds module methods with the module instance as self.
func ctxOf(self py.Object) py.Context {
	if m, ok := self.(*py.Module); ok {
		return m.Context
	}
	return nil
}

// builtin returns the object the context's builtins module binds to name,
// so that objects made here use whatever types the runtime installed
// (pyrt replaces dict, OSError, ... with CPython-compatible versions).
func builtin(ctx py.Context, name string) py.Object {
	if ctx != nil {
		if b := ctx.Store().Builtins; b != nil {
			if o, ok := b.Globals[name]; ok {
				return o
			}
		}
	}
	return nil
}

// newDict makes an empty dict of the runtime's dict type.
func newDict(ctx py.Context) (py.Object, error) {
	if d := builtin(ctx, "dict"); d != nil {
		return py.Call(d, nil, nil)
	}
	return py.NewStringDict(), nil
}

// params binds positional and keyword arguments to the named parameters
// of a Go-backed function; the first min are required. Missing optional
// parameters are nil.
func params(fn string, args py.Tuple, kwargs py.StringDict, names []string, min int) ([]py.Object, error) {
	if len(args) > len(names) {
		return nil, py.ExceptionNewf(py.TypeError, "%s() takes at most %d arguments (%d given)", fn, len(names), len(args))
	}
	out := make([]py.Object, len(names))
	copy(out, args)
	for k, v := range kwargs {
		i := indexOf(names, k)
		if i < 0 {
			return nil, py.ExceptionNewf(py.TypeError, "%s() got an unexpected keyword argument '%s'", fn, k)
		}
		if out[i] != nil {
			return nil, py.ExceptionNewf(py.TypeError, "%s() got multiple values for argument '%s'", fn, k)
		}
		out[i] = v
	}
	for i := 0; i < min; i++ {
		if out[i] == nil {
			return nil, py.ExceptionNewf(py.TypeError, "%s() missing required argument '%s' (pos %d)", fn, names[i], i+1)
		}
	}
	return out, nil
}

func indexOf(names []string, k string) int {
	for i, n := range names {
		if n == k {
			return i
		}
	}
	return -1
}

// pathArg converts a str, bytes or os.PathLike argument to a Go path.
func pathArg(fn string, o py.Object) (string, error) {
	switch v := o.(type) {
	case py.String:
		return string(v), nil
	case py.Bytes:
		return string(v), nil
	}
	if m, err := py.GetAttrString(o, "__fspath__"); err == nil {
		r, err := py.Call(m, nil, nil)
		if err != nil {
			return "", err
		}
		return pathArg(fn, r)
	}
	return "", py.ExceptionNewf(py.TypeError, "%s: path should be string, bytes or os.PathLike, not %s", fn, o.Type().Name)
}

// strArg converts a str argument to a Go string.
func strArg(fn string, o py.Object) (string, error) {
	if s, ok := o.(py.String); ok {
		return string(s), nil
	}
	return "", py.ExceptionNewf(py.TypeError, "%s() argument must be str, not %s", fn, o.Type().Name)
}

// intArg converts an integer argument, with a default when o is nil or None.
func intArg(o py.Object, def int) (int, error) {
	if o == nil || o == py.None {
		return def, nil
	}
	if b, ok := o.(py.Bool); ok {
		if b {
			return 1, nil
		}
		return 0, nil
	}
	return py.IndexInt(o)
}

// truth is Python truthiness with a default for a missing argument.
func truth(o py.Object, def bool) (bool, error) {
	if o == nil {
		return def, nil
	}
	b, err := py.MakeBool(o)
	if err != nil {
		return false, err
	}
	return b == py.True, nil
}

// errnoOf extracts the errno of a Go error, or 0.
func errnoOf(err error) syscall.Errno {
	var en syscall.Errno
	if errors.As(err, &en) {
		return en
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return syscall.ENOENT
	case errors.Is(err, fs.ErrExist):
		return syscall.EEXIST
	case errors.Is(err, fs.ErrPermission):
		return syscall.EACCES
	}
	return 0
}

// strerror gives the C library's message for an errno (Go's table is the
// same text in lower case).
func strerror(en syscall.Errno) string {
	s := en.Error()
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// osErrorClass names the OSError subclass CPython picks for an errno.
func osErrorClass(en syscall.Errno) string {
	switch en {
	case syscall.ENOENT:
		return "FileNotFoundError"
	case syscall.EEXIST:
		return "FileExistsError"
	case syscall.EISDIR:
		return "IsADirectoryError"
	case syscall.ENOTDIR:
		return "NotADirectoryError"
	case syscall.EACCES, syscall.EPERM:
		return "PermissionError"
	case syscall.ESRCH:
		return "ProcessLookupError"
	case syscall.ECHILD:
		return "ChildProcessError"
	case syscall.EINTR:
		return "InterruptedError"
	case syscall.ETIMEDOUT:
		return "TimeoutError"
	case syscall.EPIPE:
		return "BrokenPipeError"
	case syscall.EAGAIN:
		return "BlockingIOError"
	case syscall.ECONNREFUSED:
		return "ConnectionRefusedError"
	case syscall.ECONNRESET:
		return "ConnectionResetError"
	}
	return "OSError"
}

// osError converts a Go error from a system call into the OSError subclass
// CPython raises, with errno, strerror and filename(s) set.
func osError(ctx py.Context, err error, filenames ...string) error {
	if err == nil {
		return nil
	}
	var pe *py.Exception
	if errors.As(err, &pe) {
		return err
	}
	en := errnoOf(err)
	if en == 0 {
		return py.ExceptionNewf(py.OSError, "%v", err)
	}
	return newOSError(ctx, en, strerror(en), filenames...)
}

// newOSError builds OSError(errno, strerror[, filename[, winerror, filename2]]).
func newOSError(ctx py.Context, en syscall.Errno, msg string, filenames ...string) error {
	args := py.Tuple{py.Int(en), py.String(msg)}
	if len(filenames) > 0 {
		args = append(args, py.String(filenames[0]))
	}
	if len(filenames) > 1 {
		args = append(args, py.None, py.String(filenames[1]))
	}
	cls := builtin(ctx, osErrorClass(en))
	if cls == nil {
		cls = py.OSError
	}
	obj, err := py.Call(cls, args, nil)
	if err != nil {
		return err
	}
	if e, ok := obj.(*py.Exception); ok {
		if e.Dict == nil {
			e.Dict = py.StringDict{}
		}
		e.Dict["errno"] = py.Int(en)
		e.Dict["strerror"] = py.String(msg)
		e.Dict["filename"] = py.None
		e.Dict["filename2"] = py.None
		if len(filenames) > 0 {
			e.Dict["filename"] = py.String(filenames[0])
			e.Args = py.Tuple{py.Int(en), py.String(msg)}
		}
		if len(filenames) > 1 {
			e.Dict["filename2"] = py.String(filenames[1])
		}
		return e
	}
	if e, ok := obj.(error); ok {
		return e
	}
	return py.ExceptionNewf(py.OSError, "[Errno %d] %s", int(en), msg)
}

func none(err error) (py.Object, error) {
	if err != nil {
		return nil, err
	}
	return py.None, nil
}

var _ = os.Getpid
