package exec

import (
	"slices"
	"strings"
	"testing"
)

func TestSudoCommandLine(t *testing.T) {
	caller := []string{"PATH=/home/u/bin:/usr/bin", "HOME=/home/u", "USER=u", "TERM=xterm", "LC_ALL=C",
		"SECRET=x", "SHELL=/bin/bash", SocketEnv + "=/run/g/holder.sock"}
	cases := []struct {
		args     []string
		argv     []string
		keep     []string // variables the command must see
		drop     []string // variables it must not see
		dir, err string
	}{
		{args: []string{"mount", "-t", "tmpfs", "none", "/mnt"}, argv: []string{"mount", "-t", "tmpfs", "none", "/mnt"},
			keep: []string{"HOME=/root", "TERM=xterm", "LC_ALL=C", "USER=root", "SUDO_USER=u", "PATH=/run/g/bin:" + securePath},
			drop: []string{"SECRET=x", "HOME=/home/u"}},
		{args: []string{"-E", "chroot", "/r", "sh"}, argv: []string{"chroot", "/r", "sh"},
			keep: []string{"SECRET=x", "HOME=/home/u", "PATH=/run/g/bin:" + securePath}},
		{args: []string{"-s"}, argv: []string{"/bin/bash"}},
		{args: []string{"-Es"}, argv: []string{"/bin/bash"}, keep: []string{"SECRET=x"}},
		{args: []string{"-s", "echo", "a b;c"}, argv: []string{"/bin/bash", "-c", `echo a\ b\;c`}},
		{args: []string{"-u", "root", "--", "id"}, argv: []string{"id"}},
		{args: []string{"-n", "V=1", "W=2", "env"}, argv: []string{"env"}, keep: []string{"V=1", "W=2"}},
		{args: []string{"--preserve-env=A,B", "true"}, argv: []string{"true"}, keep: []string{"SECRET=x"}},
		{args: []string{"-i"}, argv: []string{"/bin/bash", "-l"}, dir: "/root"},
		{args: []string{"-l"}, err: "option -l is not supported"},
		{args: []string{"-E"}, err: "no command given"},
		{args: []string{"-u"}, err: "option -u requires an argument"},
	}
	for _, c := range cases {
		call, err := parseSudo(c.args)
		var req *request
		if err == nil {
			req, err = call.request(caller, "/work")
		}
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("sudo %q: got %v, want error %q", c.args, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("sudo %q: %v", c.args, err)
			continue
		}
		if !slices.Equal(req.Argv, c.argv) {
			t.Errorf("sudo %q runs %q, want %q", c.args, req.Argv, c.argv)
		}
		last := map[string]string{}
		for _, kv := range req.Env {
			k, _, _ := strings.Cut(kv, "=")
			last[k] = kv
		}
		for _, kv := range c.keep {
			k, _, _ := strings.Cut(kv, "=")
			if last[k] != kv {
				t.Errorf("sudo %q: command sees %q, want %q", c.args, last[k], kv)
			}
		}
		for _, kv := range c.drop {
			k, _, _ := strings.Cut(kv, "=")
			if last[k] == kv {
				t.Errorf("sudo %q: command sees %q", c.args, kv)
			}
		}
		want := c.dir
		if want == "" {
			want = "/work"
		}
		if req.Dir != want || req.UID != 0 || req.GID != 0 {
			t.Errorf("sudo %q: dir %q uid %d gid %d", c.args, req.Dir, req.UID, req.GID)
		}
	}
}
