package pyrt

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// formatSpec is a parsed format-spec mini-language string.
type formatSpec struct {
	fill      rune
	align     byte // '<', '>', '^', '=' or 0
	sign      byte // '+', '-', ' ' or 0
	alt       bool
	zero      bool
	width     int
	grouping  byte // ',', '_' or 0
	precision int  // -1 if absent
	typ       byte // 0 if absent
}

func parseSpec(spec string) (formatSpec, error) {
	fs := formatSpec{fill: ' ', precision: -1}
	s := spec
	if r, n := utf8.DecodeRuneInString(s); n > 0 && len(s) > n && strings.IndexByte("<>^=", s[n]) >= 0 {
		fs.fill, fs.align = r, s[n]
		s = s[n+1:]
	} else if len(s) > 0 && strings.IndexByte("<>^=", s[0]) >= 0 {
		fs.align = s[0]
		s = s[1:]
	}
	if len(s) > 0 && strings.IndexByte("+- ", s[0]) >= 0 {
		fs.sign = s[0]
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '#' {
		fs.alt = true
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '0' {
		fs.zero = true
		s = s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 {
		fs.width, _ = strconv.Atoi(s[:i])
		s = s[i:]
	}
	if len(s) > 0 && (s[0] == ',' || s[0] == '_') {
		fs.grouping = s[0]
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '.' {
		i = 1
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 1 {
			return fs, py.ExceptionNewf(py.ValueError, "Format specifier missing precision")
		}
		fs.precision, _ = strconv.Atoi(s[1:i])
		s = s[i:]
	}
	if len(s) > 1 {
		return fs, py.ExceptionNewf(py.ValueError, "Invalid format specifier '%s'", spec)
	}
	if len(s) == 1 {
		fs.typ = s[0]
	}
	if fs.zero && fs.align == 0 {
		fs.fill, fs.align = '0', '='
	}
	return fs, nil
}

// pad aligns body (with its sign prefix) to the spec's width.
func (fs formatSpec) pad(sign, body string, defAlign byte) string {
	align := fs.align
	if align == 0 {
		align = defAlign
	}
	n := utf8.RuneCountInString(sign) + utf8.RuneCountInString(body)
	if n >= fs.width {
		return sign + body
	}
	fill := strings.Repeat(string(fs.fill), fs.width-n)
	switch align {
	case '<':
		return sign + body + fill
	case '^':
		left := (fs.width - n) / 2
		return strings.Repeat(string(fs.fill), left) + sign + body + strings.Repeat(string(fs.fill), fs.width-n-left)
	case '=':
		return sign + fill + body
	}
	return fill + sign + body
}

// Format is format(value, spec): __format__ of user classes, the mini-language for
// builtin types.
func Format(v py.Object, spec string) (string, error) {
	if t, ok := v.(*py.Type); ok {
		if f := userMethod(t.Type(), "__format__"); f != nil {
			r, err := py.Call(f, py.Tuple{v, py.String(spec)}, nil)
			if err != nil {
				return "", err
			}
			return Str(r), nil
		}
	}
	switch x := v.(type) {
	case py.Bool:
		if spec == "" {
			return Str(x), nil
		}
		if x {
			return formatInt(big.NewInt(1), spec, v)
		}
		return formatInt(big.NewInt(0), spec, v)
	case py.Int:
		return formatInt(big.NewInt(int64(x)), spec, v)
	case *py.BigInt:
		return formatInt((*big.Int)(x), spec, v)
	case py.Float:
		return formatFloat(float64(x), spec)
	case py.String:
		return formatStr(string(x), spec)
	}
	if spec != "" {
		return "", py.ExceptionNewf(py.TypeError, "unsupported format string passed to %s.__format__", v.Type().Name)
	}
	return StrErr(v)
}

func formatStr(s, spec string) (string, error) {
	if spec == "" {
		return s, nil
	}
	fs, err := parseSpec(spec)
	if err != nil {
		return "", err
	}
	if fs.typ != 0 && fs.typ != 's' {
		return "", py.ExceptionNewf(py.ValueError, "Unknown format code '%c' for object of type 'str'", fs.typ)
	}
	if fs.sign != 0 {
		return "", py.ExceptionNewf(py.ValueError, "Sign not allowed in string format specifier")
	}
	if fs.align == '=' {
		return "", py.ExceptionNewf(py.ValueError, "'=' alignment not allowed in string format specifier")
	}
	if fs.precision >= 0 && utf8.RuneCountInString(s) > fs.precision {
		s = string([]rune(s)[:fs.precision])
	}
	return fs.pad("", s, '<'), nil
}

func group(digits string, sep byte, every int) string {
	if sep == 0 || len(digits) <= every {
		return digits
	}
	var parts []string
	for len(digits) > every {
		parts = append([]string{digits[len(digits)-every:]}, parts...)
		digits = digits[:len(digits)-every]
	}
	parts = append([]string{digits}, parts...)
	return strings.Join(parts, string(sep))
}

func signOf(neg bool, sign byte) string {
	switch {
	case neg:
		return "-"
	case sign == '+':
		return "+"
	case sign == ' ':
		return " "
	}
	return ""
}

func formatInt(n *big.Int, spec string, orig py.Object) (string, error) {
	fs, err := parseSpec(spec)
	if err != nil {
		return "", err
	}
	switch fs.typ {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f, _ := new(big.Float).SetInt(n).Float64()
		return formatFloat(f, spec)
	case 's':
		return "", py.ExceptionNewf(py.ValueError, "Unknown format code 's' for object of type '%s'", orig.Type().Name)
	}
	if fs.precision >= 0 {
		return "", py.ExceptionNewf(py.ValueError, "Precision not allowed in integer format specifier")
	}
	neg := n.Sign() < 0
	a := new(big.Int).Abs(n)
	var body, prefix string
	every := 3
	switch fs.typ {
	case 0, 'd', 'n':
		body = a.String()
	case 'b':
		body, prefix, every = a.Text(2), "0b", 4
	case 'o':
		body, prefix, every = a.Text(8), "0o", 4
	case 'x':
		body, prefix, every = a.Text(16), "0x", 4
	case 'X':
		body, prefix, every = strings.ToUpper(a.Text(16)), "0X", 4
	case 'c':
		return fs.pad("", string(rune(n.Int64())), '<'), nil
	default:
		return "", py.ExceptionNewf(py.ValueError, "Unknown format code '%c' for object of type '%s'", fs.typ, orig.Type().Name)
	}
	if !fs.alt {
		prefix = ""
	}
	sign := signOf(neg, fs.sign) + prefix
	if fs.align == '=' && fs.fill == '0' && fs.grouping != 0 {
		// Zero padding takes part in grouping.
		width := fs.width - len(sign)
		for len(group(body, fs.grouping, every)) < width {
			body = "0" + body
		}
	}
	body = group(body, fs.grouping, every)
	return fs.pad(sign, body, '>'), nil
}

func formatFloat(f float64, spec string) (string, error) {
	fs, err := parseSpec(spec)
	if err != nil {
		return "", err
	}
	neg := math.Signbit(f) && !math.IsNaN(f)
	a := math.Abs(f)
	var body string
	prec := fs.precision
	switch fs.typ {
	case 0:
		if prec < 0 {
			body = FloatRepr(a)
		} else {
			body = formatG(a, prec, fs.alt, true)
		}
	case 'f', 'F':
		if prec < 0 {
			prec = 6
		}
		body = strconv.FormatFloat(a, 'f', prec, 64)
		if fs.alt && prec == 0 {
			body += "."
		}
	case 'e', 'E':
		if prec < 0 {
			prec = 6
		}
		body = formatE(a, prec, fs.alt)
	case 'g', 'G':
		if prec < 0 {
			prec = 6
		}
		body = formatG(a, prec, fs.alt, false)
	case '%':
		if prec < 0 {
			prec = 6
		}
		body = strconv.FormatFloat(a*100, 'f', prec, 64) + "%"
	case 'n':
		body = formatG(a, max(prec, 6), fs.alt, false)
	default:
		return "", py.ExceptionNewf(py.ValueError, "Unknown format code '%c' for object of type 'float'", fs.typ)
	}
	if math.IsInf(a, 0) {
		body = "inf"
	} else if math.IsNaN(a) {
		body = "nan"
	}
	if fs.typ == 'E' || fs.typ == 'G' || fs.typ == 'F' {
		body = strings.ToUpper(body)
	}
	if fs.grouping != 0 {
		intPart, rest := body, ""
		if i := strings.IndexAny(body, ".eE%"); i >= 0 {
			intPart, rest = body[:i], body[i:]
		}
		body = group(intPart, fs.grouping, 3) + rest
	}
	return fs.pad(signOf(neg, fs.sign), body, '>'), nil
}

// formatE is C's %.*e.
func formatE(a float64, prec int, alt bool) string {
	s := strconv.FormatFloat(a, 'e', prec, 64)
	if alt && prec == 0 {
		i := strings.IndexByte(s, 'e')
		s = s[:i] + "." + s[i:]
	}
	return s
}

// formatG is C's %.*g; repr-style (format type None) keeps at least one fractional digit.
func formatG(a float64, prec int, alt, reprStyle bool) string {
	if prec == 0 {
		prec = 1
	}
	if a == 0 {
		if reprStyle {
			return "0.0"
		}
		if alt {
			return "0." + strings.Repeat("0", prec-1)
		}
		return "0"
	}
	e := strconv.FormatFloat(a, 'e', prec-1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	var s string
	if exp < -4 || exp >= prec {
		s = e
		if !alt {
			mant, ex, _ := strings.Cut(s, "e")
			if strings.Contains(mant, ".") {
				mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
			}
			s = mant + "e" + ex
		}
		return s
	}
	s = strconv.FormatFloat(a, 'f', prec-1-exp, 64)
	if !alt && strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if reprStyle && !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// PercentFormat is format % args (printf-style string formatting).
func PercentFormat(format string, args py.Object) (py.Object, error) {
	var items py.Tuple
	var mapping py.Object
	switch a := args.(type) {
	case py.Tuple:
		items = a
	case *Dict, py.StringDict:
		mapping = a
		items = py.Tuple{a}
	default:
		items = py.Tuple{a}
		if t, ok := a.(*py.Type); ok {
			if _, cls := isClass(t); !cls && lookup(t.Type(), "__getitem__") != nil {
				mapping = a
			}
		}
	}
	argi := 0
	next := func() (py.Object, error) {
		if argi >= len(items) {
			return nil, py.ExceptionNewf(py.TypeError, "not enough arguments for format string")
		}
		argi++
		return items[argi-1], nil
	}
	var b strings.Builder
	usedMapping := false
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(format) {
			return nil, py.ExceptionNewf(py.ValueError, "incomplete format")
		}
		var arg py.Object
		if format[i] == '(' {
			if mapping == nil {
				return nil, py.ExceptionNewf(py.TypeError, "format requires a mapping")
			}
			depth, j := 1, i+1
			for ; j < len(format) && depth > 0; j++ {
				if format[j] == '(' {
					depth++
				} else if format[j] == ')' {
					depth--
				}
			}
			if depth > 0 {
				return nil, py.ExceptionNewf(py.ValueError, "incomplete format key")
			}
			key := format[i+1 : j-1]
			v, err := py.GetItem(mapping, py.String(key))
			if err != nil {
				return nil, err
			}
			arg = v
			usedMapping = true
			i = j
		}
		fs := formatSpec{fill: ' ', precision: -1}
		for ; i < len(format) && strings.IndexByte("-+ #0", format[i]) >= 0; i++ {
			switch format[i] {
			case '-':
				fs.align = '<'
			case '+':
				fs.sign = '+'
			case ' ':
				if fs.sign == 0 {
					fs.sign = ' '
				}
			case '#':
				fs.alt = true
			case '0':
				fs.zero = true
			}
		}
		if i < len(format) && format[i] == '*' {
			w, err := next()
			if err != nil {
				return nil, err
			}
			n, err := py.MakeGoInt(w)
			if err != nil {
				return nil, err
			}
			if n < 0 {
				fs.align, n = '<', -n
			}
			fs.width = n
			i++
		} else {
			j := i
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				i++
			}
			if i > j {
				fs.width, _ = strconv.Atoi(format[j:i])
			}
		}
		if i < len(format) && format[i] == '.' {
			i++
			if i < len(format) && format[i] == '*' {
				p, err := next()
				if err != nil {
					return nil, err
				}
				n, err := py.MakeGoInt(p)
				if err != nil {
					return nil, err
				}
				fs.precision = n
				i++
			} else {
				j := i
				for i < len(format) && format[i] >= '0' && format[i] <= '9' {
					i++
				}
				fs.precision, _ = strconv.Atoi(format[j:i])
			}
		}
		for i < len(format) && strings.IndexByte("hlL", format[i]) >= 0 {
			i++
		}
		if i >= len(format) {
			return nil, py.ExceptionNewf(py.ValueError, "incomplete format")
		}
		conv := format[i]
		if conv == '%' {
			b.WriteByte('%')
			continue
		}
		if arg == nil {
			var err error
			if arg, err = next(); err != nil {
				return nil, err
			}
		}
		s, err := percentOne(conv, fs, arg, i)
		if err != nil {
			return nil, err
		}
		b.WriteString(s)
	}
	if argi < len(items) && !usedMapping && mapping == nil {
		return nil, py.ExceptionNewf(py.TypeError, "not all arguments converted during string formatting")
	}
	return py.String(b.String()), nil
}

func percentOne(conv byte, fs formatSpec, arg py.Object, pos int) (string, error) {
	padStr := func(s string) string {
		if fs.align == 0 {
			fs.align = '>'
		}
		return fs.pad("", s, '>')
	}
	switch conv {
	case 's', 'r', 'a':
		var s string
		var err error
		if conv == 's' {
			s, err = StrErr(arg)
		} else {
			s, err = Repr(arg)
		}
		if err != nil {
			return "", err
		}
		if fs.precision >= 0 && utf8.RuneCountInString(s) > fs.precision {
			s = string([]rune(s)[:fs.precision])
		}
		return padStr(s), nil
	case 'd', 'i', 'u', 'o', 'x', 'X', 'c':
		if conv == 'c' {
			if s, ok := arg.(py.String); ok {
				return padStr(string(s)), nil
			}
		}
		n, err := toBigInt(arg, conv)
		if err != nil {
			return "", err
		}
		var body string
		a := new(big.Int).Abs(n)
		switch conv {
		case 'o':
			body = a.Text(8)
			if fs.alt {
				body = "0o" + body
			}
		case 'x':
			body = a.Text(16)
			if fs.alt {
				body = "0x" + body
			}
		case 'X':
			body = strings.ToUpper(a.Text(16))
			if fs.alt {
				body = "0X" + body
			}
		case 'c':
			return padStr(string(rune(n.Int64()))), nil
		default:
			body = a.String()
		}
		if fs.precision > 0 && len(body) < fs.precision {
			body = strings.Repeat("0", fs.precision-len(body)) + body
		}
		sign := signOf(n.Sign() < 0, fs.sign)
		if fs.zero && fs.align != '<' {
			fs.fill, fs.align = '0', '='
		}
		return fs.pad(sign, body, '>'), nil
	case 'e', 'E', 'f', 'F', 'g', 'G':
		f, err := toFloat(arg)
		if err != nil {
			return "", err
		}
		prec := fs.precision
		if prec < 0 {
			prec = 6
		}
		a := math.Abs(f)
		var body string
		switch conv {
		case 'e', 'E':
			body = formatE(a, prec, fs.alt)
		case 'f', 'F':
			body = strconv.FormatFloat(a, 'f', prec, 64)
		default:
			body = formatG(a, prec, fs.alt, false)
		}
		if math.IsInf(a, 0) {
			body = "inf"
		} else if math.IsNaN(a) {
			body = "nan"
		}
		if conv == 'E' || conv == 'F' || conv == 'G' {
			body = strings.ToUpper(body)
		}
		if fs.zero && fs.align != '<' {
			fs.fill, fs.align = '0', '='
		}
		return fs.pad(signOf(math.Signbit(f) && !math.IsNaN(f), fs.sign), body, '>'), nil
	}
	return "", py.ExceptionNewf(py.ValueError, "unsupported format character '%c' (0x%x) at index %d", conv, conv, pos)
}

func toBigInt(o py.Object, conv byte) (*big.Int, error) {
	switch x := o.(type) {
	case py.Int:
		return big.NewInt(int64(x)), nil
	case py.Bool:
		if x {
			return big.NewInt(1), nil
		}
		return big.NewInt(0), nil
	case *py.BigInt:
		return (*big.Int)(x), nil
	case py.Float:
		if conv == 'd' || conv == 'i' || conv == 'u' {
			bf := new(big.Float).SetFloat64(math.Trunc(float64(x)))
			n, _ := bf.Int(nil)
			return n, nil
		}
		return nil, py.ExceptionNewf(py.TypeError, "%%%c format: an integer is required, not float", conv)
	}
	if conv == 'd' || conv == 'i' || conv == 'u' {
		return nil, py.ExceptionNewf(py.TypeError, "%%%c format: a real number is required, not %s", conv, o.Type().Name)
	}
	return nil, py.ExceptionNewf(py.TypeError, "%%%c format: an integer is required, not %s", conv, o.Type().Name)
}

func toFloat(o py.Object) (float64, error) {
	switch x := o.(type) {
	case py.Float:
		return float64(x), nil
	case py.Int:
		return float64(x), nil
	case py.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case *py.BigInt:
		f, _ := new(big.Float).SetInt((*big.Int)(x)).Float64()
		return f, nil
	}
	return 0, py.ExceptionNewf(py.TypeError, "must be real number, not %s", o.Type().Name)
}

// StrFormat is str.format(fmt, *args, **kwargs).
func StrFormat(format string, args py.Tuple, kwargs py.StringDict) (string, error) {
	auto := 0
	return strFormat(format, args, kwargs, &auto, 0)
}

func strFormat(format string, args py.Tuple, kwargs py.StringDict, auto *int, depth int) (string, error) {
	if depth > 2 {
		return "", py.ExceptionNewf(py.ValueError, "Max string recursion exceeded")
	}
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c == '}' {
			if i+1 < len(format) && format[i+1] == '}' {
				b.WriteByte('}')
				i++
				continue
			}
			return "", py.ExceptionNewf(py.ValueError, "Single '}' encountered in format string")
		}
		if c != '{' {
			b.WriteByte(c)
			continue
		}
		if i+1 < len(format) && format[i+1] == '{' {
			b.WriteByte('{')
			i++
			continue
		}
		d, j := 0, i+1
		for ; j < len(format); j++ {
			if format[j] == '{' {
				d++
			} else if format[j] == '}' {
				if d == 0 {
					break
				}
				d--
			}
		}
		if j >= len(format) {
			return "", py.ExceptionNewf(py.ValueError, "expected '}' before end of string")
		}
		field := format[i+1 : j]
		i = j
		name, spec, conv := field, "", byte(0)
		if k := strings.IndexAny(field, "!:"); k >= 0 {
			// '[' indexes may contain ':' or '!'; find the first outside brackets.
			k = -1
			br := 0
			for m := 0; m < len(field); m++ {
				if field[m] == '[' {
					br++
				} else if field[m] == ']' {
					br--
				} else if br == 0 && (field[m] == '!' || field[m] == ':') {
					k = m
					break
				}
			}
			if k >= 0 {
				name = field[:k]
				rest := field[k:]
				if rest[0] == '!' {
					if len(rest) < 2 {
						return "", py.ExceptionNewf(py.ValueError, "end of string while looking for conversion specifier")
					}
					conv = rest[1]
					rest = rest[2:]
					if len(rest) > 0 && rest[0] != ':' {
						return "", py.ExceptionNewf(py.ValueError, "expected ':' after conversion specifier")
					}
				}
				if len(rest) > 0 {
					spec = rest[1:]
				}
			}
		}
		v, err := fieldValue(name, args, kwargs, auto)
		if err != nil {
			return "", err
		}
		switch conv {
		case 0:
		case 'r', 'a':
			s, err := Repr(v)
			if err != nil {
				return "", err
			}
			v = py.String(s)
		case 's':
			s, err := StrErr(v)
			if err != nil {
				return "", err
			}
			v = py.String(s)
		default:
			return "", py.ExceptionNewf(py.ValueError, "Unknown conversion specifier %c", conv)
		}
		if strings.Contains(spec, "{") {
			spec, err = strFormat(spec, args, kwargs, auto, depth+1)
			if err != nil {
				return "", err
			}
		}
		s, err := Format(v, spec)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

func fieldValue(name string, args py.Tuple, kwargs py.StringDict, auto *int) (py.Object, error) {
	first := name
	rest := ""
	if k := strings.IndexAny(name, ".["); k >= 0 {
		first, rest = name[:k], name[k:]
	}
	var v py.Object
	if first == "" {
		if *auto < 0 {
			return nil, py.ExceptionNewf(py.ValueError, "cannot switch from manual field specification to automatic field numbering")
		}
		if *auto >= len(args) {
			return nil, py.ExceptionNewf(py.IndexError, "Replacement index %d out of range for positional args tuple", *auto)
		}
		v = args[*auto]
		*auto++
	} else if n, err := strconv.Atoi(first); err == nil {
		if *auto > 0 {
			return nil, py.ExceptionNewf(py.ValueError, "cannot switch from automatic field numbering to manual field specification")
		}
		*auto = -1
		if n >= len(args) {
			return nil, py.ExceptionNewf(py.IndexError, "Replacement index %d out of range for positional args tuple", n)
		}
		v = args[n]
	} else {
		var ok bool
		v, ok = kwargs[first]
		if !ok {
			return nil, keyError(py.String(first))
		}
	}
	for rest != "" {
		if rest[0] == '.' {
			k := strings.IndexAny(rest[1:], ".[")
			attr := rest[1:]
			if k >= 0 {
				attr, rest = rest[1:k+1], rest[k+1:]
			} else {
				rest = ""
			}
			var err error
			if v, err = py.GetAttrString(v, attr); err != nil {
				return nil, err
			}
			continue
		}
		k := strings.IndexByte(rest, ']')
		if k < 0 {
			return nil, py.ExceptionNewf(py.ValueError, "Missing ']' in format string")
		}
		key := rest[1:k]
		rest = rest[k+1:]
		var kobj py.Object = py.String(key)
		if n, err := strconv.Atoi(key); err == nil {
			kobj = py.Int(n)
		}
		var err error
		if v, err = py.GetItem(v, kobj); err != nil {
			return nil, err
		}
	}
	return v, nil
}
