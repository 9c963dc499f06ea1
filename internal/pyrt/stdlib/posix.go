package stdlib

import (
	"os"
	"runtime"
	"sort"
	"syscall"
	"time"

	"github.com/go-python/gpython/py"
	"golang.org/x/sys/unix"
)

// The posix module: thin wrappers over system calls. The os and os.path
// modules (Python source in py/) build CPython's API on top of it.

func posixModule() *py.ModuleImpl {
	m := []*py.Method{
		method("stat", posixStat),
		method("lstat", posixLstat),
		method("listdir", posixListdir),
		method("mkdir", posixMkdir),
		method("rmdir", pathCall("rmdir", syscall.Rmdir)),
		method("unlink", pathCall("unlink", syscall.Unlink)),
		method("remove", pathCall("remove", syscall.Unlink)),
		method("chdir", pathCall("chdir", syscall.Chdir)),
		method("rename", twoPathCall("rename", syscall.Rename)),
		method("replace", twoPathCall("replace", syscall.Rename)),
		method("link", twoPathCall("link", syscall.Link)),
		method("symlink", twoPathCall("symlink", syscall.Symlink)),
		method("readlink", posixReadlink),
		method("chmod", posixChmod),
		method("chown", posixChown(false)),
		method("lchown", posixChown(true)),
		method("utime", posixUtime),
		method("access", posixAccess),
		method("getcwd", posixGetcwd),
		method("umask", intCall("umask", func(n int) (int, error) { return syscall.Umask(n), nil })),
		method("getpid", noArgInt(os.Getpid)),
		method("getppid", noArgInt(os.Getppid)),
		method("getuid", noArgInt(os.Getuid)),
		method("geteuid", noArgInt(os.Geteuid)),
		method("getgid", noArgInt(os.Getgid)),
		method("getegid", noArgInt(os.Getegid)),
		method("cpu_count", noArgInt(runtime.NumCPU)),
		method("getgroups", posixGetgroups),
		method("kill", posixKill),
		method("strerror", posixStrerror),
		method("environ", posixEnviron),
		method("putenv", posixPutenv),
		method("unsetenv", posixUnsetenv),
		method("open", posixOpen),
		method("close", intCall("close", func(fd int) (int, error) { return 0, syscall.Close(fd) })),
		method("dup", intCall("dup", syscall.Dup)),
		method("read", posixRead),
		method("write", posixWrite),
		method("pipe", posixPipe),
		method("fsync", intCall("fsync", func(fd int) (int, error) { return 0, syscall.Fsync(fd) })),
		method("isatty", posixIsatty),
		method("urandom", posixUrandom),
		method("uname", posixUname),
		method("times", posixTimes),
		method("_exit", posixExit),
		method("mkfifo", posixMkfifo),
		method("truncate", posixTruncate),
		method("_randname", posixRandname),
		method("dup2", posixDup2),
		method("statvfs", posixStatvfs),
		method("major", intCall("major", func(d int) (int, error) { return int(unix.Major(uint64(d))), nil })),
		method("minor", intCall("minor", func(d int) (int, error) { return int(unix.Minor(uint64(d))), nil })),
	}
	return &py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "posix", Doc: "System calls for the os module (gobake)."},
		Methods: m,
		Globals: py.StringDict{
			"F_OK": py.Int(0), "R_OK": py.Int(4), "W_OK": py.Int(2), "X_OK": py.Int(1),
			"O_RDONLY": py.Int(os.O_RDONLY), "O_WRONLY": py.Int(os.O_WRONLY), "O_RDWR": py.Int(os.O_RDWR),
			"O_CREAT": py.Int(os.O_CREATE), "O_EXCL": py.Int(os.O_EXCL), "O_TRUNC": py.Int(os.O_TRUNC),
			"O_APPEND": py.Int(os.O_APPEND), "O_NONBLOCK": py.Int(syscall.O_NONBLOCK),
			"O_CLOEXEC": py.Int(syscall.O_CLOEXEC), "O_DIRECTORY": py.Int(syscall.O_DIRECTORY),
			"O_NOFOLLOW": py.Int(syscall.O_NOFOLLOW), "O_SYNC": py.Int(syscall.O_SYNC),
			"WNOHANG": py.Int(syscall.WNOHANG),
		},
	}
}

