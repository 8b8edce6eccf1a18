"""The Data & sources page and the gift page's source-kind filter under AppTest, good and bad URLs."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from atlas.core import source_kinds as sk
from atlas.data.loading import read_table
from tests.support.data import ROOT

DATA_PAGE = "app_pages/data.py"
GIFTS_PAGE = "app_pages/gifts.py"


def open_page(page: str, params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def dataset_table(at: AppTest) -> pd.DataFrame:
    """The browsed dataset: the page's first table (AppTest does not expose a dataframe's key)."""
    return at.dataframe[0].value


def test_data_page_shows_a_dataset_with_source_kinds_and_a_citation():
    at = open_page(DATA_PAGE)
    table = dataset_table(at)
    relations = read_table("relations")
    assert len(table) == len(relations)
    assert set(table["source_kind"]) <= set(sk.LABELS.values())
    assert (table["source_kind"] != sk.label(sk.UNCLASSIFIED)).all()
    (citation,) = at.code
    assert "version 0.1.0" in citation.value and f"data/relations.csv ({len(relations)} rows" in citation.value
    assert "SHA-256" in citation.value


def test_data_page_search_and_dataset_come_from_the_url_and_go_back_to_it():
    at = open_page(DATA_PAGE, {"dataset": "gifts", "q": "KKFONLINE"})
    table = dataset_table(at)
    assert 0 < len(table) < len(read_table("gifts"))
    assert table.astype(str).agg(" ".join, axis=1).str.lower().str.contains("kkfonline").all()
    at.text_input(key="q").set_value("").run()
    assert len(dataset_table(at)) == len(read_table("gifts"))
    assert "q" not in at.query_params and at.query_params["dataset"] == "gifts"
    at.selectbox(key="dataset").set_value("missions").run()
    assert len(dataset_table(at)) == len(read_table("missions"))
    assert at.query_params["dataset"] == "missions"


def test_data_page_browses_the_computed_un_alignment_table():
    at = open_page(DATA_PAGE, {"dataset": "un_alignment", "q": "KOR"})
    alignment = read_table("un_alignment")
    table = dataset_table(at)
    assert len(table) == (alignment["iso3"] == "KOR").sum() > 20
    assert set(table["source_kind"]) == {sk.label(sk.ACADEMIC)}
    (citation,) = at.code
    assert f"data/un_alignment.csv ({len(alignment)} rows" in citation.value


@pytest.mark.parametrize(
    "params",
    [
        {"dataset": "../../etc/passwd"},
        {"dataset": "<script>alert(1)</script>"},
    ],
)
def test_data_page_bad_dataset_falls_back_with_a_notice(params):
    at = open_page(DATA_PAGE, params)
    assert "Showing the default view" in at.info[0].value
    assert len(dataset_table(at)) == len(read_table("relations"))


@pytest.mark.parametrize("query", ["([a-z]+", "x" * 500, "no row has this text"])
def test_data_page_search_takes_any_text(query):
    at = open_page(DATA_PAGE, {"q": query})
    assert not at.error
    assert len(dataset_table(at)) <= len(read_table("relations"))


def test_data_page_lists_conflicts_coverage_and_open_questions():
    at = open_page(DATA_PAGE)
    relations = read_table("relations")
    alternatives = sum(len(v.split(";")) for v in relations["alt_established"] if v)
    conflicts = next(df.value for df in at.dataframe if "other date" in df.value.columns)
    assert len(conflicts) == alternatives
    assert conflicts["other_source_url"].str.startswith("http").all()
    coverage = next(df.value for df in at.dataframe if "dates to the day" in df.value.columns)
    assert coverage.set_index("dataset").loc["relations", "rows"] == len(relations)
    questions = next(e for e in at.expander if "OPEN_QUESTIONS" in e.label)
    text = " ".join(m.value for m in questions.markdown)
    assert text.startswith("### Open questions") and len(text) > 10_000


def test_no_relations_description_agrees_with_home():
    home = open_page("app_pages/home.py")
    never = next(m.value for m in home.metric if m.label == "Documented as never")
    at = open_page(DATA_PAGE, {"dataset": "no_relations"})
    description = next(m.value for m in at.markdown if m.value.startswith("States documented without relations"))
    assert f"{never} that never had any" in description


def test_footer_shows_the_kinds_of_sources():
    at = open_page(GIFTS_PAGE)
    footer = next(c.value for c in at.caption if c.value.startswith("Data: data/gifts.csv"))
    assert "Sources by kind: " in footer and sk.label(sk.DPRK_STATE) in footer


def gift_table(at: AppTest) -> pd.DataFrame:
    return at.dataframe[1].value


def test_gift_source_kind_filter_from_the_url():
    gifts = read_table("gifts")
    state_media = sum(sk.kind_of(url) == sk.DPRK_STATE for url in gifts["source_url"])
    at = open_page(GIFTS_PAGE, {"source_kind": "dprk_state"})
    table = gift_table(at)
    assert len(table) == state_media > 10
    assert (table["source_kind"] == sk.label(sk.DPRK_STATE)).all()
    mix = next(c.value for c in at.caption if c.value.startswith("Sources of these gifts"))
    assert mix == f"Sources of these gifts: {sk.label(sk.DPRK_STATE)} {state_media} (100%)."


def test_gift_source_kind_filter_widget_writes_the_url():
    at = open_page(GIFTS_PAGE)
    everything = len(gift_table(at))
    mix = next(c.value for c in at.caption if c.value.startswith("Sources of these gifts"))
    assert sk.label(sk.NEWS) in mix and sk.label(sk.DPRK_STATE) in mix
    at.multiselect(key="source_kind").set_value(["news", "dprk_state"]).run()
    both = gift_table(at)
    assert len(both) < everything
    assert set(both["source_kind"]) == {sk.label(sk.NEWS), sk.label(sk.DPRK_STATE)}
    assert at.query_params["source_kind"] == "news,dprk_state"
    at.multiselect(key="source_kind").set_value([]).run()
    assert len(gift_table(at)) == everything and "source_kind" not in at.query_params


@pytest.mark.parametrize("value", ["bogus", "DPRK_STATE", "a" * 300])
def test_gift_source_kind_bad_values_fall_back(value):
    at = open_page(GIFTS_PAGE, {"source_kind": value})
    assert "Ignored source_kind" in at.info[0].value
    assert len(gift_table(at)) == len(read_table("gifts"))


def test_gift_card_shows_the_kind_of_its_source():
    at = open_page(GIFTS_PAGE, {"gift": "2000-basketball-autographed-by-michael-jordan"})
    card = next(m.value for m in at.markdown if m.value.startswith("Source: "))
    assert " · " in card and any(label in card for label in sk.KINDS.values())


def test_sources_on_other_pages_carry_their_kind():
    labels = set(sk.LABELS.values())
    story = open_page("app_pages/story.py", {"chapter": "1"})
    event_lines = [m.value for m in story.markdown if "Source: [" in m.value]
    assert event_lines and all(any(f" · {label}" in line for label in labels) for line in event_lines)
    compare = open_page("app_pages/map.py", {"year": "1992", "compare": "1988"})
    tables = [df.value for df in compare.dataframe if "source_url" in df.value.columns]
    assert tables and all("source_kind" in table.columns for table in tables)
    kinds = set().union(*(set(table["source_kind"]) for table in tables))
    assert kinds and kinds <= labels | {""}
    timeline = open_page("app_pages/timeline.py")
    (events,) = [df.value for df in timeline.dataframe if "source_url" in df.value.columns]
    assert set(events["source_kind"]) <= labels and sk.label(sk.UNCLASSIFIED) not in set(events["source_kind"])
