package demo

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gobake/gobake/tests/internal/gobakebin"
)

var gobake string // path of the gobake binary under test

func TestMain(m *testing.M) { gobakebin.Main(m, &gobake, gobakebin.Race) }

type result struct {
	code           int
	stdout, stderr string
}

// started returns the "PN do_task" labels of the tasks the build ran.
func (r result) started() []string {
	var out []string
	for _, m := range regexp.MustCompile(`(?m)^NOTE: \[\d+/\d+\] (.+): started$`).FindAllStringSubmatch(r.stderr, -1) {
		out = append(out, m[1])
	}
	sort.Strings(out)
	return out
}

func gobakeCmd(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command(gobake, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "BB_NUMBER_THREADS=2")
	return cmd
}

func run(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd := gobakeCmd(dir, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return r
}

// setup creates a demo build directory and returns it.
func setup(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "build")
	r := run(t, filepath.Dir(dir), "demo", "-dir", dir, "--", "-e")
	if r.code != 0 {
		t.Fatalf("gobake demo -e: exit %d\n%s", r.code, r.stderr)
	}
	return dir
}

func mustBuild(t *testing.T, dir string) result {
	t.Helper()
	r := run(t, dir, "demo-image")
	if r.code != 0 {
		t.Fatalf("gobake demo-image: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	return r
}

func imageFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "tmp", "deploy", "images", "demo-image-demo.tar.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(tr)
		if h.Typeflag == tar.TypeReg {
			files[h.Name] = string(b)
		}
	}
	return files
}

