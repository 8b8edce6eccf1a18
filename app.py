"""DPRK Relations Atlas — entry point: page config, navigation, shared sidebar.

The page scripts live in ``app_pages/``, not ``pages/``: Streamlit 1.67 still treats a folder
named ``pages/`` beside the entry script as a v1 multipage app for a server's first session, so a
deep link such as ``/map`` opened first would bypass this file (no page config, wrong menu).
"""

from pathlib import Path

import streamlit as st

from atlas.core.pages import PAGES
from atlas.web import widgets as ui

# A local file: a Material icon as page_icon makes the browser fetch its SVG from a font CDN.
st.set_page_config(
    page_title="DPRK Relations Atlas", page_icon=str(Path(__file__).parent / "static" / "favicon.png"), layout="wide"
)

# The page list lives in atlas.core.pages, so links and tests address the same pages.
NAVIGATION = [
    st.Page(spec.script, title=spec.title, icon=spec.icon, url_path=spec.url_path or None, default=spec.key == "home")
    for spec in PAGES
]

page = st.navigation(NAVIGATION)
ui.global_style()
with st.sidebar:
    st.caption("DPRK Relations Atlas: North Korea's diplomatic relations since 1948, with a public source for every fact.")
page.run()
