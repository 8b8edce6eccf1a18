"""Issue 21 in a real browser: the Timelines' treaty lane is shown from the lane filter, and the
1961 China treaty's record opens from the keyboard-reachable list with its title and source link."""

from __future__ import annotations

import pytest

from tests.browser.test_records_browser import open_by_keyboard

pytestmark = pytest.mark.browser


def test_the_treaty_lane_and_the_1961_china_treaty_record(page, server_url):
    page.goto(f"{server_url}/timeline")
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    page.locator(".st-key-lanes").get_by_role("button", name="Treaties", exact=True).click()
    page.wait_for_function(
        "() => new URLSearchParams(location.search).get('lanes') === 'events,changes,treaties'", timeout=30_000
    )
    # The chart draws the lane: its name is on the y axis, with the treaties' squares in it.
    page.wait_for_function(
        "() => [...document.querySelectorAll('.js-plotly-plot .ytick text')].some(t => t.textContent === 'treaties signed')",
        timeout=30_000,
    )
    open_by_keyboard(page, "open_record", "Assistance between the PRC", "event_record")
    record = page.locator(".st-key-event_record")
    assert record.locator("h3").inner_text().startswith("Treaty of Friendship, Cooperation and Mutual Assistance between the PRC")
    source = record.get_by_role("link", name="korean.cri.cn")
    assert source.get_attribute("href") == "https://korean.cri.cn/1660/2011/07/05/1s174148.htm"
    assert "In force:" in record.inner_text() and "10 September 1961" in record.inner_text()
    assert page.evaluate("() => new URLSearchParams(location.search).get('event')") == "treaty:1961-prk-chn-friendship"
