"""Keyboard focus for records: when a record opens, its heading takes focus and comes into view.

A record (the map's country panel, a timeline event, a gift card) used to render far below the
control that opened it, with focus left behind: on a phone the tapped country's record was
~2,000 px down. ``focus_record`` draws a hidden component (``focus.js``, constant code) that
focuses the heading inside a keyed container once per record (``token``) and scrolls it into
view when it is off screen. Later reruns with the same token leave focus alone.
"""

from __future__ import annotations

import functools
from pathlib import Path

import streamlit as st

# The component draws nothing: its own box is hidden so it adds no gap to the layout.
CSS = '[class*="st-key-focus_"] { display: none !important; }'


@functools.cache
def _component():
    script = Path(__file__).with_name("focus.js").read_text(encoding="utf-8")
    return st.components.v2.component("atlas_focus", js=script, isolate_styles=False)


def focus_on(selector: str, *, key: str, token: str, only_if_lost: bool = False) -> None:
    """Focus the first element matching ``selector`` when ``token`` changes (or the component is new).

    With ``only_if_lost``, only when focus has fallen back to the page body (a button the visitor
    was on was replaced), never taking it from another control.
    """
    _component()(
        key=f"focus_{key}",
        data={"selector": selector, "token": token, "only_if_lost": only_if_lost},
        width="stretch",
        height="content",
    )


def focus_record(container_key: str, token: str) -> None:
    """Focus the heading of the record drawn in ``st.container(key=container_key)``."""
    focus_on(f".st-key-{container_key} h3", key=container_key, token=token)
