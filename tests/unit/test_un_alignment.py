"""UN General Assembly voting alignment with the DPRK: the rule, the shipped table, and the tool that builds it.

The raw data (the ``unvotes`` R package's ``un_votes.rda`` and ``un_roll_calls.rda``) are not in
the repository, so the tool is run here on a small synthetic sample written as R data files,
through the same entry point as ``python -m tools.un_alignment --raw DIR --write``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyreadr
import pytest

from atlas.core.countries import known_codes
from atlas.data.loading import read_table
from atlas.data.registry import DATASETS
from atlas.queries.un_votes import COLUMNS, FIRST_YEAR, alignment
from tools import un_alignment

# Roll calls: session 45 opened in 1990 (before the DPRK joined), 46 in 1991, 47 in 1992.
ROLL_CALLS = pd.DataFrame(
    [
        (1, 45, "1990-12-10"),
        (2, 46, "1991-10-20"),
        (3, 46, "1991-11-05"),
        (4, 46, "1991-12-01"),
        (5, 47, "1992-10-10"),
        (6, 47, "1992-11-11"),
        (7, 47, "1993-01-20"),  # a resumed meeting: counts for 1992, the year the session opened
    ],
    columns=["rcid", "session", "date"],
)

# (rcid, state, vote). The DPRK has no vote in roll call 4; South Korea is absent in 3.
VOTES = [
    (1, "PRK", "yes"),
    (1, "USA", "no"),  # 1990: not counted, though the two would disagree
    (2, "PRK", "yes"),
    (2, "CHN", "yes"),  # 1
    (2, "USA", "no"),  # 0
    (2, "KOR", "abstain"),  # 0.5
    (3, "PRK", "yes"),
    (3, "CHN", "abstain"),  # 0.5
    (3, "USA", "no"),  # 0
    (3, "KOR", "absent"),  # not a vote
    (4, "CHN", "no"),  # the DPRK did not vote: not counted
    (4, "USA", "yes"),
    (5, "PRK", "no"),
    (5, "CHN", "no"),  # 1
    (5, "USA", "yes"),  # 0
    (5, "KOR", "abstain"),  # 0.5
    (6, "PRK", "abstain"),
    (6, "CHN", "yes"),  # 0.5
    (6, "USA", "abstain"),  # 1
    (6, "KOR", "no"),  # 0.5
    (7, "PRK", "yes"),
    (7, "KOR", "no"),  # 0
]

EXPECTED = pd.DataFrame(
    [
        ("CHN", 1991, 2, 0.75),
        ("CHN", 1992, 2, 0.75),
        ("KOR", 1991, 1, 0.5),
        ("KOR", 1992, 3, 0.333),
        ("USA", 1991, 2, 0.0),
        ("USA", 1992, 2, 0.5),
    ],
    columns=COLUMNS,
)


def votes_frame(rows=VOTES) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["rcid", "iso3", "vote"])


def test_agreement_scores_yes_abstain_no_and_ignores_absences_and_years_before_1991():
    table = alignment(votes_frame(), ROLL_CALLS)
    pd.testing.assert_frame_equal(table, EXPECTED, check_dtype=False)
    assert table["year"].min() == FIRST_YEAR == 1991
    assert "PRK" not in set(table["iso3"])


@pytest.mark.parametrize(
    ("theirs", "ours", "expected"),
    [
        ("yes", "yes", 1.0),
        ("no", "no", 1.0),
        ("abstain", "abstain", 1.0),
        ("yes", "abstain", 0.5),
        ("abstain", "no", 0.5),
        ("yes", "no", 0.0),
        ("no", "yes", 0.0),
    ],
)
def test_one_roll_call_pair(theirs, ours, expected):
    table = alignment(votes_frame([(2, "PRK", theirs), (2, "CUB", ours)]), ROLL_CALLS)
    assert table.to_dict("records") == [{"iso3": "CUB", "year": 1991, "votes": 1, "agreement": expected}]


def test_a_state_without_a_shared_vote_has_no_row_and_two_votes_in_one_roll_call_are_refused():
    assert alignment(votes_frame([(2, "PRK", "yes"), (3, "CUB", "yes")]), ROLL_CALLS).empty
    with pytest.raises(ValueError, match="CUB has more than one vote in roll call 2"):
        alignment(votes_frame([(2, "PRK", "yes"), (2, "CUB", "yes"), (2, "CUB", "no")]), ROLL_CALLS)


# --- the shipped table --------------------------------------------------------------------------


def test_the_shipped_table_is_consistent():
    table = read_table("un_alignment")  # the schema: codes, types, ranges, one row per state and year
    assert list(table.columns) == list(DATASETS["un_alignment"].columns)
    assert table["agreement"].between(0, 1).all()
    assert (table["votes"] > 0).all()
    assert table["year"].between(FIRST_YEAR, dt.date.today().year).all()
    assert table["year"].min() == FIRST_YEAR
    assert set(table["iso3"]) <= known_codes()
    assert "PRK" not in set(table["iso3"]) and "KOR" in set(table["iso3"])
    assert not table.duplicated(["iso3", "year"]).any()
    assert (table["source_url"] == un_alignment.SOURCE_URL).all()
    # Every state that voted with the DPRK in the last year of the data, and the expected poles.
    last = table[table["year"] == table["year"].max()].set_index("iso3")["agreement"]
    assert len(last) > 180
    assert min(last[["CHN", "CUB", "SYR", "IRN"]]) > max(last[["USA", "ISR"]])


def test_the_tool_dates_belgrade_as_the_successions_file_does():
    successions = read_table("successions").set_index(["predecessor_iso3", "successor_iso3"])["date"]
    assert successions[("YUG", "SCG")] == un_alignment.FRY_FROM.isoformat()
    assert successions[("SCG", "SRB")] == un_alignment.SERBIA_FROM.isoformat()


# --- the tool, on a synthetic raw sample --------------------------------------------------------

ALPHA2 = {"PRK": "KP", "CHN": "CN", "USA": "US", "KOR": "KR"}
NAMES = {"KP": "North Korea", "CN": "China", "US": "United States", "KR": "South Korea", "YU": "Yugoslavia"}


def write_raw(folder, extra_votes=(), extra_calls=()) -> None:
    """The synthetic sample as the R package stores it: alpha-2 codes, a factor of votes, absences dropped."""
    rows = [(rcid, ALPHA2[iso3], vote) for rcid, iso3, vote in VOTES if vote in ("yes", "abstain", "no")]
    rows += list(extra_votes)
    votes = pd.DataFrame(
        {
            "rcid": [float(rcid) for rcid, _, _ in rows],
            "country": [NAMES.get(code, code) for _, code, _ in rows],
            "country_code": [code for _, code, _ in rows],
            "vote": pd.Categorical([vote for _, _, vote in rows], categories=["yes", "abstain", "no"]),
        }
    )
    calls = pd.concat([ROLL_CALLS, pd.DataFrame(list(extra_calls), columns=ROLL_CALLS.columns)], ignore_index=True)
    calls = calls.assign(date=pd.to_datetime(calls["date"]).dt.date, session=calls["session"].astype(float))
    pyreadr.write_rdata(str(folder / "un_votes.rda"), votes, df_name="un_votes", compress="gzip")
    pyreadr.write_rdata(str(folder / "un_roll_calls.rda"), calls, df_name="un_roll_calls", compress="gzip")


def test_the_tool_rebuilds_the_table_from_raw_r_data(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "data"
    raw.mkdir()
    out.mkdir()
    # Belgrade's seat (YU) votes once as Yugoslavia, once as the FRY and once as Serbia.
    write_raw(
        raw,
        extra_votes=[(2, "YU", "yes"), (8, "KP", "no"), (8, "YU", "abstain"), (9, "KP", "yes"), (9, "YU", "no")],
        extra_calls=[(8, 55, "2000-12-04"), (9, 61, "2006-12-19")],
    )
    assert un_alignment.main(["--raw", str(raw), "--write", "--data-dir", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out

    written = read_table("un_alignment", out)  # the schema the app loads it with
    belgrade = pd.DataFrame([("SCG", 2000, 1, 0.5), ("SRB", 2006, 1, 0.0), ("YUG", 1991, 1, 1.0)], columns=COLUMNS)
    expected = pd.concat([EXPECTED, belgrade]).sort_values(["iso3", "year"], ignore_index=True)
    pd.testing.assert_frame_equal(written[COLUMNS], expected, check_dtype=False)
    assert (written["source_url"] == un_alignment.SOURCE_URL).all()
    text = (out / "un_alignment.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "iso3,year,votes,agreement,source_url"
    assert f"KOR,1992,3,0.333,{un_alignment.SOURCE_URL}" in text.splitlines()

    # --check rebuilds the same table from the raw data, and refuses a table that differs or breaks the rules.
    assert un_alignment.main(["--raw", str(raw), "--check", "--data-dir", str(out)]) == 0
    assert un_alignment.main(["--check", "--data-dir", str(out)]) == 0
    (out / "un_alignment.csv").write_text(text.replace("KOR,1992,3,0.333", "KOR,1992,3,0.334"), encoding="utf-8")
    assert un_alignment.main(["--raw", str(raw), "--check", "--data-dir", str(out)]) == 1
    assert un_alignment.main(["--check", "--data-dir", str(out)]) == 0  # still within the rules
    (out / "un_alignment.csv").write_text(text.replace("KOR,1992,3,0.333", "KOR,1992,3,1.333"), encoding="utf-8")
    assert un_alignment.main(["--check", "--data-dir", str(out)]) == 1
    assert "column 'agreement'" in capsys.readouterr().out


def test_the_tool_refuses_an_unknown_code_and_an_uncoded_vote_after_1991(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    write_raw(raw, extra_votes=[(2, "QQ", "yes")])
    with pytest.raises(ValueError, match="unknown country code 'QQ'"):
        un_alignment.build(*un_alignment.read_raw(raw))
    write_raw(raw)
    votes, calls = un_alignment.read_raw(raw)
    votes["country_code"] = votes["country_code"].astype(object)
    votes.loc[0, "country_code"] = None  # roll call 1, 1990: allowed without a code
    assert len(un_alignment.build(votes, calls)) == len(EXPECTED)
    votes.loc[2, "country_code"] = None  # roll call 2, 1991
    with pytest.raises(ValueError, match="has no country code"):
        un_alignment.build(votes, calls)
