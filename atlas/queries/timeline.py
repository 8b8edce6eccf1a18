"""Timeline logic and figures (pure): periods, filters and the plotly timeline.

Periods overlap on purpose: the Cold War view runs 1945–1991 (liberation to the USSR's end), the
post-1989 view from 1989 (the Eastern Bloc's collapse) to today, so 1989–1991 is the transition
both views show. An event belongs to a view when any part of it (date to end_date, each partial
date taken as its whole period) falls inside the view.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from atlas.core import links, regions
from atlas.core.countries import DPRK, country_name
from atlas.core.dates import date_end, date_start, format_partial
from atlas.core.i18n import N_, _
from atlas.core.regions import continent
from atlas.data.schemas import EVENT_CATEGORIES
from atlas.queries.relations import EVENT_LABELS, SIDE_LABELS, map_codes


@dataclass(frozen=True)
class Period:
    key: str
    label: str
    start: dt.date
    end: dt.date | None  # None: today


PERIODS = {
    "cold-war": Period("cold-war", N_("Cold War 1945–91"), dt.date(1945, 1, 1), dt.date(1991, 12, 31)),
    "post-1989": Period("post-1989", N_("Since 1989"), dt.date(1989, 1, 1), None),
    "all": Period("all", N_("Whole span"), dt.date(1945, 1, 1), None),
}
TRANSITION = (dt.date(1989, 1, 1), dt.date(1991, 12, 31))

# Leadership eras, bounded by events in data/events.csv (so their dates carry a source).
ERAS = (
    (N_("Kim Il Sung"), "1948-founding-of-the-dprk", "1994-death-of-kim-il-sung"),
    (N_("Kim Jong Il"), "1994-death-of-kim-il-sung", "2011-death-of-kim-jong-il"),
    (N_("Kim Jong Un"), "2011-death-of-kim-jong-il", None),
)


# relation_events.csv as two lanes of their own: the relationship changes, and (quieter) the
# embassies opened and closed. They filter and search like the events.
RELATION_LANE = "relationship change"
EMBASSY_LANE = "embassy"
LANES = (*EVENT_CATEGORIES, RELATION_LANE, EMBASSY_LANE)
# What a visitor reads for each lane (the codes stay in the data and the address). In English a
# lane reads as its code.
LANE_LABELS = {
    "diplomatic": N_("diplomatic"),
    "treaty": N_("treaty"),
    "summit": N_("summit"),
    "war": N_("war"),
    "nuclear": N_("nuclear"),
    "UN": N_("UN"),
    "sanctions": N_("sanctions"),
    "inter-Korean": N_("inter-Korean"),
    RELATION_LANE: N_("relationship change"),
    EMBASSY_LANE: N_("embassy"),
}


def period_label(key: str) -> str:
    """A period's name in the run's language."""
    return _(PERIODS[key].label)


def region_label(name: str) -> str:
    """A continent's or sub-region's name in the run's language (the name itself stays the
    filter's value and the address's)."""
    return regions.name(name)


def lane_label(code: str) -> str:
    """A lane's (an event category's) name in the run's language."""
    return _(LANE_LABELS.get(code, code))


def period_bounds(key: str, today: dt.date) -> tuple[dt.date, dt.date]:
    period = PERIODS[key]
    return period.start, period.end or today


def with_spans(events: pd.DataFrame) -> pd.DataFrame:
    """Add ``start``/``end`` dates: the whole period each partial date names."""
    frame = events.copy()
    frame["start"] = frame["date"].map(date_start)
    frame["end"] = [date_end(e or d) for d, e in zip(frame["date"], frame["end_date"], strict=True)]
    return frame


def word_pattern(text: str) -> re.Pattern | None:
    """A case-insensitive pattern matching every word of ``text`` as a whole word, in any order.

    "sever" does not find "several" (nor "severed"); "severed" finds "Relations severed". A word is
    bounded by anything that is not a letter or digit, so "inter-korean" and "U.S." work too.
    """
    words = text.split()
    if not words:
        return None
    return re.compile("".join(rf"(?=.*(?<!\w){re.escape(word)}(?!\w))" for word in words), re.IGNORECASE | re.DOTALL)


