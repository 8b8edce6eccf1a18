"""Streamlit glue for the race with Seoul (issue 13): the chart section of the Timelines page."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from atlas.data.loading import DataError
from atlas.web import cache as loaders
from atlas.web import widgets as ui


def show_race_chart(today: dt.date) -> None:
    """The race in numbers: partners of each Korea and of both, with the moments that turned it."""
    st.subheader("The race with Seoul")
    try:
        per_year = loaders.race_per_year(today)
        figure, moments = loaders.race_chart(today)
    except DataError as error:
        st.error(f"The race chart cannot be shown: **{error}**", icon=":material/error:")
        return
    latest = per_year.iloc[-1]
    st.caption(
        "States with diplomatic relations with each Korea at the end of every year, and the share of "
        f"them that recognised both. Today: {latest['rok']} partners of Seoul, {latest['dprk']} of Pyongyang, "
        f"{latest['both']} of both. Dissolved states count while they existed; breaks count as no relations."
    )
    st.plotly_chart(figure, key="race_chart", config=ui.CHART_CONFIG, width="stretch")
    st.caption(
        "Marked: "
        + "; ".join(f"{m['label']}, {m['when']} ({ui.source_markdown(m['source_url'])})" for m in moments)
        + ". Sources of the counts: data/relations.csv and data/rok_relations.csv."
    )
