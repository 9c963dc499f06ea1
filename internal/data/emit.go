package data

import (
	"fmt"
	"io"
	"strings"
)

// EmitVar writes one variable the way bb.data.emit_var does: with all (bitbake -e), the
// history comment block first, then `[export ]NAME="value"` with ", \ and $ escaped,
// `unset NAME` for unexported ones, or `NAME() {...}` for shell functions. Python
// functions are skipped. It reports whether emit_var returned true (the caller adds a
// blank line).
func (d *Store) EmitVar(w io.Writer, name string, all bool) (bool, error) {
	fn, err := d.GetVarFlag(name, "func", false)
	if err != nil {
		return false, err
	}
	py, err := d.GetVarFlag(name, "python", false)
	if err != nil {
		return false, err
	}
	if Truthy(py) && Truthy(fn) {
		return false, nil
	}
	exp, err := d.GetVarFlag(name, "export", true)
	if err != nil {
		return false, err
	}
	export, _, err := ToBoolean(exp)
	if err != nil {
		return false, err
	}
	unexp, err := d.GetVarFlag(name, "unexport", true)
	if err != nil {
		return false, err
	}
	unexport, _, err := ToBoolean(unexp)
	if err != nil {
		return false, err
	}
	if !all && !export && !unexport && !Truthy(fn) {
		return false, nil
	}
	var oval any
	if all {
		oval, err = d.GetVar(name, false)
	}
	var val any
	if err == nil {
		val, err = d.GetVar(name, true)
	}
	if err != nil {
		typ, msg := "Exception", err.Error()
		if _, ok := err.(*ExpansionError); ok {
			typ = "ExpansionError"
		} else if _, ok := err.(*FatalError); ok {
			// bb.fatal logs its message and raises an empty BBHandledException.
			typ, msg = "BBHandledException", ""
		} else if pe, ok := err.(ExceptionError); ok {
			typ, msg = pe.Exception()
		}
		fmt.Fprintf(w, "# expansion of %s threw %s: %s\n", name, typ, msg)
		return false, nil
	}
	if all {
		d.emitHistory(w, name, oval)
	}
	if strings.ContainsAny(name, "-.{}+") && !all {
		return false, nil
	}
	varExpanded, err := d.Expand(name, "")
	if err != nil {
		return false, err
	}
	if unexport {
		fmt.Fprintf(w, "unset %s\n", varExpanded)
		return false, nil
	}
	if val == nil {
		return false, nil
	}
	s := Text(val)
	if strings.HasPrefix(varExpanded, "BASH_FUNC_") {
		varExpanded = varExpanded[10 : len(varExpanded)-2]
		if len(s) >= 3 {
			s = s[3:]
		} else {
			s = ""
		}
		fmt.Fprintf(w, "%s() %s\nexport -f %s\n", varExpanded, s, varExpanded)
		return true, nil
	}
	if Truthy(fn) {
		lineno, _ := d.GetVarFlag(name, "lineno", false)
		file, _ := d.GetVarFlag(name, "filename", false)
		fmt.Fprintf(w, "# line: %s, file: %s\n", Text(lineno), Text(file))
		fmt.Fprintf(w, "%s() {\n%s\n}\n", varExpanded, strings.TrimRight(s, "\n"))
		return true, nil
	}
	if export {
		io.WriteString(w, "export ")
	}
	s = strings.ReplaceAll(s, `"`, `\"`)
	s = strings.ReplaceAll(s, "\n", " \\\n")
	s = strings.ReplaceAll(s, "$", `\$`)
	fmt.Fprintf(w, "%s=\"%s\"\n", varExpanded, s)
	return false, nil
}

// EmitEnv writes every variable not starting with "__" (emit_env): plain variables
// sorted, then shell functions sorted, with a blank line after each function.
func (d *Store) EmitEnv(w io.Writer, all bool) error {
	keys, err := d.Keys()
	if err != nil {
		return err
	}
	var vars, funcs []string
	for _, k := range keys {
		if strings.HasPrefix(k, "__") {
			continue
		}
		f, err := d.GetVarFlag(k, "func", false)
		if err != nil {
			return err
		}
		if Truthy(f) {
			funcs = append(funcs, k)
		} else {
			vars = append(vars, k)
		}
	}
	for gi, group := range [2][]string{vars, funcs} {
		for _, k := range group {
			nl, err := d.EmitVar(w, k, all && gi == 0)
			if err != nil {
				return err
			}
			if nl {
				io.WriteString(w, "\n")
			}
		}
	}
	return nil
}

// EmitPythonFuncs writes the python functions the way bitbake -e prints them after
// EmitEnv: "\npython NAME () {\nBODY}\n" in sorted order.
func (d *Store) EmitPythonFuncs(w io.Writer) error {
	keys, err := d.Keys()
	if err != nil {
		return err
	}
	for _, k := range keys {
		fn, _ := d.GetVarFlag(k, "func", false)
		py, _ := d.GetVarFlag(k, "python", false)
		if !Truthy(fn) || !Truthy(py) {
			continue
		}
		body, err := d.GetVar(k, false)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "\npython %s () {\n%s}\n", k, Text(body))
	}
	return nil
}

// ExportedVars returns the exported variables and their expanded values, sorted by name
// (bb.data.exported_vars): names not starting with "__" whose export flag is true and
// unexport flag is not; variables that fail to expand are skipped with a warning.
func (d *Store) ExportedVars() ([][2]string, error) {
	keys, err := d.Keys()
	if err != nil {
		return nil, err
	}
	var out [][2]string
	for _, k := range keys {
		if strings.HasPrefix(k, "__") {
			continue
		}
		exp, err := d.GetVarFlag(k, "export", true)
		if err != nil {
			return nil, err
		}
		if e, _, err := ToBoolean(exp); err != nil || !e {
			if err != nil {
				return nil, err
			}
			continue
		}
		unexp, err := d.GetVarFlag(k, "unexport", true)
		if err != nil {
			return nil, err
		}
		if u, _, err := ToBoolean(unexp); err != nil || u {
			if err != nil {
				return nil, err
			}
			continue
		}
		v, err := d.GetVar(k, true)
		if err != nil {
			file, _, _ := d.Get("FILE")
			d.warn(fmt.Sprintf("%s: Unable to export ${%s}: %v", file, k, err))
			continue
		}
		if v != nil {
			out = append(out, [2]string{k, Text(v)})
		}
	}
	return out, nil
}
