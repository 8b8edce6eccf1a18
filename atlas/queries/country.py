"""One state's whole relationship with the DPRK, as tables (pure: no streamlit).

``country_record`` gathers, for one ISO-3 code (current or dissolved), everything the country
page shows: status today, the dated history including the predecessor states whose record
applies to its territory (Germany: East Germany; Serbia: Serbia and Montenegro, then
Yugoslavia), conflicting dates with both sources, missions both ways, and the timeline events
and gifts it took part in with links to their records. A dissolved state lists the states that
took over its territory. ``record_csv`` flattens it all into one table for download.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from atlas.core import links
from atlas.core.countries import DPRK, country_name, is_historic
from atlas.core.dates import date_start, format_date, format_partial, is_partial_date
from atlas.core.i18n import N_, _
from atlas.core.regions import continent, un_subregion
from atlas.core.source_kinds import escape_markdown, markdown_link
from atlas.queries.catalog import with_source_kind
from atlas.queries.gifts import value_label
from atlas.queries.missions import type_label
from atlas.queries.relations import (
    CATEGORY_LABELS,
    EVENT_LABELS,
    NO_RELATION_DETAIL,
    SIDE_LABELS,
    TERRITORY_OF,
    RelationsIndex,
    map_codes,
)
from atlas.queries.timeline import lane_label, region_label

HISTORY_COLUMNS = ["date", "state", "event", "notes", "source_url"]
CONFLICT_COLUMNS = ["state", "what", "date_used", "source_url", "other_date", "other_source_url"]
MISSION_COLUMNS = [
    *("state", "side", "type", "city", "opened", "attested", "closed", "closed_uncertain", "last_attested", "status"),
    *("notes", "source_url"),
    *("opened_source_url", "closed_source_url", "attested_source_url", "last_attested_source_url"),
]
EVENT_COLUMNS = ["date", "title", "category", "state", "record", "source_url"]
GIFT_COLUMNS = ["date", "giver", "recipient", "item", "category", "record", "source_url"]
CSV_COLUMNS = ["section", "date", "state", "what", "detail", "source_url", "source_kind"]
# Dissolved states (ISO 3166-3) that the page offers even before the data holds a row for them.
DISSOLVED_STATES = ("SUN", "DDR", "YUG", "CSK", "YMD", "VDR", "SCG")
# A mission's status as a visitor reads it (its type reads as on the map: missions.type_label).
STATUS_LABELS = {
    "open": N_("open"),
    "closed": N_("closed"),
    "suspended": N_("suspended"),
    "unknown": N_("unknown"),
}


def status_label(value: str) -> str:
    return _(STATUS_LABELS.get(value, value))


@dataclass(frozen=True)
class CountryRecord:
    """Everything the country page shows for one code."""

    code: str
    name: str
    region: str
    dissolved: bool
    status: str  # one sentence: the relationship today
    status_source: str  # the URL the status sentence rests on ('' when none)
    established: str  # readable establishment date of the state's own record ('' when none)
    territory_of: str = ""  # owning state of a territory (Greenland: DNK)
    predecessors: tuple[str, ...] = ()  # codes whose record applies, nearest first
    successors: tuple[tuple[str, str, str], ...] = ()  # (code, territory, date) of a dissolved state
    history: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=HISTORY_COLUMNS))
    conflicts: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=CONFLICT_COLUMNS))
    missions: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=MISSION_COLUMNS))
    events: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=EVENT_COLUMNS))
    gifts: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=GIFT_COLUMNS))
    locator: tuple[tuple[str, str], ...] = ()  # (code on today's map, 'whole' or 'part')
    status_note: str = ""  # why: the note of the latest change behind the status ('' when none)


def country_choices(index: RelationsIndex, events: pd.DataFrame, gifts: pd.DataFrame) -> list[str]:
    """Every code the page can show, sorted by name: mapped states, parties, dissolved states, and
    any state named by an event or a gift. The DPRK itself is not a counterpart."""
    codes = set(map_codes()) | set(index.relations_by_state) | set(index.never)
    codes |= {c for cell in events["countries"] for c in cell.split(";") if c}
    codes |= set(gifts["giver_iso3"]) | set(gifts["recipient_iso3"])
    codes |= set(index.data.successions["predecessor_iso3"]) | set(index.data.successions["successor_iso3"])
    codes |= set(DISSOLVED_STATES)
    codes.discard(DPRK)
    return sorted(codes, key=lambda c: (country_name(c).casefold(), c))


def choice_label(code: str) -> str:
    """'East Germany (dissolved) · DDR' — the name a visitor types, and the code."""
    name = _("{name} (dissolved)").format(name=country_name(code)) if is_historic(code) else country_name(code)
    return f"{name} · {code}"


def predecessor_chain(index: RelationsIndex, code: str) -> list[str]:
    """Predecessor states whose territory the state took over, nearest first (Serbia: SCG, YUG)."""
    chain: list[str] = []
    todo = [p for p, *_ in index.predecessors.get(code, ())]
    while todo:
        current = todo.pop(0)
        if current in chain or current == code:
            continue
        chain.append(current)
        todo += [p for p, *_ in index.predecessors.get(current, ())]
    return chain


def successors_of(index: RelationsIndex, code: str) -> list[tuple[str, str, str]]:
    """(successor code, 'whole'/'part', date) for a dissolved state, in the order of the file."""
    succ = index.data.successions
    rows = succ[succ["predecessor_iso3"] == code]
    return [(r.successor_iso3, r.territory, r.date) for r in rows.itertuples()]


def _readable(date: str) -> str:
    return format_partial(date) if date else ""


def status_sentence(index: RelationsIndex, code: str, today: dt.date) -> tuple[str, str]:
    """(what the relationship is today, the source it rests on)."""
    if code in TERRITORY_OF:
        owner = TERRITORY_OF[code]
        return _("A territory of {owner}: its relations are {owner}'s.").format(owner=country_name(owner)), ""
    if code in index.dissolved_on:
        ended = index.dissolved_on[code]
        last = index.last_change(code, ended)
        sentence = _("Dissolved on {date}.").format(date=format_date(ended))
        if last:
            change = _("Its last recorded change: {event} ({date}).").format(
                event=_(EVENT_LABELS[last[0]]).lower(), date=_readable(last[1].split(" ")[0])
            )
            return f"{sentence} {change}", last[2]
        return sentence, ""
    if is_historic(code):
        return _("A dissolved state. The atlas has no dated record of its relations with the DPRK yet."), ""
    status = index.status(code, today)
    sentence = _(CATEGORY_LABELS[status.category])
    if status.via:
        sentence += f" ({country_name(status.via)})"
    never = index.never.get(code)
    if status.category == "none" and never:
        detail = NO_RELATION_DETAIL[never["claim"]]
        return _("No relations: {detail}.").format(detail=_(detail)), never["source_url"]
    change = index.last_change(status.via or code, today)
    if change:
        since = _readable(change[1].split(" ")[0])
        event = _(EVENT_LABELS[change[0]])
        if event.casefold() != _(CATEGORY_LABELS[status.category]).casefold():  # 'Relations severed' once, not twice
            sentence = _("{status}, since {date} ({event}).").format(status=sentence, date=since, event=event.lower())
        else:
            sentence = _("{status}, since {date}.").format(status=sentence, date=since)
        return sentence, change[2]
    return sentence + ".", ""


def status_note(index: RelationsIndex, code: str, today: dt.date) -> str:
    """Why the relationship is what it is today: the note of its latest change ('' when none)."""
    if code in TERRITORY_OF or code in index.dissolved_on:
        return ""
    state = index.status(code, today).via or code
    change = index.last_change(state, today)
    if not change:
        return ""
    events = index.data.events
    rows = events[(events["iso3"] == state) & (events["event"] == change[0]) & (events["date"] == change[1].split(" ")[0])]
    notes = [note for note in rows["notes"] if isinstance(note, str) and note.strip()]
    return notes[0].strip() if notes else ""


def history_lines(history: pd.DataFrame) -> list[str]:
    """The dated history as markdown list items, each note written out under its row (wrapped, never cut)."""
    lines = []
    for row in history.to_dict("records"):
        date = str(row["date"] or "")
        when = escape_markdown(_readable(date) if is_partial_date(date) else date)
        line = f"- **{when}** · {escape_markdown(str(row['state']))}: {escape_markdown(str(row['event']))}"
        if row.get("source_url"):
            line += " · " + _("source: {link}").format(link=markdown_link(row["source_url"]))
        note = row.get("notes")
        if isinstance(note, str) and note.strip():
            line += f"  \n  *{escape_markdown(note.strip())}*"
        lines.append(line)
    return lines


def history_table(index: RelationsIndex, code: str, predecessors: list[str]) -> pd.DataFrame:
    """Dated events of the state and its predecessors, plus successions, oldest first."""
    rows = []
    events = index.data.events
    for state in [code, *predecessors]:
        for row in events[events["iso3"] == state].itertuples():
            what = _(EVENT_LABELS[row.event])
            if row.uncertain == "yes":
                what = _("{text} (date uncertain)").format(text=what)
            if row.mission_side:
                what += f": {_(SIDE_LABELS[row.mission_side]).format(name=country_name(state))}"
            rows.append([row.date, country_name(state), what, row.notes, row.source_url])
    succ = index.data.successions
    involved = succ[succ["successor_iso3"].isin([code, *predecessors]) | (succ["predecessor_iso3"] == code)]
    for row in involved.itertuples():
        took = (
            _("{successor} took over part of the territory of {predecessor}")
            if row.territory == "part"
            else _("{successor} took over the territory of {predecessor}")
        )
        what = took.format(successor=country_name(row.successor_iso3), predecessor=country_name(row.predecessor_iso3))
        rows.append([row.date, country_name(row.successor_iso3), what, row.notes, row.source_url])
    table = pd.DataFrame(rows, columns=HISTORY_COLUMNS)
    if table.empty:
        return table
    order = table["date"].map(date_start)
    return table.assign(_start=order).sort_values("_start", kind="stable").drop(columns="_start").reset_index(drop=True)


def conflicts_table(index: RelationsIndex, codes: list[str]) -> pd.DataFrame:
    """Each alternative establishment date beside the one the atlas uses, both with sources."""
    rows = []
    label = EVENT_LABELS["established"]
    established = _(label)
    for state in codes:
        record = index.relations_by_state.get(state)
        if not record or not record["alt_established"]:
            continue
        others = zip(record["alt_established"].split(";"), record["alt_source_url"].split(";"), strict=False)
        for other_date, other_source in others:
            rows.append(
                [
                    country_name(state),
                    established,
                    record["established"],
                    record["source_url"],
                    other_date,
                    other_source,
                ]
            )
    return pd.DataFrame(rows, columns=CONFLICT_COLUMNS)


def missions_table(index: RelationsIndex, codes: list[str]) -> pd.DataFrame:
    """Missions both ways of the state and its predecessors, each with its source."""
    m = index.data.missions
    rows = m[m["iso3"].isin(codes)].copy()
    rows["state"] = rows["iso3"].map(country_name)
    rows["side"] = [_(SIDE_LABELS[s]).format(name=country_name(c)) for s, c in zip(rows["side"], rows["iso3"], strict=True)]
    rows["type"] = rows["type"].map(type_label)
    rows["status"] = rows["status"].map(status_label)
    return rows[MISSION_COLUMNS].reset_index(drop=True)


def events_table(events: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Timeline events naming the state (or a predecessor), oldest first, linked to their records."""
    wanted = set(codes)
    named = events["countries"].str.split(";").map(lambda cell: [c for c in cell if c in wanted])
    rows = events[named.map(bool)].assign(state=named[named.map(bool)].map(lambda cs: ", ".join(map(country_name, cs))))
    rows = rows.assign(
        record=rows["event_id"].map(links.timeline_record),
        category=rows["category"].map(lane_label),
        _start=rows["date"].map(date_start),
    )
    return rows.sort_values("_start", kind="stable")[EVENT_COLUMNS].reset_index(drop=True)


