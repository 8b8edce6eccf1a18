"""Issue 18 items 6-8: small frictions, under AppTest."""

import re

from tests.support.apptest import figures, open_page


def test_typing_a_year_moves_the_map_and_the_slider():
    at = open_page("app_pages/map.py", {"year": "1970"})
    assert at.number_input(key="year_typed").value == 1970
    at.number_input(key="year_typed").set_value(1975).run()
    assert not at.exception
    assert at.slider(key="year").value == 1975
    assert at.query_params["year"] == "1975"
    (figure, *_) = figures(at)
    assert "1975" in figure["layout"]["title"]["text"]
    at.slider(key="year").set_value(1988).run()
    assert at.number_input(key="year_typed").value == 1988  # in step with the slider


def compare_table(at):
    """The compare view's table of states (the parties' table has no continent)."""
    (table,) = [frame.value for frame in at.dataframe if "continent" in frame.value.columns]
    return table


def test_compare_view_filters_by_region():
    at = open_page("app_pages/map.py", {"year": "1992", "compare": "1988"})
    everywhere = compare_table(at)
    assert set(everywhere["continent"]) > {"Africa"}
    at.selectbox(key="changes_region").set_value("Europe").run()
    assert not at.exception
    europe = compare_table(at)
    assert 0 < len(europe) < len(everywhere)
    assert set(europe["continent"]) == {"Europe"}
    assert at.query_params["region"] == "Europe"
    assert any(m.label == "States gained in Europe" for m in at.metric)


def test_compare_region_comes_from_the_url():
    at = open_page("app_pages/map.py", {"year": "1992", "compare": "1988", "region": "Africa"})
    assert set(compare_table(at)["continent"]) == {"Africa"}


def test_race_chart_reads_out_a_year_with_both_definitions():
    at = open_page("app_pages/timeline.py")
    at.select_slider(key="race_year").set_value(1975).run()
    assert not at.exception
    (table,) = [frame.value for frame in at.dataframe if "Partners of" in frame.value.columns]
    both = table.set_index("Partners of").loc["Both Koreas"]
    assert both["At the end of"] == "31 December 1975"
    # The two answers to "how many had relations with both Koreas in 1975?", side by side.
    assert both["Parties as they existed (this chart)"] == 44
    assert both["States on today's map (the map's Both Koreas view)"] == 50
    assert any("parties as they existed" in c.value for c in at.caption)


def test_both_koreas_map_names_what_it_counts():
    at = open_page("app_pages/map.py", {"year": "1975", "view": "both"})
    assert any("states and territories on today's map" in c.value and ": 50" in c.value for c in at.caption)


def test_story_map_link_says_which_dates_it_compares():
    at = open_page("app_pages/story.py", {"chapter": "5"})
    (note,) = [c.value for c in at.caption if c.value.startswith("The map compares")]
    compare = open_page("app_pages/map.py", {"year": "1992", "compare": "1988"})
    metrics = {m.label: m.value for m in compare.metric}
    before, after = metrics["Parties with relations, 1988"], metrics["Parties with relations, 1992"]
    # The numbers the link opens on, and the chapter's own dates (7 Jul 1988 -> 24 Aug 1992).
    assert f"31 December 1988 → 31 December 1992, {before} → {after} parties" in note
    assert re.search(r"This chapter runs 7 July 1988 → 24 August 1992, \d+ → \d+ parties", note)
