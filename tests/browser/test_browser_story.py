"""Story mode and the compare view in a real headless Chromium, as a teacher and an analyst use them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from atlas.data.loading import read_table
from atlas.queries import story
from tests.support.browser import DRAWN_SHAPES, HOVER_TEXT, INTERIOR_POINTS, title_of_map, wait_for_map
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
    assert {"Gained relations", "Lost relations", "Relations restored after a break", "Ties passed to a successor state"} <= set(
        legend
    )
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
    restored = {row.split(",")[0] for row in rows[1:] if ",Restored," in row}
    successor = {row.split(",")[0] for row in rows[1:] if ",Passed to a successor," in row}
    assert {"NAM", "OMN"} <= gained
    assert "CHL" in restored  # severed in 1973, back in these years: as the map's legend says
    assert {"NIC", "DEU"} <= lost
    assert {"UKR", "RUS"} <= successor
    assert page.offsite.blocked == []


LEGEND = "() => [...document.querySelectorAll('.js-plotly-plot .legendtext')].map(t => t.textContent)"


def _box(page, selector: str) -> dict:
    return page.evaluate(f"() => document.querySelector({selector!r}).getBoundingClientRect().toJSON()")


def test_story_chapter_four_draws_australia_as_lost_and_fits_1280_by_720(browser, server_url):
    """A classroom projector: the title, the map's title and its legend on the first screen, and
    Australia, which the text says suspended relations, drawn and hovered as 'Lost relations'."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    try:
        page.goto(f"{server_url}/story?chapter=4")
        wait_for_map(page)
        page.wait_for_function("() => document.querySelector('.js-plotly-plot .legend')", timeout=30_000)
        legend = page.evaluate(LEGEND)
        assert "Lost relations" in legend and not any(text.startswith("Changed") for text in legend)
        australia = next(point for point in page.evaluate(INTERIOR_POINTS) if point["code"] == "AUS")
        page.mouse.move(australia["x"], australia["y"])
        page.wait_for_function(f"() => ({HOVER_TEXT})().includes('Australia')", timeout=10_000)
        hover = page.evaluate(HOVER_TEXT)
        assert "Lost relations" in hover and "Relations suspended" in hover, hover
        for selector in ("h1", ".js-plotly-plot .gtitle", ".js-plotly-plot .legend"):
            box = _box(page, selector)
            assert box["top"] >= 0 and box["bottom"] <= 720, (selector, box)
            assert box["left"] >= 0 and box["right"] <= 1280, (selector, box)
        # The map's title is inside the map's own box (not cut off above it or past its right edge).
        title, plot = _box(page, ".js-plotly-plot .gtitle"), _box(page, ".js-plotly-plot")
        assert title["top"] >= plot["top"] - 1 and title["right"] <= plot["right"], (title, plot)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "story-chapter-4-1280x720.png"))
    finally:
        context.close()


def test_handout_prints_on_white_under_a_dark_colour_scheme(page, server_url):
    """The handout is paper: white page, dark text and map text, whatever the computer's scheme."""
    from io import BytesIO

    from PIL import Image

    page.emulate_media(color_scheme="dark")
    page.goto(f"{server_url}/story?chapter=4&print=1")
    wait_for_map(page)
    page.get_by_text("A gift from the period").wait_for(timeout=30_000)
    pdf = page.pdf(format="A4", print_background=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "story-handout-chapter-4-dark.pdf").write_bytes(pdf)
    page.emulate_media(media="print", color_scheme="dark")
    shot = Image.open(BytesIO(page.screenshot(full_page=True))).convert("RGB")
    width, height = shot.size
    for x, y in ((5, 5), (width // 2, 5), (width - 5, height // 2), (5, height - 5)):
        assert shot.getpixel((x, y)) == (255, 255, 255), (x, y, shot.getpixel((x, y)))
    colours = page.evaluate(
        """() => ({
          body: getComputedStyle(document.querySelector('.stApp')).backgroundColor,
          h1: getComputedStyle(document.querySelector('h1')).color,
          text: getComputedStyle(document.querySelector('.st-key-story_text p')).color,
          map: getComputedStyle(document.querySelector('.js-plotly-plot .gtitle')).fill,
          legend: getComputedStyle(document.querySelector('.js-plotly-plot .legendtext')).fill,
        })"""
    )
    assert colours["body"] == "rgb(255, 255, 255)", colours
    for key in ("h1", "text", "map", "legend"):
        assert colours[key] == "rgb(17, 17, 17)", colours
    # Each key event stays on one page with its "Source:" line.
    breaks = page.evaluate(
        """() => [...document.querySelectorAll('.st-key-story_side [data-testid="stElementContainer"]')]
            .filter(el => el.textContent.includes('Source:')).map(el => getComputedStyle(el).breakInside)"""
    )
    assert breaks and set(breaks) == {"avoid"}, breaks
