package exec

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
)

// sudoCall is a parsed sudo command line.
type sudoCall struct {
	preserveEnv bool
	shell       bool // -s: run the command (or stdin) through a shell
	login       bool // -i
	setHome     bool // -H
	user        string
	group       string
	assigns     []string // VAR=value before the command
	argv        []string
}

// parseSudo understands the sudo options Isar-style recipes use: -E, -s, -i, -H, -n, -k, -S,
// -u USER, -g GROUP, --preserve-env[=LIST], --user=, --group=, combined short flags, and
// VAR=value assignments before the command.
func parseSudo(args []string) (*sudoCall, error) {
	s := &sudoCall{}
	i := 0
	value := func(opt, rest string) (string, error) {
		if rest != "" {
			return rest, nil
		}
		if i+1 >= len(args) {
			return "", fmt.Errorf("option %s requires an argument", opt)
		}
		i++
		return args[i], nil
	}
options:
	for ; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			i++
			break options
		case a == "--preserve-env" || strings.HasPrefix(a, "--preserve-env="):
			s.preserveEnv = true
		case a == "--shell":
			s.shell = true
		case a == "--login":
			s.login = true
		case a == "--set-home":
			s.setHome = true
		case a == "--non-interactive" || a == "--reset-timestamp" || a == "--stdin":
		case strings.HasPrefix(a, "--user="):
			s.user = strings.TrimPrefix(a, "--user=")
		case strings.HasPrefix(a, "--group="):
			s.group = strings.TrimPrefix(a, "--group=")
		case strings.HasPrefix(a, "--"):
			return nil, fmt.Errorf("option %s is not supported", a)
		case strings.HasPrefix(a, "-") && len(a) > 1:
			for j := 1; j < len(a); j++ {
				var err error
				switch a[j] {
				case 'E':
					s.preserveEnv = true
				case 's':
					s.shell = true
				case 'i':
					s.login = true
				case 'H':
					s.setHome = true
				case 'n', 'k', 'S', 'A', 'b':
				case 'u':
					s.user, err = value("-u", a[j+1:])
					j = len(a)
				case 'g':
					s.group, err = value("-g", a[j+1:])
					j = len(a)
				default:
					return nil, fmt.Errorf("option -%c is not supported", a[j])
				}
				if err != nil {
					return nil, err
				}
			}
		default:
			break options
		}
	}
	for ; i < len(args) && isAssign(args[i]); i++ {
		s.assigns = append(s.assigns, args[i])
	}
	s.argv = args[i:]
	if len(s.argv) == 0 && !s.shell && !s.login {
		return nil, errors.New("no command given")
	}
	return s, nil
}

