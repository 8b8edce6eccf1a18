"""Streamlit glue for two views of the map page (issue 21): UN voting alignment and leaders' visits.

``/map?view=alignment&year=2015`` colours each state by how often it voted with the DPRK in the
General Assembly session that opened in 2015 (``data/un_alignment.csv``), with the most and least
aligned states and South Korea's figure under the map. The year slider keeps its whole range, so
switching views keeps the year; a year without votes (before 1991, after the last session in the
data) gets a note and a button to the nearest year with data, and Play runs over the sessions only.
Choosing the view from the control moves a year without data to the nearest one.

``/map?view=visits&period=era&year=2019`` draws the leaders' visits of a period that ends with
(or holds) the year shown (``data/visits.csv``, periods in ``atlas.queries.visit_map``), with the
period's visits listed under the map.

The year slider, Play, the country picker, the record panel and the URL are the map page's own.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable

import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from atlas.core import i18n
from atlas.core.i18n import _
from atlas.core.source_kinds import escape_markdown
from atlas.figures import maps as figures
from atlas.queries import un_votes, visit_map
from atlas.queries.relations import TERRITORY_OF, map_codes
from atlas.web import cache as loaders
from atlas.web.cache import follows_data, table

ALIGNMENT = "alignment"
VISITS = "visits"
PERIOD_KEY = "visits_period"
ROK = "KOR"
DATASETS = {ALIGNMENT: ("un_alignment",), VISITS: ("visits",)}


# --- Cached data and figures (keyed on the data files and the language, like atlas.web.cache's) ---


@follows_data(st.cache_data(show_spinner=False))
def alignment_years() -> list[int]:
    """The session years with votes (raises ``DataError``)."""
    return un_votes.alignment_years(table("un_alignment"))


def year_span() -> tuple[int, int]:
    """First and last session year with votes."""
    years = alignment_years()
    return years[0], years[-1]


@follows_data(st.cache_data(show_spinner=False, max_entries=100))
def alignment_status(year: int):
    """Every state on today's map in its class of agreement for session ``year``."""
    return un_votes.alignment_status(
        table("un_alignment"), year, map_codes(), loaders.relations_index().predecessors, TERRITORY_OF
    )


@follows_data(st.cache_resource(show_spinner=False, max_entries=200))
def alignment_figure(year: int, presenting: bool = False):
    """The alignment map of one session (shared, read-only like ``cache.map_figure``)."""
    from atlas.figures.why_maps import alignment_map

    return alignment_map(
        alignment_status(year),
        loaders.map_dots(),
        _("Agreement with the DPRK in UN General Assembly votes, session of {year}").format(year=year),
        font_size=figures.PRESENT_FONT_SIZE if presenting else 13,
    )


@follows_data(st.cache_data(show_spinner=False, max_entries=100))
def most_and_least(year: int):
    return un_votes.most_and_least(table("un_alignment"), year)


@follows_data(st.cache_data(show_spinner=False, max_entries=100))
def rok_figure(year: int) -> dict | None:
    return un_votes.state_figure(table("un_alignment"), year, ROK)


@follows_data(st.cache_data(show_spinner=False, max_entries=200))
def period_visits(period: str, year: int, today: dt.date):
    """The visits of ``period`` around ``year``, with their directions."""
    return visit_map.visits_in(table("visits"), *visit_map.period_span(period, year, today))


@follows_data(st.cache_resource(show_spinner=False, max_entries=200))
def visits_figure(period: str, year: int, today: dt.date, presenting: bool = False):
    from atlas.figures.why_maps import visits_map

    status = visit_map.visit_status(period_visits(period, year, today), map_codes(), loaders.relations_index().predecessors)
    return visits_map(
        status,
        loaders.map_dots(),
        visit_map.period_title(period, year, today),
        font_size=figures.PRESENT_FONT_SIZE if presenting else 13,
    )


_warming = threading.Lock()


