"""AppTest for the story page, the map's compare view and the year's changes list."""

import pytest

from atlas.queries import changes, story
from atlas.web.changes_view import read_compare
from tests.support.apptest import figures, map_charts, map_status_by_code, open_page

STORY = "app_pages/story.py"
MAP = "app_pages/map.py"


def text_of(at) -> str:
    return " ".join(m.value for m in at.markdown)


@pytest.mark.parametrize("number", range(1, len(story.CHAPTERS) + 1))
def test_each_chapter_shows_its_text_map_events_and_gift(number):
    at = open_page(STORY, {"chapter": str(number)})
    chapter = story.CHAPTERS[number - 1]
    assert [t.value for t in at.title] == [chapter.title]
    assert f"Chapter {number} of {len(story.CHAPTERS)}" in at.caption[0].value
    assert not at.info and not at.error
    body = text_of(at)
    assert story.MISSING_DATE not in body and "{" not in body
    charts = map_charts(at)
    figure = charts["story_map"]
    assert any(trace["type"] == "choropleth" for trace in figure["data"])
    assert "What changed between" in figure["layout"]["title"]["text"]
    # Drawn with the compare categories: the chapter's changes stand out from the unchanged states.
    hovered = set(map_status_by_code(figure).values())
    assert hovered <= set(changes.COMPARE_LABELS.values())
    if number in (1, 4, 5, 6):  # chapters in which states gained relations
        assert changes.COMPARE_LABELS["gained"] in hovered
    assert [s.value for s in at.subheader][:2] == ["Key events", "A gift from the period"]
    if chapter.dual_korea:  # the race with Seoul: the two Koreas' map as a second tab
        assert set(charts) == {"story_map", "story_both_map"}
        both = charts["story_both_map"]
        assert "North and South Korea" in both["layout"]["title"]["text"]
        assert any("Relations with both Koreas" in c.value for c in at.caption)
    else:
        assert list(charts) == ["story_map"]
    assert at.button(key="story_previous").disabled == (number == 1)
    assert at.button(key="story_next").disabled == (number == len(story.CHAPTERS))


def test_chapter_four_map_draws_the_breaks_it_tells_of():
    """The text says states suspended or severed relations; the map draws them so, not 'changed'."""
    at = open_page(STORY, {"chapter": "4"})
    hovered = map_status_by_code(map_charts(at)["story_map"])
    for code in ("AUS", "CHL", "ARG", "MMR", "IRQ", "FJI"):
        assert hovered[code] == changes.COMPARE_LABELS["lost"], code
    assert hovered["MRT"] == changes.COMPARE_LABELS["restored"]  # broke off and came back in these years
    assert hovered["VNM"] == changes.COMPARE_LABELS["successor"]
    assert "Changed (e.g. ties now its own)" not in set(hovered.values())


@pytest.mark.parametrize("value", ["0", "99", "abc", "-3", "1e9", "99999999999999999999999"])
def test_bad_chapter_values_show_a_notice_and_the_first_chapter(value):
    at = open_page(STORY, {"chapter": value})
    assert at.info and "chapter" in at.info[0].value
    assert at.title[0].value == story.CHAPTERS[0].title
    assert at.query_params["chapter"] == ["1"] or at.query_params["chapter"] == "1"


def test_next_and_previous_move_through_the_url():
    at = open_page(STORY, {"chapter": "2"})
    at.button(key="story_next").click().run()
    assert at.title[0].value == story.CHAPTERS[2].title
    assert at.query_params["chapter"] in ("3", ["3"])
    at.button(key="story_previous").click().run()
    at.button(key="story_previous").click().run()
    assert at.title[0].value == story.CHAPTERS[0].title
    at.get("button_group")[0].set_value(7).run()
    assert at.title[0].value == story.CHAPTERS[6].title
    assert at.query_params["chapter"] in ("7", ["7"])


def test_handout_view_hides_the_controls():
    at = open_page(STORY, {"chapter": "5", "print": "1"})
    assert at.title[0].value == story.CHAPTERS[4].title
    assert not at.button  # no navigation in the handout
    assert "story_map" in map_charts(at)
    bad = open_page(STORY, {"chapter": "5", "print": "yes"})
    assert bad.info and "print" in bad.info[0].value and bad.button(key="story_next")


