"""Streamlit-side loading: each dataset is read and validated once, then cached.

``st.cache_data`` keeps the validated DataFrames (every caller gets its own copy);
``st.cache_resource`` keeps the ``RelationsIndex`` built from them, which is read-only and
shared by all sessions. A broken file becomes a ``DataError`` that the page shows as a readable
message (``ui.show_data_error``); other pages keep working.
"""

from __future__ import annotations

import datetime as dt
import threading

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from components import datasets, figures, relations
from components.datasets import DataError, RelationsData
from components.relations import RelationsIndex, party_dots, relations_at, relations_per_year

FIRST_YEAR = 1948


@st.cache_data(show_spinner=False)
def relations_data() -> RelationsData:
    """The five relations files, schema- and cross-checked."""
    return datasets.load_relations_data()


@st.cache_resource(show_spinner=False)
def relations_index() -> RelationsIndex:
    """Shared, read-only index over ``relations_data`` (raises ``DataError``)."""
    return RelationsIndex(relations_data())


@st.cache_data(show_spinner=False)
def table(name: str) -> pd.DataFrame:
    """Any single validated table of ``schemas.TABLES`` (events, gifts, centroids…)."""
    return datasets.read_table(name)


@st.cache_data(show_spinner=False)
def gifts() -> pd.DataFrame:
    """Gifts, validated with their links to events."""
    return datasets.load_gifts()


@st.cache_data(show_spinner=False)
def map_status(when: dt.date) -> pd.DataFrame:
    """``relations_at`` for one date, computed once per date for all visitors."""
    return relations_at(relations_index(), when)


@st.cache_data(show_spinner=False)
def per_year(today: dt.date) -> pd.DataFrame:
    """Relations established per year and parties with relations at each year's end."""
    return relations_per_year(relations_index(), FIRST_YEAR, today.year, today)


@st.cache_data(show_spinner=False)
def map_dots() -> pd.DataFrame:
    """Where the map draws small states as dots (parties only, no dependent territories)."""
    return party_dots(table("centroids"), relations_index())


# Figures are cached as shared resources: building one validates every property (~20 ms), and
# st.plotly_chart only reads them (it serialises a copy). One per date, shared by all visitors.
@st.cache_resource(show_spinner=False, max_entries=400)
def map_figure(when: dt.date, today: dt.date, presenting: bool = False) -> go.Figure:
    """The recognition map for one date (larger type when projected)."""
    return figures.recognition_map(
        map_status(when), map_dots(), f"Relations with the DPRK, {when:%d %B %Y}", font_size=18 if presenting else 13
    )


_warming = threading.Lock()


def warm_map_figures(whens: list[dt.date], today: dt.date, presenting: bool) -> None:
    """Build the maps Play will show next in a background thread, so each tick only sends one.

    Measured on a loaded 2-core machine: building a year's figure took 0.3-0.8 s, more than the
    pause between years. One warmer at a time; years already cached cost nothing.
    """
    if not _warming.acquire(blocking=False):
        return

    def work() -> None:
        try:
            for when in whens:
                map_figure(when, today, presenting)
        finally:
            _warming.release()

    thread = threading.Thread(target=work, name="warm-map-figures", daemon=True)
    add_script_run_ctx(thread, get_script_run_ctx())  # the caches expect a session's context
    thread.start()


@st.cache_data(show_spinner=False, max_entries=50)
def map_csv(when: dt.date) -> pd.DataFrame:
    """The map's data as a spreadsheet-ready table (built when the download is clicked)."""
    return relations.map_csv(map_status(when), when)


@st.cache_data(show_spinner=False)
def picker_labels() -> dict[str, str]:
    """Every state the map's country picker offers, code -> label."""
    return relations.picker_labels(relations_index())


@st.cache_data(show_spinner=False, max_entries=200)
def recognition_sparkline(today: dt.date, year: int) -> str:
    """SVG of relations per year with ``year`` marked."""
    return figures.recognition_sparkline(per_year(today), year)


__all__ = [
    "DataError",
    "relations_data",
    "relations_index",
    "table",
    "gifts",
    "map_status",
    "per_year",
    "map_figure",
    "FIRST_YEAR",
]