def warm(years: list[int], presenting: bool) -> None:
    """Build the next sessions' maps ahead of Play in a background thread, as ``cache.warm_map_figures``
    does for the main map (one warmer at a time; years already cached cost nothing)."""
    if not _warming.acquire(blocking=False):
        return
    lang = i18n.current()

    def work() -> None:
        i18n.activate(lang)
        try:
            first, last = year_span()
            for year in years:
                if first <= year <= last:
                    alignment_figure(year, presenting)
        except loaders.DataError:
            pass
        finally:
            _warming.release()

    thread = threading.Thread(target=work, name="warm-alignment-maps", daemon=True)
    add_script_run_ctx(thread, get_script_run_ctx())
    thread.start()


# --- The alignment view ---


def nearest_year(year: int) -> int:
    first, last = year_span()
    return min(max(year, first), last)


def on_view_change(year_key: str, view_key: str) -> None:
    """View control callback: the alignment view opens on a year with votes."""
    if st.session_state.get(view_key) == ALIGNMENT:
        with contextlib.suppress(loaders.DataError):  # the view itself shows the data error
            st.session_state[year_key] = nearest_year(st.session_state[year_key])


def _go_to(year_key: str, year: int) -> None:
    st.session_state[year_key] = year


def alignment_map(when: dt.date, *, year_key: str, presenting: bool, on_select: Callable[[], None]) -> None:
    """The alignment map of the session opened in ``when.year`` and what it shows; a note for a year without votes."""
    from atlas.web.map_view import draw_map

    year = when.year
    try:
        first, last = year_span()
        if first <= year <= last:
            figure = alignment_figure(year, presenting)
    except loaders.DataError as error:
        st.error(_("The UN voting map cannot be shown: **{error}**").format(error=error), icon=":material/error:")
        return
    if not first <= year <= last:
        nearest = nearest_year(year)
        with st.container(key="alignment_no_data"):
            st.info(
                _(
                    "No UN General Assembly votes to show for {year}: the data covers the sessions of {first} (the "
                    "DPRK joined the UN on 17 September 1991) to {last}."
                ).format(year=year, first=first, last=last),
                icon=":material/info:",
            )
            st.button(
                _("Show {year}").format(year=nearest),
                key="alignment_nearest",
                on_click=_go_to,
                args=(year_key, nearest),
                icon=":material/arrow_forward:",
            )
        return
    draw_map(figure, on_select)
    st.caption(
        _(
            "A session year is the year a General Assembly session opened, in September: the votes of the session "
            "that opened in September {year} count for {year}, including its meetings early the next year. Agreement "
            "counts the recorded votes in which both the state and the DPRK voted yes, no or abstained: the same "
            "vote counts 1, a vote against an abstention ½, yes against no 0. States that shared fewer than {minimum} "
            'votes with the DPRK are drawn as "too few votes" and left out of the lists below: a handful of votes '
            "says little. Five classes rather than a shaded scale, because neighbouring shades merge on a projector "
            "and a class can be named aloud; they are narrow where most states are, between 65% and 90%."
        ).format(year=year, minimum=un_votes.MIN_VOTES)
    )


def _rank_lines(frame) -> list[str]:
    """'1. Syria: 92.5% of 67 votes', escaped whole, so the ranks stay as written (a markdown list
    would renumber tied ranks) and names print literally."""
    return [
        escape_markdown(
            _("{rank}. {name}: {share} of {votes} votes").format(
                rank=row["rank"], name=row["name"], share=un_votes.percent(row["agreement"]), votes=row["votes"]
            )
        )
        for row in frame.to_dict("records")
    ]


