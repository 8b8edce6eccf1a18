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

import datetime as dt
from collections.abc import Iterable, Mapping

import pandas as pd

from atlas.core.countries import country_name
from atlas.core.i18n import N_, _

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


# --- The alignment map (``/map?view=alignment``): classes, a year's map table, rankings ---------

# Fewer shared roll calls than this and a share says little (one vote is 0, 0.5 or 1): such a
# state is drawn as "too few votes" and left out of the rankings.
MIN_VOTES = 10

# Binned classes, most aligned first: (class, lowest agreement it holds). Five classes rather than
# a continuous bar because a projector washes out neighbouring shades and a class can be named
# aloud. The bounds follow where the states are: most states agree with the DPRK on 65-90% of
# the recorded votes (the many resolutions both support), so the classes are narrow there and
# one class holds everything under 50%, where a state's votes went against the DPRK's more often
# than with them.
ALIGNMENT_BINS = (("a90", 0.9), ("a80", 0.8), ("a65", 0.65), ("a50", 0.5), ("below50", 0.0))
ALIGNMENT_LABELS = {
    "a90": N_("Agreed 90–100% of the time"),
    "a80": N_("80–90%"),
    "a65": N_("65–80%"),
    "a50": N_("50–65%"),
    "below50": N_("Under 50%: more often against the DPRK than with it"),
    "few": N_("Too few votes shared with the DPRK (under 10)"),
    "none": N_("No votes that session (not a UN member, or absent)"),
    "dprk": N_("North Korea (DPRK)"),
}
ALIGNMENT_COLUMNS = ["iso3", "name", "category", "detail", "share", "votes", "agreement"]

# A session opens in September: a successor that became independent after that did not yet
# vote in its own right, and its territory takes its predecessor's seat for that session.
_SESSION_OPENS = (9, 1)


def alignment_class(agreement: float | None, votes: int | None, min_votes: int = MIN_VOTES) -> str:
    """The map class of one state's year: a bin of ``ALIGNMENT_BINS``, ``few`` or ``none``."""
    if votes is None or agreement is None or pd.isna(votes) or pd.isna(agreement) or votes <= 0:
        return "none"
    if votes < min_votes:
        return "few"
    for key, lowest in ALIGNMENT_BINS:
        if agreement >= lowest:
            return key
    return ALIGNMENT_BINS[-1][0]


def alignment_years(table: pd.DataFrame) -> list[int]:
    """The session years the table has data for, in order."""
    return sorted(int(year) for year in table["year"].unique())


def percent(agreement: float) -> str:
    """0.834 -> '83.4%': one decimal, so a share never reads as the class above it (0.896 is not '90%')."""
    return f"{float(agreement) * 100:.1f}%"


def _seat_holder(
    code: str, year: int, rows: dict[str, dict], predecessors: Mapping[str, Iterable[tuple]], depth: int = 0
) -> str | None:
    """The code whose vote stands for ``code``'s territory in session ``year``: its own, else a
    predecessor's that still held the seat when the session opened (Serbia's is Serbia and
    Montenegro's until 2005, Yugoslavia's in 1991)."""
    if code in rows:
        return code
    if depth > 3:
        return None
    opened = dt.date(year, *_SESSION_OPENS)
    for entry in predecessors.get(code, ()):
        predecessor, start = entry[0], entry[1]
        if start > opened:
            holder = _seat_holder(predecessor, year, rows, predecessors, depth + 1)
            if holder:
                return holder
    return None


