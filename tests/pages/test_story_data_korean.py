"""The Story, Data & sources and Home pages in Korean (issue 20) under AppTest: Korean titles, text
and chart titles, no message left in English, Korean notices for bad addresses, and a language
switch that keeps the view."""

from __future__ import annotations

import json
import re
import string

import pytest
from streamlit.testing.v1 import AppTest

from atlas.core import i18n
from atlas.core.i18n import _
from atlas.queries import story
from tests.support.apptest import map_charts, open_page

STORY = "app_pages/story.py"
DATA = "app_pages/data.py"
HOME = "app_pages/home.py"
MAP = "app_pages/map.py"
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def korean(message: str) -> str:
    with i18n.language(i18n.KOREAN):
        return _(message)


def open_korean(page: str, params: dict | None = None) -> AppTest:
    """The page in Korean, with the record of untranslated messages cleared first."""
    i18n.missing.clear()
    return open_page(page, {"lang": "ko", **(params or {})})


def assert_all_translated() -> None:
    assert not i18n.missing, f"messages shown in English on a Korean page: {sorted(i18n.missing)[:10]}"


def text_of(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def address(at: AppTest) -> dict[str, str]:
    return {key: (value[-1] if isinstance(value, list) else value) for key, value in at.query_params.items()}


@pytest.mark.parametrize("number", range(1, len(story.CHAPTERS) + 1))
def test_each_chapter_in_korean(number):
    at = open_korean(STORY, {"chapter": str(number)})
    chapter = story.CHAPTERS[number - 1]
    assert [t.value for t in at.title] == [korean(chapter.title)]
    assert HANGUL.search(at.title[0].value)
    assert f"제{number}장" in at.caption[0].value and "Chapter" not in at.caption[0].value
    assert not at.info and not at.error
    # The text is the Korean template filled in: every typed part of it is there.
    parts = [literal.strip() for literal, *_rest in string.Formatter().parse(korean(chapter.text)) if literal.strip()]
    text = next(m.value for m in at.markdown if parts[0] in m.value)
    assert all(part in text for part in parts)
    assert "{" not in text and korean(story.MISSING_DATE) not in text
    assert not re.search(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b", text)
    assert [s.value for s in at.subheader][:2] == ["주요 사건", "이 시기의 선물"]
    assert "출처:" in text_of(at)
    charts = map_charts(at)
    assert HANGUL.search(charts["story_map"]["layout"]["title"]["text"])
    if chapter.dual_korea:
        assert HANGUL.search(charts["story_both_map"]["layout"]["title"]["text"])
        assert [t.label for t in at.tabs] == ["이 시기에 달라진 것", "이 장이 끝날 때의 남북한"]
    assert at.button(key="story_previous").label == "이전" and at.button(key="story_next").label == "다음"
    footer = next(c.value for c in at.caption if c.value.startswith("데이터: data/events.csv"))
    assert "종류별 출처:" in footer
    assert_all_translated()


@pytest.mark.parametrize("number", range(len(story.CHAPTERS)))
def test_korean_templates_type_no_number(number):
    """Like the English: every number and date of the Korean text is computed, none typed
    (the Six-Party Talks keep their name, 6자회담)."""
    chapter = story.CHAPTERS[number]
    template = korean(chapter.text)
    assert template != chapter.text and HANGUL.search(template)
    typed = story.template_literals(template).replace("6자회담", "")
    assert not re.search(r"\d", typed), typed


def test_the_handout_in_korean():
    at = open_korean(STORY, {"chapter": "5", "print": "1"})
    assert at.title[0].value == korean(story.CHAPTERS[4].title)
    assert not at.button  # no navigation in the handout
    assert HANGUL.search(map_charts(at)["story_map"]["layout"]["title"]["text"])
    assert [s.value for s in at.subheader][:2] == ["주요 사건", "이 시기의 선물"]
    assert_all_translated()


def test_switching_language_keeps_the_chapter():
    at = open_page(STORY, {"chapter": "3"})
    assert at.title[0].value == story.CHAPTERS[2].title
    at.query_params["lang"] = "ko"
    at.run()
    assert at.title[0].value == korean(story.CHAPTERS[2].title)
    assert address(at)["chapter"] == "3" and at.session_state["lang"] == "ko"
    at.button(key="story_next").click().run()
    assert at.title[0].value == korean(story.CHAPTERS[3].title)
    at.query_params["lang"] = "en"
    at.run()
    assert at.title[0].value == story.CHAPTERS[3].title and address(at)["chapter"] == "4"


def test_bad_chapter_shows_a_korean_notice():
    at = open_korean(STORY, {"chapter": "99"})
    notice = at.info[0].value
    assert "chapter=99는 무시했습니다" in notice and "기본 화면" in notice and "Ignored" not in notice
    assert at.title[0].value == korean(story.CHAPTERS[0].title)
    assert_all_translated()


def test_a_bad_map_year_shows_a_korean_notice():
    at = open_korean(MAP, {"year": "3000"})
    notice = at.info[0].value
    assert "year=3000는 무시했습니다" in notice and "범위를 벗어납니다" in notice and "기본 화면" in notice
    assert "Ignored" not in notice and "Showing" not in notice


def test_data_page_in_korean():
    at = open_korean(DATA)
    assert at.title[0].value == "데이터와 출처"
    body = text_of(at)
    for name in ("북한", "한국", "조선민주주의인민공화국", "대한민국", "pycountry", "ISO 3166", "KOREAN_NAMES"):
        assert name in body, name
    (citation,) = at.code
    assert citation.value.startswith("북한 대외관계 아틀라스") and "접속" in citation.value and "SHA-256" in citation.value
    assert all(HANGUL.search(s.value) for s in at.subheader)
    assert "데이터셋" in [s.label for s in at.selectbox]
    assert all(HANGUL.search(e.label) for e in at.expander)
    assert any("행." in m.value and "`data/relations.csv`" in m.value for m in at.markdown)  # the files' list
    assert_all_translated()


def test_data_page_korean_column_headings():
    at = open_korean(DATA)
    coverage = next(df for df in at.dataframe if "dates to the day" in df.value.columns)
    headings = coverage.proto.columns
    labels = {column: config.get("label") for column, config in json.loads(headings).items()}
    assert labels["dates to the day"] == "일 단위 날짜" and labels["rows"] == "행 수"
    kinds = [c for c in coverage.value.columns if c.endswith("(%)")]
    assert kinds and all(HANGUL.search(c) for c in kinds)  # the kinds' columns are named in Korean
    browsed = at.dataframe[0]
    assert set(browsed.value["source_kind"]) - {""} and all(HANGUL.search(k) for k in set(browsed.value["source_kind"]) - {""})
    assert json.loads(browsed.proto.columns)["source_kind"]["label"] == "출처 종류"


def test_data_page_switching_language_keeps_the_dataset_and_search():
    at = open_page(DATA, {"dataset": "gifts", "q": "kkfonline"})
    rows = len(at.dataframe[0].value)
    at.query_params["lang"] = "ko"
    at.run()
    assert at.title[0].value == "데이터와 출처"
    assert at.selectbox(key="dataset").value == "gifts" and at.text_input(key="q").value == "kkfonline"
    assert len(at.dataframe[0].value) == rows
    assert address(at) == {"dataset": "gifts", "q": "kkfonline", "lang": "ko"}


def test_home_in_korean():
    at = open_korean(HOME)
    assert at.title[0].value == "북한 대외관계 아틀라스"
    assert HANGUL.search(at.markdown[0].value) and "1948년 9월 9일" in text_of(at)
    assert all(HANGUL.search(m.label) for m in at.metric)
    assert "수교한 적 없음" in [m.label for m in at.metric]
    links = [link.label for link in at.get("page_link")]
    assert links and all(HANGUL.search(label) for label in links)
    assert any(label.startswith("수교 지도") for label in links)
    assert all(HANGUL.search(e.label) for e in at.expander)
    footer = next(c.value for c in at.caption if c.value.startswith("데이터: data/relations.csv"))
    assert "종류별 출처:" in footer
    assert_all_translated()


def test_home_links_carry_the_language():
    at = open_korean(HOME)
    story_link = next(link for link in at.get("page_link") if link.label.startswith("이야기"))
    assert "lang=ko" in str(story_link.proto)


def test_widgets_change_the_view_in_korean():
    """With ``lang`` in the address, a widget's change sticks and goes to the address (the page
    must not take its own address, ``lang`` and all, for a new one on every run)."""
    at = open_korean(DATA)
    at.selectbox(key="dataset").set_value("gifts").run()
    at.text_input(key="q").set_value("kkfonline").run()
    assert at.selectbox(key="dataset").value == "gifts"
    assert address(at) == {"dataset": "gifts", "q": "kkfonline", "lang": "ko"}
    at = open_korean(STORY, {"chapter": "2"})
    at.segmented_control(key="story_jump").set_value(6).run()
    assert at.title[0].value == korean(story.CHAPTERS[5].title) and address(at)["chapter"] == "6"
