"""Page state in the URL: one rule for every page, from the declarations in ``atlas.core.links``.

``sync(page, **domains)`` runs at the top of every page. It reads the page's parameters into
session state (each under its ``state_key``, the key of the widget that shows it) when

* the page is entered — a session's first visit, or the first run after another page ran
  (Streamlit drops the state of widgets it did not draw, so the page's own last address is read
  back, which restores the view the visitor left), or
* the address holds other values than the page last wrote — a link or a history step to this
  page with a new query string shows that query's view.

Otherwise the widgets own the state. Values a reader rejects become ONE notice for the whole
address ("Ignored year=3000: outside 1948–2026. … Showing the default view instead."). Then, and
on every ``write(page)``, the address is made to hold exactly the page's non-default values:
defaults and keys the page does not declare are dropped, so each view has one address.

``page_link(page, label, …)`` is ``st.page_link`` by page key, with the link builder's query.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from atlas.core import links, params
from atlas.core.pages import PAGE
from atlas.web import language
from atlas.web import widgets as ui

_PAGE_KEY = "_urls_page"  # the page that synced last: another one means this page is entered


def _wrote_key(page: str) -> str:
    return f"_urls_wrote_{page}"


def _address(page: str) -> dict[str, str]:
    """The page's own parameters as the address holds them now (a repeated key: its last value)."""
    return {p.name: str(st.query_params.get(p.name)) for p in links.PARAMS[page] if p.name in st.query_params}


def _domain(declared: links.Param, domains: dict[str, Any]) -> Any:
    domain = domains.get(declared.name, declared.domain)
    return domain() if callable(domain) else domain


def read(page: str, **domains: Any) -> str | None:
    """Read every parameter of ``page`` from the address into session state; return the notice.

    Domains are evaluated lazily, in declaration order, and only for a value to check; a domain
    may use the state of the parameters declared before it (the map's compare, the year shown).
    """
    declared_names = {p.name for p in links.PARAMS[page]}
    missing = [p.name for p in links.PARAMS[page] if p.domain is links.FROM_PAGE and p.name not in domains]
    if missing or set(domains) - declared_names:  # a programming error, caught on any run of the page
        raise KeyError(f"urls.read({page!r}): domains missing for {missing}, or not declared: {set(domains) - declared_names}")
    notices = []
    for declared in links.PARAMS[page]:
        raw = st.query_params.get(declared.name)
        value, notice = (None, None)
        if raw is not None and str(raw).strip():
            value, notice = declared.read(raw, declared.name, _domain(declared, domains))
        notices.append(notice)
        st.session_state[declared.state_key] = value if value is not None else declared.default_value()
    return params.join_notices(notices)


def write(page: str) -> None:
    """Make the address hold exactly the page's non-default state (nothing else) and remember it."""
    wanted = links.query(page, {p.name: st.session_state.get(p.state_key) for p in links.PARAMS[page]})
    for key in list(st.query_params):
        if key not in wanted:
            del st.query_params[key]
    for key, text in wanted.items():
        if st.query_params.get(key) != text or len(st.query_params.get_all(key)) != 1:
            st.query_params[key] = text
    # Remembered as the page's own parameters only, the form ``_address`` reads back: with ``lang``
    # in it, every run in Korean took the address for a new one and undid the widgets' changes.
    st.session_state[_wrote_key(page)] = {name: text for name, text in wanted.items() if name != links.LANGUAGE}


def sync(page: str, **domains: Any) -> bool:
    """The page's state from the address when it is entered or the address changed; then write.

    Shows one notice for the values the address got wrong. Returns True when the state was read
    from the address (the map then stops an animation the visitor left).
    """
    entered = st.session_state.get(_PAGE_KEY) != page or st.session_state.pop(language.RESEED_KEY, False)
    st.session_state[_PAGE_KEY] = page
    seeded = entered or _address(page) != st.session_state.get(_wrote_key(page))
    if seeded:
        notice = params.join_notices([language.take_notice(), read(page, **domains)])
        if notice:
            with st.container(key="url_notice"):
                ui.show_notice(notice)
    write(page)
    return seeded


def page_link(page: str, label: str, icon: str | None = None, values: dict[str, Any] | None = None, **more: Any) -> None:
    """``st.page_link`` to the page with key ``page``, its query built by ``atlas.core.links``."""
    st.page_link(PAGE[page].script, label=label, icon=icon, query_params=links.query(page, values, **more) or None)
