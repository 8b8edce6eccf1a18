"""Streamlit glue for the dual-Korea view of the map page (``/map?view=both``, issue 13).

The view is a segmented control whose state is seeded from ``?view=`` whenever the control has
no state yet (a session's first run, or a return from another page, where Streamlit drops the
state of widgets it did not draw) and written back to the URL on every run. The map itself goes
through the shared ``figures.category_map`` like the DPRK map, so small-state dots, hover,
selection, legend and sizing behave the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from atlas.core import params
from atlas.core.dates import format_date
from atlas.queries.race import RACE_LABELS
from atlas.web import cache as loaders

VIEW_KEY = "map_view"
VIEW_LABELS = {"dprk": "Relations with the DPRK", "both": "Both Koreas: the race with Seoul"}
DEFAULT_VIEW = "dprk"


def init_from_url() -> str | None:
    """Seed the view from ``?view=`` when the control has no state; a notice for a bad value."""
    if VIEW_KEY in st.session_state:
        return None
    view, notice = params.read_choice(st.query_params.get("view"), "view", set(VIEW_LABELS))
    st.session_state[VIEW_KEY] = view or DEFAULT_VIEW
    return notice


def view_control() -> str:
    """The view picker above the map; returns the view to draw (the default if none is picked)."""
    st.segmented_control(
        "Map", options=list(VIEW_LABELS), format_func=VIEW_LABELS.__getitem__, key=VIEW_KEY, label_visibility="collapsed"
    )
    view = st.session_state.get(VIEW_KEY) or DEFAULT_VIEW
    if view == DEFAULT_VIEW:
        if "view" in st.query_params:
            del st.query_params["view"]
    else:
        st.query_params["view"] = view
    return view


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
