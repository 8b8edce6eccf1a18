"""The shipped data passes its schemas; corrupted copies are rejected with a precise message."""

import datetime as dt
import re

import pandas as pd
import pytest

from atlas.data.loading import DATA_DIR, DataError, load_relations_data, read_table
from atlas.data.registry import DATASETS
from atlas.queries.relations import RelationsIndex, count_with_relations
from tests.support.data import copy_shipped_data


@pytest.fixture(scope="module")
def shipped():
    return load_relations_data()


@pytest.mark.parametrize("name", list(DATASETS))
def test_every_shipped_file_passes_its_schema(name):
    table = read_table(name)
    assert len(table) > 0
    assert table["source_url"].str.match(r"^https?://").all()


def test_relations_files_pass_cross_checks(shipped):
    assert {"SUN", "DDR", "CSK", "YUG", "VDR"} <= set(shipped.relations["iso3"])
    never = shipped.no_relations
    assert {"USA", "JPN", "FRA", "KOR", "EST"} <= set(never.loc[never["claim"] == "never_had", "iso3"])
    # A state with a sourced relation can never also be listed as without relations.
    assert not set(never["iso3"]) & set(shipped.relations["iso3"])
    assert set(shipped.successions["predecessor_iso3"]) >= {"SUN", "DDR", "CSK", "YUG"}


def test_count_today_matches_data_readme(shipped):
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"Parties with active relations today: \*\*(\d+)\*\*", readme)
    assert stated, "data/README.md must state the count of parties with relations today"
    assert count_with_relations(RelationsIndex(shipped), dt.date.today()) == int(stated.group(1))


def test_every_relation_has_its_established_event(shipped):
    established = shipped.events[shipped.events["event"] == "established"]
    pairs = set(zip(established["iso3"], established["date"], strict=True))
    for row in shipped.relations.itertuples():
        if row.established:
            assert (row.iso3, row.established) in pairs
        else:  # date not documented: no dated establishment anywhere, and notes say why
            assert row.iso3 not in set(established["iso3"]) and row.notes


def _corrupt(tmp_path, filename, change):
    data_dir = copy_shipped_data(tmp_path / "data")
    path = data_dir / filename
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = change(frame)
    frame.to_csv(path, index=False)
    return data_dir


def _set(row, column, value):
    def change(frame):
        frame.loc[row, column] = value
        return frame

    return change


@pytest.mark.parametrize(
    ("filename", "change", "expected"),
    [
        (
            "relations.csv",
            _set(0, "established", "1975-13-01"),
            r"relations\.csv, line 2, column 'established': must be an ISO date",
        ),
        ("relations.csv", _set(1, "established", "2999-01-01"), r"relations\.csv, line 3, column 'established': .*to today"),
        (
            "relations.csv",
            _set(1, "established", "1930"),
            r"line 3, column 'established': must be an ISO date .* from 1948-09-09",
        ),
        ("relations.csv", _set(2, "iso3", "XYZ"), r"relations\.csv, line 4, column 'iso3': must be an ISO 3166 alpha-3 code"),
        (
            "relations.csv",
            _set(3, "source_url", ""),
            r"relations\.csv, line 5, column 'source_url': must be a full http\(s\) URL",
        ),
        ("relations.csv", _set(3, "source_url", "not a url"), r"line 5, column 'source_url'"),
        ("relations.csv", _set(4, "status", "friendly"), r"line 6, column 'status': must be one of: active"),
        ("relations.csv", lambda f: pd.concat([f, f.iloc[[0]]]), r"relations\.csv, line \d+, column 'iso3': duplicate value"),
        ("relations.csv", lambda f: f.drop(columns=["source_url"]), r"relations\.csv: the column 'source_url' is missing"),
        ("relation_events.csv", _set(0, "event", "married"), r"relation_events\.csv, line 2, column 'event': must be one of"),
        ("missions.csv", _set(0, "side", "sideways"), r"missions\.csv, line 2, column 'side'"),
        ("successions.csv", _set(0, "territory", "most"), r"successions\.csv, line 2, column 'territory'"),
        ("no_relations.csv", _set(0, "claim", "probably"), r"no_relations\.csv, line 2, column 'claim': must be one of"),
    ],
)
def test_corrupted_copies_are_rejected(tmp_path, filename, change, expected):
    data_dir = _corrupt(tmp_path, filename, change)
    with pytest.raises(DataError, match=expected):
        load_relations_data(data_dir)


