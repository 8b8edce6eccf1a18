"""The page-parameter declarations and the link builder (atlas.core.links), and the readers they use."""

from __future__ import annotations

import pytest

from atlas.core import links, params
from atlas.core.pages import PAGE


def test_every_page_declares_its_parameters_once():
    assert set(links.PARAMS) == set(PAGE)
    for page, declared in links.PARAMS.items():
        names = [p.name for p in declared]
        keys = [p.state_key for p in declared]
        assert len(names) == len(set(names)), page
        assert len(keys) == len(set(keys)), page  # one session-state key per parameter
        assert all(callable(param.read) for param in declared), page
    assert links.PARAMS["home"] == ()
    assert [p.name for p in links.PARAMS["map"]] == ["year", "country", "present", "compare", "region", "view", "period"]


def test_defaults_are_fresh_and_a_moving_default_is_called():
    category = links.param("timeline", "category")
    first, second = category.default_value(), category.default_value()
    assert first == [] and first is not second  # a multiselect's state, never shared
    assert links.param("map", "year").default_value() == links.this_year()
    with pytest.raises(KeyError):
        links.param("map", "q")


def test_links_to_pages_by_key():
    assert links.url("home") == "./"
    assert links.url("map") == "map"
    assert links.url("data", dataset="gifts", q="kkf online") == "data?dataset=gifts&q=kkf%20online"
    assert links.url("timeline", category=["war", "UN"], view="cold-war") == "timeline?view=cold-war&category=war,UN"


def test_map_links_leave_the_defaults_out():
    assert links.map_at(1975, "FRA") == "map?year=1975&country=FRA"
    assert links.map_at("2000") == "map?year=2000"
    assert links.map_at(links.this_year()) == "map"  # today's year is the default: never written
    assert links.map_at(links.this_year(), "FRA") == "map?country=FRA"
    assert links.map_at(1992, compare=1988) == "map?year=1992&compare=1988"
    assert links.url("map", present=True, view="both") == "map?present=1&view=both"
    assert links.url("map", present=False, view="dprk", region="All regions") == "map"
    assert links.query("map", {"country": None, "year": 1960}) == {"year": "1960"}


def test_record_links_are_relative_and_quoted():
    assert links.country_page("DEU") == "country?country=DEU"
    assert links.timeline_record("a b&c") == "timeline?event=a%20b%26c"
    assert links.gift_card("2000-basketball") == "gifts?gift=2000-basketball"
    assert links.gift_card("x?y=1#z") == "gifts?gift=x%3Fy%3D1%23z"


def test_story_links_always_name_their_chapter():
    assert links.story_chapter(1) == "story?chapter=1"
    assert links.story_chapter(3, handout=True) == "story?chapter=3&print=1"


@pytest.mark.parametrize("bad", [{"yaer": 1975}, {"event": "x"}, {"print": True}])
def test_a_link_naming_a_parameter_its_page_does_not_read_is_an_error(bad):
    with pytest.raises(KeyError):
        links.url("map", **bad)


def test_the_readers_share_one_shape():
    assert params.read_range("1975", "year", (1948, 2026)) == (1975, None)
    assert params.read_range("3000", "year", (1948, 2026)) == (None, "Ignored year=3000: outside 1948–2026.")
    assert params.read_other_year("1988", "compare", (1948, 2026, 1992)) == (1988, None)
    assert "year shown" in params.read_other_year("1992", "compare", (1948, 2026, 1992))[1]
    assert params.read_flag("1", "present", ("1", "0")) == (True, None)
    assert params.read_flag("0", "present", ("1", "0")) == (False, None)
    assert params.read_flag("yes", "print", ("1",))[0] is None
    assert params.read_search("  dog ", "q") == ("dog", None)
    assert params.read_search("", "q") == (None, None)
    # A mapping of codes: a territory opens its state's record.
    assert params.read_code("imn", "country", {"GBR": "GBR", "IMN": "GBR"}) == ("GBR", None)
    assert params.read_partner("prk", "country", {"DEU"}) == (
        None,
        "This page shows other states' relations with North Korea; pick a state.",
    )
    assert params.read_partner("XXX", "country", {"DEU"})[1].startswith("Ignored country='XXX'")