def alignment_status(
    table: pd.DataFrame,
    year: int,
    codes: Iterable[str],
    predecessors: Mapping[str, Iterable[tuple]] | None = None,
    territory_of: Mapping[str, str] | None = None,
    min_votes: int = MIN_VOTES,
) -> pd.DataFrame:
    """One row per map code for session ``year``: the alignment map's table.

    ``table``: ``un_alignment`` rows. ``predecessors``: successor code -> ``(predecessor, date
    of succession, …)`` tuples (``RelationsIndex.predecessors``), so a territory whose state did
    not yet sit in its own name takes its predecessor's vote, said in ``detail``. A dependent
    territory (``territory_of``) takes its state's, also said. Columns ``ALIGNMENT_COLUMNS``:
    ``share`` is the agreement as a percentage text (``—`` when none), ``votes`` the shared roll
    calls as text, ``agreement`` the number (NaN when none).
    """
    predecessors = predecessors or {}
    territory_of = territory_of or {}
    year_rows = table[table["year"] == year]
    rows = {row["iso3"]: row for row in year_rows.to_dict("records")}
    records = []
    for code in codes:
        name = country_name(code)
        if code == PARTNER:
            records.append(
                {"iso3": code, "name": name, "category": "dprk", "detail": "", "share": "—", "votes": "—", "agreement": None}
            )
            continue
        owner = territory_of.get(code)
        holder = _seat_holder(owner or code, year, rows, predecessors)
        row = rows.get(holder) if holder else None
        if owner and row is not None:
            detail = _("as part of {name}").format(name=country_name(owner))
        elif row is not None and holder != code:
            detail = _("the vote of {name}").format(name=country_name(holder))
        else:
            detail = ""
        category = alignment_class(row["agreement"], row["votes"], min_votes) if row is not None else "none"
        records.append(
            {
                "iso3": code,
                "name": name,
                "category": category,
                "detail": detail,
                "share": percent(row["agreement"]) if row is not None else "—",
                "votes": str(int(row["votes"])) if row is not None else "—",
                "agreement": float(row["agreement"]) if row is not None else None,
            }
        )
    out = pd.DataFrame(records, columns=ALIGNMENT_COLUMNS)
    out["agreement"] = out["agreement"].astype("float64")
    return out


def ranked(table: pd.DataFrame, year: int, min_votes: int = MIN_VOTES, exclude: Iterable[str] = ()) -> pd.DataFrame:
    """States of session ``year`` with at least ``min_votes`` shared votes, most aligned first.

    Columns ``rank`` (1 = most aligned; tied states share a rank), ``iso3``, ``name``,
    ``agreement``, ``votes``. Ties are listed by more shared votes, then by code, so the order
    never depends on the file's.
    """
    rows = table[(table["year"] == year) & (table["votes"] >= min_votes) & ~table["iso3"].isin(list(exclude))]
    rows = rows.sort_values(["agreement", "votes", "iso3"], ascending=[False, False, True], ignore_index=True)
    out = pd.DataFrame(
        {
            "rank": rows["agreement"].rank(method="min", ascending=False).astype("int64"),
            "iso3": rows["iso3"].astype(str),
            "name": [country_name(code) for code in rows["iso3"]],
            "agreement": rows["agreement"].astype("float64"),
            "votes": rows["votes"].astype("int64"),
        }
    )
    return out


def most_and_least(
    table: pd.DataFrame, year: int, count: int = 10, min_votes: int = MIN_VOTES, exclude: Iterable[str] = ()
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``count`` most aligned states of the year (most first) and the ``count`` least (least first)."""
    order = ranked(table, year, min_votes, exclude)
    least = order.sort_values(["agreement", "votes", "iso3"], ascending=[True, False, True])
    return order.head(count).reset_index(drop=True), least.head(count).reset_index(drop=True)


def state_figure(table: pd.DataFrame, year: int, code: str, min_votes: int = MIN_VOTES) -> dict | None:
    """One state's year (``agreement``, ``votes``, ``rank`` among ``ranked`` states or None when it
    has too few votes, ``ranked``: how many are ranked), or None when it has no row that year."""
    row = table[(table["year"] == year) & (table["iso3"] == code)]
    if row.empty:
        return None
    order = ranked(table, year, min_votes)
    place = order.loc[order["iso3"] == code, "rank"]
    return {
        "agreement": float(row["agreement"].iloc[0]),
        "votes": int(row["votes"].iloc[0]),
        "rank": int(place.iloc[0]) if len(place) else None,
        "ranked": len(order),
    }
