"""Country page: one state's whole relationship with the DPRK (``/country?country=ISO3``).

``?country=`` is the picker's state, read and written by ``atlas.web.urls`` like every page's
parameters: a link from another page (or from this one, to a predecessor or successor) shows that
country, and a pick shows in the address. Each section is one small function, drawn in ``SECTIONS``
order, so a section can be added without touching the others.
"""

import datetime as dt

import streamlit as st

from atlas.core.countries import country_name
from atlas.core.source_kinds import escape_markdown
from atlas.data.loading import DataError
from atlas.data.registry import RELATIONS_FILES
from atlas.queries.country import CountryRecord, choice_label, history_lines, record_csv
from atlas.web import cache as loaders
from atlas.web import map_chart
from atlas.web import urls as url_state
from atlas.web import widgets as ui

PICKER_KEY = "country_pick"
RECORD_LINK = st.column_config.LinkColumn("Record", display_text="Open record")

today = dt.date.today()
try:
    choices = loaders.country_choices()
except DataError as error:
    ui.show_data_error(error)


def picker() -> None:
    """The country picker; its state is the page's ``?country=`` (``atlas.web.urls``)."""
    st.selectbox(
        "Find a country (type to search; dissolved states such as the Soviet Union or East Germany too)",
        [None, *choices],
        key=PICKER_KEY,
        format_func=lambda c: "Choose a country…" if c is None else choice_label(c),
        placeholder="Choose a country…",
    )


def status(record: CountryRecord) -> None:
    with st.container(border=True, key="country_status"):
        st.markdown(f"**Today:** {record.status}")
        if record.status_note:
            st.markdown(f"**Why:** {escape_markdown(record.status_note)}")
        if record.established:
            st.markdown(f"Relations first established: **{record.established}**")
        if record.status_source:
            st.markdown(f"Source: {ui.source_markdown(record.status_source)}")
        for predecessor in record.predecessors:
            st.caption(f"Its territory belonged to {country_name(predecessor)}, whose record is included below.")
            url_state.page_link("country", f"{country_name(predecessor)}'s page", country=predecessor)
        if record.territory_of:
            owner = record.territory_of
            url_state.page_link("country", f"{country_name(owner)}'s page", country=owner)
        if record.successors:
            st.markdown("**Its territory passed to:**")
            for successor, territory, date in record.successors:
                label = f"{country_name(successor)} ({'part' if territory == 'part' else 'whole'} of its territory, {date})"
                url_state.page_link("country", label, country=successor)


def with_seoul(record: CountryRecord) -> None:
    """Its relations with Seoul, beside those with Pyongyang (the race with Seoul, issue 13)."""
    seoul = loaders.seoul_record(record.code, today)
    if not seoul["status"]:
        return
    with st.container(border=True, key="country_seoul"):
        st.markdown(f"**With Seoul (South Korea) today:** {seoul['status']}")
        if seoul["source"]:
            st.markdown(f"Source: {ui.source_markdown(seoul['source'])}")
        url_state.page_link("map", "Both Koreas on the map", ":material/map:", view="both")


def seoul_history(record: CountryRecord) -> None:
    history = loaders.seoul_record(record.code, today)["history"]
    if history.empty:
        return
    st.subheader("Dated history with Seoul")
    st.dataframe(history, hide_index=True, width="stretch", key="seoul_history", column_config=ui.SOURCE_COLUMNS)


def locator(record: CountryRecord) -> None:
    if not record.locator:
        st.caption("No place on today's map to show.")
        return
    map_chart.draw(loaders.locator_figure(record.code, today), key="locator", config=ui.MAP_CONFIG, height="content")
    if record.dissolved:
        st.caption("Drawn on today's borders: the states that took over its territory (lighter: part of it).")


def history(record: CountryRecord) -> None:
    st.subheader("Dated history")
    if record.history.empty:
        st.info("No dated relationship events on record in the atlas's sources.")
        return
    # Written out as a list, so every note (the why of each change) wraps under its row instead of
    # being cut off in a grid cell; the sortable grid stays below for sorting and copying.
    with st.container(key="history_list"):
        st.markdown("\n".join(history_lines(record.history)))
    with st.expander("The same history as a sortable table"):
        st.dataframe(record.history, hide_index=True, width="stretch", key="history", column_config=ui.SOURCE_COLUMNS)


def conflicts(record: CountryRecord) -> None:
    if record.conflicts.empty:
        return
    st.subheader("Where sources disagree")
    st.dataframe(
        record.conflicts,
        hide_index=True,
        width="stretch",
        key="conflicts",
        column_config=ui.SOURCE_COLUMNS | {"date_used": "Date the atlas uses", "other_date": "Other source's date"},
    )


def missions(record: CountryRecord) -> None:
    if record.missions.empty:
        return
    st.subheader("Missions both ways")
    st.dataframe(record.missions, hide_index=True, width="stretch", key="missions", column_config=ui.SOURCE_COLUMNS)


def _linked_records(title: str, table, key: str) -> None:
    """A table of the state's events or gifts, each row linked to its own record."""
    if table.empty:
        return
    st.subheader(f"{title} ({len(table)})")
    st.dataframe(table, hide_index=True, width="stretch", key=key, column_config=ui.SOURCE_COLUMNS | {"record": RECORD_LINK})


def events(record: CountryRecord) -> None:
    _linked_records("Events it took part in", record.events, "events")


def gifts(record: CountryRecord) -> None:
    _linked_records("Gifts exchanged", record.gifts, "gifts")


def download(record: CountryRecord) -> None:
    ui.csv_download(
        f"Download {record.name}'s whole record (CSV)",
        lambda: record_csv(record),
        f"dprk-relations-{record.code}.csv",
        key="country_download",
    )


SECTIONS = [history, seoul_history, conflicts, missions, events, gifts, download]

url_state.sync("country", country=lambda: set(choices))  # a bad code: a notice, and the picker
code = st.session_state[PICKER_KEY]
if code is None:
    st.title("Country pages")
    st.caption(
        "One state's whole relationship with North Korea: its status today, the dated history (with the "
        "predecessor state's record where one applies), conflicting sources, missions, events and gifts."
    )
    picker()
    ui.sources_footer([*RELATIONS_FILES, "events", "gifts"])
    st.stop()

try:
    record = loaders.country_record(code, today)
except DataError as error:
    ui.show_data_error(error)

st.title(record.name)
st.caption(f"{record.region} · ISO {record.code}" + (" · dissolved state" if record.dissolved else ""))
picker()
left, right = st.columns([3, 2])
with left:
    status(record)
    with_seoul(record)
with right:
    locator(record)
for section in SECTIONS:
    with st.container(key=f"section_{section.__name__}"):  # a handle for tests and styling
        section(record)

ui.sources_footer([*RELATIONS_FILES, "events", "gifts"])
