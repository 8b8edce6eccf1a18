"""Story chapters: every reference exists, every number and date comes from the data."""

import datetime as dt
import re

import pytest

from atlas.data.loading import load_gifts, load_relations_data, read_table
from atlas.queries import story
from atlas.queries.relations import RelationsIndex, count_with_relations

TODAY = dt.date(2026, 11, 29)
# Lower case only: a proper name such as "Six-Party Talks" is a name, not a count.
NUMBER_WORDS = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|dozen)\b")
MONTHS = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")


@pytest.fixture(scope="module")
def data():
    return RelationsIndex(load_relations_data()), read_table("events"), load_gifts()


def test_about_eight_chapters_in_date_order(data):
    _, events, _ = data
    assert 7 <= len(story.CHAPTERS) <= 9
    periods = [story.chapter_period(c, events, TODAY) for c in story.CHAPTERS]
    assert periods[0][0].year == 1945 and periods[-1][1] == TODAY
    for (start, end), (next_start, _) in zip(periods, periods[1:], strict=False):
        assert start < end == next_start  # contiguous: each chapter starts where the last ended


def test_every_referenced_event_and_gift_exists_and_fits_its_period(data):
    _, events, gifts = data
    assert story.missing_references(events, gifts) == []


def test_missing_references_are_reported(data):
    _, events, gifts = data
    problems = story.missing_references(events[events["event_id"] != "1950-korean-war"], gifts.iloc[0:0])
    assert any("1950-korean-war" in p for p in problems)
    assert sum("gift" in p for p in problems) == len(story.CHAPTERS)


@pytest.mark.parametrize("number", range(len(story.CHAPTERS)))
def test_templates_type_no_number_and_no_date(number):
    typed = story.template_literals(story.CHAPTERS[number].text)
    assert not re.search(r"\d", typed), typed
    assert not NUMBER_WORDS.search(typed), NUMBER_WORDS.search(typed)
    assert not MONTHS.search(typed), MONTHS.search(typed)


@pytest.mark.parametrize("number", range(len(story.CHAPTERS)))
def test_every_number_in_the_text_is_a_computed_value(data, number):
    index, events, _ = data
    chapter = story.CHAPTERS[number]
    text = story.chapter_text(index, events, chapter, TODAY)
    assert "{" not in text and story.MISSING_DATE not in text
    facts = story.chapter_facts(index, events, chapter, TODAY)
    allowed = {str(v) for v in facts.values() if isinstance(v, int)}
    allowed |= {n for value in facts["date"].values() for n in re.findall(r"\d+", value)}
    allowed |= set(re.findall(r"\d+", facts["start"] + " " + facts["end"]))
    assert set(re.findall(r"\d+", text)) <= allowed


def test_facts_follow_the_data(data):
    index, events, _ = data
    first = story.chapter_facts(index, events, story.CHAPTERS[0], TODAY)
    start, end = story.chapter_period(story.CHAPTERS[0], events, TODAY)
    assert first["with_start"] == 0 and first["with_end"] == count_with_relations(index, end)
    assert "Soviet Union" in first["established_names"] and "China" in first["established_names"]
    cold_war_end = story.chapter_facts(index, events, story.CHAPTERS[4], TODAY)
    assert "Soviet Union" in cold_war_end["dissolved_names"] and "East Germany" in cold_war_end["dissolved_names"]
    race = story.chapter_facts(index, events, story.CHAPTERS[3], TODAY)
    assert race["established"] == sum(race[k] for k in ("est_africa", "est_asia", "est_europe", "est_americas", "est_oceania"))
    assert race["break_names"].count("Mauritania") == 1  # suspended, then severed: one state
    nuclear = story.chapter_facts(index, events, story.CHAPTERS[6], TODAY)
    assert nuclear["nuclear_tests"] >= 1


def test_a_missing_event_date_shows_a_gap_not_a_crash(data):
    index, events, _ = data
    chapter = story.CHAPTERS[1]
    text = story.chapter_text(index, events[events["event_id"] != "1950-incheon-landing"], chapter, TODAY)
    assert story.MISSING_DATE in text


def test_key_events_and_gift(data):
    _, events, gifts = data
    for chapter in story.CHAPTERS:
        table = story.chapter_events(events, chapter)
        assert list(table["event_id"]) and set(table["event_id"]) == set(chapter.key_events)
        assert table["source_url"].str.startswith("http").all()
        gift = story.chapter_gift(gifts, chapter)
        assert gift and gift["source_url"].startswith("http")
        assert gift["item"] in story.gift_line(gift)


@pytest.mark.parametrize(
    ("names", "text"), [([], "none"), (["A"], "A"), (["A", "B"], "A and B"), (["A", "B", "C"], "A, B and C")]
)
def test_readable_list(names, text):
    assert story.readable_list(names) == text


def test_map_compare_link():
    assert story.map_compare_link(dt.date(1988, 7, 7), dt.date(1992, 8, 24), 1948) == "map?year=1992&compare=1988"
    assert story.map_compare_link(dt.date(1945, 8, 15), dt.date(1950, 6, 25), 1948) == "map?year=1950&compare=1948"
    assert story.map_compare_link(dt.date(1950, 6, 25), dt.date(1950, 12, 1), 1948) is None


@pytest.mark.parametrize("number", range(1, len(story.CHAPTERS) + 1))
def test_the_chapter_map_speaks_the_story_language(data, number):
    """Every state the text says broke ties is drawn as lost or restored, never as 'changed'."""
    from atlas.queries import changes

    index, events, _ = data
    chapter = story.CHAPTERS[number - 1]
    start, end = story.chapter_period(chapter, events, TODAY)
    status = changes.compare_status(index, start, end).set_index("iso3")
    moved = changes.events_between(index, start, end)
    breakers = set(moved.loc[moved["kind"].isin(changes.BREAKS), "iso3"])
    assert len(breakers) == story.chapter_facts(index, events, chapter, TODAY)["broke"]
    for code in breakers & set(status.index):  # a dissolved state is not on today's map
        assert status.loc[code, "category"] in ("lost", "restored"), code
    assert "changed" not in set(status["category"])


def test_chapter_four_severed_and_suspended_states_are_lost(data):
    from atlas.queries import changes

    index, events, _ = data
    start, end = story.chapter_period(story.CHAPTERS[3], events, TODAY)
    rows = changes.compare_status(index, start, end).set_index("iso3")
    for code in ("AUS", "CHL", "ARG", "MMR", "IRQ", "FJI"):
        assert rows.loc[code, "category"] == "lost", code
        assert rows.loc[code, "change"] == "Lost"
    assert rows.loc["AUS", "event"] == "Relations suspended" and rows.loc["CHL", "event"] == "Relations severed"
    # Broke off and came back within the chapter: restored, still one of the text's breakers.
    assert rows.loc["MRT", "category"] == "restored" and rows.loc["UGA", "category"] == "restored"
    # Vietnam's ties were North Vietnam's and became its own: passed to a successor.
    assert rows.loc["VNM", "category"] == "successor"


def test_ukraine_1988_to_1992_passed_to_a_successor(data):
    from atlas.queries import changes

    index, *_ = data
    row = changes.compare_status(index, dt.date(1988, 12, 31), dt.date(1992, 12, 31)).set_index("iso3").loc["UKR"]
    assert row["category"] == "successor" and row["change"] == "Passed to a successor"
    assert row["from"] == "Relations through a predecessor state (Soviet Union)" and row["to"] == "Diplomatic relations"
