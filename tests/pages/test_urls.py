"""One URL rule on every page (atlas.web.urls): coming back with a new query string shows that
query's view, coming back with the page's own address keeps its view, defaults and unknown keys
stay out of the address, and one notice names everything the address got wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from atlas.core import links
from atlas.core.pages import PAGE
from atlas.queries import story
from tests.support.apptest import event_points, map_charts, open_page

AWAY = PAGE["home"].script


def come_back(at: AppTest, page: str, query: dict) -> AppTest:
    """Leave for Home, then open ``page`` again in the same session with ``query``."""
    at.switch_page(AWAY).run()
    assert dict(at.query_params) == {}, "Home drops every other page's parameters"
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(PAGE[page].script).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def address(at: AppTest) -> dict[str, str]:
    return {key: (value[-1] if isinstance(value, list) else value) for key, value in at.query_params.items()}


def test_timeline_shows_the_new_query_when_you_come_back():
    at = open_page(PAGE["timeline"].script, {"q": "severed"})
    severed = event_points(at)
    come_back(at, "timeline", {"q": "treaty"})
    assert at.text_input(key="q").value == "treaty"
    assert event_points(at) != severed and address(at) == {"q": "treaty"}


def test_timeline_keeps_its_view_when_you_come_back_to_its_own_address():
    at = open_page(PAGE["timeline"].script, {"q": "severed"})
    at.segmented_control(key="view").set_value("post-1989").run()
    own = address(at)
    assert own == {"view": "post-1989", "q": "severed"}
    come_back(at, "timeline", own)
    assert at.segmented_control(key="view").value == "post-1989" and at.text_input(key="q").value == "severed"
    assert address(at) == own


def test_map_shows_the_new_year_when_you_come_back():
    at = open_page(PAGE["map"].script, {"year": "1975"})
    come_back(at, "map", {"year": "1990"})
    assert at.slider(key="year").value == 1990 and address(at) == {"year": "1990"}
    assert at.session_state["playing"] is False


def test_map_compare_and_both_koreas_views_follow_the_new_query():
    at = open_page(PAGE["map"].script, {"year": "1992", "compare": "1988"})
    come_back(at, "map", {"year": "1992", "compare": "1980"})
    assert at.subheader[0].value.startswith("What changed between 31 December 1980 and 31 December 1992")
    come_back(at, "map", {"year": "1975", "view": "both"})
    assert at.selectbox(key="compare").value is None  # not in the new query: off
    assert "North and South Korea" in map_charts(at)["recognition_map"]["layout"]["title"]["text"]
    assert address(at) == {"year": "1975", "view": "both"}


def test_map_at_the_default_year_writes_no_year():
    at = open_page(PAGE["map"].script)
    assert at.slider(key="year").value == dt.date.today().year
    assert "year" not in at.query_params
    at.slider(key="year").set_value(1980).run()
    assert address(at) == {"year": "1980"}
    at.slider(key="year").set_value(dt.date.today().year).run()
    assert "year" not in at.query_params
    # Written defaults are dropped too, and so are keys the map does not read.
    at = open_page(PAGE["map"].script, {"year": str(dt.date.today().year), "view": "dprk", "present": "0", "q": "x"})
    assert address(at) == {} and not at.info


def test_one_notice_names_every_ignored_value():
    at = open_page(PAGE["map"].script, {"year": "3000", "country": "XXX", "view": "nope"})
    (notice,) = [info.value for info in at.info]
    assert notice.startswith("Ignored year=3000: outside 1948–")
    assert "Ignored country='XXX': not a country code the atlas knows." in notice
    assert "Ignored view='nope'" in notice and notice.endswith("Showing the default view instead.")
    assert address(at) == {}


def test_gifts_show_the_new_query_when_you_come_back():
    at = open_page(PAGE["gifts"].script, {"country": "RUS"})
    come_back(at, "gifts", {"country": "USA", "period": "all"})
    assert at.selectbox(key="country").value == "USA"
    assert address(at) == {"country": "USA"}  # period=all is the default


def test_country_page_shows_the_new_query_when_you_come_back_and_follows_its_own_links():
    at = open_page(PAGE["country"].script, {"country": "DEU"})
    come_back(at, "country", {"country": "RUS"})
    assert at.title[0].value == "Russia" and at.selectbox(key="country_pick").value == "RUS"
    successor = next(link for link in at.get("page_link") if link.proto.page == "country")
    assert successor.proto.query_string == "country=SUN"  # the predecessor's page, on the same page
    at.query_params["country"] = "SUN"  # following it: the same page, entered with a new query string
    at.run()
    assert at.title[0].value == "Soviet Union" and address(at) == {"country": "SUN"}


def test_story_shows_the_new_chapter_when_you_come_back():
    at = open_page(PAGE["story"].script, {"chapter": "2"})
    come_back(at, "story", {"chapter": "5"})
    assert at.title[0].value == story.CHAPTERS[4].title and address(at) == {"chapter": "5"}
    come_back(at, "story", {})
    assert at.title[0].value == story.CHAPTERS[0].title and address(at) == {"chapter": "1"}


def test_data_page_shows_the_new_query_when_you_come_back():
    at = open_page(PAGE["data"].script, {"dataset": "gifts"})
    come_back(at, "data", {"dataset": "missions", "q": "Berlin"})
    assert at.selectbox(key="dataset").value == "missions" and at.text_input(key="q").value == "Berlin"
    assert address(at) == {"dataset": "missions", "q": "Berlin"}


def test_home_has_no_parameters_and_drops_foreign_ones():
    at = open_page(PAGE["home"].script, {"year": "1975", "unknown_key": "1"})
    assert dict(at.query_params) == {} and not at.info


@pytest.mark.parametrize("page", list(PAGE))
def test_every_page_comes_back_with_a_new_query_string(page):
    """Each page opened with one value of its first parameter, then again with another."""
    values = {
        "map": ("1975", "1990"),
        "timeline": ("cold-war", "post-1989"),
        "gifts": ("cold-war", "post-1989"),
        "country": ("DEU", "FRA"),
        "story": ("2", "6"),
        "data": ("gifts", "events"),
    }
    if page == "home":
        assert links.PARAMS[page] == ()
        return
    first = links.PARAMS[page][0]
    before, after = values[page]
    at = open_page(PAGE[page].script, {first.name: before})
    assert address(at)[first.name] == before
    come_back(at, page, {first.name: after})
    assert address(at)[first.name] == after
    assert str(at.session_state[first.state_key]) == after
    assert not any("Showing the default view" in info.value for info in at.info)
