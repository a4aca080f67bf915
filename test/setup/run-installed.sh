#!/usr/bin/env bash
# Runs the three installed front ends (/usr/bin/sessionlint, the plugin in
# /usr/lib/sessionlint, /usr/bin/sessionlint-clangd) on the bundled example
# as a user of the .deb would, with no configuration; fails unless each
# reports the example's finding. Used by `fresh-root.sh package`.
set -euo pipefail
work="$(mktemp -d)"
cp -r /usr/share/sessionlint/examples/coverageiq/src "$work/src"
flags=(-std=c++20 -DBOOST_ASIO_HAS_CO_AWAIT=1 -include utility)
want="job_manager.cpp:28:50: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'co_spawn'"

status=0
sessionlint "$work/src/job_manager.cpp" -- "${flags[@]}" > "$work/cli.out" 2>&1 || status=$?
[ "$status" -eq 1 ] && grep -qF "$want" "$work/cli.out" \
  || { cat "$work/cli.out"; echo "run-installed: the CLI did not report the example (exit $status)" >&2; exit 1; }
echo "run-installed: sessionlint reports the example"

clang-tidy-19 --load=/usr/lib/sessionlint/SessionLint.so --checks='-*,sessionlint-*' \
  "$work/src/job_manager.cpp" -- "${flags[@]}" > "$work/plugin.out" 2>/dev/null || true
grep -qF "$want" "$work/plugin.out" \
  || { cat "$work/plugin.out"; echo "run-installed: the plugin did not report the example" >&2; exit 1; }
echo "run-installed: clang-tidy-19 --load reports the example"

printf '%s\n' "${flags[@]}" > "$work/src/compile_flags.txt"
(cd "$work/src" && sessionlint-clangd --check=job_manager.cpp --check-warnings) > "$work/clangd.out" 2>&1 || true
grep -q "\[sessionlint-shared-across-tasks\] Line 28: .ession 'db'" "$work/clangd.out" \
  || { tail -30 "$work/clangd.out"; echo "run-installed: the clangd bundle did not report the example" >&2; exit 1; }
echo "run-installed: sessionlint-clangd reports the example, without configuration"
