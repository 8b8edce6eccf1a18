"""Every page under Streamlit's AppTest: runs clean, reacts to widgets and URL parameters."""

import json

import pandas as pd
import pytest

from atlas.web.map_view import selected_code
from tests.support.apptest import PAGES, event_points, figures, map_data, map_status_by_code, open_page, timeline_charts
from tests.support.data import ROOT


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_clean(page):
    at = open_page(page)
    assert not at.error
    assert at.title


def test_home_figures_are_computed():
    at = open_page("app_pages/home.py")
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["States with relations today"]) > 100
    assert int(metrics["Embassies in Pyongyang"]) > 10


def test_map_year_slider_changes_the_figure():
    at = open_page("app_pages/map.py", {"year": "1970"})
    (figure, *_) = figures(at)
    seventy = map_status_by_code(figure)
    assert seventy["UKR"] == "Relations through a predecessor state (Soviet Union)"
    assert seventy["DEU"] == "Part of today's territory had relations through a predecessor state (East Germany)"
    assert seventy["USA"].startswith("No relations")
    assert "1970" in figure["layout"]["title"]["text"]
    at.slider(key="year").set_value(2000).run()
    assert not at.exception
    (figure, *_) = figures(at)
    two_thousand = map_status_by_code(figure)
    assert two_thousand["UKR"] == "Diplomatic relations"
    assert two_thousand["DEU"].startswith("No relations")
    assert "2000" in figure["layout"]["title"]["text"]
    assert at.query_params["year"] == "2000"


def test_map_uses_local_geometry_and_iso3_locations():
    at = open_page("app_pages/map.py")
    (chart,) = at.get("bidi_component")
    drawn = map_data(chart)
    assert drawn["config"]["topojsonURL"] == "app/static/"
    # plotly.js itself is the locally served geo bundle, never a CDN's.
    assert drawn["script"] == "app/static/plotly-geo.min.js"
    with (ROOT / "static" / "plotly-geo.min.js").open() as bundle:
        assert "plotly.js (geo - minified)" in bundle.read(200)
    figure = drawn["figure"]
    assert all("geojson" not in trace for trace in figure["data"])
    markers = next(trace for trace in figure["data"] if trace["type"] == "scattergeo")
    assert {"MLT", "SGP", "BHR"} <= {row[-1] for row in markers["customdata"]}  # small states as markers
    assert len(map_status_by_code(figure)) > 200


def test_step_buttons_move_the_year():
    at = open_page("app_pages/map.py", {"year": "1975"})
    at.button(key="year_forward").click().run()
    assert at.slider(key="year").value == 1976
    at.button(key="year_back").click().run().button(key="year_back").click().run()
    assert at.slider(key="year").value == 1974


def test_play_starts_and_pauses():
    at = open_page("app_pages/map.py", {"year": "1990"})
    at.button(key="play").click().run()
    assert at.session_state["playing"] is True
    assert at.button(key="play").label == "Pause"
    at.button(key="play").click().run()  # the same button, now labelled Pause
    assert at.session_state["playing"] is False


def test_country_in_url_opens_the_detail_panel():
    at = open_page("app_pages/map.py", {"year": "1975", "country": "aus"})
    assert at.slider(key="year").value == 1975
    assert any(h.value == "Australia" for h in at.subheader)
    tables = [df.value for df in at.dataframe]
    history = next(t for t in tables if "event" in t.columns)
    assert "Relations suspended" in set(history["event"])
    assert history["source_url"].str.startswith("http").all()
    at.button(key="close_country").click().run()
    assert not any(h.value == "Australia" for h in at.subheader)
    assert "country" not in at.query_params


def test_never_state_panel_says_so():
    at = open_page("app_pages/map.py", {"country": "USA"})
    assert any("Never had diplomatic relations" in m.value for m in at.markdown)


def test_state_only_listed_without_relations_is_not_called_never():
    at = open_page("app_pages/map.py", {"country": "TON"})
    panel = " ".join(m.value for m in at.markdown)
    assert "No diplomatic relations with the DPRK on record" in panel
    assert "Never had" not in panel


@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"year": "1800"},
        {"year": "99999999999999999999"},
        {"year": "1975.5"},
        {"country": "XXX"},
        {"country": "<script>alert(1)</script>"},
        {"year": "", "country": ""},
        {"year": "%00", "country": "%%%"},
        {"country": "F" * 5000},
    ],
)
def test_bad_url_values_fall_back_with_a_notice(params):
    at = open_page("app_pages/map.py", params)
    if any(params.values()):
        assert at.info and "Showing the default view" in at.info[0].value
    assert at.slider(key="year").value >= 2025
    assert figures(at)


