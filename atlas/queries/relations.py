"""Pure queries on the relations data: who had relations with the DPRK at a date, on today's map.

Rules (documented in data/README.md):
- A partial date counts from the start of its period (see ``dates``).
- A state's own record is the sequence of its relationship events (established, suspended,
  severed, restored); the latest one on or before the date decides its status.
- A dissolved state stops counting on the date its territory passed to its successors.
- On today's map, a state whose whole territory belonged at that date to a predecessor (Ukraine in
  1970: the USSR) shows the predecessor's relations as "through a predecessor state". A state
  that is the legal continuation of a predecessor (Russia of the USSR, Vietnam of North Vietnam)
  uses the predecessor's record until the succession date. A state of which only part belonged
  to a predecessor with relations (Germany before 1990: East Germany) shows "part of today's
  territory" unless its own record says otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from atlas.core.countries import country_name, current_codes
from atlas.core.dates import date_start, format_noted, format_partial
from atlas.core.i18n import N_
from atlas.core.territories import territory_of
from atlas.data.loading import RELATIONSHIP_EVENTS, RelationsData

CATEGORY_LABELS = {
    "relations": N_("Diplomatic relations"),
    "undated": N_("Relations (date not documented)"),
    "via_predecessor": N_("Relations through a predecessor state"),
    "partial_predecessor": N_("Part of today's territory had relations through a predecessor state"),
    "suspended": N_("Relations suspended"),
    "severed": N_("Relations severed"),
    "none": N_("No relations"),
    "dprk": N_("North Korea (DPRK)"),
}
CATEGORY_ORDER = tuple(CATEGORY_LABELS)


# What a no_relations row lets the atlas say (see NO_RELATION_CLAIMS in schemas).
NO_RELATION_DETAIL = {
    "never_had": N_("never had relations"),
    "none_at_source_date": N_("listed without relations by its source; earlier ties not ruled out"),
}

# Hover detail for a state whose relations are documented but undated, on a past date's map.
UNDATED_BEFORE_TODAY = N_("relations documented today, but no source dates their start")

EVENT_LABELS = {
    "established": N_("Relations established"),
    "suspended": N_("Relations suspended"),
    "severed": N_("Relations severed"),
    "restored": N_("Relations restored"),
    "embassy_opened": N_("Embassy opened"),
    "embassy_closed": N_("Embassy closed"),
}
SIDE_LABELS = {"dprk_abroad": N_("DPRK mission in {name}"), "in_pyongyang": N_("{name}'s mission in the DPRK")}

# Dependent territories take the category of the state they belong to (the hover says so); they
# never get a dot of their own (see atlas/core/territories.py for where the table comes from).
TERRITORY_OF = territory_of()
# Not drawn: uninhabited or without a state of their own that could have relations.
NOT_MAPPED = {"ATA", "ATF", "BVT", "HMD", "SGS", "UMI", "IOT"}

_ACTIVE_LIKE = {"relations", "via_predecessor"}
_OWN_TO_CATEGORY = {"active": "relations", "undated": "undated", "suspended": "suspended", "severed": "severed"}
# Own statuses that count a party as having relations (see ``own_status``).
_COUNTED = {"active", "undated"}


@dataclass(frozen=True)
class Status:
    """One state's position at a date."""

    category: str
    via: str = ""  # the predecessor state whose record applies, if any


