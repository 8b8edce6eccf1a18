"""Streamlit glue for the race with Seoul (issue 13): the chart section of the Timelines page."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from atlas.core.dates import format_date
from atlas.core.i18n import _
from atlas.data.loading import DataError
from atlas.web import cache as loaders
from atlas.web import widgets as ui


def show_race_chart(today: dt.date) -> None:
    """The race in numbers: partners of each Korea and of both, with the moments that turned it."""
    st.subheader(_("The race with Seoul"))
    try:
        per_year = loaders.race_per_year(today)
        figure, moments = loaders.race_chart(today)
    except DataError as error:
        st.error(_("The race chart cannot be shown: **{error}**").format(error=error), icon=":material/error:")
        return
    latest = per_year.iloc[-1]
    st.caption(
        _(
            "States with diplomatic relations with each Korea at the end of every year, and the share of "
            "them that recognised both. Today: {rok} partners of Seoul, {dprk} of Pyongyang, "
            "{both} of both. Counted: parties as they existed at each date — a dissolved state "
            "counts while it existed (the USSR once, not as its fifteen successors); breaks count as no relations. "
            "The map's Both Koreas view counts states on today's map instead, so its numbers differ (see below)."
        ).format(rok=latest["rok"], dprk=latest["dprk"], both=latest["both"])
    )
    st.plotly_chart(figure, key="race_chart", config=ui.CHART_CONFIG, width="stretch")
    year_readout(per_year, today)
    marked = "; ".join(f"{m['label']}, {m['when']} ({ui.source_markdown(m['source_url'])})" for m in moments)
    st.caption(
        _("Marked: {moments}. Sources of the counts: data/relations.csv and data/rok_relations.csv.").format(moments=marked)
    )


YEAR_KEY = "race_year"


def year_readout(per_year, today: dt.date) -> None:
    """One year's numbers read off the chart without pixel hunting, beside the map's count on today's borders."""
    years = per_year["year"].tolist()
    if YEAR_KEY not in st.session_state or st.session_state[YEAR_KEY] not in years:
        st.session_state[YEAR_KEY] = years[-1]
    year = st.select_slider(_("Read a year off the chart"), options=years, key=YEAR_KEY)
    row = per_year[per_year["year"] == year].iloc[0]
    when = row["date"]
    on_map = loaders.race_map_counts(when)
    table = pd.DataFrame(
        {
            _("At the end of"): [format_date(when)] * 3,
            _("Partners of"): [_("South Korea (ROK)"), _("North Korea (DPRK)"), _("Both Koreas")],
            _("Parties as they existed (this chart)"): [int(row["rok"]), int(row["dprk"]), int(row["both"])],
            _("States on today's map (the map's Both Koreas view)"): [
                on_map.get("rok_only", 0) + on_map.get("both", 0),
                on_map.get("dprk_only", 0) + on_map.get("both", 0),
                on_map.get("both", 0),
            ],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch", key="race_year_table")
    st.caption(
        _(
            "{share}% of the {either} parties with relations with either Korea "
            "recognised both at the end of {year}. The two counts answer different questions: this chart counts each "
            "party once, as it existed; the map colours every state and territory on today's borders, so a dissolved "
            "state's territory counts once per successor."
        ).format(share=f"{row['both_share'] * 100:.0f}", either=int(row["either"]), year=year)
    )
