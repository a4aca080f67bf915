#!/usr/bin/env bash
# Sets everything up, builds sessionlint and runs every test (ctest runs the
# lit suite: check tests through the CLI, the clang-tidy plugin and the
# clangd bundle, CLI tests, and the example against the real headers), then
# the same against LLVM 22, then the same again with sessionlint's own code
# under AddressSanitizer and UBSan, with the fuzzers' regression inputs.
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

# The whole suite once more under AddressSanitizer and UBSan (sessionlint's
# code only: the LLVM libraries stay as Debian ships them), with clang, and
# the libFuzzer targets replaying their kept corpus (test/fuzz/). Any report
# ends the process with an error, so the test that met it fails.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER=clang++-19 -DSESSIONLINT_SANITIZE=address,undefined \
  -DSESSIONLINT_BUILD_FUZZERS=ON >/dev/null
cmake --build build-asan -j "$(nproc)"
bash scripts/install-sarif-validator.sh build-asan
(cd build-asan && ctest --output-on-failure)
