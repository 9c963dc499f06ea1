#!/bin/sh
# Runqueue benchmarks: gobake's scheduler on synthetic graphs, and optionally upstream
# BitBake on the same graph.
#
# usage: tests/bench/runqueue.sh [ISAR [RECIPES]]
#   without ISAR: go test -bench for runqueue (20,000-task graph with and without stamps,
#                 sqlite state on; 10,000-task chain; graph construction)
#   with ISAR:    also times `bitbake` of every recipe of RECIPES (default 2000) x 10 noexec
#                 tasks written by runqueue_layer.py, and prints seconds per task.
set -eu
cd "$(dirname "$0")/../.."
go test -run '^$' -bench 'Schedule|Chain10k|Graph20k' -benchtime 3x ./runqueue/

[ $# -ge 1 ] || exit 0
ISAR=$(cd "$1" && pwd)
N=${2:-2000}
LAYER=$(mktemp -d)
trap 'rm -rf "$LAYER"' EXIT
/usr/bin/python3 tests/bench/runqueue_layer.py "$N" "$LAYER"
TARGETS=$(i=0; while [ $i -lt "$N" ]; do printf 'pkg%05d ' $i; i=$((i + 1)); done)
cd "$LAYER"
export BBPATH="$LAYER"
# Parse once so that the timed run measures scheduling, not parsing.
/usr/bin/python3 "$ISAR/bitbake/bin/bitbake" -p >/dev/null
START=$(date +%s.%N)
/usr/bin/python3 "$ISAR/bitbake/bin/bitbake" $TARGETS > bitbake.out 2>&1 || { tail -20 bitbake.out; exit 1; }
END=$(date +%s.%N)
TASKS=$(sed -n 's/.*Tasks Summary: Attempted \([0-9]*\) tasks.*/\1/p' bitbake.out)
echo "upstream bitbake: $TASKS tasks in $(echo "$END - $START" | bc) s (including cache load):" \
	"$(echo "scale=3; ($END - $START) * 1000 / $TASKS" | bc) ms/task"