func appendFile(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

// addLayer adds a layer with one bbappend for greeter to the build directory.
func addLayer(t *testing.T, dir, bbappend string) {
	t.Helper()
	layer := filepath.Join(dir, "meta-test")
	if err := os.MkdirAll(filepath.Join(layer, "conf"), 0o755); err != nil {
		t.Fatal(err)
	}
	conf := "BBPATH .= \":${LAYERDIR}\"\nBBFILES += \"${LAYERDIR}/*.bbappend\"\n" +
		"BBFILE_COLLECTIONS += \"test\"\nBBFILE_PATTERN_test = \"^${LAYERDIR}/\"\n" +
		"BBFILE_PRIORITY_test = \"6\"\nLAYERSERIES_COMPAT_test = \"scarthgap\"\n"
	if err := os.WriteFile(filepath.Join(layer, "conf", "layer.conf"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(layer, "greeter_%.bbappend"), []byte(bbappend), 0o644); err != nil {
		t.Fatal(err)
	}
	appendFile(t, filepath.Join(dir, "conf", "bblayers.conf"), "BBLAYERS += \""+layer+"\"\n")
}

func TestBuildAndRebuild(t *testing.T) {
	dir := setup(t)
	first := mustBuild(t, dir)
	if !strings.Contains(first.stdout, "0 failed") && strings.Contains(first.stdout, "failed") {
		t.Fatalf("first build reported failures:\n%s", first.stdout)
	}
	files := imageFiles(t, dir)
	wantScript := "#!/bin/sh\n# greeter 2.1: prints 5 greetings, the favourite first.\necho \"HALLO\"\n" +
		"cut -d' ' -f2- /usr/share/greetings/greetings.numbered\n"
	if got := files["./usr/bin/greeter"]; got != wantScript {
		t.Errorf("greeter in the image:\n%q\nwant\n%q", got, wantScript)
	}
	if got := files["./usr/share/greetings/greetings.numbered"]; got != "1 bonjour\n2 ciao\n3 hallo\n4 hello\n5 hola\n" {
		t.Errorf("greetings.numbered: %q", got)
	}
	if len(first.started()) == 0 {
		t.Fatal("first build ran no tasks")
	}

	second := mustBuild(t, dir)
	if got := second.started(); len(got) != 0 {
		t.Errorf("second build ran %v, want nothing", got)
	}

	// A variable only greeter's do_configure uses (through FAVOURITE): that task and the
	// ones after it rerun, nothing of greeting-data.
	appendFile(t, filepath.Join(dir, "conf", "local.conf"), "FAVOURITE_WORD = \"ciao\"\n")
	third := mustBuild(t, dir)
	want := []string{"demo-image do_compile", "demo-image do_image", "demo-image do_install",
		"greeter do_compile", "greeter do_configure", "greeter do_deploy", "greeter do_install"}
	if got := third.started(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("after changing FAVOURITE_WORD the build ran\n%v\nwant\n%v", got, want)
	}
	if got := imageFiles(t, dir)["./usr/bin/greeter"]; !strings.Contains(got, `echo "CIAO"`) {
		t.Errorf("image not rebuilt with the new favourite: %q", got)
	}
}

func TestFailingTask(t *testing.T) {
	dir := setup(t)
	addLayer(t, dir, "do_compile() {\n    echo about to fail\n    exit 3\n}\n")
	r := run(t, dir, "demo-image")
	if r.code == 0 {
		t.Fatalf("build with a failing task exited 0:\n%s", r.stderr)
	}
	for _, want := range []string{"greeter do_compile", "exit code 3", "log: "} {
		if !strings.Contains(r.stdout+r.stderr, want) {
			t.Errorf("output lacks %q:\nstdout:\n%s\nstderr:\n%s", want, r.stdout, r.stderr)
		}
	}
	logs, _ := filepath.Glob(filepath.Join(dir, "tmp", "work", "greeter-*", "temp", "log.do_compile.*"))
	if len(logs) != 1 {
		t.Fatalf("want one do_compile log, got %v", logs)
	}
	if b, _ := os.ReadFile(logs[0]); !strings.Contains(string(b), "about to fail") {
		t.Errorf("log lacks the task's output: %q", b)
	}
	for _, task := range r.started() {
		if strings.HasPrefix(task, "demo-image do_image") || task == "greeter do_install" {
			t.Errorf("%s ran after its dependency failed", task)
		}
	}
	// What was built before the failure is kept: greeting-data's stamps stay valid.
	if stamps, _ := filepath.Glob(filepath.Join(dir, "tmp", "stamps", "greeting-data-*.do_deploy.*")); len(stamps) == 0 {
		t.Error("greeting-data's do_deploy stamp is missing after the failed build")
	}
}

// slowLayer makes greeter's do_compile wait for a file, so that a test can act mid-build.
func slowLayer(t *testing.T, dir string) string {
	gate := filepath.Join(dir, "gate")
	addLayer(t, dir, "do_compile:prepend() {\n    touch "+gate+".reached\n    while [ ! -e "+gate+" ]; do sleep 0.05; done\n}\n")
	return gate
}

func waitFor(t *testing.T, path string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(path); err == nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", path)
}

func TestKillAndResume(t *testing.T) {
	dir := setup(t)
	gate := slowLayer(t, dir)
	cmd := gobakeCmd(dir, "demo-image")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, gate+".reached")
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if err := os.WriteFile(gate, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	r := mustBuild(t, dir)
	for _, task := range r.started() {
		if strings.HasPrefix(task, "greeting-data ") {
			t.Errorf("resumed build reran %s, which had completed before the kill", task)
		}
	}
	if !contains(r.started(), "greeter do_compile") {
		t.Errorf("resumed build did not run the interrupted task; ran %v", r.started())
	}
	if _, err := os.Stat(filepath.Join(dir, "tmp", "deploy", "images", "demo-image-demo.tar.gz")); err != nil {
		t.Errorf("resumed build produced no image: %v", err)
	}
}

func TestConcurrentBuildRefused(t *testing.T) {
	dir := setup(t)
	gate := slowLayer(t, dir)
	cmd := gobakeCmd(dir, "demo-image")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		os.WriteFile(gate, nil, 0o644)
		cmd.Wait()
	}()
	waitFor(t, gate+".reached")
	start := time.Now()
	r := run(t, dir, "demo-image")
	if r.code == 0 {
		t.Fatal("second gobake in the same build directory succeeded")
	}
	if want := fmt.Sprintf("process %d", cmd.Process.Pid); !strings.Contains(r.stderr, want) {
		t.Errorf("refusal does not name the running gobake (%s):\n%s", want, r.stderr)
	}
	if time.Since(start) > 20*time.Second {
		t.Errorf("refusal took %v; it should be immediate", time.Since(start))
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func TestPythonTaskExecFuncAndLog(t *testing.T) {
	dir := setup(t)
	addLayer(t, dir, `helper_sh() {
    echo "helper ran for ${PN}" > ${WORKDIR}/helper.out
}
python do_configure:append() {
    bb.build.exec_func('helper_sh', d)
    bb.warn("exec_func done")
    if d.getVar('FAIL_CONFIGURE') == '1':
        missing = {}['key']
}
`)
	mustBuild(t, dir)
	work := filepath.Join(dir, "tmp", "work", "greeter-2.1-r0")
	if b, err := os.ReadFile(filepath.Join(work, "helper.out")); err != nil || string(b) != "helper ran for greeter\n" {
		t.Errorf("bb.build.exec_func did not run the shell function: %q, %v", b, err)
	}
	log, _ := os.ReadFile(filepath.Join(work, "temp", "log.do_configure"))
	for _, want := range []string{"NOTE: greeter configured for 5 greetings\n", "DEBUG: Executing shell function helper_sh\n", "WARNING: exec_func done\n"} {
		if !strings.Contains(string(log), want) {
			t.Errorf("log.do_configure lacks %q:\n%s", want, log)
		}
	}
	if _, err := os.Stat(filepath.Join(work, "temp", "run.do_configure.helper_sh."+strings.TrimPrefix(filepath.Ext(mustLink(t, filepath.Join(work, "temp", "log.do_configure"))), "."))); err != nil {
		t.Errorf("no run script for the function exec_func ran: %v", err)
	}

	appendFile(t, filepath.Join(dir, "conf", "local.conf"), "FAIL_CONFIGURE = \"1\"\n")
	r := run(t, dir, "demo-image")
	if r.code == 0 {
		t.Fatal("build with a failing python task exited 0")
	}
	if !strings.Contains(r.stderr, "Traceback (most recent call last):") || !strings.Contains(r.stderr, "in do_configure\n") {
		t.Errorf("failure report lacks a Python traceback naming the function:\n%s", r.stderr)
	}
	if !strings.Contains(r.stderr, "KeyError") || !strings.Contains(r.stdout, "greeter do_configure") {
		t.Errorf("failure report lacks the exception or the task:\nstdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
}

func mustLink(t *testing.T, path string) string {
	t.Helper()
	target, err := os.Readlink(path)
	if err != nil {
		t.Fatal(err)
	}
	return target
}
