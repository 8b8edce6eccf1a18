"""Recognition map: every state's relationship with the DPRK at a chosen year, on today's borders."""

from functools import partial

import streamlit as st

from components import loaders, map_changes, map_page, ui
from components.countries import country_name
from components.datasets import DataError
from components.relations import count_with_relations, map_codes

try:
    index = loaders.relations_index()
    loaders.table("centroids")  # checked here so a broken file stops the page with its message
except DataError as error:
    ui.show_data_error(error)

st.title("Recognition map")
st.caption(
    "Which states had diplomatic relations with North Korea, year by year since its founding in "
    "1948 — drawn on today's borders, with the Soviet Union, East Germany, Yugoslavia and other "
    "dissolved states shown through the states that succeeded them. Each year shows the situation on "
    "31 December (today, for the current year)."
)
ui.show_notice(map_page.init_from_url(set(map_codes())))
ui.show_notice(map_changes.init_from_url(st.session_state[map_page.YEAR_KEY], map_page.today()))


@st.fragment(run_every=1.0 if st.session_state.get(map_page.PLAYING_KEY) else None)
def atlas() -> None:
    map_page.advance_if_playing()
    when = map_page.controls()
    map_page.write_url()
    map_changes.write_url()
    status = loaders.map_status(when)
    compared = map_changes.compare_dates(when.year, map_page.today())
    left, right = st.columns([3, 1.1])
    with left:
        st.plotly_chart(
            loaders.map_figure(when, map_page.today()),
            key=map_page.CHART_KEY,
            on_select=map_page.on_map_select,
            selection_mode="points",
            config=ui.MAP_CONFIG,
            width="stretch",
        )
    with right:
        map_changes.compare_control(map_page.today())
        st.metric(f"Parties with relations on {when:%d %b %Y}", count_with_relations(index, when))
        st.image(loaders.recognition_sparkline(map_page.today(), when.year), width="stretch")
        st.caption(
            ":blue[▮] relations established each year · :blue[━] parties with relations at year end · "
            ":orange[┊] the year shown. The Timelines page has the interactive version."
        )
        st.download_button(
            "Download this map's data (CSV)",
            partial(ui.csv_bytes, status),  # built on click, not on every rerun
            file_name=f"dprk-relations-{when.isoformat()}.csv",
            mime="text/csv",
            on_click="ignore",
        )
    st.caption(
        "Click a country, or a dot for a small state, to see its full dated record. The count includes the EU "
        "and Palestine; a dissolved state counts while it existed, its successors after."
    )
    if compared:
        map_changes.show_compare(*compared, loaders.compare_status(*compared))
    else:
        map_changes.show_year_changes(when.year)
    # Inside the fragment: a click reruns only the fragment, and the panel must follow it.
    code = st.session_state.get(map_page.COUNTRY_KEY)
    if code:
        with st.container(border=True, key="country_panel"):
            head, close = st.columns([6, 1])
            head.subheader(country_name(code))
            close.button("Close", key="close_country", on_click=map_page.clear_country)
            st.page_link(
                "app_pages/country.py",
                label=f"{country_name(code)}: the whole record on its country page",
                icon=":material/flag:",
                query_params={"country": code},
            )
            ui.country_profile(index, code)


atlas()

ui.sources_footer(["relations.csv", "relation_events.csv", "successions.csv", "missions.csv", "no_relations.csv"])
