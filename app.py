"""DPRK Relations Atlas — entry point: page config, navigation, shared sidebar.

The page scripts live in ``app_pages/``, not ``pages/``: Streamlit 1.67 still treats a folder
named ``pages/`` beside the entry script as a v1 multipage app for a server's first session, so a
deep link such as ``/map`` opened first would bypass this file (no page config, wrong menu).
"""

from pathlib import Path

import streamlit as st

# A local file: a Material icon as page_icon makes the browser fetch its SVG from a font CDN.
st.set_page_config(
    page_title="DPRK Relations Atlas", page_icon=str(Path(__file__).parent / "static" / "favicon.png"), layout="wide"
)

PAGES = [
    st.Page("app_pages/home.py", title="Home", icon=":material/home:", default=True),
    st.Page("app_pages/map.py", title="Recognition map", icon=":material/public:", url_path="map"),
    st.Page("app_pages/timeline.py", title="Timelines", icon=":material/timeline:", url_path="timeline"),
    st.Page("app_pages/gifts.py", title="Gift exchanges", icon=":material/redeem:", url_path="gifts"),
    st.Page("app_pages/country.py", title="Country pages", icon=":material/flag:", url_path="country"),
    st.Page("app_pages/story.py", title="Story", icon=":material/co_present:", url_path="story"),
    st.Page("app_pages/data.py", title="Data & sources", icon=":material/menu_book:", url_path="data"),
]

page = st.navigation(PAGES)
with st.sidebar:
    st.caption("DPRK Relations Atlas: North Korea's diplomatic relations since 1948, with a public source for every fact.")
page.run()
