"""The atlas in Korean as a visitor sees it: Hangul drawn in the locally served font, a record
opened in Korean, the switch back to English keeping the view, a Korean handout PDF."""

from __future__ import annotations

import re

import pytest

from tests.support.browser import INTERIOR_POINT, title_of_map, wait_for_map
from tests.support.server import ARTIFACTS

pytestmark = pytest.mark.browser
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# True once a Noto Sans KR face has been downloaded and used: the Hangul on screen is drawn in
# the served font, not in boxes (the test machine has no Korean font of its own).
KOREAN_FONT_LOADED = "() => [...document.fonts].some(f => f.family.includes('Noto Sans KR') && f.status === 'loaded')"
LEGEND = "() => [...document.querySelectorAll('.js-plotly-plot .legendtext')].map(t => t.textContent)"


def test_korean_map_record_and_switch_back_to_english(page, server_url):
    font_requests: list[str] = []
    page.on("request", lambda request: font_requests.append(request.url) if ".woff2" in request.url else None)
    page.goto(f"{server_url}/map?lang=ko&year=1975")
    wait_for_map(page)
    assert title_of_map(page) == "북한과의 외교 관계, 1975년 12월 31일"
    legend = page.evaluate(LEGEND)
    assert legend and all(HANGUL.search(name) for name in legend), legend
    page.wait_for_function(KOREAN_FONT_LOADED, timeout=20_000)
    assert any("noto-sans-kr-korean-400" in url for url in font_requests)
    assert all(url.startswith(server_url) for url in font_requests)
    # The map's own text (title, legend) is set in the same family as the page, Hangul included.
    assert "Noto Sans KR" in page.evaluate("() => getComputedStyle(document.querySelector('.js-plotly-plot .gtitle')).fontFamily")
    assert page.locator('[data-testid="stSidebarNav"]').get_by_text("수교 지도").count() == 1

    x, y = page.evaluate(INTERIOR_POINT, "CHN")
    page.mouse.click(x, y)
    panel = page.locator(".st-key-country_panel")
    panel.get_by_role("heading", name="중국").wait_for(timeout=20_000)
    page.wait_for_function("() => location.search.includes('country=CHN') && location.search.includes('lang=ko')")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map-korean-1975.png"))

    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    panel.get_by_role("heading", name="China").wait_for(timeout=20_000)
    page.wait_for_function("() => !location.search.includes('lang=')")
    assert "year=1975" in page.url and "country=CHN" in page.url
    assert title_of_map(page) == "Relations with the DPRK, 31 December 1975"
    assert page.offsite.blocked == []


def test_korean_handout_pdf_has_hangul_in_the_served_font(page, server_url):
    page.goto(f"{server_url}/story?lang=ko&chapter=4&print=1")
    wait_for_map(page)
    heading = page.locator("h1").first
    heading.wait_for(timeout=30_000)
    assert HANGUL.search(heading.inner_text())
    page.wait_for_function(KOREAN_FONT_LOADED, timeout=20_000)
    pdf = page.pdf(format="A4", print_background=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "story-handout-chapter-4-korean.pdf").write_bytes(pdf)
    # The PDF embeds the glyphs it draws: the Korean text is set in Noto Sans KR, not boxes.
    assert b"NotoSansKR" in pdf
    assert page.offsite.blocked == []


@pytest.mark.parametrize(
    "address, kept",
    [
        ("/timeline?lang=ko&country=CHN&category=war", ("country=CHN", "category=war")),
        ("/gifts?lang=ko&leader=Kim%20Il%20Sung&direction=received", ("leader=Kim", "direction=received")),
        ("/country?lang=ko&country=DDR", ("country=DDR",)),
    ],
)
def test_switching_language_twice_keeps_the_filters_as_codes(page, server_url, address, kept):
    """The browser returns a dropdown's choice as the label it showed; after a switch that label is
    the other language's, so the view must come from the address, never from the label."""
    page.goto(f"{server_url}{address}")
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).wait_for(timeout=30_000)
    page.wait_for_timeout(1_500)
    for name in ("English", "한국어"):
        page.locator('[data-testid="stSidebar"]').get_by_text(name, exact=True).click()
        page.wait_for_function("(ko) => location.search.includes('lang=ko') === ko", arg=name == "한국어")
        page.wait_for_timeout(1_500)
        assert all(part in page.url for part in kept), page.url
        assert not HANGUL.search(page.url.split("?", 1)[1]), page.url


def test_a_korean_browser_gets_korean_and_an_english_one_english_at_the_same_time(browser, server_url):
    """Two visitors at once, one whose browser asks for Korean: each reads their own language, and
    an address without ``lang`` follows the browser (the address stays without it)."""
    korean = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    english = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    try:
        seoul, london = korean.new_page(), english.new_page()
        seoul.goto(f"{server_url}/map?year=1988")
        london.goto(f"{server_url}/map?year=1988")
        wait_for_map(seoul)
        wait_for_map(london)
        assert title_of_map(seoul) == "북한과의 외교 관계, 1988년 12월 31일"
        assert title_of_map(london) == "Relations with the DPRK, 31 December 1988"
        # Each keeps its language as both step a year, interleaved.
        for tab in (seoul, london):
            tab.locator('[data-testid="stSidebar"]').wait_for()
            tab.get_by_role("button", name=re.compile("^(Next|다음)")).first.click()
        seoul.wait_for_function("() => document.querySelector('.js-plotly-plot .gtitle').textContent.includes('1989년')")
        london.wait_for_function("() => document.querySelector('.js-plotly-plot .gtitle').textContent.includes('1989')")
        assert HANGUL.search(title_of_map(seoul)) and not HANGUL.search(title_of_map(london))
        assert "lang=" not in seoul.url and "lang=" not in london.url
    finally:
        korean.close()
        english.close()
