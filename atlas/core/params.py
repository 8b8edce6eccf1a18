"""Reading page state from URL query parameters (pure).

Every reader returns ``(value, notice)``: the value to use (``None`` means "use the default")
and, when the URL held something unusable, a short notice for the visitor. Nothing here raises
on bad input: a shared URL must never become a traceback.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from atlas.core.countries import DPRK
from atlas.core.i18n import _

MAX_PARAM_LENGTH = 200


def _clean(raw: object) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, list | tuple):  # a repeated key: Streamlit hands over the last value
        raw = raw[-1] if raw else None
        if raw is None:
            return None
    text = str(raw).strip()
    return text[:MAX_PARAM_LENGTH]


def _shown(text: str) -> str:
    """A URL value quoted in a notice, shortened so a hostile URL cannot flood the page."""
    return repr(text if len(text) <= 40 else text[:40] + "…")


def read_int(raw: object, name: str, low: int, high: int) -> tuple[int | None, str | None]:
    """An integer between ``low`` and ``high``."""
    text = _clean(raw)
    if text is None or text == "":
        return None, None
    # isdecimal, not isdigit: "²" is a digit that int() rejects; "１９７５" is decimal and int() reads it.
    if not text.removeprefix("-").isdecimal() or len(text) > 6:
        return None, _("Ignored {name}={value}: not a whole number.").format(name=name, value=_shown(text))
    value = int(text)
    if not low <= value <= high:
        return None, _("Ignored {name}={value}: outside {low}–{high}.").format(name=name, value=value, low=low, high=high)
    return value, None


def read_code(raw: object, name: str, valid: Collection[str]) -> tuple[str | None, str | None]:
    """An ISO alpha-3 code from ``valid`` (case-insensitive). When ``valid`` is a mapping, the code
    read is replaced by the one it maps to (the map opens a dependent territory's state)."""
    text = _clean(raw)
    if text is None or text == "":
        return None, None
    code = text.upper()
    if code not in valid:
        return None, _("Ignored {name}={value}: not a country code the atlas knows.").format(name=name, value=_shown(text))
    return (valid[code] if isinstance(valid, Mapping) else code), None


def read_partner(raw: object, name: str, valid: Collection[str]) -> tuple[str | None, str | None]:
    """A code from ``valid`` for a page about the DPRK's partners: the DPRK itself gets its own notice."""
    code, notice = read_code(raw, name, valid)
    if code is None and (_clean(raw) or "").upper() == DPRK:
        notice = _("This page shows other states' relations with North Korea; pick a state.")
    return code, notice


def read_range(raw: object, name: str, bounds: tuple[int, int]) -> tuple[int | None, str | None]:
    """``read_int`` with its bounds as one argument, the shape every page parameter's reader has."""
    return read_int(raw, name, *bounds)


def read_other_year(raw: object, name: str, bounds: tuple[int, int, int]) -> tuple[int | None, str | None]:
    """A year in ``(low, high)`` other than ``shown`` (``bounds`` is ``(low, high, shown)``): the map's compare."""
    low, high, shown = bounds
    value, notice = read_int(raw, name, low, high)
    if value is not None and value == shown:
        return None, _("Ignored {name}={value}: it is the year shown; pick another year to compare with.").format(
            name=name, value=value
        )
    return value, notice


def read_flag(raw: object, name: str, choices: Collection[str]) -> tuple[bool | None, str | None]:
    """A switch: ``1`` is on, any other value of ``choices`` off (``?present=1``, ``?print=1``)."""
    value, notice = read_choice(raw, name, choices)
    return (None if value is None else value == "1"), notice


def read_choice(raw: object, name: str, choices: Collection[str]) -> tuple[str | None, str | None]:
    """One value from ``choices`` (exact match)."""
    text = _clean(raw)
    if text is None or text == "":
        return None, None
    if text not in choices:
        if len(choices) <= 8:
            notice = _("Ignored {name}={value}: expected one of {choices}.")
        else:
            notice = _("Ignored {name}={value}: not a known value.")
        return None, notice.format(name=name, value=_shown(text), choices=", ".join(sorted(choices)))
    return text, None


def read_choices(raw: object, name: str, choices: Collection[str]) -> tuple[list[str] | None, str | None]:
    """A comma-separated subset of ``choices``; unknown items are dropped with a notice."""
    text = _clean(raw)
    if text is None or text == "":
        return None, None
    items = [item.strip() for item in text.split(",") if item.strip()]
    good = [item for item in items if item in choices]
    bad = [item for item in items if item not in choices]
    notice = _("Ignored {name} value(s) {values}.").format(name=name, values=_shown(",".join(bad))) if bad else None
    return (good or None), notice


def read_text(raw: object, max_length: int = 100) -> str | None:
    """Free text (search boxes), trimmed to ``max_length`` characters."""
    text = _clean(raw)
    return text[:max_length] if text else None


def read_search(raw: object, name: str, _domain: object = None) -> tuple[str | None, None]:
    """``read_text`` in the shape of the other readers: a search box takes any text, so no notice."""
    return read_text(raw), None


def join_notices(notices: Iterable[str | None]) -> str | None:
    """One line out of several notices, or None."""
    present = [n for n in notices if n]
    return " ".join(present) if present else None
