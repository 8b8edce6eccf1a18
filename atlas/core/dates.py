"""Partial ISO dates as the sources give them: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

Rule used everywhere in the atlas: a partial date counts from the *start* of the period it names
(``1972`` -> 1972-01-01, ``1972-11`` -> 1972-11-01). A map "in year Y" shows the situation at the
end of that year (31 December, or today for the current year), so a relation dated only ``1972``
is shown from the 1972 map on, which is what every source listing it under 1972 means.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from babel.dates import format_skeleton

from atlas.core import i18n

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

PRECISION_NAMES = {1: "year", 2: "month", 3: "day"}
# The notes a date may carry in a table cell ('1983-11-04 (date uncertain)'), for the catalog.
DATE_NOTES = (i18n.N_("date uncertain"),)


def parse_partial(text: str) -> tuple[dt.date, str]:
    """Return (start of the period, precision) for an ISO partial date; raise ValueError."""
    match = PARTIAL_DATE.match(str(text).strip())
    if not match:
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
    parts = [int(p) for p in match.groups() if p is not None]
    start = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return start, PRECISION_NAMES[len(parts)]


def date_start(text: str) -> dt.date:
    """First day of the period a partial ISO date names."""
    return parse_partial(text)[0]


def date_end(text: str) -> dt.date:
    """Last day of the period a partial ISO date names ('1948' -> 1948-12-31)."""
    start, precision = parse_partial(text)
    if precision == "day":
        return start
    if precision == "month":
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(start.year, 12, 31)


def is_partial_date(text: object) -> bool:
    """True when ``text`` is a valid partial ISO date (calendar-checked)."""
    try:
        parse_partial(str(text))
    except ValueError:
        return False
    return True


def year_end(year: int, today: dt.date | None = None) -> dt.date:
    """The date a map 'in year' shows: 31 December, or today within the current year."""
    today = today or dt.date.today()
    return min(dt.date(year, 12, 31), today)


# Korean dates by Babel's CLDR patterns, at each precision: 1948년 10월 12일, 1972년 11월, 1975년.
_SKELETONS = {"day": "yMMMMd", "month": "yMMMM", "year": "y"}


def _formatted(when: dt.date, precision: str) -> str:
    return _formatted_in(when, precision, i18n.current())


@lru_cache(maxsize=8192)
def _formatted_in(when: dt.date, precision: str, lang: str) -> str:
    """Cached: Babel resolves the locale's pattern on every call (a tenth of a millisecond each,
    which added up to a fifth of a Korean map run)."""
    if lang == i18n.ENGLISH:
        if precision == "day":
            return f"{when.day} {when:%B %Y}"
        return f"{when:%B %Y}" if precision == "month" else str(when.year)
    return format_skeleton(_SKELETONS[precision], when, locale=lang)


def format_date(when: dt.date) -> str:
    """The atlas's one style for a full date: '7 July 1988' (no leading zero), as in running
    text; '1988년 7월 7일' in Korean."""
    return _formatted(when, "day")


def format_month(when: dt.date) -> str:
    """A month: 'July 1988', '1988년 7월'."""
    return _formatted(when, "month")


def format_partial(text: str) -> str:
    """Human form of a partial date at its precision: '24 June 1974', 'June 1974' or '1974'
    ('1974년 6월 24일', '1974년 6월', '1974년' in Korean)."""
    start, precision = parse_partial(text)
    return _formatted(start, precision)


def format_noted(date: str) -> str:
    """A partial date followed by a note, made readable: '1983-11-04 (date uncertain)' -> '4 November 1983 (date uncertain)'."""
    plain, _, note = date.partition(" ")
    return format_partial(plain) + (f" ({i18n._(note.strip('()'))})" if note else "")


def localize_note(text: object) -> object:
    """A date cell with its note in the run's language, the date kept as ISO for sorting:
    '1990-11-27 (date uncertain)' -> '1990-11-27 (날짜 불확실)' in Korean; other values unchanged."""
    if not isinstance(text, str) or " (" not in text:
        return text
    plain, note = split_noted(text)
    return f"{plain} ({i18n._(note)})"


def split_noted(text: object) -> tuple[str, str]:
    """A date cell and its note apart: '1990-11-27 (date uncertain)' -> ('1990-11-27', 'date uncertain').

    For spreadsheets, which need one date per cell; a cell without a note gives an empty note.
    """
    value = "" if text is None or (isinstance(text, float) and text != text) else str(text).strip()
    plain, _, note = value.partition(" ")
    return plain, note.strip().strip("()")
