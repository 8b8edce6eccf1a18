"""Gift direction, filters and summaries, on a small synthetic list."""

import datetime as dt

import pandas as pd
import pytest

from atlas.figures.gifts import gifts_map, gifts_sankey
from atlas.queries.gifts import before_after_1989, filter_gifts, prepare, top_counterparts

TODAY = dt.date(2026, 11, 28)


def gifts_frame() -> pd.DataFrame:
    rows = [
        ("g1", "1949", "Joseph Stalin", "SUN", "Kim Il Sung", "PRK", "car", "vehicle", "visit"),
        ("g2", "2000-10", "Madeleine Albright", "USA", "Kim Jong Il", "PRK", "signed basketball", "sports", "visit"),
        ("g3", "2018-09-27", "Kim Jong Un", "PRK", "Moon Jae-in", "KOR", "two Pungsan dogs", "animal", "summit"),
        ("g4", "2024-06-19", "Vladimir Putin", "RUS", "Kim Jong Un", "PRK", "Aurus limousine", "vehicle", "summit"),
        ("g5", "2024-06-19", "Kim Jong Un", "PRK", "Vladimir Putin", "RUS", "Pungsan dogs", "animal", "summit"),
        ("g6", "2010", "Pyongyang zoo staff", "MLT", "Pyongyang Central Zoo", "PRK", "a parrot", "animal", "other"),
    ]
    frame = pd.DataFrame(
        rows, columns=["gift_id", "date", "giver", "giver_iso3", "recipient", "recipient_iso3", "item", "category", "occasion"]
    )
    frame["event_id"] = ""
    frame["notes"] = ""
    frame["source_url"] = "https://example.org/source"
    return prepare(frame)


def test_direction_counterpart_and_leader():
    gifts = gifts_frame().set_index("gift_id")
    assert gifts.loc["g2", "direction"] == "received" and gifts.loc["g2", "counterpart_iso3"] == "USA"
    assert gifts.loc["g3", "direction"] == "given" and gifts.loc["g3", "counterpart_iso3"] == "KOR"
    assert gifts.loc["g2", "leader"] == "Kim Jong Il"
    assert gifts.loc["g6", "leader"].startswith("Other")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"period": "cold-war"}, {"g1"}),
        ({"period": "post-1989"}, {"g2", "g3", "g4", "g5", "g6"}),
        ({"period": "all", "direction": "given"}, {"g3", "g5"}),
        ({"period": "all", "country": "RUS"}, {"g4", "g5"}),
        ({"period": "all", "leader": "Kim Jong Un"}, {"g3", "g4", "g5"}),
        ({"period": "all", "categories": ["animal"]}, {"g3", "g5", "g6"}),
        ({"period": "all", "text": "pungsan"}, {"g3", "g5"}),
        ({"period": "all", "text": "ALBRIGHT"}, {"g2"}),
        ({"period": "cold-war", "country": "RUS"}, set()),
    ],
)
def test_filters(kwargs, expected):
    period = kwargs.pop("period")
    assert set(filter_gifts(gifts_frame(), period, TODAY, **kwargs)["gift_id"]) == expected


def test_summaries():
    gifts = gifts_frame()
    top = top_counterparts(gifts)
    assert top.iloc[0]["counterpart_iso3"] == "RUS" and top.iloc[0]["gifts"] == 2
    change = before_after_1989(gifts).set_index("category")
    assert change.loc["vehicle", "Before 1989"] == 1 and change.loc["vehicle", "1989 and after"] == 1
    assert change.loc["animal", "Before 1989"] == 0


def test_figures():
    gifts = gifts_frame()
    centroids = pd.DataFrame({"iso3": ["MLT"], "lon": [14.4], "lat": [35.9], "source_url": ["https://example.org"]})
    fig = gifts_map(gifts, centroids)
    assert set(fig.data[0].locations) == {"SUN", "USA", "KOR", "RUS"}
    assert len(fig.data) == 2 and list(fig.data[1].lon) == [14.4]  # Malta as a marker
    sankey = gifts_sankey(gifts)
    labels = list(sankey.data[0].node.label)
    assert "From: Russia" in labels and "To: Kim Jong Un (DPRK)" in labels
    assert sum(sankey.data[0].link.value) == len(gifts)


@pytest.mark.parametrize(
    ("person", "iso3", "label"),
    [
        ("Kim Il Sung", "PRK", "Kim Il Sung (North Korea)"),
        ("Vladimir Putin (President of Russia)", "RUS", "Vladimir Putin (President of Russia)"),
        ("Joseph Stalin (Soviet leader)", "SUN", "Joseph Stalin (Soviet leader), Soviet Union"),
    ],
)
def test_gift_card_names_a_party_with_one_pair_of_brackets(person, iso3, label):
    from atlas.queries.gifts import party_label

    assert party_label(person, iso3) == label
    assert ") (" not in party_label(person, iso3)


def test_gift_map_colour_bar_has_whole_numbers_from_zero_for_one_country():
    gifts = gifts_frame()
    one = gifts[gifts["counterpart_iso3"] == "RUS"]
    (choropleth,) = [t for t in gifts_map(pd.concat([one] * 6), pd.DataFrame(columns=["iso3", "lon", "lat"])).data]
    assert (choropleth.zmin, choropleth.zmax) == (0, 12)
    assert choropleth.colorbar.tickformat == "d" and choropleth.colorbar.dtick == 3