def test_event_before_establishment_is_rejected(tmp_path):
    def change(frame):
        index = frame.index[(frame["iso3"] == "AUS") & (frame["event"] == "suspended")][0]
        frame.loc[index, "date"] = "1960-01-01"
        return frame

    data_dir = _corrupt(tmp_path, "relation_events.csv", change)
    with pytest.raises(
        DataError, match=r"relation_events\.csv, line \d+, column 'date': AUS: 'suspended' on 1960-01-01 is before"
    ):
        load_relations_data(data_dir)


def test_established_mismatch_and_unknown_reference_are_rejected(tmp_path):
    def change(frame):
        frame.loc[frame["iso3"] == "CHN", "established"] = "1949-10-07"
        return frame

    with pytest.raises(
        DataError, match=r"relations\.csv, line \d+, column 'established': CHN: established 1949-10-07 does not match"
    ):
        load_relations_data(_corrupt(tmp_path / "a", "relations.csv", change))
    with pytest.raises(DataError, match=r"missions\.csv, line 2, column 'iso3': ATA has no row"):
        load_relations_data(_corrupt(tmp_path / "b", "missions.csv", _set(0, "iso3", "ATA")))


def test_missing_and_unreadable_files(tmp_path):
    data_dir = copy_shipped_data(tmp_path / "data")
    (data_dir / "successions.csv").unlink()
    with pytest.raises(DataError, match=r"data/successions\.csv: the file is missing"):
        load_relations_data(data_dir)
    (data_dir / "gifts.csv").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(DataError, match=r"data/gifts\.csv: the file cannot be read as CSV"):
        read_table("gifts", data_dir)


def _undated_copy(tmp_path, iso3, keep_event=False, **also):
    """A data copy where ``iso3``'s relation has no establishment date (plus ``also`` column values)."""

    def change(frame):
        frame.loc[frame["iso3"] == iso3, "established"] = ""
        for column, value in also.items():
            frame.loc[frame["iso3"] == iso3, column] = value
        return frame

    data_dir = _corrupt(tmp_path, "relations.csv", change)
    if not keep_event:
        path = data_dir / "relation_events.csv"
        events = pd.read_csv(path, dtype=str, keep_default_na=False)
        events[~((events["iso3"] == iso3) & (events["event"] == "established"))].to_csv(path, index=False)
    return data_dir


@pytest.mark.parametrize(
    ("iso3", "keep_event", "also", "expected"),
    [
        ("CHN", True, {}, r"column 'established': CHN: established is empty but relation_events\.csv dates it"),
        ("CHN", False, {"notes": ""}, r"column 'notes': CHN: a relation without an establishment date needs notes"),
        ("HUN", False, {}, r"column 'alt_established': HUN: an alternative date needs a main date"),
        ("CHN", False, {"status": "severed"}, r"column 'status': CHN: status 'severed' contradicts"),
    ],
)
def test_undated_relation_rules(tmp_path, iso3, keep_event, also, expected):
    with pytest.raises(DataError, match=expected):
        load_relations_data(_undated_copy(tmp_path, iso3, keep_event, **also))


def test_undated_relation_is_accepted(tmp_path):
    data = load_relations_data(_undated_copy(tmp_path, "CHN"))
    assert data.relations.set_index("iso3").loc["CHN", "established"] == ""
