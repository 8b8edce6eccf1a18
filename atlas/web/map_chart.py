"""The world maps (recognition map, story, country locator), drawn by plotly.js's own geo bundle instead of Streamlit's plotly chart.

Why: ``st.plotly_chart`` loads Streamlit's plotly chunk, the whole of plotly.js (4.7 MB); on a
fresh visit the browser spent ~0.85 s of its main thread just evaluating it, and the map page
drew its map at 1.3× a bare one-choropleth page. plotly.js publishes partial bundles; the geo one
(``static/plotly-geo.min.js``, plotly.js-geo-dist-min 4.1.1, MIT, served locally: no CDN) has
everything a choropleth and scattergeo need in 1.4 MB. Measured on the same machine: the map page
went from 1.30× to 0.93× the floor.

The figure is the same plotly figure the pure builders make (``atlas/figures/maps.py``); only the
drawing moves. A click on a shape or a dot sends its ISO-3 code back as the trigger value
``selected`` (read by ``map_page.selected_code``). The text colour and font follow the app's
theme, read from the page each time the map is drawn; Streamlit draws a component again when the
theme changes, so a switch to dark mode during a visit is followed too (tested).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

_CSS = """
.atlas-map { width: 100%; height: 100%; }
"""


@functools.cache
def _component():
    """The component, registered on first use with its JavaScript read from ``map_chart.js`` beside this file.

    A plotly figure carries its own styles, which a shadow root would keep out: not isolated.
    """
    script = Path(__file__).with_name("map_chart.js").read_text(encoding="utf-8")
    return st.components.v2.component("atlas_map", js=script, css=_CSS, isolate_styles=False)


# Relative, like the geometry's URL: it keeps working on sub-pages and behind a base URL path.
SCRIPT_URL = "app/static/plotly-geo.min.js"


def draw(
    figure: go.Figure, *, key: str, config: dict, on_select: Callable[[], None] | None = None, height: str = "stretch"
) -> None:
    """Draw ``figure`` filling its container; with ``on_select``, a click calls it with the code in
    ``st.session_state[key]["selected"]`` (without, clicks do nothing and cost no rerun)."""
    callbacks = {"on_selected_change": on_select} if on_select else {}
    _component()(
        key=key,
        data={
            "figure": figure.to_json(),
            "config": {**config, "responsive": True},
            "script": SCRIPT_URL,
            "clickable": on_select is not None,
        },
        width="stretch",
        height=height,
        **callbacks,
    )
