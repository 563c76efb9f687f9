#!/usr/bin/env bash
# Provisions the Temporal CLI (the dev server behind `npm start` and the integration tests) into the
# version-keyed cache outside the clone: $CACHE/temporal-cli/<version>/temporal.
#
# Order: $TEMPORAL_CLI_PATH (if executable) > the cached build > `temporal` on PATH > build it with
# `go install` > warn and leave it to @temporalio/testing's own download (needs internet).
# libs/devstack/src/temporal-binaries.ts resolves the binary with the same rules.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../tools/versions.env
. "$ROOT/tools/versions.env"
CACHE="${DONDOC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dondoc}"
VERSION="$TEMPORAL_CLI_VERSION"
DEST_DIR="$CACHE/temporal-cli/$VERSION"
DEST="$DEST_DIR/temporal"
MODULE=github.com/temporalio/cli

log() { printf '[provision] temporal-cli: %s\n' "$*" >&2; }

if [ -n "${TEMPORAL_CLI_PATH:-}" ]; then
  if [ -f "$TEMPORAL_CLI_PATH" ] && [ -x "$TEMPORAL_CLI_PATH" ]; then
    log "using TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH"
    exit 0
  fi
  log "WARNING: TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH is not an executable file; ignoring it here (the app will refuse it)"
fi

if [ -x "$DEST" ]; then
  log "cached $DEST"
  exit 0
fi

if on_path="$(command -v temporal 2>/dev/null)"; then
  log "using $on_path from PATH (not building $VERSION)"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  log "WARNING: no Go toolchain to build the Temporal CLI $VERSION; @temporalio/testing will try its own download (needs internet). Install Go >= 1.25 or set TEMPORAL_CLI_PATH."
  exit 0
fi

mkdir -p "$CACHE/temporal-cli"
# One build at a time per cache (two clones provisioning at once); the second one finds the result.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE/temporal-cli/.lock"
  flock 9
  if [ -x "$DEST" ]; then
    log "cached $DEST (built by a concurrent provision)"
    exit 0
  fi
fi

# Build into a temporary GOBIN inside the cache (same file system), then rename into place, so an
# interrupted build never leaves a half-written binary where the resolver looks.
TMP="$(mktemp -d "$CACHE/temporal-cli/.build.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

log "building $MODULE/cmd/temporal@$VERSION with $(go version | awk '{print $3}') (several minutes the first time) …"
start=$SECONDS
# cd into the empty temp dir: no go.mod / go.work of the caller may influence `go install pkg@version`.
# ldflags as in the CLI's own .goreleaser.yml (stripped, version stamped); CGO off as in releases.
if ! (cd "$TMP" &&
  GOBIN="$TMP" GOWORK=off GOFLAGS=-mod=mod CGO_ENABLED=0 \
    go install -ldflags "-s -w -X $MODULE/temporalcli.Version=${VERSION#v}" "$MODULE/cmd/temporal@$VERSION" >&2); then
  log "WARNING: go install failed (see above); @temporalio/testing will try its own download (needs internet)."
  exit 0
fi
if ! "$TMP/temporal" --version >/dev/null 2>&1; then
  log "WARNING: the freshly built binary does not run; @temporalio/testing will try its own download (needs internet)."
  exit 0
fi
mkdir -p "$DEST_DIR"
mv -f "$TMP/temporal" "$DEST"
log "built $DEST in $((SECONDS - start)) s ($("$DEST" --version))"
