"""The embassy network drawn (pure): the map of missions both ways at a date, and the network per year."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from atlas.figures.maps import CategorySpec, category_map, svg_title
from atlas.figures.palettes import NETWORK_COLOURS, NETWORK_LINES
from atlas.queries.missions import NETWORK_HOVER, NETWORK_LABELS

NETWORK_SPEC = CategorySpec(NETWORK_LABELS, NETWORK_COLOURS)


def network_map(status: pd.DataFrame, dots: pd.DataFrame, title: str, font_size: int = 13) -> go.Figure:
    """Every state in its network category (``missions.network_status_at``), through the shared map builder."""
    present = set(status["category"])
    spec = CategorySpec(
        {k: v for k, v in NETWORK_SPEC.labels.items() if k in present},
        {k: v for k, v in NETWORK_SPEC.colours.items() if k in present},
    )
    return category_map(status, spec, dots=dots, title=title, hover=NETWORK_HOVER, font_size=font_size)


def network_chart_svg(per_year: pd.DataFrame, year: int, width: int = 340, height: int = 210) -> str:
    """SVG lines of resident missions per year: the DPRK's abroad and other states' in Pyongyang.

    An image, like the recognition sparkline, so the map page loads no second charting library.
    Only numbers from the data reach the SVG (no Hangul: see ``maps.recognition_sparkline``).
    """
    left, right, top, bottom = 30, 34, 22, 24
    plot_w, plot_h = width - left - right, height - top - bottom
    years = list(per_year["year"])
    first, last = years[0], years[-1]
    span = max(last - first, 1)
    top_count = max(int(per_year[["dprk_abroad", "in_pyongyang"]].to_numpy().max()), 1)

    def x(y: float) -> float:
        return left + (y - first) / span * plot_w

    def line(column: str) -> str:
        points = " ".join(
            f"{x(y):.1f},{top + plot_h * (1 - n / top_count):.1f}" for y, n in zip(years, per_year[column], strict=True)
        )
        return f'<polyline points="{points}" fill="none" stroke="{NETWORK_LINES[column]}" stroke-width="2"/>'

    marker = x(year)
    shown = per_year[per_year["year"] == year]
    abroad = int(shown["dprk_abroad"].iloc[0]) if len(shown) else 0
    home = int(shown["in_pyongyang"].iloc[0]) if len(shown) else 0
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="sans-serif" role="img">'
        + svg_title(
            f"Resident missions at each year's end, {first}–{last}: {abroad} DPRK missions abroad and "
            f"{home} missions in Pyongyang in {year}"
        )
        + f"{line('dprk_abroad')}{line('in_pyongyang')}"
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#888" stroke-width="1"/>'
        f'<line x1="{marker:.1f}" y1="{top - 4}" x2="{marker:.1f}" y2="{top + plot_h}" stroke="#555" stroke-dasharray="3,3"/>'
        f'<text x="{left}" y="{height - 6}" font-size="11" fill="#555">{first}</text>'
        f'<text x="{left + plot_w}" y="{height - 6}" font-size="11" fill="#555" text-anchor="end">{last}</text>'
        f'<text x="{left - 4}" y="{top + 4}" font-size="11" fill="#555" text-anchor="end">{top_count}</text>'
        f'<text x="{marker:.1f}" y="{top - 8}" font-size="11" fill="#555" text-anchor="middle">{year}</text>'
        f"</svg>"
    )
