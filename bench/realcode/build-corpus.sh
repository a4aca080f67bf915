#!/usr/bin/env bash
# Real-world corpora (issue 12.1): for each Debian 12 source package given
# (default: the list below), fetch the source with a temporary deb-src
# entry, install its build dependencies, configure it so that it writes
# compile_commands.json (CMake's export; Meson's own; `bear` around the
# build for autotools, with a compiler stand-in so nothing is compiled),
# strip gcc-only flags clang rejects, and record the version. Runs outside
# CI (it takes long and needs root); results are reported, not asserted.
#
# usage: bench/realcode/build-corpus.sh [--dir DIR] [package ...]
#   DIR defaults to /var/tmp/sessionlint-realcode; each package lands in
#   DIR/<package>/ with src/, build/compile_commands.json and VERSION.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir=/var/tmp/sessionlint-realcode
if [ "${1:-}" = --dir ]; then dir="$2"; shift 2; fi
packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=(soci osm2pgsql pdns pdns-recursor libpqxx i2pd)
[ "$(id -u)" -eq 0 ] || { echo "build-corpus: run as root (apt-get build-dep)" >&2; exit 2; }
mkdir -p "$dir"

# A temporary deb-src entry, removed on exit whatever happens.
srcs=/etc/apt/sources.list.d/sessionlint-deb-src.sources
cleanup() { rm -f "$srcs"; }
trap cleanup EXIT
cat > "$srcs" <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
apt-get update -q >/dev/null
command -v bear >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q bear >/dev/null

for pkg in "${packages[@]}"; do
  out="$dir/$pkg"
  echo "build-corpus: $pkg"
  rm -rf "$out" && mkdir -p "$out"
  (cd "$out" && apt-get source -q "$pkg" > source.log 2>&1) \
    || { echo "build-corpus: $pkg: apt-get source failed (see $out/source.log)" >&2; continue; }
  src="$(find "$out" -mindepth 1 -maxdepth 1 -type d | head -1)"
  mv "$src" "$out/src"
  (cd "$out/src" && dpkg-parsechangelog -S Version) > "$out/VERSION"
  DEBIAN_FRONTEND=noninteractive apt-get build-dep -y -q "$pkg" > "$out/build-dep.log" 2>&1 \
    || { echo "build-corpus: $pkg: build-dep failed (see $out/build-dep.log)" >&2; continue; }
  mkdir -p "$out/build"
  # CMake at the top, or where debian/rules points dh (i2pd's is in build/).
  if [ -f "$out/src/CMakeLists.txt" ] || grep -q 'buildsystem=cmake' "$out/src/debian/rules"; then
    # Configured as Debian configures it (debian/rules and its overrides
    # know the package's options: external libraries, features); CMake
    # 3.17+ takes the export switch from the environment.
    (cd "$out/src" && export CMAKE_EXPORT_COMPILE_COMMANDS=ON &&
      if grep -q '^override_dh_auto_configure' debian/rules; then
        debian/rules override_dh_auto_configure
      else
        dh_auto_configure
      fi) > "$out/configure.log" 2>&1 \
      || { echo "build-corpus: $pkg: configure failed (see $out/configure.log)" >&2; continue; }
    db="$(find "$out/src" -name compile_commands.json -not -path '*/CMakeFiles/*' | head -1)"
    [ -n "$db" ] || { echo "build-corpus: $pkg: no compile_commands.json written" >&2; continue; }
    cp "$db" "$out/build/compile_commands.json"
    # Generated headers (config.h, version.hpp, ...) that sources include.
    # (Only those: with no such target, make would build everything.)
    headers="$(cd "$(dirname "$db")" && make -qp 2>/dev/null |
      sed -n 's/^\([^ :#]*\.\(h\|hh\|hpp\|hxx\)\):.*/\1/p' | sort -u || true)"
    if [ -n "$headers" ]; then
      (cd "$(dirname "$db")" && make -k -j"$(nproc)" $headers) > "$out/generate.log" 2>&1 || true
    fi
  elif [ -f "$out/src/meson.build" ]; then
    meson setup "$out/build" "$out/src" > "$out/configure.log" 2>&1 \
      || { echo "build-corpus: $pkg: meson failed (see $out/configure.log)" >&2; continue; }
  else
    # autotools: configure for real, then record a build whose compiler
    # only records (bear), so nothing is compiled.
    (cd "$out/src" && { [ -x configure ] || autoreconf -fi; } && ./configure > "$out/configure.log" 2>&1) \
      || { echo "build-corpus: $pkg: configure failed (see $out/configure.log)" >&2; continue; }
    # bear records what it recognises as a compiler by name: the stand-in
    # is called c++ and cc.
    mkdir -p "$out/fake-bin"
    ln -sf "$here/fake-cxx.sh" "$out/fake-bin/c++"
    ln -sf "$here/fake-cxx.sh" "$out/fake-bin/cc"
    (cd "$out/src" && bear --output "$out/build/compile_commands.json" -- \
      make -k -j"$(nproc)" CXX="$out/fake-bin/c++" CC="$out/fake-bin/cc" > "$out/bear.log" 2>&1) || true
    # The database names the real compiler, so that clang tooling knows
    # the language mode and finds the same system headers.
    sed -i "s|$out/fake-bin/c++|/usr/bin/c++|g; s|$out/fake-bin/cc|/usr/bin/cc|g" \
      "$out/build/compile_commands.json"
  fi
  python3 "$here/clean-database.py" "$out/build/compile_commands.json"
  echo "build-corpus: $pkg $(cat "$out/VERSION"): $(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$out/build/compile_commands.json") entries"
done
