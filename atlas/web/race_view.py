"""Streamlit glue for the dual-Korea view of the map page (``/map?view=both``, issue 13).

The view is a segmented control whose state is ``?view=`` (declared in ``atlas.core.links``, read
and written by ``atlas.web.urls`` like every page parameter). The map itself goes
through the shared ``figures.category_map`` like the DPRK map, so small-state dots, hover,
selection, legend and sizing behave the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from atlas.core import links
from atlas.core.dates import format_date
from atlas.queries.race import RACE_LABELS
from atlas.web import cache as loaders

VIEW_KEY = "map_view"
VIEW_LABELS = {
    "dprk": "Relations with the DPRK",
    "both": "Both Koreas: the race with Seoul",
    "embassies": "Embassies both ways",
}
DEFAULT_VIEW = links.param("map", "view").default


def view_control() -> str:
    """The view picker above the map; returns the view to draw (the default if none is picked)."""
    st.segmented_control(
        "Map", options=list(VIEW_LABELS), format_func=VIEW_LABELS.__getitem__, key=VIEW_KEY, label_visibility="collapsed"
    )
    return st.session_state.get(VIEW_KEY) or DEFAULT_VIEW


def both_map(when: dt.date, *, today: dt.date, presenting: bool, on_select: Callable[[], None]) -> None:
    """Every state's relations with the two Koreas at ``when``, then the counts behind the colours."""
    try:
        figure = loaders.race_map_figure(when, today, presenting)
        counts = loaders.race_map_counts(when)
    except loaders.DataError as error:
        st.error(f"The two-Koreas map cannot be shown: **{error}**", icon=":material/error:")
        return
    from atlas.web.map_view import draw_map

    draw_map(figure, on_select)
    st.caption(
        f"On {format_date(when)}, counting states and territories on today's map: "
        + " · ".join(
            f"{RACE_LABELS[category][0].lower()}{RACE_LABELS[category][1:]}: {number}" for category, number in counts.items()
        )
        + ". Partners of Seoul and of Pyongyang at each year's end are charted on the Timelines page, counting "
        "parties as they existed (the USSR once, not its successors), so its numbers differ from these."
    )
