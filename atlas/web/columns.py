"""Column headers of the record tables (Timelines, Gifts, country pages) in the run's language.

The tables keep their English column names (the CSV downloads, the export's date handling and the
tests read them); what a visitor reads above each column is its label here, translated. In English
a label is the column's name, so the English tables look as they always did.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from atlas.core.i18n import N_, _

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
_SITE = r"https?://(?:www\.)?([^/]+)/.*"  # a link column shows the site of its URL


def source_columns() -> dict:
    """The settings of ``ui.SOURCE_COLUMNS`` (source, its kind, another source, notes), labelled in
    the run's language. Built here rather than read from ``ui`` so the record pages do not depend on
    how the shared table is kept."""
    return {
        "source_url": st.column_config.LinkColumn(_("Source"), display_text=_SITE),
        "source_kind": st.column_config.TextColumn(
            _("Source kind"), help=_("Who publishes the source (atlas/core/source_kinds.py)")
        ),
        "other_source_url": st.column_config.LinkColumn(_("Other source"), display_text=_SITE),
        "notes": st.column_config.TextColumn(_("Notes"), width="large", help=_("Click a cell to read a long note whole")),
    }


def record_columns(columns: Iterable[str], extra: dict | None = None) -> dict:
    """Column settings for a record table: the source columns, a translated header for every
    other column of ``columns`` that has one, then ``extra`` (a page's own settings) on top."""
    config = source_columns()
    for column in columns:
        if column not in config and column in COLUMN_LABELS:
            config[column] = _(COLUMN_LABELS[column])
    return config | (extra or {})
