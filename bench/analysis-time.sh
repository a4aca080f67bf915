#!/bin/bash
# Analysis cost on one large translation unit: sessionlint against
# `clang++ -fsyntax-only` on the same file and flags (the parse both pay).
# Target (issue 10): sessionlint within 1.5 times the compiler's time.
# The two run alternately (alternate.py) so that machine noise falls on
# both; times are medians.
#
# usage: bench/analysis-time.sh [build-dir] [functions] [spawns] [runs]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
functions=${2:-2000}
spawns=${3:-500}
runs=${4:-3}
major=$(sed -n 's/^SESSIONLINT_LLVM_MAJOR:STRING=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
clangxx=/usr/lib/llvm-${major:-19}/bin/clang++
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$root/bench/gen_large_tu.py" --functions "$functions" --spawns "$spawns" > "$work/big.cpp"
flags=(-std=c++20 -nostdinc++ -isystem "$root/test/Inputs")

read -r ct cm st sm < <(python3 "$root/bench/alternate.py" "$runs" "$work/out" \
  "$clangxx" -fsyntax-only "${flags[@]}" "$work/big.cpp" \
  ::: "$build/tool/sessionlint" --quiet "$work/big.cpp" -- "${flags[@]}")
findings=$(grep -c 'warning:.*\[sessionlint-' "$work/out" || true)
lines=$(wc -l < "$work/big.cpp")
ratio=$(python3 -c "print('%.2f' % ($st / $ct))")

echo "file: $functions functions, $spawns spawn sites, $lines lines"
echo "clang++ -fsyntax-only: ${ct} s, ${cm} KiB peak"
echo "sessionlint:           ${st} s, ${sm} KiB peak, $findings findings"
echo "ratio: $ratio (target <= 1.50)"
python3 -c "import sys; sys.exit(0 if $st <= 1.5 * $ct else 1)"
