"""The map's UN voting alignment and leaders' visits views (issue 21), as the page draws them."""

from __future__ import annotations

import re

import pytest

from atlas.core import i18n
from tests.support.apptest import map_charts, map_status_by_code, open_page

HANGUL = re.compile(r"[\uac00-\ud7a3]")
MAP = "app_pages/map.py"
CLASSES = ["Agreed 90–100% of the time", "80–90%", "65–80%", "50–65%", "Under 50%: more often against the DPRK than with it"]


@pytest.fixture(autouse=True)
def no_missing_messages():
    i18n.missing.clear()
    yield
    assert not i18n.missing, f"messages shown without Korean: {sorted(i18n.missing)[:20]}"


def legend_names(figure: dict) -> list[str]:
    return [t["name"].replace("<br>", " ") for t in figure["data"] if t.get("showlegend")]


def test_the_alignment_view_for_2015_classes_states_and_ranks_them():
    at = open_page(MAP, {"view": "alignment", "year": "2015"})
    figure = map_charts(at)["recognition_map"]
    assert figure["layout"]["title"]["text"] == "Agreement with the DPRK in UN General Assembly votes, session of 2015"
    assert legend_names(figure)[:5] == CLASSES
    status = map_status_by_code(figure)
    assert status["CUB"] == "Agreed 90–100% of the time"
    assert status["USA"] == "Under 50%: more often against the DPRK than with it"
    assert status["PRK"] == "North Korea (DPRK)"
    rows = {row[-1]: row for trace in figure["data"] for row in trace.get("customdata", [])}
    assert rows["CUB"][2:4] == ["91.0%", "67"]  # the hover's share and shared votes
    captions = " ".join(c.value for c in at.caption)
    assert "A session year is the year a General Assembly session opened" in captions
    assert "too few votes" in captions
    headings = [h.value for h in at.subheader]
    assert "Most aligned with the DPRK, 2015" in headings and "Least aligned with the DPRK, 2015" in headings
    lists = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "1. Syria: 92.5% of 67 votes" in lists and "191. United States: 20.1% of 67 votes" in lists
    assert "8. Sudan" in lists and "8. Zimbabwe" in lists  # tied, as written
    rok = next(m for m in at.metric if "South Korea" in m.label)
    assert rok.label == "South Korea's agreement with the DPRK, 2015" and rok.value == "61.2%"
    assert "ranked 142 of 191 states" in captions
    assert "data/un_alignment.csv" in captions
    assert at.query_params["view"] == "alignment" and at.query_params["year"] == "2015"


def test_states_with_few_shared_votes_are_drawn_as_too_few():
    at = open_page(MAP, {"view": "alignment", "year": "2011"})
    status = map_status_by_code(map_charts(at)["recognition_map"])
    assert status["KIR"] == "Too few votes shared with the DPRK (under 10)"  # Kiribati: a handful of votes a year
    assert any("Too few votes" in name for name in legend_names(map_charts(at)["recognition_map"]))


def test_the_alignment_view_in_korean():
    at = open_page(MAP, {"view": "alignment", "year": "2015", "lang": "ko"})
    figure = map_charts(at)["recognition_map"]
    assert figure["layout"]["title"]["text"] == "유엔총회 표결에서 북한과의 일치도, 2015년 회기"
    names = legend_names(figure)
    assert names[0] == "90–100% 일치" and all(HANGUL.search(n) for n in names if "%" not in n or "미만" in n)
    assert HANGUL.search(figure["data"][0]["hovertemplate"])
    assert "북한과 가장 가까운 나라, 2015년" in [h.value for h in at.subheader]
    assert any(m.label == "한국과 북한의 일치도, 2015년" for m in at.metric)
    assert any("회기 연도" in c.value for c in at.caption)


def test_a_year_without_votes_gets_a_notice_and_a_way_to_the_nearest_session():
    at = open_page(MAP, {"view": "alignment", "year": "1980"})
    assert not map_charts(at)  # no empty map
    (notice,) = [i.value for i in at.info]
    assert notice.startswith("No UN General Assembly votes to show for 1980: the data covers the sessions of 1991")
    button = at.button(key="alignment_nearest")
    assert button.label == "Show 1991"
    button.click().run()
    assert at.query_params["year"] == "1991"
    assert map_charts(at)["recognition_map"]["layout"]["title"]["text"].endswith("session of 1991")


def test_play_starts_at_the_first_session_and_choosing_the_view_moves_to_a_year_with_votes():
    at = open_page(MAP, {"view": "alignment", "year": "1960"})
    at.button(key="play").click().run()
    assert at.slider(key="year").value == 1991
    at = open_page(MAP, {})  # today's year: after the last session in the data
    at.segmented_control(key="map_view").set_value("alignment").run()
    assert not at.exception
    year = at.slider(key="year").value
    assert 1991 <= year < at.slider(key="year").max
    assert at.query_params["view"] == "alignment" and map_charts(at)["recognition_map"]


def test_the_visits_view_draws_the_periods_visits_and_lists_them():
    at = open_page(MAP, {"view": "visits", "year": "2019", "period": "decade"})
    figure = map_charts(at)["recognition_map"]
    assert figure["layout"]["title"]["text"] == "Leaders' visits to and from the DPRK, 2010–2019"
    status = map_status_by_code(figure)
    assert status["CHN"].startswith("Both") and status["SGP"] == "Visited by a DPRK leader"
    assert status["MNG"] == "Its leader came to the DPRK" and status["FRA"] == "No leaders' visit in the period"
    rows = {row[-1]: row for trace in figure["data"] for row in trace.get("customdata", [])}
    assert "12 June 2018" not in rows["SGP"][3] and "10 June 2018: Kim Jong Un in Singapore" in rows["SGP"][3]
    assert at.segmented_control(key="visits_period").value == "decade"
    listing = " ".join(m.value for m in at.markdown)
    assert "Kim Jong Un visited Singapore" in listing and "country?country=CHN" in listing
    assert "Leaders' visits to and from the DPRK, 2010–2019" in [h.value for h in at.subheader]
    at.segmented_control(key="visits_period").set_value("year").run()
    assert at.query_params["period"] == "year"
    assert map_charts(at)["recognition_map"]["layout"]["title"]["text"] == "Leaders' visits to and from the DPRK in 2019"


def test_the_visits_view_defaults_to_the_leaders_years_in_korean_and_refuses_a_bad_period():
    at = open_page(MAP, {"view": "visits", "year": "1975", "period": "forever", "lang": "ko"})
    title = map_charts(at)["recognition_map"]["layout"]["title"]["text"]
    assert title == "김일성 시기 북한 정상 외교 방문, 1948–1994년"
    assert "period" not in at.query_params
    assert any("period='forever'" in i.value and "era" in i.value for i in at.info)
    assert at.segmented_control(key="map_view").value == "visits"
