"""Headline figures for the home page, all computed from the data (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from atlas.queries.relations import RelationsIndex, count_with_relations, open_embassies, peak


@dataclass(frozen=True)
class Headlines:
    with_relations_today: int
    peak_count: int
    peak_year: int
    ever: int
    never_documented: int
    severed_or_suspended: int
    embassies_in_pyongyang: int
    dprk_embassies_abroad: int


def headlines(index: RelationsIndex, per_year: pd.DataFrame, today: dt.date) -> Headlines:
    rel = index.data.relations
    top, top_year = peak(per_year)
    return Headlines(
        with_relations_today=count_with_relations(index, today),
        peak_count=top,
        peak_year=top_year,
        ever=len(rel),
        never_documented=int((index.data.no_relations["claim"] == "never_had").sum()),
        severed_or_suspended=int(rel["status"].isin(["severed", "suspended"]).sum()),
        embassies_in_pyongyang=len(open_embassies(index, "in_pyongyang")),
        dprk_embassies_abroad=len(open_embassies(index, "dprk_abroad")),
    )


def partners_at(index: RelationsIndex, when: dt.date) -> list[str]:
    """Names of the parties with relations at ``when``, alphabetically (for the teachers' path)."""
    from atlas.core.countries import country_name

    return sorted(country_name(code) for code in index.parties_with_relations(when))


def next_establishment(index: RelationsIndex, after: dt.date) -> tuple[str, str] | None:
    """(name, readable date) of the first relations established after ``after``, from the data."""
    from atlas.core.countries import country_name
    from atlas.core.dates import date_start, format_partial

    # Rows whose date is not documented (empty) cannot be "next".
    later = [
        (date_start(row.established), row.iso3, row.established) for row in index.data.relations.itertuples() if row.established
    ]
    later = [item for item in later if item[0] > after]
    if not later:
        return None
    _, code, established = min(later)
    return country_name(code), format_partial(established)