class RelationsIndex:
    """Pre-sorted views of ``RelationsData`` so that a date query is cheap.

    ``today`` (default: the real date, read at each query so a long-lived cached index stays
    right after midnight) is the date from which relations whose establishment no source dates
    are shown and counted.
    """

    def __init__(self, data: RelationsData, today: dt.date | None = None):
        self.data = data
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    @cached_property
    def undated(self) -> frozenset[str]:
        """Parties whose relations are documented but whose establishment date no source gives."""
        relations = self.data.relations
        return frozenset(relations.loc[relations["established"] == "", "iso3"])

    @cached_property
    def relationship_events(self) -> pd.DataFrame:
        ev = self.data.events
        ev = ev[ev["event"].isin(RELATIONSHIP_EVENTS)].copy()
        ev["start"] = ev["date"].map(date_start)
        return ev.sort_values(["iso3", "start"], kind="stable")

    @cached_property
    def events_by_state(self) -> dict[str, list[tuple[dt.date, str, str, str]]]:
        table: dict[str, list[tuple[dt.date, str, str, str]]] = {}
        for row in self.relationship_events.itertuples():
            date = row.date + (" (date uncertain)" if row.uncertain == "yes" else "")
            table.setdefault(row.iso3, []).append((row.start, row.event, date, row.source_url))
        return table

    @cached_property
    def successions(self) -> pd.DataFrame:
        succ = self.data.successions.copy()
        succ["start"] = succ["date"].map(date_start)
        return succ

    @cached_property
    def predecessors(self) -> dict[str, list[tuple[str, dt.date, str, bool]]]:
        table: dict[str, list[tuple[str, dt.date, str, bool]]] = {}
        for row in self.successions.itertuples():
            table.setdefault(row.successor_iso3, []).append(
                (row.predecessor_iso3, row.start, row.territory, row.continuity == "yes")
            )
        return table

    @cached_property
    def dissolved_on(self) -> dict[str, dt.date]:
        """Date each dissolved state ceased to exist (its last succession)."""
        dissolved = set(self.data.relations.loc[self.data.relations["status"] == "dissolved", "iso3"])
        succ = self.successions[self.successions["predecessor_iso3"].isin(dissolved)]
        return succ.groupby("predecessor_iso3")["start"].max().to_dict()

    @cached_property
    def relations_by_state(self) -> dict[str, dict]:
        return self.data.relations.set_index("iso3").to_dict("index")

    @cached_property
    def never(self) -> dict[str, dict]:
        return self.data.no_relations.set_index("iso3").to_dict("index")

    def own_status(self, iso3: str, when: dt.date) -> str | None:
        """'active', 'suspended', 'severed' or 'undated' from the state's own record, or None.

        'undated': relations are documented but no source dates their start, so they are known
        to exist only now. They count from today on and never in a past year; a later dated
        event (a severance, say) still applies from its own date.
        """
        if iso3 in self.dissolved_on and when >= self.dissolved_on[iso3]:
            return None
        status = None
        for start, event, _, _ in self.events_by_state.get(iso3, ()):
            if start > when:
                break
            status = {"established": "active", "restored": "active"}.get(event, event)
        if status is None and iso3 in self.undated and when >= self.today:
            return "undated"
        return status

    def last_change(self, iso3: str, when: dt.date) -> tuple[str, str] | None:
        """(event, ISO date) of the state's latest relationship event on or before ``when``."""
        latest = None
        for start, event, date, source in self.events_by_state.get(iso3, ()):
            if start > when:
                break
            latest = (event, date, source)
        return latest

    def status(self, iso3: str, when: dt.date) -> Status:
        """Category of a state (or a dissolved state's territory) on today's map at ``when``."""
        if iso3 == "PRK":
            return Status("dprk")
        pending = [p for p in self.predecessors.get(iso3, ()) if p[1] > when]
        for predecessor, _, territory, _ in pending:
            if territory == "whole":
                inner = self.status(predecessor, when)
                via = inner.via or predecessor
                if inner.category in _ACTIVE_LIKE:
                    return Status("via_predecessor", via)
                return Status(inner.category if inner.category != "partial_predecessor" else "none", via)
        continuing = any(continuity for _, _, _, continuity in pending)
        own = None if continuing else self.own_status(iso3, when)
        if own:
            return Status(_OWN_TO_CATEGORY[own])
        for predecessor, _, territory, _ in pending:
            if territory == "part" and self.status(predecessor, when).category in _ACTIVE_LIKE:
                return Status("partial_predecessor", predecessor)
        return Status("none")

    def exists_as_party(self, iso3: str, when: dt.date) -> bool:
        """False while another state's record stands for this one (before its succession date)."""
        return not any(
            (territory == "whole" or continuity) and start > when
            for _, start, territory, continuity in self.predecessors.get(iso3, ())
        )

    def parties_with_relations(self, when: dt.date) -> list[str]:
        """Codes of the parties (states, the EU…) with active relations at ``when``."""
        return [
            iso3
            for iso3 in self.relations_by_state
            if self.own_status(iso3, when) in _COUNTED and self.exists_as_party(iso3, when)
        ]