def matches_words(haystack: pd.Series, text: str | None) -> pd.Series:
    """True where ``haystack`` holds every word of ``text`` as a whole word (all rows if no text)."""
    pattern = word_pattern(text or "")
    if pattern is None:
        return pd.Series(True, index=haystack.index)
    return haystack.map(lambda value: bool(pattern.match(value)))


def in_region(countries: pd.Series, region: str) -> pd.Series:
    """True where a row names some state (other than the DPRK) whose continent is ``region``."""
    return countries.map(lambda cell: any(continent(c) == region for c in cell.split(";") if c and c != DPRK))


def filter_events(
    events: pd.DataFrame,
    view: str,
    today: dt.date,
    categories: list[str] | tuple[str, ...] | None = None,
    country: str | None = None,
    text: str | None = None,
    region: str | None = None,
) -> pd.DataFrame:
    """Events (or relation-lane rows) of a view, narrowed by lanes, a country code, a continent and
    a whole-word, case-insensitive search."""
    frame = with_spans(events)
    start, end = period_bounds(view, today)
    keep = (frame["end"] >= start) & (frame["start"] <= end)
    if categories:
        keep &= frame["category"].isin(categories)
    if country:
        keep &= frame["countries"].str.split(";").map(lambda codes: country in codes)
    if region:
        keep &= in_region(frame["countries"], region)
    if text:
        keep &= matches_words(frame["title"] + " " + frame["summary"] + " " + frame["notes"], text)
    return frame[keep].sort_values("start", kind="stable").reset_index(drop=True)


def relation_lane_events(relation_events: pd.DataFrame) -> pd.DataFrame:
    """relation_events.csv shaped like events.csv, in the two relation lanes.

    Each row gets an id that starts with its date, like the events' ids, a title that names the
    state and what happened, and a summary saying which side's mission an embassy row is about.
    """
    rows = []
    seen: set[str] = set()
    for row in relation_events.itertuples():
        name = country_name(row.iso3)
        what = _(EVENT_LABELS[row.event])
        summary = _("{event} between {name} and the DPRK").format(event=what, name=name)
        if row.mission_side:
            summary = f"{what}: {_(SIDE_LABELS[row.mission_side]).format(name=name)}"
        if row.uncertain == "yes":
            summary = _("{text} (date uncertain)").format(text=summary)
        event_id = f"{row.date}-{row.iso3.lower()}-{row.event.replace('_', '-')}" + (
            f"-{row.mission_side.replace('_', '-')}" if row.mission_side else ""
        )
        base, n = event_id, 2
        while event_id in seen:
            event_id, n = f"{base}-{n}", n + 1
        seen.add(event_id)
        rows.append(
            {
                "event_id": event_id,
                "date": row.date,
                "end_date": "",
                "title": f"{name}: {what[0].lower() + what[1:]}",
                "summary": summary,
                "category": EMBASSY_LANE if row.mission_side else RELATION_LANE,
                "countries": row.iso3,
                "source_url": row.source_url,
                "notes": row.notes,
                "event": row.event,
            }
        )
    columns = ["event_id", "date", "end_date", "title", "summary", "category", "countries", "source_url", "notes", "event"]
    return pd.DataFrame(rows, columns=columns)


def lane_counts(shown: pd.DataFrame) -> tuple[int, int, int]:
    """(events, relationship changes, embassy openings and closings) among the rows shown."""
    lanes = shown["category"].value_counts()
    changes, embassies = int(lanes.get(RELATION_LANE, 0)), int(lanes.get(EMBASSY_LANE, 0))
    return int(shown["category"].isin(EVENT_CATEGORIES).sum()), changes, embassies


def relation_record(row: pd.Series) -> dict:
    """The card of one relation-lane row: what, when, source, and where the map opens."""
    code = row["countries"]
    year = max(1948, date_start(row["date"]).year)
    link = links.map_at(year, code if code in set(map_codes()) else None)
    return {
        "title": row["title"],
        "when": format_partial(row["date"]),
        "summary": row["summary"],
        "notes": row["notes"],
        "source_url": row["source_url"],
        "map_year": str(year),
        "map_link": link,
        "country_codes": [code],
    }


