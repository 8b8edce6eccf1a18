"""The Timelines' four record lanes (issue 21): treaties, organisations, Security Council, visits."""

import datetime as dt

import pandas as pd

from atlas.core import i18n
from atlas.figures.timeline import timeline_figure
from atlas.queries.timeline import filter_events, group_lanes, lane_counts, record_lane_counts, record_lanes

TODAY = dt.date(2026, 11, 28)


def frame(**columns) -> pd.DataFrame:
    return pd.DataFrame({name: [value] if isinstance(value, str) else value for name, value in columns.items()})


def lanes() -> tuple[pd.DataFrame, dict]:
    treaties = frame(
        treaty_id="1961-prk-chn-friendship",
        title="Treaty with China",
        kind="alliance",
        parties="PRK;CHN",
        signed="1961-07-11",
        in_force="1961-09-10",
        ended="",
        end_note="",
        summary="Mutual defence.",
        source_url="https://example.org/t",
        notes="Renewed 1981.",
    )
    organisations = frame(
        org_id="npt",
        name="Non-Proliferation Treaty",
        abbreviation="NPT",
        event="left",
        date="2003-01-11",
        source_url="https://example.org/o",
        notes="",
    )
    council = frame(
        record_id="veto-2022-05-26",
        date="2022-05-26",
        document="",
        outcome="vetoed",
        votes_for="13",
        votes_against="2",
        abstentions="",
        vetoed_by="CHN;RUS",
        kind="sanctions",
        summary="A draft on sanctions.",
        source_url="https://example.org/c",
        notes="",
    )
    visits = frame(
        visit_id="2019-04-kim-jong-un-vladivostok",
        start_date="2019-04-24",
        end_date="2019-04-26",
        leader="Kim Jong Un",
        leader_iso3="PRK",
        host_iso3="RUS",
        places="Vladivostok",
        kind="summit",
        summary="First summit with Putin.",
        source_url="https://example.org/v",
        notes="",
    )
    return record_lanes(treaties, organisations, council, visits)


def test_record_lanes_have_prefixed_ids_and_the_countries_the_filters_read():
    rows, records = lanes()
    assert list(rows["event_id"]) == [
        "treaty:1961-prk-chn-friendship",
        "org:npt-left-2003-01-11",
        "unsc:veto-2022-05-26",
        "visit:2019-04-kim-jong-un-vladivostok",
    ]
    assert list(rows["countries"]) == ["PRK;CHN", "", "CHN;RUS", "PRK;RUS"]
    assert set(records) == set(rows["event_id"])
    assert rows.loc[3, "end_date"] == "2019-04-26" and rows.loc[3, "title"] == "Kim Jong Un in Vladivostok (Russia)"


def test_records_say_in_force_ended_the_vote_and_the_visit():
    _, records = lanes()
    treaty = dict(records["treaty:1961-prk-chn-friendship"]["facts"])
    assert treaty["In force"] == "10 September 1961" and treaty["Ended"] == "no end recorded"
    assert records["treaty:1961-prk-chn-friendship"]["source_url"] == "https://example.org/t"
    veto = dict(records["unsc:veto-2022-05-26"]["facts"])
    assert veto["Vote"] == "13 for, 2 against, 0 abstentions" and veto["Outcome"] == "vetoed by China, Russia"
    visit = records["visit:2019-04-kim-jong-un-vladivostok"]
    assert visit["when"] == "24 April 2019 – 26 April 2019" and dict(visit["facts"])["Host"] == "Russia"
    assert visit["country_codes"] == ["RUS"]
    with i18n.language("ko"):
        _, korean = lanes()
    assert dict(korean["unsc:veto-2022-05-26"]["facts"])["표결"] == "찬성 13, 반대 2, 기권 0"


def test_record_lanes_filter_by_country_region_and_words():
    rows, _ = lanes()
    assert set(filter_events(rows, "all", TODAY, country="RUS")["event_id"]) == {
        "unsc:veto-2022-05-26",
        "visit:2019-04-kim-jong-un-vladivostok",
    }
    assert set(filter_events(rows, "all", TODAY, text="vladivostok")["event_id"]) == {"visit:2019-04-kim-jong-un-vladivostok"}
    assert set(filter_events(rows, "cold-war", TODAY)["event_id"]) == {"treaty:1961-prk-chn-friendship"}
    assert "org:npt-left-2003-01-11" not in set(filter_events(rows, "all", TODAY, region="Asia")["event_id"])


def test_lane_groups_counts_and_the_figure():
    rows, _ = lanes()
    assert group_lanes(["changes", "treaties"]) == {"relationship change", "embassy", "treaties"}
    shown = filter_events(rows, "all", TODAY)
    assert lane_counts(shown) == (0, 0, 0)
    assert record_lane_counts(shown) == {"treaties": 1, "organisations": 1, "security-council": 1, "visits": 1}
    per_year = pd.DataFrame({"year": [1961], "established": [1]})
    fig = timeline_figure(shown, rows, per_year, "all", TODAY)
    order = list(fig.layout.yaxis.categoryarray)
    assert {"treaties signed", "organisations", "Security Council", "leaders' visits"} <= set(order)
    assert order[:2] == ["embassy", "relationship change"], "the relation lanes stay lowest"
    points = {row[3] for trace in fig.data if getattr(trace, "mode", None) == "markers" for row in trace.customdata}
    assert points == set(rows["event_id"])
    without = timeline_figure(shown.iloc[:0], rows, per_year, "all", TODAY)
    assert "treaties signed" not in list(without.layout.yaxis.categoryarray)
