"""State and widgets of the map page: the URL <-> session state round trip, play, picker, selection.

The page state lives in the URL (``?year=1975&country=FRA``) so a view can be shared; its
parameters are declared in ``atlas.core.links`` and read and written by ``atlas.web.urls`` like
every page's. This module says what they are checked against (``url_domains``).
"""

from __future__ import annotations

import datetime as dt
import time

import streamlit as st

from atlas.core.dates import year_end
from atlas.core.i18n import _
from atlas.queries.relations import TERRITORY_OF
from atlas.web import cache as loaders
from atlas.web import map_chart
from atlas.web import widgets as ui
from atlas.web.cache import FIRST_YEAR

YEAR_KEY = "year"
COUNTRY_KEY = "country"  # also the key of the country picker: one source of truth
PLAYING_KEY = "playing"
TYPED_YEAR_KEY = "year_typed"
PRESENT_KEY = "present"
CHART_KEY = "recognition_map"
# The ``run_every`` the map's fragment was built with on the last full run (see ``play_interval``).
_TIMER_KEY = "_map_timer_on"
_JUST_STARTED_KEY = "_map_play_just_started"
PLAY_SECONDS = 1.0  # one year a second
# The fragment's timer starts counting when a run has finished, so a tick every second would
# pace the years at one second plus the run; a shorter timer and a clock check keep the pace.
TIMER_SECONDS = 0.4
_LAST_TICK_KEY = "_map_last_tick"

# Map height: follows the width the map gets (a world map is about twice as wide as tall, plus
# title and legend), capped by the window's height. ``cqw`` is a share of the enclosing ``map_box``
# width. Constant CSS, no data in it; !important because Streamlit's own classes of equal
# specificity come later in the page.
_FRAME = """
.st-key-map_box { container-type: inline-size; }
.st-key-map_frame { height: %s !important; flex: none !important; }
.st-key-map_frame > div, .st-key-map_frame [data-testid="stFullScreenFrame"],
.st-key-map_frame [data-testid="stPlotlyChart"], .st-key-map_frame .js-plotly-plot {
  height: 100%% !important; flex: 1 1 auto; }
"""
# The year row (``controls``): the slider grows into the room the buttons leave and wraps to a line
# of its own below 16rem of it; Play keeps the width of Pause (and 일시 정지), so starting and
# stopping does not move the slider.
_CONTROLS = """
.st-key-year_row .st-key-year { flex: 1 1 16rem !important; min-width: 16rem !important; }
.st-key-year_buttons { gap: 0.5rem !important; }
@media (min-width: 640px) { .st-key-play button { min-width: 6.6rem; } }
"""
_STYLE = "<style>" + _CONTROLS + _FRAME % "clamp(420px, min(80vh, 48cqw + 150px), 1600px)" + "</style>"
# Presentation: larger type everywhere (rem-based); no sidebar or header, little padding, so the
# year controls and the whole map with its legend fit one projector screen (1280x720, 1024x768):
# the map takes the window's height less the Present switch and the year row above it (~150 px,
# measured in the browser test), and no more than its width asks for.
_PRESENT_TYPE = """
.stMain [data-testid="stMarkdownContainer"] p, .stMain [data-testid="stWidgetLabel"] p, .stMain button p,
.stMain [data-testid="stSliderThumbValue"], .stMain input { font-size: 1.35rem !important; }
.stMain [data-testid="stMetricValue"] { font-size: 3.2rem !important; }
.stMain button p { white-space: nowrap !important; overflow: visible !important; }
.st-key-play button { min-width: 9rem !important; }
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"] {
  display: none !important; }
.stMain .stMainBlockContainer { padding: 0.5rem 1.5rem 2rem !important; max-width: none !important; }
"""
_PRESENT_STYLE = (
    "<style>" + _CONTROLS + _PRESENT_TYPE + _FRAME % "clamp(300px, min(100dvh - 165px, 50cqw + 190px), 1800px)" + "</style>"
)


def today() -> dt.date:
    return dt.date.today()


def country_domain(known_codes: set[str]) -> dict[str, str]:
    """Codes ``?country=`` accepts, each to the record it opens: a dependent territory opens its state's."""
    return {code: code for code in known_codes} | {code: owner for code, owner in TERRITORY_OF.items() if owner in known_codes}


def url_domains(known_codes: set[str]) -> dict:
    """What the map page's URL parameters are checked against (``atlas.web.urls.sync``); lazy where costly."""
    from atlas.queries.visit_map import PERIOD_LABELS
    from atlas.web import changes_view, race_view

    last = today().year
    return {
        "year": (FIRST_YEAR, last),
        "country": lambda: country_domain(known_codes),
        "compare": lambda: (FIRST_YEAR, last, st.session_state[YEAR_KEY]),  # the year shown is read first
        "region": changes_view.all_region_options,
        "view": set(race_view.VIEW_LABELS),
        "period": set(PERIOD_LABELS),
    }


