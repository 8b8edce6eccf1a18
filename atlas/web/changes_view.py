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

from atlas.core import params, regions
from atlas.core.dates import format_date, localize_note, year_end
from atlas.core.i18n import N_, _
from atlas.figures.maps import PRESENT_FONT_SIZE
from atlas.queries import changes
from atlas.queries.catalog import with_source_kind
from atlas.web import cache as loaders
from atlas.web import widgets as ui
from atlas.web.cache import FIRST_YEAR

COMPARE_KEY = "compare"
REGION_KEY = "changes_region"
NO_COMPARE = N_("no comparison")


def shown_changes(table: pd.DataFrame) -> pd.DataFrame:
    """A changes table as the visitor reads it: continents, regions and date notes in the run's
    language (the dates stay ISO, so the column sorts)."""
    shown = table.copy()
    for column in ("continent", "region"):
        if column in shown.columns:
            shown[column] = shown[column].map(regions.name)
    if "date" in shown.columns:
        shown["date"] = shown["date"].map(localize_note)
    return shown


def change_table_config() -> dict:
    """The compare table's columns, headed in the run's language."""
    return {
        "iso3": None,
        "name": _("State"),
        "continent": _("Continent"),
        "region": _("UN sub-region"),
        "change": _("Change"),
        "from": st.column_config.TextColumn(_("Before"), width="medium"),
        "to": st.column_config.TextColumn(_("After"), width="medium"),
        "date": _("Date"),
        "event": _("Event"),
        **ui.SOURCE_COLUMNS,
    }


def region_control() -> str | None:
    """The region filter of the year's changes and the compare table (``?region=``): English codes, labels translated."""
    st.selectbox(_("Region"), all_region_options(), key=REGION_KEY, format_func=changes.region_label)
    return st.session_state.get(REGION_KEY)


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
        _("Compare with"),
        years,
        key=COMPARE_KEY,
        format_func=lambda y: _(NO_COMPARE) if y is None else _("end of {year}").format(year=y),
        help=_("Show what changed between this year and the year shown: states that gained, restored or lost relations."),
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

    st.subheader(_("What changed between {earlier} and {later}").format(earlier=format_date(earlier), later=format_date(later)))
    # The same region filter (and ``?region=``) as the year's changes list.
    region = region_control()
    status = changes.filter_region(status, region)
    counts = changes.change_counts(status)
    filtered = region not in (None, changes.ALL_REGIONS)
    label = changes.region_label(region)
    cols = st.columns(6)
    cols[0].metric(_("Parties with relations, {year}").format(year=earlier.year), count_with_relations(index, earlier))
    cols[1].metric(_("Parties with relations, {year}").format(year=later.year), count_with_relations(index, later))
    if filtered:
        cols[2].metric(_("States gained in {region}").format(region=label), counts["gained"])
        cols[3].metric(_("States restored in {region}").format(region=label), counts["restored"])
        cols[4].metric(_("States lost in {region}").format(region=label), counts["lost"])
        cols[5].metric(_("Passed to a successor in {region}").format(region=label), counts["successor"])
    else:
        cols[2].metric(_("States gained"), counts["gained"])
        cols[3].metric(_("States restored"), counts["restored"])
        cols[4].metric(_("States lost"), counts["lost"])
        cols[5].metric(_("Passed to a successor"), counts["successor"])
    table = shown_changes(with_source_kind(changes.changes_between(status)))
    if table.empty:
        if filtered:
            st.info(_("No state's relations changed in {region} between these dates.").format(region=label))
        else:
            st.info(_("No state's relations changed between these dates."))
        return
    st.dataframe(table, hide_index=True, width="stretch", column_config=change_table_config(), key="compare_table")
    ui.csv_download(
        _("Download these changes (CSV)"),
        table,
        _("dprk-relations-changes-{earlier}-{later}.csv").format(earlier=earlier.isoformat(), later=later.isoformat()),
        key="compare_download",
    )
    st.caption(
        _(
            "The CSV has the {rows} rows of the table above (states on today's map), one date per `date` cell "
            "(a date the sources give as uncertain is marked in a `date_note` column beside it)."
        ).format(rows=len(table))
    )
    st.caption(
        _(
            "States on today's map: a territory that belonged to the Soviet Union or Yugoslavia shows that state's "
            "relations, so a former republic's ties 'passed to a successor' when they became its own, and were 'lost' "
            "when it had none. 'Restored': relations back after a suspension or severance. "
            "'Parties' count the states that existed at each date (dissolved ones included) and the EU."
        )
    )
    with st.expander(_("Parties that gained, restored or lost relations (dissolved states included)")):
        parties = loaders.party_changes(earlier, later)
        moved = parties["change"].value_counts()
        st.caption(
            _(
                "{before} parties with relations on {earlier} + {gained} gained + {restored} restored − {lost} lost"
                " = {after} on {later}."
            ).format(
                before=count_with_relations(index, earlier),
                earlier=format_date(earlier),
                gained=moved.get(_("Gained"), 0),
                restored=moved.get(_("Restored"), 0),
                lost=moved.get(_("Lost"), 0),
                after=count_with_relations(index, later),
                later=format_date(later),
            )
        )
        st.dataframe(
            shown_changes(with_source_kind(parties)),
            hide_index=True,
            width="stretch",
            column_config={
                "iso3": None,
                "name": _("Party"),
                "change": _("Change"),
                "date": _("Date"),
                "event": _("Event"),
                **ui.SOURCE_COLUMNS,
            },
        )


def show_year_changes(year: int) -> None:
    """The year's establishments, breaks and restorations, filterable by region, with a CSV."""
    st.subheader(_("Changes in {year}").format(year=year))
    region = region_control()
    table = with_source_kind(changes.filter_region(loaders.year_changes(year), region))
    if table.empty:
        if region in (None, changes.ALL_REGIONS):
            st.caption(_("No relations were established, suspended, severed or restored in {year}.").format(year=year))
        else:
            st.caption(
                _("No relations were established, suspended, severed or restored in {region} in {year}.").format(
                    region=changes.region_label(region), year=year
                )
            )
        return
    with st.container(key="year_changes_list"):
        st.markdown("\n".join(changes.year_change_lines(table)))
    ui.csv_download(
        _("Download this list (CSV)"),
        table,
        _("dprk-relations-changes-{year}.csv").format(year=year),
        key="year_changes_download",
    )
