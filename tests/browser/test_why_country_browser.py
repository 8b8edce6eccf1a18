"""The country page's "Beyond recognition" as a visitor sees it (issue 21): Russia's page, scrolled
to the section, lists the Soviet treaty of 1961 and Russia's own of 2000 and 2024, draws its UN
voting alignment as two lines (Russia, and South Korea for comparison), and the keyboard goes from
the heading to the first treaty's source."""

from __future__ import annotations

import pytest

from tests.support.server import ARTIFACTS

pytestmark = pytest.mark.browser

TREATIES = (
    "Treaty of Friendship, Co-operation and Mutual Assistance between the USSR and the DPRK",
    "Treaty of Friendship, Good-Neighbourliness and Cooperation between the Russian Federation and the DPRK",
    "Treaty on Comprehensive Strategic Partnership between the Russian Federation and the DPRK",
)
# Each drawn line of the alignment chart: its legend name and how many points its path joins.
DRAWN_LINES = """() => [...document.querySelectorAll('.st-key-beyond_alignment .js-plotly-plot .scatterlayer .trace')].map(t => {
  const path = t.querySelector('path.js-line');
  return {points: t.querySelectorAll('path.point').length, drawn: !!path && (path.getAttribute('d') || '').length > 20,
          colour: path ? path.style.stroke : ''};
})"""
FOCUSED = "() => ({inside: !!document.activeElement.closest('.st-key-beyond_treaties'), href: document.activeElement.href || ''})"
LEGEND = "() => [...document.querySelectorAll('.st-key-beyond_alignment .legendtext')].map(t => t.textContent)"


def test_russias_treaties_and_alignment_chart(page, server_url):
    page.goto(f"{server_url}/country?country=RUS")
    heading = page.get_by_role("heading", name="Beyond recognition")
    heading.wait_for(timeout=60_000)
    heading.scroll_into_view_if_needed()
    treaties = page.locator(".st-key-beyond_treaties")
    treaties.wait_for(timeout=20_000)
    text = treaties.inner_text()
    for title in TREATIES:
        assert title in text, title
    assert "signed 6 July 1961" in text and "signed 9 February 2000" in text and "signed 19 June 2024" in text
    assert text.index(TREATIES[0]) < text.index(TREATIES[1]) < text.index(TREATIES[2])  # oldest first

    chart = page.locator(".st-key-beyond_alignment .js-plotly-plot")
    chart.scroll_into_view_if_needed()
    page.wait_for_function(f"() => ({DRAWN_LINES})().length === 2", timeout=30_000)
    lines = page.evaluate(DRAWN_LINES)
    assert all(line["drawn"] and line["points"] >= 20 for line in lines), lines
    assert lines[0]["colour"] != lines[1]["colour"]
    assert page.evaluate(LEGEND) == ["Russia", "South Korea (for comparison)"]
    assert chart.bounding_box()["height"] > 250
    assert "1 means always the same vote" in page.locator(".st-key-beyond_alignment").inner_text()

    # Keyboard: from the section's heading, a few Tabs (past the headings' anchor links) reach the
    # first treaty's source link.
    heading.evaluate("h => { h.tabIndex = -1; h.focus(); }")
    focused = {}
    for _press in range(4):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["inside"]:
            break
    assert focused["inside"] and focused["href"].startswith("https://ko.wikipedia.org/"), focused
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "country-russia-beyond-recognition.png"), full_page=False)
    chart.screenshot(path=str(ARTIFACTS / "country-russia-alignment-chart.png"))
    assert page.offsite.blocked == []
