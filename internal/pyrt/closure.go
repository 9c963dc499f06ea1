package pyrt

// gpython's compiler numbers a function's free variables from 0, while its VM keeps them
// after the cell variables (CPython numbers them from len(cellvars)). A function with
// both (a nested function that calls itself from a comprehension, a decorator factory)
// reads the wrong cell. The bytecode does not say which kind an index is, so pyrt compiles
// a variant of the source in which the function gets one extra cell variable that sorts
// first: cell indexes move by one, free ones do not, and the original's free-variable
// instructions are then offset by len(cellvars).

import (
	"sort"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/go-python/gpython/vm"
)

const dummyCell = "A0"

// derefOp is one closure-cell instruction: its offset and argument.
type derefOp struct{ off, arg int }

func derefOps(c *py.Code) []derefOp {
	var out []derefOp
	b := c.Code
	for i := 0; i < len(b); {
		op := vm.OpCode(b[i])
		if op < vm.HAVE_ARGUMENT {
			i++
			continue
		}
		arg := int(b[i+1]) | int(b[i+2])<<8
		switch op {
		case vm.LOAD_CLOSURE, vm.LOAD_DEREF, vm.STORE_DEREF, vm.DELETE_DEREF, vm.LOAD_CLASSDEREF:
			out = append(out, derefOp{i, arg})
		}
		i += 3
	}
	return out
}

// mixedClosures lists the code objects under c that have both cell and free variables.
func mixedClosures(c *py.Code, out []*py.Code) []*py.Code {
	if len(c.Cellvars) > 0 && len(c.Freevars) > 0 {
		out = append(out, c)
	}
	for _, k := range c.Consts {
		if cc, ok := k.(*py.Code); ok {
			out = mixedClosures(cc, out)
		}
	}
	return out
}

// findCode finds the code object called name whose first instruction is on line.
func findCode(c *py.Code, name string, line int32) *py.Code {
	if c.Name == name && c.Addr2Line(0) == line {
		return c
	}
	for _, k := range c.Consts {
		if cc, ok := k.(*py.Code); ok {
			if f := findCode(cc, name, line); f != nil {
				return f
			}
		}
	}
	return nil
}

// fixFreeIndexes patches the free-variable instructions of code's mixed closures; low is
// the lowered source code was compiled from. Functions it cannot analyse are left as they
// are.
func fixFreeIndexes(code *py.Code, low, filename string, mode py.CompileMode) {
	for _, c := range mixedClosures(code, nil) {
		if c.Flags&py.CO_OPTIMIZED == 0 || strings.HasPrefix(c.Name, "<") {
			continue
		}
		if sort.SearchStrings(c.Cellvars, dummyCell) != 0 || (len(c.Cellvars) > 0 && c.Cellvars[0] == dummyCell) {
			continue
		}
		// gpython's Firstlineno is not the def's line; the first instruction's line is the
		// first body line.
		bodyLine := c.Addr2Line(0)
		variant, ok := withDummyCell(low, int(bodyLine), c.Name)
		if !ok {
			continue
		}
		vcode, err := py.Compile(variant, filename, mode, 0, true)
		if err != nil {
			continue
		}
		vc := findCode(vcode, c.Name, bodyLine)
		if vc == nil || len(vc.Cellvars) != len(c.Cellvars)+1 {
			continue
		}
		orig, vars := derefOps(c), derefOps(vc)
		if len(vars) != len(orig)+2 {
			continue
		}
		b := []byte(c.Code)
		okAll := true
		var patches []derefOp
		for i, o := range orig {
			v := vars[i+2]
			switch v.arg {
			case o.arg + 1: // a cell variable
			case o.arg: // a free variable
				patches = append(patches, derefOp{o.off, o.arg + len(c.Cellvars)})
			default:
				okAll = false
			}
		}
		if !okAll {
			continue
		}
		for _, p := range patches {
			b[p.off+1], b[p.off+2] = byte(p.arg), byte(p.arg>>8)
		}
		c.Code = string(b)
	}
}

// withDummyCell returns src with "A0 = 0; (lambda: A0)" inserted before line (the first
// body line of function name), indented like it; a one-line def is left alone.
func withDummyCell(src string, line int, name string) (string, bool) {
	lines := strings.Split(src, "\n")
	if line < 2 || line > len(lines) {
		return "", false
	}
	first := lines[line-1]
	trimmed := strings.TrimLeft(first, " \t")
	if trimmed == "" || strings.HasPrefix(trimmed, "def "+name+"(") {
		return "", false
	}
	indent := first[:len(first)-len(trimmed)]
	dummy := indent + dummyCell + " = 0; (lambda: " + dummyCell + ")"
	lines = append(lines[:line-1], append([]string{dummy}, lines[line-1:]...)...)
	return strings.Join(lines, "\n"), true
}