def map_codes() -> list[str]:
    """Today's countries and territories drawn on the map."""
    return sorted(current_codes() - NOT_MAPPED)


def picker_labels(index: RelationsIndex) -> dict[str, str]:
    """Every state a visitor may look up, code -> label, sorted by label: today's states and
    other parties on the map, and every dissolved state the data mentions ("Soviet Union
    (dissolved)"). Dependent territories are left out: their record is their state's.
    """
    from atlas.core.countries import is_historic

    data = index.data
    codes = set(map_codes()) - set(TERRITORY_OF) - {"PRK"}
    codes |= set(data.relations["iso3"]) | set(data.no_relations["iso3"]) | set(data.successions["predecessor_iso3"])
    labels = {code: country_name(code) + (" (dissolved)" if is_historic(code) else "") for code in codes}
    return dict(sorted(labels.items(), key=lambda item: item[1]))


def party_dots(centroids: pd.DataFrame, index: RelationsIndex) -> pd.DataFrame:
    """Marker positions for the small states that are parties: UN members and every code the data
    has a record for. Dependent territories and unrecorded non-members (Cook Islands, Niue) get no
    dot of their own: a dot labelled "No relations" would read as a state that turned the DPRK down.
    """
    from atlas.core.regions import un_members

    parties = un_members() | set(index.relations_by_state) | set(index.never)
    keep = centroids["iso3"].isin(parties) & ~centroids["iso3"].isin(TERRITORY_OF)
    return centroids[keep].reset_index(drop=True)


def relations_at(index: RelationsIndex, when: dt.date) -> pd.DataFrame:
    """One row per mapped code: its category at ``when`` and what the hover and legend need."""
    rows = []
    for code in map_codes():
        owner = TERRITORY_OF.get(code, code)
        status = index.status(owner, when)
        record_code = status.via or owner
        record = index.relations_by_state.get(record_code)
        change = index.last_change(record_code, when)
        never = index.never.get(owner)
        name = country_name(code)
        detail = []
        if status.via:
            detail.append(country_name(status.via))
        if owner != code:
            detail.append(f"as part of {country_name(owner)}")
        if status.category == "none" and never:
            detail.append(NO_RELATION_DETAIL[never["claim"]])
        if status.category == "none" and owner in index.undated:
            detail.append(UNDATED_BEFORE_TODAY)
        source = change[2] if change else (record["source_url"] if record else (never["source_url"] if never else ""))
        rows.append(
            {
                "iso3": code,
                "name": name,
                "category": status.category,
                "detail": "; ".join(detail),
                "established": _established_text(record, change, status.via),
                "last_change": f"{EVENT_LABELS[change[0]].split(' ', 1)[1]} {format_noted(change[1])}" if change else "",
                "source_url": source,
                # The same facts as ISO dates, for the CSV (``map_csv``).
                "established_date": record["established"] if record and change else "",
                "last_change_event": change[0] if change else "",
                "last_change_date": change[1].partition(" ")[0] if change else "",
                "last_change_uncertain": ("yes" if "uncertain" in change[1] else "no") if change else "",
            }
        )
    return pd.DataFrame(rows)


def _established_text(record: dict | None, change: tuple | None, via: str) -> str:
    """When the relations shown began; a predecessor's date says whose it is (Eritrea in 1980
    shows Ethiopia's 1975 date, which is not Eritrea's own)."""
    if not (record and record["established"] and change):
        return ""
    text = format_partial(record["established"])
    return f"{text} ({country_name(via)})" if via else text


