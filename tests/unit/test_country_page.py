"""The country page: its pure record on a synthetic world, and the page under AppTest."""

import datetime as dt
import json

import pandas as pd
import pytest

from atlas.core import links
from atlas.data.loading import load_relations_data
from atlas.figures.country import label_points, locator_map, locator_view
from atlas.queries.country import (
    choice_label,
    country_choices,
    country_record,
    locator_codes,
    predecessor_chain,
    record_csv,
)
from atlas.queries.relations import RelationsIndex
from tests.support.apptest import figures, map_charts, map_data, open_page, timeline_charts
from tests.support.data import SRC, synthetic_data

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return RelationsIndex(load_relations_data(synthetic_data(tmp_path_factory.mktemp("data"))))


def events_frame() -> pd.DataFrame:
    rows = [
        ("1950-war", "1950-06-25", "Korean War", "war", "PRK;KOR;USA;CHN"),
        ("1961-treaty-ussr", "1961-07-06", "Treaty with the USSR", "treaty", "PRK;SUN"),
        ("1955-gdr-visit", "1955", "East German delegation", "diplomatic", "PRK;DDR"),
        ("2024-russia-treaty", "2024-06-19", "Treaty with Russia", "treaty", "PRK;RUS"),
    ]
    frame = pd.DataFrame(rows, columns=["event_id", "date", "title", "category", "countries"])
    return frame.assign(end_date="", summary="", notes="", source_url=SRC)


def gifts_frame() -> pd.DataFrame:
    rows = [
        ("1949-vase", "1949", "Kim Il Sung", "PRK", "Stalin", "SUN", "vase"),
        ("2019-car", "2019-04", "Putin", "RUS", "Kim Jong Un", "PRK", "car"),
        ("1987-craft", "1987-09", "Honecker", "DDR", "Kim Il Sung", "PRK", "craft"),
    ]
    frame = pd.DataFrame(rows, columns=["gift_id", "date", "giver", "giver_iso3", "recipient", "recipient_iso3", "item"])
    return frame.assign(category="other", occasion="visit", event_id="", source_url=SRC, notes="")


def record(index, code):
    return country_record(index, events_frame(), gifts_frame(), code, TODAY)


def test_choices_cover_dissolved_states_and_not_the_dprk(index):
    choices = country_choices(index, events_frame(), gifts_frame())
    assert {"SUN", "DDR", "YUG", "CSK", "YMD", "VDR", "DEU", "USA", "BRA"} <= set(choices)
    assert "PRK" not in choices
    assert choice_label("DDR") == "East Germany (dissolved) · DDR"
    assert choice_label("FRA") == "France · FRA"


def test_germany_shows_east_germanys_record(index):
    germany = record(index, "DEU")
    assert germany.predecessors == ("DDR",)
    assert germany.status.startswith("Diplomatic relations, since 1 March 2001")
    states = list(germany.history["state"])
    assert states[0] == "East Germany" and germany.history["event"].iloc[0] == "Relations established"
    assert any("took over part of the territory of East Germany" in e for e in germany.history["event"])
    assert list(germany.events["record"]) == ["timeline?event=1955-gdr-visit"]
    assert list(germany.gifts["item"]) == ["craft"]
    assert germany.locator == (("DEU", "whole"),)


def test_russia_carries_the_ussr_and_history_is_in_date_order(index):
    russia = record(index, "RUS")
    assert russia.predecessors == ("SUN",)
    starts = pd.to_datetime(russia.history["date"].str.slice(0, 4))
    assert starts.is_monotonic_increasing
    assert list(russia.events["title"]) == ["Treaty with the USSR", "Treaty with Russia"]
    assert list(russia.gifts["item"]) == ["vase", "car"]
    assert list(russia.missions["side"]) == ["Russia's mission in the DPRK"]


def test_a_dissolved_state_names_its_end_and_its_successors(index):
    ussr = record(index, "SUN")
    assert ussr.dissolved
    assert ussr.status.startswith("Dissolved on 26 December 1991")
    assert {code for code, _, _ in ussr.successors} == {"RUS", "UKR", "EST"}
    assert set(ussr.locator) == {("RUS", "whole"), ("UKR", "whole"), ("EST", "whole")}
    gdr = record(index, "DDR")
    assert gdr.locator == (("DEU", "part"),)
    assert "Germany took over part of the territory of East Germany" in set(gdr.history["event"])


def test_states_without_relations_and_without_data(index):
    usa = record(index, "USA")
    assert usa.status == "No relations: never had relations." and usa.status_source == SRC
    assert list(usa.events["title"]) == ["Korean War"]
    tonga = record(index, "TON")
    assert "earlier ties not ruled out" in tonga.status
    yemen = record(index, "YMD")  # dissolved, but nothing on record in this world
    assert yemen.dissolved and "no dated record" in yemen.status and yemen.history.empty and yemen.locator == ()


