"""The race with Seoul: each state's standing with both Koreas at a date, and both counts per year.

Pure (no Streamlit). Both sides are answered by the same ``RelationsIndex`` rules, one index per
Korea, so predecessor states and breaks work alike:

- A state counts as having relations with a Korea when its category there is "relations" (dated
  or not),
  "relations through a predecessor state" (Ukraine in 1991 through the USSR) or "part of today's
  territory had relations" (Germany before 1990 through East Germany, Vietnam before 1975 through
  North Vietnam). On today's map the territory then held a partner of that Korea, and the hover
  says which state it was. Suspended and severed relations do not count.
- Counts are of parties (states as they existed at the date, each dissolved state until its
  successors take over), exactly as ``relations.count_with_relations``; a party "has both" when
  it is a partner of both Koreas at once (the USSR from 30 Sep 1990).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from atlas.core.countries import country_name
from atlas.core.dates import format_partial, year_end
from atlas.core.i18n import N_, _
from atlas.queries.relations import CATEGORY_LABELS, TERRITORY_OF, RelationsIndex, map_codes, party_dots

RACE_LABELS = {
    "both": N_("Relations with both Koreas"),
    "dprk_only": N_("Relations with North Korea only"),
    "rok_only": N_("Relations with South Korea only"),
    "neither": N_("Relations with neither"),
    "korea": N_("North or South Korea"),
}
RACE_ORDER = tuple(RACE_LABELS)
KOREAS = {"PRK", "KOR"}
# The dual map's hover lines after the name and category: (label, column of ``race_status_at``).
RACE_HOVER = ((N_("North Korea"), "with_dprk"), (N_("South Korea"), "with_rok"))

_COUNTS = {"relations", "undated", "via_predecessor", "partial_predecessor"}


def _side(index: RelationsIndex, code: str, when: dt.date) -> tuple[bool, str]:
    """(has relations, words for the hover) for one state and one Korea."""
    status = index.status(code, when)
    counts = status.category in _COUNTS
    words = _(CATEGORY_LABELS[status.category])
    if status.via:
        via = country_name(status.via)
        words += f" ({via})" if counts else f" ({_('as part of {name}').format(name=via)})"
    return counts, words


def race_category(dprk: RelationsIndex, rok: RelationsIndex, code: str, when: dt.date) -> str:
    """'both', 'dprk_only', 'rok_only', 'neither' (or 'korea') for a code on today's map."""
    owner = TERRITORY_OF.get(code, code)
    if owner in KOREAS:
        return "korea"
    with_dprk, __ = _side(dprk, owner, when)
    with_rok, __ = _side(rok, owner, when)
    if with_dprk and with_rok:
        return "both"
    return "dprk_only" if with_dprk else "rok_only" if with_rok else "neither"


def race_status_at(dprk: RelationsIndex, rok: RelationsIndex, when: dt.date) -> pd.DataFrame:
    """One row per mapped code: iso3, name, category (a ``RACE_LABELS`` key), both sides in words."""
    rows = []
    for code in map_codes():
        owner = TERRITORY_OF.get(code, code)
        if owner in KOREAS:
            dprk_words = rok_words = ""
        else:
            __, dprk_words = _side(dprk, owner, when)
            __, rok_words = _side(rok, owner, when)
        rows.append(
            {
                "iso3": code,
                "name": country_name(code),
                "category": race_category(dprk, rok, code, when),
                "with_dprk": dprk_words,
                "with_rok": rok_words,
                "detail": _("as part of {name}").format(name=country_name(owner)) if owner != code else "",
            }
        )
    return pd.DataFrame(rows, columns=["iso3", "name", "category", "with_dprk", "with_rok", "detail"])


def race_dots(centroids: pd.DataFrame, dprk: RelationsIndex, rok: RelationsIndex) -> pd.DataFrame:
    """Dot positions for small states on the dual map: the DPRK map's parties plus Seoul's
    (the Cook Islands and Niue have relations with Seoul only). Dependent territories get none."""
    parties = set(party_dots(centroids, dprk)["iso3"]) | set(rok.relations_by_state)
    keep = centroids["iso3"].isin(parties) & ~centroids["iso3"].isin(TERRITORY_OF)
    return centroids[keep].reset_index(drop=True)


def partners(index: RelationsIndex, when: dt.date) -> set[str]:
    """Parties with active relations with that Korea at ``when``."""
    return set(index.parties_with_relations(when))


