package data

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/gobake/gobake/internal/pystr"
)

// OverrideOp is one queued :append, :prepend or :remove operation: the value and the
// override that qualifies it ("" when unconditional). A variable keeps them in its
// ":append", ":prepend" and ":remove" internal flags as a []OverrideOp, in the order set.
// Slices returned by the store are shared: treat them as read-only.
type OverrideOp struct {
	Value    any
	Override string
}

// Flag is one variable flag as GetVarFlags returns it, in the order flags were first set.
type Flag struct {
	Name  string
	Value any
}

// Text converts a stored value the way Python's str() would for the types the store
// holds: nil is "None", bools are "True"/"False", fmt.Stringer values use String.
func Text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int:
		return strconv.Itoa(x)
	case fmt.Stringer:
		return x.String()
	case []string:
		q := make([]string, len(x))
		for i, e := range x {
			q[i] = PyRepr(e)
		}
		return "[" + strings.Join(q, ", ") + "]"
	case map[string]bool:
		if len(x) == 0 {
			return "set()"
		}
		q := sortedKeys(x)
		for i, e := range q {
			q[i] = PyRepr(e)
		}
		return "{" + strings.Join(q, ", ") + "}"
	}
	return fmt.Sprint(v)
}

// PyRepr is Python's repr() of a str.
func PyRepr(s string) string {
	return pystr.Repr(s)
}

// Truthy reports Python truthiness of a stored value.
func Truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case string:
		return x != ""
	case bool:
		return x
	case int:
		return x != 0
	case []OverrideOp:
		return len(x) > 0
	case []string:
		return len(x) > 0
	case map[string]bool:
		return len(x) > 0
	case interface{ Truth() bool }:
		return x.Truth()
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Slice, reflect.Map, reflect.Array:
		return rv.Len() > 0
	}
	return true
}

// ToBoolean is bb.utils.to_boolean with a nil default: it returns (value, isSet, error).
func ToBoolean(v any) (val, set bool, err error) {
	if !Truthy(v) {
		return false, false, nil
	}
	switch x := v.(type) {
	case bool:
		return x, true, nil
	case int:
		return x != 0, true, nil
	}
	switch strings.ToLower(Text(v)) {
	case "y", "yes", "1", "true":
		return true, true, nil
	case "n", "no", "0", "false":
		return false, true, nil
	}
	return false, false, &pyException{"ValueError", "Invalid value for to_boolean: " + Text(v)}
}

// isSpace is Python's str.isspace for one rune (\s of the re module on str patterns).
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// pyFields is Python's str.split() without arguments.
func pyFields(s string) []string { return strings.FieldsFunc(s, isSpace) }

// ExpansionError is BitBake's ExpansionError: expanding Var (or an anonymous expression)
// failed. Chain lists the variables whose expansion led to the failure, innermost first.
type ExpansionError struct {
	Var        string
	Expression string
	Err        error
	Chain      []string
}

func (e *ExpansionError) Error() string {
	var msg string
	typ, text := exceptionOf(e.Err)
	switch {
	case e.Var != "" && e.Expression != "":
		msg = fmt.Sprintf("Failure expanding variable %s, expression was %s which triggered exception %s: %s", e.Var, e.Expression, typ, text)
	case e.Var != "":
		msg = fmt.Sprintf("Failure expanding variable %s: %s: %s", e.Var, typ, text)
	default:
		msg = fmt.Sprintf("Failure expanding expression %s which triggered exception %s: %s", e.Expression, typ, text)
	}
	return msg + "\nThe variable dependency chain for the failure is: " + strings.Join(e.Chain, " -> ")
}

func (e *ExpansionError) Unwrap() error { return e.Err }

// ExceptionError is implemented by errors that stand for a Python exception (the
// PythonExpander's errors); Exception returns its type name and message.
type ExceptionError interface {
	error
	Exception() (typ, msg string)
}

func exceptionOf(err error) (string, string) {
	var ee ExceptionError
	if errors.As(err, &ee) {
		return ee.Exception()
	}
	return "Exception", err.Error()
}

// pyException is an error raised by the store itself with a Python exception type name.
type pyException struct{ typ, msg string }

func (e *pyException) Error() string                { return e.typ + ": " + e.msg }
func (e *pyException) Exception() (typ, msg string) { return e.typ, e.msg }

// ErrSelfReference is wrapped when a variable references itself (${A} inside A).
var ErrSelfReference = errors.New("variable references itself")

type selfRefError struct{ name string }

func (e *selfRefError) Error() string { return "variable " + e.name + " references itself!" }
func (e *selfRefError) Exception() (typ, msg string) {
	return "Exception", e.Error()
}
func (e *selfRefError) Is(target error) bool { return target == ErrSelfReference }

// ErrRecursion is wrapped when expansion nests deeper than MaxDepth (indirect cycles
// such as A = "${B}", B = "${A}"; BitBake reports Python's RecursionError there).
var ErrRecursion = errors.New("maximum recursion depth exceeded")

type recursionError struct{}

func (recursionError) Error() string { return ErrRecursion.Error() }
func (recursionError) Exception() (typ, msg string) {
	return "RecursionError", ErrRecursion.Error()
}
func (recursionError) Is(target error) bool { return target == ErrRecursion }

// ErrKeepLiteral is returned (possibly wrapped) by a PythonExpander for code that Python
// rejects as an unterminated string literal: BitBake then leaves that whole pass of
// ${@...} expressions unexpanded instead of failing.
var ErrKeepLiteral = errors.New("unterminated string literal in inline python")

// FatalError is a bb.fatal raised by the datastore (old override syntax, unstable
// OVERRIDES).
type FatalError struct{ Msg string }

func (e *FatalError) Error() string { return e.Msg }
