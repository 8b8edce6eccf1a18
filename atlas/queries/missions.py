"""The diplomatic network at a date (pure): which missions were open, both ways, and how it grew.

One rule decides whether a row of ``missions.csv`` was open on a day, for the embassy map, the
network chart, the year's openings and closings and the published-count checkpoints alike:

- **Opened**: on or after its ``opened`` date (a partial date counts from the start of its period).
  A mission whose opening no source dates is placed from the start of relations with that state
  (for a successor, from its succession; a derived date, always shown as such); with no dated
  relations, from today only. Its ``attested`` date (the earliest record of it at work) is an
  upper bound: when that is earlier than the start so derived, the mission counts from it. A
  **return** (a later row of the same mission, after an earlier row's ``closed``: staff back after
  the 2020-2024 border closure) with no dated opening counts from its earliest record, never from
  the start of relations, which would overlap the period before it.
- **Still open**: until its ``closed`` date (a ``suspended`` row's ``closed`` is the withdrawal).
  Without a closing date, a row counts while its status is ``open`` or ``suspended``. A row
  ``closed`` or ``unknown`` at an unknown date counts until its ``last_attested`` date (the latest
  record of it at work, a lower bound of its closing) if it has one; otherwise it cannot be
  placed, so it is not counted at all.
- **Resident** missions are embassies, consulates, representative and trade offices;
  ``non_resident`` accreditations are shown, never counted as missions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from atlas.core.countries import country_name
from atlas.core.dates import date_end, date_start, format_partial
from atlas.core.i18n import N_, _
from atlas.core.source_kinds import escape_markdown, markdown_link
from atlas.queries.relations import RelationsIndex, map_codes

RESIDENT = ("embassy", "consulate_general", "consulate", "representative_office", "trade_mission")
SIDES = ("dprk_abroad", "in_pyongyang")
TYPE_LABELS = {
    "embassy": N_("Embassy"),
    "consulate_general": N_("Consulate general"),
    "consulate": N_("Consulate"),
    "representative_office": N_("Representative office"),
    "trade_mission": N_("Trade mission"),
    "non_resident": N_("Ambassador accredited from elsewhere"),
}
NETWORK_LABELS = {
    "both": N_("Missions both ways"),
    "dprk_abroad": N_("DPRK mission there only"),
    "in_pyongyang": N_("Its mission in Pyongyang only"),
    "non_resident": N_("DPRK ambassador accredited from elsewhere"),
    "none": N_("No mission on record"),
    "dprk": N_("North Korea (DPRK)"),
}
NETWORK_ORDER = tuple(NETWORK_LABELS)
NETWORK_HOVER = ((N_("DPRK mission there"), "abroad"), (N_("Its mission in Pyongyang"), "in_pyongyang"))
UNDATED_NOTE = N_("opening not dated: shown from the start of relations")
ATTESTED_NOTE = N_("opening not dated; at work by {date}, the earliest record")
# A mission of a type the labels do not know is shown by its code.
_NONE = N_("none")


def type_label(kind: str) -> str:
    """A mission type's label in the run's language ('Embassy', '대사관')."""
    return _(TYPE_LABELS[kind]) if kind in TYPE_LABELS else kind


@dataclass(frozen=True)
class Placed:
    """A mission row with the days it opened and closed on the atlas's rule (``None``: not placed)."""

    start: dt.date | None
    end: dt.date | None  # first day it no longer counts; None: open to this day
    derived_start: bool


def place(row: dict, index: RelationsIndex, returning: bool = False) -> Placed:
    """When one ``missions.csv`` row counts as open (see the module docstring); ``returning``: the
    row follows a closed period of the same mission."""
    if row["opened"]:
        start, derived = date_start(row["opened"]), False
    elif returning and row.get("attested"):
        start, derived = date_start(row["attested"]), True
    else:
        established = index.relations_by_state.get(row["iso3"], {}).get("established", "")
        start, derived = (date_start(established) if established else index.today), True
        # A continuing or whole successor's own record starts at its succession (Russia's embassy
        # is not counted beside the USSR's before 1992).
        took_over = [
            when
            for __, when, territory, continuity in index.predecessors.get(row["iso3"], ())
            if continuity or territory == "whole"
        ]
        start = max([start, *took_over])
        if row.get("attested"):
            # A source shows it at work then: it had opened by that day, whatever relations say.
            start = min(start, date_start(row["attested"]))
    if row["closed"]:
        end = date_start(row["closed"])
    elif row["status"] in ("open", "suspended"):
        end = None
    elif row.get("last_attested"):
        # Still at work on its latest record: it closed after, on a day no source gives.
        end = date_end(row["last_attested"]) + dt.timedelta(days=1)
    else:
        return Placed(None, None, derived)
    return Placed(start, end, derived)


