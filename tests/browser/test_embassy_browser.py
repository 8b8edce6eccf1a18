"""The embassy network view as a visitor uses it: play the years, then open a state's missions."""

from __future__ import annotations

import pytest

from tests.support.browser import INTERIOR_POINT, title_of_map, wait_for_map

pytestmark = pytest.mark.browser


def test_the_embassy_view_plays_and_opens_a_states_missions(page, server_url):
    page.goto(f"{server_url}/map?year=1960&view=embassies")
    wait_for_map(page)
    assert title_of_map(page) == "Embassies and missions both ways, 31 December 1960"
    assert page.get_by_text("Missions opened and closed in 1960").count() == 1
    page.get_by_role("button", name="Play").click()
    page.wait_for_function("() => /19(6[3-9]|[7-9]\\d)$/.test(document.querySelector('.gtitle').textContent)", timeout=30_000)
    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name="Play").wait_for(timeout=15_000)
    page.wait_for_timeout(1_500)
    year = int(title_of_map(page).rsplit(" ", 1)[-1])
    assert year >= 1963
    page.wait_for_function(f"() => location.search.includes('year={year}') && location.search.includes('view=embassies')")
    x, y = page.evaluate(INTERIOR_POINT, "CHN")
    page.mouse.click(x, y)
    panel = page.locator(".st-key-country_panel")
    panel.get_by_role("heading", name="China").wait_for(timeout=20_000)
    missions = panel.locator(".st-key-country_missions")
    missions.get_by_text("Its mission in Pyongyang").first.wait_for(timeout=20_000)
    assert "1950 · Its mission in Pyongyang: Embassy in Pyongyang" in missions.inner_text()
    assert "country=CHN" in page.url and "view=embassies" in page.url
