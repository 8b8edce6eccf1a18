"""Recognition map: every state's relationship with the DPRK at a chosen year, on today's borders."""

import datetime as dt
from functools import partial

import streamlit as st

from atlas.core.dates import format_date
from atlas.core.i18n import _
from atlas.data.loading import DataError
from atlas.data.registry import RELATIONS_FILES
from atlas.queries.relations import count_with_relations
from atlas.web import alignment_view, focus, language, network_view, race_view
from atlas.web import cache as loaders
from atlas.web import changes_view as map_changes
from atlas.web import map_view as map_page
from atlas.web import urls as url_state
from atlas.web import widgets as ui

try:
    index = loaders.relations_index()
    loaders.map_dots()  # checked here so a broken centroids file stops the page with its message
    pickable = loaders.picker_labels()
except DataError as error:
    ui.show_data_error(error)

# Year, record, presentation, compare, region and view from the URL, with one notice for what it got
# wrong (read first: ``?present=1`` drops the title).
if url_state.sync("map", **map_page.url_domains(set(pickable))):
    map_page.stop_playing()  # coming back to the page never resumes an animation the visitor left
if map_page.presenting():
    map_page.present_control()
else:
    # The Present switch shares the title's row: a row of its own pushed the map 56 px down.
    heading, switch = st.columns([4, 1], vertical_alignment="center")
    heading.title(_("Recognition map"))
    with switch:
        map_page.present_control()
map_page.apply_style()
if not map_page.presenting():
    st.caption(
        _(
            "Which states had diplomatic relations with North Korea, year by year since its founding in "
            "1948 — drawn on today's borders, with the Soviet Union, East Germany, Yugoslavia and other "
            "dissolved states shown through the states that succeeded them. Each year shows the situation on "
            "31 December (today, for the current year)."
        )
    )


def dprk_map(when: dt.date) -> None:
    """The DPRK's relations at ``when``: the page's default view."""
    map_page.draw_map(
        loaders.map_figure(when, map_page.today(), map_page.presenting()), partial(map_page.on_map_select, set(pickable))
    )
    map_page.warm_neighbours()  # after the draw: its messages are on their way first


def both_koreas_map(when: dt.date) -> None:
    """Relations with North Korea, South Korea, both or neither at ``when`` (``?view=both``)."""
    race_view.both_map(
        when,
        today=map_page.today(),
        presenting=map_page.presenting(),
        on_select=partial(map_page.on_map_select, set(pickable)),
    )


def embassies_map(when: dt.date) -> None:
    """Missions both ways at ``when`` (``?view=embassies``)."""
    network_view.embassy_map(
        when,
        today=map_page.today(),
        presenting=map_page.presenting(),
        on_select=partial(map_page.on_map_select, set(pickable)),
    )


def alignment_map(when: dt.date) -> None:
    """Agreement with the DPRK in the UN General Assembly session of ``when.year`` (``?view=alignment``)."""
    alignment_view.alignment_map(
        when,
        year_key=map_page.YEAR_KEY,
        presenting=map_page.presenting(),
        on_select=partial(map_page.on_map_select, set(pickable)),
    )


def visits_map(when: dt.date) -> None:
    """Leaders' visits of a period around ``when`` (``?view=visits&period=...``)."""
    alignment_view.visits_map(
        when,
        today=map_page.today(),
        presenting=map_page.presenting(),
        on_select=partial(map_page.on_map_select, set(pickable)),
    )


# Views of the map page by ``?view=``; other views (compare, both Koreas) slot in here.
VIEWS = {
    "dprk": dprk_map,
    "both": both_koreas_map,
    "embassies": embassies_map,
    "alignment": alignment_map,
    "visits": visits_map,
}


def country_record(code: str, heading: bool = True) -> None:
    """A state's dated record, opened from the map (click, tap, picker or URL): focus and view follow."""
    with st.container(border=heading, key="country_panel"):
        # Close takes the width its label needs, so it is never cut to "Clo…" in large type.
        with st.container(horizontal=True, vertical_alignment="center"):
            st.subheader(pickable[code] if heading else _("Dated record"))
            if heading:
                st.button(_("Close"), key="close_country", on_click=map_page.clear_country, width="content")
            elif st.button(_("Close"), key="close_country", width="content"):
                map_page.clear_country()
                st.rerun()  # a dialog closes when the run that drew it does not draw it again
        focus.focus_record("country_panel", code)
        url_state.page_link(
            "country",
            _("{name}: the whole record on its country page").format(name=pickable[code]),
            ":material/flag:",
            country=code,
        )
        ui.country_profile(index, code)


