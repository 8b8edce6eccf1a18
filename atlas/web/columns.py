"""Column headers of the record tables (Timelines, Gifts, country pages) in the run's language.

The tables keep their English column names (the CSV downloads, the export's date handling and the
tests read them); what a visitor reads above each column is its label here, translated. In English
a label is the column's name, so the English tables look as they always did.
"""

from __future__ import annotations

from collections.abc import Iterable

from atlas.core.i18n import N_, _
from atlas.web import widgets as ui

COLUMN_LABELS = {
    "date": N_("date"),
    "end_date": N_("end_date"),
    "title": N_("title"),
    "category": N_("category"),
    "countries": N_("countries"),
    "state": N_("state"),
    "event": N_("event"),
    "what": N_("what"),
    "side": N_("side"),
    "type": N_("type"),
    "city": N_("city"),
    "opened": N_("opened"),
    "closed": N_("closed"),
    "status": N_("status"),
    "direction": N_("direction"),
    "giver": N_("giver"),
    "recipient": N_("recipient"),
    "item": N_("item"),
    "occasion": N_("occasion"),
    "counterpart": N_("counterpart"),
    "gifts": N_("gifts"),
    "Before 1989": N_("Before 1989"),
    "1989 and after": N_("1989 and after"),
}


def record_columns(columns: Iterable[str], extra: dict | None = None) -> dict:
    """Column settings for a record table: the source columns, a translated header for every
    other column of ``columns`` that has one, then ``extra`` (a page's own settings) on top."""
    config = ui.source_columns()
    for column in columns:
        if column not in config and column in COLUMN_LABELS:
            config[column] = _(COLUMN_LABELS[column])
    return config | (extra or {})
