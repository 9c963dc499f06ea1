#!/bin/bash
# End-to-end scheduler overhead of `gobake TARGET` and, with ISAR, upstream `bitbake TARGET`
# on the synthetic layers of tests/bench/synth (one fresh build directory per run).
#
# usage: tests/bench/e2e.sh [ISAR]
#   SPECS: ";"-separated "shape recipes tasks"; default: fan-in of 20,000 noexec tasks, a
#   chain of 10,000 noexec tasks, chains of 900 and 1,000 (around BitBake's recursion
#   limit), 1,000 empty shell tasks. THREADS=2 (BB_NUMBER_THREADS).
#
# For each layer and tool: G = wall time of `-g top` (parse + graph), B = wall time of
# `top` (parse + graph + signatures + scheduling and running every task) in a fresh build
# directory; per task = (B - G) / tasks. BitBake runs as user builder (when we are root)
# after a `bitbake -p` that fills its parse cache, so that both of its timed runs load it.
set -euo pipefail
cd "$(dirname "$0")/../.."
ISAR=${1:-}
[ -n "$ISAR" ] && ISAR=$(cd "$ISAR" && pwd)
SPECS=${SPECS:-fanin 1000 20;chain 500 20;chain 45 20;chain 50 20;shell 100 10}
THREADS=${THREADS:-2}
WORK=$(mktemp -d /tmp/gobake-e2e.XXXXXX)
chmod 755 "$WORK"
trap 'rm -rf "$WORK"' EXIT
go build -o "$WORK/gobake" ./cmd/gobake
go build -o "$WORK/gensynth" ./tests/bench/gensynth

now() { date +%s.%N; }
secs() { echo "scale=3; ($2 - $1) / 1" | bc; }
pertask() { echo "scale=4; ($2 - $1) * 1000 / $3" | bc; }

bb() { # bb DIR ARGS...: bitbake in DIR, output in DIR/bb.out
	local dir=$1; shift
	local env=(env LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 PATH="$ISAR/bitbake/bin:/usr/bin:/bin:/usr/sbin:/sbin")
	if [ "$(id -u)" = 0 ] && id builder >/dev/null 2>&1; then
		(cd "$dir" && sudo -u builder "${env[@]}" bitbake "$@") >"$dir/bb.out" 2>&1
	else
		(cd "$dir" && "${env[@]}" bitbake "$@") >"$dir/bb.out" 2>&1
	fi
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
printf '%-7s %7s | %-8s %8s %8s %10s | %s\n' layer tasks tool "-g (s)" "build(s)" "ms/task" note
IFS=';' read -ra specs <<<"$SPECS"
for spec in "${specs[@]}"; do
	set -- $spec
	shape=$1 recipes=$2 tasks=$3
	n=$((recipes * tasks))
	d=$WORK/$shape-$n-gobake
	"$WORK/gensynth" -shape "$shape" -recipes "$recipes" -tasks "$tasks" -threads "$THREADS" "$d" >/dev/null
	cd "$d/build"
	t0=$(now); "$WORK/gobake" -g top >/dev/null; t1=$(now)
	/usr/bin/time -o "$d/cpu" -f '%U %S' "$WORK/gobake" top >"$d/gobake.out" 2>&1 || { tail -5 "$d/gobake.out"; exit 1; }
	t2=$(now)
	cd - >/dev/null
	sum="$(grep '^Summary: ' "$d/gobake.out" | head -1); build CPU $(awk '{print $1 + $2}' "$d/cpu") s"
	printf '%-7s %7d | %-8s %8s %8s %10s | %s\n' "$shape" "$n" gobake "$(secs $t0 $t1)" "$(secs $t1 $t2)" \
		"$(pertask "$(secs $t0 $t1)" "$(secs $t1 $t2)" $n)" "$sum"
	[ -n "$ISAR" ] || continue
	d=$WORK/$shape-$n-bitbake
	"$WORK/gensynth" -shape "$shape" -recipes "$recipes" -tasks "$tasks" -threads "$THREADS" "$d" >/dev/null
	[ "$(id -u)" = 0 ] && id builder >/dev/null 2>&1 && chown -R builder "$d"
	bb "$d/build" -p || { tail -5 "$d/build/bb.out"; exit 1; }
	t0=$(now); g=ok; bb "$d/build" -g top || g=failed; t1=$(now)
	if [ $g = failed ]; then
		note=$(grep -m1 RecursionError "$d/build/bb.out" || grep -m1 ERROR "$d/build/bb.out" || tail -1 "$d/build/bb.out")
		printf '%-7s %7d | %-8s %8s %8s %10s | -g failed: %s\n' "$shape" "$n" bitbake "$(secs $t0 $t1)" - - "$note"
		continue
	fi
	rc=0; bb "$d/build" top || rc=$?; t2=$(now)
	note=$(grep -m1 'Tasks Summary' "$d/build/bb.out" || true)
	[ $rc = 0 ] || note="exit $rc: $(grep -m1 RecursionError "$d/build/bb.out" || grep -m1 ERROR "$d/build/bb.out" || tail -1 "$d/build/bb.out")"
	printf '%-7s %7d | %-8s %8s %8s %10s | %s\n' "$shape" "$n" bitbake "$(secs $t0 $t1)" "$(secs $t1 $t2)" \
		"$(pertask "$(secs $t0 $t1)" "$(secs $t1 $t2)" $n)" "$note"
done
