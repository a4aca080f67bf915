#!/usr/bin/env bash
# Runs one of the README's quick-start commands inside a scratch Debian 12
# root with nothing installed (debootstrap --variant=minbase), as root: the
# proof that the fresh-machine steps work, independent of what this machine
# has installed already.
#
# usage: test/setup/fresh-root.sh [quickstart|test|setup|package DEB]
#   quickstart  bash scripts/quickstart.sh (set up, build, scan the example)
#   test        bash scripts/test.sh       (set up, build, every test)
#   setup       bash scripts/setup-debian.sh only
#   package     apt-get install the .deb DEB (with the example's headers and
#               clang-tidy-19), then test/setup/run-installed.sh
#
# The minbase root is cached as a tarball in $SESSIONLINT_ROOT_CACHE
# (default /var/cache/sessionlint/fresh-root); downloaded packages are shared
# with this machine's apt cache. Each run unpacks a new root and removes it.
set -euo pipefail
what="${1:-quickstart}"
case "$what" in
  quickstart) command="bash scripts/quickstart.sh" ;;
  test) command="bash scripts/test.sh" ;;
  setup) command="bash scripts/setup-debian.sh" ;;
  package)
    deb="${2:-}"
    [ -f "$deb" ] || { echo "fresh-root.sh: package needs the .deb to install" >&2; exit 2; }
    deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
    command="apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /src/sessionlint.deb clang-tidy-19 libboost-dev libpqxx-dev g++ >/tmp/apt.log 2>&1 || { tail -20 /tmp/apt.log; exit 1; }; bash test/setup/run-installed.sh" ;;
  *) echo "fresh-root.sh: unknown command '$what' (quickstart, test, setup or package)" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "fresh-root.sh: run as root (it uses chroot and mount)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "fresh-root.sh: needs debootstrap (apt-get install debootstrap)" >&2; exit 2; }

repo="$(cd "$(dirname "$0")/../.." && pwd)"
cache="${SESSIONLINT_ROOT_CACHE:-/var/cache/sessionlint/fresh-root}"
mirror="${SESSIONLINT_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
tarball="$cache/bookworm-minbase.tar"
mkdir -p "$cache"
if [ ! -s "$tarball" ]; then
  echo "fresh-root: debootstrap --variant=minbase bookworm (cached in $cache)"
  staging="$(mktemp -d "$cache/staging.XXXXXX")"
  debootstrap --variant=minbase bookworm "$staging" "$mirror" >"$cache/debootstrap.log" 2>&1 \
    || { tail -20 "$cache/debootstrap.log" >&2; rm -rf "$staging"; exit 1; }
  # The sources of a standard Debian 12 installation: main, updates and
  # security (LLVM 22 is in bookworm-security).
  rm -f "$staging/etc/apt/sources.list"
  cat >"$staging/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: ${mirror}
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/debian}/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  rm -rf "$staging"/var/cache/apt/archives/*.deb
  tar -C "$staging" -cf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"
  rm -rf "$staging"
fi

root="$(mktemp -d /var/tmp/sessionlint-fresh-root.XXXXXX)"
cleanup() {
  for m in var/cache/apt/archives dev/pts dev proc sys; do
    mountpoint -q "$root/$m" && umount -l "$root/$m"
  done
  rm -rf "$root"
}
trap cleanup EXIT
tar -C "$root" -xf "$tarball"
mkdir -p "$root/src/sessionlint"
# The repository as a fresh clone has it: tracked files plus the working
# tree's changes, no build directories.
(cd "$repo" && git ls-files -z --cached --others --exclude-standard | \
   tar --null -T - -cf -) | tar -C "$root/src/sessionlint" -xf -
[ "$what" = package ] && cp "$deb" "$root/src/sessionlint.deb"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
mkdir -p /var/cache/apt/archives/partial
mount --bind /var/cache/apt/archives "$root/var/cache/apt/archives"
echo "fresh-root: $command"
start=$(date +%s)
status=0
chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  LANG=C.UTF-8 bash -c "cd /src/sessionlint && $command" || status=$?
echo "fresh-root: '$command' exited with $status after $(( $(date +%s) - start )) s"
exit "$status"
