"""Markup planted in every free-text column of a data copy stays text in a real Chromium."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from atlas.core.pages import URL_PATHS
from tests.support.data import copy_shipped_data
from tests.support.server import ROOT, free_port, start_server

TEXT_COLUMNS = {"name", "title", "summary", "notes", "item", "giver", "recipient", "city"}
PLANTED = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><b id="planted">x</b>'
PLANTED_SHORT = '<b id="planted">x</b><img src=x onerror="window.__pwned=1">'  # for columns with a length limit


@pytest.mark.browser
def test_planted_markup_stays_text_in_the_browser(tmp_path, browser):
    folder = copy_shipped_data(tmp_path / "data")
    planted_columns = 0
    for path in folder.glob("*.csv"):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in TEXT_COLUMNS & set(frame.columns):
            # The Korean twin too: the loader requires it wherever the English is filled.
            for planted in (column, f"{column}_ko"):
                if planted in frame.columns:
                    frame[planted] = PLANTED_SHORT if column == "title" else frame[planted] + " " + PLANTED
            planted_columns += 1
        frame.to_csv(path, index=False)
    assert planted_columns >= 8
    events = pd.read_csv(folder / "events.csv", dtype=str, keep_default_na=False)
    gifts = pd.read_csv(folder / "gifts.csv", dtype=str, keep_default_na=False)
    port = free_port()
    server = start_server(ROOT / "app.py", port, env={**os.environ, "ATLAS_DATA_DIR": str(folder)})
    paths = [
        "/",
        "/map?country=FRA",
        "/map?country=USA",
        "/map?country=FRA&lang=ko",  # the Korean twins, planted too
        "/country?country=RUS",
        f"/timeline?event={events['event_id'].iloc[0]}",
        f"/gifts?gift={gifts['gift_id'].iloc[0]}",
        "/data",
        *(f"/{p}" for p in URL_PATHS if p not in {"map", "timeline", "gifts", "data"}),
    ]
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    shown_as_text = 0
    try:
        for path in paths:
            page.goto(f"http://127.0.0.1:{port}{path}")
            page.wait_for_selector('[data-testid="stAppViewContainer"] h1', timeout=60_000)
            assert page.locator('[data-testid="stAlertContentError"]').count() == 0, f"{path}: the planted data was rejected"
            page.wait_for_timeout(1500)  # let every element render (and any planted script try to run)
            assert page.locator('[data-testid="stException"]').count() == 0, path
            assert page.evaluate("document.getElementById('planted') === null"), path
            assert page.evaluate("window.__pwned === undefined"), path
            shown_as_text += page.get_by_text('<b id="planted">', exact=False).count()
    finally:
        context.close()
        server.terminate()
        server.wait(10)
    assert not dialogs
    assert shown_as_text >= 2, "the planted markup should be visible as text on the record pages"
