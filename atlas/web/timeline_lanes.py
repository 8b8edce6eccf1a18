"""The Timelines' rows, counts, table and figure for a filter set and the lanes it shows (issue 21).

The page's lane filter (``?lanes=``) picks groups of lanes: the events, the relationship changes
(with the embassies), and the four record lanes (treaties, organisations, Security Council,
leaders' visits). A filter set is ``(view, categories, country, region, search, groups)``: the
categories narrow the event and relation lanes they list; the other filters narrow every lane.
Shared resources, read-only by convention, like the rest of the Timelines' caches.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from atlas.figures import timeline as timeline_figures
from atlas.queries import catalog as data_catalog
from atlas.queries import timeline
from atlas.web import cache as loaders
from atlas.web.cache import follows_data, table

Filters = tuple[str, tuple[str, ...], str | None, str | None, str | None, tuple[str, ...]]


@follows_data(st.cache_resource(show_spinner=False))
def record_lanes() -> tuple[pd.DataFrame, dict[str, dict]]:
    """The four record lanes shaped like events.csv, and each row's record by its prefixed id."""
    return timeline.record_lanes(table("treaties"), table("organisations"), table("security_council"), table("visits"))


@follows_data(st.cache_resource(show_spinner=False, max_entries=256))
def rows(filters: Filters, today: dt.date) -> pd.DataFrame:
    """Every row one filter set shows, all lanes together, by date."""
    view, categories, country, region, text, groups = filters
    wanted = timeline.group_lanes(groups)
    parts = []
    if wanted & set(timeline.LANES):
        base = loaders.timeline_rows((view, categories, country, region, text), today)
        parts.append(base[base["category"].isin(wanted)])
    records = [lane for lane in timeline.RECORD_LANES if lane in wanted]
    if records:
        frame = record_lanes()[0]
        frame = frame[frame["category"].isin(records)]
        parts.append(timeline.filter_events(frame, view, today, None, country, text, region))
    if not parts:
        return timeline.with_spans(pd.DataFrame(columns=timeline.RECORD_COLUMNS))
    shown = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    return shown.sort_values("start", kind="stable").reset_index(drop=True)


@follows_data(st.cache_resource(show_spinner=False, max_entries=256))
def lane_counts(filters: Filters, today: dt.date) -> tuple[tuple[int, int, int], dict[str, int]]:
    """(events, changes, embassies) and the record lanes' counts among the rows shown."""
    shown = rows(filters, today)
    return timeline.lane_counts(shown), timeline.record_lane_counts(shown)


@follows_data(st.cache_resource(show_spinner=False, max_entries=256))
def table_of(filters: Filters, today: dt.date) -> pd.DataFrame:
    """The Timelines table of one filter set, with the kind of each source beside it."""
    columns = ["date", "end_date", "title", "category", "countries", "source_url"]
    shown = rows(filters, today)[columns]
    return data_catalog.with_source_kind(shown.assign(category=shown["category"].map(timeline.lane_label)))


@follows_data(st.cache_resource(show_spinner=False, max_entries=128))
def figure(filters: Filters, today: dt.date) -> go.Figure:
    """The Timelines figure of one filter set."""
    return timeline_figures.timeline_figure(rows(filters, today), table("events"), loaders.per_year(today), filters[0], today)
