"""The race with Seoul: four-way status on a small synthetic world, and on the shipped data."""

import datetime as dt

import pandas as pd
import pytest

from atlas.data.loading import RelationsData, load_relations_data, load_rok_relations_data, read_table
from atlas.queries import race
from atlas.queries.relations import RelationsIndex
from tests.support.data import SRC, columns, synthetic_data

D = dt.date


def _frame(rows, name):
    cols = columns(name)
    return pd.DataFrame([{c: r.get(c, "") for c in cols} for r in rows], columns=cols, dtype=str)


def _rok_world() -> RelationsData:
    """Seoul's side of the synthetic world: USSR from 1990, a Laos-style break, West Germany."""
    relations = [
        dict(iso3="SUN", name="Soviet Union", established="1990-09-30", status="dissolved"),
        dict(iso3="RUS", name="Russia", established="1990-09-30", status="active"),
        dict(iso3="UKR", name="Ukraine", established="1992-02-10", status="active"),
        dict(iso3="DEU", name="Germany", established="1955-12-01", status="active"),
        dict(iso3="AUS", name="Australia", established="1961-10-30", status="active"),
        dict(iso3="LAO", name="Laos", established="1974", status="active"),
    ]
    events = [dict(iso3=r["iso3"], date=r["established"], event="established") for r in relations] + [
        dict(iso3="LAO", date="1975", event="severed"),
        dict(iso3="LAO", date="1995-10-25", event="restored"),
    ]
    successions = [
        dict(predecessor_iso3="SUN", successor_iso3="RUS", date="1991-12-26", territory="whole", continuity="yes"),
        dict(predecessor_iso3="SUN", successor_iso3="UKR", date="1991-12-26", territory="whole", continuity="no"),
        dict(predecessor_iso3="SUN", successor_iso3="EST", date="1991-09-06", territory="whole", continuity="no"),
    ]
    for row in relations + events + successions:
        row["source_url"] = SRC
    return RelationsData(
        relations=_frame(relations, "relations"),
        events=_frame(events, "relation_events"),
        successions=_frame(successions, "successions"),
        missions=_frame([], "missions"),
        no_relations=_frame([], "no_relations"),
    )


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    dprk = RelationsIndex(load_relations_data(synthetic_data(tmp_path_factory.mktemp("data"))))
    return dprk, RelationsIndex(_rok_world())


@pytest.mark.parametrize(
    ("code", "when", "expected"),
    [
        ("UKR", D(1970, 12, 31), "dprk_only"),  # through the USSR, a partner of Pyongyang only
        ("UKR", D(1991, 1, 1), "both"),  # the USSR recognised Seoul on 30 Sep 1990
        ("EST", D(1991, 9, 6), "neither"),  # independent; neither Korea's own relations yet
        ("UKR", D(1992, 3, 1), "both"),
        ("UKR", D(2023, 1, 1), "rok_only"),  # Pyongyang's relations severed in 2022
        ("RUS", D(1980, 1, 1), "dprk_only"),
        ("RUS", D(1992, 1, 1), "both"),  # continuing state keeps both records
        ("DEU", D(1960, 1, 1), "both"),  # West Germany with Seoul, East Germany with Pyongyang
        ("DEU", D(1995, 1, 1), "rok_only"),
        ("AUS", D(1975, 12, 31), "rok_only"),  # Pyongyang's relations suspended
        ("AUS", D(1974, 12, 31), "both"),
        ("LAO", D(1974, 12, 31), "rok_only"),
        ("LAO", D(1980, 1, 1), "neither"),  # broken with Seoul in 1975
        ("LAO", D(1996, 1, 1), "rok_only"),  # restored 25 Oct 1995
        ("GRL", D(1980, 1, 1), "neither"),  # drawn as Denmark, which has no relations here
        ("MYS", D(1980, 1, 1), "dprk_only"),
        ("PRK", D(1980, 1, 1), "korea"),
        ("KOR", D(1980, 1, 1), "korea"),
    ],
)
def test_four_way_status(world, code, when, expected):
    assert race.race_category(*world, code, when) == expected


