"""DPRK Relations Atlas — entry point: page config, navigation, shared sidebar.

The page scripts live in ``app_pages/``, not ``pages/``: Streamlit 1.67 still treats a folder
named ``pages/`` beside the entry script as a v1 multipage app for a server's first session, so a
deep link such as ``/map`` opened first would bypass this file (no page config, wrong menu).
"""

from pathlib import Path

import streamlit as st

from atlas.core.i18n import _
from atlas.core.pages import PAGES, unknown_path
from atlas.web import language
from atlas.web import widgets as ui

# A local file: a Material icon as page_icon makes the browser fetch its SVG from a font CDN.
st.set_page_config(
    page_title="DPRK Relations Atlas", page_icon=str(Path(__file__).parent / "static" / "favicon.png"), layout="wide"
)

# The language first: the menu, and everything after it, is in the session's language.
language.choose()

# The page list lives in atlas.core.pages, so links and tests address the same pages.
NAVIGATION = [
    st.Page(spec.script, title=_(spec.title), icon=spec.icon, url_path=spec.url_path or None, default=spec.key == "home")
    for spec in PAGES
]

page = st.navigation(NAVIGATION)
ui.global_style()
with st.sidebar:
    language.switch()
    st.caption(_("DPRK Relations Atlas: North Korea's diplomatic relations since 1948, with a public source for every fact."))
# Streamlit runs Home for an address that names no page (/nosuchpage) without a word: say so instead.
missing = unknown_path(st.context.url, st.get_option("server.baseUrlPath")) if page.url_path == "" else None
if missing:
    with st.container(key="page_not_found"):
        st.title(_("Page not found"))
        st.warning(
            _("The atlas has no page at “/{path}”. These are its pages:").format(path=missing[:80]), icon=":material/link_off:"
        )
        for spec in PAGES:
            st.page_link(spec.script, label=_(spec.title), icon=spec.icon)
else:
    page.run()
