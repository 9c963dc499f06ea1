// Package exec runs task bodies, with a privileged-execution wrapper (unshare or schroot).
package exec
