"""AppTest helpers shared by the page tests: open a page with a query string, read its figures."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from atlas.core.pages import SCRIPTS
from atlas.figures import payload
from atlas.web import map_chart
from tests.support.data import ROOT

PAGES = list(SCRIPTS)  # every page of the navigation


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


def map_data(chart) -> dict:
    """A map component's ``data`` as one piece: its own keys, the base's ``config`` and the
    whole ``figure`` (a dict) put together from base and frame."""
    data = json.loads(chart.proto.json)
    base = data.get("base") or map_chart.known(data["version"])
    return {**data, "config": base["config"], "figure": sent_figure(data)}


def sent_figure(data: dict) -> dict:
    """The figure a map component's ``data`` draws, put together as its JavaScript does: the base
    and the reference frame come from the data when sent along, else from what an earlier run
    sent (kept by ``map_chart`` under the same ids the browser keeps them by)."""
    base = data.get("base") or map_chart.known(data["version"])
    if "frame" in data:
        frame = data["frame"]
    else:
        reference = map_chart.known(data["ref"])
        assert reference is not None, f"the map's patch refers to frame {data['ref']}, which was never sent"
        frame = payload.apply_patch(reference, data["patch"])
    assert base is not None, f"the map's base {data['version']} was never sent"
    assert payload.version(frame) == data["frame_id"], "the patched frame differs from the frame Python drew"
    return payload.assemble(base["figure"], frame)


def map_charts(at: AppTest) -> dict[str, dict]:
    """Figures the map pages draw through ``atlas.web.map_chart`` (plotly.js's geo bundle), by key."""
    return {
        chart.proto.id.rsplit("-", 1)[-1]: sent_figure(json.loads(chart.proto.json))
        for chart in at.get("bidi_component")
        if "version" in json.loads(chart.proto.json)  # not atlas.web.focus's component, which draws nothing
    }


def figures(at: AppTest) -> list[dict]:
    """Every plotly figure on the page: Streamlit's plotly charts, then the geo-bundle maps."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")] + list(map_charts(at).values())


def map_status_by_code(figure: dict) -> dict[str, str]:
    """ISO-3 code -> the status text its hover shows, for shapes and small-state markers."""
    return {
        row[-1]: row[1]
        for trace in figure["data"]
        if trace["type"] in ("choropleth", "scattergeo")
        for row in trace.get("customdata", [])
    }


def timeline_charts(at: AppTest) -> list:
    """The events chart only (the page also draws the race-with-Seoul chart below it)."""
    return [chart for chart in at.get("plotly_chart") if chart.proto.id.endswith("-timeline_chart")]


def event_points(at: AppTest) -> set[str]:
    (figure,) = [json.loads(chart.proto.spec) for chart in timeline_charts(at)]
    return {row[3] for trace in figure["data"] if trace.get("mode") == "markers" for row in trace["customdata"]}