def test_selection_event_parsing():
    valid = {"MLT", "FRA"}
    # The map's click sends the state's code as its ``selected`` trigger value.
    assert selected_code({"selected": "MLT"}, valid) == "MLT"
    assert selected_code({"selected": "ZZZ"}, valid) is None
    assert selected_code({"selected": None}, valid) is None
    assert selected_code({"selected": ["MLT"]}, valid) is None
    assert selected_code({}, valid) is None
    assert selected_code(None, valid) is None
    assert selected_code("junk", valid) is None


@pytest.fixture
def broken_data(data_copy):
    frame = pd.read_csv(data_copy / "relations.csv", dtype=str, keep_default_na=False)
    frame.loc[5, "established"] = "not a date"
    frame.to_csv(data_copy / "relations.csv", index=False)
    return data_copy


@pytest.mark.parametrize("page", ["app_pages/home.py", "app_pages/map.py"])
def test_broken_file_gives_a_readable_message(broken_data, page):
    at = open_page(page)
    assert at.error
    assert "data/relations.csv, line 7, column 'established'" in at.error[0].value


def test_other_pages_keep_working_with_a_broken_file(broken_data):
    at = open_page("app_pages/data.py")
    assert any("relations.csv" in e.value for e in at.error)
    assert len(at.get("download_button")) >= 5


def test_timeline_views_change_the_events_drawn():
    at = open_page("app_pages/timeline.py", {"view": "cold-war"})
    cold = event_points(at)
    assert "1950-korean-war-begins" in cold or any(e.startswith("1950-") for e in cold)
    assert not any(e.startswith(("2006-", "2018-")) for e in cold)
    at.segmented_control(key="view").set_value("post-1989").run()
    post = event_points(at)
    assert any(e.startswith("2018-") for e in post) and not any(e.startswith("1950-") for e in post)
    shared = cold & post
    assert shared, "the 1989–1991 transition belongs to both views"
    events = pd.read_csv(ROOT / "data" / "events.csv", dtype=str, keep_default_na=False).set_index("event_id")
    for event_id in shared & set(events.index):
        start, end = events.at[event_id, "date"], events.at[event_id, "end_date"] or events.at[event_id, "date"]
        assert start[:4] <= "1991" and end[:4] >= "1989", event_id
    assert all("1989" <= e[:4] <= "1991" for e in shared - set(events.index))  # relationship changes, id = date
    assert at.query_params["view"] == "post-1989"


def test_timeline_filters_narrow_the_figure_and_table():
    at = open_page("app_pages/timeline.py")
    everything = event_points(at)
    at.multiselect(key="category").set_value(["nuclear"]).run()
    nuclear = event_points(at)
    assert nuclear and nuclear < everything
    at.selectbox(key="country").set_value("SUN").run()
    assert event_points(at) <= nuclear
    at.multiselect(key="category").set_value([]).run()
    soviet = event_points(at)
    assert soviet and all(e[:4] <= "1991" for e in soviet)
    table = at.dataframe[0].value
    assert set(table["title"]) and table["countries"].str.contains("SUN").all()
    at.text_input(key="q").input("zzzz no such event").run()
    assert not timeline_charts(at)
    assert "No events match" in at.info[0].value


def test_timeline_event_in_url_opens_its_record_with_map_link():
    at = open_page("app_pages/timeline.py", {"event": "2000-first-inter-korean-summit"})
    assert any("summit" in h.value.lower() for h in at.subheader)
    buttons = at.get("link_button")
    assert buttons and "map?year=2000" in buttons[0].proto.url


@pytest.mark.parametrize(
    "params",
    [{"view": "stone-age"}, {"category": "war,<b>bold</b>"}, {"country": "XXX"}, {"event": "nope"}, {"q": "x" * 5000}],
)
def test_timeline_bad_url_values_fall_back(params):
    at = open_page("app_pages/timeline.py", params)
    if "q" not in params:
        assert at.info and "Showing the default view" in at.info[0].value


def test_gifts_filters_change_table_and_figures():
    at = open_page("app_pages/gifts.py")
    total = len(at.dataframe[1].value)
    at.segmented_control(key="direction").set_value("given").run()
    given = at.dataframe[1].value
    assert 0 < len(given) < total and (given["direction"] == "given").all()
    at.segmented_control(key="direction").set_value(None).run()
    at.selectbox(key="country").set_value("RUS").run()
    russia = at.dataframe[1].value
    (gift_map, *_) = figures(at)
    assert set(gift_map["data"][0]["locations"]) == {"RUS"}
    assert len(russia) < total
    at.multiselect(key="category").set_value(["animal"]).run()
    assert (at.dataframe[1].value["category"] == "animal").all()
    assert at.query_params["country"] == "RUS" and at.query_params["category"] == "animal"


