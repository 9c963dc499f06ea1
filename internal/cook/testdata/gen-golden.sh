#!/bin/bash
# Regenerate the `bitbake -e` goldens of the cooker tests with upstream BitBake.
# Usage: gen-golden.sh ISAR   (run as root or a sudoer; BitBake runs as user builder)
#
# Each fixture in fixtures/NAME (a build/ directory and layers, ##FIXTURE## standing for the
# fixture's root) and the embedded demo layer are copied to /tmp/gobake-golden/NAME, then
# `bitbake -e` runs there for every line of fixtures/NAME/targets ("-" is the global
# environment) with a fixed environment. Paths are replaced by placeholders so that the goldens
# do not depend on the machine: @FIXTURE@ for the fixture root, @ISAR@ for the checkout.
set -euo pipefail
ISAR=$(realpath "${1:?usage: gen-golden.sh ISAR}")
here=$(cd "$(dirname "$0")" && pwd)
root=/tmp/gobake-golden
out=$here/golden
runas() { if [ "$(id -un)" = builder ]; then "$@"; else sudo -u builder "$@"; fi; }

sudo rm -rf "$root"
mkdir -p "$root"
# The demo layer of the repository, as meta/conf/*.sample describe its build directory.
mkdir -p "$root/demo/build/conf"
cp -r "$here/../../../meta" "$root/demo/meta"
sed "s|##DEMOLAYER##|$root/demo/meta|" "$root/demo/meta/conf/bblayers.conf.sample" >"$root/demo/build/conf/bblayers.conf"
cp "$root/demo/meta/conf/local.conf.sample" "$root/demo/build/conf/local.conf"
printf -- '-\ndemo-image\ngreeter\ngreeting-data\n' >"$root/demo/targets"
for f in "$here"/fixtures/*/; do
	name=$(basename "$f")
	cp -r "$f" "$root/$name"
	grep -rl '##FIXTURE##' "$root/$name" | xargs -r sed -i "s|##FIXTURE##|$root/$name|g"
done
sudo chown -R builder "$root"

for dir in "$root"/*/; do
	dir=${dir%/}
	name=$(basename "$dir")
	mkdir -p "$out/$name"
	rm -f "$out/$name"/*.env
	while read -r target; do
		[ -n "$target" ] || continue
		args=(-e)
		file=global
		if [ "$target" != - ]; then
			args+=("$target")
			file=$(echo "$target" | tr ':/' '__')
		fi
		# The environment gobake's golden test reproduces (see golden_test.go).
		(cd "$dir/build" && runas env -i HOME=/home/builder USER=builder LOGNAME=builder SHELL=/bin/bash \
			LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 PATH="$ISAR/bitbake/bin:/usr/bin:/bin" \
			BB_ENV_PASSTHROUGH_ADDITIONS="BB_NUMBER_THREADS GOLDEN_FROM_ENV" BB_NUMBER_THREADS=2 GOLDEN_FROM_ENV=passed \
			"$ISAR/bitbake/bin/bitbake" "${args[@]}") >"$root/$name.$file.raw" 2>"$root/$name.$file.err" ||
			{ echo "bitbake ${args[*]} failed in $dir/build:"; tail -20 "$root/$name.$file.err"; exit 1; }
		# Drop the progress lines before the dump; mask machine paths.
		# The root appears plain, escaped as re.escape does (LAYERDIR_RE) and translated into the
		# names of anonymous functions (/.+-@%&~ become _).
		fix=$root/$name
		fix_re=$(/usr/bin/python3 -c 'import re,sys; print(re.escape(sys.argv[1]).replace("\\", "\\\\"))' "$fix")
		fix_anon=$(echo "$fix" | tr '/.+@%&~-' '________')
		sed -n '/^#$/,$p' "$root/$name.$file.raw" |
			sed -e "s|$fix_re|@FIXTURE_RE@|g" -e "s|$fix_anon|@FIXTURE_ANON@|g" -e "s|$fix|@FIXTURE@|g" \
				-e "s|$ISAR|@ISAR@|g" -e 's|DataSmart object at 0x[0-9a-f]*|DataSmart object at 0x0|' >"$out/$name/$file.env"
		echo "$name/$file.env: $(grep -c '^[a-zA-Z_].*=\|^[^ ]*() {' "$out/$name/$file.env") entries"
	done <"$dir/targets"
	(cd "$dir/build" && runas env -i HOME=/home/builder PATH="$ISAR/bitbake/bin:/usr/bin:/bin" LC_ALL=en_US.UTF-8 \
		"$ISAR/bitbake/bin/bitbake" -m >/dev/null 2>&1) || true
done
