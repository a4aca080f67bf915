#!/usr/bin/env bash
# Installs the official SARIF validator (npm @microsoft/sarif-multitool) under
# BUILD_DIR/tools, where the lit suite finds it. Safe to re-run.
# usage: scripts/install-sarif-validator.sh BUILD_DIR
set -euo pipefail
tools="$1/tools"
bin="$tools/node_modules/.bin/sarif-multitool"
if [ -x "$bin" ]; then
  exit 0
fi
mkdir -p "$tools"
npm install --prefix "$tools" --no-audit --no-fund --loglevel=error \
  @microsoft/sarif-multitool@5.7.0 >/dev/null
# Newer npm versions skip the package's postinstall step, which only marks
# the bundled executable as executable.
chmod u+x "$tools"/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
"$bin" --version >/dev/null