def test_gifts_empty_results_are_friendly():
    at = open_page("app_pages/gifts.py", {"q": "no gift is called this"})
    assert "No gifts match" in at.info[0].value
    assert not at.get("plotly_chart") and not at.dataframe


def test_gift_in_url_opens_its_card():
    at = open_page("app_pages/gifts.py", {"gift": "2000-basketball-autographed-by-michael-jordan"})
    assert any("basketball" in h.value.lower() for h in at.subheader)
    assert any("timeline?event=2000-madeleine-albright-in-pyongyang" in b.proto.url for b in at.get("link_button"))


@pytest.mark.parametrize(
    "params",
    [{"period": "1066"}, {"direction": "sideways"}, {"country": "ZZZ"}, {"leader": "Stalin"}, {"gift": "../../etc/passwd"}],
)
def test_gifts_bad_url_values_fall_back(params):
    at = open_page("app_pages/gifts.py", params)
    assert "Showing the default view" in at.info[0].value
    assert len(at.dataframe[1].value) > 60


def test_map_side_panel_counts_and_marks_the_year():
    at = open_page("app_pages/map.py", {"year": "1955"})
    metric = next(m for m in at.metric if m.label.startswith("Parties with relations"))
    assert "1955" in metric.label and int(metric.value) > 5
    at.slider(key="year").set_value(2001).run()
    later = next(m for m in at.metric if m.label.startswith("Parties with relations"))
    assert int(later.value) > int(metric.value)


def test_timeline_draws_the_race_with_seoul():
    at = open_page("app_pages/timeline.py")
    (race,) = [json.loads(c.proto.spec) for c in at.get("plotly_chart") if c.proto.id.endswith("-race_chart")]
    names = {trace.get("name") for trace in race["data"]}
    assert {"Partners of South Korea (ROK)", "Partners of North Korea (DPRK)", "Partners of both Koreas"} <= names
    rok = next(t for t in race["data"] if t.get("name") == "Partners of South Korea (ROK)")
    assert max(rok["y"]) >= 190
    marks = " ".join(a["text"] for a in race["layout"]["annotations"])
    for moment in ("23 June 1973", "Non-Aligned", "Nordpolitik", "1988–92", "17 September 1991"):
        assert moment in marks
    assert any(s.get("x0") == "1973-06-23" for s in race["layout"]["shapes"])
    assert any("The race with Seoul" in h.value for h in at.subheader)


def test_home_teacher_path_follows_the_data_and_links_each_step_to_its_year():
    at = open_page("app_pages/home.py")
    step_one = next(m.value for m in at.markdown if m.value.startswith("1. "))
    assert "North Vietnam" not in step_one.split(".", 2)[1]  # not among the 1949 partners...
    assert "North Vietnam follows on 31 January 1950" in step_one  # ...its relations begin in 1950
    assert "Soviet Union" in step_one and "China" in step_one
    years = [link.proto.query_string for link in at.get("page_link") if link.proto.label.startswith("Open the map at")]
    assert years[:4] == ["year=1949", "year=1960", "year=1990", "year=2000"]
    assert all(link.proto.page == "map" for link in at.get("page_link") if link.proto.label.startswith("Open the map at"))


def test_map_picker_opens_a_record_and_keeps_the_url():
    at = open_page("app_pages/map.py", {"year": "1980"})
    picker = at.selectbox(key="country")
    labels = picker.proto.options
    assert "Soviet Union (dissolved)" in labels and "Germany" in labels and "Isle of Man" not in labels
    picker.set_value("DDR").run()
    assert any(h.value == "East Germany (dissolved)" for h in at.subheader)
    assert at.query_params["country"] == "DDR" and at.query_params["year"] == "1980"
    at.button(key="close_country").click().run()
    assert at.selectbox(key="country").value is None and "country" not in at.query_params


def test_map_url_with_a_territory_opens_its_state_and_present_mode_enlarges_the_map():
    at = open_page("app_pages/map.py", {"year": "2005", "country": "IMN", "present": "1"})
    # Presenting, the record opens as a dialog over the map, titled with the state's name.
    (dialog,) = at.get("dialog")
    assert dialog.proto.dialog.title == "United Kingdom" and dialog.proto.dialog.is_open
    assert any(h.value == "Dated record" for h in at.subheader)
    assert at.query_params["country"] == "GBR" and at.query_params["present"] == "1"
    (figure, *_) = figures(at)
    assert figure["layout"]["font"]["size"] >= 18  # large type for a projector
    assert not any("Which states had diplomatic relations" in c.value for c in at.caption)  # lean page


