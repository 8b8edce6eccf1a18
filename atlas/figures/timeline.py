"""The Timelines figure (pure): lanes of events and relationship changes, eras, relations per year."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from atlas.core.dates import format_partial
from atlas.core.i18n import _
from atlas.figures.palettes import FONT_FAMILY
from atlas.queries.timeline import (
    COUNCIL_LANE,
    EMBASSY_LANE,
    LANES,
    ORGANISATION_LANE,
    RECORD_LANES,
    RELATION_LANE,
    TRANSITION,
    TREATY_LANE,
    VISIT_LANE,
    era_spans,
    lane_label,
    period_bounds,
)

CATEGORY_COLOURS = {
    "diplomatic": "#0072B2",
    "treaty": "#009E73",
    "summit": "#CC79A7",
    "war": "#D55E00",
    "nuclear": "#E69F00",
    "UN": "#56B4E9",
    "sanctions": "#7F6A00",
    "inter-Korean": "#444444",
}


CHANGE_COLOURS = {"established": "#0072B2", "restored": "#009E73", "suspended": "#E69F00", "severed": "#D55E00"}


EMBASSY_COLOUR = "#8C8C8C"


# The record lanes (issue 21): a colour per lane, or per outcome where it tells the story (a
# Council veto, leaving an organisation), and a symbol per lane so they read without colour.
RECORD_STYLES = {
    TREATY_LANE: ("square", {}, "#009E73"),
    ORGANISATION_LANE: ("triangle-up", {"left": "#D55E00", "withdrawal_announced": "#E69F00", "suspended": "#E69F00"}, "#0072B2"),
    COUNCIL_LANE: ("star", {"vetoed": "#D55E00", "not_adopted": "#E69F00"}, "#56B4E9"),
    VISIT_LANE: ("circle", {}, "#CC79A7"),
}


def _hover() -> str:
    """A point's hover: its title, its date, and the site of its source."""
    source = _("Source: {site}").format(site="%{customdata[2]}")
    return "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>" + source + "<extra></extra>"


def _site(url: str) -> str:
    return urlsplit(url).netloc.removeprefix("www.")


def _band(x0: dt.date, x1: dt.date, fill: str) -> dict:
    """A shaded period across both panels (the x axes are shared)."""
    return dict(type="rect", xref="x", yref="paper", x0=x0, x1=x1, y0=0, y1=1, fillcolor=fill, line_width=0, layer="below")


def _label(x: dt.date, text: str) -> dict:
    return dict(
        x=x,
        y=1.0,
        xref="x",
        yref="paper",
        xanchor="left",
        yanchor="bottom",
        text=text,
        showarrow=False,
        font=dict(size=11, color="#555555"),
    )


