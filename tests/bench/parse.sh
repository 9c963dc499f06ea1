#!/bin/bash
# Parse speed of gobake and, when present, upstream BitBake on the same Isar build directory
# (issue #4): `-p` (parse every recipe of every multiconfig) and `-e TARGET`.
#
# usage: tests/bench/parse.sh ISAR BUILDDIR [TARGET...]
#   ISAR      an upstream Isar checkout (its bitbake/ is the oracle; BITBAKE=0 skips it)
#   BUILDDIR  an Isar build directory (../shared/oracle/init-build.sh makes one; FULL_MC=1
#             there keeps all 69 multiconfigs of mc.conf)
#   TARGET    targets for -e (default: mc:qemuamd64-bookworm:hello-isar)
#   RUNS=3    runs per measurement; the median wall time and the largest peak RSS are shown
#
# gobake has no parse cache: every run is cold. BitBake is measured cold (its parse and
# codeparser caches, ${TMPDIR}/cache and ${TOPDIR}/cache, removed before each run) and warm
# (the same again with the caches its previous run left). Both run inside
# isar-init-build-env, as user builder when we are root (BitBake refuses root).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 2 ] || { sed -n '2,15p' "$0"; exit 2; }
ISAR=$(cd "$1" && pwd)
BUILD=$(cd "$2" && pwd)
shift 2
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(mc:qemuamd64-bookworm:hello-isar)
RUNS=${RUNS:-3}
BITBAKE=${BITBAKE:-1}
WORK=$(mktemp -d /tmp/gobake-parse.XXXXXX)
chmod 777 "$WORK" # builder writes its timings here
trap 'rm -rf "$WORK"' EXIT
go build -o "$WORK/gobake" ./cmd/gobake
chmod 755 "$WORK/gobake"

# inenv CMD...: CMD inside the build environment; output in $WORK/out, timing in $WORK/time.
inenv() {
	local script="cd '$ISAR' && . ./isar-init-build-env '$BUILD' >/dev/null &&
		exec /usr/bin/time -o '$WORK/time' -f '%e %M' $*"
	local env=(env LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin)
	if [ "$(id -u)" = 0 ] && id builder >/dev/null 2>&1; then
		sudo -u builder -H "${env[@]}" bash -c "$script" >"$WORK/out" 2>&1
	else
		"${env[@]}" bash -c "$script" >"$WORK/out" 2>&1
	fi
}

# measure LABEL PREP CMD...: RUNS runs of CMD (after PREP, a shell command run as us), one
# result line: median wall seconds, largest peak RSS, and the last line CMD printed.
measure() {
	local label=$1 prep=$2; shift 2
	local walls=() rss=0 i
	for ((i = 0; i < RUNS; i++)); do
		eval "$prep"
		if ! inenv "$@"; then
			echo "$label: failed, see below"; tail -5 "$WORK/out"; return 1
		fi
		read -r wall kb <"$WORK/time"
		walls+=("$wall")
		((kb > rss)) && rss=$kb
	done
	local median
	median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")
	printf '%-48s %8.2f s %8d MB   %s\n' "$label" "$median" $((rss / 1024)) \
		"$(grep -v '^\s*$' "$WORK/out" | tail -1 | cut -c1-90)"
}

echo "$(date -u '+%F %H:%M') UTC, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); $BUILD; median of $RUNS"
printf '%-48s %10s %11s   %s\n' measurement wall "peak RSS" "last line"
measure "gobake -p" : "$WORK/gobake" -p
for t in "${TARGETS[@]}"; do
	measure "gobake -e $t" : "$WORK/gobake" -e "$t"
done
if [ "$BITBAKE" = 1 ]; then
	cold="rm -rf '$BUILD/tmp/cache' '$BUILD/cache'"
	measure "bitbake -p (cold)" "$cold" "$ISAR/bitbake/bin/bitbake" -p
	measure "bitbake -p (warm)" : "$ISAR/bitbake/bin/bitbake" -p
	for t in "${TARGETS[@]}"; do
		measure "bitbake -e $t (warm)" : "$ISAR/bitbake/bin/bitbake" -e "$t"
	done
fi
