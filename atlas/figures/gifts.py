"""The Gift exchanges page's figures (pure): counterparts map, flows, gifts over time, and the page's view of one filter set."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from atlas.core.countries import country_name
from atlas.core.dates import format_partial
from atlas.core.i18n import _
from atlas.figures.maps import GEO_LAYOUT
from atlas.figures.palettes import FONT_FAMILY
from atlas.queries.gifts import (
    DIRECTIONS,
    before_after_1989,
    by_category,
    filter_gifts,
    readable,
    source_kind_mix,
    top_counterparts,
    value_label,
)

# The columns of the page's table of gifts, in order.
TABLE_COLUMNS = [
    "date",
    "direction",
    "giver",
    "recipient",
    "country_page",
    "item",
    "category",
    "occasion",
    "source_url",
    "source_kind",
]


def gifts_map(gifts: pd.DataFrame, centroids: pd.DataFrame) -> go.Figure:
    """Counterpart countries shaded by number of gifts; small states as sized markers."""
    counts = gifts.groupby("counterpart_iso3").size()
    counts = counts[[not code.startswith(("EUU",)) for code in counts.index]]
    small = set(centroids["iso3"])
    shapes = counts[[c not in small for c in counts.index]]
    dots = counts[[c in small for c in counts.index]]
    top = max(int(shapes.max()) if len(shapes) else 0, 1)
    fig = go.Figure(
        go.Choropleth(
            locations=list(shapes.index),
            z=list(shapes.values),
            colorscale="Blues",
            # Counts are whole numbers from 0: with one country shown plotly would otherwise span 11.6-12.4.
            zmin=0,
            zmax=top,
            marker_line_color="#ffffff",
            marker_line_width=0.4,
            colorbar=dict(title=_("Gifts"), thickness=12, tickformat="d", tick0=0, dtick=max(1, math.ceil(top / 5))),
            customdata=[country_name(c) for c in shapes.index],
            hovertemplate="<b>%{customdata}</b><br>" + _("{count} gifts").format(count="%{z}") + "<extra></extra>",
        )
    )
    if len(dots):
        positions = centroids.set_index("iso3").loc[list(dots.index)]
        fig.add_trace(
            go.Scattergeo(
                lon=positions["lon"],
                lat=positions["lat"],
                mode="markers",
                marker=dict(size=8, color="#0072B2", line=dict(color="#333333", width=0.6)),
                customdata=[country_name(c) for c in dots.index],
                text=list(dots.values),
                hovertemplate="<b>%{customdata}</b><br>" + _("{count} gifts").format(count="%{text}") + "<extra></extra>",
                showlegend=False,
            )
        )
    fig.update_geos(**GEO_LAYOUT)
    fig.update_layout(height=380, margin=dict(l=0, r=0, t=10, b=0), template=go.layout.Template(), font_family=FONT_FAMILY)
    return fig


def gifts_sankey(gifts: pd.DataFrame) -> go.Figure:
    """Flows from giving countries to receiving sides (DPRK leaders or counterpart countries)."""
    dprk_side = gifts["leader"].map(lambda leader: _("{leader} (DPRK)").format(leader=_(leader)))
    givers = gifts["giver_iso3"].map(country_name).where(gifts["direction"] == "received", dprk_side)
    takers = dprk_side.where(gifts["direction"] == "received", gifts["counterpart"])
    flows = pd.DataFrame(
        {
            "source": givers.map(lambda name: _("From: {name}").format(name=name)),
            "target": takers.map(lambda name: _("To: {name}").format(name=name)),
        }
    )
    flows = flows.value_counts().rename("gifts").reset_index()
    labels = list(dict.fromkeys([*flows["source"], *flows["target"]]))
    position = {label: i for i, label in enumerate(labels)}
    fig = go.Figure(
        go.Sankey(
            node=dict(label=labels, pad=8, thickness=12, color="#56B4E9"),
            link=dict(
                source=[position[s] for s in flows["source"]],
                target=[position[t] for t in flows["target"]],
                value=list(flows["gifts"]),
                color="rgba(0,114,178,0.25)",
            ),
        )
    )
    fig.update_layout(
        height=max(360, 16 * len(labels)),
        margin=dict(l=0, r=0, t=10, b=10),
        template=go.layout.Template(),
        font_family=FONT_FAMILY,
    )
    return fig


def gifts_timeline(gifts: pd.DataFrame) -> go.Figure:
    """Each gift as a point in time, by category, coloured by direction."""
    fig = go.Figure()
    for direction, colour in (("received", "#0072B2"), ("given", "#D55E00")):
        rows = gifts[gifts["direction"] == direction]
        if rows.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=rows["start"],
                y=rows["category"].map(value_label),
                mode="markers",
                name=_(DIRECTIONS[direction]),
                marker=dict(color=colour, size=9, opacity=0.8, symbol="circle" if direction == "received" else "diamond"),
                customdata=list(
                    zip(rows["item"], rows["giver"], rows["recipient"], rows["date"].map(format_partial), strict=True)
                ),
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} → %{customdata[2]}<br>%{customdata[3]}<extra></extra>",
            )
        )
    fig.update_layout(
        height=320,
        margin=dict(l=0, r=0, t=10, b=0),
        legend=dict(orientation="h", y=-0.2),
        template=go.layout.Template(),
        font_family=FONT_FAMILY,
    )
    return fig


@dataclass(frozen=True)
class GiftView:
    """Everything the Gifts page draws for one filter set, computed together (and cached once)."""

    shown: pd.DataFrame
    table: pd.DataFrame  # ``shown``'s columns the page's table shows, codes as a visitor reads them
    received: int
    leading: pd.DataFrame
    source_mix: str
    counterparts_map: go.Figure | None
    top: pd.DataFrame
    sankey: go.Figure | None
    over_time: go.Figure | None
    before_after: pd.DataFrame
    categories: pd.DataFrame


def gift_view(gifts: pd.DataFrame, centroids: pd.DataFrame, today: dt.date, *filters) -> GiftView:
    """The page's tables and figures for ``filter_gifts(gifts, <period>, today, <rest>)``."""
    period, *rest = filters
    shown = filter_gifts(gifts, period, today, *rest)
    if shown.empty:
        return GiftView(shown, shown, 0, shown, "", None, shown, None, None, shown, shown)
    return GiftView(
        shown=shown,
        table=readable(shown[TABLE_COLUMNS]),
        received=int((shown["direction"] == "received").sum()),
        leading=top_counterparts(shown, 1),
        source_mix=source_kind_mix(shown),
        counterparts_map=gifts_map(shown, centroids),
        top=top_counterparts(shown)[["counterpart", "gifts"]],
        sankey=gifts_sankey(shown),
        over_time=gifts_timeline(shown),
        before_after=readable(before_after_1989(shown)),
        categories=readable(by_category(shown)),
    )