def presenting() -> bool:
    return bool(st.session_state.get(PRESENT_KEY))


def apply_style() -> None:
    """The page's sizing rules (constant CSS; presentation mode enlarges type and map)."""
    st.html(_PRESENT_STYLE if presenting() else _STYLE)


def present_control() -> None:
    """The visible switch for projector mode (``?present=1`` is its URL form)."""
    st.toggle(
        _("Present"),
        key=PRESENT_KEY,
        help=_("For a projector: large type, no sidebar, the year controls and the whole map on one screen"),
    )


def step(delta: int) -> None:
    """Button callback: move the year slider by ``delta`` within its range."""
    st.session_state[YEAR_KEY] = max(FIRST_YEAR, min(today().year, st.session_state[YEAR_KEY] + delta))


# Play. ``@st.fragment(run_every=...)`` takes its interval when the decorator runs, i.e. on a full
# script run only. So the page builds the fragment with ``play_interval()``, and when Play or Pause
# (or the last year) changes what the timer should be, ``sync_timer`` asks for one full run.


def play_interval() -> float | None:
    """The fragment's ``run_every`` for this full run, remembered so a change can be detected."""
    playing = bool(st.session_state.get(PLAYING_KEY))
    st.session_state[_TIMER_KEY] = playing
    return TIMER_SECONDS if playing else None


def sync_timer() -> None:
    """After Play, Pause or the end: rebuild the fragment's timer with a full run."""
    if bool(st.session_state.get(PLAYING_KEY)) != st.session_state.get(_TIMER_KEY, False):
        if st.session_state.get(PLAYING_KEY):
            _warm_next_years()
        st.rerun(scope="app")


def _warm_next_years(ahead: int = 2) -> None:
    """Have Play's next UN-vote maps built while this one is drawn. The DPRK map's years are built
    by ``warm_neighbours`` after every run, Play's ticks included (one warmer at a time: a second
    one here, started first, kept the neighbours' payloads from being prepared)."""
    if not _alignment_view():
        return
    from atlas.web import alignment_view

    year = st.session_state[YEAR_KEY]
    alignment_view.warm(list(range(year + 1, min(year + ahead, today().year) + 1)), presenting())


def warm_neighbours(reach: int = 2) -> None:
    """Have the maps of the years around the one shown built in the background, with their
    payloads, so the next slider step or Back/Next finds its map ready.

    Measured in headless Chromium (``bench/run_bench.py``): a step whose map had to be built first
    took about 350 ms to the redrawn map, one that found it built about 235 ms. Building every year
    at once instead (~4 s of one thread) made every visitor's run 3x slower while it lasted, so only
    the nearest years are built, a few figures per new year shown; years already cached cost nothing.
    """
    shown = st.session_state.get(YEAR_KEY, today().year)
    years = [y for d in range(1, reach + 1) for y in (shown + d, shown - d) if FIRST_YEAR <= y <= today().year]
    now = today()

    def prepare(when: dt.date, figure) -> None:
        # What else a step to ``when`` computes (measured: ~100 ms of a step's 120 ms server run).
        map_chart.prepare(figure, ui.MAP_CONFIG)
        loaders.year_changes(when.year)
        loaders.recognition_sparkline_marker(now, when.year)

    # After this run has gone out and the browser has drawn it (a step takes ~0.2 s).
    loaders.warm_map_figures([year_end(y, now) for y in years], now, presenting(), prepare, delay=0.4)


def _alignment_view() -> bool:
    return st.session_state.get("map_view") == "alignment"


def play_span() -> tuple[int, int]:
    """The years Play runs over: the sessions with votes in the UN alignment view, else all years."""
    if _alignment_view():
        from atlas.web import alignment_view

        try:
            return alignment_view.year_span()
        except loaders.DataError:
            pass
    return FIRST_YEAR, today().year


def start_playing() -> None:
    first, last = play_span()
    if not first <= st.session_state[YEAR_KEY] < last:
        st.session_state[YEAR_KEY] = first
    st.session_state[PLAYING_KEY] = True
    st.session_state[_JUST_STARTED_KEY] = True
    # The year shown has been on screen since before the click: the first tick need not wait long.
    st.session_state[_LAST_TICK_KEY] = time.monotonic() - PLAY_SECONDS / 2


def stop_playing() -> None:
    st.session_state[PLAYING_KEY] = False


