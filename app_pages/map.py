"""Recognition map: every state's relationship with the DPRK at a chosen year, on today's borders."""

import streamlit as st

from components import figures, loaders, map_page, ui
from components.countries import country_name
from components.datasets import DataError
from components.relations import count_with_relations, map_codes

try:
    index = loaders.relations_index()
    centroids = loaders.table("centroids")
except DataError as error:
    ui.show_data_error(error)

st.title("Recognition map")
st.caption(
    "Which states had diplomatic relations with North Korea, year by year since its founding in "
    "1948 — drawn on today's borders, with the Soviet Union, East Germany, Yugoslavia and other "
    "dissolved states shown through the states that succeeded them."
)
ui.show_notice(map_page.init_from_url(set(map_codes())))


@st.fragment(run_every=1.0 if st.session_state.get(map_page.PLAYING_KEY) else None)
def atlas() -> None:
    map_page.advance_if_playing()
    when = map_page.controls()
    year = st.session_state[map_page.YEAR_KEY]
    map_page.write_url()
    status = loaders.map_status(when)
    left, right = st.columns([3, 1.3])
    with left:
        st.plotly_chart(
            figures.recognition_map(status, centroids, f"Relations with the DPRK, {when:%d %B %Y}"),
            key=map_page.CHART_KEY,
            on_select=map_page.on_map_select,
            selection_mode="points",
            config=ui.MAP_CONFIG,
            width="stretch",
        )
    with right:
        st.metric(
            f"With relations on {when:%d %b %Y}",
            count_with_relations(index, when),
            help="States (and the EU) with active relations that date; dissolved states count while they existed.",
        )
        st.plotly_chart(
            figures.establishment_chart(loaders.per_year(map_page.today()), year),
            config=ui.CHART_CONFIG,
            width="stretch",
            key="per_year",
        )
        st.download_button(
            "Download this map's data (CSV)",
            status.to_csv(index=False).encode(),
            file_name=f"dprk-relations-{when.isoformat()}.csv",
            mime="text/csv",
        )
    st.caption("Click a country, or a dot for a small state, to see its full dated record.")


atlas()

code = st.session_state.get(map_page.COUNTRY_KEY)
if code:
    with st.container(border=True, key="country_panel"):
        head, close = st.columns([6, 1])
        head.subheader(country_name(code))
        close.button("Close", key="close_country", on_click=map_page.clear_country)
        ui.country_profile(index, code)

ui.sources_footer(["relations.csv", "relation_events.csv", "successions.csv", "missions.csv", "no_relations.csv"])