def test_map_present_param_rejects_junk_with_a_notice():
    at = open_page("app_pages/map.py", {"present": "yes<script>"})
    assert any("Showing the default view" in i.value for i in at.info)
    assert "present" not in at.query_params


def test_map_csv_is_spreadsheet_ready_for_the_shown_date():
    from atlas.web import cache as loaders

    at = open_page("app_pages/map.py", {"year": "1975"})
    assert not at.exception
    table = loaders.map_csv(__import__("datetime").date(1975, 12, 31))
    assert list(table.columns[:4]) == ["iso3", "name", "category", "category_label"]
    assert {"map_date", "un_region", "continent", "established", "last_change_date"} <= set(table.columns)
    ukr = table.set_index("iso3").loc["UKR"]
    assert ukr["category_label"] == "Relations through a predecessor state" and ukr["un_region"] == "Eastern Europe"
    assert ukr["map_date"] == "1975-12-31"
    established = table["established"][table["established"] != ""]
    assert established.str.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?").all()


def test_the_embassy_view_draws_missions_both_ways_and_the_years_openings_and_closings():
    at = open_page("app_pages/map.py", {"year": "2023", "view": "embassies"})
    (figure, *_) = figures(at)
    status = map_status_by_code(figure)
    assert status["CHN"] == "Missions both ways"
    assert status["AGO"] != "Missions both ways"  # the DPRK closed its embassy in Luanda in October 2023
    assert "Embassies and missions both ways, 31 December 2023" in figure["layout"]["title"]["text"]
    assert any(h.value == "Missions opened and closed in 2023" for h in at.subheader)
    listed = " ".join(m.value for m in at.markdown)
    assert "Angola" in listed and "closed" in listed
    assert at.query_params["view"] == "embassies"
    at2 = open_page("app_pages/map.py", {"year": "1960", "view": "embassies"})
    assert map_status_by_code(figures(at2)[0])["AGO"] == "No mission on record"


def test_timeline_records_open_from_a_list_and_close():
    """Keyboard path to every record (chart points take no focus): the "Open a record" list holds the
    filtered events and relationship changes; a choice opens the record, Close shuts it."""
    at = open_page("app_pages/timeline.py", {"q": "Rangoon"})
    picker = at.selectbox(key="open_record")
    assert picker.label == "Open a record" and picker.value is None and len(picker.options) >= 1
    choice = picker.options[0]
    picker.select_index(0).run()
    title = next(h.value for h in at.subheader if h.value in choice)
    assert at.query_params["event"] and at.selectbox(key="open_record").value == at.query_params["event"]
    at.button(key="close_event").click().run()
    assert title not in [h.value for h in at.subheader]
    assert "event" not in at.query_params and at.selectbox(key="open_record").value is None


def test_timeline_relationship_changes_are_in_the_record_list():
    at = open_page("app_pages/timeline.py", {"category": "relationship change"})
    picker = at.selectbox(key="open_record")
    assert len(picker.options) > 100
    picker.select_index(len(picker.options) - 1).run()
    assert at.subheader and at.get("link_button")


def test_gift_cards_open_from_a_list_and_close():
    at = open_page("app_pages/gifts.py", {"q": "basketball"})
    picker = at.selectbox(key="open_gift")
    assert picker.label == "Open a gift card" and picker.value is None and picker.options
    picker.set_value("2000-basketball-autographed-by-michael-jordan").run()
    assert any("basketball" in h.value.lower() for h in at.subheader)
    assert at.query_params["gift"] == "2000-basketball-autographed-by-michael-jordan"
    at.button(key="close_gift").click().run()
    assert not any("basketball" in h.value.lower() for h in at.subheader) and "gift" not in at.query_params


def test_map_present_switch_turns_present_mode_on_and_off():
    at = open_page("app_pages/map.py", {"year": "1975"})
    switch = at.toggle(key="present")
    assert switch.label == "Present" and switch.value is False and at.title
    switch.set_value(True).run()
    assert at.query_params["present"] == "1" and not at.title
    (figure, *_) = figures(at)
    assert figure["layout"]["legend"]["font"]["size"] >= 24 and figure["layout"]["title"]["font"]["size"] >= 24
    at.toggle(key="present").set_value(False).run()
    assert "present" not in at.query_params and at.title
