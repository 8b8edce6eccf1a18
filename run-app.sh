#!/usr/bin/env bash
# Set up the runtime environment (venv, pinned packages) and start the atlas on localhost:8501.
set -euo pipefail
cd "$(dirname "$0")"

source tools/setup-venv.sh

setup_venv requirements.txt
exec .venv/bin/python -m streamlit run app.py --server.address localhost --server.port "${PORT:-8501}" "$@"
