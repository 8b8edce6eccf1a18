#!/usr/bin/env bash
# Set up the runtime environment (venv, pinned packages) and start the atlas on localhost:8501.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
exec .venv/bin/python -m streamlit run app.py --server.address localhost --server.port "${PORT:-8501}" "$@"
