package pyrt

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// fileObj is what open() returns: gpython's file object with the reading API CPython's has
// and gpython's lacks (readline, readlines, iteration over lines, tell/seek, name/mode), as
// Isar's squashfs.bbclass reads /proc/meminfo with readlines(). Reads go through one
// buffer so read, readline and iteration can be mixed; writes go to the file directly.
type fileObj struct {
	f    *py.File
	name py.Object
	mode string
	r    *bufio.Reader
}

var fileObjType = py.NewType("_io.TextIOWrapper", "file object (gobake)")

func (o *fileObj) Type() *py.Type { return fileObjType }

// wrapFile wraps the file gpython's open returned for open(args, kwargs).
func wrapFile(res py.Object, err error, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err != nil {
		return nil, err
	}
	var name py.Object = py.None
	if len(args) > 0 {
		name = args[0]
	} else if n, ok := kwargs["file"]; ok {
		name = n
	}
	mode := "r"
	if len(args) > 1 {
		mode = Str(args[1])
	} else if m, ok := kwargs["mode"]; ok {
		mode = Str(m)
	}
	f, ok := res.(*py.File)
	if !ok || f.File == nil {
		return res, nil
	}
	return &fileObj{f: f, name: name, mode: mode}, nil
}

func (o *fileObj) binary() bool { return strings.Contains(o.mode, "b") }

func (o *fileObj) reader() *bufio.Reader {
	if o.r == nil {
		o.r = bufio.NewReader(o.f.File)
	}
	return o.r
}

func (o *fileObj) value(b []byte) py.Object {
	if o.binary() {
		return py.Bytes(b)
	}
	return py.String(string(b))
}

func (o *fileObj) readable() error {
	if !o.f.Can(py.FileRead) {
		return py.ExceptionNewf(py.OSError, "not readable")
	}
	return nil
}

// readLine reads one line including its newline; "" at the end of the file.
func (o *fileObj) readLine(limit int) ([]byte, error) {
	if err := o.readable(); err != nil {
		return nil, err
	}
	var line []byte
	for limit < 0 || len(line) < limit {
		b, err := o.reader().ReadByte()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, py.ExceptionNewf(py.OSError, "%v", err)
		}
		line = append(line, b)
		if b == '\n' {
			break
		}
	}
	return line, nil
}

func (o *fileObj) M__iter__() (py.Object, error) { return o, nil }

func (o *fileObj) M__next__() (py.Object, error) {
	line, err := o.readLine(-1)
	if err != nil {
		return nil, err
	}
	if len(line) == 0 {
		return nil, py.StopIteration
	}
	return o.value(line), nil
}

func (o *fileObj) M__enter__() (py.Object, error) { return o, nil }

func (o *fileObj) M__exit__(exc_type, exc_value, traceback py.Object) (py.Object, error) {
	if _, err := o.f.Close(); err != nil {
		return nil, err
	}
	return py.None, nil
}

func (o *fileObj) M__repr__() (py.Object, error) {
	n, err := Repr(o.name)
	if err != nil {
		return nil, err
	}
	if o.binary() {
		return py.String("<_io.BufferedReader name=" + n + ">"), nil
	}
	return py.String("<_io.TextIOWrapper name=" + n + " mode='" + o.mode + "' encoding='UTF-8'>"), nil
}

func intOr(args py.Tuple, i int, def int) int {
	if len(args) > i && args[i] != py.None {
		if n, ok := args[i].(py.Int); ok {
			return int(n)
		}
	}
	return def
}

func init() {
	meth := func(name string, fn func(o *fileObj, args py.Tuple) (py.Object, error)) {
		fileObjType.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple) (py.Object, error) {
			return fn(self.(*fileObj), args)
		}, 0, name)
	}
	meth("read", func(o *fileObj, args py.Tuple) (py.Object, error) {
		if err := o.readable(); err != nil {
			return nil, err
		}
		n := intOr(args, 0, -1)
		if n < 0 {
			b, err := io.ReadAll(o.reader())
			if err != nil {
				return nil, py.ExceptionNewf(py.OSError, "%v", err)
			}
			return o.value(b), nil
		}
		var out []byte
		for count := 0; count < n; count++ {
			if o.binary() {
				b, err := o.reader().ReadByte()
				if err != nil {
					break
				}
				out = append(out, b)
				continue
			}
			r, _, err := o.reader().ReadRune()
			if err != nil {
				break
			}
			out = utf8.AppendRune(out, r)
		}
		return o.value(out), nil
	})
	meth("readline", func(o *fileObj, args py.Tuple) (py.Object, error) {
		line, err := o.readLine(intOr(args, 0, -1))
		if err != nil {
			return nil, err
		}
		return o.value(line), nil
	})
	meth("readlines", func(o *fileObj, args py.Tuple) (py.Object, error) {
		var out []py.Object
		for {
			line, err := o.readLine(-1)
			if err != nil {
				return nil, err
			}
			if len(line) == 0 {
				return py.NewListFromItems(out), nil
			}
			out = append(out, o.value(line))
		}
	})
	delegate := func(name string) {
		meth(name, func(o *fileObj, args py.Tuple) (py.Object, error) {
			m, err := py.GetAttrString(o.f, name)
			if err != nil {
				return nil, err
			}
			return py.Call(m, args, nil)
		})
	}
	delegate("write")
	delegate("flush")
	delegate("close")
	meth("writelines", func(o *fileObj, args py.Tuple) (py.Object, error) {
		if len(args) != 1 {
			return nil, py.ExceptionNewf(py.TypeError, "writelines() takes exactly one argument (%d given)", len(args))
		}
		items, err := iterList(args[0])
		if err != nil {
			return nil, err
		}
		w, err := py.GetAttrString(o.f, "write")
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if _, err := py.Call(w, py.Tuple{it}, nil); err != nil {
				return nil, err
			}
		}
		return py.None, nil
	})
	meth("fileno", func(o *fileObj, args py.Tuple) (py.Object, error) { return py.Int(o.f.Fd()), nil })
	meth("readable", func(o *fileObj, args py.Tuple) (py.Object, error) { return py.NewBool(o.f.Can(py.FileRead)), nil })
	meth("writable", func(o *fileObj, args py.Tuple) (py.Object, error) { return py.NewBool(o.f.Can(py.FileWrite)), nil })
	meth("isatty", func(o *fileObj, args py.Tuple) (py.Object, error) { return py.False, nil })
	meth("tell", func(o *fileObj, args py.Tuple) (py.Object, error) {
		pos, err := o.f.File.Seek(0, io.SeekCurrent)
		if err != nil {
			return nil, py.ExceptionNewf(py.OSError, "%v", err)
		}
		if o.r != nil {
			pos -= int64(o.r.Buffered())
		}
		return py.Int(pos), nil
	})
	meth("seek", func(o *fileObj, args py.Tuple) (py.Object, error) {
		off, whence := intOr(args, 0, 0), intOr(args, 1, 0)
		if whence == io.SeekCurrent && o.r != nil {
			off -= o.r.Buffered()
		}
		pos, err := o.f.File.Seek(int64(off), whence)
		if err != nil {
			return nil, py.ExceptionNewf(py.OSError, "%v", err)
		}
		o.r = nil
		return py.Int(pos), nil
	})
	fileObjType.Dict["name"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return self.(*fileObj).name, nil }}
	fileObjType.Dict["mode"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return py.String(self.(*fileObj).mode), nil }}
	fileObjType.Dict["closed"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
		_, err := self.(*fileObj).f.File.Stat()
		return py.NewBool(err != nil), nil
	}}
}
