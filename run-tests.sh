#!/usr/bin/env bash
# Set up everything the tests need (venv, pinned packages, Debian's chromium) and run them all.
set -euo pipefail
cd "$(dirname "$0")"
source tools/setup-venv.sh

setup_venv requirements-dev.txt
# Browser tests drive Debian's chromium (no browser download); install it when missing.
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  apt_install chromium
fi
# The deployment tests run the sample reverse proxy (deploy/nginx.conf) for real.
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  apt_install nginx-light
fi

.venv/bin/ruff check .
.venv/bin/ruff format --check .
exec .venv/bin/python -m pytest "$@"
