"""Gift-exchange logic and figures (pure): direction, leaders, filters, summaries, charts.

A gift is *received* when its recipient acts for the DPRK (``recipient_iso3 == PRK``) and
*given* when its giver does; the other side is the counterpart country. The North Korean side is
attributed to one of the three leaders when the giver or recipient names them, otherwise to
"Other (state bodies, family)".
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pandas as pd

from atlas.core import links, source_kinds
from atlas.core.countries import DPRK, country_name
from atlas.core.dates import date_start, format_partial
from atlas.core.i18n import N_, _
from atlas.queries.timeline import period_bounds

# The leaders are the filter's values (and the address's); what a visitor reads is ``_(leader)``.
LEADERS = (N_("Kim Il Sung"), N_("Kim Jong Il"), N_("Kim Jong Un"))
OTHER_LEADER = N_("Other (state bodies, family)")
DIRECTIONS = {"received": N_("Received by the DPRK side"), "given": N_("Given by the DPRK side")}
# The direction filter's short names.
DIRECTION_NAMES = {"received": N_("Received"), "given": N_("Given")}
# How a gift's category, occasion and direction read (in English, as the code: 'animal', 'visit').
VALUE_LABELS = {
    "animal": N_("animal"),
    "vehicle": N_("vehicle"),
    "sports": N_("sports"),
    "art": N_("art"),
    "food": N_("food"),
    "document": N_("document"),
    "weapon": N_("weapon"),
    "other": N_("other"),
    "summit": N_("summit"),
    "visit": N_("visit"),
    "anniversary": N_("anniversary"),
    "birthday": N_("birthday"),
    "received": N_("received"),
    "given": N_("given"),
}


def value_label(value: str) -> str:
    """A category, occasion or direction code as a visitor reads it."""
    return _(VALUE_LABELS.get(value, value))


def _leader(name: str) -> str:
    # The name in the data may be in the run's language (Korean data text): either spelling counts.
    return next((leader for leader in LEADERS if leader in name or _(leader) in name), OTHER_LEADER)


def prepare(gifts: pd.DataFrame) -> pd.DataFrame:
    """Add direction, counterpart, DPRK leader, start date, year and the kind of source."""
    frame = gifts.copy()
    received = frame["recipient_iso3"] == DPRK
    frame["direction"] = received.map({True: "received", False: "given"})
    frame["counterpart_iso3"] = frame["giver_iso3"].where(received, frame["recipient_iso3"])
    frame["counterpart"] = frame["counterpart_iso3"].map(country_name)
    frame["country_page"] = frame["counterpart_iso3"].map(links.country_page)  # relative: works under a base path
    frame["leader"] = frame["recipient"].where(received, frame["giver"]).map(_leader)
    frame["start"] = frame["date"].map(date_start)
    frame["year"] = frame["start"].map(lambda d: d.year)
    frame["source_kind_key"] = frame["source_url"].map(source_kinds.kind_of)
    frame["source_kind"] = frame["source_kind_key"].map(source_kinds.label)
    return frame


def filter_gifts(
    gifts: pd.DataFrame,
    period: str,
    today: dt.date,
    direction: str | None = None,
    country: str | None = None,
    leader: str | None = None,
    categories: list[str] | None = None,
    text: str | None = None,
    kinds: list[str] | None = None,
) -> pd.DataFrame:
    """Prepared gifts narrowed by every filter of the page (None/empty means 'all')."""
    start, end = period_bounds(period, today)
    keep = (gifts["start"] >= dt.date(start.year, 1, 1)) & (gifts["start"] <= end)
    if direction:
        keep &= gifts["direction"] == direction
    if country:
        keep &= gifts["counterpart_iso3"] == country
    if leader:
        keep &= gifts["leader"] == leader
    if categories:
        keep &= gifts["category"].isin(categories)
    if kinds:
        keep &= gifts["source_kind_key"].isin(kinds)
    if text:
        needle = text.casefold()
        haystack = gifts[["giver", "recipient", "item", "occasion", "notes"]].agg(" ".join, axis=1).str.casefold()
        keep &= haystack.str.contains(needle, regex=False)
    return gifts[keep].sort_values("start", kind="stable").reset_index(drop=True)


def source_kind_mix(gifts: pd.DataFrame) -> str:
    """The kinds of source the given gifts rest on, with counts and shares, largest first."""
    return source_kinds.mix_text(gifts["source_url"])


def top_counterparts(gifts: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """Counterpart countries by number of gifts exchanged (both directions)."""
    counts = gifts.groupby(["counterpart_iso3", "counterpart"]).size().rename("gifts").reset_index()
    return counts.sort_values(["gifts", "counterpart"], ascending=[False, True]).head(n).reset_index(drop=True)


def by_category(gifts: pd.DataFrame) -> pd.DataFrame:
    """Gift counts per category and direction."""
    return gifts.groupby(["category", "direction"]).size().rename("gifts").reset_index()


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """A table's category, occasion and direction codes as a visitor reads them (for display only)."""
    present = [column for column in ("category", "occasion", "direction") if column in table]
    return table.assign(**{column: table[column].map(value_label) for column in present})


def before_after_1989(gifts: pd.DataFrame) -> pd.DataFrame:
    """Gifts per category before 1989 and from 1989 on: how the exchange changed."""
    era = gifts["year"].map(lambda y: "Before 1989" if y < 1989 else "1989 and after")  # headers: atlas.web.columns
    table = gifts.assign(era=era).pivot_table(index="category", columns="era", values="gift_id", aggfunc="count", fill_value=0)
    for column in ("Before 1989", "1989 and after"):
        if column not in table:
            table[column] = 0
    return table[["Before 1989", "1989 and after"]].reset_index()


def party_label(person: str, iso3: str) -> str:
    """A giver or recipient with their country, in one pair of brackets at most.

    'Kim Il Sung' -> 'Kim Il Sung (North Korea)'; 'Vladimir Putin (President of Russia)' stays as it is
    (it names its country); 'Joseph Stalin (Soviet leader)' -> 'Joseph Stalin (Soviet leader), Soviet Union'.
    """
    person, country = str(person).strip(), country_name(iso3)
    if not country or country.casefold() in person.casefold():
        return person
    if person.endswith(")"):
        return f"{person}, {country}"
    return f"{person} ({country})"


def gift_card(gift: pd.Series) -> dict:
    """The fields of a gift's full record, readable."""
    return {
        "item": gift["item"],
        "when": format_partial(gift["date"]),
        "from": party_label(gift["giver"], gift["giver_iso3"]),
        "to": party_label(gift["recipient"], gift["recipient_iso3"]),
        "category": value_label(gift["category"]),
        "occasion": value_label(gift["occasion"]),
        "notes": gift["notes"],
        "source_url": gift["source_url"],
        "source_site": urlsplit(gift["source_url"]).netloc.removeprefix("www."),
        "source_kind": source_kinds.label(source_kinds.kind_of(gift["source_url"])),
        "event_id": gift["event_id"],
        "country_codes": [c for c in dict.fromkeys((gift["giver_iso3"], gift["recipient_iso3"])) if c != DPRK],
    }
