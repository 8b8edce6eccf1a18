"""The dual-Korea map (``/map?view=both``) drawn in headless Chromium, offline."""

from __future__ import annotations

import pytest

from tests.support.browser import HOVER_TEXT, INTERIOR_POINTS, title_of_map, wait_for_map

pytestmark = pytest.mark.browser

LEGEND = "() => [...document.querySelectorAll('.legendtext')].map(t => t.textContent)"


def test_dual_view_draws_offline_with_its_legend_and_hover(page, server_url):
    page.goto(f"{server_url}/map?year=1975&view=both")
    assert wait_for_map(page) >= 150
    assert "North and South Korea" in title_of_map(page) and "1975" in title_of_map(page)
    # Spaces ignored: the map builder wraps long legend labels onto two lines.
    legend = [text.replace(" ", "") for text in page.evaluate(LEGEND)]
    for label in ("Relations with both Koreas", "Relations with North Korea only", "Relations with South Korea only"):
        assert label.replace(" ", "") in legend
    # Pointing at India (both Koreas since December 1973) names both sides in the hover.
    india = next(t for t in page.evaluate(INTERIOR_POINTS) if t["code"] == "IND")
    page.mouse.move(india["x"], india["y"])
    page.wait_for_function(f"() => ({HOVER_TEXT})().includes('India')", timeout=10_000)
    hover = page.evaluate(HOVER_TEXT)
    assert "Relations with both Koreas" in hover and "South Korea: Diplomatic relations" in hover
    # Shapes are painted in the view's colours: some in the "both" green, some in Seoul's blue.
    fills = page.evaluate("() => [...document.querySelectorAll('.choroplethlocation')].map(p => getComputedStyle(p).fill)")
    assert "rgb(0, 158, 115)" in fills and "rgb(0, 114, 178)" in fills
    assert page.offsite.blocked == []
