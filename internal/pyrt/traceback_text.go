package pyrt

import "bytes"

// Traceback returns the CPython-style traceback of a Python exception error (frames name the
// metadata file and line the code was compiled with), or "" when err is not one.
func (r *Runtime) Traceback(err error) string {
	exc, tb := excValue(err)
	if exc == nil {
		return ""
	}
	var b bytes.Buffer
	r.PrintTraceback(&b, err, tb)
	return b.String()
}
