"""The diplomatic network at a date, on a small synthetic world (tests/support/data.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from atlas.data.loading import load_relations_data
from atlas.queries import missions as m
from atlas.queries.relations import RelationsIndex
from tests.support.data import SRC, columns, synthetic_data, write_csv

D = dt.date
TODAY = D(2026, 11, 29)


@pytest.fixture
def index(tmp_path):
    folder = synthetic_data(tmp_path)
    base = dict(city="", source_url=SRC, notes="")
    rows = [
        dict(
            base,
            iso3="SUN",
            side="in_pyongyang",
            type="embassy",
            city="Pyongyang",
            opened="1949",
            closed="1991-12",
            status="closed",
        ),
        dict(
            base,
            iso3="SUN",
            side="dprk_abroad",
            type="embassy",
            city="Moscow",
            opened="1949-01",
            closed="1991-12",
            status="closed",
        ),
        # Russia's embassy: no source dates its opening, so it is placed from the start of relations.
        dict(base, iso3="RUS", side="in_pyongyang", type="embassy", city="Pyongyang", status="open"),
        dict(
            base,
            iso3="AUS",
            side="dprk_abroad",
            type="embassy",
            city="Canberra",
            opened="1974-12",
            closed="1975-11",
            status="closed",
        ),
        dict(base, iso3="DEU", side="in_pyongyang", type="embassy", opened="2001", closed="2020-03-09", status="suspended"),
        dict(base, iso3="MYS", side="dprk_abroad", type="non_resident", city="Jakarta", opened="1980", status="open"),
        dict(base, iso3="MYS", side="dprk_abroad", type="embassy", status="closed"),  # closed, date not documented
    ]
    write_csv(folder / "missions.csv", rows, columns("missions"))
    return RelationsIndex(load_relations_data(folder), today=TODAY)


def by_code(index, when):
    return m.network_status_at(index, when).set_index("iso3")


def test_a_dissolved_states_missions_are_drawn_on_its_territory_until_the_succession(index):
    in_1980 = by_code(index, D(1980, 12, 31))
    assert in_1980.at["UKR", "category"] == "both"
    assert in_1980.at["UKR", "in_pyongyang"].startswith("Soviet Union: Embassy in Pyongyang (since 1949)")
    assert in_1980.at["RUS", "category"] == "both"  # the USSR's record, not Russia's undated one
    in_2000 = by_code(index, D(2000, 12, 31))
    assert in_2000.at["UKR", "category"] == "none"
    assert in_2000.at["RUS", "category"] == "in_pyongyang"
    assert m.UNDATED_NOTE in in_2000.at["RUS", "in_pyongyang"]


def test_openings_closings_and_suspensions_follow_their_dates(index):
    assert by_code(index, D(1975, 6, 30)).at["AUS", "category"] == "dprk_abroad"
    assert by_code(index, D(1975, 12, 31)).at["AUS", "category"] == "none"
    assert by_code(index, D(2010, 12, 31)).at["DEU", "category"] == "in_pyongyang"
    assert by_code(index, D(2021, 12, 31)).at["DEU", "category"] == "none"  # staff withdrawn in 2020
    # A non-resident accreditation is shown, never counted as a mission.
    assert by_code(index, D(1990, 12, 31)).at["MYS", "category"] == "non_resident"
    assert m.count_open(index, "dprk_abroad", D(1990, 12, 31)) == 1  # the USSR only


def test_the_network_per_year_counts_resident_missions_at_year_end(index):
    per_year = m.network_per_year(index, 1948, 2026, TODAY).set_index("year")
    assert per_year.at[1948, "in_pyongyang"] == 0
    assert per_year.at[1974, "dprk_abroad"] == 2  # Moscow and Canberra (from December 1974)
    assert per_year.at[1975, "dprk_abroad"] == 1
    assert per_year.at[1995, "in_pyongyang"] == 1 and per_year.at[1995, "in_pyongyang_undated"] == 1
    assert per_year.at[2026, "in_pyongyang"] == 1  # Germany's staff left in 2020


def test_a_years_openings_and_closings_are_listed_in_date_order(index):
    year = m.year_openings_closings(index, 1975)
    assert list(zip(year["iso3"], year["change"], strict=True)) == [("AUS", "closed")]
    assert list(m.year_openings_closings(index, 2020)["change"]) == ["suspended"]
    assert m.year_openings_closings(index, 1960).empty


def test_a_states_mission_history_is_a_dated_sequence(index):
    history = m.mission_history(index, ["MYS"])
    assert list(history["when"]) == ["1980", ""]  # dated first, the undated row last
    assert list(history["until"]) == ["", "date not documented"]
    assert history.at[0, "mission"] == "Ambassador accredited from elsewhere in Jakarta"


def test_the_network_map_draws_each_category_in_its_colour(index):
    from atlas.figures.missions import NETWORK_SPEC, network_chart_marker, network_chart_svg, network_map

    status = m.network_status_at(index, D(1980, 12, 31))
    figure = network_map(status, status.iloc[0:0].assign(lon=[], lat=[]), "Missions, 31 December 1980").to_plotly_json()
    names = {(trace.get("name") or "").replace("<br>", " ") for trace in figure["data"]}
    assert NETWORK_SPEC.labels["both"] in names and NETWORK_SPEC.labels["non_resident"] in names
    assert NETWORK_SPEC.labels["in_pyongyang"] not in names  # only the categories drawn get a legend line
    per_year = m.network_per_year(index, 1948, 2026, TODAY)
    svg = network_chart_svg(per_year)
    assert svg.startswith("<svg") and svg.count("<polyline") == 2 and ">1975</text>" not in svg
    marker = network_chart_marker(per_year, 1975)
    assert marker.startswith("<svg") and "1 DPRK missions abroad" in marker and ">1975</text>" in marker


def test_mission_lines_are_dated_escaped_and_sourced(index):
    history = m.mission_history(index, ["AUS", "DEU"])
    history.loc[0, "notes"] = "Closed *abruptly* [see](http://evil.example)"
    lines = m.mission_history_lines(history)
    assert lines[0].startswith("- **December 1974 – November 1975** · DPRK mission there: Embassy in Canberra")
    assert "\\*abruptly\\*" in lines[0] and "\\[see\\]" in lines[0]  # data text stays text
    assert "(staff withdrawn)" in lines[1] and "source: [example.org]" in lines[1]


def test_an_open_mission_has_no_end_in_its_line(index):
    (line,) = m.mission_history_lines(m.mission_history(index, ["RUS"]))
    assert line.startswith("- **opening not dated** · Its mission in Pyongyang: Embassy in Pyongyang · source:")


def attested_world(tmp_path, **mission):
    """The synthetic world with one mission row: the DPRK's trade mission in Australia (relations from 1974)."""
    folder = synthetic_data(tmp_path)
    row = dict(iso3="AUS", side="dprk_abroad", type="trade_mission", city="Sydney", status="open", source_url=SRC, notes="")
    write_csv(folder / "missions.csv", [row | mission], columns("missions"))
    return folder


