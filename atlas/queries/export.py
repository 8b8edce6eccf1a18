"""Tables as spreadsheet-ready CSV (pure): UTF-8 with a byte-order mark, one date per date cell.

Excel opens a CSV without a byte-order mark in the machine's legacy code page, so "Côte d'Ivoire"
and "Curaçao" come out garbled; with the mark it reads UTF-8. A date cell holds a date only: a
note such as "(date uncertain)" goes to a column of its own (``date`` -> ``date_note``), so the
column sorts and filters as dates.

In Korean a table gets two header rows: Korean labels, then the English column names, so a
reader sees Korean and a script written for the English file reads it with one more header row
to skip (``pd.read_csv(path, skiprows=1)``); the Data page says so.
"""

from __future__ import annotations

import pandas as pd

from atlas.core import i18n
from atlas.core.dates import split_noted
from atlas.core.i18n import N_, _

BOM = "\ufeff"

# Each column's label, by its English name: the Korean headers of the downloads (above the English
# names) and of the tables on the pages (English tables keep the column names as their headers).
COLUMN_LABELS = {
    "category": N_("category"),
    "category_label": N_("category (label)"),
    "change": N_("change"),
    "continent": N_("continent"),
    "countries": N_("countries"),
    "date": N_("date"),
    "detail": N_("detail"),
    "end_date": N_("end date"),
    "established": N_("established"),
    "event": N_("event"),
    "event_id": N_("event id"),
    "from": N_("from"),
    "gift_id": N_("gift id"),
    "giver": N_("giver"),
    "giver_iso3": N_("giver's code"),
    "iso3": N_("code (ISO 3166)"),
    "item": N_("gift"),
    "last_change": N_("last change"),
    "last_change_date": N_("date of last change"),
    "last_change_date_uncertain": N_("date of last change uncertain"),
    "map_date": N_("date of the map"),
    "name": N_("name"),
    "notes": N_("notes"),
    "occasion": N_("occasion"),
    "recipient": N_("recipient"),
    "recipient_iso3": N_("recipient's code"),
    "region": N_("region"),
    "section": N_("section"),
    "source_kind": N_("kind of source"),
    "source_url": N_("source"),
    "state": N_("state"),
    "summary": N_("summary"),
    "title": N_("title"),
    "to": N_("to"),
    "un_region": N_("UN region"),
    "what": N_("what"),
    # Tables the pages show: records, missions, gifts' summaries, the Data page's overviews.
    "side": N_("side"),
    "type": N_("type"),
    "city": N_("city"),
    "opened": N_("opened"),
    "opened_source_url": N_("source of the opening date"),
    "closed_source_url": N_("source of the closing date"),
    "attested": N_("at work by (earliest record)"),
    "attested_source_url": N_("source of the earliest record"),
    "closed_uncertain": N_("closing date uncertain"),
    "last_attested": N_("at work until at least (latest record)"),
    "last_attested_source_url": N_("source of the latest record"),
    "closed": N_("closed"),
    "status": N_("status"),
    "direction": N_("direction"),
    "counterpart": N_("counterpart"),
    "gifts": N_("gifts"),
    "Before 1989": N_("Before 1989"),
    "1989 and after": N_("1989 and after"),
    "dataset": N_("dataset"),
    "rows": N_("rows"),
    "dates to the day": N_("dates to the day"),
    "dates to the month": N_("dates to the month"),
    "dates to the year": N_("dates to the year"),
    "source kind": N_("source kind"),
    "share": N_("share"),
    "date used": N_("date used"),
    "other date": N_("other date"),
    "claim": N_("claim"),
    "row": N_("row"),
}


def column_label(name: str) -> str:
    """A column's header in the run's language ('date_note' -> the label of 'date', noted)."""
    if name.endswith("_note") and name.removesuffix("_note") in COLUMN_LABELS:
        return _("{column} (note)").format(column=_(COLUMN_LABELS[name.removesuffix("_note")]))
    return _(COLUMN_LABELS[name]) if name in COLUMN_LABELS else name


def is_date_column(name: str) -> bool:
    return name == "date" or name.endswith("_date")


def one_date_per_cell(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each date column's notes moved to ``<column>_note`` (right after it); others unchanged."""
    out = frame.copy()
    for column in [c for c in frame.columns if is_date_column(str(c))]:
        parts = frame[column].map(split_noted)
        notes = parts.map(lambda pair: pair[1])
        if not notes.astype(bool).any():
            continue
        out[column] = parts.map(lambda pair: pair[0])
        out.insert(out.columns.get_loc(column) + 1, f"{column}_note", notes)
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as Excel-ready CSV: UTF-8 with a byte-order mark, notes out of the date cells; in
    Korean, a row of Korean labels above the English column names."""
    table = one_date_per_cell(frame)
    text = table.to_csv(index=False)
    if i18n.current() != i18n.ENGLISH:
        text = pd.DataFrame([[column_label(str(c)) for c in table.columns]]).to_csv(index=False, header=False) + text
    return (BOM + text).encode("utf-8")


def with_bom(raw: bytes) -> bytes:
    """A CSV file's bytes with the UTF-8 byte-order mark in front (once)."""
    mark = BOM.encode("utf-8")
    return raw if raw.startswith(mark) else mark + raw
