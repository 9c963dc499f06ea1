package exec

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	osexec "os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
)

// Problem names a host setup problem that keeps the unshare backend from working.
type Problem int

const (
	// UserNSDisabled: the kernel refuses unprivileged user namespaces.
	UserNSDisabled Problem = iota + 1
	// NoNewuidmap: newuidmap or newgidmap (package uidmap) is not installed.
	NoNewuidmap
	// NoSubids: the user has no range in /etc/subuid or /etc/subgid.
	NoSubids
)

// SetupError reports a host that cannot run the unshare backend, and how to fix it.
// Recover it with errors.As.
type SetupError struct {
	Problem Problem
	Detail  string // what was found
	Fix     string // what to run or change
}

func (e *SetupError) Error() string {
	return fmt.Sprintf("unshare backend unavailable: %s; fix: %s (or set GOBAKE_CHROOT_MODE=schroot to use sudo)", e.Detail, e.Fix)
}

// Host describes the host facilities the unshare backend uses. The zero value means the real
// ones; tests point the fields at fixtures.
type Host struct {
	ProcSys   string // default "/proc/sys"
	Subuid    string // default "/etc/subuid"
	Subgid    string // default "/etc/subgid"
	Newuidmap string // default: newuidmap found in PATH
	Newgidmap string // default: newgidmap found in PATH
	// User, UID and GID are the caller (set all three); an empty User means the current user.
	User     string
	UID, GID int
}

func (h Host) withDefaults() (Host, error) {
	if h.ProcSys == "" {
		h.ProcSys = "/proc/sys"
	}
	if h.Subuid == "" {
		h.Subuid = "/etc/subuid"
	}
	if h.Subgid == "" {
		h.Subgid = "/etc/subgid"
	}
	if h.User == "" {
		h.UID, h.GID = os.Getuid(), os.Getgid()
		u, err := user.LookupId(strconv.Itoa(h.UID))
		if err != nil {
			return h, fmt.Errorf("looking up the current user: %w", err)
		}
		h.User = u.Username
	}
	return h, nil
}

// IDMap maps Count ids starting at Inner in the namespace to ids starting at Outer on the host.
type IDMap struct {
	Inner, Outer, Count int
}

// String gives the map in util-linux unshare's --map-users form: outer,inner,count.
func (m IDMap) String() string { return fmt.Sprintf("%d,%d,%d", m.Outer, m.Inner, m.Count) }

// nobody is the id of nobody and nogroup in Debian rootfs.
const nobody = 65534

// idMaps maps namespace root to the caller (callerID) and namespace id k to base+k for
// k in 1..count-2, as Isar's rootless mode does, so that the uid 1000 of a rootfs is base+1000 on
// the host. The last id of the range, base+count-1, takes nobody (65534) when the range is too
// short to reach it.
func idMaps(callerID, base, count int) []IDMap {
	maps := []IDMap{{Inner: 0, Outer: callerID, Count: 1}}
	if count < 3 {
		return maps
	}
	maps = append(maps, IDMap{Inner: 1, Outer: base + 1, Count: count - 2})
	if count-2 < nobody {
		maps = append(maps, IDMap{Inner: nobody, Outer: base + count - 1, Count: 1})
	}
	return maps
}

// newidmapArgs gives maps as new[ug]idmap wants them: inner outer count triples.
func newidmapArgs(pid int, maps []IDMap) []string {
	args := []string{strconv.Itoa(pid)}
	for _, m := range maps {
		args = append(args, strconv.Itoa(m.Inner), strconv.Itoa(m.Outer), strconv.Itoa(m.Count))
	}
	return args
}

