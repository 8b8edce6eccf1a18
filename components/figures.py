"""Plotly figure builders (pure: DataFrames in, ``go.Figure`` out)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd
import plotly.graph_objects as go

from components.relations import CATEGORY_COLOURS, CATEGORY_LABELS, CATEGORY_ORDER

# One hover layout for shapes and markers: name, status, established, last change, source.
MAP_HOVER = (
    "<b>%{{customdata[0]}}</b><br>{label} %{{customdata[1]}}"
    "<br>Established: %{{customdata[2]}}<br>Last change: %{{customdata[3]}}"
    "<br>Source: %{{customdata[4]}}<extra></extra>"
)
GEO_LAYOUT = dict(
    showframe=False,
    showcoastlines=False,
    showcountries=True,
    countrycolor="#ffffff",
    showland=True,
    landcolor="#f3f3f3",
    projection_type="natural earth",
    lataxis_range=[-58, 85],
)


def _source_site(url: str) -> str:
    """The site a source is on: enough for a hover (the full link is in the country panel)."""
    return urlsplit(url).netloc.removeprefix("www.") if url else ""


def _hover_data(frame: pd.DataFrame) -> list[list[str]]:
    hover = frame[["name", "detail", "established", "last_change"]].assign(
        detail=frame["detail"].map(lambda d: f"({d})" if d else ""),
        source=frame["source_url"].map(_source_site),
        iso3=frame["iso3"],  # last: how a selected marker names its state
    )
    hover[["established", "last_change", "source"]] = hover[["established", "last_change", "source"]].replace("", "—")
    return hover.values.tolist()


def recognition_map(status: pd.DataFrame, centroids: pd.DataFrame, title: str) -> go.Figure:
    """Choropleth of ``relations.relations_at`` on modern borders, one trace per category.

    States missing from the 110m geometry (small islands, Malta, Singapore, Bahrain…) get a
    marker at their centroid in the same colour, so they are visible and clickable too. Both
    traces carry the ISO-3 code as the last ``customdata`` item, so a selection names the state
    either way.
    """
    fig = go.Figure()
    small = set(centroids["iso3"])
    positions = centroids.set_index("iso3")
    for category in CATEGORY_ORDER:
        rows = status[status["category"] == category]
        if rows.empty:
            continue
        colour = CATEGORY_COLOURS[category]
        shapes = rows[~rows["iso3"].isin(small)]
        fig.add_trace(
            go.Choropleth(
                locations=shapes["iso3"],
                z=[1] * len(shapes),
                colorscale=[[0, colour], [1, colour]],
                showscale=False,
                marker_line_color="#ffffff",
                marker_line_width=0.4,
                customdata=_hover_data(shapes),
                hovertemplate=MAP_HOVER.format(label=CATEGORY_LABELS[category]),
                name=CATEGORY_LABELS[category],
                legendgroup=category,
                showlegend=True,
            )
        )
        dots = rows[rows["iso3"].isin(small)]
        if not dots.empty:
            fig.add_trace(
                go.Scattergeo(
                    # lon/lat only: with ``locations`` plotly.js would look the state up in the
                    # 110m geometry, which lacks it, and draw nothing.
                    lon=positions.loc[dots["iso3"], "lon"],
                    lat=positions.loc[dots["iso3"], "lat"],
                    mode="markers",
                    marker=dict(size=7, color=colour, line=dict(color="#333333", width=0.6)),
                    customdata=_hover_data(dots),
                    hovertemplate=MAP_HOVER.format(label=CATEGORY_LABELS[category]),
                    name=CATEGORY_LABELS[category],
                    legendgroup=category,
                    showlegend=False,
                )
            )
    fig.update_geos(**GEO_LAYOUT)
    fig.update_layout(
        title=dict(text=title, x=0, font_size=16),
        margin=dict(l=0, r=0, t=40, b=0),
        height=520,
        legend=dict(orientation="h", yanchor="top", y=-0.02, x=0, font_size=12),
        clickmode="event+select",
        # Streamlit applies its own theme in the browser; plotly's default template would add
        # ~7 KB of JSON to every rerun for nothing.
        template=go.layout.Template(),
        dragmode=False,
    )
    return fig


def establishment_chart(per_year: pd.DataFrame, year: int) -> go.Figure:
    """Bars: relations established per year; line: parties with relations at year end."""
    fig = go.Figure()
    fig.add_bar(
        x=per_year["year"],
        y=per_year["established"],
        name="Established that year",
        marker_color=CATEGORY_COLOURS["via_predecessor"],
        hovertemplate="%{x}: %{y} established<extra></extra>",
    )
    fig.add_scatter(
        x=per_year["year"],
        y=per_year["with_relations"],
        name="With relations at year end",
        yaxis="y2",
        mode="lines",
        line=dict(color=CATEGORY_COLOURS["relations"], width=2),
        hovertemplate="%{x}: %{y} with relations<extra></extra>",
    )
    fig.add_vline(x=year, line_dash="dot", line_color="#D55E00", annotation_text=str(year), annotation_position="top")
    fig.update_layout(
        height=300,
        margin=dict(l=0, r=0, t=30, b=0),
        legend=dict(orientation="h", y=-0.2, x=0),
        yaxis=dict(title="Established", rangemode="tozero"),
        yaxis2=dict(title="With relations", overlaying="y", side="right", rangemode="tozero", showgrid=False),
        bargap=0.1,
    )
    return fig
