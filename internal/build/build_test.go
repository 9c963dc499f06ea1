package build

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gobake/gobake/internal/data"
)

type recipe struct {
	t *testing.T
	d *data.Store
}

func newRecipe(t *testing.T) (*recipe, string) {
	t.Helper()
	dir := t.TempDir()
	r := &recipe{t: t, d: data.New()}
	r.set("WORKDIR", dir)
	r.set("T", "${WORKDIR}/temp")
	r.set("S", "${WORKDIR}/src")
	r.set("OVERRIDES", "demo")
	r.set("GREETING", "hello")
	r.set("GREETING:task-compile", "hello from compile")
	r.flag("GREETING", "export", "1")
	r.set("UNEXPORTED", "x")
	return r, dir
}

func (r *recipe) set(name, value string) {
	r.t.Helper()
	if err := r.d.SetVar(name, value, data.Info{File: "test.bb", Line: 1}); err != nil {
		r.t.Fatal(err)
	}
}

func (r *recipe) flag(name, fl, value string) {
	r.t.Helper()
	if err := r.d.SetVarFlag(name, fl, value, data.Info{File: "test.bb", Line: 1}); err != nil {
		r.t.Fatal(err)
	}
}

func (r *recipe) shell(name, body string) {
	r.set(name, body)
	r.flag(name, "func", "1")
}

func (r *recipe) task(name, body string) {
	r.shell(name, body)
	r.flag(name, "task", "1")
}