def test_conflicts_keep_both_dates_with_their_sources(index):
    malaysia = record(index, "MYS")
    (row,) = malaysia.conflicts.to_dict("records")
    assert (row["date_used"], row["source_url"]) == ("1973", SRC)
    assert (row["other_date"], row["other_source_url"]) == ("1973-06-30", "https://example.org/other")
    assert malaysia.status.startswith("Relations severed, since 19 March 2021")


def test_record_csv_has_every_section_with_sources(index):
    table = record_csv(record(index, "MYS"))
    assert list(table.columns) == ["section", "date", "state", "what", "detail", "source_url", "source_kind"]
    assert {"status today", "history", "conflict"} <= set(table["section"])
    assert (table.loc[table["section"] != "status today", "source_url"].str.startswith("https://")).all()
    russia = record_csv(record(index, "RUS"))
    assert {"history", "mission", "event", "gift"} <= set(russia["section"])


def test_predecessor_chain_is_followed_through_several_steps(index):
    # Synthetic world: only one level; the shipped data has Serbia <- Serbia and Montenegro <- Yugoslavia.
    assert predecessor_chain(index, "UKR") == ["SUN"]
    assert predecessor_chain(index, "FRA") == []
    assert locator_codes(index, "ZZZ") == []


def test_record_links_are_relative_and_quoted():
    assert links.timeline_record("a b&c") == "timeline?event=a%20b%26c"


def test_locator_map_draws_shapes_and_small_state_dots():
    centroids = pd.DataFrame([{"iso3": "MLT", "lon": 14.4, "lat": 35.9, "source_url": SRC}])
    figure = locator_map((("DEU", "whole"), ("MLT", "part")), centroids, "Test")
    choropleth, dots = figure.data
    assert list(choropleth.locations) == ["DEU"] and list(choropleth.z) == [1]
    assert list(dots.lon) == [14.4]
    assert len(figure.to_json()) < 5_000  # tiny next to the main map


def test_locator_zooms_on_one_state_and_shows_the_world_for_far_apart_successors():
    topojson = {"objects": {"countries": {"geometries": [{"id": "CHL", "properties": {"ct": [-71.0, -37.0]}}, {"id": "X"}]}}}
    centroids = pd.DataFrame([{"iso3": "MLT", "lon": 14.4, "lat": 35.9, "source_url": SRC}])
    points = label_points(topojson, centroids)
    assert points == {"MLT": (14.4, 35.9), "CHL": (-71.0, -37.0)}
    chile = locator_view((("CHL", "whole"),), points)
    assert chile["lonaxis_range"] == [-109.0, -33.0] and chile["lataxis_range"] == [-60, -12]  # kept inside the drawn latitudes
    world = locator_view((("CHL", "whole"), ("MLT", "whole")), points)
    assert world["lataxis_range"] == [-58, 85] and "lonaxis_range" not in world
    assert "lonaxis_range" not in locator_view((("ZZZ", "whole"),), points)


# --- the page, on the shipped data --------------------------------------------------------


def history_of(at) -> pd.DataFrame:
    return next(df.value for df in at.dataframe if "event" in df.value.columns)


def test_country_page_for_germany_shows_east_germany_and_links():
    at = open_page("app_pages/country.py", {"country": "deu"})
    assert at.title[0].value == "Germany"
    history = history_of(at)
    assert {"East Germany", "Germany"} <= set(history["state"])
    assert history["source_url"].str.startswith("http").all()
    assert at.query_params["country"] == "DEU"
    locator = map_charts(at)["locator"]  # beside the Beyond recognition section's alignment chart
    assert locator["data"][0]["locations"] == ["DEU"]
    (chart,) = at.get("bidi_component")  # atlas.web.map_chart: the locally served geo bundle
    drawn = map_data(chart)
    assert drawn["config"]["topojsonURL"] == "app/static/"
    events = next(df.value for df in at.dataframe if "title" in df.value.columns)
    assert events["record"].str.startswith("timeline?event=").all()
    assert any(b.proto.label.startswith("Download Germany") for b in at.get("download_button"))


def test_country_page_for_a_dissolved_state():
    at = open_page("app_pages/country.py", {"country": "SUN"})
    assert at.title[0].value == "Soviet Union"
    assert "dissolved state" in at.caption[0].value
    (locator,) = figures(at)
    assert {"RUS", "UKR", "KAZ"} <= set(locator["data"][0]["locations"])
    links = {link.proto.label for link in at.get("page_link")}
    assert any(label.startswith("Russia (whole of its territory") for label in links)
    gifts = next(df.value for df in at.dataframe if "item" in df.value.columns)
    assert len(gifts) >= 1 and gifts["record"].str.startswith("gifts?gift=").all()


