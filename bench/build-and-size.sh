#!/usr/bin/env bash
# Measures a from-scratch Release build of sessionlint (ccache disabled, so
# the number is what a fresh CI machine pays) and the size of each binary.
# Usage: bench/build-and-size.sh [build-dir]   (default: a temporary dir)
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-$(mktemp -d)}"
rm -rf "$dir"
export CCACHE_DISABLE=1
start=$(date +%s)
cmake -S "$src" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$dir" -j "$(nproc)" >/dev/null
end=$(date +%s)
echo "build from scratch: $((end - start)) s on $(nproc) cores (ccache disabled)"
for bin in tool/sessionlint tool/SessionLint.so tool/sessionlint-clangd; do
  awk -v name="$(basename "$bin")" -v bytes="$(stat -c %s "$dir/$bin")" \
    'BEGIN { printf "%-26s %6.1f MB\n", name, bytes / 1048576 }'
done
