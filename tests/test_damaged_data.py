"""A damaged deployment: every data file truncated, emptied, removed or given a bad date, on every page.

Each page either draws as usual (it does not read that file) or shows one readable message that
names the broken file; never an exception. Markup planted in every free-text column comes back
as text in a real browser: no element injected, no script run.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.datasets import DATA_DIR
from tests.conftest import ROOT, free_port, start_server
from tests.helpers import copy_shipped_data

PAGES = re.findall(r'st\.Page\("(app_pages/[a-z_]+\.py)"', (ROOT / "app.py").read_text())
FILES = sorted(path.name for path in DATA_DIR.glob("*.csv"))


def _truncate(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2 - 7], encoding="utf-8")  # cut mid-row


def _empty(path: Path) -> None:
    path.write_text("", encoding="utf-8")


def _remove(path: Path) -> None:
    path.unlink()


def _bad_date(path: Path) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    checked = ["date", "established", "opened", "iso3", "predecessor_iso3", "countries", "giver_iso3"]
    column = next(c for c in checked if c in frame.columns)
    frame.loc[len(frame) // 2, column] = "31/02/19x8"
    frame.to_csv(path, index=False)


DAMAGE = {"truncated": _truncate, "empty": _empty, "missing": _remove, "bad value": _bad_date}


@pytest.mark.parametrize("damage", list(DAMAGE))
@pytest.mark.parametrize("filename", FILES)
def test_every_page_survives_every_damaged_file(data_copy, filename, damage):
    DAMAGE[damage](data_copy / filename)
    named = 0
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for page in PAGES:  # one visitor going through every page
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        errors = [e.value for e in at.error]
        assert at.title or errors, page
        # A page that cannot draw says which file broke, in one readable message.
        if errors and not at.title:
            assert any(filename in e for e in errors), (page, errors)
        named += any(filename in e for e in errors)
    assert named, f"no page reported the damaged {filename}"


# Free text the pages show: names, titles, summaries, notes, items, givers, cities.
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
            frame[column] = PLANTED_SHORT if column == "title" else frame[column] + " " + PLANTED
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
        f"/timeline?event={events['event_id'].iloc[0]}",
        f"/gifts?gift={gifts['gift_id'].iloc[0]}",
        "/data",
        *(
            f"/{p}"
            for p in re.findall(r'url_path="([a-z_]+)"', (ROOT / "app.py").read_text())
            if p not in {"map", "timeline", "gifts", "data"}
        ),
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
