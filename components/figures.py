"""Plotly figure builders (pure: DataFrames in, ``go.Figure`` out)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd
import plotly.graph_objects as go

from components.relations import CATEGORY_COLOURS, CATEGORY_LABELS, CATEGORY_ORDER

# One hover layout for shapes and markers: name, status, established, last change, source.
MAP_HOVER = (
    "<b>%{customdata[0]}</b><br>%{customdata[1]}"
    "<br>Established: %{customdata[2]}<br>Last change: %{customdata[3]}"
    "<br>Source: %{customdata[4]}<extra></extra>"
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


def _hover_row(row: dict) -> list[str]:
    status = CATEGORY_LABELS[row["category"]] + (f" ({row['detail']})" if row["detail"] else "")
    return [
        row["name"],
        status,
        row["established"] or "—",
        row["last_change"] or "—",
        _source_site(row["source_url"]) or "—",
        row["iso3"],  # last: how a selected shape or marker names its state
    ]


def _discrete_scale() -> list[list]:
    """A colorscale with one flat band per category: z = index + 0.5 picks the band's colour."""
    count = len(CATEGORY_ORDER)
    scale = []
    for i, category in enumerate(CATEGORY_ORDER):
        scale += [[i / count, CATEGORY_COLOURS[category]], [(i + 1) / count, CATEGORY_COLOURS[category]]]
    return scale


def map_legend() -> str:
    """The legend in words, as one annotation: a coloured square and the category's label."""
    items = [f"<span style='color:{CATEGORY_COLOURS[c]}'>■</span> {CATEGORY_LABELS[c]}" for c in CATEGORY_ORDER]
    return "   ".join(items[:3]) + "<br>" + "   ".join(items[3:])


def recognition_map(status: pd.DataFrame, centroids: pd.DataFrame, title: str) -> go.Figure:
    """Choropleth of ``relations.relations_at`` on modern borders.

    One choropleth trace for every shape (its colour picked from a discrete scale by category)
    and one marker trace for states missing from the 110m geometry (small islands, Malta,
    Singapore, Bahrain…) at their centroids, so they are visible and clickable too. Measured:
    one trace per category cost a quarter of a second more to draw on page load than this.
    Both traces carry the ISO-3 code as the last ``customdata`` item, so a selection names the
    state either way. The legend is an annotation in words, since the traces are not per category.
    """
    positions = {row["iso3"]: (row["lon"], row["lat"]) for row in centroids.to_dict("records")}
    index = {category: i for i, category in enumerate(CATEGORY_ORDER)}
    shapes, dots = [], []
    for row in status.to_dict("records"):
        (dots if row["iso3"] in positions else shapes).append(row)
    fig = go.Figure(
        [
            go.Choropleth(
                locations=[r["iso3"] for r in shapes],
                z=[index[r["category"]] + 0.5 for r in shapes],
                zmin=0,
                zmax=len(CATEGORY_ORDER),
                colorscale=_discrete_scale(),
                showscale=False,
                marker_line_color="#ffffff",
                marker_line_width=0.4,
                customdata=[_hover_row(r) for r in shapes],
                hovertemplate=MAP_HOVER,
                name="States",
                # Keep the map readable after a click: the panel below shows the selection.
                unselected=dict(marker=dict(opacity=0.8)),
            ),
            go.Scattergeo(
                # lon/lat only: with ``locations`` plotly.js would look the state up in the 110m
                # geometry, which lacks it, and draw nothing.
                lon=[positions[r["iso3"]][0] for r in dots],
                lat=[positions[r["iso3"]][1] for r in dots],
                mode="markers",
                marker=dict(size=7, color=[CATEGORY_COLOURS[r["category"]] for r in dots], line=dict(color="#333333", width=0.6)),
                customdata=[_hover_row(r) for r in dots],
                hovertemplate=MAP_HOVER,
                name="Small states",
                unselected=dict(marker=dict(opacity=0.8)),
            ),
        ]
    )
    fig.update_geos(**GEO_LAYOUT)
    fig.update_layout(
        title=dict(text=title, x=0, font_size=16),
        margin=dict(l=0, r=0, t=36, b=44),
        height=480,
        showlegend=False,
        annotations=[
            dict(
                text=map_legend(),
                xref="paper",
                yref="paper",
                x=0,
                y=0,
                xanchor="left",
                yanchor="top",
                align="left",
                showarrow=False,
                font=dict(size=12),
            )
        ],
        clickmode="event+select",
        dragmode=False,
        # Streamlit applies its own theme in the browser; plotly's default template would add
        # ~7 KB of JSON to every rerun for nothing.
        template=go.layout.Template(),
    )
    return fig


def recognition_sparkline(per_year: pd.DataFrame, year: int, width: int = 340, height: int = 210) -> str:
    """SVG chart of relations established per year (bars) and parties with relations (line).

    A static SVG rather than a second plotly chart: measured on a fresh page load, a second
    plotly chart (or a cartesian panel inside the map figure) delayed the drawn map by 150–250 ms,
    while an image costs nothing. Only numbers from the data reach the SVG, never text.
    """
    left, right, top, bottom = 30, 34, 22, 24
    plot_w, plot_h = width - left - right, height - top - bottom
    years = list(per_year["year"])
    first, last = years[0], years[-1]
    span = max(last - first, 1)
    est_max = max(int(per_year["established"].max()), 1)
    rel_max = max(int(per_year["with_relations"].max()), 1)
    bar_w = plot_w / (span + 1)

    def x(y: float) -> float:
        return left + (y - first) / (span + 1) * plot_w

    bars = "".join(
        f'<rect x="{x(y):.1f}" y="{top + plot_h * (1 - n / est_max):.1f}" width="{max(bar_w - 0.6, 0.6):.1f}" '
        f'height="{plot_h * n / est_max:.1f}" fill="{CATEGORY_COLOURS["via_predecessor"]}"/>'
        for y, n in zip(years, per_year["established"], strict=True)
        if n
    )
    points = " ".join(
        f"{x(y) + bar_w / 2:.1f},{top + plot_h * (1 - n / rel_max):.1f}"
        for y, n in zip(years, per_year["with_relations"], strict=True)
    )
    marker = x(year) + bar_w / 2
    axis = f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#888" stroke-width="1"/>'
    labels = (
        f'<text x="{left}" y="{height - 6}" font-size="11" fill="#555">{first}</text>'
        f'<text x="{left + plot_w}" y="{height - 6}" font-size="11" fill="#555" text-anchor="end">{last}</text>'
        f'<text x="{left - 4}" y="{top + 4}" font-size="11" fill="{CATEGORY_COLOURS["via_predecessor"]}" text-anchor="end">{est_max}</text>'
        f'<text x="{left + plot_w + 4}" y="{top + 4}" font-size="11" fill="{CATEGORY_COLOURS["relations"]}">{rel_max}</text>'
        f'<text x="{marker:.1f}" y="{top - 8}" font-size="11" fill="#D55E00" text-anchor="middle">{year}</text>'
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="sans-serif" role="img">'
        f"<title>Relations established per year and parties with relations at year end, {first}–{last}</title>"
        f"{bars}"
        f'<polyline points="{points}" fill="none" stroke="{CATEGORY_COLOURS["relations"]}" stroke-width="2"/>'
        f'<line x1="{marker:.1f}" y1="{top - 4}" x2="{marker:.1f}" y2="{top + plot_h}" stroke="#D55E00" stroke-dasharray="3,3" stroke-width="1.5"/>'
        f"{axis}{labels}</svg>"
    )