// method wraps a keyword-accepting Go function as a module method.
func method(name string, fn func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error)) *py.Method {
	return py.MustNewMethod(name, fn, 0, "")
}

type kwFunc = func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error)

func pathCall(name string, fn func(string) error) kwFunc {
	return func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a, err := params(name, args, kwargs, []string{"path", "dir_fd"}, 1)
		if err != nil {
			return nil, err
		}
		p, err := pathArg(name, a[0])
		if err != nil {
			return nil, err
		}
		return none(osError(ctxOf(self), fn(p), p))
	}
}

func twoPathCall(name string, fn func(string, string) error) kwFunc {
	return func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a, err := params(name, args, kwargs, []string{"src", "dst", "target_is_directory", "src_dir_fd", "dst_dir_fd", "follow_symlinks"}, 2)
		if err != nil {
			return nil, err
		}
		src, err := pathArg(name, a[0])
		if err != nil {
			return nil, err
		}
		dst, err := pathArg(name, a[1])
		if err != nil {
			return nil, err
		}
		return none(osError(ctxOf(self), fn(src, dst), src, dst))
	}
}

func intCall(name string, fn func(int) (int, error)) kwFunc {
	return func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a, err := params(name, args, kwargs, []string{"n"}, 1)
		if err != nil {
			return nil, err
		}
		n, err := intArg(a[0], 0)
		if err != nil {
			return nil, err
		}
		r, err := fn(n)
		if err != nil {
			return nil, osError(ctxOf(self), err)
		}
		return py.Int(r), nil
	}
}

func noArgInt(fn func() int) kwFunc {
	return func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return py.Int(fn()), nil
	}
}

func statTuple(st *syscall.Stat_t) py.Tuple {
	return py.Tuple{
		py.Int(st.Mode), py.Int(st.Ino), py.Int(st.Dev), py.Int(st.Nlink),
		py.Int(st.Uid), py.Int(st.Gid), py.Int(st.Size),
		py.Int(st.Atim.Nano()), py.Int(st.Mtim.Nano()), py.Int(st.Ctim.Nano()),
		py.Int(st.Blksize), py.Int(st.Blocks), py.Int(st.Rdev),
	}
}

func doStat(name string, self py.Object, args py.Tuple, kwargs py.StringDict, follow bool) (py.Object, error) {
	a, err := params(name, args, kwargs, []string{"path", "dir_fd", "follow_symlinks"}, 1)
	if err != nil {
		return nil, err
	}
	if f, err := truth(a[2], true); err != nil {
		return nil, err
	} else if !f {
		follow = false
	}
	var st syscall.Stat_t
	if fd, ok := a[0].(py.Int); ok {
		if err := syscall.Fstat(int(fd), &st); err != nil {
			return nil, osError(ctxOf(self), err)
		}
		return statTuple(&st), nil
	}
	p, err := pathArg(name, a[0])
	if err != nil {
		return nil, err
	}
	if follow {
		err = syscall.Stat(p, &st)
	} else {
		err = syscall.Lstat(p, &st)
	}
	if err != nil {
		return nil, osError(ctxOf(self), err, p)
	}
	return statTuple(&st), nil
}

func posixStat(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return doStat("stat", self, args, kwargs, true)
}

func posixLstat(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return doStat("lstat", self, args, kwargs, false)
}

