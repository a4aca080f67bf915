#!/bin/bash
# How cost grows with code size (issue 12.2): the generated translation unit
# of analysis-time.sh at 1x, 2x, 4x and 8x (BASE functions, each with a
# spawn site), sessionlint against `clang++ -fsyntax-only`, median of RUNS.
# Linear growth: the time per line stays flat down the table.
#
# usage: bench/scaling.sh [build-dir] [base] [runs]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
base=${2:-1000}
runs=${3:-3}
printf '%-6s %8s %8s %10s %10s %6s %10s %10s\n' scale lines funcs 'clang s' 'slint s' ratio 'us/line' 'slint MB'
for k in 1 2 4 8; do
  n=$((base * k))
  out=$(bash "$root/bench/analysis-time.sh" "$build" "$n" "$n" "$runs" || true)
  lines=$(sed -n 's/.*spawn sites, \([0-9]*\) lines/\1/p' <<< "$out")
  read -r ct <<< "$(sed -n 's/^clang++ -fsyntax-only: \([0-9.]*\) s.*/\1/p' <<< "$out")"
  read -r st sm <<< "$(sed -n 's/^sessionlint: *\([0-9.]*\) s, \([0-9]*\) KiB.*/\1 \2/p' <<< "$out")"
  python3 -c "
ct, st, lines, sm = $ct, $st, $lines, $sm
print('%-6s %8d %8d %10.2f %10.2f %6.2f %10.1f %10.0f' % ('${k}x', lines, $n, ct, st, st / ct, 1e6 * st / lines, sm / 1024))"
done
