"""The session's language: from the address, else the visitor's choice, else the browser's.

``choose()`` runs first in every script run (``app.py``), before the menu is built, and makes the
language current for the run (``atlas.core.i18n.activate``). The address wins when it holds a
``lang`` the atlas did not write itself (a shared link, a history step); otherwise the session
keeps what the visitor chose with the switch; a first visit without ``lang`` follows the
browser's language (``st.context.locale``). The address then holds ``lang`` only when it differs
from the browser's: ``atlas.core.links`` adds it to every link and ``atlas.web.urls`` to the address.

Fragments rerun without ``app.py``: ``fragment`` wraps ``st.fragment`` so they set it too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import streamlit as st

from atlas.core import i18n, links
from atlas.core.i18n import _

STATE_KEY = "lang"
_SWITCH_KEY = "lang_switch"
_NOTICE_KEY = "_lang_notice"
# Set when the visitor switches language: the page then reads its view back from the address
# (``atlas.web.urls.sync``). The browser returns a dropdown's choice as the label it showed, and
# that label belongs to the other language, so the address, which holds codes, is the view.
RESEED_KEY = "_lang_switched"


def browser_language() -> str:
    """The language the visitor's browser asks for: Korean for any ``ko`` locale, else English."""
    locale = str(st.context.locale or "")
    return i18n.KOREAN if locale.lower().startswith(i18n.KOREAN) else i18n.ENGLISH


def choose() -> str:
    """Settle this run's language and make it current; remember a notice for a bad ``lang``."""
    raw = st.query_params.get(links.LANGUAGE)
    written = st.session_state.get("_lang_wrote")
    if raw is not None and raw != written:
        value = str(raw).strip().lower()
        if value in i18n.LANGUAGES:
            st.session_state[STATE_KEY] = value
        else:
            st.session_state[_NOTICE_KEY] = (str(raw)[:20], ", ".join(i18n.LANGUAGES))
    if st.session_state.get(STATE_KEY) not in i18n.LANGUAGES:
        st.session_state[STATE_KEY] = browser_language()
    lang = st.session_state[STATE_KEY]
    i18n.activate(lang, browser_language())
    st.session_state["_lang_wrote"] = i18n.address_language()
    return lang


def take_notice() -> str | None:
    """The notice for a ``lang`` the address got wrong, once (shown with the page's own notices)."""
    found = st.session_state.pop(_NOTICE_KEY, None)
    if not found:
        return None
    shown, expected = found
    return _("Ignored lang={value}: expected one of {choices}.").format(value=shown, choices=expected)


def _switched() -> None:
    st.session_state[STATE_KEY] = st.session_state[_SWITCH_KEY]
    st.session_state[RESEED_KEY] = True


def switch() -> None:
    """The language switch (in the sidebar): the same page, view and filters, in the other language.

    Its label names both languages, so the widget is the same one in both.
    """
    st.session_state[_SWITCH_KEY] = st.session_state[STATE_KEY]
    st.segmented_control(
        "Language · 언어",
        list(i18n.LANGUAGES),
        format_func=i18n.LANGUAGE_NAMES.get,
        key=_SWITCH_KEY,
        on_change=_switched,
        required=True,
    )


def fragment(func: Callable | None = None, **options) -> Callable:
    """``st.fragment`` whose reruns use the session's language (they run without ``app.py``)."""

    def decorate(inner: Callable) -> Callable:
        @functools.wraps(inner)
        def run(*args, **kwargs):
            i18n.activate(st.session_state.get(STATE_KEY, i18n.DEFAULT_LANGUAGE), browser_language())
            return inner(*args, **kwargs)

        return st.fragment(run, **options)

    return decorate(func) if func is not None else decorate
