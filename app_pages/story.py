"""Story mode: eight chapters from 1945 to today, to project in class or print as a handout."""

import datetime as dt

import streamlit as st

from atlas.core.dates import format_date, format_partial, year_end
from atlas.core.i18n import _
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
    missing = DataError("events.csv", _("no event {event}").format(event=error))
    ui.show_data_error(error if isinstance(error, DataError) else missing)

if not handout:
    story_page.navigation(number)


def map_link_note(start: dt.date, end: dt.date, today: dt.date) -> str:
    """Why the map's numbers differ from the chapter's: the map compares whole years' ends."""
    index = loaders.relations_index()
    earlier, later = year_end(max(start.year, loaders.FIRST_YEAR), today), year_end(end.year, today)
    return _(
        "The map compares the ends of whole years: {earlier} → {later}, {with_earlier} → {with_later} parties "
        "with relations. This chapter runs {start} → {end}, {with_start} → {with_end} parties."
    ).format(
        earlier=format_date(earlier),
        later=format_date(later),
        with_earlier=count_with_relations(index, earlier),
        with_later=count_with_relations(index, later),
        start=format_date(start),
        end=format_date(end),
        with_start=count_with_relations(index, start),
        with_end=count_with_relations(index, end),
    )


text_col, map_col = story_page.areas(handout, [1, 1.25])
with text_col:  # the title heads the text column, so the map beside it starts at the top of a 720 px screen
    st.title(_(CHAPTERS[number - 1].title))
    st.caption(
        _("Chapter {number} of {total} · {start} – {end}").format(
            number=number,
            total=len(CHAPTERS),
            start=format_partial(chapter["start"].isoformat()),
            end=format_partial(chapter["end"].isoformat()),
        )
    )
    with st.container(key="story_text"):
        st.markdown(chapter["text"])
        story_page.record(number, chapter["start"], chapter["end"])
with map_col:
    both_tab = None
    if CHAPTERS[number - 1].dual_korea and not handout:
        changes_tab, both_tab = st.tabs([_("What changed in these years"), _("Both Koreas at the chapter's end")])
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
        explore = _("Explore these years on the map, with every change listed")
        st.markdown(f"[{explore}]({link})")
        st.caption(map_link_note(chapter["start"], chapter["end"], today))

events_col, gift_col = story_page.areas(handout, [1.6, 1])
with events_col, st.container(key="story_side"):
    st.subheader(_("Key events"))
    for event in chapter["events"].itertuples():
        st.markdown(
            _("**{date}** — {title}. {summary} Source: {source}").format(
                date=format_partial(event.date),
                title=event.title,
                summary=event.summary,
                source=ui.source_markdown(event.source_url),
            )
        )
gift = chapter["gift"]
if gift:
    with gift_col, st.container(key="story_gift"):
        st.subheader(_("A gift from the period"))
        st.markdown(_("{gift}. Source: {source}").format(gift=gift_line(gift), source=ui.source_markdown(gift["source_url"])))

ui.sources_footer(
    ["events", "gifts", "relations", "relation_events", "successions", "treaties", "security_council", "visits", "un_alignment"]
)
