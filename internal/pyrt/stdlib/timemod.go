package stdlib

import (
	_ "embed"
	"fmt"
	"strings"
	"syscall"
	"time"

	"github.com/go-python/gpython/py"
)

//go:embed time_module.py
var timeSource string

// The time module: Go's clock and calendar under CPython's API; the
// struct_time class and the formatting helpers are in time_module.py.

func timeModule() *py.ModuleImpl {
	start := time.Now()
	return withSource(&py.ModuleImpl{
		Info: py.ModuleInfo{Name: "time", Doc: "Time access and conversions (gobake)."},
		Methods: []*py.Method{
			method("time", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				return py.Float(float64(time.Now().UnixNano()) / 1e9), nil
			}),
			method("time_ns", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				return py.Int(time.Now().UnixNano()), nil
			}),
			method("monotonic", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				return py.Float(time.Since(start).Seconds() + 1), nil
			}),
			method("monotonic_ns", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				return py.Int(time.Since(start).Nanoseconds() + 1e9), nil
			}),
			method("perf_counter", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				return py.Float(time.Since(start).Seconds() + 1), nil
			}),
			method("perf_counter_ns", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				return py.Int(time.Since(start).Nanoseconds() + 1e9), nil
			}),
			method("process_time", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				var ru syscall.Rusage
				syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
				return py.Float(float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9), nil
			}),
			method("sleep", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				a, err := params("sleep", args, kwargs, []string{"secs"}, 1)
				if err != nil {
					return nil, err
				}
				f, err := floatArg(a[0])
				if err != nil {
					return nil, err
				}
				if f < 0 {
					return nil, py.ExceptionNewf(py.ValueError, "sleep length must be non-negative")
				}
				time.Sleep(time.Duration(f * 1e9))
				return py.None, nil
			}),
			method("_tm", timeTm),
			method("_mktime", timeMktime),
			method("_strftime", timeStrftime),
			method("_zone", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				now := time.Now()
				jan := time.Date(now.Year(), 1, 1, 0, 0, 0, 0, time.Local)
				jul := time.Date(now.Year(), 7, 1, 0, 0, 0, 0, time.Local)
				n1, o1 := jan.Zone()
				n2, o2 := jul.Zone()
				return py.Tuple{py.String(n1), py.Int(o1), py.String(n2), py.Int(o2)}, nil
			}),
		},
	}, "<gobake-stdlib>/time.py", timeSource)
}

func floatArg(o py.Object) (float64, error) {
	switch v := o.(type) {
	case py.Int:
		return float64(v), nil
	case py.Float:
		return float64(v), nil
	case py.Bool:
		if v {
			return 1, nil
		}
		return 0, nil
	}
	f, err := py.MakeFloat(o)
	if err != nil {
		return 0, err
	}
	return float64(f.(py.Float)), nil
}

// timeTm converts seconds since the epoch to (Y, m, d, H, M, S, wday,
// yday, isdst, zone, gmtoff) in UTC or local time.
func timeTm(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("_tm", args, kwargs, []string{"secs", "local"}, 2)
	if err != nil {
		return nil, err
	}
	var t time.Time
	if a[0] == py.None {
		t = time.Now()
	} else {
		f, err := floatArg(a[0])
		if err != nil {
			return nil, err
		}
		sec := int64(f)
		if f < 0 && float64(sec) != f {
			sec--
		}
		t = time.Unix(sec, 0)
	}
	local, _ := truth(a[1], false)
	if local {
		t = t.Local()
	} else {
		t = t.UTC()
	}
	return tmTuple(t, local), nil
}

func tmTuple(t time.Time, local bool) py.Tuple {
	name, off := t.Zone()
	isdst := 0
	if local && t.IsDST() {
		isdst = 1
	}
	return py.Tuple{py.Int(t.Year()), py.Int(t.Month()), py.Int(t.Day()), py.Int(t.Hour()), py.Int(t.Minute()),
		py.Int(t.Second()), py.Int((int(t.Weekday()) + 6) % 7), py.Int(t.YearDay()), py.Int(isdst),
		py.String(name), py.Int(off)}
}

func tmFields(o py.Object) ([9]int, error) {
	var f [9]int
	i := 0
	err := py.Iterate(o, func(x py.Object) bool {
		if i < 9 {
			n, e := intArg(x, 0)
			if e != nil {
				return true
			}
			f[i] = n
		}
		i++
		return false
	})
	if err != nil {
		return f, err
	}
	if i < 9 {
		return f, py.ExceptionNewf(py.TypeError, "function takes exactly 9 arguments (%d given)", i)
	}
	return f, nil
}

func timeMktime(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	f, err := tmFields(args[0])
	if err != nil {
		return nil, err
	}
	t := time.Date(f[0], time.Month(f[1]), f[2], f[3], f[4], f[5], 0, time.Local)
	return py.Float(float64(t.Unix())), nil
}

