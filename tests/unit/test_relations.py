"""Status of every state at a date, on a small synthetic world (see tests/helpers.py)."""

import datetime as dt

import pytest

from atlas.data.loading import load_relations_data
from atlas.queries.relations import (
    RelationsIndex,
    count_with_relations,
    country_history,
    date_conflicts,
    relations_at,
    relations_per_year,
)
from tests.support.data import synthetic_data


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return RelationsIndex(load_relations_data(synthetic_data(tmp_path_factory.mktemp("data"))))


D = dt.date


@pytest.mark.parametrize(
    ("iso3", "when", "category", "via"),
    [
        ("RUS", D(1948, 10, 11), "none", "SUN"),  # the day before the USSR's relations
        ("RUS", D(1948, 10, 12), "via_predecessor", "SUN"),
        ("RUS", D(1970, 12, 31), "via_predecessor", "SUN"),
        ("RUS", D(1991, 12, 26), "relations", ""),  # continuing state from the succession date
        ("UKR", D(1970, 12, 31), "via_predecessor", "SUN"),
        ("UKR", D(1992, 1, 8), "none", ""),  # independent, relations not yet set up
        ("UKR", D(1992, 1, 9), "relations", ""),
        ("UKR", D(2022, 7, 13), "severed", ""),
        ("EST", D(1980, 1, 1), "via_predecessor", "SUN"),
        ("EST", D(1991, 9, 6), "none", ""),
        ("DEU", D(1949, 10, 31), "none", ""),  # East Germany dated '1949-11' counts from 1 November
        ("DEU", D(1949, 11, 1), "partial_predecessor", "DDR"),
        ("DEU", D(1995, 1, 1), "none", ""),  # East Germany gone, Germany not yet
        ("DEU", D(2001, 3, 1), "relations", ""),
        ("AUS", D(1975, 10, 31), "relations", ""),
        ("AUS", D(1975, 11, 1), "suspended", ""),
        ("AUS", D(2000, 4, 30), "suspended", ""),
        ("AUS", D(2000, 5, 1), "relations", ""),
        ("MYS", D(1972, 12, 31), "none", ""),
        ("MYS", D(1973, 1, 1), "relations", ""),  # year precision counts from 1 January
        ("MYS", D(2021, 3, 19), "severed", ""),
        ("USA", D(2020, 1, 1), "none", ""),
        ("PRK", D(2020, 1, 1), "dprk", ""),
    ],
)
def test_status_at_date(index, iso3, when, category, via):
    status = index.status(iso3, when)
    assert (status.category, status.via) == (category, via)


@pytest.mark.parametrize(
    ("when", "count"),
    [
        (D(1948, 10, 11), 0),
        (D(1950, 1, 1), 2),  # USSR and East Germany; Russia is not counted twice
        (D(1975, 12, 31), 3),  # + Malaysia (1973); Australia suspended
        (D(1991, 12, 31), 2),  # USSR gone, Russia in; East Germany gone; Australia suspended
        (D(1992, 6, 1), 3),  # + Ukraine
        (D(2001, 12, 31), 5),  # + Germany; Australia restored
        (D(2023, 1, 1), 3),  # Ukraine and Malaysia severed
    ],
)
def test_count_with_relations(index, when, count):
    assert count_with_relations(index, when) == count


def test_relations_at_covers_the_map_with_hover_fields(index):
    table = relations_at(index, D(1970, 12, 31))
    assert {"UKR", "RUS", "DEU", "USA", "FRA", "GRL"} <= set(table["iso3"])
    assert "ATA" not in set(table["iso3"])
    ukr = table.set_index("iso3").loc["UKR"]
    assert ukr["category"] == "via_predecessor"
    assert "Soviet Union" in ukr["detail"]
    assert ukr["established"] == "12 October 1948 (Soviet Union)"  # the predecessor's date, labelled as such
    assert ukr["source_url"] == "https://example.org/source"
    usa = table.set_index("iso3").loc["USA"]
    assert usa["category"] == "none" and "never" in usa["detail"]
    # A list of states without relations at its date is not a claim they never had any.
    tonga = table.set_index("iso3").loc["TON"]
    assert tonga["category"] == "none" and "never" not in tonga["detail"]
    assert "listed without relations" in tonga["detail"]


def test_territory_shown_with_its_state(index):
    table = relations_at(index, D(2020, 1, 1)).set_index("iso3")
    assert table.loc["GRL", "category"] == table.loc["DNK", "category"]
    assert "Denmark" in table.loc["GRL", "detail"]


