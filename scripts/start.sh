#!/usr/bin/env bash
# `npm start`: set up what is missing, then run the whole stack (see README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/provision.sh
echo "Building …" >&2
npm run --silent build
exec node --enable-source-maps dist/libs/devstack/src/start.js
