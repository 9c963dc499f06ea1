package stdlib

import (
	"math/rand/v2"
	"syscall"

	"github.com/go-python/gpython/py"
)

// The _resource module: getrusage and getrlimit for resource.py.
func resourceModule() *py.ModuleImpl {
	return &py.ModuleImpl{
		Info: py.ModuleInfo{Name: "_resource", Doc: "Resource usage (gobake)."},
		Methods: []*py.Method{
			method("getrusage", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				a, err := params("getrusage", args, kwargs, []string{"who"}, 1)
				if err != nil {
					return nil, err
				}
				who, err := intArg(a[0], 0)
				if err != nil {
					return nil, err
				}
				var ru syscall.Rusage
				if err := syscall.Getrusage(who, &ru); err != nil {
					return nil, py.ExceptionNewf(py.ValueError, "invalid who parameter")
				}
				tv := func(t syscall.Timeval) py.Object { return py.Float(float64(t.Sec) + float64(t.Usec)*1e-6) }
				return py.Tuple{tv(ru.Utime), tv(ru.Stime), py.Int(ru.Maxrss), py.Int(ru.Ixrss), py.Int(ru.Idrss),
					py.Int(ru.Isrss), py.Int(ru.Minflt), py.Int(ru.Majflt), py.Int(ru.Nswap), py.Int(ru.Inblock),
					py.Int(ru.Oublock), py.Int(ru.Msgsnd), py.Int(ru.Msgrcv), py.Int(ru.Nsignals), py.Int(ru.Nvcsw),
					py.Int(ru.Nivcsw)}, nil
			}),
			method("getrlimit", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				a, err := params("getrlimit", args, kwargs, []string{"resource"}, 1)
				if err != nil {
					return nil, err
				}
				res, err := intArg(a[0], 0)
				if err != nil {
					return nil, err
				}
				var rl syscall.Rlimit
				if err := syscall.Getrlimit(res, &rl); err != nil {
					return nil, py.ExceptionNewf(py.ValueError, "invalid resource specified")
				}
				lim := func(v uint64) py.Object {
					if v == ^uint64(0) {
						return py.Int(-1)
					}
					return py.Int(int64(v))
				}
				return py.Tuple{lim(rl.Cur), lim(rl.Max)}, nil
			}),
			// random: Go's generator; sequences differ from CPython's
			// Mersenne Twister even for the same seed.
			method("random", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				return py.Float(rand.Float64()), nil
			}),
		},
	}
}
