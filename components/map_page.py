"""State and widgets of the map page: the URL <-> session state round trip, play, selection.

The page state lives in the URL (``?year=1975&country=FRA``) so a view can be shared. It is read
once per session; afterwards the widgets own it and every run writes it back to the URL.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components import params
from components.dates import year_end
from components.loaders import FIRST_YEAR
from components.relations import map_codes

YEAR_KEY = "year"
COUNTRY_KEY = "country"
PLAYING_KEY = "playing"
CHART_KEY = "recognition_map"


def today() -> dt.date:
    return dt.date.today()


def init_from_url(known_codes: set[str]) -> str | None:
    """On a session's first run, seed the state from the URL; return a notice for bad values."""
    if st.session_state.get("_map_url_read"):
        return None
    st.session_state["_map_url_read"] = True
    year, year_notice = params.read_int(st.query_params.get("year"), "year", FIRST_YEAR, today().year)
    country, country_notice = params.read_code(st.query_params.get("country"), "country", known_codes)
    st.session_state[YEAR_KEY] = year if year is not None else today().year
    st.session_state[COUNTRY_KEY] = country
    return params.join_notices([year_notice, country_notice])


def write_url() -> None:
    """Mirror the page state into the URL (only the keys that differ from the default)."""
    st.query_params["year"] = str(st.session_state[YEAR_KEY])
    if st.session_state.get(COUNTRY_KEY):
        st.query_params["country"] = st.session_state[COUNTRY_KEY]
    elif "country" in st.query_params:
        del st.query_params["country"]


def step(delta: int) -> None:
    """Button callback: move the year slider by ``delta`` within its range."""
    st.session_state[YEAR_KEY] = max(FIRST_YEAR, min(today().year, st.session_state[YEAR_KEY] + delta))


def start_playing() -> None:
    if st.session_state[YEAR_KEY] >= today().year:
        st.session_state[YEAR_KEY] = FIRST_YEAR
    st.session_state[PLAYING_KEY] = True


def stop_playing() -> None:
    st.session_state[PLAYING_KEY] = False


def advance_if_playing() -> None:
    """One animation tick: next year, stopping at the last one."""
    if not st.session_state.get(PLAYING_KEY):
        return
    if st.session_state[YEAR_KEY] >= today().year:
        stop_playing()
    else:
        step(1)


def selected_code(event: object, valid: set[str]) -> str | None:
    """The ISO-3 code a plotly selection event names (shapes and markers both carry it)."""
    points = ((event or {}).get("selection") or {}).get("points") or [] if isinstance(event, dict) else []
    for point in points:
        if not isinstance(point, dict):
            continue
        custom = point.get("customdata")
        code = point.get("location") or (custom[-1] if isinstance(custom, list) and custom else None)
        if code in valid:
            return code
    return None


def on_map_select() -> None:
    """Chart callback: a clicked shape or marker becomes the selected country."""
    code = selected_code(st.session_state.get(CHART_KEY), set(map_codes()))
    if code:
        st.session_state[COUNTRY_KEY] = code


def clear_country() -> None:
    st.session_state[COUNTRY_KEY] = None


def controls() -> dt.date:
    """Year slider with step and play buttons; returns the date the map shows."""
    slider, back, forward, play = st.columns([8, 1, 1, 1.4], vertical_alignment="bottom")
    slider.slider(
        "Year",
        min_value=FIRST_YEAR,
        max_value=today().year,
        key=YEAR_KEY,
    )
    back.button(
        "", icon=":material/chevron_left:", key="year_back", on_click=step, args=(-1,), help="One year back", width="stretch"
    )
    forward.button(
        "", icon=":material/chevron_right:", key="year_forward", on_click=step, args=(1,), help="One year on", width="stretch"
    )
    if st.session_state.get(PLAYING_KEY):
        play.button("Pause", icon=":material/pause:", key="pause", on_click=stop_playing, width="stretch")
    else:
        play.button(
            "Play",
            icon=":material/play_arrow:",
            key="play",
            on_click=start_playing,
            help="Animate year by year from 1948",
            width="stretch",
        )
    return year_end(st.session_state[YEAR_KEY], today())
