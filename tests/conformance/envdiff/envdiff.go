package envdiff

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

// Kind is what a dump entry is.
type Kind string

// The kinds of entries a dump holds.
const (
	Var    Kind = "var"    // NAME="value"
	Export Kind = "export" // export NAME="value"
	Unset  Kind = "unset"  // unset NAME
	Shell  Kind = "sh"     // NAME() { ... }
	Python Kind = "py"     // python NAME () { ... }
)

// Entry is one variable or function of a dump.
type Entry struct {
	Kind  Kind
	Value string // the value between the quotes, or the function body
}

// Volatile lists the variables whose values change between two runs of the same tool.
var Volatile = []string{
	"DATE", "TIME", "DATETIME", "BUILDNAME", "BB_ORIGENV", "BB_TASKDEPDATA",
	"BB_CURRENTTASK", "BB_RUNTASK", "BB_WORKERCONTEXT", "BB_UNIHASH", "BB_TASKHASH",
	"SOURCE_DATE_EPOCH_FALLBACK", "__BBHANDLERS", "BB_HASHSERVE", "LOGFIFO",
}

var (
	assignRe = regexp.MustCompile(`^(export )?([^\s=()]+)="(.*)$`)
	shFuncRe = regexp.MustCompile(`^([^\s()]+)\(\) \{$`)
	pyFuncRe = regexp.MustCompile(`^python ([^\s()]+) \(\) \{$`)
)

// closes reports whether line ends a double-quoted value (a closing quote not escaped).
func closes(line string) bool {
	if !strings.HasSuffix(line, `"`) {
		return false
	}
	n := 0
	for i := len(line) - 2; i >= 0 && line[i] == '\\'; i-- {
		n++
	}
	return n%2 == 0
}

// Parse reads a dump. Lines it does not understand (progress output, comments) are skipped.
func Parse(r io.Reader) (map[string]Entry, error) {
	var lines []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading dump: %w", err)
	}
	entries := map[string]Entry{}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m := pyFuncRe.FindStringSubmatch(line)
		kind := Python
		if m == nil {
			m = shFuncRe.FindStringSubmatch(line)
			kind = Shell
		}
		if m != nil {
			var body []string
			for i++; i < len(lines) && lines[i] != "}"; i++ {
				body = append(body, lines[i])
			}
			entries[m[1]] = Entry{kind, strings.TrimRight(strings.Join(body, "\n"), " \t\n\r\v\f")}
			continue
		}
		if name, ok := strings.CutPrefix(line, "unset "); ok {
			entries[strings.TrimSpace(name)] = Entry{Unset, ""}
			continue
		}
		if m := assignRe.FindStringSubmatch(line); m != nil {
			buf := []string{m[3]}
			for !closes(buf[len(buf)-1]) && i+1 < len(lines) {
				i++
				buf = append(buf, lines[i])
			}
			v := strings.Join(buf, "\n")
			v = v[:max(len(v)-1, 0)]
			k := Var
			if m[1] != "" {
				k = Export
			}
			entries[m[2]] = Entry{k, v}
		}
	}
	return entries, nil
}

var (
	fifoRe   = regexp.MustCompile(`fifo\.(\d+)$`)
	uuidRe   = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}`)
	memoryRe = regexp.MustCompile(`\d{6,}`)
	argv0Re  = regexp.MustCompile(`^\['[^']*'`)
)

// replacePID replaces the decimal pid wherever it is not part of a longer number.
func replacePID(v, pid string) string {
	var b strings.Builder
	for {
		i := strings.Index(v, pid)
		if i < 0 {
			b.WriteString(v)
			return b.String()
		}
		end := i + len(pid)
		isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
		if (i > 0 && isDigit(v[i-1])) || (end < len(v) && isDigit(v[end])) {
			b.WriteString(v[:end])
		} else {
			b.WriteString(v[:i])
			b.WriteString("<PID>")
		}
		v = v[end:]
	}
}

// Normalize masks values that legitimately change between two runs of the same tool: the
// parsing process id (found in Isar's LOGFIFO), random UUIDs, free-memory figures in
// SQUASHFS variables and the tool's own path in BB_CMDLINE.
func Normalize(entries map[string]Entry) map[string]Entry {
	pid := ""
	if m := fifoRe.FindStringSubmatch(entries["LOGFIFO"].Value); m != nil {
		pid = m[1]
	}
	out := make(map[string]Entry, len(entries))
	for k, e := range entries {
		v := e.Value
		if pid != "" {
			v = replacePID(v, pid)
		}
		v = uuidRe.ReplaceAllString(v, "<UUID>")
		if strings.Contains(k, "SQUASHFS") || k == "IMAGE_CMD:squashfs" {
			v = memoryRe.ReplaceAllString(v, "<MEM>")
		}
		if k == "BB_CMDLINE" {
			v = argv0Re.ReplaceAllString(v, "['<argv0>'")
		}
		out[k] = Entry{e.Kind, v}
	}
	return out
}

// Result is the outcome of Compare. Names are sorted.
type Result struct {
	Total   int // entries of the reference, ignored ones excluded
	Missing []string
	Extra   []string
	Differ  []string
}

// Count is the number of differing entries (missing, extra or different).
func (r Result) Count() int { return len(r.Missing) + len(r.Extra) + len(r.Differ) }

// Compare normalizes both sides and compares them, skipping Volatile and the ignore names.
func Compare(ref, cand map[string]Entry, ignore ...string) Result {
	skip := map[string]bool{}
	for _, n := range append(append([]string{}, Volatile...), ignore...) {
		skip[n] = true
	}
	ref, cand = Normalize(ref), Normalize(cand)
	var r Result
	for n := range ref {
		if !skip[n] {
			r.Total++
		}
	}
	names := map[string]bool{}
	for n := range ref {
		names[n] = true
	}
	for n := range cand {
		names[n] = true
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		if !skip[n] {
			sorted = append(sorted, n)
		}
	}
	sort.Strings(sorted)
	for _, n := range sorted {
		re, inRef := ref[n]
		ce, inCand := cand[n]
		switch {
		case inRef && !inCand:
			r.Missing = append(r.Missing, n)
		case inCand && !inRef:
			r.Extra = append(r.Extra, n)
		case re != ce:
			r.Differ = append(r.Differ, n)
		}
	}
	return r
}

// Report writes the summary envdiff.py prints, showing at most show names per group and the
// first show differing values; its last line is "N of M entries differ".
func Report(w io.Writer, r Result, ref, cand map[string]Entry, show int) {
	ref, cand = Normalize(ref), Normalize(cand)
	group := func(label string, names []string) {
		if len(names) > 0 {
			fmt.Fprintf(w, "%s (%d): %s\n", label, len(names), strings.Join(names[:min(show, len(names))], " "))
		}
	}
	group("missing in candidate", r.Missing)
	group("extra in candidate", r.Extra)
	group("differ", r.Differ)
	cut := func(s string) string { return s[:min(300, len(s))] }
	for _, n := range r.Differ[:min(show, len(r.Differ))] {
		fmt.Fprintf(w, "--- %s\n  ref : %q\n  cand: %q\n", n, string(ref[n].Kind)+":"+cut(ref[n].Value), string(cand[n].Kind)+":"+cut(cand[n].Value))
	}
	fmt.Fprintf(w, "%d of %d entries differ\n", r.Count(), r.Total)
}
