"""Leaders' visits on the map (``/map?view=visits``), pure: which states a period's visits touch.

A period is chosen with ``?period=`` relative to the map's year (``?year=``), so the year slider
and Play move it like every other view:

- ``era`` (the default): the years of the DPRK leader in office at the end of the year shown
  (Kim Il Sung to July 1994, Kim Jong Il to December 2011, Kim Jong Un since);
- ``decade``: the ten years ending with the year shown;
- ``year``: the year shown only;
- ``all``: every visit on record.

A visit belongs to a period when its first day (at its source's precision) falls inside it. Each
visit has a direction: a DPRK leader abroad (``abroad``), another state's leader in the DPRK
(``to_dprk``), or another state's leader meeting a DPRK leader on a third state's ground
(``elsewhere``: Trump at Panmunjom, on the southern side). A visit to or from a dissolved state
is drawn on the territory that continued it (the Soviet Union's on Russia, Yugoslavia's on
Serbia, North Vietnam's on Vietnam), or on all its successors when none did (Czechoslovakia's).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping

import pandas as pd

from atlas.core import links
from atlas.core.countries import country_name
from atlas.core.dates import date_start, format_partial, year_end
from atlas.core.i18n import N_, _
from atlas.core.source_kinds import escape_markdown, markdown_link

DPRK = "PRK"
FOUNDED = dt.date(1948, 9, 9)

PERIOD_LABELS = {
    "era": N_("The leader's years"),
    "decade": N_("Ten years"),
    "year": N_("One year"),
    "all": N_("All years"),
}
DEFAULT_PERIOD = "era"

# The DPRK's leaders and the days their years began and ended (the death of the one before).
ERAS = (
    (N_("Kim Il Sung"), FOUNDED, dt.date(1994, 7, 8)),
    (N_("Kim Jong Il"), dt.date(1994, 7, 8), dt.date(2011, 12, 17)),
    (N_("Kim Jong Un"), dt.date(2011, 12, 17), None),
)

VISIT_LABELS = {
    "both": N_("Both: visited by a DPRK leader, and its leader came to the DPRK"),
    "abroad": N_("Visited by a DPRK leader"),
    "to_dprk": N_("Its leader came to the DPRK"),
    "elsewhere": N_("Its leader met a DPRK leader in a third state"),
    "none": N_("No leaders' visit in the period"),
    "dprk": N_("North Korea (DPRK)"),
}
KIND_LABELS = {
    "state_visit": N_("state visit"),
    "official_visit": N_("official visit"),
    "summit": N_("summit"),
    "unofficial_visit": N_("unofficial visit"),
    "other": "",
}
HOVER_VISITS = 6  # a hover lists this many visits, then says how many more
STATUS_COLUMNS = ["iso3", "name", "category", "detail", "count", "visits"]


def era_at(when: dt.date) -> tuple[str, dt.date, dt.date | None]:
    """The leader in office on ``when`` (English name, marked for translation), start and end (None: today)."""
    for leader, start, end in reversed(ERAS):
        if when >= start:
            return leader, start, end
    return ERAS[0]


def period_span(period: str, year: int, today: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of ``period`` relative to ``year`` (an unknown period is the default's)."""
    last = year_end(year, today)
    if period == "year":
        return dt.date(year, 1, 1), last
    if period == "decade":
        return max(dt.date(year - 9, 1, 1), FOUNDED), last
    if period == "all":
        return FOUNDED, today
    __, start, end = era_at(last)
    return start, min(end, today) if end else today


def period_title(period: str, year: int, today: dt.date) -> str:
    """The map's title for the period: 'Leaders' visits under Kim Jong Un, 2011–2025'."""
    start, end = period_span(period, year, today)
    if period == "year":
        return _("Leaders' visits to and from the DPRK in {year}").format(year=year)
    if period in ("decade", "all"):
        return _("Leaders' visits to and from the DPRK, {first}–{last}").format(first=start.year, last=end.year)
    leader = era_at(year_end(year, today))[0]
    return _("Leaders' visits to and from the DPRK under {leader}, {first}–{last}").format(
        leader=_(leader), first=start.year, last=end.year
    )


def direction(row: Mapping) -> str:
    """``abroad``, ``to_dprk`` or ``elsewhere`` for one visit row."""
    if row["leader_iso3"] == DPRK:
        return "abroad"
    if row["host_iso3"] == DPRK:
        return "to_dprk"
    return "elsewhere"


def partner(row: Mapping) -> str:
    """The other state of a visit: where a DPRK leader went, or whose leader came or met one."""
    return row["host_iso3"] if direction(row) == "abroad" else row["leader_iso3"]


def visits_in(visits: pd.DataFrame, start: dt.date, end: dt.date) -> pd.DataFrame:
    """The visits whose first day falls in ``start``..``end``, earliest first, with ``direction`` and ``partner``."""
    if visits.empty:
        return visits.assign(direction=pd.Series(dtype=str), partner=pd.Series(dtype=str), first_day=pd.Series(dtype=object))
    first = visits["start_date"].map(date_start)
    shown = visits[(first >= start) & (first <= end)].copy()
    shown["first_day"] = first[shown.index]
    shown["direction"] = [direction(row) for row in shown.to_dict("records")]
    shown["partner"] = [partner(row) for row in shown.to_dict("records")]
    return shown.sort_values(["first_day", "visit_id"], ignore_index=True)