def test_compare_view_lists_gained_restored_lost_and_successor_states():
    at = open_page(MAP, {"year": "1992", "compare": "1988"})
    assert not at.info
    assert at.subheader[0].value.startswith("What changed between 31 December 1988 and 31 December 1992")
    metrics = {m.label: int(m.value) for m in at.metric}
    table = at.dataframe[0].value
    assert set(table["change"]) == {"Gained", "Restored", "Lost", "Passed to a successor"}
    assert metrics["States gained"] == (table["change"] == "Gained").sum()
    assert metrics["States restored"] == (table["change"] == "Restored").sum()
    assert metrics["States lost"] == (table["change"] == "Lost").sum()
    assert metrics["Passed to a successor"] == (table["change"] == "Passed to a successor").sum()
    assert metrics["Parties with relations, 1992"] > metrics["Parties with relations, 1988"]
    assert {"NAM", "UKR", "HRV", "NIC"} <= set(table["iso3"])
    assert table["source_url"].str.startswith("http").all()
    assert at.query_params["compare"] in ("1988", ["1988"])
    # The map draws the comparison with its own categories, in the legend and in each state's hover.
    (figure, *_) = figures(at)
    assert "1988" in figure["layout"]["title"]["text"] and "1992" in figure["layout"]["title"]["text"]
    hovered = map_status_by_code(figure)
    assert hovered["NAM"] == changes.COMPARE_LABELS["gained"]
    assert hovered["NIC"] == changes.COMPARE_LABELS["lost"]
    assert hovered["UKR"] == changes.COMPARE_LABELS["successor"]
    assert hovered["CHL"] == changes.COMPARE_LABELS["restored"]
    # The table and its CSV name each state as the map does.
    by_code = table.set_index("iso3")["change"]
    for code, label in hovered.items():
        kind = next(k for k, v in changes.COMPARE_LABELS.items() if v == label)
        assert by_code.get(code, "") == changes.CHANGE_NAMES.get(kind, ""), code
    assert hovered["CHN"] == changes.COMPARE_LABELS["unchanged_with"]
    assert hovered["USA"] == changes.COMPARE_LABELS["unchanged_without"]
    legend = [trace["name"].replace("<br>", " ") for trace in figure["data"] if trace.get("showlegend")]  # long labels wrap
    assert set(legend) == set(hovered.values())  # one legend line per category drawn, no more
    assert changes.COMPARE_LABELS["undated"] not in legend
    # Turning the comparison off brings back the year's list.
    at.selectbox(key="compare").set_value(None).run()
    assert at.subheader[0].value == "Changes in 1992"
    assert "compare" not in at.query_params


@pytest.mark.parametrize(("value", "fragment"), [("abc", "not a whole number"), ("1800", "outside"), ("1992", "year shown")])
def test_bad_compare_values_show_a_notice(value, fragment):
    at = open_page(MAP, {"year": "1992", "compare": value})
    assert at.info and fragment in at.info[0].value
    assert at.subheader[0].value == "Changes in 1992"


@pytest.mark.parametrize(
    ("raw", "expected"), [("1988", 1988), (None, None), ("", None), ("1992", None), ("2999", None), ("x", None)]
)
def test_read_compare(raw, expected):
    value, notice = read_compare(raw, 1992, 2026)
    assert value == expected
    assert (notice is None) == (raw in (None, "", "1988"))


def year_list(at) -> list[str]:
    """The year's changes as the page lists them, one line per change."""
    return [line for block in at.markdown if block.value.startswith("- **") for line in block.value.splitlines()]


def test_year_changes_filter_answers_which_african_states_in_1975():
    at = open_page(MAP, {"year": "1975"})
    everything = year_list(at)
    at.selectbox(key="changes_region").set_value("Africa").run()
    africa = year_list(at)
    assert 0 < len(africa) < len(everything)
    assert all("(Africa · " in line for line in africa)
    assert any("Mozambique" in line for line in africa) and any("Angola" in line for line in africa)
    assert at.query_params["region"] in ("Africa", ["Africa"])
    at.selectbox(key="changes_region").set_value("North America · Northern America").run()
    assert not year_list(at)  # nothing there that year: a short line instead of an empty list
    assert any("No relations were established" in c.value for c in at.caption)


def test_region_in_the_url_and_a_bad_one():
    at = open_page(MAP, {"year": "1975", "region": "Africa"})
    lines = year_list(at)
    assert lines and all("(Africa · " in line for line in lines)
    bad = open_page(MAP, {"year": "1975", "region": "Atlantis"})
    assert bad.info and "region" in bad.info[0].value
    assert bad.selectbox(key="changes_region").value == changes.ALL_REGIONS
