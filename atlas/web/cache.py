"""Streamlit-side loading: each dataset is read and validated once per version of its file, then cached.

``st.cache_data`` keeps the validated DataFrames (every caller gets its own copy);
``st.cache_resource`` keeps the ``RelationsIndex`` built from them, which is read-only and
shared by all sessions. A broken file becomes a ``DataError`` that the page shows as a readable
message (``ui.show_data_error``); other pages keep working.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from atlas.core import i18n, regions, source_kinds
from atlas.core.dates import format_date
from atlas.core.i18n import _
from atlas.core.paths import PROJECT_ROOT, STATIC_DIR
from atlas.data import loading as datasets
from atlas.data.loading import DataError, RelationsData
from atlas.data.registry import DATASETS, RELATIONS_FILES
from atlas.figures import country as country_figures
from atlas.figures import maps as figures
from atlas.figures import palettes
from atlas.queries import catalog as data_catalog
from atlas.queries import changes, relations, story, timeline
from atlas.queries import country as country_page
from atlas.queries.relations import RelationsIndex, party_dots, relations_at, relations_per_year

FIRST_YEAR = 1948


# --- Caches follow the files -------------------------------------------------------------------
# Every cached value is keyed on the content of the data files it comes from, so a file replaced
# under a running server is read on the next visit, an error never outlives the file that caused
# it, and two tables read at different times cannot mix versions. A file's content digest is
# computed once per (path, size, modification time): a visit costs one stat per file.

_digests: dict[tuple[str, int, int], str] = {}


def file_digest(path: Path) -> str:
    """A short digest of a file's bytes ('missing' when there is no file)."""
    try:
        stat = path.stat()
    except OSError:
        return "missing"
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _digests:
        try:
            _digests[key] = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        except OSError:
            return "missing"
    return _digests[key]


def dataset_versions(names: Iterable[str]) -> tuple[str, ...]:
    """The digests of some datasets' files, in the data folder the app reads now."""
    folder = datasets.data_dir()
    return tuple(file_digest(folder / DATASETS[name].filename) for name in names)


def data_version() -> tuple[str, ...]:
    """The digests of every dataset: the key of every value derived from more than one file."""
    return dataset_versions(DATASETS)


def follows_data(cache: Callable) -> Callable:
    """``@follows_data(st.cache_data(...))``: like ``cache``, keyed on ``data_version()`` and on the
    run's language as well (a value is computed in the language it is asked in, and kept per language).

    The cached function keeps its own module and name (Streamlit keys caches on them), so each
    function still has a cache of its own; callers call it as before.
    """

    def decorate(func: Callable) -> Callable:
        def keyed(version: tuple[str, ...], lang: str, *args, **kwargs):
            with i18n.language(lang):
                return func(*args, **kwargs)

        keyed.__module__, keyed.__name__, keyed.__qualname__ = func.__module__, func.__name__, func.__qualname__
        keyed.__doc__ = func.__doc__
        cached = cache(keyed)

        @functools.wraps(func)
        def call(*args, **kwargs):
            return cached(data_version(), i18n.current(), *args, **kwargs)

        call.clear = cached.clear
        return call

    return decorate


@st.cache_data(show_spinner=False, max_entries=16)
def _relations_data(version: tuple[str, ...], lang: str) -> RelationsData:
    with i18n.language(lang):
        return datasets.load_relations_data()


def relations_data() -> RelationsData:
    """The five relations files, schema- and cross-checked (raises ``DataError``)."""
    return _relations_data(dataset_versions(RELATIONS_FILES), i18n.current())


@st.cache_resource(show_spinner=False, max_entries=16)
def _relations_index(version: tuple[str, ...], lang: str) -> RelationsIndex:
    with i18n.language(lang):
        return RelationsIndex(_relations_data(version, lang))


def relations_index() -> RelationsIndex:
    """Shared, read-only index over ``relations_data`` (raises ``DataError``)."""
    return _relations_index(dataset_versions(RELATIONS_FILES), i18n.current())


_ROK_FILES = ("rok_relations", "rok_relation_events", "rok_successions", "successions")


@st.cache_resource(show_spinner=False, max_entries=16)
def _rok_relations_index(version: tuple[str, ...], lang: str) -> RelationsIndex:
    with i18n.language(lang):
        return RelationsIndex(datasets.load_rok_relations_data())


def rok_relations_index() -> RelationsIndex:
    """The Republic of Korea's relations, validated once per version and shared read-only (raises ``DataError``)."""
    return _rok_relations_index(dataset_versions(_ROK_FILES), i18n.current())


