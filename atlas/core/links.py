"""Every page's URL parameters and every link between pages, declared once (pure).

``PARAMS`` lists, page by page, the parameters its address may hold: the name in the address
bar, the never-raising reader from ``atlas.core.params`` that checks a value (``reader(raw, name,
domain) -> (value, notice)``), and the default — what the page shows when the address has none,
and never writes back. ``atlas.web.urls`` reads and writes them with one rule on every page;
``url`` and ``query`` build every internal link from the same declarations, so a link can only
name parameters its page reads, and leaves out the values the page would leave out.

A reader checks a value against a ``domain`` (a range, the valid choices, the known codes). Where
that comes from the data or a higher layer, the declaration says ``FROM_PAGE`` and the page hands
it to ``atlas.web.urls.sync`` — as a callable when it is costly, evaluated only for a value to check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from atlas.core import i18n, params
from atlas.core.pages import PAGE
from atlas.core.regions import ALL_REGIONS

Reader = Callable[[object, str, Any], tuple[Any, str | None]]
FROM_PAGE = "supplied by the page"  # a domain the page passes to ``atlas.web.urls.sync``


def this_year() -> int:
    """The map's default year: today's (a default that moves, so a callable)."""
    return dt.date.today().year


@dataclass(frozen=True)
class Param:
    """One URL parameter of a page.

    ``key`` is its session-state key (the widget's) when that is not ``name``; ``always`` writes it
    even at its default (the story names its chapter, so a projected page says where it is).
    """

    name: str
    read: Reader
    default: Any = None
    domain: Any = None
    key: str = ""
    always: bool = False

    @property
    def state_key(self) -> str:
        return self.key or self.name

    def default_value(self) -> Any:
        """The default, fresh: a callable default is called, a tuple becomes a list (a multiselect's state)."""
        value = self.default() if callable(self.default) else self.default
        return list(value) if isinstance(value, tuple) else value

    def omitted(self, text: str) -> bool:
        """True when the encoded value stays out of the address (empty, or the default)."""
        return not text or (not self.always and text == encode(self.default_value()))


PARAMS: dict[str, tuple[Param, ...]] = {
    "home": (),
    "map": (
        Param("year", params.read_range, default=this_year, domain=FROM_PAGE),  # (first year, this year)
        Param("country", params.read_code, domain=FROM_PAGE),  # picker codes, territories mapped to their state
        Param("present", params.read_flag, default=False, domain=("1", "0")),
        Param("compare", params.read_other_year, domain=FROM_PAGE),  # (first year, this year, year shown)
        Param("region", params.read_choice, default=ALL_REGIONS, domain=FROM_PAGE, key="changes_region"),
        Param("view", params.read_choice, default="dprk", domain=FROM_PAGE, key="map_view"),
        # The leaders' visits view's period, relative to ``year`` (atlas.queries.visit_map).
        Param("period", params.read_choice, default="era", domain=FROM_PAGE, key="visits_period"),
    ),
    "timeline": (
        Param("view", params.read_choice, default="all", domain=FROM_PAGE),
        Param("category", params.read_choices, default=(), domain=FROM_PAGE),
        Param("country", params.read_code, domain=FROM_PAGE),
        Param("region", params.read_choice, domain=FROM_PAGE),
        Param("q", params.read_search, default=""),
        # The lane filter: groups of lanes shown (events, changes, treaties, organisations,
        # security-council, visits); ids of records in the new lanes are prefixed (treaty:…).
        Param("lanes", params.read_choices, default=("events", "changes"), domain=FROM_PAGE),
        Param("event", params.read_choice, domain=FROM_PAGE),
    ),
    "gifts": (
        Param("period", params.read_choice, default="all", domain=FROM_PAGE),
        Param("direction", params.read_choice, domain=FROM_PAGE),
        Param("country", params.read_code, domain=FROM_PAGE),
        Param("leader", params.read_choice, domain=FROM_PAGE),
        Param("category", params.read_choices, default=(), domain=FROM_PAGE),
        Param("source_kind", params.read_choices, default=(), domain=FROM_PAGE),
        Param("q", params.read_search, default=""),
        Param("gift", params.read_choice, domain=FROM_PAGE),
    ),
    "country": (Param("country", params.read_partner, domain=FROM_PAGE, key="country_pick"),),
    "story": (
        Param("chapter", params.read_range, default=1, domain=FROM_PAGE, key="story_chapter", always=True),
        Param("print", params.read_flag, default=False, domain=("1",), key="story_print"),
    ),
    "data": (
        Param("dataset", params.read_choice, default="relations", domain=FROM_PAGE),
        Param("q", params.read_search, default=""),
    ),
}
if set(PARAMS) != set(PAGE):  # pragma: no cover - a page added to pages.py must declare its parameters here
    raise RuntimeError(f"pages without parameter declarations: {set(PAGE) ^ set(PARAMS)}")


# Every page's address may also hold ``lang`` (``en`` or ``ko``): read before any page runs, by
# ``atlas.web.language``, because the menu and every label depend on it.
LANGUAGE = "lang"


def param(page: str, name: str) -> Param:
    """The declaration of ``name`` on ``page`` (KeyError for a parameter the page does not read)."""
    for declared in PARAMS[page]:
        if declared.name == name:
            return declared
    raise KeyError(f"the {page} page has no URL parameter {name!r}")


def encode(value: Any) -> str:
    """A value as the address holds it: lists comma-joined, switches as ``1``, nothing as ``''``."""
    if value is None or value is False:
        return ""
    if value is True:
        return "1"
    if isinstance(value, list | tuple):
        return ",".join(str(item) for item in value)
    return str(value)


def query(page: str, values: Mapping[str, Any] | None = None, **more: Any) -> dict[str, str]:
    """The query parameters of ``page`` for ``values`` by name: in declaration order, non-default only.

    A name the page does not declare is a programming error (KeyError), so no link can carry a
    parameter its page would ignore.
    """
    given = {**(values or {}), **more}
    for name in given:
        param(page, name)
    found = {}
    for declared in PARAMS[page]:
        if declared.name in given:
            text = encode(given[declared.name])
            if not declared.omitted(text):
                found[declared.name] = text
    if i18n.address_language():  # every page reads the language: it travels with every link
        found[LANGUAGE] = i18n.address_language()
    return found


def url(page: str, values: Mapping[str, Any] | None = None, **more: Any) -> str:
    """A relative link to ``page`` (``map?year=1975&country=FRA``): it resolves against the app's own
    address, so it works under a base URL path too. Home is ``./``."""
    path = PAGE[page].url_path or "./"
    found = query(page, values, **more)
    return f"{path}?{urlencode(found, quote_via=quote, safe=',')}" if found else path


# The links the pages make, by what they open.


def map_at(year: int | None = None, country: str | None = None, **more: Any) -> str:
    """The map at ``year`` (today's when None), with ``country``'s record open."""
    return url("map", year=year, country=country, **more)


def country_page(code: str) -> str:
    return url("country", country=code)


def timeline_record(event_id: str) -> str:
    return url("timeline", event=event_id)


def gift_card(gift_id: str) -> str:
    return url("gifts", gift=gift_id)


def story_chapter(number: int, handout: bool = False) -> str:
    return url("story", chapter=number, print=handout)
