package asuser

import (
	"os"
	"os/user"
	"path/filepath"
	"testing"
)

func TestHasSubuids(t *testing.T) {
	p := filepath.Join(t.TempDir(), "subuid")
	if err := os.WriteFile(p, []byte("alice:100000:65536\n1002:300000:1000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		u    user.User
		want bool
	}{
		{user.User{Username: "alice", Uid: "1000"}, true},
		{user.User{Username: "bob", Uid: "1002"}, true},
		{user.User{Username: "carol", Uid: "1003"}, false},
	} {
		if got := hasSubuids(p, &c.u); got != c.want {
			t.Errorf("hasSubuids(%s) = %v", c.u.Username, got)
		}
	}
	if hasSubuids(filepath.Join(t.TempDir(), "missing"), &user.User{Username: "alice"}) {
		t.Error("a missing file has ranges")
	}
}
