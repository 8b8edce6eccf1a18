"""The Timelines, Gift exchanges and country pages in Korean (issue 20): every message the pages
mark is translated, the charts read in Korean, a record and a gift card open in Korean, and
switching language keeps the page's view (filters, the country shown)."""

from __future__ import annotations

import json
import re

import pytest

from atlas.core import i18n
from atlas.figures.palettes import FONT_FAMILY
from tests.support.apptest import map_charts, open_page, timeline_charts

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture
def untranslated():
    """The messages asked for in Korean that the catalog lacks, collected over one test."""
    i18n.missing.clear()
    yield i18n.missing
    i18n.missing.clear()


def korean(text: str | None) -> bool:
    return bool(text and HANGUL.search(text))


def chart_texts(figure: dict) -> list[str]:
    """What a figure writes for a reader: trace names, hovers, axis and colour bar titles, annotations."""
    layout = figure.get("layout", {})
    texts = [t.get("name") or "" for t in figure["data"]] + [str(t.get("hovertemplate") or "") for t in figure["data"]]
    for key, axis in layout.items():
        if key.startswith(("xaxis", "yaxis")):
            texts.append(str((axis.get("title") or {}).get("text") or ""))
            texts += [str(v) for v in axis.get("categoryarray") or []]
    texts += [str(t.get("colorbar", {}).get("title", {}).get("text") or "") for t in figure["data"]]
    texts += [str(a.get("text") or "") for a in layout.get("annotations", [])]
    return texts


def test_timelines_in_korean(untranslated):
    at = open_page("app_pages/timeline.py", {"lang": "ko"})
    assert at.title[0].value == "연표"
    assert korean(at.caption[0].value)
    assert at.multiselect(key="category").label == "분야"
    assert at.selectbox(key="country").label == "나라"
    assert at.text_input(key="q").label == "검색(단어 단위)"
    assert at.selectbox(key="open_record").label == "기록 열기"
    assert korean(at.expander[0].label)
    (figure,) = [json.loads(chart.proto.spec) for chart in timeline_charts(at)]
    texts = chart_texts(figure)
    assert {"외교", "전쟁", "관계 변화", "대사관"} <= set(texts), "the lanes read in Korean"
    assert "수교" in texts, "the bars' axis and name"
    assert any("출처:" in t for t in texts) and "김일성 시대" in texts
    assert not any(t in {"diplomatic", "relationship change", "Established"} for t in texts)
    assert figure["layout"]["font"]["family"] == FONT_FAMILY
    table = at.dataframe[0]
    assert "외교" in set(table.value["category"]) or "수교" in " ".join(map(str, table.value["title"]))
    assert not untranslated, sorted(untranslated)


def test_a_timeline_record_opens_in_korean(untranslated):
    at = open_page("app_pages/timeline.py", {"lang": "ko", "event": "2000-first-inter-korean-summit"})
    assert at.button(key="close_event").label == "닫기"
    shown = " ".join(m.value for m in at.markdown)
    assert "출처:" in shown and "2000년 6월 13일 – 2000년 6월 15일" in shown and "정상회담" in shown
    buttons = at.get("link_button")
    assert buttons and buttons[0].proto.label == "2000년 지도 열기" and "lang=ko" in buttons[0].proto.url
    # A relationship change's record: its title and summary are written by the atlas, in Korean.
    at = open_page("app_pages/timeline.py", {"lang": "ko", "category": "relationship change", "country": "CHN"})
    with i18n.language("ko"):  # AppTest sends the page's choices by their labels, formatted in this thread
        at.selectbox(key="open_record").select_index(0).run()
    heading = next(h.value for h in at.subheader if h.value.startswith("중국: "))
    assert korean(heading.removeprefix("중국: ")) and at.query_params["event"]
    assert any("중국–북한" in m.value for m in at.markdown)
    assert not untranslated, sorted(untranslated)


