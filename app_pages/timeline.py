"""Timelines: the Cold War and post-1989 periods, events in lanes over the waves of recognition."""

import datetime as dt
from functools import partial

import streamlit as st

from components import loaders, params, ui, url_state
from components.countries import country_name
from components.data_catalog import with_source_kind
from components.datasets import DataError
from components.race_page import show_race_chart
from components.schemas import EVENT_CATEGORIES
from components.timeline import PERIODS, countries_in, event_record, filter_events, timeline_figure

today = dt.date.today()
try:
    events = loaders.table("events")
    per_year = loaders.per_year(today)
except DataError as error:
    ui.show_data_error(error)

st.title("Timelines")
st.caption(
    "The Cold War (1945–1991) and the years since the Eastern Bloc's collapse (1989–today) overlap "
    "on purpose: 1989–1991 is the transition both belong to. Below the events, the relations "
    "established each year show the waves of recognition."
)

codes = countries_in(events)
DEFAULTS = {"view": "all", "category": [], "country": None, "q": "", "event": None}
notice = url_state.seed_once(
    "timeline",
    {
        "view": partial(params.read_choice, name="view", choices=PERIODS),
        "category": partial(params.read_choices, name="category", choices=EVENT_CATEGORIES),
        "country": partial(params.read_code, name="country", valid=set(codes)),
        "q": lambda raw: (params.read_text(raw), None),
        "event": partial(params.read_choice, name="event", choices=set(events["event_id"])),
    },
    DEFAULTS,
)
ui.show_notice(notice)

view_col, search_col = st.columns([3, 2])
cat_col, country_col = st.columns([3, 2])
view = view_col.segmented_control("Period", options=list(PERIODS), format_func=lambda k: PERIODS[k].label, key="view")
view = view or "all"
categories = cat_col.multiselect("Categories", EVENT_CATEGORIES, key="category", placeholder="All categories")
country = country_col.selectbox(
    "Country",
    [None, *codes],
    key="country",
    format_func=lambda c: "All countries" if c is None else country_name(c),
    placeholder="All countries",
)
text = search_col.text_input("Search", key="q", placeholder="e.g. treaty, Olympics, Kim")

shown = filter_events(events, view, today, categories, country, text)
url_state.write(
    {"view": view, "category": categories, "country": country, "q": text, "event": st.session_state.get("event")}, DEFAULTS
)

if shown.empty:
    st.info(
        "No events match these filters. Try another period, fewer categories or a shorter search.", icon=":material/search_off:"
    )
else:
    st.caption(f"{len(shown)} events · drag to zoom, double-click to reset · click an event for its record")
    selection = st.plotly_chart(
        timeline_figure(shown, events, per_year, view, today),
        key="timeline_chart",
        on_select="rerun",
        selection_mode="points",
        config=ui.CHART_CONFIG,
        width="stretch",
    )
    points = ((selection or {}).get("selection") or {}).get("points") or []
    picked = next(
        (p["customdata"][3] for p in points if isinstance(p.get("customdata"), list) and len(p["customdata"]) > 3), None
    )
    if picked:
        st.session_state["event"] = picked
        url_state.write({"event": picked}, DEFAULTS)

chosen = st.session_state.get("event")
if chosen in set(events["event_id"]):
    record = event_record(events.set_index("event_id").loc[chosen])
    with st.container(border=True, key="event_record"):
        st.subheader(record["title"])
        st.markdown(f"**{record['when']}** · {record['category']} · {record['countries']}")
        st.write(record["summary"])
        if record["notes"]:
            st.caption(f"Notes: {record['notes']}")
        st.markdown(f"Source: {ui.source_markdown(record['source_url'])}")
        st.link_button(f"Open the map at {record['map_year']}", f"map?year={record['map_year']}")

with st.expander("All filtered events as a table (sortable, with source links)"):
    st.dataframe(
        with_source_kind(shown[["date", "end_date", "title", "category", "countries", "source_url"]]),
        hide_index=True,
        width="stretch",
        column_config=ui.SOURCE_COLUMNS,
    )
    st.download_button(
        "Download these events (CSV)",
        partial(ui.csv_bytes, shown.drop(columns=["start", "end"])),  # built on click
        file_name="dprk-events.csv",
        mime="text/csv",
        on_click="ignore",
    )

show_race_chart(today)

ui.sources_footer(["events.csv", "relations.csv"])
