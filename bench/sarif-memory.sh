#!/bin/bash
# Peak memory of each output format on a file with many findings (7,001 by
# default): the output must cost about the same whatever the format. The
# analysis runs in a worker process; this measures the scan's own process
# (--in-process puts both in one, so the figure is the whole).
#
# usage: bench/sarif-memory.sh [build-dir] [findings]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
count=${2:-7001}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$count" > "$work/many.cpp" <<'PY'
import sys
print('#include <pqxx/pqxx>\n#include <thread>')
for i in range(int(sys.argv[1])):
    print('void f%d(pqxx::connection &db) { std::thread t([&db] { db.close(); }); '
          'db.close(); t.join(); }' % i)
PY
flags=(-std=c++20 -nostdinc++ -isystem "$root/test/Inputs")
printf '%-12s %10s %8s %10s\n' format peak_MiB seconds bytes
for format in text json sarif github codeclimate; do
  /usr/bin/time -f '%M %e' -o "$work/time" "$build/tool/sessionlint" --in-process \
    --quiet --format="$format" --output="$work/out.$format" "$work/many.cpp" -- "${flags[@]}" || true
  read -r kib secs < <(tail -1 "$work/time")
  printf '%-12s %10.1f %8s %10s\n' "$format" "$(python3 -c "print($kib / 1024)")" "$secs" \
    "$(wc -c < "$work/out.$format")"
done
echo "findings: $(grep -c '"ruleId"' "$work/out.sarif")"
