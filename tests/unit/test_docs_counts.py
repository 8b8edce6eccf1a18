"""README.md and data/README.md do not type counts of the data (issue 18 item 8i).

A typed count goes stale as rows are added (README said "213 events" while the app had 209).
Counts live in the sections generated from the data (between ``<!-- …:start -->`` and
``<!-- …:end -->`` markers, each checked for staleness by its own test) or on the pages that
compute them. Published figures and historical ones (what issue 11 found then) are allowed by name.
"""

import re

from tests.support.data import ROOT

DOCS = [ROOT / "README.md", ROOT / "data" / "README.md"]
GENERATED = re.compile(r"<!-- (\S+):start.*?<!-- \1:end -->", re.S)
# "<number> <word for rows of the data>", e.g. "213 events", "121 gifts", "167 rows", "100 → 124".
TYPED_COUNT = re.compile(r"\b\d{2,4}\s+(?:rows|events|gifts|parties|states|missions|entries|dates)\b|\b\d{2,4}\s*→\s*\d{2,4}\b")
# Figures that are not counts of our rows: what issue 11 counted by hand at the time, and
# published counts quoted from checkpoints.csv.
ALLOWED = ("then 92 → 109 parties and 28 changed states", "53, 46 and\n44 missions of 2020–2023")


def prose(text: str) -> str:
    text = GENERATED.sub("", text)
    for allowed in ALLOWED:
        text = text.replace(allowed, "")
    return " ".join(text.split())


def test_docs_type_no_counts_of_the_data():
    for path in DOCS:
        found = TYPED_COUNT.findall(prose(path.read_text(encoding="utf-8")))
        assert not found, f"{path.relative_to(ROOT)} types counts of the data: {found}; generate them or drop them"


def test_the_check_catches_a_typed_count():
    assert TYPED_COUNT.findall(prose("We hold 213 events and 121 gifts; 100 → 124 parties."))
    assert not TYPED_COUNT.findall(prose("<!-- coverage:start x -->**176** 168 states<!-- coverage:end -->"))
