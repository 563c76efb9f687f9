#!/usr/bin/env bash
# Provisions the browser the browser tests (test/browser, jest project `browser`) drive through
# playwright-core: Debian's `chromium` package at /usr/bin/chromium, plus a font with Vietnamese
# glyphs (fonts-dejavu-core: DejaVu Sans, what fontconfig picks for sans-serif). Never a browser
# download by Playwright (docs/adr/0012-browser-tests.md).
#
# Order: $CHROMIUM_PATH (if executable) > /usr/bin/chromium already installed > apt-get install
# (as root; `apt-get update` first only when the package lists do not know the package, and once
# more if the install fails on stale lists). Not root and no Chromium: says which package to install
# and fails. Idempotent; a few milliseconds when installed.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
FONTS=(fonts-dejavu-core)

log() { printf '[provision] chromium: %s\n' "$*" >&2; }
now_ms() { date +%s%3N; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
version_of() {
  # dpkg's version first (no browser start); the binary's own answer for a non-Debian build.
  dpkg-query -W -f='${Version}' chromium 2>/dev/null || "$1" --version 2>/dev/null || echo '?'
}

start=$(now_ms)
if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ -f "$CHROMIUM_PATH" ] && [ -x "$CHROMIUM_PATH" ]; then
    log "using CHROMIUM_PATH=$CHROMIUM_PATH ($("$CHROMIUM_PATH" --version 2>/dev/null || echo '?'))"
    exit 0
  fi
  log "WARNING: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file; ignoring it here (the browser tests will refuse it)"
fi

missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
for p in "${FONTS[@]}"; do installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then
  log "cached $CHROMIUM ($(version_of "$CHROMIUM"), checked in $(($(now_ms) - start)) ms)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  log "ERROR: the browser tests need Debian's ${missing[*]} (missing here) and this is not root."
  log "  Install it once:  sudo apt-get install -y --no-install-recommends ${missing[*]}"
  log "  or point CHROMIUM_PATH at a Chromium binary."
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  log "ERROR: no apt-get to install ${missing[*]}; install Chromium yourself and set CHROMIUM_PATH."
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
APT=(apt-get -q -o DPkg::Lock::Timeout=300)
# Package lists that do not name a candidate (a fresh image without lists) need an update first.
needs_update() {
  local p
  for p in "${missing[@]}"; do
    apt-cache policy "$p" 2>/dev/null | grep -q 'Candidate: [0-9]' || return 0
  done
  return 1
}
# apt's output goes to a log, shown only when a step fails (the CI log stays one line per step).
APT_LOG="$(mktemp)"
trap 'rm -f "$APT_LOG"' EXIT
apt_step() {
  if ! "${APT[@]}" "$@" >>"$APT_LOG" 2>&1; then
    tail -n 30 "$APT_LOG" >&2
    return 1
  fi
}
update() {
  log "apt-get update …"
  apt_step update
}
install() { apt_step install -y --no-install-recommends "${missing[@]}"; }

if needs_update; then update; fi
log "apt-get install ${missing[*]} …"
if ! install; then
  # Lists older than the mirror (a security update replaced the .deb): refresh once and retry.
  update
  install
fi
if [ ! -x "$CHROMIUM" ]; then
  log "ERROR: $CHROMIUM is still missing after installing ${missing[*]}"
  exit 1
fi
log "installed $CHROMIUM ($(version_of "$CHROMIUM")) in $(($(now_ms) - start)) ms"
