#!/usr/bin/env bash
# Installs what sessionlint needs to build, test and run its example on a
# fresh Debian 12, as root. Installs only what is missing; safe to re-run.
#
#   setup-debian.sh           install what is missing
#   setup-debian.sh --list    print the packages this machine gets, one a line
#   setup-debian.sh --fresh   print the packages a fresh Debian 12 gets
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

mapfile -t packages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' \
                          "$here/debian-packages.txt")

# npm, for the SARIF validator: Debian's nodejs + npm, unless a node
# installation (nodesource, which bundles npm and conflicts with Debian's
# npm package) already provides it. A fresh Debian 12 has none.
case "${1:-}" in
  --fresh)
    printf '%s\n' "${packages[@]}" nodejs npm
    exit 0 ;;
  --list|"") ;;
  *) echo "setup-debian.sh: unknown argument '$1' (use --list or --fresh)" >&2
     exit 2 ;;
esac
if ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi
if [ "${1:-}" = --list ]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root (missing: ${missing[*]})" >&2; exit 2; }
  sudo=sudo
fi
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
