"""Tables as spreadsheet-ready CSV (pure): UTF-8 with a byte-order mark, one date per date cell.

Excel opens a CSV without a byte-order mark in the machine's legacy code page, so "Côte d'Ivoire"
and "Curaçao" come out garbled; with the mark it reads UTF-8. A date cell holds a date only: a
note such as "(date uncertain)" goes to a column of its own (``date`` -> ``date_note``), so the
column sorts and filters as dates.
"""

from __future__ import annotations

import pandas as pd

from atlas.core.dates import split_noted

BOM = "\ufeff"


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
    """A table as Excel-ready CSV: UTF-8 with a byte-order mark, notes out of the date cells."""
    return (BOM + one_date_per_cell(frame).to_csv(index=False)).encode("utf-8")


def with_bom(raw: bytes) -> bytes:
    """A CSV file's bytes with the UTF-8 byte-order mark in front (once)."""
    mark = BOM.encode("utf-8")
    return raw if raw.startswith(mark) else mark + raw
