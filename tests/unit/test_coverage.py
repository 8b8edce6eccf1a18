"""Coverage of the relations data: precision counts, published checkpoints, every UN member placed.

Unit tests run on the synthetic world of tests/helpers.py; the shipped-data tests check the real
files against the published totals in data/checkpoints.csv and keep data/README.md's generated
coverage section in step with the data.
"""

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from atlas.core.regions import un_members
from atlas.data.loading import DATA_DIR, DataError, load_relations_data, read_table
from atlas.queries.coverage import (
    MAX_CHECKPOINT_GAP,
    checkpoint_table,
    coverage_markdown,
    current_section,
    precision,
    precision_counts,
    replace_section,
)
from atlas.queries.relations import RelationsIndex
from tests.support.data import SRC, columns, synthetic_data, write_csv

D = dt.date
TODAY = D(2026, 11, 29)
HEADER = columns("checkpoints")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = synthetic_data(tmp_path_factory.mktemp("data"))
    return folder, RelationsIndex(load_relations_data(folder), today=TODAY)


@pytest.mark.parametrize(
    ("date", "expected"),
    [("1948-10-12", "day"), ("1949-11", "month"), ("1973", "year"), ("", "not documented")],
)
def test_precision(date, expected):
    assert precision(date) == expected


def test_precision_counts_cover_every_row(world):
    _, index = world
    counts = precision_counts(index.data.relations)
    # Synthetic world: 5 dated to the day, East Germany to the month, Malaysia to the year,
    # Niger and Samoa undated.
    assert counts == {"day": 5, "month": 1, "year": 1, "not documented": 2}
    assert sum(counts.values()) == len(index.data.relations)


def test_checkpoint_table_compares_at_the_end_of_a_partial_date(world, tmp_path):
    _, index = world
    write_csv(
        tmp_path / "checkpoints.csv",
        [
            dict(side="dprk", date="1975", count="3", source_url=SRC),  # USSR, East Germany, Malaysia
            dict(side="dprk", date="1973-01-01", count="4", source_url=SRC),  # ours 3: one short
            dict(side="rok", date="1975", count="90", source_url=SRC),  # the other Korea: ignored
        ],
        HEADER,
    )
    table = checkpoint_table(index, read_table("checkpoints", tmp_path))
    assert list(table["date"]) == ["1973-01-01", "1975"]
    assert list(table["ours"]) == [3, 3]
    assert list(table["diff"]) == [-1, 0]


def test_undated_relations_count_in_no_past_checkpoint(world, tmp_path):
    _, index = world
    write_csv(tmp_path / "checkpoints.csv", [dict(side="dprk", date="2025-12-31", count="4", source_url=SRC)], HEADER)
    # Germany, Russia, Australia at the end of 2025 (Ukraine and Malaysia severed); Niger's
    # undated relation is not counted before today.
    assert checkpoint_table(index, read_table("checkpoints", tmp_path))["ours"].tolist() == [3]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (dict(side="both", date="1975", count="3"), r"line 2, column 'side': must be one of: dprk, rok"),
        (dict(side="dprk", date="1975-13", count="3"), r"line 2, column 'date': must be an ISO date"),
        (dict(side="dprk", date="1975", count="about 90"), r"line 2, column 'count': must be a whole number"),
        (dict(side="dprk", date="1975", count="3", source_url="somewhere"), r"line 2, column 'source_url': must be a full http"),
    ],
)
def test_malformed_checkpoints_are_rejected(tmp_path, row, message):
    write_csv(tmp_path / "checkpoints.csv", [{"source_url": SRC, **row}], HEADER)
    with pytest.raises(DataError, match=message):
        read_table("checkpoints", tmp_path)


def test_missing_checkpoints_file_is_named(tmp_path):
    with pytest.raises(DataError, match="checkpoints.csv: the file is missing"):
        read_table("checkpoints", tmp_path)


def test_generated_section_replaces_only_its_markers(world):
    _, index = world
    section = coverage_markdown(index, pd.DataFrame(columns=HEADER))
    readme = "intro\n" + section.replace("**", "~~") + "\noutro\n"
    rewritten = replace_section(readme, section)
    assert rewritten.startswith("intro\n") and rewritten.endswith("\noutro\n")
    assert current_section(rewritten) == section
    assert "| not documented | 2 |" in section
    with pytest.raises(ValueError, match="no coverage markers"):
        replace_section("no markers here", section)


# --- the shipped data ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped():
    return RelationsIndex(load_relations_data())


def test_readme_coverage_section_is_generated_from_the_data(shipped):
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    expected = coverage_markdown(shipped, read_table("checkpoints", DATA_DIR))
    assert current_section(readme) == expected, "run: python tools/coverage.py --write"


def test_eritrea_keeps_its_own_record(shipped):
    """Before independence Eritrea's land shows Ethiopia's relations, with Ethiopia's date labelled
    as Ethiopia's; from 1993 only Eritrea's own record counts."""
    from atlas.core.dates import format_partial
    from atlas.queries.relations import relations_at

    in_1980 = relations_at(shipped, D(1980, 12, 31)).set_index("iso3").loc["ERI"]
    ethiopia = format_partial(shipped.data.relations.set_index("iso3").loc["ETH", "established"])
    assert in_1980["category"] == "via_predecessor" and in_1980["established"] == f"{ethiopia} (Ethiopia)"
    in_2000 = relations_at(shipped, D(2000, 12, 31)).set_index("iso3").loc["ERI"]
    assert in_2000["category"] == "relations" and in_2000["established"] == "1993"
    assert shipped.data.relations.set_index("iso3").loc["ERI", "established"] == "1993"