def gifts_table(gifts: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Gifts the state (or a predecessor) gave or received, oldest first, linked to their cards."""
    rows = gifts[gifts["giver_iso3"].isin(codes) | gifts["recipient_iso3"].isin(codes)]
    rows = rows.assign(
        record=rows["gift_id"].map(links.gift_card),
        category=rows["category"].map(value_label),
        _start=rows["date"].map(date_start),
    )
    return rows.sort_values("_start", kind="stable")[GIFT_COLUMNS].reset_index(drop=True)


def locator_codes(index: RelationsIndex, code: str) -> list[tuple[str, str]]:
    """Today's map codes that show where a state is or was: itself, or a dissolved state's successors."""
    mapped = set(map_codes())
    if code in mapped:
        return [(code, "whole")]
    found: list[tuple[str, str]] = []
    todo = [(s, t) for s, t, _ in successors_of(index, code)]
    while todo:
        successor, territory = todo.pop(0)
        if successor in mapped:
            if successor not in {c for c, _ in found}:
                found.append((successor, territory))
        else:
            todo += [(s, "part" if "part" in (territory, t) else "whole") for s, t, _ in successors_of(index, successor)]
    return found


def country_record(index: RelationsIndex, events: pd.DataFrame, gifts: pd.DataFrame, code: str, today: dt.date) -> CountryRecord:
    """The whole record of one code (assumed to be one of ``country_choices``)."""
    predecessors = predecessor_chain(index, code)
    codes = [code, *predecessors]
    own = index.relations_by_state.get(code)
    status, source = status_sentence(index, code, today)
    region = ", ".join(region_label(part) for part in dict.fromkeys((continent(code), un_subregion(code))) if part)
    return CountryRecord(
        code=code,
        name=country_name(code),
        region=region,
        dissolved=code in index.dissolved_on or is_historic(code),
        status=status,
        status_source=source,
        established=_readable(own["established"]) if own else "",
        territory_of=TERRITORY_OF.get(code, ""),
        predecessors=tuple(predecessors),
        successors=tuple(successors_of(index, code)),
        history=with_source_kind(history_table(index, code, predecessors)),
        conflicts=with_source_kind(conflicts_table(index, codes)),
        missions=with_source_kind(missions_table(index, codes)),
        events=with_source_kind(events_table(events, codes)),
        gifts=with_source_kind(gifts_table(gifts, codes)),
        locator=tuple(locator_codes(index, code)),
        status_note=status_note(index, code, today),
    )


def record_csv(record: CountryRecord) -> pd.DataFrame:
    """All of a record in one long table: one row per fact, each with its source."""
    rows = [["status today", "", record.name, record.status, "", record.status_source]]
    for r in record.history.itertuples():
        rows.append(["history", r.date, r.state, r.event, r.notes, r.source_url])
    for r in record.conflicts.itertuples():
        used = _("{what} (date the atlas uses)").format(what=r.what)
        rows.append(["conflict", r.date_used, r.state, used, "", r.source_url])
        rows.append(["conflict", r.other_date, r.state, _("{what} (another source)").format(what=r.what), "", r.other_source_url])
    for r in record.missions.itertuples():
        start = r.opened or (_("by {date}").format(date=r.attested) if r.attested else "")
        end = r.closed or (_("at least {date}").format(date=r.last_attested) if r.last_attested else "")
        if r.closed and r.closed_uncertain == "yes":
            end = _("{text} (date uncertain)").format(text=r.closed)
        when = f"{start}–{end}" if end else start
        rows.append(["mission", when, r.state, f"{r.side}: {r.type}, {r.city}", f"{r.status}. {r.notes}".strip(), r.source_url])
    for r in record.events.itertuples():
        rows.append(["event", r.date, r.state, r.title, r.category, r.source_url])
    for r in record.gifts.itertuples():
        rows.append(
            ["gift", r.date, "", r.item, _("{giver} to {recipient}").format(giver=r.giver, recipient=r.recipient), r.source_url]
        )
    return with_source_kind(pd.DataFrame(rows, columns=CSV_COLUMNS[:-1]))
