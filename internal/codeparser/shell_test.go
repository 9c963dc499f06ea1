package codeparser

import (
	"reflect"
	"testing"
)

func TestShellExecs(t *testing.T) {
	cases := []struct {
		name, code string
		want       []string
	}{
		{"simple", "mkdir -p ${D}\ninstall -m 0644 a b", []string{"install", "mkdir"}},
		{"pipeline and lists", "sort a | nl -w1 > out && echo ok || false", []string{"echo", "false", "nl", "sort"}},
		{"command substitution", `x=$(basename "$f")` + "\ny=`dirname $x`", []string{"basename", "dirname"}},
		{"compound", "for f in a b; do cp $f x; done\nif test -e x; then rm x; elif [ -d y ]; then :; else true; fi\n" +
			"while read l; do echo $l; done < f\ncase $a in x) tar c ;; *) gzip ;; esac\n( cd sub; make )\n{ ls; }",
			[]string{":", "[", "cd", "cp", "echo", "gzip", "ls", "make", "read", "rm", "tar", "test", "true"}},
		{"own functions excluded", "helper() { sed -e s/a/b/ f; }\nhelper\ndo_other", []string{"do_other", "sed"}},
		// Expected results below are what BitBake 2.8's ShellParser returns for the same code.
		{"non-literal command skipped", "$CC -o x x.c\n\"$@\"\n${MAKE} all", []string{`"$@"`}},
		{"quoted command keeps its quotes", `"mkdir" -p d` + "\n'rm' -f x", []string{`"mkdir"`, "'rm'"}},
		{"eval reparsed", `eval "oe_runmake install"` + "\neval oe_runmake all", []string{`"oe_runmake install"`, "oe_runmake"}},
		{"assignments only", "A=1 B=2", nil},
		{"env prefix", "DESTDIR=x make install", []string{"make"}},
		{"sudo args are not commands", "sudo chroot ${ROOTFS} apt-get update", []string{"sudo"}},
	}
	for _, c := range cases {
		got, err := ShellExecs(c.name, c.code)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if len(got) == 0 {
			got = nil
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestShellExecsSyntaxError(t *testing.T) {
	_, err := ShellExecs("do_broken", "if true; then\necho x\n")
	if err == nil {
		t.Fatal("want a syntax error for an unterminated if")
	}
}
