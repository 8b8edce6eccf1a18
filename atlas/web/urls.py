"""Page state in the URL, for pages whose widgets are keyed by their URL parameter's name.

``seed_once`` copies valid URL values into session state on a session's first visit to a page
(invalid ones become a notice); ``write`` mirrors the widgets back into the URL every run, so
the address bar always holds a shareable view.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from atlas.core import params

Reader = Callable[[object], tuple[object, str | None]]


def seed_once(page: str, readers: dict[str, Reader], defaults: dict[str, object]) -> str | None:
    """Seed session state from the URL once per session and page; return a notice or None."""
    flag = f"_url_read_{page}"
    if st.session_state.get(flag):
        return None
    st.session_state[flag] = True
    notices = []
    for key, read in readers.items():
        value, notice = read(st.query_params.get(key))
        notices.append(notice)
        st.session_state[key] = value if value is not None else defaults.get(key)
    return params.join_notices(notices)


def write(values: dict[str, object], defaults: dict[str, object]) -> None:
    """Put non-default values in the URL and drop the rest."""
    for key, value in values.items():
        text = ",".join(value) if isinstance(value, list) else ("" if value is None else str(value))
        default = defaults.get(key)
        default_text = ",".join(default) if isinstance(default, list) else ("" if default is None else str(default))
        if text and text != default_text:
            st.query_params[key] = text
        elif key in st.query_params:
            del st.query_params[key]
