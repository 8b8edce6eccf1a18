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

from atlas.core import links
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


# Continents and UN sub-regions (atlas.core.regions) as a visitor reads them; the names stay the
# filters' values and the address's.
REGION_LABELS = {
    "Africa": N_("Africa"),
    "Antarctica": N_("Antarctica"),
    "Asia": N_("Asia"),
    "Europe": N_("Europe"),
    "North America": N_("North America"),
    "Oceania": N_("Oceania"),
    "South America": N_("South America"),
    "Australia and New Zealand": N_("Australia and New Zealand"),
    "Caribbean": N_("Caribbean"),
    "Central America": N_("Central America"),
    "Central Asia": N_("Central Asia"),
    "Eastern Africa": N_("Eastern Africa"),
    "Eastern Asia": N_("Eastern Asia"),
    "Eastern Europe": N_("Eastern Europe"),
    "Melanesia": N_("Melanesia"),
    "Micronesia": N_("Micronesia"),
    "Middle Africa": N_("Middle Africa"),
    "Northern Africa": N_("Northern Africa"),
    "Northern America": N_("Northern America"),
    "Northern Europe": N_("Northern Europe"),
    "Polynesia": N_("Polynesia"),
    "South-eastern Asia": N_("South-eastern Asia"),
    "Southern Africa": N_("Southern Africa"),
    "Southern Asia": N_("Southern Asia"),
    "Southern Europe": N_("Southern Europe"),
    "Western Africa": N_("Western Africa"),
    "Western Asia": N_("Western Asia"),
    "Western Europe": N_("Western Europe"),
}


def period_label(key: str) -> str:
    """A period's name in the run's language."""
    return _(PERIODS[key].label)


def region_label(name: str) -> str:
    """A continent's or sub-region's name in the run's language."""
    return _(REGION_LABELS.get(name, name))


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
    return len(shown) - changes - embassies, changes, embassies


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
