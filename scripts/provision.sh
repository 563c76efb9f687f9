#!/usr/bin/env bash
# `npm run provision` (also run by `npm start` and `npm test`): the two real Temporal servers, cached
# outside the clone, keyed by version (tools/versions.env), shared by every clone on the machine:
#   ${DONDOC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dondoc}/temporal-cli/<version>/temporal
#   ${DONDOC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dondoc}/temporal-test-server/<version>/temporal-test-server
# Idempotent; a no-op when cached. TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH override either.
# Without Go (CLI) or Java + Maven (test server) it warns and leaves it to @temporalio/testing's own
# download, which needs internet. The application resolves the same paths in
# libs/devstack/src/temporal-binaries.ts.
# The browser of the browser tests (Debian's chromium) is provisioned by `npm test` only
# (scripts/provision-browser.sh): `npm start` does not need it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The CLI first: the test server's provisioning uses it, when present, to warm up its CDS archive.
bash scripts/provision-temporal-cli.sh
bash scripts/provision-test-server.sh