@st.cache_data(show_spinner=False, max_entries=64)
def _table(name: str, version: tuple[str, ...], lang: str) -> pd.DataFrame:
    with i18n.language(lang):
        return datasets.read_table(name)


def table(name: str) -> pd.DataFrame:
    """Any single validated dataset of the registry (events, gifts, centroids…); raises ``DataError``."""
    return _table(name, dataset_versions((name,)), i18n.current())


@follows_data(st.cache_resource(show_spinner=False))
def prepared_gifts() -> pd.DataFrame:
    """Gifts with the columns the Gifts page filters on (direction, leader, year, source kind).

    A shared resource, read-only by convention: ``cache_data`` would unpickle a copy for every
    session, which a class opening the page at once pays thirty times.
    """
    from atlas.queries import gifts as gift_logic

    return gift_logic.prepare(gifts())


GiftFilters = tuple[str, str | None, str | None, str | None, tuple[str, ...], str | None, tuple[str, ...]]


@follows_data(st.cache_resource(show_spinner=False, max_entries=256))
def gift_view(filters: GiftFilters, today: dt.date):
    """The Gifts page's tables and figures for one filter set, built once for every visitor."""
    from atlas.figures import gifts as gift_figures

    period, direction, country, leader, categories, text, kinds = filters
    return gift_figures.gift_view(
        prepared_gifts(), table("centroids"), today, period, direction, country, leader, list(categories), text, list(kinds)
    )


@st.cache_data(show_spinner=False, max_entries=16)
def _gifts(version: tuple[str, ...], lang: str) -> pd.DataFrame:
    with i18n.language(lang):
        return datasets.load_gifts()


def gifts() -> pd.DataFrame:
    """Gifts, validated with their links to events (raises ``DataError``)."""
    return _gifts(dataset_versions(("gifts", "events")), i18n.current())


@follows_data(st.cache_data(show_spinner=False))
def map_status(when: dt.date) -> pd.DataFrame:
    """``relations_at`` for one date, computed once per date for all visitors."""
    return relations_at(relations_index(), when)


@follows_data(st.cache_data(show_spinner=False))
def headline_figures(today: dt.date):
    """The Home page's figures, computed once per day for every visitor."""
    from atlas.queries.headlines import headlines

    return headlines(relations_index(), per_year(today), today)


@follows_data(st.cache_data(show_spinner=False))
def per_year(today: dt.date) -> pd.DataFrame:
    """Relations established per year and parties with relations at each year's end."""
    return relations_per_year(relations_index(), FIRST_YEAR, today.year, today)


@follows_data(st.cache_resource(show_spinner=False, max_entries=4))
def race_chart(today: dt.date) -> tuple[go.Figure, list[dict]]:
    """The race-with-Seoul figure and the moments it marks, built once per day for every visitor."""
    from atlas.figures.race import race_figure
    from atlas.queries.race import nordpolitik_span, race_moments

    events = table("events")
    moments = race_moments(events)
    return race_figure(race_per_year(today), moments, nordpolitik_span(events)), moments


@follows_data(st.cache_data(show_spinner=False, max_entries=200))
def race_status(when: dt.date) -> pd.DataFrame:
    """Every mapped state's standing with both Koreas at ``when`` (the dual map's table)."""
    from atlas.queries.race import race_status_at

    return race_status_at(relations_index(), rok_relations_index(), when)


@follows_data(st.cache_data(show_spinner=False, max_entries=200))
def race_map_counts(when: dt.date) -> dict[str, int]:
    """How many mapped states are in each category of the dual map at ``when``."""
    from atlas.queries.race import RACE_ORDER

    counts = race_status(when)["category"].value_counts()
    return {category: int(counts.get(category, 0)) for category in RACE_ORDER if category != "korea"}


@follows_data(st.cache_resource(show_spinner=False, max_entries=400))
def race_map_figure(when: dt.date, today: dt.date, presenting: bool = False) -> go.Figure:
    """The dual-Korea map for one date, through the shared category map builder."""
    from atlas.figures.race import RACE_SPEC
    from atlas.queries.race import RACE_HOVER, race_dots

    return figures.category_map(
        race_status(when),
        RACE_SPEC,
        dots=race_dots(table("centroids"), relations_index(), rok_relations_index()),
        title=_("Relations with North and South Korea, {date}").format(date=format_date(when)),
        hover=RACE_HOVER,
        font_size=figures.PRESENT_FONT_SIZE if presenting else 13,
    )


