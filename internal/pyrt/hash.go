package pyrt

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
)

// hashKey maps a hashable object to a string such that objects CPython considers equal
// (1 == 1.0 == True, equal tuples, equal strings) get equal keys. Objects with a
// user-defined __hash__ get "h<hash>" keys, which are only a bucket: entries in such a
// bucket are compared with __eq__.
func hashKey(o py.Object) (string, error) {
	switch x := o.(type) {
	case py.String:
		return "s" + string(x), nil
	case py.Int:
		return "n" + strconv.FormatInt(int64(x), 10), nil
	case py.Bool:
		if x {
			return "n1", nil
		}
		return "n0", nil
	case *py.BigInt:
		return "n" + (*big.Int)(x).String(), nil
	case py.Float:
		f := float64(x)
		if f == math.Trunc(f) && !math.IsInf(f, 0) {
			if math.Abs(f) < 1<<62 {
				return "n" + strconv.FormatInt(int64(f), 10), nil
			}
			bf := new(big.Float).SetFloat64(f)
			bi, _ := bf.Int(nil)
			return "n" + bi.String(), nil
		}
		return "f" + strconv.FormatFloat(f, 'g', -1, 64), nil
	case py.NoneType:
		return "N", nil
	case py.Bytes:
		return "b" + string(x), nil
	case py.Tuple:
		var b strings.Builder
		b.WriteString("t")
		for _, e := range x {
			k, err := hashKey(e)
			if err != nil {
				return "", err
			}
			b.WriteString(strconv.Itoa(len(k)))
			b.WriteByte(':')
			b.WriteString(k)
		}
		return b.String(), nil
	case *Set:
		if !x.frozen {
			return "", unhashable(o)
		}
		keys := make([]string, 0, len(x.keys))
		for i := range x.keys {
			if x.live(i) {
				keys = append(keys, x.hashes[i])
			}
		}
		sort.Strings(keys)
		var b strings.Builder
		b.WriteString("F")
		for _, k := range keys {
			b.WriteString(strconv.Itoa(len(k)))
			b.WriteByte(':')
			b.WriteString(k)
		}
		return b.String(), nil
	case *py.List, *Dict, py.StringDict, *py.Set:
		return "", unhashable(o)
	case *py.Type:
		if _, cls := isClass(x); !cls {
			if h := lookup(x.Type(), "__hash__"); h != nil {
				if h == py.None {
					return "", unhashable(o)
				}
				if _, isGo := h.(*py.Method); !isGo {
					r, err := py.Call(h, py.Tuple{x}, nil)
					if err != nil {
						return "", err
					}
					return "h" + Str(r), nil
				}
			}
			if eq := lookup(x.Type(), "__eq__"); eq != nil {
				if _, isFn := eq.(*py.Function); isFn {
					return "", unhashable(o)
				}
			}
		}
		return fmt.Sprintf("p%p", x), nil
	}
	if h, ok := o.(py.I__hash__); ok {
		r, err := h.M__hash__()
		if err != nil {
			return "", err
		}
		return "h" + Str(r), nil
	}
	return fmt.Sprintf("p%p", o), nil
}

func unhashable(o py.Object) error {
	return py.ExceptionNewf(py.TypeError, "unhashable type: '%s'", o.Type().Name)
}

// Hash is hash(o) for the builtin hash(): CPython's values for ints, bools and None-like
// objects; a stable digest of the hash key otherwise.
func Hash(o py.Object) (py.Object, error) {
	switch x := o.(type) {
	case py.Int:
		if x == -1 {
			return py.Int(-2), nil
		}
		return x, nil
	case py.Bool:
		if x {
			return py.Int(1), nil
		}
		return py.Int(0), nil
	case py.Float:
		if f := float64(x); f == math.Trunc(f) && math.Abs(f) < 1<<62 {
			return Hash(py.Int(int64(f)))
		}
	}
	k, err := hashKey(o)
	if err != nil {
		return nil, err
	}
	if strings.HasPrefix(k, "h") {
		n, err := strconv.ParseInt(k[1:], 10, 64)
		if err == nil {
			return py.Int(n), nil
		}
	}
	var h uint64 = 14695981039346656037
	for i := 0; i < len(k); i++ {
		h ^= uint64(k[i])
		h *= 1099511628211
	}
	return py.Int(int64(h >> 1)), nil
}

// keyEqual compares two keys that share a hash bucket.
func keyEqual(hk string, a, b py.Object) (bool, error) {
	if !strings.HasPrefix(hk, "h") {
		return true, nil
	}
	if a == b {
		return true, nil
	}
	return Equal(a, b)
}

// keyIndex maps hash keys to entry positions. Keys other than "h..." identify one object
// value exactly, so they map to a single position without a bucket slice. A container of up
// to smallIndex entries has no maps: its own hash keys are scanned (most dicts a program
// makes, keyword arguments, flag dicts, small records, stay that small). Dead entries have
// a nil key.
type keyIndex struct {
	exact  map[string]int
	hashed map[string][]int
}

const smallIndex = 12

func newKeyIndex(n int) keyIndex {
	if n <= smallIndex {
		return keyIndex{}
	}
	return keyIndex{exact: make(map[string]int, n)}
}

// find returns the position of key (hash key hk) among keys, whose hash keys are hashes,
// or -1.
func (x *keyIndex) find(hk string, hashes []string, keys []py.Object, key py.Object) (int, error) {
	if x.exact != nil && hk[0] != 'h' {
		if i, ok := x.exact[hk]; ok {
			return i, nil
		}
		return -1, nil
	}
	// Candidates: every live entry with hash key hk (small), or hk's bucket.
	bucket, n := []int(nil), len(hashes)
	if x.exact != nil {
		bucket = x.hashed[hk]
		n = len(bucket)
	}
	for j := range n {
		i := j
		if bucket != nil {
			i = bucket[j]
		} else if hashes[i] != hk || keys[i] == nil {
			continue
		}
		eq, err := keyEqual(hk, keys[i], key)
		if err != nil {
			return -1, err
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

// add records entry i, just appended (hashes and keys include it), with hash key hk.
func (x *keyIndex) add(hk string, i int, hashes []string, keys []py.Object) {
	if x.exact == nil {
		if len(hashes) <= smallIndex {
			return
		}
		x.exact = make(map[string]int, 2*len(hashes))
		for j, h := range hashes {
			if keys[j] != nil {
				x.addMap(h, j)
			}
		}
		return
	}
	x.addMap(hk, i)
}

func (x *keyIndex) addMap(hk string, i int) {
	if hk[0] != 'h' {
		x.exact[hk] = i
		return
	}
	if x.hashed == nil {
		x.hashed = map[string][]int{}
	}
	x.hashed[hk] = append(x.hashed[hk], i)
}

// remove forgets entry i (the caller makes its key nil).
func (x *keyIndex) remove(hk string, i int) {
	if x.exact == nil {
		return
	}
	if hk[0] != 'h' {
		delete(x.exact, hk)
		return
	}
	b := x.hashed[hk]
	for j, v := range b {
		if v == i {
			b = append(b[:j:j], b[j+1:]...)
			break
		}
	}
	if len(b) == 0 {
		delete(x.hashed, hk)
	} else {
		x.hashed[hk] = b
	}
}
