#!/bin/sh
# Regenerates the office test files (fixtures/formats/office/ and the acme deck and battle card)
# with LibreOffice in headless mode. Needs Debian's libreoffice-writer, libreoffice-impress and
# python3-uno (apt-get install -y libreoffice-writer libreoffice-impress python3-uno). The tests
# never run this: they read the committed files.
set -eu
cd "$(dirname "$0")/.."
pipe="onemessage-fixtures-$$"
profile="$(mktemp -d)"
soffice --headless --invisible --norestore --nologo -env:UserInstallation="file://$profile" \
  --accept="pipe,name=$pipe;urp;" &
office=$!
trap 'kill "$office" 2>/dev/null || true; rm -rf "$profile"' EXIT
# Debian's python3, which has the uno module (a pyenv python on PATH would not)
/usr/bin/python3 scripts/make-office-fixtures.py "$pipe"
wait "$office" 2>/dev/null || true