// timeStrftime formats like C strftime in the C locale.
func timeStrftime(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("_strftime", args, kwargs, []string{"format", "tm", "zone", "gmtoff"}, 4)
	if err != nil {
		return nil, err
	}
	format, err := strArg("strftime", a[0])
	if err != nil {
		return nil, err
	}
	f, err := tmFields(a[1])
	if err != nil {
		return nil, err
	}
	zone, _ := a[2].(py.String)
	off, _ := intArg(a[3], 0)
	return py.String(strftime(format, f, string(zone), off)), nil
}

var (
	wdayNames = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	monNames  = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

func strftime(format string, f [9]int, zone string, off int) string {
	var b strings.Builder
	year, mon, day, hour, min, sec, wday, yday := f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]
	if mon < 1 {
		mon = 1
	}
	if mon > 12 {
		mon = 12
	}
	wday = ((wday % 7) + 7) % 7
	t := time.Date(year, time.Month(mon), day, hour, min, sec, 0, time.UTC)
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 == len(format) {
			b.WriteByte(c)
			continue
		}
		i++
		switch format[i] {
		case 'a':
			b.WriteString(wdayNames[wday][:3])
		case 'A':
			b.WriteString(wdayNames[wday])
		case 'b', 'h':
			b.WriteString(monNames[mon-1][:3])
		case 'B':
			b.WriteString(monNames[mon-1])
		case 'c':
			fmt.Fprintf(&b, "%s %s %2d %02d:%02d:%02d %d", wdayNames[wday][:3], monNames[mon-1][:3], day, hour, min, sec, year)
		case 'C':
			fmt.Fprintf(&b, "%02d", year/100)
		case 'd':
			fmt.Fprintf(&b, "%02d", day)
		case 'D':
			fmt.Fprintf(&b, "%02d/%02d/%02d", mon, day, year%100)
		case 'e':
			fmt.Fprintf(&b, "%2d", day)
		case 'F':
			fmt.Fprintf(&b, "%d-%02d-%02d", year, mon, day)
		case 'H':
			fmt.Fprintf(&b, "%02d", hour)
		case 'I':
			h := hour % 12
			if h == 0 {
				h = 12
			}
			fmt.Fprintf(&b, "%02d", h)
		case 'j':
			fmt.Fprintf(&b, "%03d", yday)
		case 'k':
			fmt.Fprintf(&b, "%2d", hour)
		case 'l':
			h := hour % 12
			if h == 0 {
				h = 12
			}
			fmt.Fprintf(&b, "%2d", h)
		case 'm':
			fmt.Fprintf(&b, "%02d", mon)
		case 'M':
			fmt.Fprintf(&b, "%02d", min)
		case 'n':
			b.WriteByte('\n')
		case 'p':
			if hour < 12 {
				b.WriteString("AM")
			} else {
				b.WriteString("PM")
			}
		case 'r':
			h := hour % 12
			if h == 0 {
				h = 12
			}
			ap := "AM"
			if hour >= 12 {
				ap = "PM"
			}
			fmt.Fprintf(&b, "%02d:%02d:%02d %s", h, min, sec, ap)
		case 'R':
			fmt.Fprintf(&b, "%02d:%02d", hour, min)
		case 's':
			fmt.Fprintf(&b, "%d", t.Unix()-int64(off))
		case 'S':
			fmt.Fprintf(&b, "%02d", sec)
		case 't':
			b.WriteByte('\t')
		case 'T':
			fmt.Fprintf(&b, "%02d:%02d:%02d", hour, min, sec)
		case 'u':
			fmt.Fprintf(&b, "%d", wday+1)
		case 'w':
			fmt.Fprintf(&b, "%d", (wday+1)%7)
		case 'x':
			fmt.Fprintf(&b, "%02d/%02d/%02d", mon, day, year%100)
		case 'X':
			fmt.Fprintf(&b, "%02d:%02d:%02d", hour, min, sec)
		case 'y':
			fmt.Fprintf(&b, "%02d", year%100)
		case 'Y':
			fmt.Fprintf(&b, "%d", year)
		case 'G':
			y, _ := t.ISOWeek()
			fmt.Fprintf(&b, "%d", y)
		case 'g':
			y, _ := t.ISOWeek()
			fmt.Fprintf(&b, "%02d", y%100)
		case 'V':
			_, w := t.ISOWeek()
			fmt.Fprintf(&b, "%02d", w)
		case 'U':
			fmt.Fprintf(&b, "%02d", (yday+6-(wday+1)%7)/7)
		case 'W':
			fmt.Fprintf(&b, "%02d", (yday+6-wday)/7)
		case 'z':
			sign := '+'
			o := off
			if o < 0 {
				sign, o = '-', -o
			}
			fmt.Fprintf(&b, "%c%02d%02d", sign, o/3600, o/60%60)
		case 'Z':
			b.WriteString(zone)
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte('%')
			b.WriteByte(format[i])
		}
	}
	return b.String()
}
