package parser

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// chunk is one case of a testdata chunk file.
type chunk struct {
	name   string
	line   int // line of the header in the chunk file
	src    []byte
	expect []expectation
}

type expectation struct {
	line, col int
	re        *regexp.Regexp
}

var expectRe = regexp.MustCompile(`^### (\d+):(\d+) (.*)$`)

// readChunks splits a chunk file: `--- NAME` starts a case, `### L:C REGEXP` lines are
// expectations, lines before the first header are a comment.
func readChunks(t testing.TB, path string) []chunk {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []chunk
	var cur *chunk
	var body []string
	flush := func() {
		if cur == nil {
			return
		}
		src := strings.Join(body, "\n")
		if len(body) > 0 {
			src += "\n"
		}
		if strings.HasPrefix(cur.name, "crlf-") {
			src = strings.ReplaceAll(src, "\n", "\r\n")
		}
		if strings.HasPrefix(cur.name, "latin1-") {
			src = strings.ReplaceAll(src, "é", "\xe9")
		}
		cur.src = []byte(src)
		out = append(out, *cur)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "--- "):
			flush()
			cur, body = &chunk{name: strings.TrimPrefix(l, "--- "), line: n}, nil
		case cur == nil:
		case strings.HasPrefix(l, "### "):
			m := expectRe.FindStringSubmatch(l)
			if m == nil {
				t.Fatalf("%s:%d: bad expectation %q", path, n, l)
			}
			line, _ := strconv.Atoi(m[1])
			col, _ := strconv.Atoi(m[2])
			cur.expect = append(cur.expect, expectation{line, col, regexp.MustCompile(m[3])})
		default:
			body = append(body, l)
		}
	}
	flush()
	return out
}

// TestErrors checks every malformed case of testdata/errors.txt: exactly the expected
// errors, at the expected positions, printed as file:line:col: message.
func TestErrors(t *testing.T) {
	chunks := readChunks(t, "testdata/errors.txt")
	if len(chunks) < 40 {
		t.Errorf("only %d malformed cases", len(chunks))
	}
	for _, c := range chunks {
		t.Run(c.name, func(t *testing.T) {
			f, err := Parse(c.name, c.src)
			if f == nil {
				t.Fatal("nil File")
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("testdata/errors.txt:%d: want errors, got %v", c.line, err)
			}
			for i, e := range list {
				if i >= len(c.expect) {
					t.Errorf("testdata/errors.txt:%d: unexpected error %s", c.line, e)
					continue
				}
				x := c.expect[i]
				if e.Pos.Line != x.line || e.Pos.Column != x.col || !x.re.MatchString(e.Msg) {
					t.Errorf("testdata/errors.txt:%d: got %s, want %d:%d %q", c.line, e, x.line, x.col, x.re)
				}
				if want := c.name + ":" + strconv.Itoa(x.line) + ":" + strconv.Itoa(x.col) + ": "; !strings.HasPrefix(e.Error(), want) {
					t.Errorf("error prints as %q, want prefix %q", e.Error(), want)
				}
			}
			for _, x := range c.expect[min(len(list), len(c.expect)):] {
				t.Errorf("testdata/errors.txt:%d: missing error %d:%d %q", c.line, x.line, x.col, x.re)
			}
		})
	}
}

func TestUnknownExtension(t *testing.T) {
	_, err := Parse("notes.txt", []byte("A = \"1\"\n"))
	var e *Error
	if !errors.As(err, &e) || e.Pos.Line != 1 || !strings.Contains(e.Msg, "not a BitBake metadata file") {
		t.Fatalf("got %v", err)
	}
}
