"""Map-page glue for changes: the compare view (``?compare=1988``) and the year's changes list.

Kept apart from ``map_page`` so the map page's own layout can change without touching this.
State lives in session state and the URL (declared in ``atlas.core.links``, kept by
``atlas.web.urls``): ``compare`` (a year or nothing) and ``region`` (a filter of the year's changes
list, e.g. ``Africa`` or ``Africa · Western Africa``, under the session key ``changes_region``).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from atlas.core import params
from atlas.core.dates import format_date, year_end
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
    return params.read_other_year(raw, "compare", (FIRST_YEAR, last_year, year))


def all_region_options() -> list[str]:
    """Region choices from every relationship event, so a choice survives moving the year."""
    return loaders.year_change_region_options()


def compare_control(today: dt.date) -> None:
    """'Compare with' picker: a year, or no comparison."""
    years = [None, *range(FIRST_YEAR, today.year + 1)]
    st.selectbox(
        "Compare with",
        years,
        key=COMPARE_KEY,
        format_func=lambda y: NO_COMPARE if y is None else f"end of {y}",
        help="Show what changed between this year and the year shown: states that gained, restored or lost relations.",
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
    """Counts, the table of gained / restored / lost / successor states with sources, and its CSV."""
    index = loaders.relations_index()
    from atlas.queries.relations import count_with_relations

    st.subheader(f"What changed between {format_date(earlier)} and {format_date(later)}")
    # The same region filter (and ``?region=``) as the year's changes list.
    st.selectbox("Region", all_region_options(), key=REGION_KEY)
    region = st.session_state.get(REGION_KEY)
    status = changes.filter_region(status, region)
    counts = changes.change_counts(status)
    where = "" if region in (None, changes.ALL_REGIONS) else f" in {region}"
    cols = st.columns(6)
    cols[0].metric(f"Parties with relations, {earlier.year}", count_with_relations(index, earlier))
    cols[1].metric(f"Parties with relations, {later.year}", count_with_relations(index, later))
    cols[2].metric(f"States gained{where}", counts["gained"])
    cols[3].metric(f"States restored{where}", counts["restored"])
    cols[4].metric(f"States lost{where}", counts["lost"])
    cols[5].metric(f"Passed to a successor{where}", counts["successor"])
    table = with_source_kind(changes.changes_between(status))
    if table.empty:
        st.info(f"No state's relations changed{where} between these dates.")
        return
    st.dataframe(table, hide_index=True, width="stretch", column_config=CHANGE_TABLE_CONFIG, key="compare_table")
    ui.csv_download(
        "Download these changes (CSV)",
        table,
        f"dprk-relations-changes-{earlier.isoformat()}-{later.isoformat()}.csv",
        key="compare_download",
    )
    st.caption(
        f"The CSV has the {len(table)} rows of the table above (states on today's map), one date per `date` cell "
        "(a date the sources give as uncertain is marked in a `date_note` column beside it)."
    )
    st.caption(
        "States on today's map: a territory that belonged to the Soviet Union or Yugoslavia shows that state's "
        "relations, so a former republic's ties 'passed to a successor' when they became its own, and were 'lost' "
        "when it had none. 'Restored': relations back after a suspension or severance. "
        "'Parties' count the states that existed at each date (dissolved ones included) and the EU."
    )
    with st.expander("Parties that gained, restored or lost relations (dissolved states included)"):
        parties = loaders.party_changes(earlier, later)
        moved = parties["change"].value_counts()
        st.caption(
            f"{count_with_relations(index, earlier)} parties with relations on {format_date(earlier)}"
            f" + {moved.get('Gained', 0)} gained + {moved.get('Restored', 0)} restored − {moved.get('Lost', 0)} lost"
            f" = {count_with_relations(index, later)} on {format_date(later)}."
        )
        st.dataframe(
            with_source_kind(parties),
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
    ui.csv_download("Download this list (CSV)", table, f"dprk-relations-changes-{year}.csv", key="year_changes_download")
