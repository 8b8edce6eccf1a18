#!/usr/bin/env bash
# Set up the runtime environment (venv, pinned packages) and start the atlas on localhost:8501.
set -euo pipefail
cd "$(dirname "$0")"

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
if [ ! -x .venv/bin/python ]; then
  # Debian ships venv separately (python3-venv); install it when creating the venv fails.
  if ! python3 -m venv .venv 2>/dev/null; then
    rm -rf .venv
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv .venv
  fi
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
exec .venv/bin/python -m streamlit run app.py --server.address localhost --server.port "${PORT:-8501}" "$@"