def test_an_earliest_record_places_an_undated_mission_before_relations_begin(tmp_path):
    # Relations with Australia start on 1974-07-31; a page shows the mission at work in 1970.
    folder = attested_world(tmp_path, attested="1970", attested_source_url="https://example.org/1970")
    index = RelationsIndex(load_relations_data(folder), today=TODAY)
    assert m.count_open(index, "dprk_abroad", D(1971, 6, 1)) == 1
    assert m.count_open(index, "dprk_abroad", D(1969, 6, 1)) == 0
    (line,) = m.mission_history_lines(m.mission_history(index, ["AUS"]))
    assert line.startswith("- **at work by 1970 \\(opening not dated\\)**")  # markdown-escaped
    assert "earliest record: [example.org](<https://example.org/1970>)" in line


def test_a_later_earliest_record_does_not_move_the_start_of_relations(tmp_path):
    folder = attested_world(tmp_path, attested="1990", attested_source_url="https://example.org/1990")
    index = RelationsIndex(load_relations_data(folder), today=TODAY)
    assert m.count_open(index, "dprk_abroad", D(1980, 6, 1)) == 1  # from 1974-07-31 (derived), as before


def test_a_dated_opening_can_rest_on_a_page_of_its_own(tmp_path):
    folder = attested_world(tmp_path, opened="1975-03", opened_source_url="https://example.org/opened")
    index = RelationsIndex(load_relations_data(folder), today=TODAY)
    (line,) = m.mission_history_lines(m.mission_history(index, ["AUS"]))
    assert "opening: [example.org](<https://example.org/opened>)" in line
    changes = m.year_openings_closings(index, 1975)
    assert changes["source_url"].tolist() == ["https://example.org/opened"]


@pytest.mark.parametrize(
    ("mission", "column"),
    [
        (dict(opened_source_url="https://example.org/x"), "opened_source_url"),  # a source for no date
        (dict(closed_source_url="https://example.org/x"), "closed_source_url"),
        (dict(attested="1970"), "attested"),  # an earliest record without its page
        (dict(attested_source_url="https://example.org/x"), "attested"),
        (dict(opened="1975", attested="1970", attested_source_url="https://example.org/x"), "attested"),
        (dict(attested="1980", attested_source_url="https://example.org/x", closed="1975", status="closed"), "closed"),
        (dict(closed_uncertain="yes"), "closed_uncertain"),  # an uncertain mark on no date
        (dict(status="unknown", last_attested="2021"), "last_attested"),  # a latest record without its page
        (dict(status="open", last_attested="2021", last_attested_source_url="https://example.org/x"), "last_attested"),
        (
            dict(status="closed", closed="2022", last_attested="2021", last_attested_source_url="https://example.org/x"),
            "last_attested",
        ),
        (
            dict(status="unknown", opened="1990", last_attested="1980", last_attested_source_url="https://example.org/x"),
            "last_attested",
        ),
    ],
)
def test_inconsistent_mission_sources_are_refused_with_their_column(tmp_path, mission, column):
    from atlas.data.loading import DataError

    folder = attested_world(tmp_path, **mission)
    with pytest.raises(DataError) as caught:
        load_relations_data(folder)
    assert caught.value.column == column and caught.value.filename == "missions.csv"