def today_codes(code: str, mapped: set[str], predecessors: Mapping[str, Iterable[tuple]]) -> list[str]:
    """Where ``code`` is drawn on today's map: itself, else the successor that continued it (as the
    successions file says), else all its successors; [] when none is on the map."""
    if code in mapped:
        return [code]
    successors = [(successor, entry) for successor, entries in predecessors.items() for entry in entries if entry[0] == code]
    continuing = [s for s, entry in successors if len(entry) > 3 and entry[3]]
    chosen = continuing or [s for s, __ in successors]
    found: list[str] = []
    for successor in sorted(chosen):
        if successor != code:
            found += [c for c in today_codes(successor, mapped, predecessors) if c not in found]
    return found


def _places(row: Mapping) -> str:
    """'Hanoi;Dong Dang' -> 'Hanoi, Dong Dang'."""
    return ", ".join(part.strip() for part in str(row.get("places") or "").split(";") if part.strip())


def hover_line(row: Mapping) -> str:
    """One visit in a map's hover: 'June 2000: Kim Dae-jung in Pyongyang' (data text HTML-escaped)."""
    leader = html.escape(str(row["leader"]))
    places = html.escape(_places(row))
    when = format_partial(row["start_date"])
    if places:
        return _("{date}: {leader} in {places}").format(date=when, leader=leader, places=places)
    return f"{when}: {leader}"  # no words to translate


def visit_status(
    shown: pd.DataFrame, codes: Iterable[str], predecessors: Mapping[str, Iterable[tuple]] | None = None
) -> pd.DataFrame:
    """One row per map code for the visits ``shown`` (``visits_in``): the visits map's table.

    ``category`` is a key of ``VISIT_LABELS``; ``count`` the visits as text; ``visits`` the hover
    list (``<br>``-separated, at most ``HOVER_VISITS`` lines, then how many more).
    """
    codes = list(codes)
    mapped = set(codes)
    predecessors = predecessors or {}
    touched: dict[str, list[dict]] = {}
    for row in shown.to_dict("records"):
        for code in today_codes(row["partner"], mapped, predecessors):
            touched.setdefault(code, []).append(row)
    records = []
    for code in codes:
        mine = touched.get(code, [])
        directions = {row["direction"] for row in mine}
        if code == DPRK:
            category = "dprk"
        elif {"abroad", "to_dprk"} <= directions:
            category = "both"
        elif "abroad" in directions:
            category = "abroad"
        elif "to_dprk" in directions:
            category = "to_dprk"
        elif "elsewhere" in directions:
            category = "elsewhere"
        else:
            category = "none"
        others = sorted({row["partner"] for row in mine} - {code})
        detail = ", ".join(country_name(other) for other in others)
        lines = [hover_line(row) for row in mine[:HOVER_VISITS]]
        if len(mine) > HOVER_VISITS:
            lines.append(_("… and {count} more").format(count=len(mine) - HOVER_VISITS))
        records.append(
            {
                "iso3": code,
                "name": country_name(code),
                "category": category,
                "detail": _("as {name}").format(name=detail) if detail else "",
                "count": str(len(mine)) if code != DPRK else "—",
                "visits": "<br>".join(lines) if lines else "—",
            }
        )
    return pd.DataFrame(records, columns=STATUS_COLUMNS)


def visit_counts(shown: pd.DataFrame) -> dict[str, int]:
    """How many of the visits go each way."""
    counts = shown["direction"].value_counts() if len(shown) else {}
    return {key: int(counts.get(key, 0)) for key in ("abroad", "to_dprk", "elsewhere")}


def _date_range(row: Mapping) -> str:
    start = format_partial(row["start_date"])
    end = row.get("end_date") or ""
    return f"{start} – {format_partial(end)}" if end and end != row["start_date"] else start


def visit_lines(shown: pd.DataFrame, linkable: set[str] = frozenset()) -> list[str]:
    """The period's visits as markdown list items, earliest first.

    Every text from the data is escaped; a line links the partner's country page when it has one
    (``linkable``), and its source.
    """
    lines = []
    for row in shown.to_dict("records"):
        leader = escape_markdown(row["leader"])
        state = escape_markdown(country_name(row["partner"]))
        places = escape_markdown(_places(row))
        way = row["direction"]
        if way == "abroad":
            what = _("{leader} visited {state}").format(leader=leader, state=state)
        elif way == "to_dprk":
            what = _("{leader} of {state} came to the DPRK").format(leader=leader, state=state)
        else:
            what = _("{leader} of {state} met the DPRK's leader in {host}").format(
                leader=leader, state=state, host=escape_markdown(country_name(row["host_iso3"]))
            )
        if places:
            what = f"{what} ({places})"
        kind = KIND_LABELS.get(row["kind"], "")
        parts = [f"**{escape_markdown(_date_range(row))}**", what + (f", {_(kind)}" if kind else "")]
        if row.get("summary"):
            parts.append(escape_markdown(row["summary"]))
        if row["partner"] in linkable:
            label = escape_markdown(_("{name}'s record").format(name=country_name(row["partner"])))
            parts.append(f"[{label}]({links.country_page(row['partner'])})")
        parts.append(_("source: {link}").format(link=markdown_link(row["source_url"])))
        lines.append("- " + " · ".join(parts))
    return lines