def test_status_table_covers_the_map_and_says_both_sides(world):
    table = race.race_status_at(*world, D(1975, 12, 31))
    assert {"iso3", "name", "category", "with_dprk", "with_rok"} <= set(table.columns)
    assert set(table["category"]) <= set(race.RACE_ORDER)
    ukr = table.set_index("iso3").loc["UKR"]
    assert ukr["with_dprk"] == "Relations through a predecessor state (Soviet Union)"
    assert ukr["with_rok"] == "No relations (as part of Soviet Union)"
    lao = table.set_index("iso3").loc["LAO"]
    assert (lao["category"], lao["with_rok"]) == ("neither", "Relations severed")


def test_counts_per_year_count_parties_once(world):
    per_year = race.race_per_year(*world, 1989, 1992, D(2030, 1, 1)).set_index("year")
    # End of 1990: Pyongyang has the USSR and Malaysia (East Germany gone, Australia suspended);
    # Seoul has the USSR, Germany and Australia (Laos broken).
    assert per_year.loc[1990, ["dprk", "rok", "both", "either"]].tolist() == [2, 3, 1, 4]
    # End of 1991: Russia stands for the USSR on both sides, counted once.
    assert per_year.loc[1991, ["dprk", "rok", "both", "either"]].tolist() == [2, 3, 1, 4]
    assert per_year.loc[1991, "both_share"] == pytest.approx(1 / 4)
    # 1992: Ukraine with both.
    assert per_year.loc[1992, ["dprk", "rok", "both"]].tolist() == [3, 4, 2]


def test_shipped_data_tells_the_known_story():
    dprk = RelationsIndex(load_relations_data())
    rok = RelationsIndex(load_rok_relations_data())
    per_year = race.race_per_year(dprk, rok, 1960, 2000, D(2030, 1, 1)).set_index("year")
    # Seoul ahead from the 1962 wave; the "both" share jumps after 1973 and again with Nordpolitik.
    assert per_year.loc[1965, "rok"] > per_year.loc[1965, "dprk"]
    assert per_year.loc[1972, "both_share"] < per_year.loc[1976, "both_share"] < per_year.loc[1993, "both_share"]
    assert race.race_category(dprk, rok, "TWN", D(1991, 12, 31)) == "rok_only"
    assert race.race_category(dprk, rok, "CHN", D(1993, 1, 1)) == "both"
    assert race.race_category(dprk, rok, "CUB", D(2020, 1, 1)) == "dprk_only"


def test_moments_come_from_the_events_file():
    events = read_table("events")
    moments = race.race_moments(events)
    assert [m["date"] for m in moments] == ["1973-06-23", "1975-08-25", "1991-09-17"]
    assert all(m["source_url"].startswith("http") for m in moments)
    assert race.nordpolitik_span(events)["start"] == "1988-07-07"
    assert race.race_moments(events[events["event_id"] != "1991-both-koreas-join-the-united-nations"])[-1]["date"] == "1975-08-25"


def test_seoul_record_sentences():
    rok = RelationsIndex(load_rok_relations_data())
    today = D(2026, 1, 1)
    assert race.seoul_record(rok, "TWN", today)["status"] == "Relations severed on 23 August 1992."
    laos = race.seoul_record(rok, "LAO", today)
    assert laos["status"] == "Diplomatic relations, since 25 October 1995 (relations restored)."
    assert laos["source"].startswith("https://")
    assert race.seoul_record(rok, "DDR", today)["status"].startswith("Never had relations with Seoul")
    assert race.seoul_record(rok, "GRL", today)["status"].startswith("A territory of Denmark")
    assert race.seoul_record(rok, "KOR", today)["status"] == ""
    assert "Soviet Union" in set(race.seoul_record(rok, "UKR", today)["history"]["state"])


def test_race_hover_keeps_koreas_capitalised():
    from atlas.figures.race import race_figure

    per_year = pd.DataFrame(
        {
            "year": [1975],
            "date": [dt.date(1975, 12, 31)],
            "dprk": [3],
            "rok": [4],
            "both": [2],
            "either": [5],
            "both_share": [0.4],
        }
    )
    figure = race_figure(per_year, [], None)
    hovers = [trace.hovertemplate for trace in figure.data]
    assert any("partners of both Koreas" in h for h in hovers)
    assert not any("koreas" in h for h in hovers)
