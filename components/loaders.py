"""Streamlit-side loading: each dataset is read and validated once, then cached.

``st.cache_data`` keeps the validated DataFrames (every caller gets its own copy);
``st.cache_resource`` keeps the ``RelationsIndex`` built from them, which is read-only and
shared by all sessions. A broken file becomes a ``DataError`` that the page shows as a readable
message (``ui.show_data_error``); other pages keep working.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import datasets, figures
from components.datasets import DataError, RelationsData
from components.relations import RelationsIndex, relations_at, relations_per_year

FIRST_YEAR = 1948


@st.cache_data(show_spinner=False)
def relations_data() -> RelationsData:
    """The five relations files, schema- and cross-checked."""
    return datasets.load_relations_data()


@st.cache_resource(show_spinner=False)
def relations_index() -> RelationsIndex:
    """Shared, read-only index over ``relations_data`` (raises ``DataError``)."""
    return RelationsIndex(relations_data())


@st.cache_resource(show_spinner=False)
def rok_relations_index() -> RelationsIndex:
    """The Republic of Korea's relations, validated once and shared read-only (raises ``DataError``)."""
    return RelationsIndex(datasets.load_rok_relations_data())


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
def race_per_year(today: dt.date) -> pd.DataFrame:
    """Partners of each Korea, of both, and the share of both, at each year's end."""
    from components.race import race_per_year as compute

    return compute(relations_index(), rok_relations_index(), FIRST_YEAR, today.year, today)


# Figures are cached as shared resources: building one validates every property (~20 ms), and
# st.plotly_chart only reads them (it serialises a copy). One per date, shared by all visitors.
@st.cache_resource(show_spinner=False, max_entries=200)
def map_figure(when: dt.date, today: dt.date) -> go.Figure:
    """The recognition map for one date."""
    return figures.recognition_map(map_status(when), table("centroids"), f"Relations with the DPRK, {when:%d %B %Y}")


@st.cache_data(show_spinner=False, max_entries=200)
def recognition_sparkline(today: dt.date, year: int) -> str:
    """SVG of relations per year with ``year`` marked."""
    return figures.recognition_sparkline(per_year(today), year)


__all__ = [
    "DataError",
    "relations_data",
    "relations_index",
    "rok_relations_index",
    "table",
    "gifts",
    "map_status",
    "per_year",
    "map_figure",
    "FIRST_YEAR",
]
