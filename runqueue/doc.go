// Package runqueue builds the task graph and schedules task execution, with its state in
// sqlite.
package runqueue
