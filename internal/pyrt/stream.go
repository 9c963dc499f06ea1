package pyrt

import (
	"bufio"
	"io"

	"github.com/go-python/gpython/py"
)

// stream is the Go-backed text file behind sys.stdout, sys.stderr and sys.stdin.
type stream struct {
	name string
	w    io.Writer
	r    *bufio.Reader
}

var streamType = py.NewType("_io.TextIOWrapper", "text stream")

func init() {
	streamType.Dict["write"] = py.MustNewMethod("write", func(self py.Object, args py.Tuple) (py.Object, error) {
		s := self.(*stream)
		if len(args) != 1 {
			return nil, py.ExceptionNewf(py.TypeError, "write() takes exactly one argument (%d given)", len(args))
		}
		str, ok := args[0].(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "write() argument must be str, not %s", args[0].Type().Name)
		}
		if s.w == nil {
			return nil, py.ExceptionNewf(py.OSError, "not writable")
		}
		if _, err := io.WriteString(s.w, string(str)); err != nil {
			return nil, osError(err)
		}
		return py.Int(len([]rune(string(str)))), nil
	}, 0, "write(s)")
	streamType.Dict["flush"] = py.MustNewMethod("flush", func(self py.Object, args py.Tuple) (py.Object, error) {
		if f, ok := self.(*stream).w.(interface{ Flush() error }); ok {
			_ = f.Flush()
		}
		return py.None, nil
	}, 0, "flush()")
	streamType.Dict["readline"] = py.MustNewMethod("readline", func(self py.Object, args py.Tuple) (py.Object, error) {
		s := self.(*stream)
		if s.r == nil {
			return py.String(""), nil
		}
		line, err := s.r.ReadString('\n')
		if err != nil && err != io.EOF {
			return nil, osError(err)
		}
		return py.String(line), nil
	}, 0, "readline()")
	streamType.Dict["read"] = py.MustNewMethod("read", func(self py.Object, args py.Tuple) (py.Object, error) {
		s := self.(*stream)
		if s.r == nil {
			return py.String(""), nil
		}
		b, err := io.ReadAll(s.r)
		if err != nil {
			return nil, osError(err)
		}
		return py.String(b), nil
	}, 0, "read()")
	streamType.Dict["isatty"] = py.MustNewMethod("isatty", func(self py.Object, args py.Tuple) (py.Object, error) {
		return py.False, nil
	}, 0, "isatty()")
	streamType.Dict["fileno"] = py.MustNewMethod("fileno", func(self py.Object, args py.Tuple) (py.Object, error) {
		switch self.(*stream).name {
		case "<stdin>":
			return py.Int(0), nil
		case "<stdout>":
			return py.Int(1), nil
		}
		return py.Int(2), nil
	}, 0, "fileno()")
}

func (s *stream) Type() *py.Type { return streamType }

func newStream(_ *Runtime, name string, w io.Writer, r io.Reader) *stream {
	s := &stream{name: name, w: w}
	if r != nil {
		s.r = bufio.NewReader(r)
	}
	return s
}
