"""Timelines: the Cold War and post-1989 periods, events in lanes over the waves of recognition.

The relationship changes of relation_events.csv are two lanes of their own (changes; embassies,
quieter) that filter and search like the events. Treaties, organisations, Security Council
decisions and leaders' visits are four more lanes, shown when the lane filter (``?lanes=``) adds
them; their records open by prefixed ids (``?event=treaty:1961-prk-chn-friendship``, see
atlas.queries.timeline). A filter set's rows and figure are cached (atlas.web.timeline_lanes).
"""

import datetime as dt

import streamlit as st

from atlas.core import links
from atlas.core.countries import country_name
from atlas.core.i18n import _
from atlas.core.source_kinds import escape_markdown
from atlas.data.loading import DataError
from atlas.queries.timeline import (
    CHANGES_GROUP,
    COUNCIL_LANE,
    EVENTS_GROUP,
    LANE_GROUPS,
    LANES,
    ORGANISATION_LANE,
    PERIODS,
    TREATY_LANE,
    VISIT_LANE,
    countries_in,
    event_record,
    group_label,
    lane_label,
    period_label,
    region_label,
    regions_in,
    relation_record,
)
from atlas.web import cache as loaders
from atlas.web import columns as table_columns
from atlas.web import focus
from atlas.web import timeline_lanes as lane_data
from atlas.web import urls as url_state
from atlas.web import widgets as ui
from atlas.web.race_chart import show_race_chart

today = dt.date.today()
try:
    events = loaders.table("events")
    relation_lane = loaders.relation_lane()
    per_year = loaders.per_year(today)
    record_rows, records = lane_data.record_lanes()
except DataError as error:
    ui.show_data_error(error)

st.title(_("Timelines"))
st.caption(
    _(
        "The Cold War (1945–1991) and the years since the Eastern Bloc's collapse (1989–today) overlap "
        "on purpose: 1989–1991 is the transition both belong to. The two lowest lanes are the dated "
        "relationship changes (established, suspended, severed, restored) and, quieter, embassies opened "
        "and closed. Below the events, the relations established each year show the waves of recognition."
    )
)

codes = countries_in(events, relation_lane, record_rows)
regions = regions_in(events, relation_lane, record_rows)
event_ids = set(events["event_id"])
relation_ids = set(relation_lane["event_id"])
url_state.sync(
    "timeline",
    view=PERIODS,
    category=LANES,
    country=set(codes),
    region=regions,
    lanes=LANE_GROUPS,
    event=lambda: event_ids | relation_ids | set(records),
)

view_col, search_col = st.columns([3, 2])
cat_col, country_col, region_col = st.columns([3, 1.2, 0.8])
view = view_col.segmented_control(_("Period"), options=list(PERIODS), format_func=period_label, key="view")
view = view or "all"
categories = cat_col.multiselect(_("Lanes"), LANES, key="category", format_func=lane_label, placeholder=_("All lanes"))
country = country_col.selectbox(
    _("Country"),
    [None, *codes],
    key="country",
    format_func=lambda c: _("All countries") if c is None else country_name(c),
    placeholder=_("All countries"),
)
region = region_col.selectbox(
    _("Region"),
    [None, *regions],
    key="region",
    format_func=lambda r: _("All regions") if r is None else region_label(r),
    placeholder=_("All regions"),
)
text = search_col.text_input(_("Search (whole words)"), key="q", placeholder=_("e.g. treaty, Olympics, severed"))


def order_lanes() -> None:
    """The lane filter's choice in a fixed order, so one set of lanes has one address."""
    st.session_state["lanes"] = [g for g in LANE_GROUPS if g in (st.session_state.get("lanes") or [])]


groups = st.pills(
    _("Show"),
    list(LANE_GROUPS),
    selection_mode="multi",
    format_func=group_label,
    key="lanes",
    on_change=order_lanes,
    help=_(
        "Which lanes the chart and the list show: the events, the relationship changes, and the record "
        "of treaties, organisations, Security Council decisions and leaders' visits."
    ),
)

filters = (view, tuple(categories), country, region, text.strip() or None, tuple(groups or ()))
shown = lane_data.rows(filters, today)


def open_record() -> None:
    """The "Open a record" list's callback: its choice becomes the record shown."""
    st.session_state["event"] = st.session_state.get("open_record")


def open_clicked_point() -> None:
    """The chart's callback: a clicked point's record (only on a new click, so a choice in the list sticks)."""
    points = ((st.session_state.get("timeline_chart") or {}).get("selection") or {}).get("points") or []
    picked = next(
        (p["customdata"][3] for p in points if isinstance(p.get("customdata"), list) and len(p["customdata"]) > 3), None
    )
    if picked:
        st.session_state["event"] = picked


def close_record() -> None:
    st.session_state["event"] = None
    st.session_state["open_record"] = None