@dataclass(frozen=True)
class _Row:
    iso3: str
    side: str
    type: str
    city: str
    opened: str
    closed: str
    status: str
    source_url: str
    opened_source_url: str
    closed_source_url: str
    closed_uncertain: str
    attested: str
    placed: Placed


def _returns(records: list[dict]) -> list[bool]:
    """For each row: whether it is a return, i.e. another row of the same mission (state, side,
    type, city) closed on or before this row's earliest record."""
    ends: dict[tuple, list[dt.date]] = {}
    for record in records:
        if record["closed"]:
            ends.setdefault(_mission_key(record), []).append(date_start(record["closed"]))
    out = []
    for record in records:
        attested = record.get("attested")
        key_ends = ends.get(_mission_key(record), [])
        own = date_start(record["closed"]) if record["closed"] else None
        out.append(bool(attested) and any(end <= date_start(attested) and end != own for end in key_ends))
    return out


def _mission_key(record: dict) -> tuple:
    return record["iso3"], record["side"], record["type"], record["city"]


def _rows(index: RelationsIndex) -> list[_Row]:
    rows = []
    records = index.data.missions.to_dict("records")
    for record, returning in zip(records, _returns(records), strict=True):
        rows.append(
            _Row(
                record["iso3"],
                record["side"],
                record["type"],
                record["city"],
                record["opened"],
                record["closed"],
                record["status"],
                record["source_url"],
                record.get("opened_source_url", ""),
                record.get("closed_source_url", ""),
                record.get("closed_uncertain", ""),
                record.get("attested", ""),
                place(record, index, returning),
            )
        )
    return rows


def is_open(row: _Row, when: dt.date) -> bool:
    placed = row.placed
    return placed.start is not None and placed.start <= when and (placed.end is None or placed.end > when)


def open_missions(index: RelationsIndex, when: dt.date) -> pd.DataFrame:
    """Every mission row open on ``when`` (non-resident accreditations included, marked by type)."""
    rows = [row for row in _rows(index) if is_open(row, when)]
    return pd.DataFrame(
        [
            {
                "iso3": r.iso3,
                "name": country_name(r.iso3),
                "side": r.side,
                "type": r.type,
                "city": r.city,
                "opened": r.opened,
                "opened_derived": r.placed.derived_start,
                "closed": r.closed,
                "status": r.status,
                "source_url": r.source_url,
            }
            for r in rows
        ],
        columns=["iso3", "name", "side", "type", "city", "opened", "opened_derived", "closed", "status", "source_url"],
    )


def count_open(index: RelationsIndex, side: str, when: dt.date, types: tuple[str, ...] = RESIDENT) -> int:
    """How many missions of ``side`` and ``types`` were open on ``when``."""
    return sum(1 for row in _rows(index) if row.side == side and row.type in types and is_open(row, when))


def network_per_year(index: RelationsIndex, first: int, last: int, today: dt.date) -> pd.DataFrame:
    """Resident missions open at each year's end (today for the current year), both ways."""
    rows = _rows(index)
    out = []
    for year in range(first, last + 1):
        when = min(dt.date(year, 12, 31), today)
        counts = {side: 0 for side in SIDES}
        derived = {side: 0 for side in SIDES}
        for row in rows:
            if row.type in RESIDENT and is_open(row, when):
                counts[row.side] += 1
                derived[row.side] += row.placed.derived_start
        out.append(
            {
                "year": year,
                "date": when,
                "dprk_abroad": counts["dprk_abroad"],
                "in_pyongyang": counts["in_pyongyang"],
                "dprk_abroad_undated": derived["dprk_abroad"],
                "in_pyongyang_undated": derived["in_pyongyang"],
            }
        )
    return pd.DataFrame(out)


def _describe(rows: list[_Row]) -> str:
    if not rows:
        return _(_NONE)
    parts = []
    for row in rows:
        if row.opened:
            since = _("since {date}").format(date=format_partial(row.opened))
        elif row.attested:
            since = _(ATTESTED_NOTE).format(date=format_partial(row.attested))
        else:
            since = _(UNDATED_NOTE)
        mission = (
            _("{mission} in {city}").format(mission=type_label(row.type), city=row.city) if row.city else type_label(row.type)
        )
        parts.append(f"{mission} ({since})")
    return "; ".join(parts)


