"""A damaged deployment: every data file truncated, emptied, removed or given a bad date, on every page.

Each page either draws as usual (it does not read that file) or shows one readable message that
names the broken file; never an exception. Markup planted in every free-text column comes back
as text in a real browser: no element injected, no script run.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from atlas.core.pages import SCRIPTS
from atlas.core.source_kinds import escape_markdown
from atlas.data.registry import DATASETS
from tests.support.server import ROOT

PAGES = list(SCRIPTS)
FILES = sorted(entry.filename for entry in DATASETS.values())


def _truncate(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2 - 7], encoding="utf-8")  # cut mid-row


def _empty(path: Path) -> None:
    path.write_text("", encoding="utf-8")


def _remove(path: Path) -> None:
    path.unlink()


def _bad_date(path: Path) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    checked = ["date", "established", "opened", "signed", "start_date", "iso3", "predecessor_iso3", "countries", "giver_iso3"]
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


def test_markdown_in_a_relations_note_stays_text_in_the_country_record(data_copy):
    import csv

    path = data_copy / "relations.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if row["iso3"] == "AUS":
            row["notes"] = "**planted bold** [planted link](http://planted.example)"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["country"] = "AUS"
    at.switch_page("app_pages/map.py").run()
    assert not at.exception
    shown = [c.value for c in at.caption if "planted" in c.value]
    assert shown == [escape_markdown("**planted bold** [planted link](http://planted.example)")], shown
    assert shown[0].startswith(r"\*\*planted bold\*\* \[planted link\]")
