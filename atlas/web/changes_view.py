"""Map-page glue for changes: the compare view (``?compare=1988``) and the year's changes list.

Kept apart from ``map_page`` so the map page's own layout can change without touching this.
State lives in session state and the URL: ``compare`` (a year or nothing) and ``region`` (a
filter of the year's changes list, e.g. ``Africa`` or ``Africa · Western Africa``).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pandas as pd
import streamlit as st

from atlas.core import params
from atlas.core.dates import year_end
from atlas.figures.maps import PRESENT_FONT_SIZE
from atlas.queries import changes
from atlas.queries.catalog import with_source_kind
from atlas.web import cache as loaders
from atlas.web import widgets as ui
from atlas.web.cache import FIRST_YEAR

COMPARE_KEY = "compare"
REGION_KEY = "changes_region"
NO_COMPARE = "no comparison"

CHANGE_TABLE_CONFIG = {
    "iso3": None,
    "name": "State",
    "continent": "Continent",
    "region": "UN sub-region",
    "change": "Change",
    "from": st.column_config.TextColumn("Before", width="medium"),
    "to": st.column_config.TextColumn("After", width="medium"),
    "date": "Date",
    "event": "Event",
    **ui.SOURCE_COLUMNS,
}


def read_compare(raw: object, year: int, last_year: int) -> tuple[int | None, str | None]:
    """The ``compare`` URL value: a year in range that differs from the year shown."""
    value, notice = params.read_int(raw, "compare", FIRST_YEAR, last_year)
    if value is not None and value == year:
        return None, f"Ignored compare={value}: it is the year shown; pick another year to compare with."
    return value, notice


def all_region_options() -> list[str]:
    """Region choices from every relationship event, so a choice survives moving the year."""
    return loaders.year_change_region_options()


def init_from_url(year: int, today: dt.date) -> str | None:
    """Seed ``compare`` and ``region`` from the URL on a session's first run; return a notice."""
    if st.session_state.get("_map_changes_url_read"):
        return None
    st.session_state["_map_changes_url_read"] = True
    compare, compare_notice = read_compare(st.query_params.get("compare"), year, today.year)
    region, region_notice = params.read_choice(st.query_params.get("region"), "region", all_region_options())
    st.session_state[COMPARE_KEY] = compare
    st.session_state[REGION_KEY] = region or changes.ALL_REGIONS
    return params.join_notices([compare_notice, region_notice])


def write_url() -> None:
    """Mirror compare and region into the URL (absent when off / all regions)."""
    values = {"compare": st.session_state.get(COMPARE_KEY), "region": st.session_state.get(REGION_KEY)}
    defaults = {"compare": None, "region": changes.ALL_REGIONS}
    for key, value in values.items():
        if value is not None and value != defaults[key]:
            st.query_params[key] = str(value)
        elif key in st.query_params:
            del st.query_params[key]


def compare_control(today: dt.date) -> None:
    """'Compare with' picker: a year, or no comparison."""
    years = [None, *range(FIRST_YEAR, today.year + 1)]
    st.selectbox(
        "Compare with",
        years,
        key=COMPARE_KEY,
        format_func=lambda y: NO_COMPARE if y is None else f"end of {y}",
        help="Show what changed between this year and the year shown: gained, lost and changed states.",
    )


def compare_dates(year: int, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """(earlier, later) dates of the comparison, or None when off or the two years are equal."""
    other = st.session_state.get(COMPARE_KEY)
    if other is None or other == year:
        return None
    first, second = sorted((other, year))
    return year_end(first, today), year_end(second, today)


def compare_chart(earlier: dt.date, later: dt.date, on_select, presenting: bool) -> None:
    """The compare map in the map page's frame; a click opens the country panel as on the main map."""
    from atlas.web.map_view import draw_map

    draw_map(loaders.compare_figure(earlier, later, PRESENT_FONT_SIZE if presenting else 13), on_select)


def show_compare(earlier: dt.date, later: dt.date, status: pd.DataFrame) -> None:
    """Counts, the table of gained / lost / changed states with sources, and its CSV."""
    index = loaders.relations_index()
    from atlas.queries.relations import count_with_relations

    counts = changes.change_counts(status)
    st.subheader(f"What changed between {earlier:%d %b %Y} and {later:%d %b %Y}")
    cols = st.columns(5)
    cols[0].metric(f"Parties with relations, {earlier.year}", count_with_relations(index, earlier))
    cols[1].metric(f"Parties with relations, {later.year}", count_with_relations(index, later))
    cols[2].metric("States gained", counts["gained"])
    cols[3].metric("States lost", counts["lost"])
    cols[4].metric("States changed", counts["changed"])
    table = with_source_kind(changes.changes_between(status))
    if table.empty:
        st.info("No state's relations changed between these dates.")
        return
    st.dataframe(table, hide_index=True, width="stretch", column_config=CHANGE_TABLE_CONFIG, key="compare_table")
    st.download_button(
        "Download these changes (CSV)",
        partial(ui.csv_bytes, table),
        file_name=f"dprk-relations-changes-{earlier.isoformat()}-{later.isoformat()}.csv",
        mime="text/csv",
        on_click="ignore",
        key="compare_download",
    )
    st.caption(
        "States on today's map: a territory that belonged to the Soviet Union or Yugoslavia shows that state's "
        "relations, so a former republic 'changed' when its ties became its own and 'lost' when it had none. "
        "'Parties' count the states that existed at each date (dissolved ones included) and the EU."
    )
    with st.expander("Parties that gained or lost relations (dissolved states included)"):
        st.dataframe(
            with_source_kind(loaders.party_changes(earlier, later)),
            hide_index=True,
            width="stretch",
            column_config={
                "iso3": None,
                "name": "Party",
                "change": "Change",
                "date": "Date",
                "event": "Event",
                **ui.SOURCE_COLUMNS,
            },
        )


def show_year_changes(year: int) -> None:
    """The year's establishments, breaks and restorations, filterable by region, with a CSV."""
    st.subheader(f"Changes in {year}")
    st.selectbox("Region", all_region_options(), key=REGION_KEY)
    region = st.session_state.get(REGION_KEY)
    table = with_source_kind(changes.filter_region(loaders.year_changes(year), region))
    where = "" if region in (None, changes.ALL_REGIONS) else f" in {region}"
    if table.empty:
        st.caption(f"No relations were established, suspended, severed or restored{where} in {year}.")
        return
    with st.container(key="year_changes_list"):
        st.markdown("\n".join(changes.year_change_lines(table)))
    st.download_button(
        "Download this list (CSV)",
        partial(ui.csv_bytes, table),
        file_name=f"dprk-relations-changes-{year}.csv",
        mime="text/csv",
        on_click="ignore",
        key="year_changes_download",
    )
