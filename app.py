"""DPRK Relations Atlas — entry point: page config, navigation, shared sidebar."""

import streamlit as st

st.set_page_config(page_title="DPRK Relations Atlas", page_icon="🗺️", layout="wide")

PAGES = [
    st.Page("pages/home.py", title="Home", icon="🏠", default=True),
    st.Page("pages/map.py", title="Recognition map", icon="🗺️", url_path="map"),
    st.Page("pages/timeline.py", title="Timelines", icon="📅", url_path="timeline"),
    st.Page("pages/gifts.py", title="Gift exchanges", icon="🎁", url_path="gifts"),
    st.Page("pages/data.py", title="Data & sources", icon="📚", url_path="data"),
]

page = st.navigation(PAGES)
with st.sidebar:
    st.caption("DPRK Relations Atlas: North Korea's diplomatic relations since 1948, with a public source for every fact.")
page.run()