func posixListdir(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("listdir", args, kwargs, []string{"path"}, 0)
	if err != nil {
		return nil, err
	}
	p := "."
	_, isBytes := a[0].(py.Bytes)
	if a[0] != nil && a[0] != py.None {
		if p, err = pathArg("listdir", a[0]); err != nil {
			return nil, err
		}
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, osError(ctxOf(self), err, p)
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	if err != nil {
		return nil, osError(ctxOf(self), err, p)
	}
	l := py.NewListWithCapacity(len(names))
	for _, n := range names {
		if isBytes {
			l.Append(py.Bytes(n))
		} else {
			l.Append(py.String(n))
		}
	}
	return l, nil
}

func posixMkdir(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("mkdir", args, kwargs, []string{"path", "mode", "dir_fd"}, 1)
	if err != nil {
		return nil, err
	}
	p, err := pathArg("mkdir", a[0])
	if err != nil {
		return nil, err
	}
	mode, err := intArg(a[1], 0o777)
	if err != nil {
		return nil, err
	}
	return none(osError(ctxOf(self), syscall.Mkdir(p, uint32(mode)), p))
}

func posixMkfifo(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("mkfifo", args, kwargs, []string{"path", "mode", "dir_fd"}, 1)
	if err != nil {
		return nil, err
	}
	p, err := pathArg("mkfifo", a[0])
	if err != nil {
		return nil, err
	}
	mode, err := intArg(a[1], 0o666)
	if err != nil {
		return nil, err
	}
	return none(osError(ctxOf(self), syscall.Mkfifo(p, uint32(mode)), p))
}

func posixTruncate(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("truncate", args, kwargs, []string{"path", "length"}, 2)
	if err != nil {
		return nil, err
	}
	p, err := pathArg("truncate", a[0])
	if err != nil {
		return nil, err
	}
	n, err := intArg(a[1], 0)
	if err != nil {
		return nil, err
	}
	return none(osError(ctxOf(self), syscall.Truncate(p, int64(n)), p))
}

func posixReadlink(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("readlink", args, kwargs, []string{"path", "dir_fd"}, 1)
	if err != nil {
		return nil, err
	}
	p, err := pathArg("readlink", a[0])
	if err != nil {
		return nil, err
	}
	t, err := os.Readlink(p)
	if err != nil {
		return nil, osError(ctxOf(self), err, p)
	}
	if _, ok := a[0].(py.Bytes); ok {
		return py.Bytes(t), nil
	}
	return py.String(t), nil
}

func posixChmod(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("chmod", args, kwargs, []string{"path", "mode", "dir_fd", "follow_symlinks"}, 2)
	if err != nil {
		return nil, err
	}
	p, err := pathArg("chmod", a[0])
	if err != nil {
		return nil, err
	}
	mode, err := intArg(a[1], 0)
	if err != nil {
		return nil, err
	}
	return none(osError(ctxOf(self), syscall.Chmod(p, uint32(mode)), p))
}

func posixChown(nofollow bool) kwFunc {
	return func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a, err := params("chown", args, kwargs, []string{"path", "uid", "gid", "dir_fd", "follow_symlinks"}, 3)
		if err != nil {
			return nil, err
		}
		p, err := pathArg("chown", a[0])
		if err != nil {
			return nil, err
		}
		uid, err := intArg(a[1], -1)
		if err != nil {
			return nil, err
		}
		gid, err := intArg(a[2], -1)
		if err != nil {
			return nil, err
		}
		if f, err := truth(a[4], true); err != nil {
			return nil, err
		} else if !f {
			nofollow = true
		}
		if nofollow {
			err = syscall.Lchown(p, uid, gid)
		} else {
			err = syscall.Chown(p, uid, gid)
		}
		return none(osError(ctxOf(self), err, p))
	}
}

func posixUtime(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("utime", args, kwargs, []string{"path", "times", "ns", "dir_fd", "follow_symlinks"}, 1)
	if err != nil {
		return nil, err
	}
	p, err := pathArg("utime", a[0])
	if err != nil {
		return nil, err
	}
	now := time.Now().UnixNano()
	at, mt := now, now
	pair := func(o py.Object, scale float64) error {
		t, ok := o.(py.Tuple)
		if !ok || len(t) != 2 {
			return py.ExceptionNewf(py.TypeError, "utime: 'times' must be either a tuple of two ints or None")
		}
		v := [2]int64{}
		for i, x := range t {
			switch n := x.(type) {
			case py.Int:
				v[i] = int64(n) * int64(scale)
			case py.Float:
				v[i] = int64(float64(n) * scale)
			default:
				return py.ExceptionNewf(py.TypeError, "utime: times must be numbers")
			}
		}
		at, mt = v[0], v[1]
		return nil
	}
	if a[1] != nil && a[1] != py.None {
		if err := pair(a[1], 1e9); err != nil {
			return nil, err
		}
	} else if a[2] != nil && a[2] != py.None {
		if err := pair(a[2], 1); err != nil {
			return nil, err
		}
	}
	ts := []unix.Timespec{unix.NsecToTimespec(at), unix.NsecToTimespec(mt)}
	flags := 0
	if f, err := truth(a[4], true); err != nil {
		return nil, err
	} else if !f {
		flags = unix.AT_SYMLINK_NOFOLLOW
	}
	return none(osError(ctxOf(self), unix.UtimesNanoAt(unix.AT_FDCWD, p, ts, flags), p))
}

