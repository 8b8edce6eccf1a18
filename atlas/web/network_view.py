"""Streamlit glue for the embassy network view of the map page (``/map?view=embassies``, issue 19).

The map shows, at the end of the year chosen, which states had a DPRK mission, a mission of their
own in Pyongyang, both, or only an ambassador accredited from elsewhere; beside it the number of
resident missions each way per year, and below it the year's openings and closings. The year
slider, Play, the country picker and the URL are the map page's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from atlas.core.i18n import _
from atlas.queries.missions import NETWORK_LABELS, mission_change_lines
from atlas.web import cache as loaders
from atlas.web import widgets as ui


def embassy_map(when: dt.date, *, today: dt.date, presenting: bool, on_select: Callable[[], None]) -> None:
    """The network map at ``when`` and what its colours count."""
    try:
        figure = loaders.network_map_figure(when, today, presenting)
        status = loaders.network_status(when)
    except loaders.DataError as error:
        st.error(_("The embassy map cannot be shown: **{error}**").format(error=error), icon=":material/error:")
        return
    from atlas.web.map_view import draw_map

    draw_map(figure, on_select)
    counts = status["category"].value_counts()
    shown = [k for k in NETWORK_LABELS if k not in ("none", "dprk") and counts.get(k, 0)]
    counted = " · ".join(f"{_(NETWORK_LABELS[k]).lower()}: {int(counts[k])}" for k in shown)
    st.caption(
        _(
            "States on today's map: {counts}. A mission whose opening no source dates is shown from the start of "
            "relations, and its hover says so."
        ).format(counts=counted)
    )


def network_side_chart(chart, notes, when: dt.date, today: dt.date) -> None:
    """Resident missions per year beside the map, with the year shown marked."""
    per_year = loaders.network_per_year(today)
    row = per_year[per_year["year"] == when.year]
    ui.layered_image(
        chart, "layered_network", loaders.network_sparkline(today), loaders.network_sparkline_marker(today, when.year)
    )
    if len(row):
        notes.caption(
            _(
                ":blue[━] DPRK missions abroad ({abroad} at the end of {year}) · "
                ":orange[━] missions in Pyongyang ({home}). Resident missions only: "
                "embassies, consulates, representative and trade offices."
            ).format(abroad=int(row["dprk_abroad"].iloc[0]), year=when.year, home=int(row["in_pyongyang"].iloc[0]))
        )


def show_year_missions(year: int) -> None:
    """The year's mission openings and closings, both ways, with a CSV."""
    st.subheader(_("Missions opened and closed in {year}").format(year=year))
    table = loaders.year_mission_changes(year)
    if table.empty:
        st.caption(_("No dated mission opened or closed in {year}.").format(year=year))
        return
    with st.container(key="year_missions_list"):
        st.markdown("\n".join(mission_change_lines(table)))
    ui.csv_download(
        _("Download this list (CSV)"),
        table,
        _("dprk-missions-changes-{year}.csv").format(year=year),
        key="year_missions_download",
    )
