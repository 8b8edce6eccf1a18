"""Country page: one state's whole relationship with the DPRK (``/country?country=ISO3``).

``?country=`` is the picker's state, read and written by ``atlas.web.urls`` like every page's
parameters: a link from another page (or from this one, to a predecessor or successor) shows that
country, and a pick shows in the address. Each section is one small function, drawn in ``SECTIONS``
order, so a section can be added without touching the others.
"""

import datetime as dt

import streamlit as st

from atlas.core.countries import country_name
from atlas.core.i18n import _
from atlas.core.source_kinds import escape_markdown
from atlas.data.loading import DataError
from atlas.data.registry import RELATIONS_FILES
from atlas.queries.country import CountryRecord, choice_label, history_lines, record_csv
from atlas.web import beyond_view, map_chart
from atlas.web import cache as loaders
from atlas.web import columns as table_columns
from atlas.web import urls as url_state
from atlas.web import widgets as ui

PICKER_KEY = "country_pick"


def record_link():
    """The column that links each event or gift to its own record."""
    return st.column_config.LinkColumn(_("Record"), display_text=_("Open record"))


today = dt.date.today()
try:
    choices = loaders.country_choices()
except DataError as error:
    ui.show_data_error(error)


def picker() -> None:
    """The country picker; its state is the page's ``?country=`` (``atlas.web.urls``)."""
    st.selectbox(
        _("Find a country (type to search; dissolved states such as the Soviet Union or East Germany too)"),
        [None, *choices],
        key=PICKER_KEY,
        format_func=lambda c: _("Choose a country…") if c is None else choice_label(c),
        placeholder=_("Choose a country…"),
    )


def status(record: CountryRecord) -> None:
    with st.container(border=True, key="country_status"):
        st.markdown(_("**Today:** {status}").format(status=record.status))
        if record.status_note:
            st.markdown(_("**Why:** {note}").format(note=escape_markdown(record.status_note)))
        if record.established:
            st.markdown(_("Relations first established: **{date}**").format(date=record.established))
        if record.status_source:
            st.markdown(_("Source: {source}").format(source=ui.source_markdown(record.status_source)))
        for predecessor in record.predecessors:
            st.caption(
                _("Its territory belonged to {name}, whose record is included below.").format(name=country_name(predecessor))
            )
            url_state.page_link("country", _("{name}'s page").format(name=country_name(predecessor)), country=predecessor)
        if record.territory_of:
            owner = record.territory_of
            url_state.page_link("country", _("{name}'s page").format(name=country_name(owner)), country=owner)
        if record.successors:
            st.markdown(_("**Its territory passed to:**"))
            for successor, territory, date in record.successors:
                passed = (
                    _("{name} (part of its territory, {date})")
                    if territory == "part"
                    else _("{name} (whole of its territory, {date})")
                )
                url_state.page_link("country", passed.format(name=country_name(successor), date=date), country=successor)


def with_seoul(record: CountryRecord) -> None:
    """Its relations with Seoul, beside those with Pyongyang (the race with Seoul, issue 13)."""
    seoul = loaders.seoul_record(record.code, today)
    if not seoul["status"]:
        return
    with st.container(border=True, key="country_seoul"):
        st.markdown(_("**With Seoul (South Korea) today:** {status}").format(status=seoul["status"]))
        if seoul["source"]:
            st.markdown(_("Source: {source}").format(source=ui.source_markdown(seoul["source"])))
        url_state.page_link("map", _("Both Koreas on the map"), ":material/map:", view="both")


def seoul_history(record: CountryRecord) -> None:
    history = loaders.seoul_record(record.code, today)["history"]
    if history.empty:
        return
    st.subheader(_("Dated history with Seoul"))
    columns = table_columns.record_columns(history.columns)
    st.dataframe(history, hide_index=True, width="stretch", key="seoul_history", column_config=columns)


def locator(record: CountryRecord) -> None:
    if not record.locator:
        st.caption(_("No place on today's map to show."))
        return
    map_chart.draw(loaders.locator_figure(record.code, today), key="locator", config=ui.MAP_CONFIG, height="content")
    if record.dissolved:
        st.caption(_("Drawn on today's borders: the states that took over its territory (lighter: part of it)."))


def history(record: CountryRecord) -> None:
    st.subheader(_("Dated history"))
    if record.history.empty:
        st.info(_("No dated relationship events on record in the atlas's sources."))
        return
    # Written out as a list, so every note (the why of each change) wraps under its row instead of
    # being cut off in a grid cell; the sortable grid stays below for sorting and copying.
    with st.container(key="history_list"):
        st.markdown("\n".join(history_lines(record.history)))
    with st.expander(_("The same history as a sortable table")):
        columns = table_columns.record_columns(record.history.columns)
        st.dataframe(record.history, hide_index=True, width="stretch", key="history", column_config=columns)


def conflicts(record: CountryRecord) -> None:
    if record.conflicts.empty:
        return
    st.subheader(_("Where sources disagree"))
    columns = table_columns.record_columns(
        record.conflicts.columns, {"date_used": _("Date the atlas uses"), "other_date": _("Other source's date")}
    )
    st.dataframe(record.conflicts, hide_index=True, width="stretch", key="conflicts", column_config=columns)


def missions(record: CountryRecord) -> None:
    if record.missions.empty:
        return
    st.subheader(_("Missions both ways"))
    columns = table_columns.record_columns(record.missions.columns)
    st.dataframe(record.missions, hide_index=True, width="stretch", key="missions", column_config=columns)


def _linked_records(title: str, table, key: str) -> None:
    """A table of the state's events or gifts, each row linked to its own record."""
    if table.empty:
        return
    st.subheader(title.format(count=len(table)))
    columns = table_columns.record_columns(table.columns, {"record": record_link()})
    st.dataframe(table, hide_index=True, width="stretch", key=key, column_config=columns)


def events(record: CountryRecord) -> None:
    _linked_records(_("Events it took part in ({count})"), record.events, "events")


def gifts(record: CountryRecord) -> None:
    _linked_records(_("Gifts exchanged ({count})"), record.gifts, "gifts")


def beyond_recognition(record: CountryRecord) -> None:
    """Treaties, UN votes, leaders' visits and vetoes (issue 21); drawn only where the data has rows."""
    beyond_view.section(record.code, record.predecessors)


def download(record: CountryRecord) -> None:
    ui.csv_download(
        _("Download {name}'s whole record (CSV)").format(name=record.name),
        lambda: record_csv(record),
        _("dprk-relations-{code}.csv").format(code=record.code),
        key="country_download",
    )


SECTIONS = [history, seoul_history, conflicts, missions, beyond_recognition, events, gifts, download]

url_state.sync("country", country=lambda: set(choices))  # a bad code: a notice, and the picker
code = st.session_state[PICKER_KEY]
if code is None:
    st.title(_("Country pages"))
    st.caption(
        _(
            "One state's whole relationship with North Korea: its status today, the dated history (with the "
            "predecessor state's record where one applies), conflicting sources, missions, events and gifts."
        )
    )
    picker()
    ui.sources_footer([*RELATIONS_FILES, "events", "gifts"])
    st.stop()

try:
    record = loaders.country_record(code, today)
except DataError as error:
    ui.show_data_error(error)

st.title(record.name)
st.caption(f"{record.region} · ISO {record.code}" + (" · " + _("dissolved state") if record.dissolved else ""))
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

ui.sources_footer([*RELATIONS_FILES, "events", "gifts", *beyond_view.FILES])