def test_relations_per_year(index):
    per_year = relations_per_year(index, 1948, 2001, D(2026, 1, 1)).set_index("year")
    assert per_year.loc[1948, "established"] == 1  # Russia's row repeats the USSR's date: counted once
    assert per_year.loc[1973, "established"] == 1
    assert per_year.loc[1975, "with_relations"] == 3
    assert per_year.loc[2001, "with_relations"] == 5


def test_country_history_includes_predecessors_and_missions(index):
    history = country_history(index, "DEU")
    assert list(history["date"]) == ["1949-11", "1990-10-03", "2001-03-01"]
    assert "East Germany" in set(history["state"])
    aus = country_history(index, "AUS")
    assert any("Embassy opened" in e for e in aus["event"])
    assert date_conflicts(index, "MYS") == [("1973-06-30", "https://example.org/other")]
    assert date_conflicts(index, "AUS") == []


def test_sparkline_marks_the_year_on_a_layer_of_its_own_and_carries_only_numbers(index):
    from atlas.figures.maps import SIDE_CHART_SIZE, recognition_sparkline, recognition_sparkline_marker

    per_year = relations_per_year(index, 1948, 2001, D(2026, 1, 1))
    svg = recognition_sparkline(per_year)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert ">1948</text>" in svg and ">2001</text>" in svg and ">1975</text>" not in svg
    assert svg.count("<rect") == int((per_year["established"] > 0).sum())
    marker, later = recognition_sparkline_marker(per_year, 1975), recognition_sparkline_marker(per_year, 1976)
    assert ">1975</text>" in marker and "<rect" not in marker and "<polyline" not in marker
    # Same size as the chart it lies over, one bar further right a year later.
    size = 'viewBox="0 0 {} {}"'.format(*SIDE_CHART_SIZE)
    assert size in svg and size in marker
    x = [float(m.split('x1="')[1].split('"')[0]) for m in (marker, later)]
    assert 0 < x[1] - x[0] < 10
    assert len(marker) < len(svg) / 4


TODAY = D(2026, 11, 29)


@pytest.fixture(scope="module")
def index_today(tmp_path_factory):
    """The synthetic world seen on a fixed 'today', so undated relations are testable."""
    return RelationsIndex(load_relations_data(synthetic_data(tmp_path_factory.mktemp("data"))), today=TODAY)


@pytest.mark.parametrize(
    ("iso3", "when", "category"),
    [
        ("NER", TODAY, "undated"),  # documented, start unknown: shown today...
        ("NER", D(2030, 1, 1), "undated"),  # ...and from today on (a cached index outlives midnight)
        ("NER", D(2026, 11, 28), "none"),  # ...but never on a past date
        ("NER", D(1975, 12, 31), "none"),
        ("WSM", D(1983, 11, 3), "none"),  # start unknown, so not shown before its dated severance
        ("WSM", D(1983, 11, 4), "severed"),
        ("WSM", TODAY, "severed"),  # a dated later event outranks the undated start
    ],
)
def test_undated_relations_shown_today_only(index_today, iso3, when, category):
    assert index_today.status(iso3, when).category == category


def test_undated_relations_counted_today_never_before(index_today):
    yesterday = TODAY - dt.timedelta(days=1)
    assert "NER" in index_today.parties_with_relations(TODAY)
    assert "NER" not in index_today.parties_with_relations(yesterday)
    assert "WSM" not in index_today.parties_with_relations(TODAY)
    assert count_with_relations(index_today, TODAY) == count_with_relations(index_today, yesterday) + 1
    per_year = relations_per_year(index_today, 2020, 2026, TODAY).set_index("year")
    # The current year's map shows today: Niger counts there, in no earlier year, and adds to
    # no year's "established" bar.
    assert per_year.loc[2026, "with_relations"] == per_year.loc[2025, "with_relations"] + 1
    assert per_year["established"].sum() == 0


def test_undated_relation_on_todays_map_and_legend(index_today):
    from atlas.figures.palettes import CATEGORY_COLOURS
    from atlas.queries.relations import CATEGORY_LABELS

    today_map = relations_at(index_today, TODAY).set_index("iso3")
    assert today_map.loc["NER", "category"] == "undated"
    assert today_map.loc["NER", "established"] == ""
    assert today_map.loc["NER", "source_url"] == "https://example.org/source"
    assert today_map.loc["WSM", "category"] == "severed" and today_map.loc["WSM", "established"] == ""
    before = relations_at(index_today, D(2025, 12, 31)).set_index("iso3").loc["NER"]
    assert before["category"] == "none" and "no source dates their start" in before["detail"]
    assert CATEGORY_LABELS["undated"] == "Relations (date not documented)"
    assert len(set(CATEGORY_COLOURS.values())) == len(CATEGORY_COLOURS)  # every category its own colour