def test_gift_exchanges_in_korean_with_a_card(untranslated):
    at = open_page("app_pages/gifts.py", {"lang": "ko", "q": "농구"})
    assert at.title[0].value == "선물 교환"
    assert at.text_input(key="q").label == "검색"
    assert at.selectbox(key="leader").label == "북한 측"
    assert at.multiselect(key="category").label == "선물 종류"
    assert [m.label for m in at.metric][:3] == ["표시된 선물", "북한 측이 받은 선물", "북한 측이 준 선물"]
    assert [t.label for t in at.tabs] == ["흐름", "시간에 따라", "1989년 이후의 변화"]
    charts = {chart.proto.id.rsplit("-", 1)[-1]: json.loads(chart.proto.spec) for chart in at.get("plotly_chart")}
    assert charts["gifts_map"]["data"][0]["colorbar"]["title"]["text"] == "선물"
    assert all(korean(t.get("name")) for t in charts["gifts_timeline"]["data"])
    assert all(korean(label) for label in charts["gifts_sankey"]["data"][0]["node"]["label"])
    assert all(f["layout"]["font"]["family"] == FONT_FAMILY for f in charts.values())
    table = next(t.value for t in at.dataframe if "direction" in t.value.columns)
    assert set(table["direction"]) <= {"받음", "줌"} and korean(" ".join(table["category"]))
    with i18n.language("ko"):  # AppTest sends the page's choices by their labels, formatted in this thread
        at.selectbox(key="open_gift").set_value("2000-basketball-autographed-by-michael-jordan").run()
    assert at.button(key="close_gift").label == "닫기"
    card = " ".join(m.value for m in at.markdown)
    assert "계기: " in card and "**준 쪽:**" in card and "**받은 쪽:**" in card and "출처:" in card
    assert "2000년 10월" in card and "occasion" not in card
    # Closing works in Korean too (the address's lang is no reason to read the old card back from it).
    with i18n.language("ko"):
        at.button(key="close_gift").click().run()
    assert "gift" not in at.query_params and "close_gift" not in [b.key for b in at.button]
    assert not untranslated, sorted(untranslated)


def test_country_page_in_korean(untranslated):
    at = open_page("app_pages/country.py", {"lang": "ko", "country": "CHN"})
    assert at.title[0].value == "중국"
    assert at.caption[0].value.startswith("아시아, 동아시아")
    assert at.selectbox(key="country_pick").label.startswith("나라 찾기")
    subheaders = [h.value for h in at.subheader]
    assert "관계 연표" in subheaders and "서로 공관 설치" in subheaders
    assert any(h.startswith("관련 사건(") for h in subheaders) and any(h.startswith("주고받은 선물(") for h in subheaders)
    shown = " ".join(m.value for m in at.markdown)
    assert "**현재:** 1949년 10월 6일부터 수교." in shown
    assert "처음 수교한 날: **1949년 10월 6일**" in shown
    history = next(t.value for t in at.dataframe if "event" in t.value.columns)
    assert "수교" in set(history["event"])
    missions = next(t.value for t in at.dataframe if "side" in t.value.columns)
    assert all(korean(side) for side in missions["side"])
    locator = map_charts(at)["locator"]  # beside the Beyond recognition section's alignment chart
    assert locator["layout"]["font"]["family"] == FONT_FAMILY
    assert at.get("download_button")[0].proto.label == "중국의 전체 기록 내려받기(CSV)"
    assert not untranslated, sorted(untranslated)


def test_a_dissolved_state_in_korean(untranslated):
    at = open_page("app_pages/country.py", {"lang": "ko", "country": "DDR"})
    assert "해체된 나라" in at.caption[0].value
    shown = " ".join(m.value for m in at.markdown)
    assert "해체되었습니다." in shown and "영토를 이어받은 나라" in shown
    assert not untranslated, sorted(untranslated)


def back_to_english(at) -> None:
    """Switch a Korean page back to English. AppTest sends each list's choice by its label, formatted
    in the test's own thread: formatted in Korean, as the browser sends what the Korean page showed."""
    at.query_params["lang"] = "en"
    with i18n.language("ko"):
        at.run()
    assert not at.exception


def test_switching_language_keeps_the_timeline_filters():
    at = open_page("app_pages/timeline.py", {"view": "cold-war", "category": "war", "country": "KOR", "q": "armistice"})
    assert at.multiselect(key="category").label == "Lanes"
    at.query_params["lang"] = "ko"
    at.run()
    assert not at.exception
    assert at.multiselect(key="category").label == "분야" and at.multiselect(key="category").value == ["war"]
    assert at.selectbox(key="country").value == "KOR" and at.text_input(key="q").value == "armistice"
    assert at.session_state["view"] == "cold-war"
    back_to_english(at)
    assert at.multiselect(key="category").label == "Lanes" and at.multiselect(key="category").value == ["war"]
    assert at.selectbox(key="country").value == "KOR"


def test_switching_language_keeps_the_gift_filters_and_card():
    gift = "2000-basketball-autographed-by-michael-jordan"
    at = open_page("app_pages/gifts.py", {"direction": "received", "category": "sports", "gift": gift})
    at.query_params["lang"] = "ko"
    at.run()
    assert not at.exception
    assert at.session_state["direction"] == "received" and at.multiselect(key="category").value == ["sports"]
    assert at.session_state["gift"] == gift and at.button(key="close_gift").label == "닫기"


def test_switching_language_keeps_the_country():
    at = open_page("app_pages/country.py", {"country": "CHN"})
    assert at.title[0].value == "China"
    at.query_params["lang"] = "ko"
    at.run()
    assert not at.exception and at.title[0].value == "중국" and at.selectbox(key="country_pick").value == "CHN"
    back_to_english(at)
    assert at.title[0].value == "China" and at.selectbox(key="country_pick").value == "CHN"
