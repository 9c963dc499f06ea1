package stdlib

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// The _json module: a decoder producing the runtime's dicts and lists, and
// the string escaping json.dumps uses. json.py holds the public API.

func jsonModule() *py.ModuleImpl {
	return &py.ModuleImpl{
		Info: py.ModuleInfo{Name: "_json", Doc: "JSON speedups (gobake)."},
		Methods: []*py.Method{
			method("scan", jsonScan),
			method("encode_basestring", jsonEncodeString(false)),
			method("encode_basestring_ascii", jsonEncodeString(true)),
		},
	}
}

func jsonEncodeString(ascii bool) kwFunc {
	return func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		s, err := strArg("encode_basestring", args[0])
		if err != nil {
			return nil, err
		}
		return py.String(quoteJSON(s, ascii)), nil
	}
}

func quoteJSON(s string, ascii bool) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			switch {
			case r < 0x20:
				b.WriteString(`\u00`)
				b.WriteByte("0123456789abcdef"[r>>4])
				b.WriteByte("0123456789abcdef"[r&15])
			case ascii && r > 0x7e:
				if r > 0xffff {
					r1, r2 := utf16.EncodeRune(r)
					writeU(&b, r1)
					writeU(&b, r2)
				} else {
					writeU(&b, r)
				}
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func writeU(b *strings.Builder, r rune) {
	const hex = "0123456789abcdef"
	b.WriteString(`\u`)
	b.WriteByte(hex[r>>12&15])
	b.WriteByte(hex[r>>8&15])
	b.WriteByte(hex[r>>4&15])
	b.WriteByte(hex[r&15])
}

// jsonScan decodes a JSON document: scan(s, object_hook, object_pairs_hook,
// parse_float, parse_int, strict). Errors are returned as a (msg, pos) tuple
// so json.py can raise JSONDecodeError.
func jsonScan(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("scan", args, kwargs, []string{"s", "object_hook", "object_pairs_hook", "parse_float", "parse_int", "strict"}, 1)
	if err != nil {
		return nil, err
	}
	s, err := strArg("scan", a[0])
	if err != nil {
		return nil, err
	}
	d := &jsonDecoder{s: s, ctx: ctxOf(self)}
	for i, h := range []*py.Object{&d.objectHook, &d.pairsHook, &d.parseFloat, &d.parseInt} {
		if o := a[i+1]; o != nil && o != py.None {
			*h = o
		}
	}
	d.strict = true
	if a[5] != nil {
		d.strict, _ = truth(a[5], true)
	}
	d.ws()
	v, err := d.value()
	if err != nil {
		return d.fail(err)
	}
	d.ws()
	if d.i != len(d.s) {
		return d.fail(d.errAt("Extra data", d.i))
	}
	return py.Tuple{v}, nil
}

type jsonErr struct {
	msg string
	pos int
}

func (e *jsonErr) Error() string { return e.msg }

func (d *jsonDecoder) fail(err error) (py.Object, error) {
	if je, ok := err.(*jsonErr); ok {
		return py.Tuple{py.String(je.msg), py.Int(utf8.RuneCountInString(d.s[:je.pos]))}, nil
	}
	return nil, err
}

type jsonDecoder struct {
	s                                           string
	i                                           int
	ctx                                         py.Context
	objectHook, pairsHook, parseFloat, parseInt py.Object
	strict                                      bool
}

func (d *jsonDecoder) errAt(msg string, pos int) error { return &jsonErr{msg, pos} }

func (d *jsonDecoder) ws() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *jsonDecoder) value() (py.Object, error) {
	if d.i >= len(d.s) {
		return nil, d.errAt("Expecting value", d.i)
	}
	switch c := d.s[d.i]; {
	case c == '{':
		return d.object()
	case c == '[':
		return d.array()
	case c == '"':
		s, err := d.str()
		if err != nil {
			return nil, err
		}
		return py.String(s), nil
	case strings.HasPrefix(d.s[d.i:], "null"):
		d.i += 4
		return py.None, nil
	case strings.HasPrefix(d.s[d.i:], "true"):
		d.i += 4
		return py.True, nil
	case strings.HasPrefix(d.s[d.i:], "false"):
		d.i += 5
		return py.False, nil
	case strings.HasPrefix(d.s[d.i:], "NaN"):
		d.i += 3
		return d.constFloat("NaN", math.NaN())
	case strings.HasPrefix(d.s[d.i:], "Infinity"):
		d.i += 8
		return d.constFloat("Infinity", math.Inf(1))
	case strings.HasPrefix(d.s[d.i:], "-Infinity"):
		d.i += 9
		return d.constFloat("-Infinity", math.Inf(-1))
	case c == '-' || c >= '0' && c <= '9':
		return d.number()
	}
	return nil, d.errAt("Expecting value", d.i)
}

func (d *jsonDecoder) constFloat(name string, f float64) (py.Object, error) {
	return py.Float(f), nil
}

