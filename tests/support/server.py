"""Shared test support: starting a real Streamlit server, finding Debian's Chromium, blocking off-site requests.

Used by the test lanes (through ``tests/conftest.py``) and by ``bench/`` (run as ``python -m bench.…``)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """Debian's chromium; browser tests fail loudly (never skip) when it is missing."""
    candidates = [os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("No Chromium found: run ./run-tests.sh (it installs Debian's chromium) or set CHROMIUM=/path/to/chromium")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(script: Path, port: int, cwd: Path = ROOT, env: dict | None = None) -> subprocess.Popen:
    """Start ``streamlit run script`` on localhost:port and wait for its health check.

    ``cwd`` is the project root so ``.streamlit/config.toml`` (static serving) applies.
    """
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"Streamlit did not start on port {port}")


class OffsiteCounter:
    """Routes every request: localhost goes through, anything else is blocked and counted."""

    def __init__(self):
        self.blocked: list[str] = []

    def __call__(self, route):
        url = route.request.url
        host = url.split("/")[2].split(":")[0] if "://" in url else ""
        if url.startswith(("data:", "blob:")) or host in {"127.0.0.1", "localhost"}:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()
