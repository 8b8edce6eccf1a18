"""Story mode and the compare view in a real headless Chromium, as a teacher and an analyst use them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from atlas.data.loading import read_table
from atlas.queries import story
from tests.support.browser import DRAWN_SHAPES, title_of_map, wait_for_map
from tests.support.server import ARTIFACTS

pytestmark = pytest.mark.browser

VISIBLE_CELLS = "() => [...document.querySelectorAll('[data-testid=stDataFrame] td')].map(td => td.textContent)"


def test_walk_the_story_from_first_to_last_chapter_with_next(page, server_url):
    events, today = read_table("events"), dt.date.today()
    page.goto(f"{server_url}/story?chapter=1")
    for number, chapter in enumerate(story.CHAPTERS, start=1):
        heading = page.locator("h1").first
        page.wait_for_function(
            "title => document.querySelector('h1')?.textContent.trim() === title", arg=chapter.title, timeout=60_000
        )
        end = story.chapter_period(chapter, events, today)[1]
        # The map is this chapter's: its title names the chapter's end date, and its shapes are drawn.
        page.wait_for_function(
            "year => document.querySelector('.js-plotly-plot .gtitle')?.textContent.includes(year)",
            arg=str(end.year),
            timeout=60_000,
        )
        assert wait_for_map(page) >= 150
        assert f"chapter={number}" in page.url
        assert heading.inner_text().strip() == chapter.title
        next_button = page.get_by_role("button", name="Next")
        if number < len(story.CHAPTERS):
            next_button.click()
        else:
            assert next_button.is_disabled()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "story-last-chapter.png"))
    assert page.offsite.blocked == []


def test_printable_handout_fits_two_a4_pages_without_sidebar(page, server_url):
    page.goto(f"{server_url}/story?chapter=4&print=1")
    wait_for_map(page)
    page.get_by_text("A gift from the period").wait_for(timeout=30_000)
    assert page.get_by_role("button", name="Next").count() == 0
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    pdf = page.pdf(format="A4", print_background=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "story-handout-chapter-4.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert 1 <= pages <= 2, pages
    page.emulate_media(media="print")
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert page.locator("h1").first.inner_text().strip() == story.CHAPTERS[3].title
    assert page.evaluate(DRAWN_SHAPES) >= 150  # the map is still drawn in the print layout


def test_compare_view_answers_gained_or_lost_between_1988_and_1992(page, server_url):
    page.goto(f"{server_url}/map?year=1992&compare=1988")
    wait_for_map(page)
    assert "1988" in title_of_map(page) and "1992" in title_of_map(page)
    legend = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot .legendtext')].map(t => t.textContent)")
    assert {"Gained relations", "Lost relations"} <= set(legend)
    page.get_by_role("heading", name="What changed between 31 December 1988 and 31 December 1992").wait_for(timeout=30_000)
    page.wait_for_function(f"() => ({VISIBLE_CELLS})().includes('Namibia')", timeout=30_000)
    cells = page.evaluate(VISIBLE_CELLS)
    assert "Gained" in cells and "Namibia" in cells  # the table opens on the gains, oldest first
    with page.expect_download(timeout=30_000) as download:
        page.get_by_text("Download these changes (CSV)").click()
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    rows = data.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("iso3,name,continent,region,change")
    assert "(date uncertain)" not in data.decode("utf-8-sig")  # one date per date cell
    gained = {row.split(",")[0] for row in rows[1:] if ",Gained," in row}
    lost = {row.split(",")[0] for row in rows[1:] if ",Lost," in row}
    assert {"NAM", "OMN", "CHL"} <= gained
    assert {"NIC", "DEU"} <= lost
    assert page.offsite.blocked == []
