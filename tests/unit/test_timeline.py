"""Periods and filters of the timeline, on a small synthetic event list."""

import datetime as dt

import pandas as pd
import pytest

from atlas.figures.timeline import timeline_figure
from atlas.queries.timeline import era_spans, event_record, filter_events

TODAY = dt.date(2026, 11, 28)


def events_frame() -> pd.DataFrame:
    rows = [
        ("1950-korean-war", "1950-06-25", "1953-07-27", "Korean War", "war", "PRK;KOR;USA;CHN"),
        ("1961-treaty-ussr", "1961-07-06", "", "Treaty with the USSR", "treaty", "PRK;SUN"),
        ("1989-hungary-seoul", "1989-02", "", "Hungary recognises Seoul", "diplomatic", "HUN;KOR"),
        ("1991-un-admission", "1991-09-17", "", "UN admission", "UN", "PRK;KOR"),
        ("1992-china-rok", "1992-08-24", "", "China and ROK set up relations", "diplomatic", "CHN;KOR"),
        ("1994-agreed-framework", "1994-10-21", "2002", "Agreed Framework", "nuclear", "PRK;USA"),
        ("2024-russia-treaty", "2024-06-19", "", "Treaty with Russia", "treaty", "PRK;RUS"),
        ("1990", "1990", "", "Year-only event", "diplomatic", "PRK"),
    ]
    frame = pd.DataFrame(rows, columns=["event_id", "date", "end_date", "title", "category", "countries"])
    frame["summary"] = frame["title"] + " summary"
    frame["notes"] = ""
    frame["source_url"] = "https://example.org/source"
    return frame


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        ("cold-war", {"1950-korean-war", "1961-treaty-ussr", "1989-hungary-seoul", "1991-un-admission", "1990"}),
        (
            "post-1989",
            {"1989-hungary-seoul", "1991-un-admission", "1990", "1992-china-rok", "1994-agreed-framework", "2024-russia-treaty"},
        ),
        (
            "all",
            {
                "1950-korean-war",
                "1961-treaty-ussr",
                "1989-hungary-seoul",
                "1991-un-admission",
                "1990",
                "1992-china-rok",
                "1994-agreed-framework",
                "2024-russia-treaty",
            },
        ),
    ],
)
def test_views_share_the_1989_1991_transition(view, expected):
    assert set(filter_events(events_frame(), view, TODAY)["event_id"]) == expected


def test_span_counts_where_any_part_falls_in_the_view():
    frame = events_frame()
    frame.loc[frame["event_id"] == "1950-korean-war", ["date", "end_date"]] = ["1988", "1990-06"]
    assert "1950-korean-war" in set(filter_events(frame, "post-1989", TODAY)["event_id"])


def test_partial_dates_cover_their_whole_period():
    shown = filter_events(events_frame(), "all", TODAY).set_index("event_id")
    assert shown.loc["1990", "start"] == dt.date(1990, 1, 1)
    assert shown.loc["1990", "end"] == dt.date(1990, 12, 31)
    assert shown.loc["1994-agreed-framework", "end"] == dt.date(2002, 12, 31)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"categories": ["treaty"]}, {"1961-treaty-ussr", "2024-russia-treaty"}),
        ({"country": "SUN"}, {"1961-treaty-ussr"}),
        ({"country": "KOR", "categories": ["diplomatic"]}, {"1989-hungary-seoul", "1992-china-rok"}),
        ({"text": "TREATY"}, {"1961-treaty-ussr", "2024-russia-treaty"}),
        ({"text": "no such words"}, set()),
        ({"country": "ATA"}, set()),
    ],
)
def test_filters(kwargs, expected):
    assert set(filter_events(events_frame(), "all", TODAY, **kwargs)["event_id"]) == expected


def test_figure_has_lanes_spans_and_recognition_panel():
    frame = events_frame()
    per_year = pd.DataFrame({"year": range(1948, 2027), "established": [1] * 79, "with_relations": [1] * 79})
    shown = filter_events(frame, "cold-war", TODAY)
    fig = timeline_figure(shown, frame, per_year, "cold-war", TODAY)
    names = [trace.name for trace in fig.data]
    assert {"war", "treaty", "diplomatic", "UN", "Relations established"} <= set(names)
    bars = next(t for t in fig.data if t.name == "Relations established")
    assert min(bars.x).year == 1948 and max(bars.x).year == 1991
    spans = [t for t in fig.data if getattr(t, "mode", None) == "lines"]
    assert len(spans) == 1 and list(spans[0].x).count(None) == 1  # one lane trace: the Korean War
    assert any("1989–91" in (a.text or "") for a in fig.layout.annotations)


def test_eras_come_from_dated_events():
    frame = pd.DataFrame(
        {
            "event_id": ["1948-founding-of-the-dprk", "1994-death-of-kim-il-sung"],
            "date": ["1948-09-09", "1994-07-08"],
        }
    )
    assert era_spans(frame, TODAY) == [("Kim Il Sung", dt.date(1948, 9, 9), dt.date(1994, 7, 8))]


