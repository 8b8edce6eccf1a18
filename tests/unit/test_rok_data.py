"""The Republic of Korea's relations files: schemas, cross-checks, breaks, and published totals."""

import datetime as dt

import pandas as pd
import pytest

from atlas.core.dates import parse_partial
from atlas.core.regions import un_members
from atlas.data.loading import DataError, load_rok_relations_data, read_table
from atlas.queries.relations import RelationsIndex, count_with_relations
from tests.support.data import copy_shipped_data


@pytest.fixture(scope="module")
def rok():
    return RelationsIndex(load_rok_relations_data())


def _history(index, iso3):
    events = index.data.events
    mine = events[events["iso3"] == iso3]
    return list(zip(mine["date"], mine["event"], strict=True))


def test_every_un_member_but_the_two_koreas_has_a_row(rok):
    assert un_members() - set(rok.data.relations["iso3"]) == {"KOR", "PRK"}


def test_breaks_and_restorations_are_recorded(rok):
    assert _history(rok, "LAO") == [("1974-06-22", "established"), ("1975-07-24", "severed"), ("1995-10-25", "restored")]
    assert ("1992-08-23", "severed") in _history(rok, "TWN")
    assert rok.own_status("TWN", dt.date(1992, 12, 31)) == "severed"
    assert rok.own_status("KHM", dt.date(1980, 1, 1)) == "severed"
    assert rok.own_status("KHM", dt.date(1998, 1, 1)) == "active"
    assert rok.own_status("MLT", dt.date(1980, 1, 1)) == "suspended"


def test_south_vietnam_and_vietnam_share_one_code_with_a_gap(rok):
    assert rok.own_status("VNM", dt.date(1970, 1, 1)) == "active"
    assert rok.own_status("VNM", dt.date(1980, 1, 1)) == "severed"
    assert rok.own_status("VNM", dt.date(1993, 1, 1)) == "active"


def test_successions_reuse_the_shared_file_where_they_apply(rok):
    succ = rok.data.successions
    pairs = set(zip(succ["predecessor_iso3"], succ["successor_iso3"], strict=True))
    assert {("SUN", "UKR"), ("CSK", "SVK"), ("YUG", "HRV"), ("YMD", "YEM")} <= pairs
    # The DPRK-only predecessors (East Germany, North Vietnam) never had relations with Seoul.
    assert not {p for p, _ in pairs} & {"DDR", "VDR"}
    assert rok.status("UKR", dt.date(1991, 1, 1)).category == "via_predecessor"
    assert rok.status("UKR", dt.date(1989, 1, 1)).category == "none"


def test_counts_reproduce_published_totals():
    checkpoints = read_table("checkpoints")
    rok_rows = checkpoints[checkpoints["side"] == "rok"]
    assert len(rok_rows) >= 10
    index = RelationsIndex(load_rok_relations_data())
    for row in rok_rows.itertuples():
        start, precision = parse_partial(row.date)
        # A year-only checkpoint is the source's count at the end of that year.
        when = dt.date(start.year, 12, 31) if precision == "year" else start
        counted = count_with_relations(index, when)
        assert abs(counted - int(row.count)) <= 3, f"{row.date}: atlas {counted}, source {row.count}"


def test_broken_rok_file_names_the_rok_file(tmp_path):
    data_dir = copy_shipped_data(tmp_path / "data")
    path = data_dir / "rok_relations.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[frame["iso3"] == "LAO", "status"] = "severed"
    frame.to_csv(path, index=False)
    with pytest.raises(DataError, match=r"rok_relations\.csv, line \d+, column 'status': LAO.*rok_relation_events\.csv"):
        load_rok_relations_data(data_dir)


def test_rok_events_may_not_record_missions(tmp_path):
    data_dir = copy_shipped_data(tmp_path / "data")
    path = data_dir / "rok_relation_events.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[0, "event"] = "embassy_opened"
    frame.to_csv(path, index=False)
    with pytest.raises(DataError, match=r"rok_relation_events\.csv, line 2, column 'event'"):
        load_rok_relations_data(data_dir)
