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

What crosses the websocket (issue 18): Streamlit sends a component's whole ``data`` on every
run, and a year step used to resend the whole figure (~36 KB). The figure is split
(``atlas.figures.payload``) into a ``base`` (layout, trace styling, config: the same every year)
and a per-date ``frame``. A chart's base goes out once per session (keyed by its ``version``), a
frame as a ``patch`` against the frame sent on the chart's previous run; the browser keeps both
by id. When it lacks one (a run interrupted before its message left, a reloaded module) it asks
with the trigger value ``missing`` and the next run sends base and frame whole.
"""

from __future__ import annotations

import functools
import json
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import NamedTuple

import plotly.graph_objects as go
import streamlit as st

from atlas.core.i18n import _
from atlas.figures import payload

_CSS = """
.atlas-map { width: 100%; height: 100%; }
"""


# Relative, like the geometry's URL: it keeps working on sub-pages and behind a base URL path.
SCRIPT_URL = "app/static/plotly-geo.min.js"
# The component's code (``static/atlas_map.js``), served like plotly.js: Streamlit sends an inline
# component's JavaScript with every run's message, so the inline part only imports the module
# (the browser fetches it once). Constant text: no data is ever written into it.
MODULE_URL = "app/static/atlas_map.js"
_LOADER = f"""
const module = import(new URL({MODULE_URL!r}, document.baseURI).href);
export default (component) => module.then((code) => code.default(component));
"""


@functools.cache
def _component():
    """The component, registered on first use.

    A plotly figure carries its own styles, which a shadow root would keep out: not isolated.
    """
    return st.components.v2.component("atlas_map", js=_LOADER, css=_CSS, isolate_styles=False)


# Session state: per chart key, the base versions and the last frame this session was sent.
_SENT_KEY = "_atlas_map_sent"


class _Split(NamedTuple):
    version: str
    base: dict  # {"figure": the figure without its per-date cells, "config": plotly config}
    frame_id: str
    frame: dict


# Bases and frames by id, shared by the sessions (a patch is made against the frame a session was
# sent last): bounded, and a frame no longer here is simply sent whole.
_KNOWN: OrderedDict[str, dict] = OrderedDict()
_KNOWN_MAX = 256
_LOCK = threading.Lock()
# The split of a figure object (the cached figures are shared and read-only): by id, with a weak
# reference to tell a reused id from the same figure.
_SPLITS: dict[int, tuple[weakref.ref, _Split]] = {}
_SPLITS_MAX = 512


def _remember(ident: str, value: dict) -> None:
    with _LOCK:
        _KNOWN[ident] = value
        _KNOWN.move_to_end(ident)
        while len(_KNOWN) > _KNOWN_MAX:
            _KNOWN.popitem(last=False)


def known(ident: str) -> dict | None:
    """A base (by version) or frame (by id) sent lately, if still kept."""
    with _LOCK:
        return _KNOWN.get(ident)


def prepare(figure: go.Figure, config: dict) -> _Split:
    """The figure split into base and frame for ``draw`` with this ``config``, computed once per
    figure object (JSON and split cost ~10 ms: the map's warmer does it ahead of a year step)."""
    config = {**config, "responsive": True}
    entry = _SPLITS.get(id(figure))
    if entry and entry[0]() is figure and entry[1].base["config"] == config:
        return entry[1]
    figure_base, frame = payload.split(json.loads(figure.to_json()))
    base = {"figure": figure_base, "config": config}
    result = _Split(payload.version(base), base, payload.version(frame), frame)
    with _LOCK:
        if len(_SPLITS) >= _SPLITS_MAX:
            _SPLITS.clear()
        _SPLITS[id(figure)] = (weakref.ref(figure), result)
    return result


def payload_data(split: _Split, sent: dict, missing: bool) -> dict:
    """The figure part of the component's ``data``, given what this chart was sent before
    (``sent``: ``{"bases": set of versions, "frame": id}``, updated here)."""
    if missing:  # the browser lacks something: start over
        sent["bases"], sent["frame"] = set(), None
    data = {"version": split.version, "frame_id": split.frame_id}
    if split.version not in sent["bases"]:
        data["base"] = split.base
        sent["bases"].add(split.version)
    reference = known(sent["frame"]) if sent["frame"] else None
    patch = payload.diff(reference, split.frame) if reference is not None else None
    if patch is None:
        data["frame"] = split.frame
    else:
        data["ref"], data["patch"] = sent["frame"], patch
    sent["frame"] = split.frame_id
    return data


def draw(
    figure: go.Figure, *, key: str, config: dict, on_select: Callable[[], None] | None = None, height: str = "stretch"
) -> None:
    """Draw ``figure`` filling its container; with ``on_select``, a click calls it with the code in
    ``st.session_state[key]["selected"]`` (without, clicks do nothing and cost no rerun)."""
    callbacks = {"on_selected_change": on_select} if on_select else {}
    split = prepare(figure, config)
    _remember(split.version, split.base)  # what this session's next patch is made against
    _remember(split.frame_id, split.frame)
    sent = st.session_state.setdefault(_SENT_KEY, {}).setdefault(key, {"bases": set(), "frame": None})
    event = st.session_state.get(key)
    missing = bool(event.get("missing")) if hasattr(event, "get") else False
    _component()(
        key=key,
        data={
            **payload_data(split, sent, missing),
            "script": SCRIPT_URL,
            "clickable": on_select is not None,
            # The component's only text of its own, in the run's language.
            "text": {"load_failed": _("The map's script did not load.")},
        },
        width="stretch",
        height=height,
        **callbacks,
    )