def timeline_figure(
    events: pd.DataFrame, all_events: pd.DataFrame, per_year: pd.DataFrame, view: str, today: dt.date
) -> go.Figure:
    """Events in lanes by category (points; spans as bars) over relations established per year."""
    start, end = period_bounds(view, today)
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.72, 0.28], vertical_spacing=0.04)
    # The record lanes sit between the events and the two relation lanes, and only when shown (so
    # the page without them draws as before); a taller chart keeps the lanes apart.
    present = set(events["category"])
    records = [lane for lane in RECORD_LANES if lane in present]
    lanes = [*LANES[:-2], *records, *LANES[-2:]]
    for category in lanes:
        rows = events[events["category"] == category]
        if rows.empty:
            continue
        if category in RECORD_LANES:
            for trace in _record_traces(rows, category):
                fig.add_trace(trace, row=1, col=1)
            continue
        if category in (RELATION_LANE, EMBASSY_LANE):
            fig.add_trace(_relation_trace(rows, category), row=1, col=1)
            continue
        colour = CATEGORY_COLOURS[category]
        spans = rows[rows["end_date"] != ""]
        if not spans.empty:
            # A lane's spans in one trace (None breaks the line): fewer traces build and draw faster.
            xs, ys = [], []
            for span in spans.itertuples():
                xs += [span.start, span.end, None]
                ys += [lane_label(category), lane_label(category), None]
            fig.add_trace(
                go.Scatter(
                    x=xs, y=ys, mode="lines", line=dict(color=colour, width=9), opacity=0.45, hoverinfo="skip", showlegend=False
                ),
                row=1,
                col=1,
            )
        when = [
            format_partial(d) + (f" – {format_partial(e)}" if e else "")
            for d, e in zip(rows["date"], rows["end_date"], strict=True)
        ]
        fig.add_trace(
            go.Scatter(
                x=rows["start"],
                y=[lane_label(category)] * len(rows),
                mode="markers",
                name=lane_label(category),
                marker=dict(color=colour, size=10, line=dict(color="#ffffff", width=1), symbol="diamond"),
                customdata=list(zip(rows["title"], when, rows["source_url"].map(_site), rows["event_id"], strict=True)),
                hovertemplate=_hover(),
                unselected=dict(marker=dict(opacity=0.6)),
            ),
            row=1,
            col=1,
        )
    years = per_year[(per_year["year"] >= start.year) & (per_year["year"] <= end.year)]
    fig.add_trace(
        go.Bar(
            x=[dt.date(y, 7, 1) for y in years["year"]],
            y=years["established"],
            name=_("Relations established"),
            marker_color="#56B4E9",
            hovertemplate=_("{year}: {count} relations established").format(year="%{x|%Y}", count="%{y}") + "<extra></extra>",
        ),
        row=2,
        col=1,
    )
    # Shapes and annotations go in as one layout list: add_vrect/add_vline cost ~30 ms each.
    shapes, annotations = [], []
    for key, fill in (("cold-war", "rgba(0,114,178,0.06)"), ("post-1989", "rgba(230,159,0,0.08)")):
        p_start, p_end = period_bounds(key, today)
        shapes.append(_band(p_start, p_end, fill))
    shapes.append(_band(TRANSITION[0], TRANSITION[1], "rgba(213,94,0,0.10)"))
    annotations.append(_label(TRANSITION[0], "1989–91"))
    for label, e_start, e_end in era_spans(all_events, today):
        if e_end >= start and e_start <= end:
            annotations.append(_label(max(e_start, start), _("{leader} era").format(leader=label)))
            shapes.append(
                dict(
                    type="line",
                    xref="x",
                    yref="paper",
                    x0=e_start,
                    x1=e_start,
                    y0=0,
                    y1=1,
                    line=dict(dash="dot", color="#999999", width=1),
                )
            )
    fig.update_layout(shapes=shapes, annotations=annotations)
    fig.update_yaxes(categoryorder="array", categoryarray=[lane_label(lane) for lane in reversed(lanes)], row=1, col=1)
    fig.update_yaxes(title_text=_("Established"), row=2, col=1, rangemode="tozero")
    fig.update_xaxes(range=[start, end], row=2, col=1)
    fig.update_layout(
        height=620 + 40 * len(records),
        margin=dict(l=0, r=0, t=40, b=0),
        showlegend=False,
        clickmode="event+select",
        dragmode="zoom",
        template=go.layout.Template(),
        hovermode="closest",
        font_family=FONT_FAMILY,
    )
    return fig


def _relation_trace(rows: pd.DataFrame, lane: str) -> go.Scatter:
    """One lane of relation events: changes coloured by kind; embassies small and grey, so the
    ~300 points stay readable next to the events. Hover names the state, the date and the source."""
    changes = lane == RELATION_LANE
    colours = [CHANGE_COLOURS.get(e, EMBASSY_COLOUR) for e in rows["event"]] if changes else EMBASSY_COLOUR
    return go.Scatter(
        x=rows["start"],
        y=[lane_label(lane)] * len(rows),
        mode="markers",
        name=lane_label(lane),
        marker=dict(
            color=colours,
            size=9 if changes else 6,
            opacity=0.85 if changes else 0.5,
            symbol="circle" if changes else "line-ns-open",
            line=dict(color="#ffffff" if changes else EMBASSY_COLOUR, width=1 if changes else 1.5),
        ),
        customdata=list(
            zip(rows["title"], rows["date"].map(format_partial), rows["source_url"].map(_site), rows["event_id"], strict=True)
        ),
        hovertemplate=_hover(),
        unselected=dict(marker=dict(opacity=0.35 if changes else 0.25)),
    )


def _record_traces(rows: pd.DataFrame, lane: str) -> list[go.Scatter]:
    """One record lane: spans (a visit's days) as a faint bar, each record a point whose click
    opens its record; hover names it, its date(s) and its source's site."""
    symbol, by_event, colour = RECORD_STYLES[lane]
    label = lane_label(lane)
    traces = []
    spans = rows[rows["end_date"] != ""]
    if not spans.empty:
        xs, ys = [], []
        for span in spans.itertuples():
            xs += [span.start, span.end, None]
            ys += [label, label, None]
        traces.append(
            go.Scatter(
                x=xs, y=ys, mode="lines", line=dict(color=colour, width=9), opacity=0.45, hoverinfo="skip", showlegend=False
            )
        )
    when = [
        format_partial(d) + (f" – {format_partial(e)}" if e else "") for d, e in zip(rows["date"], rows["end_date"], strict=True)
    ]
    traces.append(
        go.Scatter(
            x=rows["start"],
            y=[label] * len(rows),
            mode="markers",
            name=label,
            marker=dict(
                color=[by_event.get(e, colour) for e in rows["event"]],
                size=10,
                symbol=symbol,
                line=dict(color="#ffffff", width=1),
            ),
            customdata=list(zip(rows["title"], when, rows["source_url"].map(_site), rows["event_id"], strict=True)),
            hovertemplate=_hover(),
            unselected=dict(marker=dict(opacity=0.6)),
        )
    )
    return traces
