"""The map's payload split (issue 18): a base sent once, then per year only what changed."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from atlas.data.loading import load_relations_data, read_table
from atlas.figures import payload
from atlas.figures.maps import recognition_map
from atlas.queries.relations import RelationsIndex, relations_at
from atlas.web import map_chart


@pytest.fixture(scope="module")
def figures_by_year():
    index = RelationsIndex(load_relations_data())
    centroids = read_table("centroids")
    return {
        year: json.loads(recognition_map(relations_at(index, dt.date(year, 12, 31)), centroids, f"Relations in {year}").to_json())
        for year in (1972, 1973, 1974, 1991)
    }


def test_split_puts_the_figure_back_together_and_the_base_is_the_same_every_year(figures_by_year):
    versions = set()
    for figure in figures_by_year.values():
        base, frame = payload.split(figure)
        assert payload.assemble(base, frame) == figure
        assert "customdata" not in base["data"][0] and "z" not in base["data"][0]
        assert "text" not in base["layout"]["title"]
        versions.add(payload.version(base))
    assert len(versions) == 1
    # The split leaves the figure it was given alone.
    assert "customdata" in figures_by_year[1972]["data"][0]


def test_a_year_step_patches_only_the_changed_cells(figures_by_year):
    _, before = payload.split(figures_by_year[1972])
    _, after = payload.split(figures_by_year[1973])
    patch = payload.diff(before, after)
    assert payload.apply_patch(before, patch) == after
    assert patch["layout"] == {"title.text": "Relations in 1973"}
    assert len(payload.canonical(patch)) < 4_000 < len(payload.canonical(after))
    assert payload.diff(after, after) == {"data": [{} for _ in after["data"]], "layout": {}}


def test_frames_that_do_not_line_up_are_sent_whole():
    one = {"data": [{"z": [1, 2]}], "layout": {}}
    assert payload.diff(one, {"data": [{"z": [1, 2]}, {"z": [3]}], "layout": {}}) is None
    assert payload.diff({"data": [{"z": [1], "lon": [0]}], "layout": {}}, one) is None
    changed_length = payload.diff(one, {"data": [{"z": [1, 2, 3]}], "layout": {}})
    assert changed_length == {"data": [{"z": [1, 2, 3]}], "layout": {}}


def test_the_base_goes_out_once_then_patches_and_everything_again_when_the_browser_asks(figures_by_year):
    config = {"topojsonURL": "app/static/"}
    splits = {}
    for year in (1972, 1973):
        base, frame = payload.split(figures_by_year[year])
        whole = {"figure": base, "config": config}
        splits[year] = map_chart._Split(payload.version(whole), whole, payload.version(frame), frame)
        map_chart._remember(splits[year].version, whole)
        map_chart._remember(splits[year].frame_id, frame)
    sent = {"bases": set(), "frame": None}
    first = map_chart.payload_data(splits[1972], sent, missing=False)
    assert first["base"]["config"] == config and first["frame"] == splits[1972].frame
    step = map_chart.payload_data(splits[1973], sent, missing=False)
    assert "base" not in step and "frame" not in step
    assert step["ref"] == splits[1972].frame_id
    assert payload.apply_patch(splits[1972].frame, step["patch"]) == splits[1973].frame
    assert len(json.dumps(step)) < 4_000
    again = map_chart.payload_data(splits[1973], sent, missing=True)
    assert again["base"] == splits[1973].base and again["frame"] == splits[1973].frame