def test_every_un_member_is_placed(shipped):
    placed = set(shipped.data.relations["iso3"]) | set(shipped.data.no_relations["iso3"])
    missing = sorted(un_members() - placed - {"PRK"})
    assert not missing, f"UN members in neither relations.csv nor no_relations.csv: {missing}"


def test_published_checkpoints_are_matched(shipped):
    table = checkpoint_table(shipped, read_table("checkpoints", DATA_DIR))
    assert not table.empty, "data/checkpoints.csv has no side=dprk rows"
    short = table[table["diff"].abs() > MAX_CHECKPOINT_GAP]
    assert short.empty, f"checkpoints off by more than {MAX_CHECKPOINT_GAP}:\n" + short[
        ["date", "published", "ours", "diff"]
    ].to_string(index=False)


# Mission checkpoints the data cannot match within MAX_MISSION_GAP yet; each row's notes in
# data/checkpoints.csv say why. Shrink only: remove an entry when the data catches up.
KNOWN_MISSION_GAPS = {
    ("embassies_in_pyongyang", "2021-04-01"): "a nominal count of ~25, embassies whose staff had left included",
}


def test_mission_counts_match_the_published_checkpoints(shipped):
    from atlas.queries.coverage import MAX_MISSION_GAP, mission_checkpoint_table

    table = mission_checkpoint_table(shipped, read_table("checkpoints", DATA_DIR))
    assert set(table["side"]) == {"embassies_in_pyongyang", "dprk_embassies_abroad", "dprk_missions_abroad"}
    off = table[table["diff"].abs() > MAX_MISSION_GAP]
    keys = set(zip(off["side"], off["date"], strict=True))
    assert keys <= set(KNOWN_MISSION_GAPS), "mission checkpoints off by more than 2:\n" + off.to_string(index=False)
    assert set(KNOWN_MISSION_GAPS) <= keys, (
        f"now within {MAX_MISSION_GAP}: drop from KNOWN_MISSION_GAPS: {set(KNOWN_MISSION_GAPS) - keys}"
    )


def test_missions_open_at_counts_by_dates_and_status():
    from atlas.data.loading import RelationsData
    from atlas.queries.coverage import missions_open_at

    base = dict(iso3="AUS", city="", source_url=SRC, notes="")
    missions = pd.DataFrame(
        [
            dict(base, side="dprk_abroad", type="embassy", opened="1990", closed="2000", status="closed"),
            # Undated opening: placed from the start of relations with Australia (1974-07-31).
            dict(base, side="dprk_abroad", type="embassy", opened="", closed="", status="open"),
            dict(base, side="dprk_abroad", type="embassy", opened="", closed="", status="closed"),  # date unknown
            dict(base, side="dprk_abroad", type="non_resident", opened="", closed="", status="open"),
            dict(base, side="dprk_abroad", type="consulate", opened="2010-05", closed="", status="open"),
        ]
    )
    relations = pd.DataFrame([dict(iso3="AUS", name="Australia", established="1974-07-31", status="active")])
    empty = pd.DataFrame()
    index = RelationsIndex(
        RelationsData(relations, empty, pd.DataFrame(columns=columns("successions")), missions, empty), today=TODAY
    )
    assert missions_open_at(index, "dprk_embassies_abroad", D(1970, 1, 1)) == 0
    assert missions_open_at(index, "dprk_embassies_abroad", D(1995, 1, 1)) == 2
    assert missions_open_at(index, "dprk_embassies_abroad", D(2005, 1, 1)) == 1
    assert missions_open_at(index, "dprk_missions_abroad", D(2011, 1, 1)) == 2


# Named lists of missions published at a date (tests/unit/outside_mission_lists.csv, one row per
# mission a list names, with the list's own words). Every one must be a row of missions.csv open
# at that date, except where the sources disagree; each exception says why, in the row's notes too.
OUTSIDE_LISTS = Path(__file__).with_name("outside_mission_lists.csv")
KNOWN_LIST_CONFLICTS = {
    (
        "rok_mofa_2023_12",
        "dprk_abroad",
        "COD",
    ): "DR Congo announced the closure in Nov 2023; the withdrawal was under way on 5 Dec 2023",
    ("segye_2025_02_21", "in_pyongyang", "CHE"): "the Swiss ambassador who presented credentials in Feb 2025 resides in Beijing",
}


def test_every_mission_a_published_list_names_is_open_in_the_data(shipped):
    from atlas.queries.missions import open_missions

    lists = pd.read_csv(OUTSIDE_LISTS, dtype=str, keep_default_na=False)
    assert {"rok_mofa_2023_12", "donga_2021_10_11", "segye_2025_02_21"} <= set(lists["list"])
    missing = []
    for as_of, named in lists.groupby("as_of"):
        open_then = open_missions(shipped, dt.date.fromisoformat(as_of))
        for row in named.itertuples():
            found = open_then[(open_then["iso3"] == row.iso3) & (open_then["side"] == row.side)]
            if row.city:  # a consulate or office: that city's
                found = found[(found["city"] == row.city) & (found["type"] == row.type)]
            if found.empty:
                missing.append((row.list, row.side, row.iso3))
    assert set(missing) <= set(KNOWN_LIST_CONFLICTS), "named by a published list but not open in missions.csv:\n" + "\n".join(
        map(str, sorted(set(missing) - set(KNOWN_LIST_CONFLICTS)))
    )
    assert set(KNOWN_LIST_CONFLICTS) <= set(missing), (
        f"now open as listed: drop from KNOWN_LIST_CONFLICTS: {set(KNOWN_LIST_CONFLICTS) - set(missing)}"
    )