def race_per_year(dprk: RelationsIndex, rok: RelationsIndex, first: int, last: int, today: dt.date) -> pd.DataFrame:
    """Per year, at its end: partners of each Korea, of both, and the share of both among all partners."""
    rows = []
    for year in range(first, last + 1):
        when = year_end(year, today)
        north, south = partners(dprk, when), partners(rok, when)
        either = north | south
        both = north & south
        rows.append(
            {
                "year": year,
                "date": when,
                "dprk": len(north),
                "rok": len(south),
                "both": len(both),
                "either": len(either),
                "both_share": len(both) / len(either) if either else 0.0,
            }
        )
    return pd.DataFrame(rows)


# The moments that turned the race, as ids of data/events.csv (date and source come from there);
# Nordpolitik is a span from Seoul's 7 July 1988 declaration to the end of the 1992 wave.
RACE_MOMENTS = (
    ("1973-seoul-s-june-23-declaration", N_("Seoul drops its refusal of dual recognition")),
    ("1975-dprk-admitted-to-the-non-aligned", N_("DPRK admitted to the Non-Aligned Movement")),
    ("1991-both-koreas-join-the-united-nations", N_("Both Koreas join the UN")),
)
NORDPOLITIK = ("1988-seoul-s-july-7-declaration-and", "1992", N_("Nordpolitik"))


def race_moments(events: pd.DataFrame) -> list[dict]:
    """The marked moments with their dates and sources; a missing event is left out, not invented."""
    by_id = events.set_index("event_id")
    moments = []
    for event_id, label in RACE_MOMENTS:
        if event_id in by_id.index:
            row = by_id.loc[event_id]
            moments.append(
                {"date": row["date"], "label": _(label), "when": format_partial(row["date"]), "source_url": row["source_url"]}
            )
    return moments


def nordpolitik_span(events: pd.DataFrame) -> dict | None:
    """Start (Seoul's 7 July 1988 declaration) and end (end of 1992) of the Nordpolitik band."""
    start_id, end_year, label = NORDPOLITIK
    match = events[events["event_id"] == start_id]
    if match.empty:
        return None
    row = match.iloc[0]
    return {"start": row["date"], "end": f"{end_year}-12-31", "label": _(label), "source_url": row["source_url"]}


def seoul_record(rok: RelationsIndex, code: str, today: dt.date) -> dict:
    """One state's relations with Seoul for its country page: a sentence, its source, the history.

    The history is ``relations.country_history`` on the ROK files: the state's own events and
    those of the predecessor states its territory belonged to, with the successions.
    """
    from atlas.core.countries import is_historic
    from atlas.queries.relations import EVENT_LABELS, country_history

    history = country_history(rok, code)
    if code in KOREAS:
        return {"status": "", "source": "", "history": history.iloc[0:0]}
    if code in TERRITORY_OF:
        owner = country_name(TERRITORY_OF[code])
        status = _("A territory of {owner}: its relations with Seoul are {owner}'s.").format(owner=owner)
        return {"status": status, "source": "", "history": history}
    if code in rok.dissolved_on:
        last = rok.last_change(code, rok.dissolved_on[code])
        if last:
            when = format_partial(last[1].split(" ")[0])
            sentence = _("Had relations with Seoul until it dissolved (last change: {event}, {date}).").format(
                event=_(EVENT_LABELS[last[0]]).lower(), date=when
            )
            return {"status": sentence, "source": last[2], "history": history}
    if is_historic(code) and code not in rok.relations_by_state:
        return {"status": _("Never had relations with Seoul on the atlas's record."), "source": "", "history": history}
    status = rok.status(code, today)
    if status.category == "none":
        return {"status": _("No relations with Seoul."), "source": "", "history": history}
    sentence = _(CATEGORY_LABELS[status.category]) + (f" ({country_name(status.via)})" if status.via else "")
    change = rok.last_change(status.via or code, today)
    if not change:
        return {"status": sentence + ".", "source": "", "history": history}
    when = format_partial(change[1].split(" ")[0])
    if change[0] in ("established", "restored"):
        sentence = _("{status}, since {date} ({event}).").format(
            status=sentence, date=when, event=_(EVENT_LABELS[change[0]]).lower()
        )
    else:
        sentence = _("{status} on {date}.").format(status=sentence, date=when)
    return {"status": sentence, "source": change[2], "history": history}
