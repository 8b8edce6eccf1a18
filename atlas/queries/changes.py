"""What changed in the DPRK's relations between two dates, and in one year (pure: no Streamlit).

Two views of a change, because the issue's two figures count different things:
- ``compare_status`` / ``changes_between`` work on **today's map**: every mapped code's category at
  both dates (``RelationsIndex.status``, so a territory that belonged to the USSR shows the
  USSR's relations). A row changes when its category differs (the diff of the two map CSVs
  that issue 11 did by hand: 28 changes between the ends of 1988 and 1992 with that day's data),
  or when the state broke ties and restored them in between. Each change is named in the Story's
  language (``change_kind``): gained, restored after a break, lost (Nicaragua's break, Germany
  after East Germany, the Yugoslav and Soviet republics with no ties of their own), or passed to
  a successor state (former Soviet republics whose ties became their own).
- ``party_changes`` counts **parties** (states that existed at the date, dissolved ones included,
  and the EU), as ``count_with_relations`` does (the issue's 92 -> 109): gains (Russia and Serbia
  and Montenegro as continuing states among them), restorations and losses (the USSR, East Germany and
  Yugoslavia ceased to exist, Nicaragua severed) add up to the difference of the two counts.

Every change carries the dated event that caused it and that event's source: the state's own
relationship event, its predecessor's, or the succession (``successions.csv``) that moved the
territory from one state to another.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from atlas.core import regions
from atlas.core.countries import country_name
from atlas.core.dates import date_start, format_noted
from atlas.core.i18n import N_, _
from atlas.core.regions import ALL_REGIONS, continent, un_subregion
from atlas.core.source_kinds import escape_markdown, markdown_link
from atlas.queries.relations import (
    CATEGORY_LABELS,
    EVENT_LABELS,
    TERRITORY_OF,
    RelationsIndex,
    Status,
    map_codes,
)

# Categories in which (part of) the territory had relations with the DPRK.
WITH_RELATIONS = frozenset({"relations", "via_predecessor", "partial_predecessor"})
# Relations documented today whose start no source dates: when they began is unknown, so they are
# drawn apart and never listed as a change (a "gained" there would invent a date).
UNDATED = "undated"

# Relationship events that break ties off: a state with one of them between the two dates broke
# ties in that window, so the compare map never calls it merely "changed" (the Story's language).
BREAKS = ("severed", "suspended")

# The compare map's own categories, in legend order, with plain-English labels (colours in
# atlas/figures/palettes.py). Changes first: gained, restored after a break, lost (severed,
# suspended, or the territory left a state with relations), and ties that passed to a successor
# state (a former Soviet republic whose relations became its own); then the unchanged states.
COMPARE_LABELS = {
    "gained": N_("Gained relations"),
    "restored": N_("Relations restored after a break"),
    "lost": N_("Lost relations"),
    "successor": N_("Ties passed to a successor state"),
    "unchanged_with": N_("Relations at both dates"),
    "unchanged_without": N_("No relations at either date"),
    "undated": N_("Relations today, start not documented"),
    "dprk": N_("North Korea (DPRK)"),
}
COMPARE_ORDER = tuple(COMPARE_LABELS)
CHANGE_KINDS = ("gained", "restored", "lost", "successor")
# The ``change`` column of the compare table and its CSV: the map's categories, in short.
CHANGE_NAMES = {"gained": N_("Gained"), "restored": N_("Restored"), "lost": N_("Lost"), "successor": N_("Passed to a successor")}
# Hover lines of the compare map after the name and category: (label, column of compare_status).
COMPARE_HOVER = (
    (N_("Before"), "from"),
    (N_("After"), "to"),
    (N_("Event"), "event"),
    (N_("Date"), "date"),
    (N_("Source"), "source_url"),
)

CHANGE_COLUMNS = ["iso3", "name", "continent", "region", "change", "from", "to", "date", "event", "source_url"]
YEAR_COLUMNS = ["date", "iso3", "name", "continent", "region", "event", "source_url"]
PARTY_COLUMNS = ["iso3", "name", "change", "date", "event", "source_url"]
PARTY_CHANGES = (N_("Gained"), N_("Restored"), N_("Lost"))


def region_label(choice: str | None) -> str:
    """A region filter's choice ('Africa · Western Africa') in the run's language."""
    return " · ".join(regions.name(part) for part in (choice or ALL_REGIONS).split(" · "))


def change_kind(before: str, after: str, broke: bool = False) -> str:
    """Compare category for a state whose map category went from ``before`` to ``after``.

    ``broke``: the state (or the state whose record it showed) suspended or severed relations
    between the two dates. A state with relations at the end that had none because of a break at
    the start, or broke and restored in between, is 'restored'; one without relations at the end
    that broke them in between (Australia from 1961 to 1988: none, then suspended) is 'lost'.
    Ties that are someone else's at one date and the state's own at the other, with no break
    between (Ukraine: the Soviet Union's in 1988, its own in 1992), passed to a successor.
    """
    if before == "dprk" or after == "dprk":
        return "dprk"
    if UNDATED in (before, after):
        return UNDATED
    had, has = before in WITH_RELATIONS, after in WITH_RELATIONS
    if has:
        if broke or before in BREAKS:
            return "restored"
        if not had:
            return "gained"
        return "unchanged_with" if before == after else "successor"
    if had or (after in BREAKS and (broke or before != after)):
        return "lost"
    return "unchanged_without"


def broke_between(index: RelationsIndex, codes: tuple[str, ...], earlier: dt.date, later: dt.date) -> bool:
    """True when one of ``codes`` suspended or severed relations after ``earlier``, up to ``later``."""
    return any(
        event in BREAKS and _in_window(start, earlier, later)
        for code in dict.fromkeys(c for c in codes if c)
        for start, event, __, __ in index.events_by_state.get(code, ())
    )


def status_label(status: Status) -> str:
    """'Relations through a predecessor state (Soviet Union)'."""
    label = _(CATEGORY_LABELS[status.category])
    return f"{label} ({country_name(status.via)})" if status.via else label


def _in_window(start: dt.date, earlier: dt.date, later: dt.date) -> bool:
    return earlier < start <= later


def _succession_text(predecessor: str, territory: str, continuity: bool) -> str:
    name = country_name(predecessor)
    if continuity:
        return _("Succeeded {name} as its continuing state").format(name=name)
    if territory == "part":
        return _("Took over the territory of {name}").format(name=name)
    return _("Succeeded {name}").format(name=name)


def cause(index: RelationsIndex, owner: str, before: Status, after: Status, earlier: dt.date, later: dt.date) -> dict[str, str]:
    """The dated event (with its source) that explains a change of ``owner`` between two dates.

    Preference: the state's own latest relationship event in the window when its new status is
    its own; else the latest event of the predecessor whose record it now shows; else the latest
    succession in the window (dissolutions, independence, a continuing state taking over); else
    the latest event of any state involved. Empty strings when the data hold none.
    """

    def events_of(code: str) -> list[tuple[dt.date, str, str]]:
        return [
            (start, _(EVENT_LABELS[event]), date, source)
            for start, event, date, source in index.events_by_state.get(code, ())
            if _in_window(start, earlier, later)
        ]

    own = events_of(owner)
    via_after = events_of(after.via) if after.via else []
    via_before = events_of(before.via) if before.via and before.via != after.via else []
    successions = [
        (start, _succession_text(predecessor, territory, continuity), row_date, source)
        for predecessor, start, territory, continuity, row_date, source in _successions_of(index, owner)
        if _in_window(start, earlier, later)
    ]
    if not after.via and after.category not in ("none", "partial_predecessor") and own:
        chosen = own
    elif after.via and via_after:
        chosen = via_after
    elif successions:
        chosen = successions
    else:
        chosen = own + via_after + via_before
    if not chosen:
        return {"date": "", "event": "", "source_url": ""}
    __, what, date, source = max(chosen, key=lambda item: item[0])
    return {"date": date, "event": what, "source_url": source}


def _successions_of(index: RelationsIndex, code: str) -> list[tuple[str, dt.date, str, bool, str, str]]:
    rows = index.successions[index.successions["successor_iso3"] == code]
    return [(r.predecessor_iso3, r.start, r.territory, r.continuity == "yes", r.date, r.source_url) for r in rows.itertuples()]


def compare_status(index: RelationsIndex, earlier: dt.date, later: dt.date) -> pd.DataFrame:
    """One row per mapped code: its compare category and, where it changed, what and why.

    Columns: iso3, name, category (a ``COMPARE_ORDER`` key), continent, region, change, from, to,
    date, event, source_url. ``from``/``to`` are the map's status labels at the two dates.
    """
    rows = []
    for code in map_codes():
        owner = TERRITORY_OF.get(code, code)
        before, after = index.status(owner, earlier), index.status(owner, later)
        broke = broke_between(index, (owner, before.via, after.via), earlier, later)
        kind = change_kind(before.category, after.category, broke)
        changed = kind in CHANGE_KINDS
        why = cause(index, owner, before, after, earlier, later) if changed else {"date": "", "event": "", "source_url": ""}
        rows.append(
            {
                "iso3": code,
                "name": country_name(code),
                "category": kind,
                "continent": continent(code),
                "region": un_subregion(code),
                "change": _(CHANGE_NAMES[kind]) if kind in CHANGE_NAMES else "",
                "from": status_label(before),
                "to": status_label(after),
                **why,
            }
        )
    return pd.DataFrame(rows, columns=["category", *CHANGE_COLUMNS])


def changes_between(status: pd.DataFrame) -> pd.DataFrame:
    """The gained, restored, lost and successor rows of ``compare_status``, grouped by kind, by date within."""
    changed = status[status["category"].isin(CHANGE_KINDS)].copy()
    changed["_kind"] = changed["category"].map(CHANGE_KINDS.index)
    changed["_start"] = changed["date"].map(lambda d: date_start(d.split(" ")[0]) if d else dt.date.max)
    changed = changed.sort_values(["_kind", "_start", "name"], kind="stable")
    return changed[CHANGE_COLUMNS].reset_index(drop=True)


def change_counts(status: pd.DataFrame) -> dict[str, int]:
    """How many mapped codes fall in each compare category (every key of ``COMPARE_ORDER``)."""
    counts = status["category"].value_counts()
    return {kind: int(counts.get(kind, 0)) for kind in COMPARE_ORDER}


def party_changes(index: RelationsIndex, earlier: dt.date, later: dt.date) -> pd.DataFrame:
    """Parties (dissolved states and the EU included) that gained, restored or lost active relations.

    The difference of ``parties_with_relations`` at the two dates, so that the count at
    ``earlier`` plus gains and restorations minus losses is the count at ``later``. 'Restored' is
    the compare map's word: a party back to relations after suspending or severing them. A dissolved state that ceased
    to exist is 'lost' with its dissolution as the event.
    """
    before, after = set(index.parties_with_relations(earlier)), set(index.parties_with_relations(later))
    rows = []
    for code in sorted(before ^ after):
        gained = code in after
        own = [
            (start, _(EVENT_LABELS[event]), date, source)
            for start, event, date, source in index.events_by_state.get(code, ())
            if _in_window(start, earlier, later)
        ]
        successions = [
            (start, _succession_text(predecessor, territory, continuity), row_date, source)
            for predecessor, start, territory, continuity, row_date, source in _successions_of(index, code)
            if _in_window(start, earlier, later)
        ]
        ended = code in index.dissolved_on and _in_window(index.dissolved_on[code], earlier, later)
        if ended:
            succ = index.successions[index.successions["predecessor_iso3"] == code]
            last = succ.loc[succ["start"].idxmax()]
            ended_text = _("{name} ceased to exist").format(name=country_name(code))
            chosen = [(last["start"], ended_text, last["date"], last["source_url"])]
        else:
            chosen = own or successions
        if not chosen and code in index.undated:
            record = index.relations_by_state[code]
            chosen = [(later, _("Relations documented; no source dates their start"), "", record["source_url"])]
        start, what, date, source = max(chosen, key=lambda item: item[0]) if chosen else (None, "", "", "")
        rows.append(
            {
                "iso3": code,
                "name": country_name(code),
                "change": _party_change(index, code, gained, earlier, later),
                "date": date,
                "event": what,
                "source_url": source,
            }
        )
    frame = pd.DataFrame(rows, columns=PARTY_COLUMNS)
    frame["_kind"] = frame["change"].map(PARTY_CHANGES.index)
    frame = frame.sort_values(["_kind", "name"], kind="stable").drop(columns="_kind").reset_index(drop=True)
    frame["change"] = frame["change"].map(_)  # sorted by the kind's code, shown in the run's language
    return frame


def _party_change(index: RelationsIndex, code: str, gained: bool, earlier: dt.date, later: dt.date) -> str:
    """'Gained', 'Restored' (back after a break, as the compare map says) or 'Lost', for a party."""
    if not gained:
        return "Lost"
    if index.own_status(code, earlier) in BREAKS or broke_between(index, (code,), earlier, later):
        return "Restored"
    return "Gained"


def _repeats_predecessor(index: RelationsIndex, code: str, start: dt.date) -> bool:
    """True for a continuing state's copy of its predecessor's record (Russia's 1948 = the USSR's)."""
    return any(continuity and succ_start > start for __, succ_start, __, continuity in index.predecessors.get(code, ()))


def events_between(index: RelationsIndex, earlier: dt.date, later: dt.date) -> pd.DataFrame:
    """Relations established, suspended, severed and restored after ``earlier``, up to ``later``.

    A partial date counts from the start of its period (``1975`` is in 1975). Rows that only
    repeat a predecessor's record under a continuing state's code (Russia's 1948 establishment is
    the USSR's) are left out, so each event is listed once. ``kind`` is the raw event name.
    """
    events = index.relationship_events
    mine = events[(events["start"] > earlier) & (events["start"] <= later)]
    rows = []
    for row in mine.itertuples():
        if _repeats_predecessor(index, row.iso3, row.start):
            continue
        rows.append(
            {
                "date": row.date + (" (date uncertain)" if row.uncertain == "yes" else ""),
                "iso3": row.iso3,
                "name": country_name(row.iso3),
                "continent": continent(row.iso3),
                "region": un_subregion(row.iso3),
                "event": _(EVENT_LABELS[row.event]),
                "source_url": row.source_url,
                "kind": row.event,
                "_start": row.start,
            }
        )
    frame = pd.DataFrame(rows, columns=[*YEAR_COLUMNS, "kind", "_start"])
    return frame.sort_values(["_start", "name"], kind="stable").drop(columns="_start").reset_index(drop=True)


def year_changes(index: RelationsIndex, year: int) -> pd.DataFrame:
    """Relations established, suspended, severed and restored in ``year``, with region and source."""
    frame = events_between(index, dt.date(year - 1, 12, 31), dt.date(year, 12, 31))
    return frame[YEAR_COLUMNS]


def year_change_lines(frame: pd.DataFrame) -> list[str]:
    """A year's changes (``year_changes`` rows) as markdown list items: date, state, event, region, source.

    A list rather than an interactive table: a year holds at most a few dozen changes, and the
    table's grid was the largest script a map link made the browser load (measured: a year's link
    drew its map in 1.43× the floor's time with the grid, 1.29× with the list). Names and regions
    come from the data, so they are escaped; the CSV beside the list has every column.
    """
    lines = []
    for row in frame.to_dict("records"):
        where = " · ".join(dict.fromkeys(_(part) for part in (row["continent"], row["region"]) if part))
        place = f" ({escape_markdown(where)})" if where else ""
        source = _("source: {link}").format(link=markdown_link(row["source_url"]))
        lines.append(
            f"- **{escape_markdown(format_noted(row['date']))}** · {escape_markdown(row['name'])}{place}: {escape_markdown(row['event'])}"
            f" · {source}"
        )
    return lines


def region_options(frame: pd.DataFrame) -> list[str]:
    """Filter choices for a table with continent/region columns: continents, then 'continent · sub-region'."""
    pairs = frame[["continent", "region"]].drop_duplicates()
    pairs = pairs[pairs["continent"] != ""]
    options = [ALL_REGIONS]
    for name in sorted(pairs["continent"].unique()):
        options.append(name)
        subs = sorted(r for r in pairs.loc[pairs["continent"] == name, "region"] if r and r != name)
        options += [f"{name} · {sub}" for sub in subs]
    return options


def filter_region(frame: pd.DataFrame, choice: str | None) -> pd.DataFrame:
    """Rows of a continent ('Africa') or a sub-region ('Africa · Western Africa'); all for None/'All regions'."""
    if not choice or choice == ALL_REGIONS:
        return frame
    name, __, sub = choice.partition(" · ")
    mask = frame["continent"] == name
    if sub:
        mask &= frame["region"] == sub
    return frame[mask].reset_index(drop=True)