@language.fragment(run_every=map_page.play_interval())
def atlas() -> None:
    map_page.advance_if_playing()
    # The address first: the widgets' values and callbacks are in session state already, and a rerun
    # that sync_timer asks for below must carry this run's address, not the browser's older one
    # (atlas.web.urls would read that as a new query string and step the year back).
    url_state.write("map")
    when = map_page.controls()
    map_page.sync_timer()
    # The record opens beside the map (under it on narrow screens). Presenting, the map comes
    # right under the year controls, so both fit a projector's screen; the picker follows it.
    if map_page.presenting():
        main, side = ui.record_layout()
    map_page.country_picker(pickable)
    compared = map_changes.compare_dates(when.year, map_page.today())
    view = race_view.view_control()  # drawn in every mode, so the choice survives a comparison
    if not map_page.presenting():
        main, side = ui.record_layout()
    with main:
        if compared:
            map_changes.compare_chart(*compared, partial(map_page.on_map_select, set(pickable)), map_page.presenting())
        else:
            VIEWS[view](when)
    count, chart, notes = st.columns([1, 1.3, 1.3])
    count.metric(_("Parties with relations on {date}").format(date=format_date(when)), count_with_relations(index, when))
    with count:
        map_changes.compare_control(map_page.today())
    if view == "embassies" and not compared:
        network_view.network_side_chart(chart, notes, when, map_page.today())
    elif view == "alignment" and not compared:
        alignment_view.alignment_side(chart, notes, when.year)
    else:
        ui.layered_image(
            chart,
            "layered_sparkline",
            loaders.recognition_sparkline(map_page.today()),
            loaders.recognition_sparkline_marker(map_page.today(), when.year),
        )
        notes.caption(
            _(
                ":blue[▮] relations established each year · :blue[━] parties with relations at year end · "
                ":orange[┊] the year shown. The Timelines page has the interactive version."
            )
        )
    ui.csv_download(
        _("Download this map's data (CSV)"),
        partial(loaders.map_csv, when),  # built on the click: a step does not pay for it
        _("dprk-relations-{date}.csv").format(date=when.isoformat()),
        where=notes,
    )
    notes.caption(
        _(
            "The CSV has one row per state or territory on today's map ({rows} rows), "
            "coloured as on the map; the count of parties on the left counts the states that existed on that "
            "date (dissolved ones included) and the EU. UTF-8, opens in Excel; a date's uncertainty is in its own column."
        ).format(rows=len(loaders.map_status(when)))
    )
    st.caption(
        _(
            "Point at a country, or at a dot for a small state, for its status; click it, or find it in the list "
            "above, for its full dated record. The count includes the EU and Palestine; a dissolved state counts "
            "while it existed, its successors after. Dependent territories take the colour of their state."
        )
    )
    if compared:
        map_changes.show_compare(*compared, loaders.compare_status(*compared))
    elif view == "embassies":
        network_view.show_year_missions(when.year)
    elif view == "alignment":
        alignment_view.show_rankings(when.year)
    elif view == "visits":
        alignment_view.show_visit_list(when.year, map_page.today())
    else:
        map_changes.show_year_changes(when.year)
    # Inside the fragment: a click reruns only the fragment, and the panel must follow it.
    code = st.session_state.get(map_page.COUNTRY_KEY)
    if code and map_page.presenting():
        # Projected, a record beside the map halved it (and cut its legend): it opens over the map
        # instead, in large type, and Close or Esc gives the whole map back.
        st.dialog(pickable[code], width="large", on_dismiss=map_page.clear_country)(country_record)(code, heading=False)
    elif code:
        with side:
            country_record(code)
    map_page.end_of_run()


atlas()

ui.sources_footer(RELATIONS_FILES + alignment_view.DATASETS.get(st.session_state.get(race_view.VIEW_KEY), ()))