// subidRange finds the first range of user (by name or numeric uid) in an /etc/subuid-style file.
func subidRange(path, name string, id int) (base, count int, err error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return 0, 0, &SetupError{Problem: NoSubids, Detail: path + " does not exist",
				Fix: fmt.Sprintf("run `usermod --add-subuids 100000-299999 --add-subgids 100000-299999 %s` as root", name)}
		}
		return 0, 0, fmt.Errorf("reading subordinate ids: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Split(strings.TrimSpace(sc.Text()), ":")
		if len(fields) != 3 || (fields[0] != name && fields[0] != strconv.Itoa(id)) {
			continue
		}
		b, err1 := strconv.Atoi(fields[1])
		c, err2 := strconv.Atoi(fields[2])
		if err1 != nil || err2 != nil || b < 0 || c <= 0 {
			return 0, 0, fmt.Errorf("%s:%d: malformed entry %q", path, line, sc.Text())
		}
		return b, c, nil
	}
	if err := sc.Err(); err != nil {
		return 0, 0, fmt.Errorf("reading %s: %w", path, err)
	}
	return 0, 0, &SetupError{Problem: NoSubids, Detail: fmt.Sprintf("%s has no range for user %s", path, name),
		Fix: fmt.Sprintf("run `usermod --add-subuids 100000-299999 --add-subgids 100000-299999 %s` as root", name)}
}

// sysctlInt reads an integer sysctl; ok is false when it does not exist.
func sysctlInt(procSys, name string) (v int, ok bool) {
	b, err := os.ReadFile(filepath.Join(procSys, filepath.FromSlash(name)))
	if err != nil {
		return 0, false
	}
	v, err = strconv.Atoi(strings.TrimSpace(string(b)))
	return v, err == nil
}

// userPlan is what an unprivileged caller needs to set up its namespace.
type userPlan struct {
	newuidmap, newgidmap string
	uidMaps, gidMaps     []IDMap
}

// checkHost verifies that h can create a user namespace with subordinate ids and plans the maps.
// All problems are *SetupError values.
func checkHost(h Host) (userPlan, error) {
	var p userPlan
	if v, ok := sysctlInt(h.ProcSys, "kernel/unprivileged_userns_clone"); ok && v == 0 {
		return p, &SetupError{Problem: UserNSDisabled, Detail: "kernel.unprivileged_userns_clone is 0",
			Fix: "run `sysctl -w kernel.unprivileged_userns_clone=1` as root"}
	}
	if v, ok := sysctlInt(h.ProcSys, "user/max_user_namespaces"); ok && v == 0 {
		return p, &SetupError{Problem: UserNSDisabled, Detail: "user.max_user_namespaces is 0",
			Fix: "run `sysctl -w user.max_user_namespaces=10000` as root"}
	}
	if v, ok := sysctlInt(h.ProcSys, "kernel/apparmor_restrict_unprivileged_userns"); ok && v == 1 {
		return p, &SetupError{Problem: UserNSDisabled, Detail: "AppArmor restricts unprivileged user namespaces",
			Fix: "run `sysctl -w kernel.apparmor_restrict_unprivileged_userns=0` as root or give gobake an AppArmor profile with `userns,`"}
	}
	for _, t := range []struct {
		dst  *string
		set  string
		name string
	}{{&p.newuidmap, h.Newuidmap, "newuidmap"}, {&p.newgidmap, h.Newgidmap, "newgidmap"}} {
		path := t.set
		if path == "" {
			path = t.name
		}
		found, err := osexec.LookPath(path)
		if err != nil {
			return p, &SetupError{Problem: NoNewuidmap, Detail: fmt.Sprintf("%s not found: %v", t.name, err),
				Fix: "run `apt-get install uidmap` as root"}
		}
		*t.dst = found
	}
	ub, uc, err := subidRange(h.Subuid, h.User, h.UID)
	if err != nil {
		return p, err
	}
	gb, gc, err := subidRange(h.Subgid, h.User, h.UID)
	if err != nil {
		return p, err
	}
	p.uidMaps = idMaps(h.UID, ub, uc)
	p.gidMaps = idMaps(h.GID, gb, gc)
	return p, nil
}