def map_csv(status: pd.DataFrame, when: dt.date) -> pd.DataFrame:
    """The map's table for a spreadsheet: ISO dates, category codes with their labels, the map's
    date and the UN region of every row (from country_converter's table, ``regions``)."""
    from atlas.core.regions import continent, un_subregion

    table = pd.DataFrame(
        {
            "iso3": status["iso3"],
            "name": status["name"],
            "category": status["category"],
            "category_label": status["category"].map(CATEGORY_LABELS),
            "detail": status["detail"],
            "map_date": when.isoformat(),
            "continent": status["iso3"].map(continent),
            "un_region": status["iso3"].map(un_subregion),
            "established": status["established_date"],
            "last_change": status["last_change_event"],
            "last_change_date": status["last_change_date"],
            "last_change_date_uncertain": status["last_change_uncertain"],
            "source_url": status["source_url"],
        }
    )
    return table


def count_with_relations(index: RelationsIndex, when: dt.date) -> int:
    """How many parties had active relations with the DPRK at ``when``."""
    return len(index.parties_with_relations(when))


def relations_per_year(index: RelationsIndex, first: int, last: int, today: dt.date) -> pd.DataFrame:
    """Per year: relations established that year and parties with relations at its end."""
    from atlas.core.dates import year_end

    # A continuing state's row repeats its predecessor's date (Russia: 1948, as the USSR); count
    # each establishment once.
    own = [
        date_start(row.established).year
        for row in index.data.relations.itertuples()
        if row.established  # an undated relation was established in no known year
        and not any(
            continuity and start > date_start(row.established) for _, start, _, continuity in index.predecessors.get(row.iso3, ())
        )
    ]
    counts = pd.Series(own, dtype=int).value_counts()
    rows = []
    for year in range(first, last + 1):
        rows.append(
            {
                "year": year,
                "established": int(counts.get(year, 0)),
                "with_relations": count_with_relations(index, year_end(year, today)),
            }
        )
    return pd.DataFrame(rows)


def country_history(index: RelationsIndex, iso3: str) -> pd.DataFrame:
    """The dated record of one state (and of the predecessor states its territory belonged to)."""
    data = index.data
    codes = [iso3] + [p for p, *_ in index.predecessors.get(iso3, ())]
    rows = []
    for code in codes:
        mine = data.events[data.events["iso3"] == code]
        for row in mine.itertuples():
            what = EVENT_LABELS[row.event] + (" (date uncertain)" if row.uncertain == "yes" else "")
            if row.mission_side:
                what += f": {SIDE_LABELS[row.mission_side].format(name=country_name(code))}"
            rows.append(
                {
                    "date": row.date,
                    "state": country_name(code),
                    "event": what,
                    "notes": row.notes,
                    "source_url": row.source_url,
                }
            )
    for row in index.successions[index.successions["successor_iso3"] == iso3].itertuples():
        part = "part of its territory" if row.territory == "part" else "its territory"
        rows.append(
            {
                "date": row.date,
                "state": country_name(iso3),
                "event": f"Took over {part} from {country_name(row.predecessor_iso3)}",
                "notes": row.notes,
                "source_url": row.source_url,
            }
        )
    history = pd.DataFrame(rows, columns=["date", "state", "event", "notes", "source_url"])
    if history.empty:
        return history
    history["_start"] = history["date"].map(date_start)
    return history.sort_values("_start", kind="stable").drop(columns="_start").reset_index(drop=True)


def date_conflicts(index: RelationsIndex, iso3: str) -> list[tuple[str, str]]:
    """Alternative establishment dates other sources give, as (date, source) pairs."""
    record = index.relations_by_state.get(iso3)
    if not record or not record["alt_established"]:
        return []
    return list(zip(record["alt_established"].split(";"), record["alt_source_url"].split(";"), strict=False))


def open_embassies(index: RelationsIndex, side: str) -> pd.DataFrame:
    """Embassies whose latest source says they are open (``side``: in_pyongyang or dprk_abroad)."""
    m = index.data.missions
    return m[(m["side"] == side) & (m["type"] == "embassy") & (m["status"] == "open")]


def peak(per_year: pd.DataFrame) -> tuple[int, int]:
    """(highest year-end count of parties with relations, first year it was reached)."""
    top = int(per_year["with_relations"].max())
    return top, int(per_year.loc[per_year["with_relations"] == top, "year"].iloc[0])