func posixAccess(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("access", args, kwargs, []string{"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, 2)
	if err != nil {
		return nil, err
	}
	p, err := pathArg("access", a[0])
	if err != nil {
		return nil, err
	}
	mode, err := intArg(a[1], 0)
	if err != nil {
		return nil, err
	}
	return py.NewBool(unix.Access(p, uint32(mode)) == nil), nil
}

func posixGetcwd(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, osError(ctxOf(self), err)
	}
	return py.String(wd), nil
}

func posixGetgroups(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	gs, err := os.Getgroups()
	if err != nil {
		return nil, osError(ctxOf(self), err)
	}
	l := py.NewList()
	for _, g := range gs {
		l.Append(py.Int(g))
	}
	return l, nil
}

func posixKill(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("kill", args, kwargs, []string{"pid", "signal"}, 2)
	if err != nil {
		return nil, err
	}
	pid, err := intArg(a[0], 0)
	if err != nil {
		return nil, err
	}
	sig, err := intArg(a[1], 0)
	if err != nil {
		return nil, err
	}
	return none(osError(ctxOf(self), syscall.Kill(pid, syscall.Signal(sig))))
}

func posixStrerror(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("strerror", args, kwargs, []string{"code"}, 1)
	if err != nil {
		return nil, err
	}
	n, err := intArg(a[0], 0)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return py.String("Success"), nil
	}
	return py.String(strerror(syscall.Errno(n))), nil
}

// posixEnviron returns the process environment as a list of (key, value)
// pairs in a stable order; os.environ builds its mapping from it.
func posixEnviron(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	env := os.Environ()
	sort.Strings(env)
	l := py.NewListWithCapacity(len(env))
	for _, kv := range env {
		for i := 0; i < len(kv); i++ {
			if kv[i] == '=' && i > 0 {
				l.Append(py.Tuple{py.String(kv[:i]), py.String(kv[i+1:])})
				break
			}
		}
	}
	return l, nil
}

func posixPutenv(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("putenv", args, kwargs, []string{"name", "value"}, 2)
	if err != nil {
		return nil, err
	}
	k, err := pathArg("putenv", a[0])
	if err != nil {
		return nil, err
	}
	v, err := pathArg("putenv", a[1])
	if err != nil {
		return nil, err
	}
	if k == "" || containsByte(k, '=') {
		return nil, py.ExceptionNewf(py.ValueError, "illegal environment variable name")
	}
	return none(osError(ctxOf(self), os.Setenv(k, v)))
}

func containsByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}

func posixUnsetenv(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("unsetenv", args, kwargs, []string{"name"}, 1)
	if err != nil {
		return nil, err
	}
	k, err := pathArg("unsetenv", a[0])
	if err != nil {
		return nil, err
	}
	return none(osError(ctxOf(self), os.Unsetenv(k)))
}

func posixOpen(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("open", args, kwargs, []string{"path", "flags", "mode", "dir_fd"}, 2)
	if err != nil {
		return nil, err
	}
	p, err := pathArg("open", a[0])
	if err != nil {
		return nil, err
	}
	flags, err := intArg(a[1], 0)
	if err != nil {
		return nil, err
	}
	mode, err := intArg(a[2], 0o777)
	if err != nil {
		return nil, err
	}
	fd, err := syscall.Open(p, flags|syscall.O_CLOEXEC, uint32(mode))
	if err != nil {
		return nil, osError(ctxOf(self), err, p)
	}
	return py.Int(fd), nil
}

func posixRead(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("read", args, kwargs, []string{"fd", "length"}, 2)
	if err != nil {
		return nil, err
	}
	fd, err := intArg(a[0], 0)
	if err != nil {
		return nil, err
	}
	n, err := intArg(a[1], 0)
	if err != nil {
		return nil, err
	}
	buf := make([]byte, n)
	got, err := syscall.Read(fd, buf)
	if err != nil {
		return nil, osError(ctxOf(self), err)
	}
	return py.Bytes(buf[:got]), nil
}