def advance_if_playing() -> None:
    """One animation tick: next year, stopping at the last one.

    Not on the runs that start playing (the click's, and the full run that builds the timer), so
    the year shown when Play was pressed stays a second, like every other year.
    """
    if not st.session_state.get(PLAYING_KEY) or st.session_state.get(_JUST_STARTED_KEY):
        return
    now = time.monotonic()
    if now - st.session_state.get(_LAST_TICK_KEY, 0.0) < PLAY_SECONDS * 0.9:
        return
    st.session_state[_LAST_TICK_KEY] = now
    step(1)
    _warm_next_years()
    if st.session_state[YEAR_KEY] >= play_span()[1]:
        stop_playing()


def end_of_run() -> None:
    """Called last in the map's fragment: the next timer tick advances."""
    st.session_state[_JUST_STARTED_KEY] = False


def selected_code(event: object, valid: set[str]) -> str | None:
    """The ISO-3 code a map click names (``map_chart``'s ``selected`` trigger value), if valid."""
    chosen = event.get("selected") if hasattr(event, "get") else None
    return chosen if isinstance(chosen, str) and chosen in valid else None


def record_code(code: str) -> str:
    """The record a click on ``code`` opens: a dependent territory opens its state's."""
    return TERRITORY_OF.get(code, code)


def on_map_select(valid: set[str]) -> None:
    """Chart callback: a clicked shape or marker becomes the selected country."""
    code = selected_code(st.session_state.get(CHART_KEY), set(valid) | set(TERRITORY_OF))
    if code and record_code(code) in valid:
        st.session_state[COUNTRY_KEY] = record_code(code)


def clear_country() -> None:
    st.session_state[COUNTRY_KEY] = None


def take_typed_year() -> None:
    """The typed year becomes the slider's (out-of-range values are refused by the box itself)."""
    typed = st.session_state.get(TYPED_YEAR_KEY)
    if typed is not None:
        st.session_state[YEAR_KEY] = max(FIRST_YEAR, min(today().year, int(typed)))


def controls() -> dt.date:
    """Year slider with step and play buttons; returns the date the map shows."""
    # One wrapping row: the year box and buttons, as one group, keep their whole labels at any
    # width (fixed-ratio columns cut them to "B…" and "N…" below about 1440 px); the slider takes
    # what is left, and where that is under 16rem (``_CONTROLS``) the group moves to a line below it.
    row = st.container(horizontal=True, vertical_alignment="bottom", gap="small", key="year_row")
    row.slider(_("Year"), min_value=FIRST_YEAR, max_value=today().year, key=YEAR_KEY)
    # A box to type the year in, following the slider (which alone holds the year and the URL's ``year``).
    st.session_state[TYPED_YEAR_KEY] = st.session_state[YEAR_KEY]
    group = row.container(horizontal=True, vertical_alignment="bottom", gap="small", width="content", key="year_buttons")
    group.number_input(
        _("Type a year"),
        width=150 if presenting() else 96,
        min_value=FIRST_YEAR,
        max_value=today().year,
        step=1,
        key=TYPED_YEAR_KEY,
        on_change=take_typed_year,
        help=_("Any year from {first} to {last}; the slider follows.").format(first=FIRST_YEAR, last=today().year),
    )
    group.button(
        _("Back"),
        icon=":material/chevron_left:",
        key="year_back",
        on_click=step,
        args=(-1,),
        help=_("One year back"),
        width="content",
    )
    group.button(
        _("Next"),
        icon=":material/chevron_right:",
        key="year_forward",
        on_click=step,
        args=(1,),
        help=_("One year on"),
        width="content",
    )
    # One button under one key whose label turns Play <-> Pause: the same element stays in the
    # page, so keyboard focus (and its ring) stays on it after Enter (two keyed buttons replaced
    # each other and dropped focus to the page's body).
    playing = bool(st.session_state.get(PLAYING_KEY))
    group.button(
        _("Pause") if playing else _("Play"),
        icon=":material/pause:" if playing else ":material/play_arrow:",
        key="play",
        on_click=stop_playing if playing else start_playing,
        help=_("Animate year by year, from the year shown to today"),
        width="content",
    )
    return year_end(st.session_state[YEAR_KEY], today())


def country_picker(labels: dict[str, str]) -> None:
    """A searchable list of every state, current and dissolved; it opens the same record a click does."""
    st.selectbox(
        _("Find a country"),
        options=list(labels),
        format_func=labels.__getitem__,
        key=COUNTRY_KEY,
        index=None,
        placeholder=_("Type a name, e.g. Germany or Soviet Union"),
        help=_(
            "Opens the country's dated record beside the map (below it on a narrow screen). "
            "Dissolved states are listed by their own names."
        ),
    )


def draw_map(figure, on_select) -> None:
    """Any view's map (DPRK, compare, both Koreas) in the page's frame, whose sizing rules key on
    these containers, under the one chart key whose selection opens the country panel."""
    with st.container(key="map_box"), st.container(key="map_frame"):
        map_chart.draw(figure, key=CHART_KEY, config=ui.MAP_CONFIG, on_select=on_select)
