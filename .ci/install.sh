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
