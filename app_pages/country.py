"""Country page: one state's whole relationship with the DPRK (``/country?country=ISO3``).

The URL is the page's state: every run reads ``country`` from it, and the picker's callback
writes the picked code back before the run, so links from other pages (which switch pages in the
same session) and the picker agree. Each section is one small function, drawn in ``SECTIONS``
order, so a section can be added without touching the others.
"""

import datetime as dt

import streamlit as st

from atlas.core import params
from atlas.core.countries import country_name
from atlas.core.source_kinds import escape_markdown
from atlas.data.loading import DataError
from atlas.data.registry import RELATIONS_FILES
from atlas.queries.country import DPRK, CountryRecord, choice_label, history_lines, record_csv
from atlas.web import cache as loaders
from atlas.web import map_chart
from atlas.web import widgets as ui

PICKER_KEY = "country_pick"
RECORD_LINK = st.column_config.LinkColumn("Record", display_text="Open record")

today = dt.date.today()
try:
    choices = loaders.country_choices()
except DataError as error:
    ui.show_data_error(error)


def pick() -> None:
    """Picker callback: the picked code goes to the URL before the page runs again."""
    code = st.session_state.get(PICKER_KEY)
    if code:
        st.query_params["country"] = code
    elif "country" in st.query_params:
        del st.query_params["country"]


def code_from_url() -> str | None:
    raw = st.query_params.get("country")
    code, notice = params.read_code(raw, "country", set(choices))
    if code is None and raw is not None and str(raw).strip().upper() == DPRK:
        notice = "This page shows other states' relations with North Korea; pick a state."
    if notice:
        ui.show_notice(notice)  # "… Showing the default view instead." like every page: here, the picker
        del st.query_params["country"]
    elif code and raw != code:
        st.query_params["country"] = code  # one address per country (deu -> DEU)
    return code


def picker(code: str | None) -> None:
    st.session_state[PICKER_KEY] = code
    st.selectbox(
        "Find a country (type to search; dissolved states such as the Soviet Union or East Germany too)",
        [None, *choices],
        key=PICKER_KEY,
        format_func=lambda c: "Choose a country…" if c is None else choice_label(c),
        placeholder="Choose a country…",
        on_change=pick,
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
            st.page_link(
                "app_pages/country.py", label=f"{country_name(predecessor)}'s page", query_params={"country": predecessor}
            )
        if record.territory_of:
            owner = record.territory_of
            st.page_link("app_pages/country.py", label=f"{country_name(owner)}'s page", query_params={"country": owner})
        if record.successors:
            st.markdown("**Its territory passed to:**")
            for successor, territory, date in record.successors:
                label = f"{country_name(successor)} ({'part' if territory == 'part' else 'whole'} of its territory, {date})"
                st.page_link("app_pages/country.py", label=label, query_params={"country": successor})


def with_seoul(record: CountryRecord) -> None:
    """Its relations with Seoul, beside those with Pyongyang (the race with Seoul, issue 13)."""
    seoul = loaders.seoul_record(record.code, today)
    if not seoul["status"]:
        return
    with st.container(border=True, key="country_seoul"):
        st.markdown(f"**With Seoul (South Korea) today:** {seoul['status']}")
        if seoul["source"]:
            st.markdown(f"Source: {ui.source_markdown(seoul['source'])}")
        st.page_link("app_pages/map.py", label="Both Koreas on the map", query_params={"view": "both"}, icon=":material/map:")


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
    st.download_button(
        f"Download {record.name}'s whole record (CSV)",
        lambda: ui.csv_bytes(record_csv(record)),  # built on click
        file_name=f"dprk-relations-{record.code}.csv",
        mime="text/csv",
        on_click="ignore",
        key="country_download",
    )


SECTIONS = [history, seoul_history, conflicts, missions, events, gifts, download]

code = code_from_url()
if code is None:
    st.title("Country pages")
    st.caption(
        "One state's whole relationship with North Korea: its status today, the dated history (with the "
        "predecessor state's record where one applies), conflicting sources, missions, events and gifts."
    )
    picker(None)
    ui.sources_footer([*RELATIONS_FILES, "events", "gifts"])
    st.stop()

try:
    record = loaders.country_record(code, today)
except DataError as error:
    ui.show_data_error(error)

st.title(record.name)
st.caption(f"{record.region} · ISO {record.code}" + (" · dissolved state" if record.dissolved else ""))
picker(code)
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
