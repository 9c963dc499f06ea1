package exec

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestNamespaceRunsAsRoot(t *testing.T) {
	if unprivileged(t) {
		return
	}
	ns := startNS(t)
	got := output(t, ns, Cmd{Argv: []string{"id", "-u"}})
	if strings.TrimSpace(got) != "0" {
		t.Fatalf("id -u = %q, want 0", got)
	}
	maps := output(t, ns, Cmd{Argv: []string{"cat", "/proc/self/uid_map"}})
	t.Logf("uid_map:\n%s", maps)
	first := strings.Fields(maps)
	if len(first) < 3 || first[0] != "0" || first[1] != strconv.Itoa(os.Getuid()) {
		t.Fatalf("uid_map does not map root to the caller: %q", maps)
	}
	_ = context.Background()
}
