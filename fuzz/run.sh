#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS, then merges what it found into the
# kept corpus (fuzz/corpus/<target>/: only inputs that add coverage). A crash
# leaves its reproducer in fuzz/regressions/<target>/ (test/fuzz/ replays
# both directories), and the script exits 1.
#
#   fuzz/run.sh BUILD_FUZZ_DIR SECONDS target...
#   (ninja -C build-asan fuzz runs every target for SESSIONLINT_FUZZ_SECONDS)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bindir="$1" seconds="$2"
shift 2
status=0
for name in "$@"; do
  kept="$here/corpus/$name" found="$here/regressions/$name"
  work="$(mktemp -d "/tmp/sessionlint-fuzz-$name.XXXXXX")"
  mkdir -p "$kept" "$found"
  echo "fuzz: $name for ${seconds}s"
  # Leaks are not judged: clang's own allocations outlive a translation
  # unit on purpose (the snippets target), and a leak is no crash.
  "$bindir/sessionlint-fuzz-$name" "$work" "$kept" \
      -max_total_time="$seconds" -max_len=4096 -timeout=30 -rss_limit_mb=6144 -detect_leaks=0 \
      -artifact_prefix="$found/" -print_final_stats=1 2> "$work.log"
  rc=$?
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$work.log" | sed "s/^/fuzz: $name /"
  if [ $rc -ne 0 ]; then
    echo "fuzz: $name FAILED (exit $rc); reproducer in $found, log in $work.log"
    status=1
  fi
  "$bindir/sessionlint-fuzz-$name" -merge=1 "$kept" "$work" -detect_leaks=0 \
      -max_len=4096 > /dev/null 2>&1
  rm -rf "$work"
done
exit $status