def network_status_at(index: RelationsIndex, when: dt.date) -> pd.DataFrame:
    """Every state on today's map in one network category at ``when`` (the embassy map's table).

    A dissolved state's missions are drawn on the territory it held (the USSR's on Russia,
    Ukraine…; East Germany's on Germany) until its successors take over.
    """
    by_code: dict[str, list[_Row]] = {}
    for row in _rows(index):
        if is_open(row, when):
            by_code.setdefault(row.iso3, []).append(row)
    records = []
    for code in map_codes():
        if code == "PRK":
            records.append({"iso3": code, "name": country_name(code), "category": "dprk", "abroad": "", "in_pyongyang": ""})
            continue
        # Before a succession the predecessor's record stands for the territory (the USSR's for Russia).
        owners = [p for p, start, __, __ in index.predecessors.get(code, ()) if start > when] + [code]
        mine: list[_Row] = []
        owner = code
        for owner in owners:
            mine = by_code.get(owner, [])
            if mine:
                break
        held = f"{country_name(owner)}: " if mine and owner != code else ""
        none = _(_NONE)
        abroad = [r for r in mine if r.side == "dprk_abroad" and r.type in RESIDENT]
        accredited = [r for r in mine if r.side == "dprk_abroad" and r.type == "non_resident"]
        home = [r for r in mine if r.side == "in_pyongyang" and r.type in RESIDENT]
        if abroad and home:
            category = "both"
        elif abroad:
            category = "dprk_abroad"
        elif home:
            category = "in_pyongyang"
        elif accredited:
            category = "non_resident"
        else:
            category = "none"
        records.append(
            {
                "iso3": code,
                "name": country_name(code),
                "category": category,
                "abroad": held + _describe(abroad or accredited) if (abroad or accredited) else none,
                "in_pyongyang": held + _describe(home) if home else none,
            }
        )
    return pd.DataFrame(records, columns=["iso3", "name", "category", "abroad", "in_pyongyang"])


def year_openings_closings(index: RelationsIndex, year: int) -> pd.DataFrame:
    """Missions opened or closed in ``year`` (dated rows only), both ways, earliest first."""
    events = []
    for row in _rows(index):
        for kind, date in (("opened", row.opened), ("closed", row.closed)):
            if date and date_start(date).year == year:
                events.append(
                    {
                        "date": date,
                        "iso3": row.iso3,
                        "name": country_name(row.iso3),
                        "side": row.side,
                        "type": row.type,
                        "city": row.city,
                        "change": kind if not (kind == "closed" and row.status == "suspended") else "suspended",
                        "uncertain": row.closed_uncertain if kind == "closed" else "",
                        "source_url": (row.opened_source_url if kind == "opened" else row.closed_source_url) or row.source_url,
                    }
                )
    columns = ["date", "iso3", "name", "side", "type", "city", "change", "uncertain", "source_url"]
    frame = pd.DataFrame(events, columns=columns)
    return frame.assign(_start=frame["date"].map(date_start)).sort_values("_start", kind="stable").drop(columns="_start")


def mission_history(index: RelationsIndex, codes: list[str]) -> pd.DataFrame:
    """Every mission of some states (a state and its predecessors) as a dated sequence."""
    missions = index.data.missions[index.data.missions["iso3"].isin(codes)]
    rows = []
    for record in missions.to_dict("records"):
        rows.append(
            {
                "when": record["opened"] or "",
                "attested": record.get("attested", "") if not record["opened"] else "",
                "until": record["closed"] or ("" if record["status"] in ("open", "suspended") else _NOT_DOCUMENTED),
                "state": country_name(record["iso3"]),
                "mission": _("{mission} in {city}").format(mission=type_label(record["type"]), city=record["city"])
                if record["city"]
                else type_label(record["type"]),
                "side": _("DPRK mission there") if record["side"] == "dprk_abroad" else _("Its mission in Pyongyang"),
                "status": record["status"],
                "notes": record["notes"],
                "source_url": record["source_url"],
                "opened_source_url": record.get("opened_source_url", ""),
                "closed_source_url": record.get("closed_source_url", ""),
                "closed_uncertain": record.get("closed_uncertain", ""),
                "attested_source_url": record.get("attested_source_url", ""),
                "last_attested": record.get("last_attested", ""),
                "last_attested_source_url": record.get("last_attested_source_url", ""),
            }
        )
    columns = ["when", "attested", "until", "state", "mission", "side", "status", "notes", "source_url"]
    # What the record lines read beside the columns shown: per-date sources and marks.
    details = ["opened_source_url", "closed_source_url", "closed_uncertain", "attested_source_url"]
    frame = pd.DataFrame(rows, columns=[*columns, *details, "last_attested", "last_attested_source_url"])
    # Earliest first; a row with no opening or earliest record goes by its closing (a period before
    # a return), else last.
    order = [
        date_start(w or a) if (w or a) else date_start(u) if u and u != _NOT_DOCUMENTED else dt.date.max
        for w, a, u in zip(frame["when"], frame["attested"], frame["until"], strict=True)
    ]
    return frame.assign(_o=order).sort_values("_o", kind="stable").drop(columns="_o").reset_index(drop=True)


