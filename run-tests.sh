#!/usr/bin/env bash
# Set up everything the tests need (venv, pinned packages, Debian's chromium) and run them all.
#   ./run-tests.sh           every lane: tests/unit, tests/pages, tests/browser, tests/deploy (what .ci/run calls)
#   ./run-tests.sh --fast    unit and page tests only (no browser, no proxy), for use while working
# Any other arguments go to pytest (a file, -k EXPR, -x…).
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
if [ "${1:-}" = "--fast" ]; then
  shift
  exec .venv/bin/python -m pytest -n 2 tests/unit tests/pages "$@"
fi
exec .venv/bin/python -m pytest "$@"
