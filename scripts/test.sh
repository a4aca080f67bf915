#!/usr/bin/env bash
# Sets everything up, builds sessionlint and runs every test (ctest runs the
# lit suite: check tests through the CLI, the clang-tidy plugin and the
# clangd bundle, CLI tests, and the example against the real headers).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
bash scripts/build.sh
cd build
ctest --output-on-failure
