"""Column headers of the pages' tables (records, missions, gifts, the Data page) in the run's language.

The tables keep their English column names (the CSV downloads, the export's date handling and the
tests read them); what a visitor reads above each column in Korean is its label from the one table
of column labels, ``atlas.queries.export.COLUMN_LABELS`` (the Korean downloads' headers too). In
English the header is the column's name, so the English tables look as they always did.
"""

from __future__ import annotations

from collections.abc import Iterable

from atlas.core import i18n
from atlas.queries.export import COLUMN_LABELS, column_label
from atlas.web import widgets as ui


def record_columns(columns: Iterable[str], extra: dict | None = None) -> dict:
    """Column settings for a record table: the source columns, a translated header for every
    other column of ``columns`` that has one, then ``extra`` (a page's own settings) on top."""
    config = ui.source_columns()
    if i18n.current() != i18n.ENGLISH:
        for column in columns:
            if column not in config and column in COLUMN_LABELS:
                config[column] = column_label(column)
    return config | (extra or {})
