"""Every day- or month-level date in the relations files quotes the page it cites (data/date_evidence.csv).

The research of issue 19 covered only part of the rows, so the dates still without evidence are
listed in ``dates_without_evidence.txt``: that list may only shrink (as ``known_bad_sources.txt``
does for test_sources.py). A new or changed day/month date needs its quote in date_evidence.csv.
"""

from __future__ import annotations

import re
from pathlib import Path

from atlas.data.loading import read_table

UNCOVERED_FILE = Path(__file__).with_name("dates_without_evidence.txt")
FINE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def fine_dates() -> dict[tuple[str, str, str, str], set[str]]:
    """(file, iso3, field, date) -> the URLs the row cites for it, for every day/month date."""
    found: dict[tuple[str, str, str, str], set[str]] = {}

    def add(key, urls):
        if FINE.match(key[3]):
            found.setdefault(key, set()).update(urls)

    for row in read_table("relations").itertuples():
        add(("relations.csv", row.iso3, "established", row.established), {row.source_url})
        dates, urls = row.alt_established.split(";"), row.alt_source_url.split(";")
        for date, url in zip(dates, urls, strict=False):
            add(("relations.csv", row.iso3, "alt_established", date), {url})
    for row in read_table("relation_events").itertuples():
        add(("relation_events.csv", row.iso3, row.event, row.date), {row.source_url})
    for row in read_table("missions").itertuples():
        # A mission's dates may each rest on a page of their own (``opened_source_url``…).
        add(("missions.csv", row.iso3, "opened", row.opened), {row.opened_source_url or row.source_url})
        add(("missions.csv", row.iso3, "closed", row.closed), {row.closed_source_url or row.source_url})
        add(("missions.csv", row.iso3, "attested", row.attested), {row.attested_source_url})
        add(("missions.csv", row.iso3, "last_attested", row.last_attested), {row.last_attested_source_url})
    return found


def evidence() -> dict[tuple[str, str, str, str], str]:
    table = read_table("date_evidence")
    return {(r.file, r.iso3, r.field, r.date): r.source_url for r in table.itertuples()}


def uncovered() -> set[tuple[str, str, str, str]]:
    quoted = evidence()
    return {key for key, urls in fine_dates().items() if quoted.get(key) not in urls}


def listed() -> set[tuple[str, ...]]:
    lines = UNCOVERED_FILE.read_text(encoding="utf-8").splitlines()
    return {tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")}


def test_every_evidence_row_matches_a_date_in_the_data():
    dates = fine_dates()
    stray = {key: url for key, url in evidence().items() if url not in dates.get(key, set())}
    assert not stray, "date_evidence.csv rows whose date or cited page is no longer in the data:\n" + "\n".join(
        f"  {key}: {url}" for key, url in sorted(stray.items())
    )


def test_no_new_day_or_month_date_without_evidence():
    new = uncovered() - listed()
    assert not new, (
        "Quote the cited page for these dates in data/date_evidence.csv (or give the date at the precision "
        "the page states):\n" + "\n".join("  " + "\t".join(key) for key in sorted(new))
    )


def test_the_list_of_dates_without_evidence_only_shrinks():
    fixed = listed() - uncovered()
    assert not fixed, f"These dates now have evidence: delete their lines from tests/unit/{UNCOVERED_FILE.name}:\n" + "\n".join(
        "  " + "\t".join(key) for key in sorted(fixed)
    )
