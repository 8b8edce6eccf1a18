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
from atlas.core.i18n import N_, _
from atlas.queries.race import RACE_LABELS
from atlas.web import cache as loaders

VIEW_KEY = "map_view"
VIEW_LABELS = {
    "dprk": N_("Relations with the DPRK"),
    "both": N_("Both Koreas: the race with Seoul"),
    "embassies": N_("Embassies both ways"),
    "alignment": N_("UN votes with the DPRK"),
    "visits": N_("Leaders' visits"),
}
DEFAULT_VIEW = links.param("map", "view").default


def view_control() -> str:
    """The view picker above the map; returns the view to draw (the default if none is picked)."""
    st.segmented_control(
        _("Map"),
        options=list(VIEW_LABELS),
        format_func=lambda view: _(VIEW_LABELS[view]),
        key=VIEW_KEY,
        label_visibility="collapsed",
        on_change=_view_changed,
    )
    return st.session_state.get(VIEW_KEY) or DEFAULT_VIEW


def _view_changed() -> None:
    from atlas.web import alignment_view
    from atlas.web.map_view import YEAR_KEY

    alignment_view.on_view_change(YEAR_KEY, VIEW_KEY)


def both_map(when: dt.date, *, today: dt.date, presenting: bool, on_select: Callable[[], None]) -> None:
    """Every state's relations with the two Koreas at ``when``, then the counts behind the colours."""
    try:
        figure = loaders.race_map_figure(when, today, presenting)
        counts = loaders.race_map_counts(when)
    except loaders.DataError as error:
        st.error(_("The two-Koreas map cannot be shown: **{error}**").format(error=error), icon=":material/error:")
        return
    from atlas.web.map_view import draw_map

    draw_map(figure, on_select)
    counted = " · ".join(f"{_lower_first(_(RACE_LABELS[category]))}: {number}" for category, number in counts.items())
    st.caption(
        _(
            "On {date}, counting states and territories on today's map: {counts}. Partners of Seoul and of "
            "Pyongyang at each year's end are charted on the Timelines page, counting parties as they existed "
            "(the USSR once, not its successors), so its numbers differ from these."
        ).format(date=format_date(when), counts=counted)
    )


def _lower_first(text: str) -> str:
    """'relations with both Koreas' inside a sentence (Korean has no case: unchanged)."""
    return text[:1].lower() + text[1:]
