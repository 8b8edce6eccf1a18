"""Shared fixtures: a real Streamlit server and a headless Debian Chromium for browser tests."""

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

ROOT = Path(__file__).resolve().parent.parent
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


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A writable copy of data/ that the app reads instead (``ATLAS_DATA_DIR``), caches emptied around it."""
    import streamlit as st

    from tests.helpers import copy_shipped_data

    folder = copy_shipped_data(tmp_path / "data")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(folder))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield folder
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(scope="session")
def server_url():
    port = free_port()
    process = start_server(ROOT / "app.py", port)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


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


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    offsite = OffsiteCounter()
    context.route("**/*", offsite)
    tab = context.new_page()
    tab.offsite = offsite
    # Every browser test also fails on an uncaught script error in the page (Play, navigation,
    # resizing…), whatever it was checking.
    script_errors: list[str] = []
    tab.on("pageerror", lambda error: script_errors.append(str(error)))
    yield tab
    context.close()
    assert script_errors == [], script_errors
