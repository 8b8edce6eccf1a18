"""The embassy network drawn (pure): the map of missions both ways at a date, and the network per year."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from atlas.figures.maps import SIDE_CHART_MARGINS, SIDE_CHART_SIZE, CategorySpec, category_map, side_chart_svg, year_marker
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


def _network_x(per_year: pd.DataFrame):
    left, right, _top, _bottom = SIDE_CHART_MARGINS
    plot_w = SIDE_CHART_SIZE[0] - left - right
    years = list(per_year["year"])
    span = max(years[-1] - years[0], 1)
    return lambda y: left + (y - years[0]) / span * plot_w


def network_chart_svg(per_year: pd.DataFrame) -> str:
    """SVG lines of resident missions per year: the DPRK's abroad and other states' in Pyongyang
    (the year shown is a layer of its own, ``network_chart_marker``).

    An image, like the recognition sparkline, so the map page loads no second charting library.
    Only numbers from the data reach the SVG (no Hangul: see ``maps.recognition_sparkline``).
    """
    width, height = SIDE_CHART_SIZE
    left, right, top, bottom = SIDE_CHART_MARGINS
    plot_w, plot_h = width - left - right, height - top - bottom
    years = list(per_year["year"])
    first, last = years[0], years[-1]
    top_count = max(int(per_year[["dprk_abroad", "in_pyongyang"]].to_numpy().max()), 1)
    x = _network_x(per_year)

    def line(column: str) -> str:
        points = " ".join(
            f"{x(y):.1f},{top + plot_h * (1 - n / top_count):.1f}" for y, n in zip(years, per_year[column], strict=True)
        )
        return f'<polyline points="{points}" fill="none" stroke="{NETWORK_LINES[column]}" stroke-width="2"/>'

    return side_chart_svg(
        f"{line('dprk_abroad')}{line('in_pyongyang')}"
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#888" stroke-width="1"/>'
        f'<text x="{left}" y="{height - 6}" font-size="11" fill="#555">{first}</text>'
        f'<text x="{left + plot_w}" y="{height - 6}" font-size="11" fill="#555" text-anchor="end">{last}</text>'
        f'<text x="{left - 4}" y="{top + 4}" font-size="11" fill="#555" text-anchor="end">{top_count}</text>',
        f"Resident missions at each year's end, {first}–{last}: DPRK missions abroad and missions in Pyongyang",
    )


def network_chart_marker(per_year: pd.DataFrame, year: int) -> str:
    """The network chart's layer marking ``year``, with that year's counts in its description."""
    shown = per_year[per_year["year"] == year]
    abroad = int(shown["dprk_abroad"].iloc[0]) if len(shown) else 0
    home = int(shown["in_pyongyang"].iloc[0]) if len(shown) else 0
    title = f"{year}: {abroad} DPRK missions abroad and {home} missions in Pyongyang"
    return year_marker(_network_x(per_year)(year), year, "#555", title)
