"""Fixtures every lane shares: a data copy the app reads, a running server, Debian's Chromium, a page."""

from __future__ import annotations

import pytest

from tests.support.server import CHROMIUM_ARGS, ROOT, OffsiteCounter, chromium_path, free_port, start_server


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A writable copy of data/ that the app reads instead (``ATLAS_DATA_DIR``).

    No cache is emptied: the app's caches are keyed on the files' content, so a damaged or edited
    copy is read afresh and an untouched one reuses what the shipped files already computed.
    """
    from tests.support.data import copy_shipped_data

    folder = copy_shipped_data(tmp_path / "data")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(folder))
    yield folder


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


def pytest_collection_modifyitems(items):
    """Mark each test with its lane's folder (browser, deploy), so ``-m "not browser"`` works too."""
    for item in items:
        lane = item.path.parent.name
        if lane in ("browser", "deploy"):
            item.add_marker(getattr(pytest.mark, lane))