func TestShellTask(t *testing.T) {
	r, dir := newRecipe(t)
	r.shell("write_greeting", `echo "$GREETING" > "$1"`)
	r.shell("unused_helper", "echo never")
	r.shell("prepare", "touch prepared")
	r.task("do_compile", "write_greeting out.txt\necho compiled ${UNEXPORTED}")
	r.flag("do_compile", "dirs", "${WORKDIR}/stale ${S}")
	r.flag("do_compile", "cleandirs", "${WORKDIR}/stale")
	r.flag("do_compile", "prefuncs", "prepare")
	r.flag("prepare", "dirs", "${S}")
	if err := os.MkdirAll(filepath.Join(dir, "stale"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "stale", "old"), nil, 0o644); err != nil {
		t.Fatal(err)
	}

	if err := ExecTask(context.Background(), r.d, "test.bb", "do_compile", Options{PID: 42}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "src", "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "hello from compile\n" {
		t.Errorf("exported variable with task override: got %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "src", "prepared")); err != nil {
		t.Errorf("prefunc did not run in its [dirs]: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "stale", "old")); !os.IsNotExist(err) {
		t.Errorf("[cleandirs] not cleaned: %v", err)
	}
	script, err := os.ReadFile(filepath.Join(dir, "temp", "run.do_compile"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"export GREETING=\"hello from compile\"", "write_greeting() {", "do_compile() {", "set -e", "cd '" + dir + "/src'"} {
		if !strings.Contains(string(script), want) {
			t.Errorf("run script lacks %q", want)
		}
	}
	if strings.Contains(string(script), "unused_helper") {
		t.Error("run script contains a function the task does not reach")
	}
	log, err := os.ReadFile(filepath.Join(dir, "temp", "log.do_compile"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(log), "compiled x") {
		t.Errorf("task output not in log.do_compile: %q", log)
	}
	if target, _ := os.Readlink(filepath.Join(dir, "temp", "log.do_compile")); target != "log.do_compile.42" {
		t.Errorf("log symlink points to %q", target)
	}
	order, _ := os.ReadFile(filepath.Join(dir, "temp", "log.task_order"))
	if !strings.Contains(string(order), "do_compile (42): log.do_compile.42") {
		t.Errorf("log.task_order: %q", order)
	}
}

func TestFailingTask(t *testing.T) {
	r, dir := newRecipe(t)
	r.task("do_install", "echo before\nfalse\necho after")
	r.flag("do_install", "filename", "test.bb")
	r.flag("do_install", "lineno", "12")
	err := ExecTask(context.Background(), r.d, "test.bb", "do_install", Options{PID: 7})
	var te *TaskError
	if !errors.As(err, &te) {
		t.Fatalf("want *TaskError, got %v", err)
	}
	if te.Task != "do_install" || te.File != "test.bb" || te.Log != filepath.Join(dir, "temp", "log.do_install.7") {
		t.Errorf("TaskError fields: %+v", te)
	}
	var fe *FuncError
	if !errors.As(err, &fe) || fe.File != "test.bb" || fe.Line != 12 {
		t.Errorf("want FuncError naming test.bb:12, got %v", err)
	}
	log, _ := os.ReadFile(te.Log)
	if !strings.Contains(string(log), "before") || strings.Contains(string(log), "after") {
		t.Errorf("set -e not honoured; log: %q", log)
	}
	if !strings.Contains(string(log), "WARNING: exit code 1 from a shell command.") {
		t.Errorf("exit trap did not report; log: %q", log)
	}
}

func TestNoSuchTask(t *testing.T) {
	r, _ := newRecipe(t)
	r.shell("do_notatask", "true")
	err := ExecTask(context.Background(), r.d, "test.bb", "do_notatask", Options{})
	if err == nil || !strings.Contains(err.Error(), "test.bb:do_notatask") {
		t.Fatalf("want error naming test.bb:do_notatask, got %v", err)
	}
}

func TestNetworkIsolation(t *testing.T) {
	r, dir := newRecipe(t)
	r.task("do_fetch", "cat /proc/net/dev > netdev.fetch")
	r.flag("do_fetch", "network", "1")
	r.flag("do_fetch", "dirs", "${WORKDIR}")
	r.task("do_compile", "cat /proc/net/dev > netdev.compile")
	r.flag("do_compile", "dirs", "${WORKDIR}")
	for _, task := range []string{"do_fetch", "do_compile"} {
		if err := ExecTask(context.Background(), r.d, "test.bb", task, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	fetch, _ := os.ReadFile(filepath.Join(dir, "netdev.fetch"))
	compile, _ := os.ReadFile(filepath.Join(dir, "netdev.compile"))
	ifaces := func(b []byte) int { return strings.Count(string(b), "\n") - 2 }
	if ifaces(compile) > 1 && ifaces(fetch) == ifaces(compile) {
		if noNetworkPossible() {
			t.Errorf("task without [network] sees %d interfaces, same as host", ifaces(compile))
		} else {
			t.Skip("user namespaces unavailable here: tasks run with the network, as BitBake does then")
		}
	}
	if ifaces(compile) != 1 {
		t.Errorf("isolated task should see only lo, got:\n%s", compile)
	}
}

func noNetworkPossible() bool {
	_, err := os.Stat("/proc/self/ns/user")
	return err == nil
}

type fakePython struct{ ran []string }

func (f *fakePython) RunFunc(_ context.Context, d *data.Store, name string, log io.Writer) error {
	f.ran = append(f.ran, name)
	v, _, _ := d.Get("GREETING")
	io.WriteString(log, "NOTE: "+v+"\n")
	if name == "do_bad" {
		return errors.New("boom")
	}
	return nil
}

func TestPythonTask(t *testing.T) {
	r, dir := newRecipe(t)
	r.task("do_configure", "bb.note(d.getVar('GREETING'))")
	r.flag("do_configure", "python", "1")
	py := &fakePython{}
	if err := ExecTask(context.Background(), r.d, "test.bb", "do_configure", Options{Python: py}); err != nil {
		t.Fatal(err)
	}
	if len(py.ran) != 1 || py.ran[0] != "do_configure" {
		t.Errorf("python hook calls: %v", py.ran)
	}
	log, _ := os.ReadFile(filepath.Join(dir, "temp", "log.do_configure"))
	if !strings.Contains(string(log), "DEBUG: Executing python function do_configure\nNOTE: hello\n") {
		t.Errorf("log: %q", log)
	}
}

func TestEmitFuncFollowsVardeps(t *testing.T) {
	r, _ := newRecipe(t)
	r.shell("a", "b")
	r.shell("b", "echo b")
	r.flag("b", "vardeps", "c")
	r.shell("c", "d_helper")
	r.shell("d_helper", "true")
	r.set("e", "print('py')")
	r.flag("e", "func", "1")
	r.flag("e", "python", "1")
	r.flag("a", "vardeps", "e")
	var buf bytes.Buffer
	if err := EmitFunc(&buf, r.d, "a"); err != nil {
		t.Fatal(err)
	}
	for _, fn := range []string{"a() {", "b() {", "c() {", "d_helper() {"} {
		if !strings.Contains(buf.String(), fn) {
			t.Errorf("emitted script lacks %q", fn)
		}
	}
	if strings.Contains(buf.String(), "print('py')") {
		t.Error("python function emitted into a shell script")
	}
}
