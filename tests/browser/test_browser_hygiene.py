"""Network hygiene on every page in app.py's navigation: nothing leaves localhost, no console errors.

The page list is read from app.py, so a new page is covered the day it is added.
"""

from __future__ import annotations

import re

import pytest

from atlas.core.pages import URL_PATHS

pytestmark = pytest.mark.browser

# Streamlit's frontend finds its base URL path by probing <page>/_stcore/health and host-config
# first: those two 404s on a deep link are the framework's own discovery, not an error of ours.
BASE_PATH_PROBE = re.compile(r"^https?://[^/]+/[a-z_]+/_stcore/(health|host-config)$")
PATHS = ["/", *(f"/{p}" for p in URL_PATHS)]


def test_every_page_stays_on_localhost_without_console_errors(page, server_url):
    assert len(PATHS) >= 5
    console_errors: list[str] = []

    def on_console(message) -> None:
        if message.type == "error" and not BASE_PATH_PROBE.match(message.location.get("url", "")):
            console_errors.append(f"{message.text} at {message.location.get('url')}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    for path in PATHS:
        page.goto(server_url + path)
        page.locator('[data-testid="stAppViewContainer"] h1').first.wait_for(timeout=60_000)
        # Let charts, maps and fonts load: any request for them has been made by then.
        page.wait_for_load_state("networkidle", timeout=60_000)
        assert page.locator('[data-testid="stException"]').count() == 0, path
    assert page.offsite.blocked == [], page.offsite.blocked
    assert console_errors == [], console_errors


# Text that Streamlit ends with "…" because its box is too narrow (metric labels, buttons, page
# links); tables and charts draw their own text and are left out.
CUT_LABELS = """() => [...document.querySelectorAll('.stMain *')]
    .filter(e => getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1
      && e.getBoundingClientRect().width > 0 && !e.closest('[data-testid=stDataFrame], .js-plotly-plot'))
    .map(e => e.innerText.trim().slice(0, 60))"""


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1024, 768)])
def test_no_label_on_any_page_is_cut_short(browser, server_url, width, height):
    """Home's page links on a phone, the map's count and CSV button at 1024 px ended in "…"."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    cut = {}
    for path in PATHS:
        page.goto(server_url + path)
        page.locator('[data-testid="stAppViewContainer"] h1').first.wait_for(timeout=60_000)
        page.wait_for_load_state("networkidle", timeout=60_000)
        page.wait_for_timeout(500)
        if labels := page.evaluate(CUT_LABELS):
            cut[path] = labels
    context.close()
    assert cut == {}, cut
