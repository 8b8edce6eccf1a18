"""Streamlit glue of the story page: the chapter in the URL, navigation, projector and print styles.

The chapter and the handout view are in the URL (``/story?chapter=3``, ``&print=1`` for the
handout), read and written by ``atlas.web.urls`` like every page's parameters: the Previous/Next
buttons and the picker change the chapter, the address follows, so a chapter can be shared,
bookmarked or projected from a link.
"""

from __future__ import annotations

import streamlit as st

from atlas.core import links
from atlas.core.i18n import _
from atlas.core.source_kinds import escape_markdown
from atlas.data.loading import DataError
from atlas.queries import story
from atlas.queries.story import CHAPTERS
from atlas.web import urls as url_state
from atlas.web.cache import follows_data, table

CHAPTER_KEY = links.param("story", "chapter").state_key
PRINT_KEY = links.param("story", "print").state_key
JUMP_KEY = "story_jump"

# A printed page is white with dark text whatever the computer's colour scheme (the dark theme
# printed light text on a black page): the page, every text and the map's own text (plotly's SVG
# text is coloured by an inline fill, which an !important rule overrides).
LIGHT_PAGE_CSS = """
  html, body, .stApp, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"],
  .stMain, [data-testid="stMainBlockContainer"], .block-container, [data-testid="stHeader"], [data-testid="stBottom"] {
    background: #ffffff !important; color: #111111 !important; color-scheme: light !important;
  }
  .stApp * { color: #111111 !important; border-color: #cccccc !important; }
  .stApp a, .stApp a * { color: #0b4f8a !important; }
  .stApp .js-plotly-plot .main-svg text { fill: #111111 !important; }
"""
# Each key event and the gift stay on one page with their "Source:" line; a heading stays with
# what follows it.
KEEP_TOGETHER_CSS = """
  .st-key-story_side [data-testid="stElementContainer"], .st-key-story_gift [data-testid="stElementContainer"],
  .st-key-story_side .stMarkdown, .st-key-story_gift .stMarkdown, .st-key-story_side p, .st-key-story_gift p {
    break-inside: avoid !important; page-break-inside: avoid !important;
  }
  .stApp h1, .stApp h2, .stApp h3 { break-after: avoid !important; page-break-after: avoid !important; }
"""

# Static CSS only (no data-derived text): larger type for a projector, and a print layout
# without the sidebar, the header or the controls. On screen the page starts just below the
# header (not 6rem down), so at 1280x720 the title, the map and its legend fit the first screen.
STORY_CSS = (
    """<style>
@media screen {
  .block-container, [data-testid="stMainBlockContainer"] { padding-top: 4rem !important; }
  .stMain h1 { font-size: clamp(2rem, 2.6vw, 3rem) !important; }
}
.st-key-story_map_frame, .st-key-story_both_frame { height: clamp(320px, calc(100vh - 13rem), 1100px); flex: none !important; }
.st-key-story_map_frame > div, .st-key-story_both_frame > div { height: 100% !important; flex: 1 1 auto; }
.st-key-story_text p { font-size: 1.45rem; line-height: 1.55; }
.st-key-story_side p, .st-key-story_gift p { font-size: 1.1rem; line-height: 1.45; }
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header, [data-testid="stHeader"],
  [data-testid="stToolbar"], .st-key-story_nav, .st-key-url_notice { display: none !important; }
  [data-testid="stAppViewContainer"], [data-testid="stMain"], .stMain, section.main {
    overflow: visible !important; height: auto !important; position: static !important;
  }
  .st-key-story_text p { font-size: 12pt; line-height: 1.4; }
  .st-key-story_side p, .st-key-story_gift p { font-size: 10pt; line-height: 1.3; }
  .block-container, [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
"""
    + LIGHT_PAGE_CSS
    + KEEP_TOGETHER_CSS
    + """
}
</style>"""
)
# The handout view: the page already at about an A4 width on screen, so the map is sized for
# the page before printing (plotly does not redraw when the browser switches to print layout),
# and already white with dark text, so the map is drawn with dark text in any colour scheme.
HANDOUT_CSS = (
    """<style>"""
    + LIGHT_PAGE_CSS
    + KEEP_TOGETHER_CSS
    + """
.st-key-story_map_frame { height: 440px; }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"], header,
.st-key-story_nav { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { max-width: 46rem !important; padding-top: 1rem !important; }
.st-key-story_text p { font-size: 1.05rem; line-height: 1.45; }
.st-key-story_side p, .st-key-story_gift p { font-size: 0.9rem; line-height: 1.35; }
</style>"""
)


