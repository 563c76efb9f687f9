#!/usr/bin/env bash
# Installs node_modules from package-lock.json when they are missing or older than the lock file.
# `npm install --no-save` rather than `npm ci`: the registry reachable here does not serve some
# other platforms' optional binaries (e.g. @swc/core-darwin-*), so the lock cannot list them and
# `npm ci` rejects it as out of sync. `npm install` with an existing lock installs exactly the
# locked versions and skips the unavailable optional ones (docs/adr/0001-toolchain-versions.md).
set -euo pipefail
cd "$(dirname "$0")/.."
marker=node_modules/.package-lock.json
if [ ! -f "$marker" ] || [ package-lock.json -nt "$marker" ]; then
  echo "Installing dependencies (npm install from package-lock.json) …" >&2
  npm install --no-save --no-audit --no-fund >&2
fi