def test_event_record_is_readable():
    record = event_record(events_frame().set_index("event_id").loc["1950-korean-war"])
    assert record["when"] == "25 June 1950 – 27 July 1953"
    assert "United States" in record["countries"]
    assert record["map_year"] == "1950"


# --- whole-word search and the relation lanes ----------------------------------------------

from atlas.queries.timeline import (  # noqa: E402
    EMBASSY_LANE,
    RELATION_LANE,
    lane_counts,
    matches_words,
    regions_in,
    relation_lane_events,
    relation_record,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sever", [False, False, False, False]),
        ("severed", [True, False, False, True]),
        ("SEVERED", [True, False, False, True]),
        ("relations severed", [True, False, False, True]),
        ("severed relations", [True, False, False, True]),  # every word, any order
        ("several", [False, True, False, False]),
        ("inter-korean", [False, False, True, False]),
        ("u.s.", [False, False, True, False]),
        ("", [True, True, True, True]),
        ("   ", [True, True, True, True]),
        ("(", [False, False, False, False]),  # regex characters are literal
    ],
)
def test_search_matches_whole_words(text, expected):
    haystack = pd.Series(
        [
            "Malaysia: relations severed",
            "Several states recognised Seoul",
            "Inter-Korean talks with U.S. observers",
            "Ties severed; relations frozen",
        ]
    )
    assert list(matches_words(haystack, text)) == expected


def test_event_search_no_longer_matches_inside_words():
    frame = events_frame()
    frame.loc[0, "summary"] = "Several battles"
    assert set(filter_events(frame, "all", TODAY, text="sever")["event_id"]) == set()
    assert set(filter_events(frame, "all", TODAY, text="several")["event_id"]) == {"1950-korean-war"}
    assert set(filter_events(frame, "all", TODAY, text="treat")["event_id"]) == set()


def relation_events_frame() -> pd.DataFrame:
    rows = [
        ("MYS", "1973", "established", "", ""),
        ("MYS", "2021-03-19", "severed", "", ""),
        ("MYS", "1974", "embassy_opened", "in_pyongyang", "yes"),
        ("BWA", "2014-02-20", "severed", "", ""),
        ("SUN", "1948-10-12", "established", "", ""),
        ("SUN", "1948-10-12", "established", "", ""),  # a duplicate still gets its own id
    ]
    frame = pd.DataFrame(rows, columns=["iso3", "date", "event", "mission_side", "uncertain"])
    return frame.assign(source_url="https://example.org/source", notes="")


def test_relation_events_become_two_lanes_with_ids_starting_with_the_date():
    lane = relation_lane_events(relation_events_frame())
    assert list(lane["category"]) == [RELATION_LANE, RELATION_LANE, EMBASSY_LANE, RELATION_LANE, RELATION_LANE, RELATION_LANE]
    assert lane["event_id"].is_unique
    assert lane["event_id"].iloc[1] == "2021-03-19-mys-severed"
    assert lane["title"].iloc[1] == "Malaysia: relations severed"
    assert lane["summary"].iloc[2] == "Embassy opened: Malaysia's mission in the DPRK (date uncertain)"
    assert set(filter_events(lane, "all", TODAY, text="severed")["countries"]) == {"MYS", "BWA"}
    assert set(filter_events(lane, "all", TODAY, region="Africa")["countries"]) == {"BWA"}
    assert set(filter_events(lane, "post-1989", TODAY, categories=[RELATION_LANE], country="MYS")["date"]) == {"2021-03-19"}
    assert regions_in(events_frame(), lane) == ["Africa", "Asia", "Europe", "North America"]


def test_relation_record_opens_the_map_at_its_date_and_state():
    lane = relation_lane_events(relation_events_frame()).set_index("event_id")
    malaysia = relation_record(lane.loc["2021-03-19-mys-severed"])
    assert malaysia["map_link"] == "map?year=2021&country=MYS"
    assert malaysia["when"] == "19 March 2021"
    ussr = relation_record(lane.loc["1948-10-12-sun-established"])
    assert ussr["map_link"] == "map?year=1948"  # a dissolved state is not on today's map


def test_figure_draws_the_relation_lanes_quieter_than_the_changes():
    frame = pd.concat([events_frame(), relation_lane_events(relation_events_frame())], ignore_index=True).fillna({"event": ""})
    per_year = pd.DataFrame({"year": range(1948, 2027), "established": [1] * 79, "with_relations": [1] * 79})
    fig = timeline_figure(filter_events(frame, "all", TODAY), frame, per_year, "all", TODAY)
    changes = next(t for t in fig.data if t.name == RELATION_LANE)
    embassies = next(t for t in fig.data if t.name == EMBASSY_LANE)
    assert len(changes.x) == 5 and len(embassies.x) == 1
    assert embassies.marker.size < changes.marker.size and embassies.marker.opacity < changes.marker.opacity
    assert "#D55E00" in changes.marker.color  # severed
    assert changes.customdata[0][3] == "1948-10-12-sun-established"
    assert lane_counts(frame) == (8, 5, 1)