def test_picker_changes_the_country_and_the_url():
    at = open_page("app_pages/country.py", {"country": "DEU"})
    at.selectbox(key="country_pick").set_value("RUS").run()
    assert at.title[0].value == "Russia"
    assert at.query_params["country"] == "RUS"
    assert "Soviet Union" in set(history_of(at)["state"])
    at.selectbox(key="country_pick").set_value(None).run()
    assert at.title[0].value == "Country pages" and "country" not in at.query_params


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"country": "XXX"}, "not a country code the atlas knows"),
        ({"country": "<script>alert(1)</script>"}, "not a country code the atlas knows"),
        ({"country": "F" * 5000}, "not a country code the atlas knows"),
        ({"country": "PRK"}, "pick a state"),
        ({}, None),
        ({"country": ""}, None),
    ],
)
def test_bad_or_missing_country_shows_the_picker(params, notice):
    at = open_page("app_pages/country.py", params)
    assert at.title[0].value == "Country pages"
    assert at.selectbox(key="country_pick").value is None
    assert not at.get("plotly_chart") and not at.get("bidi_component") and not at.dataframe
    if notice:
        assert notice in at.info[0].value
    else:
        assert not at.info


def test_other_pages_link_to_the_country_page():
    at = open_page("app_pages/map.py", {"country": "AUS"})
    assert any(link.proto.page == "country" for link in at.get("page_link"))
    at = open_page("app_pages/timeline.py", {"event": "2000-first-inter-korean-summit"})
    assert {"country"} == {link.proto.page for link in at.get("page_link")}
    at = open_page("app_pages/gifts.py", {"gift": "2000-basketball-autographed-by-michael-jordan"})
    assert any(link.proto.page == "country" and "United States" in link.proto.label for link in at.get("page_link"))
    table = next(df.value for df in at.dataframe if "country_page" in df.value.columns)
    assert table["country_page"].str.fullmatch(r"country\?country=[A-Z]{3}").all()


# --- the relation lanes on the Timelines page ----------------------------------------------


def lane_points(at) -> dict[str, set[str]]:
    (figure,) = [json.loads(chart.proto.spec) for chart in timeline_charts(at)]
    return {trace["name"]: {row[0] for row in trace["customdata"]} for trace in figure["data"] if trace.get("mode") == "markers"}


def test_timeline_finds_the_breaks_since_2014_by_whole_word():
    at = open_page("app_pages/timeline.py", {"view": "post-1989", "q": "severed"})
    lanes = lane_points(at)
    assert set(lanes) == {"relationship change"}
    assert {"Malaysia: relations severed", "Ukraine: relations severed", "Botswana: relations severed"} <= lanes[
        "relationship change"
    ]
    at.text_input(key="q").input("sever").run()
    assert not timeline_charts(at) and "No events match" in at.info[0].value
    at.text_input(key="q").input("").run()
    at.selectbox(key="region").set_value("Africa").run()
    at.multiselect(key="category").set_value(["relationship change"]).run()
    africa = lane_points(at)["relationship change"]
    assert "Botswana: relations severed" in africa and "Malaysia: relations severed" not in africa
    assert at.query_params["region"] == "Africa"


def test_timeline_relation_record_opens_the_map_at_its_date():
    at = open_page("app_pages/timeline.py", {"event": "2021-03-19-mys-severed"})
    assert any(h.value == "Malaysia: relations severed" for h in at.subheader)
    (button,) = at.get("link_button")
    assert button.proto.url == "map?year=2021&country=MYS"
    assert any(link.proto.label == "Malaysia" for link in at.get("page_link"))


def test_status_names_the_change_once(index):
    malaysia = record(index, "MYS")
    assert malaysia.status == "Relations severed, since 19 March 2021."  # not '... (relations severed)'


def test_history_lines_write_every_note_out_under_its_row():
    from atlas.queries.country import history_lines

    history = pd.DataFrame(
        [
            ["1973-06-30", "Malaysia", "Relations established", "", SRC],
            ["2021-03-19", "Malaysia", "Relations severed", "DPRK cut ties over the *extradition* of Mun Chol Myong.", SRC],
        ],
        columns=["date", "state", "event", "notes", "source_url"],
    )
    first, second = history_lines(history)
    assert first.startswith("- **30 June 1973** · Malaysia: Relations established · source: ")
    assert "  \n" not in first
    assert "  \n  *DPRK cut ties over the \\*extradition\\* of Mun Chol Myong" in second and second.endswith("*")


def test_malaysia_page_shows_why_ties_were_severed():
    at = open_page("app_pages/country.py", {"country": "MYS"})
    text = "\n".join(m.value for m in at.markdown)
    assert "**Today:** Relations severed, since 19 March 2021." in text
    assert "(relations severed)" not in text
    assert "**Why:** DPRK cut ties over the extradition of Mun Chol Myong" in text
    (history,) = [m.value for m in at.markdown if m.value.startswith("- **")]
    assert "*DPRK cut ties over the extradition of Mun Chol Myong to the US;" in history
