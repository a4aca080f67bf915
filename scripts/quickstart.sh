#!/usr/bin/env bash
# Sets everything up, builds sessionlint and runs it on the bundled example,
# the seed bug (examples/coverageiq): one finding with its notes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
bash scripts/build.sh
cmake -S examples/coverageiq -B examples/coverageiq/build -G Ninja >/dev/null
cmake --build examples/coverageiq/build >/dev/null
echo
echo "$ sessionlint -p examples/coverageiq/build"
status=0
./build/tool/sessionlint -p examples/coverageiq/build 2>&1 \
  | grep -v -e 'warnings\? generated\.$' || status=${PIPESTATUS[0]}
echo
echo "sessionlint exited with ${status} (0 clean, 1 findings, 2 usage error, 3 file did not compile)"
[ "$status" -le 1 ]
