"""Periods and filters of the timeline, on a small synthetic event list."""

import datetime as dt

import pandas as pd
import pytest

from components.timeline import era_spans, event_record, filter_events, timeline_figure

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
