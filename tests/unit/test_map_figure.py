"""The map's pure pieces: territories, small-state dots, the generic category map, the CSV."""

import datetime as dt

import pandas as pd
import pytest

from atlas.core.territories import derived_territories, territory_of
from atlas.data.loading import load_relations_data
from atlas.figures.maps import DPRK_CATEGORIES, HOVER_DISTANCE, CategorySpec, category_map, recognition_map
from atlas.queries.relations import (
    CATEGORY_LABELS,
    RelationsIndex,
    map_csv,
    party_dots,
    picker_labels,
    relations_at,
)
from tests.support.data import synthetic_data

D = dt.date


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return RelationsIndex(load_relations_data(synthetic_data(tmp_path_factory.mktemp("data"))))


def test_territories_are_read_from_iso_3166_2_where_it_says_so():
    derived = derived_territories()
    assert derived["ABW"] == "NLD" and derived["CUW"] == "NLD"
    assert derived["MAC"] == "CHN" and derived["HKG"] == "CHN"
    assert derived["PYF"] == "FRA" and derived["GUM"] == "USA"
    assert "GBR" not in derived.values()  # ISO 3166-2:GB lists no dependencies: the table has them
    every = territory_of()
    assert every["IMN"] == "GBR" and every["JEY"] == "GBR" and every["ALA"] == "FIN" and every["GRL"] == "DNK"
    assert not set(every) & {"COK", "NIU", "SGP", "MLT", "TWN"}  # states and parties are never territories


def test_only_parties_get_dots(index):
    centroids = pd.DataFrame(
        {
            "iso3": ["MLT", "IMN", "ALA", "COK", "MAC"],
            "lon": [14.4, -4.5, 19.9, -159.8, 113.5],
            "lat": [35.9, 54.2, 60.2, -21.2, 22.2],
        }
    )
    assert list(party_dots(centroids, index)["iso3"]) == ["MLT"]


def test_territories_take_their_states_category(index):
    table = relations_at(index, D(2020, 1, 1)).set_index("iso3")
    for territory, state in {"IMN": "GBR", "MAC": "CHN", "ALA": "FIN", "CUW": "NLD"}.items():
        assert table.loc[territory, "category"] == table.loc[state, "category"]
        assert "as part of" in table.loc[territory, "detail"]


def test_category_map_takes_any_category_spec():
    spec = CategorySpec({"yes": "Both Koreas", "no": "Neither"}, {"yes": "#0072B2", "no": "#DDDDDD"})
    status = pd.DataFrame({"iso3": ["FRA", "MLT"], "name": ["France", "Malta"], "category": ["no", "yes"], "since": ["", "1971"]})
    dots = pd.DataFrame({"iso3": ["MLT"], "lon": [14.4], "lat": [35.9]})
    fig = category_map(status, spec, dots=dots, title="Test", hover=(("Since", "since"),))
    shapes, markers, *legend = fig.data
    assert list(shapes.locations) == ["FRA"] and list(markers.lon) == [14.4]
    assert markers.customdata[0] == ["Malta", "Both Koreas", "1971", "MLT"]
    assert shapes.customdata[0] == ["France", "Neither", "—", "FRA"]
    assert [t.name for t in legend] == ["Both Koreas", "Neither"]
    assert [t.marker.color for t in legend] == ["#0072B2", "#DDDDDD"]
    assert fig.layout.hoverdistance == HOVER_DISTANCE <= 2


def test_a_new_category_reaches_the_legend_without_code_changes(index):
    labels = {**CATEGORY_LABELS, "undated": "Relations, date not documented"}
    colours = {**DPRK_CATEGORIES.colours, "undated": "#009E73"}
    status = relations_at(index, D(1975, 12, 31))
    status.loc[status["iso3"] == "AUS", "category"] = "undated"
    fig = category_map(status, CategorySpec(labels, colours), dots=pd.DataFrame(columns=["iso3", "lon", "lat"]), title="x")
    assert "Relations, date not documented" in [t.name for t in fig.data[2:]]
    default = recognition_map(relations_at(index, D(1975, 12, 31)), pd.DataFrame(columns=["iso3", "lon", "lat"]), "x")
    assert [t.name.replace("<br>", " ") for t in default.data[2:]] == list(CATEGORY_LABELS.values())
    assert max(len(line) for t in default.data[2:] for line in t.name.split("<br>")) <= 40  # fits a phone


def test_map_csv_is_spreadsheet_ready(index):
    when = D(1975, 12, 31)
    table = map_csv(relations_at(index, when), when).set_index("iso3")
    assert set(table["map_date"]) == {"1975-12-31"}
    aus = table.loc["AUS"]
    assert aus["category"] == "suspended" and aus["category_label"] == "Relations suspended"
    assert aus["un_region"] == "Australia and New Zealand" and aus["continent"] == "Oceania"
    assert aus["last_change"] == "suspended" and aus["last_change_date"][:4] == "1975"
    dated = table["last_change_date"][table["last_change_date"] != ""]
    assert dated.str.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?").all()  # ISO dates at source precision


def test_picker_offers_dissolved_states_and_no_territories(index):
    labels = picker_labels(index)
    assert labels["SUN"] == "Soviet Union (dissolved)" and labels["DDR"] == "East Germany (dissolved)"
    assert labels["DEU"] == "Germany"
    assert not set(labels) & {"IMN", "GRL", "MAC", "PRK"}
    assert list(labels.values()) == sorted(labels.values())


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_dprk_has_one_colour_on_every_map_readable_on_both_schemes():
    from atlas.figures.palettes import CATEGORY_COLOURS, COMPARE_COLOURS, DPRK_COLOUR
    from atlas.figures.race import RACE_COLOURS

    assert CATEGORY_COLOURS["dprk"] == COMPARE_COLOURS["dprk"] == RACE_COLOURS["korea"] == DPRK_COLOUR
    # Streamlit's light and dark page backgrounds: 3:1 at least, as WCAG asks of graphics.
    for background in ("#FFFFFF", "#0E1117"):
        assert _contrast(DPRK_COLOUR, background) >= 3, background
