"""The map page in Korean (issue 20): title, legend, hover, controls, record, compare and embassy
views read in Korean; no message is left untranslated; switching language keeps the view."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from atlas.core import i18n
from atlas.core.countries import country_name
from atlas.figures.palettes import FONT_FAMILY
from tests.support.apptest import figures, map_charts, map_status_by_code, open_page

HANGUL = re.compile(r"[\uac00-\ud7a3]")
MAP = "app_pages/map.py"


@pytest.fixture(autouse=True)
def no_missing_messages():
    """Every page run here must find each message it shows in the Korean catalog."""
    i18n.missing.clear()
    yield
    assert not i18n.missing, f"messages shown without Korean: {sorted(i18n.missing)[:20]}"


def korean(at, run=None):
    """Run ``at`` as a browser showing the Korean page would: the widgets' states it sends are the
    Korean labels it shows (AppTest formats them in the test's own language)."""
    with i18n.language(i18n.KOREAN):
        return (run or at).run()


def legend_names(figure: dict) -> list[str]:
    return [t["name"].replace("<br>", " ") for t in figure["data"] if t.get("showlegend")]


def korean_name(code: str) -> str:
    with i18n.language(i18n.KOREAN):
        return country_name(code)


def test_the_map_in_korean_has_korean_title_controls_legend_and_hover():
    at = open_page(MAP, {"lang": "ko", "year": "1975"})
    assert HANGUL.search(at.title[0].value)
    assert at.slider(key="year").label == "연도" and at.slider(key="year").value == 1975
    assert at.toggle(key="present").label == "발표 모드"
    assert at.button(key="play").label == "재생"
    assert at.selectbox(key="country").label == "나라 찾기"
    figure = map_charts(at)["recognition_map"]
    assert figure["layout"]["title"]["text"] == "북한과의 외교 관계, 1975년 12월 31일"
    names = legend_names(figure)
    assert names and all(HANGUL.search(name) for name in names)
    assert {"수교", "단교", "미수교", "북한"} <= set(names)
    status = map_status_by_code(figure)
    assert status["SWE"].startswith("수교") and status["PRK"] == "북한"
    assert "수교" in figure["data"][0]["hovertemplate"] and "출처" in figure["data"][0]["hovertemplate"]
    assert figure["layout"]["font"]["family"] == FONT_FAMILY
    metric = next(m for m in at.metric if "1975" in m.label)
    assert HANGUL.search(metric.label)
    assert any(h.value == "1975년의 변화" for h in at.subheader)
    listed = " ".join(m.value for m in at.markdown)
    assert "출처:" in listed and "source:" not in listed
    assert at.selectbox(key="changes_region").options[0] == "모든 지역"
    assert at.selectbox(key="compare").options[0] == "비교 안 함"
    assert all(HANGUL.search(c.value) for c in at.caption if "CSV" in c.value)


def test_a_record_opened_in_korean_reads_in_korean_and_switching_language_keeps_the_view():
    at = open_page(MAP, {"lang": "ko", "year": "1975"})
    korean(at, at.selectbox(key="country").set_value("AUS"))
    assert at.query_params["country"] == "AUS" and at.query_params["lang"] == "ko"
    assert any(h.value == korean_name("AUS") for h in at.subheader)
    assert at.button(key="close_country").label == "닫기"
    link = next(link for link in at.get("page_link") if link.proto.page == "country")
    assert link.proto.label == f"{korean_name('AUS')}: 나라별 페이지에서 전체 기록 보기"
    dissolved = at.selectbox(key="country").options
    assert f"{korean_name('SUN')}(해체)" in dissolved

    at.query_params["lang"] = "en"
    korean(at)  # the browser still shows the Korean page when the address changes
    assert not at.exception
    assert at.title[0].value == "Recognition map"
    assert at.slider(key="year").value == 1975 and at.selectbox(key="country").value == "AUS"
    assert any(h.value == "Australia" for h in at.subheader)
    assert at.query_params["year"] == "1975" and at.query_params["country"] == "AUS"
    assert legend_names(map_charts(at)["recognition_map"])[0] == "Diplomatic relations"

    at.query_params["lang"] = "ko"
    at.run()
    assert at.slider(key="year").value == 1975 and at.selectbox(key="country").value == "AUS"
    assert any(h.value == korean_name("AUS") for h in at.subheader)


def test_the_sidebar_switch_keeps_year_country_region_and_view():
    at = open_page(MAP, {"lang": "ko", "year": "1980", "region": "Europe", "view": "both"})
    korean(at, at.selectbox(key="country").set_value("FRA"))
    korean(at, at.button_group(key="lang_switch").set_value("en"))
    assert not at.exception
    assert at.title[0].value == "Recognition map"
    assert at.slider(key="year").value == 1980 and at.selectbox(key="country").value == "FRA"
    assert at.session_state["changes_region"] == "Europe" and at.session_state["map_view"] == "both"
    assert any(h.value == "France" for h in at.subheader)
    assert dict(at.query_params) == {"year": "1980", "region": "Europe", "view": "both", "country": "FRA"}
    at.button_group(key="lang_switch").set_value("ko").run()
    assert at.slider(key="year").value == 1980 and at.selectbox(key="country").value == "FRA"
    assert at.session_state["changes_region"] == "Europe" and at.session_state["map_view"] == "both"
    assert any(h.value == korean_name("FRA") for h in at.subheader)
    assert at.query_params["lang"] == "ko"


def test_the_compare_view_in_korean():
    at = open_page(MAP, {"lang": "ko", "year": "1992", "compare": "1988"})
    assert any(h.value == "1988년 12월 31일부터 1992년 12월 31일까지 달라진 점" for h in at.subheader)
    figure = map_charts(at)["recognition_map"]
    assert figure["layout"]["title"]["text"] == "1988년 12월 31일부터<br>1992년 12월 31일까지 달라진 점"
    names = legend_names(figure)
    assert names and all(HANGUL.search(name) for name in names) and "새로 수교" in names
    assert at.selectbox(key="compare").value == 1988
    assert "1988년 말" in at.selectbox(key="compare").options
    labels = [m.label for m in at.metric]
    assert "새 수교국" in labels and "관계 상실국" in labels
    assert any("새 수교" in c.value and "상실" in c.value for c in at.caption)  # the party sum
    table = at.dataframe[0].value
    assert set(table["change"]) <= {"새 수교", "복원", "상실", "승계국으로 넘어감"}
    # The region filter keeps its English code (the URL's) and shows Korean.
    korean(at, at.selectbox(key="changes_region").set_value("Europe"))
    assert at.query_params["region"] == "Europe"
    assert "유럽 새 수교국" in [m.label for m in at.metric]


def test_the_embassy_and_both_koreas_views_in_korean():
    at = open_page(MAP, {"lang": "ko", "year": "2023", "view": "embassies"})
    figure = map_charts(at)["recognition_map"]
    assert figure["layout"]["title"]["text"] == "서로 둔 대사관과 공관, 2023년 12월 31일"
    assert map_status_by_code(figure)["CHN"] == "서로 공관 설치"
    assert all(HANGUL.search(name) for name in legend_names(figure))
    assert any(h.value == "2023년에 개설·폐쇄된 공관" for h in at.subheader)
    listed = " ".join(m.value for m in at.markdown)
    assert korean_name("AGO") in listed and "폐쇄" in listed
    assert at.query_params["view"] == "embassies"

    both = open_page(MAP, {"lang": "ko", "year": "1995", "view": "both"})
    (figure, *_) = figures(both)
    assert figure["layout"]["title"]["text"] == "남북한과의 외교 관계, 1995년 12월 31일"
    assert {"남북한 모두와 수교", "북한하고만 수교", "한국하고만 수교"} <= set(legend_names(figure))


def test_the_race_chart_in_korean():
    at = open_page("app_pages/timeline.py", {"lang": "ko"})
    (race,) = [figure for figure in figures(at) if any(t.get("name") == "한국의 수교국" for t in figure["data"])]
    assert race["layout"]["font"]["family"] == FONT_FAMILY
    marks = " ".join(a["text"] for a in race["layout"]["annotations"])
    assert "북방정책" in marks and "1973년 6월 23일" in marks
    assert any(h.value == "한국과의 수교 경쟁" for h in at.subheader)
    i18n.missing.clear()  # the rest of the Timelines page is another change's


def test_the_sparklines_carry_no_hangul():
    """An <img> cannot use the page's Korean web font: the images keep to numbers."""
    from atlas.web import cache as loaders

    today = dt.date(2026, 1, 1)
    with i18n.language(i18n.KOREAN):
        images = [
            loaders.recognition_sparkline(today),
            loaders.recognition_sparkline_marker(today, 1975),
            loaders.network_sparkline(today),
            loaders.network_sparkline_marker(today, 1975),
        ]
    for svg in images:
        assert svg.startswith("<svg") and not HANGUL.search(svg) and "<title>" not in svg
    assert "<title>" in loaders.recognition_sparkline(today)  # English keeps its description
