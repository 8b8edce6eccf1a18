"""UN General Assembly voting alignment with the DPRK (pure: pandas only, no Streamlit).

The rule (``alignment``): over the recorded roll calls of a year in which both a state and the
DPRK voted yes, abstain or no, score yes = 1, abstain = 0.5, no = 0 and average
``1 - |state - DPRK|``. So yes/yes (or no/no, abstain/abstain) counts 1, yes/abstain (or
abstain/no) 0.5 and yes/no 0. A roll call where either side was absent, not voting or not yet a
member does not count at all.

A year is the year the General Assembly session opened (session N opened in 1945 + N, as in the
``year`` variable of Voeten's data): votes of a session's resumed meetings early the next year
count for the year it opened. The DPRK was admitted on 17 September 1991, the opening day of
the 46th session, so the first year is 1991.

``tools/un_alignment.py`` reads the raw data, gives each vote its ISO 3166 alpha-3 code and calls
``alignment``; ``data/un_alignment.csv`` is its output.
"""

from __future__ import annotations

import pandas as pd

# The DPRK joined the UN on 17 September 1991, the first day of the 46th session.
FIRST_YEAR = 1991
# Session N of the General Assembly opened in year 1945 + N (the 1st in January 1946 is the one
# exception; it does not matter here).
SESSION_YEAR_OFFSET = 1945
SCORES = {"yes": 1.0, "abstain": 0.5, "no": 0.0}
PARTNER = "PRK"
COLUMNS = ["iso3", "year", "votes", "agreement"]


def session_year(session: pd.Series) -> pd.Series:
    """The year each General Assembly session opened (46 -> 1991)."""
    return (pd.to_numeric(session, errors="raise") + SESSION_YEAR_OFFSET).astype("int64")


def alignment(
    votes: pd.DataFrame, roll_calls: pd.DataFrame, partner: str = PARTNER, first_year: int = FIRST_YEAR
) -> pd.DataFrame:
    """Each state's yearly agreement with ``partner`` in the General Assembly's roll calls.

    ``votes``: one row per state and roll call, columns ``rcid``, ``iso3`` and ``vote`` ('yes',
    'abstain' or 'no'; any other value, such as absent or a missing code, is not a vote and is
    ignored). ``roll_calls``: columns ``rcid`` and ``session``; a vote whose roll call is not
    listed there is ignored. Returns ``iso3, year, votes, agreement`` (``votes``: roll calls both
    voted on; ``agreement``: the mean of ``1 - |a - b|``, rounded to 3 decimals) for every state
    other than the partner and every year from ``first_year`` in which both voted at least once,
    sorted by state and year. Raises ``ValueError`` if a state has two votes in one roll call.
    """
    cast = votes[["rcid", "iso3", "vote"]].copy()
    cast["score"] = cast["vote"].astype("string").str.strip().str.lower().map(SCORES).astype("float64")
    cast = cast.dropna(subset=["score", "iso3"])
    cast["rcid"] = pd.to_numeric(cast["rcid"], errors="raise").astype("int64")
    twice = cast.duplicated(["rcid", "iso3"], keep=False)
    if twice.any():
        first = cast[twice].iloc[0]
        raise ValueError(f"{first['iso3']} has more than one vote in roll call {first['rcid']}")

    years = pd.DataFrame(
        {
            "rcid": pd.to_numeric(roll_calls["rcid"], errors="raise").astype("int64"),
            "year": session_year(roll_calls["session"]),
        }
    ).drop_duplicates("rcid")
    cast = cast.merge(years, on="rcid", how="inner")
    cast = cast[cast["year"] >= first_year]

    theirs = cast.loc[cast["iso3"] == partner, ["rcid", "score"]].rename(columns={"score": "partner"})
    pairs = cast[cast["iso3"] != partner].merge(theirs, on="rcid", how="inner")
    pairs["agree"] = 1.0 - (pairs["score"] - pairs["partner"]).abs()
    out = (
        pairs.groupby(["iso3", "year"], as_index=False)
        .agg(votes=("agree", "size"), agreement=("agree", "mean"))
        .sort_values(["iso3", "year"], ignore_index=True)
    )
    out["iso3"] = out["iso3"].astype(str)
    out["year"] = out["year"].astype("int64")
    out["votes"] = out["votes"].astype("int64")
    out["agreement"] = out["agreement"].astype("float64").round(3)
    return out[COLUMNS]