# The keyboard's way to every record (chart points take no focus): a searchable list of the rows
# the filters show, events and relationship changes alike. Type, Enter: the record opens.
if not shown.empty:
    titles = dict(zip(shown["event_id"], shown["date"].astype(str) + " · " + shown["title"].astype(str), strict=True))
    # The list shows the open record (however it was opened), and none when it is filtered out.
    st.session_state["open_record"] = st.session_state.get("event") if st.session_state.get("event") in titles else None
    st.selectbox(
        _("Open a record"),
        options=list(titles),
        format_func=titles.__getitem__,
        key="open_record",
        on_change=open_record,
        placeholder=_("Type a date or words from one of the {count} records shown, then Enter").format(count=len(titles)),
        help=_("Opens the event's or change's record beside the chart (below it on a narrow screen)."),
    )

main, side = ui.record_layout()
if not groups:
    st.info(_("Pick at least one group of lanes to show."), icon=":material/search_off:")
elif shown.empty:
    st.info(
        _("No events match these filters. Try another period, fewer lanes, another region or other words."),
        icon=":material/search_off:",
    )
else:
    counts, record_counts = lane_data.lane_counts(filters, today)
    if any(record_counts.values()):
        main.caption(
            _(
                "{treaties} treaties signed (squares), {organisations} organisation events (triangles), "
                "{council} Security Council decisions (stars, a veto in red) and {visits} leaders' visits (circles)"
            ).format(
                treaties=record_counts[TREATY_LANE],
                organisations=record_counts[ORGANISATION_LANE],
                council=record_counts[COUNCIL_LANE],
                visits=record_counts[VISIT_LANE],
            )
        )
    if not {EVENTS_GROUP, CHANGES_GROUP} & set(groups):
        main.caption(_("Drag to zoom, double-click to reset · click a point, or pick it in the list above, for its record"))
    else:
        main.caption(
            _(
                "{events} events, {changes} relationship changes (:blue[●] established · :green[●] restored · "
                ":orange[●] suspended · :red[●] severed) and {embassies} embassies opened or closed (grey ticks) · "
                "drag to zoom, double-click to reset · click a point, or pick it in the list above, for its record"
            ).format(events=counts[0], changes=counts[1], embassies=counts[2])
        )
    main.plotly_chart(
        lane_data.figure(filters, today),
        key="timeline_chart",
        on_select=open_clicked_point,
        selection_mode="points",
        config=ui.CHART_CONFIG,
        width="stretch",
    )


def country_links(codes: list[str]) -> None:
    if codes:
        with st.container(horizontal=True, key="event_countries"):
            for code in codes:
                url_state.page_link("country", country_name(code), ":material/flag:", country=code)


def record_tail(record: dict, map_link: str) -> None:
    """What every record ends with: its notes, its source, the map at its year, its states' pages."""
    if record["notes"]:
        st.caption(_("Notes: {notes}").format(notes=record["notes"]))
    st.markdown(_("Source: {source}").format(source=ui.source_markdown(record["source_url"])))
    st.link_button(_("Open the map at {year}").format(year=record["map_year"]), map_link)
    country_links(record["country_codes"])


def record_heading(title: str, token: str) -> None:
    """The record's title with its way back (Close); focus moves to the title when it opens."""
    with st.container(horizontal=True, vertical_alignment="center"):
        st.subheader(title)
        st.button(_("Close"), key="close_event", on_click=close_record, width="content")
    focus.focus_record("event_record", token)


chosen = st.session_state.get("event")
if chosen in event_ids:
    record = event_record(events.set_index("event_id").loc[chosen])
    with side, st.container(border=True, key="event_record"):
        record_heading(record["title"], chosen)
        when, category, countries = (escape_markdown(record[part]) for part in ("when", "category", "countries"))
        st.markdown(f"**{when}** · {category} · {countries}")
        st.write(record["summary"])
        record_tail(record, links.map_at(record["map_year"]))
elif chosen in relation_ids:
    record = relation_record(relation_lane.set_index("event_id").loc[chosen])
    with side, st.container(border=True, key="event_record"):
        record_heading(record["title"], chosen)
        st.markdown(f"**{escape_markdown(record['when'])}** · {escape_markdown(record['summary'])}")
        record_tail(record, record["map_link"])
elif chosen in records:
    record = records[chosen]
    with side, st.container(border=True, key="event_record"):
        record_heading(record["title"], chosen)
        st.markdown(f"**{escape_markdown(record['when'])}** · {record['lane']}")
        st.markdown("  \n".join(f"**{label}:** {escape_markdown(value)}" for label, value in record["facts"]))
        st.write(record["summary"])
        record_tail(record, links.map_at(record["map_year"]))

with st.expander(_("All filtered events as a table (sortable, with source links)")):
    table = lane_data.table_of(filters, today)
    st.dataframe(table, hide_index=True, width="stretch", column_config=table_columns.record_columns(table.columns))
    ui.csv_download(_("Download these events (CSV)"), shown.drop(columns=["start", "end"]), _("dprk-events.csv"))

show_race_chart(today)

# The record lanes' datasets are named when their lanes are shown.
RECORD_DATASETS = {
    TREATY_LANE: "treaties",
    ORGANISATION_LANE: "organisations",
    COUNCIL_LANE: "security_council",
    VISIT_LANE: "visits",
}
ui.sources_footer(["events", "relation_events", "relations", *(RECORD_DATASETS[g] for g in groups or () if g in RECORD_DATASETS)])
