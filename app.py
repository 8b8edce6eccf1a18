"""DPRK Relations Atlas — entry point: page config, navigation, shared sidebar.

The page scripts live in ``app_pages/``, not ``pages/``: Streamlit 1.67 still treats a folder
named ``pages/`` beside the entry script as a v1 multipage app for a server's first session, so a
deep link such as ``/map`` opened first would bypass this file (no page config, wrong menu).
"""

import re
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

# A path Streamlit accepts as a page's url_path: letters, digits, '-' and '_'.
SEGMENT = re.compile(r"[A-Za-z0-9_-]{1,80}")

# The language first: the menu, and everything after it, is in the session's language.
language.choose()


def page_not_found() -> None:
    """What an address naming no page shows: say so, and list the pages."""
    with st.container(key="page_not_found"):
        st.title(_("Page not found"))
        st.warning(
            _("The atlas has no page at “/{path}”. These are its pages:").format(path=missing[:80]), icon=":material/link_off:"
        )
        for spec in PAGES:
            st.page_link(spec.script, label=_(spec.title), icon=spec.icon)


# The page list lives in atlas.core.pages, so links and tests address the same pages.
NAVIGATION = [
    st.Page(spec.script, title=_(spec.title), icon=spec.icon, url_path=spec.url_path or None, default=spec.key == "home")
    for spec in PAGES
]
# Streamlit runs Home for an address that names no page (/nosuchpage) and pops up a dialog about its
# own "pages/ directory". An address of one plain segment gets a hidden page of its own instead, which
# says what happened; an odd one (other characters) keeps Streamlit's answer, with the message below it.
missing = unknown_path(st.context.url, st.get_option("server.baseUrlPath"))
if missing and SEGMENT.fullmatch(missing):
    NAVIGATION.append(st.Page(page_not_found, title=_("Page not found"), url_path=missing, visibility="hidden"))

page = st.navigation(NAVIGATION)
ui.global_style()
with st.sidebar:
    language.switch()
    st.caption(_("DPRK Relations Atlas: North Korea's diplomatic relations since 1948, with a public source for every fact."))
if missing and page.url_path == "":
    page_not_found()
else:
    page.run()