def read_url() -> tuple[int, bool]:
    """The chapter (1-based) and whether this is the handout, from the URL by ``atlas.web.urls``."""
    url_state.sync("story", chapter=(1, len(CHAPTERS)))
    return st.session_state[CHAPTER_KEY], bool(st.session_state[PRINT_KEY])


def go_to(number: int) -> None:
    """Button callback: show chapter ``number`` (the URL follows, so the view can be shared)."""
    st.session_state[CHAPTER_KEY] = number


def jump() -> None:
    """Chapter picker callback: show the picked chapter (a cleared pick changes nothing)."""
    picked = st.session_state.get(JUMP_KEY)
    if picked:
        go_to(int(picked))


def styles(handout: bool) -> None:
    st.html(STORY_CSS)
    if handout:
        st.html(HANDOUT_CSS)


def navigation(number: int) -> None:
    """Previous / Next buttons and the handout link, in one row the print view hides."""
    with st.container(key="story_nav", horizontal=True, vertical_alignment="center"):
        st.button(
            _("Previous"),
            icon=":material/arrow_back:",
            key="story_previous",
            on_click=go_to,
            args=(number - 1,),
            disabled=number <= 1,
        )
        st.button(
            _("Next"),
            icon=":material/arrow_forward:",
            key="story_next",
            on_click=go_to,
            args=(number + 1,),
            disabled=number >= len(CHAPTERS),
        )
        # The picker shows the chapter in the URL: set before the widget is drawn, every run.
        st.session_state[JUMP_KEY] = number
        st.segmented_control(
            _("Chapter"),
            list(range(1, len(CHAPTERS) + 1)),
            key=JUMP_KEY,
            on_change=jump,
            label_visibility="collapsed",
            help=_("Go to a chapter"),
        )
        st.link_button(
            _("Printable handout"),
            links.story_chapter(number, handout=True),
            icon=":material/print:",
            help=_("A print-friendly page for this chapter: open it and use the browser's Print."),
        )


def areas(handout: bool, widths: list[float]) -> list:
    """Side-by-side columns on screen (text beside the map for a projector); stacked in the handout."""
    if handout:
        return [st.container() for _width in widths]
    return st.columns(widths, gap="large")


def both_koreas(when, today) -> None:
    """The race chapter's second map: every state's relations with the two Koreas at ``when``."""
    from atlas.queries.race import RACE_LABELS
    from atlas.web import cache as loaders
    from atlas.web import map_chart
    from atlas.web import widgets as ui

    try:
        figure = loaders.race_map_figure(when, today)
        counts = loaders.race_map_counts(when)
    except loaders.DataError as error:
        st.error(_("The two-Koreas map cannot be shown: **{error}**").format(error=error), icon=":material/error:")
        return
    with st.container(key="story_both_frame"):
        map_chart.draw(figure, key="story_both_map", config=ui.MAP_CONFIG)
    st.caption(
        _("{counts}. The Timelines page charts the race year by year.").format(
            counts=" · ".join(f"{RACE_LABELS[category]}: {number}" for category, number in counts.items())
        )
    )


@follows_data(st.cache_data(show_spinner=False, max_entries=50))
def record_paragraph(number: int, start, end) -> str:
    """A chapter's paragraph from treaties, the Security Council, leaders' visits and UN votes, every
    number computed from those files ('' for a chapter without one; raises ``DataError``)."""
    chapter = CHAPTERS[number - 1]
    if not chapter.record:
        return ""
    facts = story.record_facts(
        chapter, start, end, table("treaties"), table("security_council"), table("visits"), table("un_alignment")
    )
    return story.record_text(chapter, facts)


def record(number: int, start, end) -> None:
    """Draw the chapter's record paragraph under its text; a broken file is named, the chapter stays."""
    try:
        text = record_paragraph(number, start, end)
    except DataError as error:
        st.warning(
            _("Part of this chapter cannot be shown because a data file failed its checks: **{error}**").format(error=error),
            icon=":material/warning:",
        )
        return
    if text:
        with st.container(key="story_record"):
            st.markdown(escape_markdown(text))
