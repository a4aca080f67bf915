#!/usr/bin/env bash
# Installs what sessionlint needs to build, test and run its example on a
# fresh Debian 12, as root. Installs only what is missing; safe to re-run.
set -euo pipefail

packages=(
  # toolchain and build
  build-essential cmake ninja-build ccache git pkg-config python3
  # output validation in the tests: JSON schema (the SARIF validator comes
  # from npm, below)
  python3-jsonschema
  # the CI recipes the tests run: the pre-commit hook
  pre-commit
  # LLVM/Clang 19 (Debian 12 main): libraries, clang-tidy and clangd
  llvm-19-dev llvm-19-tools libclang-19-dev libclang-cpp19-dev clang-19
  clang-tidy-19 clangd-19 clang-tools-19
  libfmt-dev
  # LLVM 22 (bookworm-security): the test command also builds against it
  llvm-22-dev llvm-22-tools libclang-22-dev libclang-cpp22-dev clang-tidy-22
  # the real library headers the example and integration tests compile against
  libpqxx-dev libpq-dev libboost-dev libtbb-dev libomp-19-dev libasio-dev
  libsoci-dev libsqlite3-dev libsqlitecpp-dev libmysqlcppconn-dev libpoco-dev
  qtbase5-dev libhiredis-dev libcurl4-openssl-dev libssh-dev libssh2-1-dev
  libssl-dev
  # libc++, for the integration cases of the standard-library spawn APIs
  libc++-19-dev libc++abi-19-dev libc++-22-dev libc++abi-22-dev
)

# npm, for the SARIF validator: Debian's nodejs + npm, unless a node
# installation (nodesource, which bundles npm and conflicts with Debian's
# npm package) already provides it.
if ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root (missing: ${missing[*]})" >&2; exit 2; }
  sudo=sudo
fi
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
