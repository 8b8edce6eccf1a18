"""The chart beside the map: its year marker is a layer drawn exactly over it, and a year step
sends the marker, not the chart again."""

from __future__ import annotations

import pytest

from tests.support.browser import title_of_map, wait_for_map

pytestmark = pytest.mark.browser

BOXES = """(key) => [...document.querySelectorAll(`.st-key-${key} img`)].map(img => {
    const box = img.getBoundingClientRect();
    return [Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height)];
})"""


@pytest.mark.parametrize(
    "address, key", [("/map?year=1960", "layered_sparkline"), ("/map?year=1960&view=embassies", "layered_network")]
)
def test_the_year_marker_lies_over_its_chart_and_a_step_sends_only_the_marker(page, server_url, address, key):
    received: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda data: received.append(len(data))))
    page.goto(f"{server_url}{address}")
    wait_for_map(page)
    page.wait_for_function(
        f"() => [...document.querySelectorAll('.st-key-{key} img')].filter(i => i.getBoundingClientRect().width > 200).length === 2"
    )
    chart, marker = page.evaluate(BOXES, key)
    assert chart == marker and chart[2] > 200 and chart[3] > 100, (chart, marker)
    first_marker = page.evaluate(f"() => document.querySelectorAll('.st-key-{key} img')[1].src")
    slider = page.locator('[data-testid="stSlider"] input[type="range"], [data-testid="stSlider"] [role="slider"]').first
    slider.focus()
    page.wait_for_timeout(1_000)
    sizes = []
    for year in (1961, 1962, 1963):  # one step of the year slider at a time, as issue 18 measured it
        marker_before = page.evaluate(f"() => document.querySelectorAll('.st-key-{key} img')[1].src")
        received.clear()
        slider.press("ArrowRight")
        page.wait_for_function(f"() => document.querySelector('.js-plotly-plot .gtitle').textContent.includes('{year}')")
        page.wait_for_function(
            f"(before) => document.querySelectorAll('.st-key-{key} img')[1].src !== before", arg=marker_before, timeout=20_000
        )
        page.wait_for_timeout(700)
        sizes.append(sum(received))
        assert page.evaluate(BOXES, key)[0] == chart  # the chart stayed where it was
    assert sorted(sizes)[1] < 12 * 1024, sizes  # the budget of issue 18: a year step under 12 KB (median)
    assert first_marker != page.evaluate(f"() => document.querySelectorAll('.st-key-{key} img')[1].src")
    assert "1963" in title_of_map(page)