@follows_data(st.cache_data(show_spinner=False))
def race_per_year(today: dt.date) -> pd.DataFrame:
    """Partners of each Korea, of both, and the share of both, at each year's end."""
    from atlas.queries.race import race_per_year as compute

    return compute(relations_index(), rok_relations_index(), FIRST_YEAR, today.year, today)


@follows_data(st.cache_data(show_spinner=False))
def map_dots() -> pd.DataFrame:
    """Where the map draws small states as dots (parties only, no dependent territories)."""
    return party_dots(table("centroids"), relations_index())


# Figures are cached as shared resources: building one validates every property (~20 ms), and
# the charts only read them (they serialise a copy). One per date, shared by all visitors.
@follows_data(st.cache_resource(show_spinner=False, max_entries=400))
def map_figure(when: dt.date, today: dt.date, presenting: bool = False) -> go.Figure:
    """The recognition map for one date (larger type when projected)."""
    return figures.recognition_map(
        map_status(when),
        map_dots(),
        _("Relations with the DPRK, {date}").format(date=format_date(when)),
        font_size=figures.PRESENT_FONT_SIZE if presenting else 13,
    )


_warming = threading.Lock()


def warm_map_figures(
    whens: list[dt.date],
    today: dt.date,
    presenting: bool,
    prepare: Callable[[dt.date, go.Figure], object] | None = None,
    delay: float = 0.0,
) -> bool:
    """Build maps the visitor will ask for next in a background thread (``prepare`` is then called
    with each date and figure, e.g. to have its payload and the year's lists ready), so a step or a
    tick only sends what is already built.

    Measured on a loaded 2-core machine: building a year's figure took 0.3-0.8 s, more than the
    pause between years. One warmer at a time; years already cached cost nothing. Returns whether
    this call started the work (False while another warmer runs). With ``delay`` the work waits
    that long first: Python runs one thread at a time, and a warmer that starts at once slows the
    run that asked for it (and the sending of its messages) by a third.
    """
    if not _warming.acquire(blocking=False):
        return False

    lang = i18n.current()  # a new thread starts in the default language

    def work() -> None:
        i18n.activate(lang)
        try:
            time.sleep(delay)
            for when in whens:
                figure = map_figure(when, today, presenting)
                if prepare is not None:
                    prepare(when, figure)
                time.sleep(0.002)  # a background chore: let the visitors' own runs take the interpreter
        except DataError:
            pass  # damaged or replaced data: the page that asked shows the message, not this thread
        finally:
            _warming.release()

    thread = threading.Thread(target=work, name="warm-map-figures", daemon=True)
    add_script_run_ctx(thread, get_script_run_ctx())  # the caches expect a session's context
    thread.start()
    return True


@follows_data(st.cache_data(show_spinner=False, max_entries=50))
def map_csv(when: dt.date) -> pd.DataFrame:
    """The map's data as a spreadsheet-ready table (built when the download is clicked)."""
    return relations.map_csv(map_status(when), when)


@follows_data(st.cache_data(show_spinner=False))
def picker_labels() -> dict[str, str]:
    """Every state the map's country picker offers, code -> label."""
    return relations.picker_labels(relations_index())


@follows_data(st.cache_data(show_spinner=False))
def recognition_sparkline(today: dt.date) -> str:
    """SVG of relations established per year and parties with relations (the same every year)."""
    return figures.recognition_sparkline(per_year(today))


@follows_data(st.cache_data(show_spinner=False, max_entries=200))
def recognition_sparkline_marker(today: dt.date, year: int) -> str:
    """The sparkline's transparent layer marking ``year``."""
    return figures.recognition_sparkline_marker(per_year(today), year)


@follows_data(st.cache_data(show_spinner=False))
def country_choices() -> list[str]:
    """Codes the country page offers, sorted by name (raises ``DataError``)."""
    return country_page.country_choices(relations_index(), table("events"), gifts())


@follows_data(st.cache_data(show_spinner=False, max_entries=300))
def country_record(code: str, today: dt.date) -> country_page.CountryRecord:
    """One state's whole record, computed once per code and day for all visitors (~15–50 ms cold)."""
    return country_page.country_record(relations_index(), table("events"), gifts(), code, today)


@follows_data(st.cache_data(show_spinner=False, max_entries=300))
def seoul_record(code: str, today: dt.date) -> dict:
    """One state's relations with Seoul (sentence, source, dated history) for its country page."""
    from atlas.queries.race import seoul_record as compute

    return compute(rok_relations_index(), code, today)


@follows_data(st.cache_resource(show_spinner=False, max_entries=300))
def locator_figure(code: str, today: dt.date) -> go.Figure:
    """The country page's small locator map (shared, read-only like ``map_figure``)."""
    record = country_record(code, today)
    points = country_figures.label_points(_world_geometry(), table("centroids"))
    return country_figures.locator_map(record.locator, table("centroids"), record.name, points)