func (d *jsonDecoder) number() (py.Object, error) {
	start := d.i
	if d.s[d.i] == '-' {
		d.i++
	}
	digits := func() int {
		n := 0
		for d.i < len(d.s) && d.s[d.i] >= '0' && d.s[d.i] <= '9' {
			d.i++
			n++
		}
		return n
	}
	if d.i < len(d.s) && d.s[d.i] == '0' {
		d.i++
	} else if digits() == 0 {
		return nil, d.errAt("Expecting value", start)
	}
	isFloat := false
	if d.i+1 < len(d.s) && d.s[d.i] == '.' && d.s[d.i+1] >= '0' && d.s[d.i+1] <= '9' {
		d.i++
		digits()
		isFloat = true
	}
	if d.i < len(d.s) && (d.s[d.i] == 'e' || d.s[d.i] == 'E') {
		save := d.i
		d.i++
		if d.i < len(d.s) && (d.s[d.i] == '+' || d.s[d.i] == '-') {
			d.i++
		}
		if digits() == 0 {
			d.i = save
		} else {
			isFloat = true
		}
	}
	lit := d.s[start:d.i]
	if isFloat {
		if d.parseFloat != nil {
			return py.Call(d.parseFloat, py.Tuple{py.String(lit)}, nil)
		}
		f, err := strconv.ParseFloat(lit, 64)
		if err != nil && !isRangeErr(err) {
			return nil, d.errAt("Expecting value", start)
		}
		return py.Float(f), nil
	}
	if d.parseInt != nil {
		return py.Call(d.parseInt, py.Tuple{py.String(lit)}, nil)
	}
	return py.IntFromString(lit, 10)
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

func (d *jsonDecoder) str() (string, error) {
	start := d.i
	d.i++
	var b strings.Builder
	for {
		if d.i >= len(d.s) {
			return "", d.errAt("Unterminated string starting at", start)
		}
		c := d.s[d.i]
		switch {
		case c == '"':
			d.i++
			return b.String(), nil
		case c == '\\':
			if d.i+1 >= len(d.s) {
				return "", d.errAt("Unterminated string starting at", start)
			}
			e := d.s[d.i+1]
			d.i += 2
			switch e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r, ok := d.hex4(d.i)
				if !ok {
					return "", d.errAt("Invalid \\uXXXX escape", d.i-1)
				}
				d.i += 4
				if utf16.IsSurrogate(r) && strings.HasPrefix(d.s[d.i:], `\u`) {
					if r2, ok := d.hex4(d.i + 2); ok {
						if c := utf16.DecodeRune(r, r2); c != utf8.RuneError {
							d.i += 6
							r = c
						}
					}
				}
				b.WriteRune(r)
			default:
				return "", d.errAt("Invalid \\escape", d.i-2)
			}
		case c < 0x20 && d.strict:
			return "", d.errAt("Invalid control character at", d.i)
		default:
			b.WriteByte(c)
			d.i++
		}
	}
}

func (d *jsonDecoder) hex4(i int) (rune, bool) {
	if i+4 > len(d.s) {
		return 0, false
	}
	n, err := strconv.ParseUint(d.s[i:i+4], 16, 32)
	return rune(n), err == nil
}

func (d *jsonDecoder) object() (py.Object, error) {
	start := d.i
	_ = start
	d.i++
	var pairs []py.Tuple
	d.ws()
	if d.i < len(d.s) && d.s[d.i] == '}' {
		d.i++
		return d.finishObject(pairs)
	}
	for {
		d.ws()
		if d.i >= len(d.s) || d.s[d.i] != '"' {
			return nil, d.errAt("Expecting property name enclosed in double quotes", d.i)
		}
		k, err := d.str()
		if err != nil {
			return nil, err
		}
		d.ws()
		if d.i >= len(d.s) || d.s[d.i] != ':' {
			return nil, d.errAt("Expecting ':' delimiter", d.i)
		}
		d.i++
		d.ws()
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		pairs = append(pairs, py.Tuple{py.String(k), v})
		d.ws()
		if d.i < len(d.s) && d.s[d.i] == '}' {
			d.i++
			return d.finishObject(pairs)
		}
		if d.i >= len(d.s) || d.s[d.i] != ',' {
			return nil, d.errAt("Expecting ',' delimiter", d.i)
		}
		d.i++
	}
}

func (d *jsonDecoder) finishObject(pairs []py.Tuple) (py.Object, error) {
	if d.pairsHook != nil {
		l := py.NewListWithCapacity(len(pairs))
		for _, p := range pairs {
			l.Append(p)
		}
		return py.Call(d.pairsHook, py.Tuple{l}, nil)
	}
	obj, err := newDict(d.ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range pairs {
		if _, err := py.SetItem(obj, p[0], p[1]); err != nil {
			return nil, err
		}
	}
	if d.objectHook != nil {
		return py.Call(d.objectHook, py.Tuple{obj}, nil)
	}
	return obj, nil
}

func (d *jsonDecoder) array() (py.Object, error) {
	d.i++
	l := py.NewList()
	d.ws()
	if d.i < len(d.s) && d.s[d.i] == ']' {
		d.i++
		return l, nil
	}
	for {
		d.ws()
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		l.Append(v)
		d.ws()
		if d.i < len(d.s) && d.s[d.i] == ']' {
			d.i++
			return l, nil
		}
		if d.i >= len(d.s) || d.s[d.i] != ',' {
			return nil, d.errAt("Expecting ',' delimiter", d.i)
		}
		d.i++
	}
}
