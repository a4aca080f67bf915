#!/usr/bin/env bash
# Sets everything up, builds sessionlint and runs every test (ctest runs the
# lit suite: check tests through the CLI, the clang-tidy plugin and the
# clangd bundle, CLI tests, and the example against the real headers), then
# the same against LLVM 22.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
bash scripts/build.sh
bash scripts/install-sarif-validator.sh build
(cd build && ctest --output-on-failure)

# The same suite against LLVM 22, so the code keeps building there; the CLI
# and the plugin only (Debian packages no clangd libraries for 22).
cmake -S . -B build-llvm22 -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DSESSIONLINT_LLVM_MAJOR=22 -DSESSIONLINT_BUILD_CLANGD=OFF >/dev/null
cmake --build build-llvm22 -j "$(nproc)"
bash scripts/install-sarif-validator.sh build-llvm22
(cd build-llvm22 && ctest --output-on-failure)