@st.cache_data(show_spinner=False)
def _world_geometry() -> dict:
    """static/world_110m.json, the map geometry the browser draws (read for its label points)."""
    path = STATIC_DIR / "world_110m.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # the locator then shows the whole world


@follows_data(st.cache_data(show_spinner=False))
def relation_lane() -> pd.DataFrame:
    """relation_events.csv shaped as the Timelines' two relation lanes."""
    return timeline.relation_lane_events(table("relation_events"))


TimelineFilters = tuple[str, tuple[str, ...], str | None, str | None, str | None]


# Shared resources, read-only by convention: ``cache_data`` would unpickle a copy of these tables
# for every session, which a class opening the Timelines at once paid thirty times.
@follows_data(st.cache_resource(show_spinner=False, max_entries=256))
def timeline_rows(filters: TimelineFilters, today: dt.date) -> pd.DataFrame:
    """Events and relation-lane rows of one filter set (view, lanes, country, region, search)."""
    view, lanes, country, region, text = filters
    frames = [table("events"), relation_lane()]
    shown = [timeline.filter_events(f, view, today, list(lanes), country, text, region) for f in frames]
    rows = pd.concat(shown, ignore_index=True).fillna({"event": ""})
    return rows.sort_values("start", kind="stable").reset_index(drop=True)


# The Data & sources page: tables computed across all datasets once per process, not per rerun.
# Shared resources, not copies: the page only draws them, and unpickling a copy of every table on
# each rerun was most of the page's server time.
@follows_data(st.cache_resource(show_spinner=False))
def data_overview() -> data_catalog.Overview:
    """Coverage, source kinds and conflicts of every dataset that loads; broken files are named."""
    tables, errors = {}, {}
    for name in DATASETS:
        try:
            tables[name] = table(name)
        except DataError as error:
            errors[name] = str(error)
    return data_catalog.overview(tables, errors)


@follows_data(st.cache_resource(show_spinner=False))
def browsable(name: str) -> pd.DataFrame:
    """One dataset as its file has it (Korean twins included) with the kind of each row's source
    beside it (raises ``DataError``)."""
    return data_catalog.with_source_kind(datasets.read_table(name, localize=False))


@follows_data(st.cache_resource(show_spinner=False))
def citation(name: str) -> data_catalog.Citation:
    """What a reference to one dataset needs: version, rows, latest date, fingerprint (raises ``DataError``)."""
    frame = table(name)
    path = datasets.data_dir() / DATASETS[name].filename
    return data_catalog.Citation(
        version=data_catalog.project_version(PROJECT_ROOT / "pyproject.toml"),
        filename=DATASETS[name].filename,
        rows=len(frame),
        latest=data_catalog.latest_date(frame),
        fingerprint=data_catalog.fingerprint([path.read_bytes()]),
    )


@st.cache_data(show_spinner=False, max_entries=16)
def _data_text(path: Path, version: str) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


def data_text(filename: str) -> str | None:
    """A text file of the data folder (README.md, OPEN_QUESTIONS.md), or None when it is missing."""
    path = datasets.data_dir() / filename
    return _data_text(path, file_digest(path))


@follows_data(st.cache_data(show_spinner=False))
def source_mix(names: tuple[str, ...]) -> str:
    """The kinds of the sources of some datasets, as one line (files that fail to load are skipped)."""
    urls = []
    for name in names:
        try:
            urls.extend(table(name)["source_url"])
        except DataError:
            continue
    return source_kinds.mix_text(urls)


# --- Changes (atlas/queries/changes.py): the compare view, the year's changes list, story chapters ---


@follows_data(st.cache_data(show_spinner=False, max_entries=200))
def compare_status(earlier: dt.date, later: dt.date) -> pd.DataFrame:
    """``changes.compare_status`` for one pair of dates, shared by all visitors."""
    return changes.compare_status(relations_index(), earlier, later)


@follows_data(st.cache_data(show_spinner=False, max_entries=200))
def party_changes(earlier: dt.date, later: dt.date) -> pd.DataFrame:
    """Parties (dissolved states included) that gained or lost relations between two dates."""
    return changes.party_changes(relations_index(), earlier, later)


@follows_data(st.cache_data(show_spinner=False, max_entries=200))
def year_changes(year: int) -> pd.DataFrame:
    """Relations established, suspended, severed and restored in one year."""
    return changes.year_changes(relations_index(), year)


