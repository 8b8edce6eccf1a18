"""The map page's dual-Korea view (``/map?view=both``) under AppTest: good and bad URL values."""

import pytest

from atlas.queries.race import RACE_LABELS
from tests.support.apptest import map_charts, open_page


def map_figure(at) -> dict:
    return map_charts(at)["recognition_map"]


def statuses(figure: dict) -> dict[str, str]:
    """ISO-3 code -> the category text of its hover, for shapes and small-state dots."""
    return {
        row[-1]: row[1]
        for trace in figure["data"]
        if trace["type"] in ("choropleth", "scattergeo") and trace.get("customdata")
        for row in trace["customdata"]
    }


def test_both_view_draws_the_four_way_map_from_the_url():
    at = open_page("app_pages/map.py", {"year": "1975", "view": "both"})
    figure = map_figure(at)
    assert "North and South Korea" in figure["layout"]["title"]["text"] and "1975" in figure["layout"]["title"]["text"]
    legend = {trace["name"].replace("<br>", " ") for trace in figure["data"] if trace.get("showlegend")}  # wrapped labels
    assert set(RACE_LABELS.values()) <= legend
    shown = statuses(figure)
    assert shown["USA"].startswith(RACE_LABELS["rok_only"])
    assert shown["CHN"].startswith(RACE_LABELS["dprk_only"])
    assert shown["IND"].startswith(RACE_LABELS["both"])  # both since 1973
    assert shown["LAO"].startswith(RACE_LABELS["dprk_only"])  # broken with Seoul in July 1975
    assert shown["UKR"].startswith(RACE_LABELS["dprk_only"])  # through the Soviet Union
    assert shown["SGP"].startswith(RACE_LABELS["both"])  # a small state: drawn as a dot
    assert at.query_params["view"] == "both"
    assert any("relations with both Koreas" in c.value for c in at.caption)
    assert not at.info


def test_both_view_follows_the_year_and_the_picker_opens_the_panel():
    at = open_page("app_pages/map.py", {"year": "1975", "view": "both"})
    at.slider(key="year").set_value(1993).run()
    shown = statuses(map_figure(at))
    assert shown["CHN"].startswith(RACE_LABELS["both"])  # Seoul and Beijing, August 1992
    assert shown["TWN"].startswith(RACE_LABELS["neither"])
    at.selectbox(key="country").set_value("CHN").run()
    assert at.query_params["country"] == "CHN" and at.query_params["view"] == "both"
    assert at.get("page_link")


def test_switching_back_to_the_dprk_view_drops_view_from_the_url():
    at = open_page("app_pages/map.py", {"year": "1975", "view": "both"})
    at.segmented_control(key="map_view").set_value("dprk").run()
    assert "view" not in at.query_params
    assert "DPRK" in map_figure(at)["layout"]["title"]["text"]


@pytest.mark.parametrize("value", ["nope", "<b>both</b>", "BOTH", "x" * 500])
def test_bad_view_values_show_a_notice_and_the_dprk_map(value):
    at = open_page("app_pages/map.py", {"year": "1975", "view": value})
    assert any("Ignored view=" in i.value for i in at.info)
    assert "DPRK" in map_figure(at)["layout"]["title"]["text"]
    assert not any("<b>" in i.value for i in at.markdown)


def seoul_history(at):
    """The second dated-history table: the page draws Pyongyang's first, then Seoul's."""
    assert any(h.value == "Dated history with Seoul" for h in at.subheader)
    histories = [df.value for df in at.dataframe if "event" in df.value.columns]
    assert len(histories) == 2
    return histories[1]


def test_country_page_shows_relations_with_seoul_beside_pyongyang():
    at = open_page("app_pages/country.py", {"country": "LAO"})
    texts = " ".join(m.value for m in at.markdown)
    assert "With Seoul (South Korea) today:" in texts and "25 October 1995" in texts
    history = seoul_history(at)
    assert list(history["event"]) == ["Relations established", "Relations severed", "Relations restored"]
    assert history["source_url"].str.startswith("http").all()
    assert any(link.proto.page == "map" and link.proto.query_string == "view=both" for link in at.get("page_link"))


def test_country_page_seoul_side_for_a_successor_and_a_state_without_ties():
    at = open_page("app_pages/country.py", {"country": "UKR"})
    assert {"Soviet Union", "Ukraine"} <= set(seoul_history(at)["state"])
    at = open_page("app_pages/country.py", {"country": "DDR"})
    assert any("Never had relations with Seoul" in m.value for m in at.markdown)
