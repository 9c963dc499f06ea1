package exec

import (
	"context"
	"os"
	osexec "os/exec"
	"testing"
)

// BenchmarkNamespaceCall measures one privileged command (/bin/true) in an existing build
// namespace: connect to the holder, pass the request and stdio, fork/exec, wait, answer.
// Goal: at most 5 ms. Run as root it measures the namespace without a user namespace; run the
// test binary as an unprivileged user for the rootless figure (see doc.go).
func BenchmarkNamespaceCall(b *testing.B) {
	ns := startNS(b)
	ctx := context.Background()
	for b.Loop() {
		if err := ns.Run(ctx, Cmd{Argv: []string{"/bin/true"}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNamespaceStart measures creating a build namespace (holder start, id maps, re-exec)
// and closing it.
func BenchmarkNamespaceStart(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		ns, err := StartNamespace(ctx, NamespaceOptions{Self: self(b)})
		if err != nil {
			b.Fatal(err)
		}
		if err := ns.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSudoShimCall measures `sudo /bin/true` from a task shell: the shim program's start
// plus one namespace call.
func BenchmarkSudoShimCall(b *testing.B) {
	ns := startNS(b)
	env := ns.TaskEnv(os.Environ())
	for b.Loop() {
		cmd := osexec.Command("sudo", "/bin/true")
		cmd.Env = env
		cmd.Path = ns.shimDir + "/sudo"
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	}
}
