// Package exec runs commands with root privileges for a build, with or without real root.
//
// # The interface
//
// A Runner runs a Cmd (an Argv, or a shell Script run by /bin/sh -c) as root, on the host or
// chrooted in Cmd.Rootfs with Cmd.Binds and, unless NoSystemMounts, /proc, /sys and /dev:
//
//	r, err := exec.Open(ctx, exec.Options{Mode: mode, Namespace: exec.NamespaceOptions{Self: self}})
//	defer r.Close()                                   // ends the build namespace
//	err = r.Run(ctx, exec.Cmd{Argv: []string{"mount", "-t", "tmpfs", "none", dir}})
//	err = r.Run(ctx, exec.Cmd{Rootfs: rootfs, Script: "apt-get update", Binds: binds})
//	cmd.Env = r.TaskEnv(env) // an unprivileged task body whose `sudo` reaches r
//
// A command that ran and failed returns an *ExitError (exit code or signal); one that could not
// start, a *StartError. Cancelling ctx kills the command. The runqueue runs task bodies as the
// build user with TaskEnv's environment, so Isar recipes that call `sudo mount`, `sudo chroot`
// or `sudo -s <<EOF` work unchanged, and uses Run for what gobake itself runs as root.
//
// # Backends and their selection
//
// ModeFrom reads GOBAKE_CHROOT_MODE (gobake's own, it wins), then Isar's ISAR_CHROOT_MODE;
// each takes "unshare" or "schroot", and the default is "unshare".
//
//   - Namespace (mode "unshare"): a build namespace. StartNamespace re-executes the program
//     (NamespaceOptions.Self, e.g. `gobake __ns`, which must call Main) as a holder process in new
//     user, mount, pid, uts and ipc namespaces, created with clone flags of golang.org/x/sys/unix
//     and syscall, not with unshare(1). A Go process cannot setns into a user namespace (it is
//     multithreaded), so one long-lived holder serves every command of the build over a unix
//     socket, receiving each command's stdin, stdout and stderr as SCM_RIGHTS and forking it as
//     namespace root. A mount made by one command is therefore seen by the next and never on the
//     host. A command with a Rootfs is forked from a locked OS thread that has its own mount
//     namespace (a child of the build's) and root, so its chroot mounts vanish with it.
//   - Schroot (mode "schroot"): the classic way: host commands through `sudo -E -n` (directly as
//     root), rootfs commands in a session of a directory-type schroot chroot whose definition,
//     fstab (system mounts and binds) and empty copyfiles/nssdatabases Schroot writes for the call
//     under /etc/schroot and removes afterwards; the session is ended even when the command, or
//     the session setup itself, fails.
//   - Bwrap: Isar's rootfs_cmd. It runs as the caller, not root, in bubblewrap: the rootfs is
//     bound at / with its bin, etc, lib, lib64, sys, usr and var read-only; without a rootfs those
//     come from the host, so that host tools work on directories bound in.
//
// # Ids in the build namespace
//
// As an unprivileged user, namespace root is the caller and namespace id k (1 <= k <= count-2)
// is base+k, where base:count is the caller's range in /etc/subuid (and /etc/subgid): uid 1000
// of a rootfs is base+1000 on the host, as with Isar's rootless mode. When the range does not
// reach 65534, nobody/nogroup take base+count-1 (Isar's condition, count < 65534, misses a
// count of exactly 65535). The maps are written by newuidmap and
// newgidmap, which take "inner outer count" triples (IDMap.String gives util-linux unshare's
// outer,inner,count form). The holder starts without capabilities; once the maps are written it
// re-executes itself, and execve as namespace root grants them. Files owned by subordinate ids
// cannot be removed by the caller: RemoveAll (and `gobake clean-privileged`) removes them through
// the namespace. A rootfs made by `mmdebstrap --mode=unshare` should be produced as a tarball and
// unpacked through the namespace (its root files then belong to the caller), as Isar does. As
// real root no user namespace is made; the other namespaces still are, and / is made a slave
// mount so that nothing propagates to the host.
//
// # Lifetime
//
// The holder is pid 1 of the build's pid namespace and reaps every process in it. It exits when
// gobake closes the namespace or dies, even by SIGKILL: it reads a pipe whose only write end
// gobake holds, and it has PR_SET_PDEATHSIG. When pid 1 exits the kernel kills every process of
// the pid namespace, and with the last of them the mount namespace and all its mounts go away.
//
// # Host problems
//
// StartNamespace reports a host that cannot run it as a *SetupError whose Problem is
// UserNSDisabled (kernel.unprivileged_userns_clone, user.max_user_namespaces, AppArmor's
// kernel.apparmor_restrict_unprivileged_userns), NoNewuidmap (package uidmap) or NoSubids (no
// /etc/subuid or /etc/subgid range), and whose message names the fix. Host fields redirect
// /proc/sys, the subid files and the newuidmap paths (tests use fixtures).
//
// # Known limits
//
// Inside a user namespace mknod and loop devices do not work, and mounts copied from the host
// are locked together: `umount -R` of an rbind of /dev can fail on hosts with stacked /dev
// mounts (`umount -l` works). The build namespace mounts a /proc of its own pid namespace where the
// kernel allows it (not under a masked container /proc, where chroots get a bind of the host's).
// The sudo shim is found through PATH (a script calling /usr/bin/sudo by path bypasses it); it
// understands -E, -s, -i, -H, -n, -u, -g and VAR=value, and `sudo -u USER` runs as USER's id
// inside the namespace (base+id on the host), not as the host user.
//
// # Figures
//
// `go test -run '^$' -bench . ./internal/exec`, run as an unprivileged user (as root it measures
// the namespace without a user namespace): one call in an existing namespace about 1.1 ms,
// `sudo` through the shim from a shell about 4.2 ms, creating and closing a namespace about
// 11 ms on an idle 2-core VM (1.3 ms, 5.3 ms and 25-50 ms at a load average of 15).
//
// # Tests
//
// Tests that need an unprivileged user with subordinate ids re-run themselves, when the test
// binary runs as root (as CI does), as $GOBAKE_TEST_USER, gobake-ci (made by .ci/install.sh) or
// builder, through setpriv. The rootless acceptance test builds a bookworm minbase tarball with
// mmdebstrap once a day into $GOBAKE_TEST_CACHE (default $TMPDIR/gobake-exec-cache). Missing
// facilities skip with the reason.
package exec