# The ``until`` of a mission closed on a date no source gives (a code, not shown as is).
_NOT_DOCUMENTED = "date not documented"
# A year's openings and closings, one sentence per side: the DPRK's mission abroad, or another
# state's mission (in Pyongyang, or elsewhere in the DPRK).
CHANGE_SENTENCES = {
    ("dprk_abroad", "opened"): N_("DPRK {mission} ({name}) opened"),
    ("dprk_abroad", "closed"): N_("DPRK {mission} ({name}) closed"),
    ("dprk_abroad", "suspended"): N_("DPRK {mission} ({name}) staff withdrawn"),
    ("in_pyongyang", "opened"): N_("{name}'s {mission} opened"),
    ("in_pyongyang", "closed"): N_("{name}'s {mission} closed"),
    ("in_pyongyang", "suspended"): N_("{name}'s {mission} staff withdrawn"),
}


def mission_change_lines(frame: pd.DataFrame) -> list[str]:
    """A year's openings and closings (``year_openings_closings`` rows) as markdown list items.

    Names and cities come from the data, so they are escaped; each line links its source.
    """
    lines = []
    for row in frame.to_dict("records"):
        name = escape_markdown(row["name"])
        mission = type_label(row["type"]).lower()
        if row["city"]:
            mission = _("{mission} in {city}").format(mission=mission, city=escape_markdown(row["city"]))
        side = "dprk_abroad" if row["side"] == "dprk_abroad" else "in_pyongyang"
        change = row["change"]
        what = _(CHANGE_SENTENCES[side, change]).format(mission=mission, name=name)
        source = _("source: {link}").format(link=markdown_link(row["source_url"]))
        date = format_partial(row["date"])
        if row.get("uncertain") == "yes":
            date = _("{text} (date uncertain)").format(text=date)
        lines.append(f"- **{escape_markdown(date)}** · {what} · {source}")
    return lines


def mission_history_lines(history: pd.DataFrame) -> list[str]:
    """A state's missions (``mission_history`` rows) as a dated markdown list, notes written out.

    Every text from the data is escaped; each line links its source.
    """
    lines = []
    for row in history.to_dict("records"):
        if row["when"]:
            since = format_partial(row["when"])
        elif row["attested"]:
            since = _("at work by {date} (opening not dated)").format(date=format_partial(row["attested"]))
        else:
            since = _("opening not dated")
        if not row["until"]:
            until = ""
        elif row.get("last_attested"):
            until = " – " + _("at work until at least {date}").format(date=format_partial(row["last_attested"]))
        elif row["until"] == _NOT_DOCUMENTED:
            until = " – " + _("closed, date not documented")
        else:
            until = f" – {format_partial(row['until'])}"
            if row.get("closed_uncertain") == "yes":
                until = " – " + _("{text} (date uncertain)").format(text=format_partial(row["until"]))
        status = {"suspended": _("staff withdrawn"), "unknown": _("fate unknown")}.get(row["status"])
        status = f" ({status})" if status else ""
        source = _("source: {link}").format(link=markdown_link(row["source_url"]))
        if row.get("opened_source_url"):
            source += " · " + _("opening: {link}").format(link=markdown_link(row["opened_source_url"]))
        if row.get("closed_source_url"):
            source += " · " + _("closing: {link}").format(link=markdown_link(row["closed_source_url"]))
        if row.get("attested_source_url"):
            source += " · " + _("earliest record: {link}").format(link=markdown_link(row["attested_source_url"]))
        if row.get("last_attested_source_url"):
            source += " · " + _("latest record: {link}").format(link=markdown_link(row["last_attested_source_url"]))
        line = (
            f"- **{escape_markdown(since)}{escape_markdown(until)}** · {escape_markdown(row['side'])}: "
            f"{escape_markdown(row['mission'])}{status} · {source}"
        )
        if row["notes"]:
            line += f"  \n  {escape_markdown(row['notes'])}"
        lines.append(line)
    return lines