func posixWrite(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("write", args, kwargs, []string{"fd", "data"}, 2)
	if err != nil {
		return nil, err
	}
	fd, err := intArg(a[0], 0)
	if err != nil {
		return nil, err
	}
	b, ok := a[1].(py.Bytes)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", a[1].Type().Name)
	}
	n, err := syscall.Write(fd, b)
	if err != nil {
		return nil, osError(ctxOf(self), err)
	}
	return py.Int(n), nil
}

func posixPipe(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var p [2]int
	if err := syscall.Pipe2(p[:], syscall.O_CLOEXEC); err != nil {
		return nil, osError(ctxOf(self), err)
	}
	return py.Tuple{py.Int(p[0]), py.Int(p[1])}, nil
}

func posixIsatty(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("isatty", args, kwargs, []string{"fd"}, 1)
	if err != nil {
		return nil, err
	}
	fd, err := intArg(a[0], 0)
	if err != nil {
		return nil, err
	}
	_, terr := unix.IoctlGetTermios(fd, unix.TCGETS)
	return py.NewBool(terr == nil), nil
}

func posixUrandom(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("urandom", args, kwargs, []string{"size"}, 1)
	if err != nil {
		return nil, err
	}
	n, err := intArg(a[0], 0)
	if err != nil {
		return nil, err
	}
	buf := make([]byte, n)
	if _, err := unix.Getrandom(buf, 0); err != nil {
		return nil, osError(ctxOf(self), err)
	}
	return py.Bytes(buf), nil
}

func posixUname(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var u unix.Utsname
	if err := unix.Uname(&u); err != nil {
		return nil, osError(ctxOf(self), err)
	}
	s := func(b []byte) py.String {
		for i, c := range b {
			if c == 0 {
				return py.String(b[:i])
			}
		}
		return py.String(b)
	}
	return py.Tuple{s(u.Sysname[:]), s(u.Nodename[:]), s(u.Release[:]), s(u.Version[:]), s(u.Machine[:])}, nil
}

func posixTimes(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var t syscall.Tms
	if _, err := syscall.Times(&t); err != nil {
		return nil, osError(ctxOf(self), err)
	}
	const hz = 100.0
	return py.Tuple{py.Float(float64(t.Utime) / hz), py.Float(float64(t.Stime) / hz),
		py.Float(float64(t.Cutime) / hz), py.Float(float64(t.Cstime) / hz), py.Float(0)}, nil
}

func posixExit(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("_exit", args, kwargs, []string{"status"}, 1)
	if err != nil {
		return nil, err
	}
	n, err := intArg(a[0], 0)
	if err != nil {
		return nil, err
	}
	os.Exit(n)
	return py.None, nil
}

// posixRandname returns 8 random characters from tempfile's alphabet.
func posixRandname(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	const chars = "abcdefghijklmnopqrstuvwxyz0123456789_"
	buf := make([]byte, 8)
	if _, err := unix.Getrandom(buf, 0); err != nil {
		return nil, osError(ctxOf(self), err)
	}
	for i, b := range buf {
		buf[i] = chars[int(b)%len(chars)]
	}
	return py.String(buf), nil
}

func posixDup2(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("dup2", args, kwargs, []string{"fd", "fd2", "inheritable"}, 2)
	if err != nil {
		return nil, err
	}
	fd, err := intArg(a[0], 0)
	if err != nil {
		return nil, err
	}
	fd2, err := intArg(a[1], 0)
	if err != nil {
		return nil, err
	}
	if err := unix.Dup2(fd, fd2); err != nil {
		return nil, osError(ctxOf(self), err)
	}
	return py.Int(fd2), nil
}

// posixStatvfs returns (f_bsize, f_frsize, f_blocks, f_bfree, f_bavail,
// f_files, f_ffree, f_favail, f_flag, f_namemax).
func posixStatvfs(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("statvfs", args, kwargs, []string{"path"}, 1)
	if err != nil {
		return nil, err
	}
	p, err := pathArg("statvfs", a[0])
	if err != nil {
		return nil, err
	}
	var st unix.Statfs_t
	if err := unix.Statfs(p, &st); err != nil {
		return nil, osError(ctxOf(self), err, p)
	}
	return py.Tuple{py.Int(st.Bsize), py.Int(st.Frsize), py.Int(st.Blocks), py.Int(st.Bfree), py.Int(st.Bavail),
		py.Int(st.Files), py.Int(st.Ffree), py.Int(st.Ffree), py.Int(st.Flags), py.Int(st.Namelen)}, nil
}
