"""Beyond recognition (issue 21): one state's treaties, UN alignment, leaders' visits and vetoes,
on small synthetic tables (example.org sources: test data, not facts); the story's record
paragraphs computed from the shipped files."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from atlas.core import i18n
from atlas.core.dates import date_start
from atlas.data.loading import read_table
from atlas.figures.beyond import alignment_figure
from atlas.queries import beyond, story

SRC = "https://example.org/source"


def treaty(treaty_id, parties, signed, in_force="", ended="", end_note="", title=None, kind="friendship"):
    return dict(
        treaty_id=treaty_id,
        title=title or f"Treaty {treaty_id}",
        kind=kind,
        parties=parties,
        signed=signed,
        in_force=in_force,
        ended=ended,
        end_note=end_note,
        summary=f"What {treaty_id} did.",
        source_url=SRC,
    )


TREATIES = pd.DataFrame(
    [
        treaty("t-2024", "PRK;RUS", "2024-06-19", "2024-12-04", kind="partnership"),
        treaty("t-1961", "PRK;SUN", "1961-07-06", ended="1996", end_note="lapsed", kind="alliance"),
        treaty("t-2000", "PRK;RUS", "2000-02", "2000-10-30", "2024-12-04", "replaced"),
        treaty("t-six", "PRK;CHN;RUS;USA", "2005-09-19", kind="other"),
        treaty("t-kor", "PRK;KOR", "1991-12-13", kind="inter_korean"),
    ]
)
ALIGNMENT = pd.DataFrame(
    {
        "iso3": ["RUS", "RUS", "KOR", "KOR", "FRA", "YUG", "SRB"],
        "year": [1991, 1992, 1991, 1992, 1991, 1991, 2006],
        "votes": [50, 60, 40, 45, 30, 20, 25],
        "agreement": [0.7, 0.8, 0.6, 0.5, 0.55, 0.9, 0.6],
        "source_url": SRC,
    }
)


def visit(visit_id, leader, leader_iso3, host_iso3, start, end="", places="", kind="official_visit"):
    return dict(
        visit_id=visit_id,
        start_date=start,
        end_date=end,
        leader=leader,
        leader_iso3=leader_iso3,
        host_iso3=host_iso3,
        places=places,
        kind=kind,
        summary=f"{visit_id} happened.",
        source_url=SRC,
    )


VISITS = pd.DataFrame(
    [
        visit("v-putin", "Putin", "RUS", "PRK", "2000-07-19", "2000-07-20", "Pyongyang", "summit"),
        visit("v-kim-moscow", "Kim Il Sung", "PRK", "SUN", "1949-03-03", "1949-03-25", "Moscow"),
        visit("v-kim-beijing", "Kim Jong Un", "PRK", "CHN", "2018-03"),
        visit("v-trump", "Trump", "USA", "KOR", "2019-06-30", places="Panmunjom", kind="summit"),
        visit("v-kim-sgp", "Kim Jong Un", "PRK", "SGP", "2018-06-10", places="Singapore", kind="summit"),
    ]
)


def decision(record_id, date, outcome, vetoed_by="", kind="sanctions", votes=("13", "2", "0")):
    return dict(
        record_id=record_id,
        date=date,
        document="",
        outcome=outcome,
        votes_for=votes[0],
        votes_against=votes[1],
        abstentions=votes[2],
        vetoed_by=vetoed_by,
        kind=kind,
        summary=f"{record_id} was put to the vote.",
        source_url=SRC,
    )


COUNCIL = pd.DataFrame(
    [
        decision("veto-2022", "2022-05-26", "vetoed", "CHN;RUS"),
        decision("veto-1949", "1949-04-08", "vetoed", "SUN", "admission", ("9", "2", "")),
        decision("res-1718", "2006-10-14", "adopted", votes=("15", "0", "0")),
        decision("veto-2024", "2024-03-28", "vetoed", "RUS", "panel_of_experts", ("13", "1", "1")),
    ]
)


def record(code, predecessors=()):
    return beyond.beyond_record(code, predecessors, TREATIES, ALIGNMENT, VISITS, COUNCIL)


def test_a_successor_gets_its_predecessors_treaties_oldest_first():
    rus = record("RUS", ("SUN",))
    assert list(rus.treaties["treaty_id"]) == ["t-1961", "t-2000", "t-six", "t-2024"]
    assert list(rus.treaties["with"]) == ["Soviet Union", "Russia", "China, Russia, United States", "Russia"]
    assert list(record("RUS").treaties["treaty_id"]) == ["t-2000", "t-six", "t-2024"]  # without the chain: its own only
    assert list(record("SUN").treaties["treaty_id"]) == ["t-1961"]  # a dissolved state has its own
    assert record("FRA").treaties.empty


def test_alignment_puts_the_rok_beside_the_state_and_is_empty_without_rows_of_its_own():
    rus = record("RUS", ("SUN",)).alignment
    assert list(rus["iso3"]) == ["RUS", "RUS", "KOR", "KOR"]
    assert list(rus["state"].unique()) == ["Russia", "South Korea"]
    assert record("SUN").alignment.empty  # gone before 1991: no line, not a lone ROK line
    assert list(record("KOR").alignment["iso3"]) == ["KOR", "KOR"]  # the ROK once, not compared with itself
    serbia = record("SRB", ("SCG", "YUG")).alignment  # a chain of seats: one line per code
    assert list(dict.fromkeys(serbia["iso3"])) == ["SRB", "YUG", "KOR"]


def test_visits_go_both_ways_and_to_summits_elsewhere():
    rus = record("RUS", ("SUN",)).visits
    assert list(rus["leader"]) == ["Kim Il Sung", "Putin"]
    assert list(rus["direction"]) == ["DPRK leader to Soviet Union", "to the DPRK"]
    assert rus["date"].iloc[0] == "3 March 1949 – 25 March 1949" and rus["kind"].iloc[1] == "summit"
    usa = record("USA").visits
    assert list(usa["direction"]) == ["meeting DPRK leaders in Panmunjom"]
    assert list(record("CHN").visits["date"]) == ["March 2018"]
    assert record("FRA").visits.empty


def test_vetoes_are_the_states_own_and_its_predecessors():
    rus = record("RUS", ("SUN",)).vetoes
    assert list(rus["date"]) == ["1949-04-08", "2022-05-26", "2024-03-28"]
    assert list(rus["vetoed_by"]) == ["Soviet Union", "China, Russia", "Russia"]
    assert list(rus["votes"]) == ["9 for, 2 against", "13 for, 2 against", "13 for, 1 against, 1 abstaining"]
    assert list(record("CHN").vetoes["date"]) == ["2022-05-26"]
    assert record("USA").vetoes.empty  # an adopted resolution is no veto


def test_empty_when_nothing_applies():
    assert record("FJI").empty
    assert not record("FRA").empty  # its alignment alone is something to show
    assert not record("SUN").empty


def test_treaty_lines_give_dates_status_and_source_and_keep_data_text_literal():
    lines = beyond.treaty_lines(record("RUS", ("SUN",)).treaties)
    assert len(lines) == 4
    assert lines[0].startswith("- **Treaty t\\-1961** (alliance, with Soviet Union)")
    assert "signed 6 July 1961 · ended 1996: lapsed" in lines[0] and "example.org" in lines[0]
    assert "signed February 2000 · ended 4 December 2024: replaced" in lines[1]
    assert "signed 19 September 2005 · no end recorded" in lines[2]
    assert "signed 19 June 2024 · in force since 4 December 2024" in lines[3]
    planted = TREATIES.assign(title="**bold** [link](http://planted.example)")
    (line,) = beyond.treaty_lines(beyond.treaties_with(planted, ["KOR"]))
    assert "\\*\\*bold\\*\\* \\[link\\]" in line


def test_veto_lines_and_alignment_summary():
    lines = beyond.veto_lines(record("RUS", ("SUN",)).vetoes)
    assert lines[1].startswith("- **26 May 2022** · sanctions · vetoed by China, Russia (13 for, 2 against)")
    summary = beyond.alignment_summary(record("RUS").alignment, "RUS")
    assert summary == "Agreement score of Russia: 0.70 in 1991, 0.80 in 1992. South Korea: 0.50 in 1992."
    assert beyond.alignment_summary(record("SUN").alignment, "SUN") == ""


def test_alignment_figure_draws_the_state_and_the_rok():
    figure = alignment_figure(record("RUS").alignment, "RUS")
    assert [t.name for t in figure.data] == ["Russia", "South Korea (for comparison)"]
    assert list(figure.data[0].x) == [1991, 1992] and list(figure.data[0].y) == [0.7, 0.8]
    assert list(figure.data[1].y) == [0.6, 0.5] and figure.data[1].line.dash == "dash"
    assert figure.layout.yaxis.range == (0, 1.02)
    with i18n.language("ko"):
        korean = alignment_figure(record("RUS").alignment, "RUS")
    assert [t.name for t in korean.data] == ["러시아", "한국(비교용)"]
    assert korean.layout.title.text == "유엔 총회에서 북한과의 표결 일치도"


def test_beyond_in_korean():
    with i18n.language("ko"):
        rus = record("RUS", ("SUN",))
        lines = beyond.treaty_lines(rus.treaties)
    assert rus.visits["direction"].iloc[0] == "북한 지도자의 소련 방문"
    assert "1961년 7월 6일 서명" in lines[0] and "(동맹, " in lines[0]


# --- The Story's record paragraphs, from the shipped files --------------------------------------

TODAY = dt.date(2026, 11, 29)


@pytest.fixture(scope="module")
def tables():
    return {name: read_table(name) for name in ("events", "treaties", "security_council", "visits", "un_alignment")}


def facts_of(tables, number):
    chapter = story.CHAPTERS[number - 1]
    start, end = story.chapter_period(chapter, tables["events"], TODAY)
    facts = story.record_facts(
        chapter, start, end, tables["treaties"], tables["security_council"], tables["visits"], tables["un_alignment"]
    )
    return chapter, start, end, facts


@pytest.mark.parametrize("number", range(1, len(story.CHAPTERS) + 1))
def test_record_templates_type_no_number(number):
    typed = story.template_literals(story.CHAPTERS[number - 1].record)
    assert not re.search(r"\d", typed), typed


def test_the_sanctions_chapter_counts_the_councils_resolutions(tables):
    chapter, start, end, facts = facts_of(tables, 7)
    council = tables["security_council"]
    dates = council["date"].map(date_start)
    expected = council[(council["kind"] == "sanctions") & (council["outcome"] == "adopted") & dates.between(start, end)]
    assert facts["sanctions"] == len(expected) >= 10
    text = story.record_text(chapter, facts)
    assert f"it adopted {len(expected)} sanctions resolutions" in text
    assert "14 October 2006" in text and "22 December 2017" in text


def test_the_summit_chapter_counts_kim_jong_uns_trips(tables):
    chapter, start, end, facts = facts_of(tables, 8)
    visits = tables["visits"]
    trips = visits[(visits["leader"] == "Kim Jong Un") & (visits["host_iso3"] != "PRK")]
    assert facts["dprk_trips"] == len(trips) >= 10 and facts["dprk_leaders"] == "Kim Jong Un"
    text = story.record_text(chapter, facts)
    assert f"Kim Jong Un made {len(trips)} trips outside the North" in text
    assert facts["vetoes"] == 2 and "by China and Russia" in text


def test_record_paragraphs_in_korean(tables):
    with i18n.language("ko"):
        chapter, _start, _end, facts = facts_of(tables, 7)
        text = story.record_text(chapter, facts)
    assert f"대북 제재 결의를 {facts['sanctions']}건 채택했습니다" in text and "2006년 10월 14일" in text


def test_chapters_without_a_record_paragraph(tables):
    chapter, _start, _end, facts = facts_of(tables, 1)
    assert story.record_text(chapter, facts) == ""
