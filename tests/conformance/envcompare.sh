#!/bin/bash
# Migration check: run upstream BitBake and gobake on the same build directory and report, per
# target, the variables and functions whose `-e` values differ.
#
# Usage: envcompare.sh BITBAKE_DIR BUILDDIR [TARGET...]
#   BITBAKE_DIR  a directory holding bin/bitbake (upstream BitBake 2.8, e.g. $ISAR/bitbake)
#   BUILDDIR     the build directory (conf/bblayers.conf, conf/local.conf)
#   TARGET       "-" (or nothing) for the global environment, a recipe, or mc:NAME:recipe;
#                "all" for every recipe `gobake -s` lists, plain and in every multiconfig
# A target that bitbake rejects must be rejected by gobake with the same error lines (close
# matches included); where bitbake prints an environment despite errors, it is compared too.
# Environment: GOBAKE (default: bin/gobake of this repository), OUT (default: a temp dir) keeps
# the dumps, ENVDIFF_FLAGS is passed to envdiff (e.g. "-show 50 -ignore FOO").
# Run it in the environment you build in (e.g. after sourcing isar-init-build-env); both tools
# see the same environment. Exit status: 0 when every target matches.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
BB=$(realpath "${1:?usage: envcompare.sh BITBAKE_DIR BUILDDIR [TARGET...]}")
BUILD=$(realpath "${2:?usage: envcompare.sh BITBAKE_DIR BUILDDIR [TARGET...]}")
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(-)
GOBAKE=${GOBAKE:-$repo/bin/gobake}
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"
(cd "$repo" && go build -buildvcs=false -o "$OUT/envdiff" ./tests/conformance/envdiff/cmd/envdiff) || exit 2
if [ "${targets[*]}" = all ]; then
	pns=$(cd "$BUILD" && "$GOBAKE" -s 2>/dev/null | awk 'NR > 3 && NF > 0 {print $1}')
	mcs=$(cd "$BUILD" && "$GOBAKE" getvar --value BBMULTICONFIG 2>/dev/null)
	targets=(-)
	for mc in "" $mcs; do
		for pn in $pns; do targets+=("${mc:+mc:$mc:}$pn"); done
	done
fi
# errors FILE: the error lines of a run, without BitBake's notes, progress and summary.
errors() { grep -v -e '^$' -e '^NOTE: ' -e '^Parsing ' -e '^Loading ' -e '^Loaded ' -e '^Summary: ' "$1"; }
status=0
for t in "${targets[@]}"; do
	args=(-e)
	name=global
	if [ "$t" != - ]; then args+=("$t"); name=$(echo "$t" | tr ':/' '__'); fi
	bbok=1 gbok=1
	(cd "$BUILD" && "$BB/bin/bitbake" "${args[@]}") >"$OUT/$name.bitbake.env" 2>"$OUT/$name.bitbake.err" || bbok=0
	(cd "$BUILD" && "$GOBAKE" "${args[@]}") >"$OUT/$name.gobake.env" 2>"$OUT/$name.gobake.err" || gbok=0
	if [ $bbok != $gbok ]; then
		echo "== $t: bitbake exit ok=$bbok, gobake exit ok=$gbok; see $OUT/$name.*.err"
		status=1
	elif [ $bbok = 0 ] && ! diff <(errors "$OUT/$name.bitbake.err") <(errors "$OUT/$name.gobake.err") >"$OUT/$name.err.diff"; then
		echo "== $t: both fail, with different errors:"
		sed 's/^/   /' "$OUT/$name.err.diff"
		status=1
	elif [ $bbok = 0 ]; then
		echo "== $t: both fail alike: $(errors "$OUT/$name.bitbake.err" | head -1)"
	fi
	# bitbake may print an environment and fail (missing dependencies); compare it then.
	grep -q '^# \$' "$OUT/$name.bitbake.env" || continue
	# shellcheck disable=SC2086
	result=$("$OUT/envdiff" ${ENVDIFF_FLAGS:-} "$OUT/$name.bitbake.env" "$OUT/$name.gobake.env") || status=1
	echo "== $t: $(echo "$result" | tail -1)"
	echo "$result" | head -n -1 | sed 's/^/   /'
done
echo "dumps in $OUT"
exit $status
