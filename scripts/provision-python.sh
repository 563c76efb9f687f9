#!/usr/bin/env bash
# Provisions the tests' Python tools into a virtualenv in the cache outside the clone, keyed by the
# pinned requirements and the Python version: Schemathesis (the OpenAPI conformance run, ADR 0021)
# and the independent readers of the files the API writes (openpyxl for xlsx):
#   $CACHE/schemathesis/<schemathesis version>-<key>/venv/bin/{st,python}
# Every package is pinned in tools/python/requirements.txt and installed from PyPI with
# --no-deps (nothing unpinned comes in), then `pip check`. A `.complete` marker, written last, says
# the virtualenv is whole; a half-built one is removed and built again.
#
#   bash scripts/provision-python.sh           provision (a no-op when cached)
#   bash scripts/provision-python.sh --print   provision, then print the path of `st` on stdout
#   bash scripts/provision-python.sh --python  provision, then print the virtualenv's python
#
# SCHEMATHESIS_PATH (an executable `st`) overrides all of it. Needs python3 >= 3.10 with venv; as
# root without one, Debian's python3-venv is installed with apt-get.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${DONDOC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dondoc}"
REQUIREMENTS="$ROOT/tools/python/requirements.txt"

log() { printf '[provision] schemathesis: %s\n' "$*" >&2; }
done_with() {
  case "${1:-}" in
    --print) printf '%s\n' "$2" ;;
    --python) printf '%s\n' "$(dirname "$2")/python" ;;
  esac
  exit 0
}

if [ -n "${SCHEMATHESIS_PATH:-}" ] && [ "${1:-}" != "--python" ]; then
  if [ -f "$SCHEMATHESIS_PATH" ] && [ -x "$SCHEMATHESIS_PATH" ]; then
    log "using SCHEMATHESIS_PATH=$SCHEMATHESIS_PATH"
    done_with "${1:-}" "$SCHEMATHESIS_PATH"
  fi
  log "WARNING: SCHEMATHESIS_PATH=$SCHEMATHESIS_PATH is not an executable file; ignoring it"
fi

python_ok() { command -v python3 >/dev/null 2>&1 && python3 -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; }
if ! python_ok; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "ERROR: needs python3 >= 3.10 with venv (Debian: sudo apt-get install -y python3-venv)"
    exit 1
  fi
  log "apt-get install python3-venv …"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -q -o DPkg::Lock::Timeout=300 update >/dev/null
  apt-get -q -o DPkg::Lock::Timeout=300 install -y --no-install-recommends python3 python3-venv >/dev/null
  python_ok || { log "ERROR: python3 with venv is still missing"; exit 1; }
fi

VERSION="$(sed -n 's/^schemathesis==//p' "$REQUIREMENTS")"
KEY="$({ python3 -c 'import sys; print(sys.version)'; cat "$REQUIREMENTS"; } | sha256sum | cut -c1-12)"
DIR="$CACHE/schemathesis/$VERSION-$KEY"
ST="$DIR/venv/bin/st"

if [ -f "$DIR/.complete" ] && [ -x "$ST" ]; then
  log "cached $ST"
  done_with "${1:-}" "$ST"
fi

mkdir -p "$CACHE/schemathesis"
# One build at a time per cache (two clones at once); the second one finds the result.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE/schemathesis/.lock"
  flock 9
  if [ -f "$DIR/.complete" ] && [ -x "$ST" ]; then
    log "cached $ST (built by a concurrent provision)"
    done_with "${1:-}" "$ST"
  fi
fi

# A virtualenv is not relocatable (its scripts name their interpreter by path): built in place.
rm -rf "$DIR"
mkdir -p "$DIR"
trap 'rm -rf "$DIR"' ERR
start=$SECONDS
log "creating $DIR/venv with $(python3 --version) and schemathesis $VERSION from PyPI …"
python3 -m venv "$DIR/venv"
"$DIR/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
  --no-deps --require-virtualenv -r "$REQUIREMENTS" >&2
"$DIR/venv/bin/python" -m pip check --disable-pip-version-check >&2
"$ST" --version >/dev/null
touch "$DIR/.complete"
trap - ERR
log "installed $ST ($("$ST" --version)) in $((SECONDS - start)) s"
done_with "${1:-}" "$ST"
