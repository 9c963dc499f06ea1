#!/usr/bin/env bash
# Installs the host packages gobake's tests use (Debian bookworm, as root). Idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if [ "$(id -u)" != 0 ]; then
  echo "install.sh: run as root (it uses apt-get)" >&2
  exit 1
fi
pkgs=(make gcc git python3 ca-certificates)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# internal/exec (privileged execution): user namespaces, schroot, bubblewrap, and mmdebstrap >= 1.5
# from bookworm-backports for the rootless acceptance tests; an unprivileged user with a subid range
# that the tests drop to when CI runs them as root.
exec_pkgs=(uidmap util-linux schroot bubblewrap sudo acl tar)
exec_missing=()
for p in "${exec_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || exec_missing+=("$p")
done
bpo=/etc/apt/sources.list.d/gobake-bookworm-backports.sources
if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  printf '%s\n' 'Types: deb' 'URIs: http://deb.debian.org/debian' 'Suites: bookworm-backports' \
    'Components: main' 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' > "$bpo"
  apt-get update -q
fi
if ! dpkg --compare-versions "$(dpkg-query -W -f='${Version}' mmdebstrap 2>/dev/null || echo 0)" ge 1.5; then
  exec_missing+=(mmdebstrap/bookworm-backports)
fi
if [ ${#exec_missing[@]} -gt 0 ]; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${exec_missing[@]}"
fi
if ! getent passwd gobake-ci >/dev/null; then
  useradd --create-home --shell /bin/bash gobake-ci
fi
for f in /etc/subuid /etc/subgid; do
  grep -qs '^gobake-ci:' "$f" || echo 'gobake-ci:2000000:200000' >> "$f"
done
