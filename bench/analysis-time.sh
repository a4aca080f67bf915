#!/bin/bash
# Analysis cost on one large translation unit: sessionlint against
# `clang++ -fsyntax-only` on the same file and flags (the parse both pay).
# Target: sessionlint takes less than twice the compiler's time.
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

# Median wall time (seconds) and peak memory (KiB) over $runs runs.
measure() {
  local times=() mems=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$work/out" 2>&1 || true
    read -r t m < <(tail -1 "$work/time")
    times+=("$t"); mems+=("$m")
  done
  local t m
  t=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  m=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
  echo "$t $m"
}

read -r ct cm < <(measure "$clangxx" -fsyntax-only "${flags[@]}" "$work/big.cpp")
read -r st sm < <(measure "$build/tool/sessionlint" --quiet "$work/big.cpp" -- "${flags[@]}")
findings=$(grep -c 'warning:.*\[sessionlint-' "$work/out" || true)
lines=$(wc -l < "$work/big.cpp")
ratio=$(python3 -c "print('%.2f' % ($st / $ct))")

echo "file: $functions functions, $spawns spawn sites, $lines lines"
echo "clang++ -fsyntax-only: ${ct} s, ${cm} KiB peak"
echo "sessionlint:           ${st} s, ${sm} KiB peak, $findings findings"
echo "ratio: $ratio (target < 2.00)"
python3 -c "import sys; sys.exit(0 if $st < 2 * $ct else 1)"
