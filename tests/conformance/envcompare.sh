#!/bin/bash
# Migration check: run upstream BitBake and gobake on the same build directory and report, per
# target, the variables and functions whose `-e` values differ.
#
# Usage: envcompare.sh BITBAKE_DIR BUILDDIR [TARGET...]
#   BITBAKE_DIR  a directory holding bin/bitbake (upstream BitBake 2.8, e.g. $ISAR/bitbake)
#   BUILDDIR     the build directory (conf/bblayers.conf, conf/local.conf)
#   TARGET       "-" (or nothing) for the global environment, a recipe, or mc:NAME:recipe
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
(cd "$repo" && go build -o "$OUT/envdiff" ./tests/conformance/envdiff/cmd/envdiff) || exit 2
status=0
for t in "${targets[@]}"; do
	args=(-e)
	name=global
	if [ "$t" != - ]; then args+=("$t"); name=$(echo "$t" | tr ':/' '__'); fi
	(cd "$BUILD" && "$BB/bin/bitbake" "${args[@]}") >"$OUT/$name.bitbake.env" 2>"$OUT/$name.bitbake.err" ||
		{ echo "$t: bitbake failed, see $OUT/$name.bitbake.err"; status=1; continue; }
	(cd "$BUILD" && "$GOBAKE" "${args[@]}") >"$OUT/$name.gobake.env" 2>"$OUT/$name.gobake.err" ||
		{ echo "$t: gobake failed, see $OUT/$name.gobake.err"; status=1; continue; }
	# shellcheck disable=SC2086
	result=$("$OUT/envdiff" ${ENVDIFF_FLAGS:-} "$OUT/$name.bitbake.env" "$OUT/$name.gobake.env") || status=1
	echo "== $t: $(echo "$result" | tail -1)"
	echo "$result" | head -n -1 | sed 's/^/   /'
done
echo "dumps in $OUT"
exit $status