def alignment_side(chart, notes, year: int) -> None:
    """South Korea's figure for comparison beside the map's count."""
    try:
        first, last = year_span()
        figure = rok_figure(year) if first <= year <= last else None
    except loaders.DataError:
        return
    if figure is None:
        chart.caption(_("No South Korean votes shared with the DPRK in {year}.").format(year=year))
        return
    chart.metric(_("South Korea's agreement with the DPRK, {year}").format(year=year), un_votes.percent(figure["agreement"]))
    rank = (
        _("ranked {rank} of {ranked} states").format(rank=figure["rank"], ranked=figure["ranked"])
        if figure["rank"]
        else _("too few votes to rank")
    )
    chart.caption(
        _("For comparison: South Korea voted with the DPRK on {share} of {votes} shared votes, {rank}.").format(
            share=un_votes.percent(figure["agreement"]), votes=figure["votes"], rank=rank
        )
    )
    notes.caption(
        _(
            "Source: UN General Assembly roll calls from Voeten, Strezhnev and Bailey's voting data (Harvard "
            "Dataverse), sessions {first}–{last}, scored by the atlas (data/un_alignment.csv)."
        ).format(first=first, last=last)
    )


def show_rankings(year: int) -> None:
    """The ten most and ten least aligned states of the year (at least ``MIN_VOTES`` shared votes)."""
    try:
        first, last = year_span()
        if not first <= year <= last:
            return
        top, bottom = most_and_least(year)
    except loaders.DataError:
        return
    most, least = st.columns(2)
    with most, st.container(key="alignment_most"):
        st.subheader(_("Most aligned with the DPRK, {year}").format(year=year))
        st.markdown("  \n".join(_rank_lines(top)))
    with least, st.container(key="alignment_least"):
        st.subheader(_("Least aligned with the DPRK, {year}").format(year=year))
        st.markdown("  \n".join(_rank_lines(bottom)))
    st.caption(
        _(
            "Ranked among the states that shared at least {minimum} votes with the DPRK that session; tied states "
            "share a rank. South Korea is ranked like any other state."
        ).format(minimum=un_votes.MIN_VOTES)
    )


# --- The leaders' visits view ---


def period_control() -> str:
    """The period picker above the visits map (``?period=``); returns the period shown."""
    st.segmented_control(
        _("Period"),
        options=list(visit_map.PERIOD_LABELS),
        format_func=lambda period: _(visit_map.PERIOD_LABELS[period]),
        key=PERIOD_KEY,
        help=_(
            "Relative to the year shown: the years of the DPRK leader in office at its end, the ten years up to it, "
            "that year alone, or every visit on record."
        ),
    )
    return st.session_state.get(PERIOD_KEY) or visit_map.DEFAULT_PERIOD


def visits_map(when: dt.date, *, today: dt.date, presenting: bool, on_select: Callable[[], None]) -> None:
    """The period's visits on the map, and how many go each way."""
    from atlas.web.map_view import draw_map

    period = period_control()
    try:
        figure = visits_figure(period, when.year, today, presenting)
        shown = period_visits(period, when.year, today)
    except loaders.DataError as error:
        st.error(_("The visits map cannot be shown: **{error}**").format(error=error), icon=":material/error:")
        return
    draw_map(figure, on_select)
    counts = visit_map.visit_counts(shown)
    st.caption(
        _(
            "In this period: trips abroad by DPRK leaders, {abroad}; visits to the DPRK by other states' leaders, "
            "{came}; other meetings with a DPRK leader, {elsewhere}. A visit to or from a dissolved state is drawn "
            "on the state that continued it (the Soviet Union's on Russia). Point at a state for its visits."
        ).format(abroad=counts["abroad"], came=counts["to_dprk"], elsewhere=counts["elsewhere"])
    )


def show_visit_list(year: int, today: dt.date) -> None:
    """The period's visits, earliest first, each linking its partner's country page and its source."""
    period = st.session_state.get(PERIOD_KEY) or visit_map.DEFAULT_PERIOD
    try:
        shown = period_visits(period, year, today)
        linkable = set(loaders.country_choices())
    except loaders.DataError:
        return
    st.subheader(visit_map.period_title(period, year, today))
    if shown.empty:
        st.caption(_("No leaders' visit on record in this period."))
        return
    with st.container(key="visit_list"):
        st.markdown("\n".join(visit_map.visit_lines(shown, linkable)))
