package stdlib

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding"
	"encoding/hex"
	"hash"
	"sort"

	"github.com/go-python/gpython/py"
)

// The _hashlib module: Go's crypto hashes behind hashlib's object API.

var hashType = py.NewType("_hashlib.HASH", "A hash object.")

type hashObj struct {
	name string
	h    hash.Hash
}

func (h *hashObj) Type() *py.Type { return hashType }

var hashCtors = map[string]func() hash.Hash{
	"md5":    md5.New,
	"sha1":   sha1.New,
	"sha224": sha256.New224,
	"sha256": sha256.New,
	"sha384": sha512.New384,
	"sha512": sha512.New,
}

func bytesArg(fn string, o py.Object) ([]byte, error) {
	switch v := o.(type) {
	case py.Bytes:
		return v, nil
	case py.String:
		return nil, py.ExceptionNewf(py.TypeError, "Strings must be encoded before hashing")
	}
	if b, err := py.GetAttrString(o, "tobytes"); err == nil {
		r, err := py.Call(b, nil, nil)
		if err != nil {
			return nil, err
		}
		return bytesArg(fn, r)
	}
	return nil, py.ExceptionNewf(py.TypeError, "object supporting the buffer API required")
}

func hashlibModule() *py.ModuleImpl {
	names := make([]string, 0, len(hashCtors))
	for n := range hashCtors {
		names = append(names, n)
	}
	sort.Strings(names)
	avail := make(py.Tuple, len(names))
	for i, n := range names {
		avail[i] = py.String(n)
	}
	return &py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "_hashlib", Doc: "Hashes for hashlib (gobake)."},
		Methods: []*py.Method{method("new", hashNew)},
		Globals: py.StringDict{"algorithms": avail},
	}
}

func hashNew(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("new", args, kwargs, []string{"name", "data", "usedforsecurity", "string"}, 1)
	if err != nil {
		return nil, err
	}
	name, err := strArg("new", a[0])
	if err != nil {
		return nil, err
	}
	mk, ok := hashCtors[lower(name)]
	if !ok {
		return nil, py.ExceptionNewf(py.ValueError, "unsupported hash type %s", name)
	}
	h := &hashObj{name: lower(name), h: mk()}
	data := a[1]
	if data == nil {
		data = a[3]
	}
	if data != nil && data != py.None {
		b, err := bytesArg("new", data)
		if err != nil {
			return nil, err
		}
		h.h.Write(b)
	}
	return h, nil
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

func (h *hashObj) M__getattr__(name string) (py.Object, error) {
	switch name {
	case "name":
		return py.String(h.name), nil
	case "digest_size":
		return py.Int(h.h.Size()), nil
	case "block_size":
		return py.Int(h.h.BlockSize()), nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'_hashlib.HASH' object has no attribute '%s'", name)
}

func (h *hashObj) M__repr__() (py.Object, error) {
	return py.String("<" + h.name + " _hashlib.HASH object>"), nil
}

func init() {
	hashType.Dict["update"] = py.MustNewMethod("update", func(self py.Object, arg py.Object) (py.Object, error) {
		b, err := bytesArg("update", arg)
		if err != nil {
			return nil, err
		}
		self.(*hashObj).h.Write(b)
		return py.None, nil
	}, 0, "")
	hashType.Dict["digest"] = py.MustNewMethod("digest", func(self py.Object) (py.Object, error) {
		return py.Bytes(self.(*hashObj).h.Sum(nil)), nil
	}, 0, "")
	hashType.Dict["hexdigest"] = py.MustNewMethod("hexdigest", func(self py.Object) (py.Object, error) {
		return py.String(hex.EncodeToString(self.(*hashObj).h.Sum(nil))), nil
	}, 0, "")
	hashType.Dict["copy"] = py.MustNewMethod("copy", func(self py.Object) (py.Object, error) {
		h := self.(*hashObj)
		state, err := h.h.(encoding.BinaryMarshaler).MarshalBinary()
		if err != nil {
			return nil, py.ExceptionNewf(py.ValueError, "cannot copy hash: %v", err)
		}
		c := hashCtors[h.name]()
		if err := c.(encoding.BinaryUnmarshaler).UnmarshalBinary(state); err != nil {
			return nil, py.ExceptionNewf(py.ValueError, "cannot copy hash: %v", err)
		}
		return &hashObj{name: h.name, h: c}, nil
	}, 0, "")
}
