"""Story mode: eight chapters from 1945 to today, to project in class or print as a handout."""

import datetime as dt

import streamlit as st

from atlas.core.dates import format_date, format_partial, year_end
from atlas.data.loading import DataError
from atlas.queries.relations import count_with_relations
from atlas.queries.story import CHAPTERS, gift_line, map_compare_link
from atlas.web import cache as loaders
from atlas.web import map_chart
from atlas.web import story_view as story_page
from atlas.web import widgets as ui

number, handout = story_page.read_url()  # a notice for what the address got wrong
story_page.styles(handout)
today = dt.date.today()
try:
    loaders.table("centroids")  # the map's small states: checked here so a broken file is named
    chapter = loaders.story_chapter(number, today)
except (DataError, KeyError) as error:  # KeyError: a boundary event missing from events.csv
    ui.show_data_error(error if isinstance(error, DataError) else DataError("events.csv", f"no event {error}"))

if not handout:
    story_page.navigation(number)


def map_link_note(start: dt.date, end: dt.date, today: dt.date) -> str:
    """Why the map's numbers differ from the chapter's: the map compares whole years' ends."""
    index = loaders.relations_index()
    earlier, later = year_end(max(start.year, loaders.FIRST_YEAR), today), year_end(end.year, today)
    return (
        f"The map compares the ends of whole years: {format_date(earlier)} → {format_date(later)}, "
        f"{count_with_relations(index, earlier)} → {count_with_relations(index, later)} parties with relations. "
        f"This chapter runs {format_date(start)} → {format_date(end)}, "
        f"{count_with_relations(index, start)} → {count_with_relations(index, end)} parties."
    )


text_col, map_col = story_page.areas(handout, [1, 1.25])
with text_col:  # the title heads the text column, so the map beside it starts at the top of a 720 px screen
    st.title(CHAPTERS[number - 1].title)
    st.caption(
        f"Chapter {number} of {len(CHAPTERS)} · {format_partial(chapter['start'].isoformat())} – "
        f"{format_partial(chapter['end'].isoformat())}"
    )
    with st.container(key="story_text"):
        st.markdown(chapter["text"])
with map_col:
    both_tab = None
    if CHAPTERS[number - 1].dual_korea and not handout:
        changes_tab, both_tab = st.tabs(["What changed in these years", "Both Koreas at the chapter's end"])
    else:
        changes_tab = st.container()
    with changes_tab, st.container(key="story_map_frame"):
        map_chart.draw(
            loaders.compare_figure(chapter["start"], chapter["end"], 12 if handout else 15), key="story_map", config=ui.MAP_CONFIG
        )
    if both_tab:
        with both_tab:
            story_page.both_koreas(chapter["end"], today)
    link = map_compare_link(chapter["start"], chapter["end"], loaders.FIRST_YEAR)
    if link and not handout:
        st.markdown(f"[Explore these years on the map, with every change listed]({link})")
        st.caption(map_link_note(chapter["start"], chapter["end"], today))

events_col, gift_col = story_page.areas(handout, [1.6, 1])
with events_col, st.container(key="story_side"):
    st.subheader("Key events")
    for event in chapter["events"].itertuples():
        st.markdown(
            f"**{format_partial(event.date)}** — {event.title}. {event.summary} Source: {ui.source_markdown(event.source_url)}"
        )
gift = chapter["gift"]
if gift:
    with gift_col, st.container(key="story_gift"):
        st.subheader("A gift from the period")
        st.markdown(f"{gift_line(gift)}. Source: {ui.source_markdown(gift['source_url'])}")

ui.sources_footer(["events", "gifts", "relations", "relation_events", "successions"])