def era_spans(events: pd.DataFrame, today: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """(label, start, end) of the leadership eras whose bounding events are in the data."""
    dates = dict(zip(events["event_id"], events["date"].map(date_start), strict=True))
    spans = []
    for label, first, last in ERAS:
        if first in dates and (last is None or last in dates):
            spans.append((_(label), dates[first], dates[last] if last else today))
    return spans


def event_record(event: pd.Series) -> dict:
    """The fields the record card shows, in readable form."""
    when = format_partial(event["date"])
    if event["end_date"]:
        when += f" – {format_partial(event['end_date'])}"
    return {
        "title": event["title"],
        "when": when,
        "category": lane_label(event["category"]),
        "summary": event["summary"],
        "countries": ", ".join(country_name(c) for c in event["countries"].split(";") if c),
        "country_codes": [c for c in event["countries"].split(";") if c and c != "PRK"],
        "notes": event["notes"],
        "source_url": event["source_url"],
        "map_year": str(max(1948, date_start(event["date"]).year)),
    }


def countries_in(*frames: pd.DataFrame) -> list[str]:
    """Every code named by some event, sorted by name (for the country filter)."""
    codes = {c for events in frames for cell in events["countries"] for c in cell.split(";") if c}
    return sorted(codes, key=country_name)


def regions_in(*frames: pd.DataFrame) -> list[str]:
    """Continents of the states the events name (the DPRK aside), for the region filter."""
    codes = {c for c in countries_in(*frames) if c != DPRK}
    return sorted({continent(c) for c in codes} - {""})


# --- The record of why ties changed (issue 21): four lanes of their own -------------------------
#
# treaties.csv, organisations.csv, security_council.csv and visits.csv are shaped like events.csv
# (one row per record: id, date, end_date, title, summary, countries, source, notes) so they filter
# and search like the events; each row's record (the facts its panel lists) is built beside it.
# Their ids carry a prefix so they cannot collide with the events' ids (which start with a year):
#   treaty:<treaty_id>                      treaty:1961-prk-chn-friendship
#   org:<org_id>-<event>-<date>             org:npt-left-2003-01-11 (org_id repeats, one row per event)
#   unsc:<record_id>                        unsc:res-1718, unsc:veto-2022-05-26
#   visit:<visit_id>                        visit:2018-03-kim-jong-un-beijing
# ``countries`` is what the country and region filters read: a treaty's parties, the states that
# vetoed a Council draft, a visit's visitor and host; an organisation's row names none (no country
# or region filter keeps it).

TREATY_LANE = "treaties"
ORGANISATION_LANE = "organisations"
COUNCIL_LANE = "security-council"
VISIT_LANE = "visits"
RECORD_LANES = (TREATY_LANE, ORGANISATION_LANE, COUNCIL_LANE, VISIT_LANE)
LANE_LABELS.update(
    {
        TREATY_LANE: N_("treaties signed"),
        ORGANISATION_LANE: N_("organisations"),
        COUNCIL_LANE: N_("Security Council"),
        VISIT_LANE: N_("leaders' visits"),
    }
)
RECORD_PREFIXES = {TREATY_LANE: "treaty:", ORGANISATION_LANE: "org:", COUNCIL_LANE: "unsc:", VISIT_LANE: "visit:"}

# The lane filter (``?lanes=``): which groups of lanes the page shows. The events and the two
# relation lanes are shown by default, the four record lanes when a visitor adds them.
EVENTS_GROUP = "events"
CHANGES_GROUP = "changes"
LANE_GROUPS = {
    EVENTS_GROUP: N_("Events"),
    CHANGES_GROUP: N_("Relationship changes"),
    TREATY_LANE: N_("Treaties"),
    ORGANISATION_LANE: N_("Organisations"),
    COUNCIL_LANE: N_("Security Council"),
    VISIT_LANE: N_("Leaders' visits"),
}
DEFAULT_GROUPS = (EVENTS_GROUP, CHANGES_GROUP)


def group_label(code: str) -> str:
    """A lane group's name (the lane filter's choice) in the run's language."""
    return _(LANE_GROUPS.get(code, code))


def group_lanes(groups) -> set[str]:
    """The lane codes (the rows' ``category``) that a set of lane groups shows."""
    lanes: set[str] = set()
    for group in groups or ():
        if group == EVENTS_GROUP:
            lanes |= set(EVENT_CATEGORIES)
        elif group == CHANGES_GROUP:
            lanes |= {RELATION_LANE, EMBASSY_LANE}
        elif group in RECORD_LANES:
            lanes.add(group)
    return lanes


TREATY_KINDS = {
    "alliance": N_("alliance"),
    "friendship": N_("friendship"),
    "partnership": N_("partnership"),
    "inter_korean": N_("inter-Korean"),
    "border": N_("border"),
    "economic": N_("economic"),
    "military": N_("military"),
    "other": N_("other"),
}
ORGANISATION_EVENTS = {
    "joined": N_("joined"),
    "left": N_("left"),
    "withdrawal_announced": N_("withdrawal announced"),
    "observer": N_("observer status"),
    "suspended": N_("suspended (a withdrawal put on hold, or membership suspended)"),
    "rejoined": N_("rejoined"),
}
COUNCIL_OUTCOMES = {"adopted": N_("adopted"), "vetoed": N_("vetoed"), "not_adopted": N_("not adopted")}
COUNCIL_KINDS = {
    "war": N_("war"),
    "admission": N_("admission"),
    "sanctions": N_("sanctions"),
    "condemnation": N_("condemnation"),
    "panel_of_experts": N_("panel of experts"),
    "other": N_("other"),
}
VISIT_KINDS = {
    "state_visit": N_("state visit"),
    "official_visit": N_("official visit"),
    "summit": N_("summit"),
    "unofficial_visit": N_("unofficial visit"),
    "other": N_("other"),
}

RECORD_COLUMNS = ["event_id", "date", "end_date", "title", "summary", "category", "countries", "source_url", "notes", "event"]


def _names(codes: str) -> str:
    return ", ".join(country_name(c) for c in codes.split(";") if c)


def _label(table: dict, code: str) -> str:
    return _(table[code]) if code in table else code


def _span(start: str, end: str) -> str:
    return format_partial(start) + (f" – {format_partial(end)}" if end else "")


def council_vote(row) -> str:
    """A Council vote in words ("15 for, 0 against, 0 abstentions"), or that the source gives none."""
    if not row.votes_for:
        return _("not given by the source")
    return _("{for_} for, {against} against, {abstentions} abstentions").format(
        for_=row.votes_for, against=row.votes_against or "0", abstentions=row.abstentions or "0"
    )


def _treaty(row) -> tuple[dict, dict]:
    ended = format_partial(row.ended) if row.ended else _("no end recorded")
    if row.ended and row.end_note:
        ended = f"{ended} ({row.end_note})"
    facts = [
        (_("Signed"), format_partial(row.signed)),
        (_("In force"), format_partial(row.in_force) if row.in_force else _("no date in the sources")),
        (_("Ended"), ended),
        (_("Kind"), _label(TREATY_KINDS, row.kind)),
        (_("Parties"), _names(row.parties)),
    ]
    fields = dict(date=row.signed, title=row.title, summary=row.summary, countries=row.parties, event=row.kind)
    return fields, {"when": format_partial(row.signed), "facts": facts}


def _organisation(row) -> tuple[dict, dict]:
    event = _label(ORGANISATION_EVENTS, row.event)
    name = f"{row.name} ({row.abbreviation})" if row.abbreviation else row.name
    facts = [(_("Organisation"), name), (_("What happened"), event), (_("Date"), format_partial(row.date))]
    fields = dict(
        date=row.date,
        title=f"{row.name}: {event}",
        summary=_("The DPRK and {organisation}: {event}").format(organisation=name, event=event),
        countries="",
        event=row.event,
    )
    return fields, {"when": format_partial(row.date), "facts": facts}


def _council(row) -> tuple[dict, dict]:
    outcome = _label(COUNCIL_OUTCOMES, row.outcome)
    if row.vetoed_by:
        outcome = _("vetoed by {states}").format(states=_names(row.vetoed_by))
    document = row.document or _("a draft resolution (no symbol in the sources)")
    facts = [
        (_("Document"), document),
        (_("Outcome"), outcome),
        (_("Vote"), council_vote(row)),
        (_("Kind"), _label(COUNCIL_KINDS, row.kind)),
    ]
    title = _("Security Council, {document}: {outcome}").format(document=document, outcome=outcome)
    fields = dict(date=row.date, title=title, summary=row.summary, countries=row.vetoed_by, event=row.outcome)
    return fields, {"when": format_partial(row.date), "facts": facts}


def _visit(row) -> tuple[dict, dict]:
    host = country_name(row.host_iso3)
    places = ", ".join(p.strip() for p in row.places.split(";") if p.strip())
    where = f"{places} ({host})" if places else host
    facts = [
        (_("Dates"), _span(row.start_date, row.end_date)),
        (_("Visitor"), f"{row.leader} ({country_name(row.leader_iso3)})"),
        (_("Host"), host),
        (_("Places"), places or _("not given by the source")),
        (_("Kind"), _label(VISIT_KINDS, row.kind)),
    ]
    codes = ";".join(dict.fromkeys(c for c in (row.leader_iso3, row.host_iso3) if c))
    fields = dict(
        date=row.start_date,
        end_date=row.end_date,
        title=_("{leader} in {place}").format(leader=row.leader, place=where),
        summary=row.summary,
        countries=codes,
        event=row.kind,
    )
    return fields, {"when": _span(row.start_date, row.end_date), "facts": facts}


def record_id(lane: str, row) -> str:
    """The prefixed id of one row of a record lane's dataset (see the scheme above)."""
    if lane == TREATY_LANE:
        key = row.treaty_id
    elif lane == ORGANISATION_LANE:
        key = f"{row.org_id}-{row.event.replace('_', '-')}-{row.date}"
    elif lane == COUNCIL_LANE:
        key = row.record_id
    else:
        key = row.visit_id
    return RECORD_PREFIXES[lane] + key


def record_lanes(
    treaties: pd.DataFrame, organisations: pd.DataFrame, council: pd.DataFrame, visits: pd.DataFrame
) -> tuple[pd.DataFrame, dict[str, dict]]:
    """The four record lanes as rows shaped like events.csv, and each row's record by id.

    A record holds what its panel shows: title, when, the lane's name, facts as (label, value)
    pairs (a treaty's dates in force and of its end, a Council vote, a visit's visitor, host and
    places), summary, notes, source, the map's year and the states it names (the DPRK aside).
    """
    rows, records = [], {}
    for lane, frame, build in (
        (TREATY_LANE, treaties, _treaty),
        (ORGANISATION_LANE, organisations, _organisation),
        (COUNCIL_LANE, council, _council),
        (VISIT_LANE, visits, _visit),
    ):
        for row in frame.itertuples(index=False):
            fields, shown = build(row)
            event_id = record_id(lane, row)
            fields = {"end_date": "", **fields, "event_id": event_id, "category": lane}
            fields.update(source_url=row.source_url, notes=row.notes)
            rows.append(fields)
            codes = [c for c in fields["countries"].split(";") if c and c != DPRK]
            records[event_id] = {
                "title": fields["title"],
                "lane": lane_label(lane),
                "summary": fields["summary"],
                "notes": row.notes,
                "source_url": row.source_url,
                "map_year": str(max(1948, date_start(fields["date"]).year)),
                "country_codes": codes,
                **shown,
            }
    return pd.DataFrame(rows, columns=RECORD_COLUMNS), records


def record_lane_counts(shown: pd.DataFrame) -> dict[str, int]:
    """How many rows shown fall in each record lane."""
    lanes = shown["category"].value_counts()
    return {lane: int(lanes.get(lane, 0)) for lane in RECORD_LANES}
