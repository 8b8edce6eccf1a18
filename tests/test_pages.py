"""Every page under Streamlit's AppTest: runs clean, reacts to widgets and URL parameters."""

import json

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from components.map_page import selected_code
from tests.helpers import ROOT, copy_shipped_data

PAGES = ["app_pages/home.py", "app_pages/map.py", "app_pages/timeline.py", "app_pages/gifts.py", "app_pages/data.py"]


def app(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at


def open_page(page: str, params: dict | None = None) -> AppTest:
    at = app(params)
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def locations_by_trace(figure: dict) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for trace in figure["data"]:
        codes = trace.get("locations") or [row[-1] for row in trace.get("customdata", [])]
        found.setdefault(trace["name"], set()).update(codes)
    return found


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
    seventy = locations_by_trace(figure)
    assert "UKR" in seventy["Relations through a predecessor state"]
    assert "1970" in figure["layout"]["title"]["text"]
    at.slider(key="year").set_value(2000).run()
    assert not at.exception
    (figure, *_) = figures(at)
    two_thousand = locations_by_trace(figure)
    assert "UKR" in two_thousand["Diplomatic relations"]
    assert "2000" in figure["layout"]["title"]["text"]
    assert at.query_params["year"] == "2000"


def test_map_uses_local_geometry_and_iso3_locations():
    at = open_page("app_pages/map.py")
    chart = at.get("plotly_chart")[0]
    assert json.loads(chart.proto.config)["topojsonURL"] == "app/static/"
    figure = json.loads(chart.proto.spec)
    assert all("geojson" not in trace for trace in figure["data"])
    drawn = set().union(*locations_by_trace(figure).values())
    assert {"MLT", "SGP", "BHR"} <= drawn  # small states as markers


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
    at.button(key="pause").click().run()
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
    valid = {"FRA", "MLT"}
    assert selected_code({"selection": {"points": [{"location": "MLT"}]}}, valid) == "MLT"
    assert selected_code({"selection": {"points": [{"customdata": ["Malta", "", "", "", "", "MLT"]}]}}, valid) == "MLT"
    assert selected_code({"selection": {"points": [{"location": "ZZZ"}]}}, valid) is None
    assert selected_code({"selection": {"points": ["junk", {"customdata": "x"}]}}, valid) is None
    assert selected_code({"selection": {"points": []}}, valid) is None
    assert selected_code(None, valid) is None
    assert selected_code({"selection": None}, valid) is None


@pytest.fixture
def broken_data(tmp_path, monkeypatch):
    data_dir = copy_shipped_data(tmp_path / "data")
    frame = pd.read_csv(data_dir / "relations.csv", dtype=str, keep_default_na=False)
    frame.loc[5, "established"] = "not a date"
    frame.to_csv(data_dir / "relations.csv", index=False)
    monkeypatch.setenv("ATLAS_DATA_DIR", str(data_dir))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield data_dir
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.mark.parametrize("page", ["app_pages/home.py", "app_pages/map.py"])
def test_broken_file_gives_a_readable_message(broken_data, page):
    at = open_page(page)
    assert at.error
    assert "data/relations.csv, line 7, column 'established'" in at.error[0].value


def test_other_pages_keep_working_with_a_broken_file(broken_data):
    at = open_page("app_pages/data.py")
    assert any("relations.csv" in e.value for e in at.error)
    assert len(at.get("download_button")) >= 5