func isAssign(a string) bool {
	name, _, ok := strings.Cut(a, "=")
	if !ok || name == "" {
		return false
	}
	for i, r := range name {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// request builds what the holder runs for the call, given the caller's environment and cwd.
func (s *sudoCall) request(callerEnv []string, cwd string) (*request, error) {
	uid, gid, home := 0, 0, "/root"
	if s.user != "" && s.user != "root" && s.user != "#0" {
		u, err := lookupUser(s.user)
		if err != nil {
			return nil, err
		}
		uid, _ = strconv.Atoi(u.Uid)
		gid, _ = strconv.Atoi(u.Gid)
		home = u.HomeDir
	}
	if s.group != "" {
		g, err := lookupGroup(s.group)
		if err != nil {
			return nil, err
		}
		gid = g
	}
	get := func(k string) string {
		for i := len(callerEnv) - 1; i >= 0; i-- {
			if v, ok := strings.CutPrefix(callerEnv[i], k+"="); ok {
				return v
			}
		}
		return ""
	}
	var env []string
	if s.preserveEnv {
		for _, kv := range callerEnv {
			if !strings.HasPrefix(kv, "PATH=") {
				env = append(env, kv)
			}
		}
	} else {
		for _, kv := range callerEnv {
			k, _, _ := strings.Cut(kv, "=")
			if k == "TERM" || k == "LANG" || k == "LANGUAGE" || k == "TZ" || strings.HasPrefix(k, "LC_") || k == SocketEnv {
				env = append(env, kv)
			}
		}
		env = append(env, "HOME="+home)
	}
	if s.setHome || s.login {
		env = append(env, "HOME="+home)
	}
	shell := get("SHELL")
	if shell == "" {
		shell = "/bin/sh"
		if _, err := os.Stat("/bin/bash"); err == nil {
			shell = "/bin/bash"
		}
	}
	// Debian's sudo replaces PATH with secure_path; the shim stays first so that a nested sudo
	// also reaches the holder.
	path := securePath
	if sock := get(SocketEnv); sock != "" {
		path = filepath.Join(filepath.Dir(sock), "bin") + ":" + path
	}
	name := "root"
	if uid != 0 {
		name = s.user
	}
	env = append(env, "PATH="+path, "USER="+name, "LOGNAME="+name, "SHELL="+shell,
		"SUDO_USER="+get("USER"), fmt.Sprintf("SUDO_UID=%d", os.Getuid()), fmt.Sprintf("SUDO_GID=%d", os.Getgid()),
		"SUDO_COMMAND="+strings.Join(s.argv, " "))
	env = append(env, s.assigns...)
	argv := s.argv
	switch {
	case (s.shell || s.login) && len(argv) == 0:
		argv = []string{shell}
		if s.login {
			argv = append(argv, "-l")
		}
	case s.shell || s.login:
		quoted := make([]string, len(argv))
		for i, a := range argv {
			quoted[i] = escapeSudo(a)
		}
		argv = []string{shell, "-c", strings.Join(quoted, " ")}
		if s.login {
			argv = []string{shell, "-l", "-c", argv[2]}
		}
	}
	dir := cwd
	if s.login {
		dir = home
	}
	return &request{Argv: argv, Dir: dir, Env: env, UID: uid, GID: gid}, nil
}

// escapeSudo escapes a word the way sudo -s does: a backslash before every character that is
// not alphanumeric, '_', '-' or '$'.
func escapeSudo(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !(r == '_' || r == '-' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func lookupUser(name string) (*user.User, error) {
	if n, ok := strings.CutPrefix(name, "#"); ok {
		return &user.User{Uid: n, Gid: n, Username: name, HomeDir: "/"}, nil
	}
	u, err := user.Lookup(name)
	if err != nil {
		return nil, fmt.Errorf("unknown user %s: %w", name, err)
	}
	return u, nil
}

func lookupGroup(name string) (int, error) {
	if n, ok := strings.CutPrefix(name, "#"); ok {
		return strconv.Atoi(n)
	}
	g, err := user.LookupGroup(name)
	if err != nil {
		return 0, fmt.Errorf("unknown group %s: %w", name, err)
	}
	return strconv.Atoi(g.Gid)
}

// sudoMain is the sudo shim: it runs its command as root of the build namespace whose holder
// listens at $GOBAKE_NS_SOCKET and exits with the command's status.
func sudoMain(args []string, stdin *os.File, stdout, stderr *os.File) int {
	fail := func(err error) int {
		fmt.Fprintf(stderr, "sudo (gobake build namespace): %v\n", err)
		return 1
	}
	sock := os.Getenv(SocketEnv)
	if sock == "" {
		return fail(fmt.Errorf("%s is not set: this sudo only works in gobake tasks", SocketEnv))
	}
	call, err := parseSudo(args)
	if err != nil {
		return fail(err)
	}
	cwd, err := os.Getwd()
	if err != nil {
		cwd = "/"
	}
	req, err := call.request(os.Environ(), cwd)
	if err != nil {
		return fail(err)
	}
	err = runVia(context.Background(), sock, req, stdin, stdout, stderr)
	var ee *ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitCode()
	}
	return fail(err)
}