def test_a_latest_record_places_a_mission_of_unknown_fate_until_then(tmp_path):
    # Opened 1980; its fate today is unknown, but a page lists it at work on 2021-10-11.
    mission = dict(
        status="unknown", opened="1980", last_attested="2021-10-11", last_attested_source_url="https://example.org/2021"
    )
    index = RelationsIndex(load_relations_data(attested_world(tmp_path, **mission)), today=TODAY)
    assert [m.count_open(index, "dprk_abroad", D(*day)) for day in ((1979, 6, 1), (1990, 1, 1), (2021, 10, 11))] == [0, 1, 1]
    assert m.count_open(index, "dprk_abroad", D(2021, 10, 12)) == 0  # after it, nothing says it was there
    (line,) = m.mission_history_lines(m.mission_history(index, ["AUS"]))
    assert line.startswith(
        "- **1980 – at work until at least 11 October 2021** · DPRK mission there: Trade mission in Sydney (fate unknown)"
    )
    assert "latest record: [example.org](<https://example.org/2021>)" in line


def test_a_derived_closing_date_says_it_is_uncertain_wherever_it_is_shown(tmp_path):
    # Staff withdrawn: the month is that of the ambassador's departure, not read as the withdrawal.
    mission = dict(status="suspended", opened="1980", closed="2020-12", closed_uncertain="yes")
    index = RelationsIndex(load_relations_data(attested_world(tmp_path, **mission)), today=TODAY)
    (line,) = m.mission_history_lines(m.mission_history(index, ["AUS"]))
    assert line.startswith("- **1980 – December 2020 \\(date uncertain\\)**")
    (change,) = m.mission_change_lines(m.year_openings_closings(index, 2020))
    assert change.startswith(
        "- **December 2020 \\(date uncertain\\)** · DPRK trade mission in Sydney (Australia) staff withdrawn"
    )
    assert m.count_open(index, "dprk_abroad", D(2020, 11, 30)) == 1 and m.count_open(index, "dprk_abroad", D(2020, 12, 1)) == 0


def test_a_mission_of_unknown_fate_without_a_latest_record_is_not_placed(tmp_path):
    index = RelationsIndex(load_relations_data(attested_world(tmp_path, status="unknown", opened="1980")), today=TODAY)
    assert m.count_open(index, "dprk_abroad", D(1990, 1, 1)) == 0


def test_a_return_without_a_dated_opening_counts_from_its_earliest_record(tmp_path):
    # Staff left in July 2021; a page shows them back by December 2024 (no day of return given).
    folder = synthetic_data(tmp_path)
    base = dict(iso3="AUS", side="in_pyongyang", type="embassy", city="Pyongyang", source_url=SRC, notes="")
    rows = [
        dict(base, opened="1975-04", closed="2021-07", status="suspended"),
        dict(base, status="open", attested="2024-12", attested_source_url="https://example.org/back"),
    ]
    write_csv(folder / "missions.csv", rows, columns("missions"))
    index = RelationsIndex(load_relations_data(folder), today=TODAY)
    assert m.count_open(index, "in_pyongyang", D(2021, 10, 10)) == 0  # not back from the start of relations
    assert m.count_open(index, "in_pyongyang", D(2024, 6, 1)) == 0
    assert m.count_open(index, "in_pyongyang", D(2025, 2, 1)) == 1
    assert m.count_open(index, "in_pyongyang", D(2000, 1, 1)) == 1  # the first period


def test_a_state_s_missions_read_in_time_order_even_when_an_opening_is_not_dated(tmp_path):
    folder = synthetic_data(tmp_path)
    base = dict(iso3="AUS", side="in_pyongyang", type="embassy", city="Pyongyang", source_url=SRC, notes="")
    rows = [
        dict(base, status="open", attested="2025-02", attested_source_url="https://example.org/back"),
        dict(base, closed="2020-12", status="suspended"),  # opening not dated: goes by its withdrawal
    ]
    write_csv(folder / "missions.csv", rows, columns("missions"))
    history = m.mission_history(RelationsIndex(load_relations_data(folder), today=TODAY), ["AUS"])
    assert history["until"].tolist() == ["2020-12", ""]
