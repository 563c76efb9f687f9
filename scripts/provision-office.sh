#!/usr/bin/env bash
# Provisions what the tests of the Word files (issue 11, ADR 0026) read them with, beside
# python-docx: LibreOffice headless (Debian's libreoffice-writer-nogui) to turn a .docx into a PDF
# as an office would print it, poppler-utils (pdftotext, pdftoppm) to read that PDF, and
# fonts-liberation (Liberation Serif, metric-compatible with Times New Roman, the font of Nghị
# định 30/2020's layout). apt-get as root when missing; otherwise says what to install and fails.
# Idempotent; a few milliseconds when installed.
set -euo pipefail

PACKAGES=(libreoffice-writer-nogui poppler-utils fonts-liberation)
log() { printf '[provision] office: %s\n' "$*" >&2; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for p in "${PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ] && command -v soffice >/dev/null && command -v pdftotext >/dev/null; then
  log "cached ($(soffice --version 2>/dev/null | head -1 || echo '?'))"
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  log "ERROR: the Word files' tests need Debian's ${missing[*]:-libreoffice-writer-nogui} (missing here)."
  log "  Install it once:  sudo apt-get install -y --no-install-recommends ${missing[*]:-libreoffice-writer-nogui}"
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
APT=(apt-get -q -o DPkg::Lock::Timeout=300)
start=$SECONDS
log "apt-get install ${missing[*]} …"
if ! "${APT[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
  # Stale or absent package lists: refresh once and try again.
  "${APT[@]}" update >/dev/null
  "${APT[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v soffice >/dev/null || { log "ERROR: soffice is still missing"; exit 1; }
log "installed ${missing[*]} in $((SECONDS - start)) s"