@follows_data(st.cache_data(show_spinner=False))
def year_change_region_options() -> list[str]:
    """The region filter's choices (built once per process: a third of the map page's run before)."""
    return changes.region_options(year_change_regions())


@follows_data(st.cache_data(show_spinner=False))
def year_change_regions() -> pd.DataFrame:
    """Continent and sub-region of every state with a relationship event (the region filter's choices)."""
    codes = sorted(set(relations_index().relationship_events["iso3"]))
    return pd.DataFrame({"continent": [regions.continent(c) for c in codes], "region": [regions.un_subregion(c) for c in codes]})


@follows_data(st.cache_resource(show_spinner=False, max_entries=200))
def compare_figure(earlier: dt.date, later: dt.date, font_size: int = 13) -> go.Figure:
    """The map of what changed between two dates: gained, restored, lost, successor, unchanged (shared, read-only)."""
    status = compare_status(earlier, later)
    # Only the categories drawn get a legend line: a short legend leaves the map its room.
    present = set(status["category"])
    spec = figures.CategorySpec(
        {k: v for k, v in changes.COMPARE_LABELS.items() if k in present},
        {k: v for k, v in palettes.COMPARE_COLOURS.items() if k in present},
    )
    return figures.category_map(
        status,
        spec,
        dots=map_dots(),
        # Two lines: one ran past the right edge of a half-width column or the Story's map column.
        title=_("What changed between<br>{earlier} and {later}").format(earlier=format_date(earlier), later=format_date(later)),
        hover=changes.COMPARE_HOVER,
        font_size=font_size,
    )


@follows_data(st.cache_data(show_spinner=False, max_entries=50))
def story_chapter(number: int, today: dt.date) -> dict:
    """A chapter's filled text, period, key events and gift (1-based ``number``)."""
    chapter = story.CHAPTERS[number - 1]
    events = table("events")
    start, end = story.chapter_period(chapter, events, today)
    return {
        "text": story.chapter_text(relations_index(), events, chapter, today),
        "start": start,
        "end": end,
        "events": story.chapter_events(events, chapter),
        "gift": story.chapter_gift(gifts(), chapter),
    }


__all__ = [
    "DataError",
    "relations_data",
    "relations_index",
    "rok_relations_index",
    "table",
    "gifts",
    "prepared_gifts",
    "map_status",
    "per_year",
    "map_figure",
    "FIRST_YEAR",
    "country_choices",
    "country_record",
    "locator_figure",
    "relation_lane",
    "timeline_rows",
    "data_overview",
    "browsable",
    "citation",
    "data_text",
    "source_mix",
]


# --- The embassy network (atlas/queries/missions.py): the map's network view, its chart and list ---


@follows_data(st.cache_data(show_spinner=False, max_entries=200))
def network_status(when: dt.date) -> pd.DataFrame:
    """Every mapped state's missions both ways at ``when``."""
    from atlas.queries.missions import network_status_at

    return network_status_at(relations_index(), when)


@follows_data(st.cache_resource(show_spinner=False, max_entries=400))
def network_map_figure(when: dt.date, today: dt.date, presenting: bool = False) -> go.Figure:
    """The embassy network map for one date (shared, read-only like ``map_figure``)."""
    from atlas.figures.missions import network_map

    return network_map(
        network_status(when),
        map_dots(),
        _("Embassies and missions both ways, {date}").format(date=format_date(when)),
        font_size=figures.PRESENT_FONT_SIZE if presenting else 13,
    )


@follows_data(st.cache_data(show_spinner=False))
def network_per_year(today: dt.date) -> pd.DataFrame:
    """Resident missions both ways at each year's end."""
    from atlas.queries.missions import network_per_year as compute

    return compute(relations_index(), FIRST_YEAR, today.year, today)


@follows_data(st.cache_data(show_spinner=False))
def network_sparkline(today: dt.date) -> str:
    """SVG of resident missions per year (the same every year)."""
    from atlas.figures.missions import network_chart_svg

    return network_chart_svg(network_per_year(today))


@follows_data(st.cache_data(show_spinner=False, max_entries=200))
def network_sparkline_marker(today: dt.date, year: int) -> str:
    """The network chart's transparent layer marking ``year``."""
    from atlas.figures.missions import network_chart_marker

    return network_chart_marker(network_per_year(today), year)


@follows_data(st.cache_data(show_spinner=False, max_entries=200))
def year_mission_changes(year: int) -> pd.DataFrame:
    """Missions opened, closed or suspended in one year, both ways."""
    from atlas.queries.missions import year_openings_closings

    return year_openings_closings(relations_index(), year)
