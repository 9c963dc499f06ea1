package pyrt

import (
	"bytes"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/go-python/gpython/py"
)

// lockHandle is an open lock file returned by bb.utils.lockfile.
type lockHandle struct {
	f    *os.File
	path string
}

var lockType = py.NewType("lockfile", "bb.utils lock file")

func (l *lockHandle) Type() *py.Type { return lockType }

// osErr converts a Go file system error into the OSError CPython raises.
func osErr(err error) error {
	var errno syscall.Errno
	var pe *os.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe) && errors.As(pe.Err, &errno):
		return NewOSError(int(errno), py.String(pe.Path))
	case errors.As(err, &le) && errors.As(le.Err, &errno):
		return NewOSError(int(errno), py.String(le.Old))
	case errors.As(err, &errno):
		return NewOSError(int(errno), nil)
	}
	return py.ExceptionNewf(py.OSError, "%v", err)
}

// bbFileFuncs adds the Go side of bb.utils and bb.process to the _pyrt_bb module.
func bbFileFuncs(g py.StringDict) {
	def := func(name string, fn func(args py.Tuple) (py.Object, error)) {
		g[name] = py.MustNewMethod(name, func(_ py.Object, args py.Tuple) (py.Object, error) {
			return fn(args)
		}, 0, name)
	}
	def("exists", func(args py.Tuple) (py.Object, error) {
		_, err := os.Stat(Str(args[0]))
		return py.NewBool(err == nil), nil
	})
	def("mkdirhier", func(args py.Tuple) (py.Object, error) {
		if err := os.MkdirAll(Str(args[0]), 0o777); err != nil {
			return nil, osErr(err)
		}
		return py.None, nil
	})
	def("remove", func(args py.Tuple) (py.Object, error) {
		recurse := args[1] == py.True
		matches, err := filepath.Glob(Str(args[0]))
		if err != nil {
			return nil, osErr(err)
		}
		for _, m := range matches {
			if recurse {
				err = os.RemoveAll(m)
			} else if st, serr := os.Lstat(m); serr == nil && st.IsDir() {
				err = nil
			} else {
				err = os.Remove(m)
			}
			if err != nil && !os.IsNotExist(err) {
				return nil, osErr(err)
			}
		}
		return py.None, nil
	})
	def("rename", func(args py.Tuple) (py.Object, error) {
		if err := os.Rename(Str(args[0]), Str(args[1])); err != nil {
			return nil, osErr(err)
		}
		return py.None, nil
	})
	def("copyfile", func(args py.Tuple) (py.Object, error) {
		src, dst := Str(args[0]), Str(args[1])
		b, err := os.ReadFile(src)
		if err != nil {
			return nil, osErr(err)
		}
		st, err := os.Stat(src)
		if err != nil {
			return nil, osErr(err)
		}
		if err := os.WriteFile(dst, b, st.Mode().Perm()); err != nil {
			return nil, osErr(err)
		}
		return py.None, nil
	})
	def("which", func(args py.Tuple) (py.Object, error) {
		path, item, reverse, executable := Str(args[0]), Str(args[1]), args[2] == py.True, args[3] == py.True
		dirs := strings.Split(path, ":")
		if reverse {
			for i, j := 0, len(dirs)-1; i < j; i, j = i+1, j-1 {
				dirs[i], dirs[j] = dirs[j], dirs[i]
			}
		}
		for _, d := range dirs {
			if d == "" {
				continue
			}
			p := filepath.Join(d, item)
			st, err := os.Stat(p)
			if err != nil {
				continue
			}
			if executable && (st.IsDir() || st.Mode()&0o111 == 0) {
				continue
			}
			return py.String(p), nil
		}
		return py.String(""), nil
	})
	def("file_digest", func(args py.Tuple) (py.Object, error) {
		f, err := os.Open(Str(args[0]))
		if err != nil {
			return nil, osErr(err)
		}
		defer f.Close()
		var h hash.Hash
		switch Str(args[1]) {
		case "md5":
			h = md5.New()
		case "sha1":
			h = sha1.New()
		default:
			h = sha256.New()
		}
		if _, err := io.Copy(h, f); err != nil {
			return nil, osErr(err)
		}
		return py.String(hex.EncodeToString(h.Sum(nil))), nil
	})
	def("cpu_count", func(args py.Tuple) (py.Object, error) {
		return py.Int(runtime.NumCPU()), nil
	})
	def("lockfile", func(args py.Tuple) (py.Object, error) {
		name := Str(args[0])
		shared, retry, block := args[1] == py.True, args[2] == py.True, args[3] == py.True
		if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
			return nil, osErr(err)
		}
		how := syscall.LOCK_EX
		if shared {
			how = syscall.LOCK_SH
		}
		for {
			f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o666)
			if err != nil {
				return nil, osErr(err)
			}
			flags := how
			if !block {
				flags |= syscall.LOCK_NB
			}
			if err := syscall.Flock(int(f.Fd()), flags); err == nil {
				return &lockHandle{f: f, path: name}, nil
			}
			f.Close()
			if !retry {
				return py.None, nil
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
	def("unlockfile", func(args py.Tuple) (py.Object, error) {
		if l, ok := args[0].(*lockHandle); ok {
			_ = syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
			l.f.Close()
		}
		return py.None, nil
	})
	def("run", func(args py.Tuple) (py.Object, error) {
		var cmd *exec.Cmd
		if args[1] == py.True {
			cmd = exec.Command("/bin/sh", "-c", Str(args[0]))
		} else {
			argv := listStrings(args[0])
			if len(argv) == 0 {
				return nil, py.ExceptionNewf(py.ValueError, "empty command")
			}
			cmd = exec.Command(argv[0], argv[1:]...)
		}
		if args[2] != py.None {
			cmd.Dir = Str(args[2])
		}
		if args[3] != py.None {
			cmd.Env = listStrings(args[3])
		}
		if args[4] != py.None {
			cmd.Stdin = strings.NewReader(Str(args[4]))
		}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			if errors.Is(err, exec.ErrNotFound) || os.IsNotExist(err) {
				code = 127
			} else {
				return nil, osErr(err)
			}
		}
		return py.Tuple{py.String(stdout.String()), py.String(stderr.String()), py.Int(code)}, nil
	})
}
