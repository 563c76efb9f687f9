#!/usr/bin/env bash
# `npm test`: set up what is missing, then lint, type-check and run every jest project against
# real servers (time-skipping Temporal, Temporal dev server, embedded PostgreSQL, SMTP).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/provision.sh
bash scripts/provision-browser.sh
bash scripts/provision-python.sh
bash scripts/provision-office.sh
echo "== lint" >&2
npx eslint . --max-warnings 0
npx prettier --check . --log-level warn
echo "== import boundaries (dependency-cruiser) and copies (jscpd)" >&2
npm run --silent lint:deps
npm run --silent lint:copies
echo "== type-check" >&2
npx tsc -p tsconfig.json --noEmit
npx tsc -p apps/web/tsconfig.json --noEmit
echo "== the web app's API client is the current API's (apps/web/src/api/schema.d.ts)" >&2
npm run --silent generate:api -- --check
echo "== jest" >&2
export TZ=UTC
npx jest --ci "$@"
