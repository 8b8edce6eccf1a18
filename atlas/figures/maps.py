"""Plotly figure builders (pure: DataFrames in, ``go.Figure`` out)."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd
import plotly.graph_objects as go

from atlas.core import i18n
from atlas.core.i18n import N_, _
from atlas.figures.palettes import CATEGORY_COLOURS, FONT_FAMILY
from atlas.queries.relations import CATEGORY_LABELS


@dataclass(frozen=True)
class CategorySpec:
    """What a category map draws: categories in legend order, their labels and their colours.

    The DPRK map uses ``DPRK_CATEGORIES``; other views (compare, the two Koreas) pass their own.
    A category added to the labels and colours shows up in the legend and on the map unchanged.
    Labels are English messages (marked with ``N_``), drawn in the run's language.
    """

    labels: Mapping[str, str]
    colours: Mapping[str, str]

    @property
    def order(self) -> tuple[str, ...]:
        return tuple(self.labels)


DPRK_CATEGORIES = CategorySpec(CATEGORY_LABELS, CATEGORY_COLOURS)
# Hover lines after the name and status: (label, column of the status table). A ``source_url``
# column shows its site only (the full link is in the country panel).
DPRK_HOVER = ((N_("Established"), "established"), (N_("Last change"), "last_change"), (N_("Source"), "source_url"))

# plotly.js gives the hover (and so the click) to a marker within ``hoverdistance`` pixels of the
# marker's edge before the shape under the pointer (default 20 px: Germany hovered as
# Liechtenstein). At 1 px a dot wins only when the pointer is on it; measured in the browser.
DOT_SIZE = 8
LEGEND_LINE_CHARS = 40  # about 260 px at 13 px: fits a phone
HOVER_DISTANCE = 1
# Presentation mode's type: a projector at 1280x720 needs the legend and title at 24 px or more.
PRESENT_FONT_SIZE = 24

GEO_LAYOUT = dict(
    showframe=False,
    showcoastlines=False,
    showcountries=True,
    countrycolor="#ffffff",
    showland=True,
    landcolor="#f3f3f3",
    projection_type="natural earth",
    lataxis_range=[-58, 85],
    bgcolor="rgba(0,0,0,0)",
)


def _source_site(url: str) -> str:
    """The site a source is on: enough for a hover (the full link is in the country panel)."""
    return urlsplit(url).netloc.removeprefix("www.") if url else ""


def _hover_template(hover: Sequence[tuple[str, str]]) -> str:
    lines = [f"<br>{_(label)}: %{{customdata[{i + 2}]}}" for i, (label, _column) in enumerate(hover)]
    return "<b>%{customdata[0]}</b><br>%{customdata[1]}" + "".join(lines) + "<extra></extra>"


def _hover_row(row: dict, spec: CategorySpec, hover: Sequence[tuple[str, str]]) -> list[str]:
    detail = row.get("detail") or ""
    category = row["category"]
    values = []
    for _label, column in hover:
        value = row.get(column) or ""
        values.append((_source_site(value) if column == "source_url" else str(value)) or "—")
    return [
        row["name"],
        _(spec.labels[category]) + (f" ({detail})" if detail else ""),
        *values,
        row["iso3"],  # last: how a selected shape or marker names its state
    ]


def _discrete_scale(spec: CategorySpec) -> list[list]:
    """A colorscale with one flat band per category: z = index + 0.5 picks the band's colour."""
    count = len(spec.order)
    scale = []
    for i, category in enumerate(spec.order):
        scale += [[i / count, spec.colours[category]], [(i + 1) / count, spec.colours[category]]]
    return scale


def _legend_chars() -> int:
    """Characters per legend line: a Hangul syllable is about twice as wide as a Latin letter."""
    return LEGEND_LINE_CHARS // 2 if i18n.current() == i18n.KOREAN else LEGEND_LINE_CHARS


def _legend_entries(spec: CategorySpec, size: int) -> list[go.Scattergeo]:
    """One empty trace per category, so plotly draws (and wraps) the legend itself.

    Empty traces cost a few bytes and no drawing, unlike one choropleth per category (measured:
    a quarter of a second more on page load).
    """
    return [
        go.Scattergeo(
            lon=[None],
            lat=[None],
            mode="markers",
            marker=dict(size=size, symbol="square", color=spec.colours[category]),
            # Long labels break into lines: plotly wraps between legend items, never inside one,
            # and one long label was wider than a phone.
            name="<br>".join(textwrap.wrap(_(spec.labels[category]), _legend_chars())),
            hoverinfo="skip",
            showlegend=True,
        )
        for category in spec.order
    ]


def category_map(
    status: pd.DataFrame,
    spec: CategorySpec = DPRK_CATEGORIES,
    *,
    dots: pd.DataFrame,
    title: str,
    hover: Sequence[tuple[str, str]] = DPRK_HOVER,
    font_size: int = 13,
) -> go.Figure:
    """A world map of one category per state, on modern borders.

    ``status`` has one row per code: ``iso3``, ``name``, ``category`` (a key of ``spec``), an
    optional ``detail`` shown after the category in the hover, and the ``hover`` columns.
    ``dots`` (iso3, lon, lat) places the states missing from the 110m geometry (small islands,
    Malta, Singapore, Bahrain…) as markers, so they are visible and clickable too; only codes of
    ``status`` are drawn. One choropleth trace for every shape (its colour picked from a discrete
    scale by category) and one marker trace: measured, one trace per category cost a quarter of a
    second more to draw on page load. Both carry the ISO-3 code as the last ``customdata`` item,
    so a selection names the state either way.
    """
    positions = {row["iso3"]: (row["lon"], row["lat"]) for row in dots.to_dict("records")}
    index = {category: i for i, category in enumerate(spec.order)}
    template = _hover_template(hover)
    shapes, markers = [], []
    for row in status.to_dict("records"):
        (markers if row["iso3"] in positions else shapes).append(row)
    fig = go.Figure(
        [
            go.Choropleth(
                locations=[r["iso3"] for r in shapes],
                z=[index[r["category"]] + 0.5 for r in shapes],
                zmin=0,
                zmax=len(spec.order),
                colorscale=_discrete_scale(spec),
                showscale=False,
                marker_line_color="#ffffff",
                marker_line_width=0.4,
                customdata=[_hover_row(r, spec, hover) for r in shapes],
                hovertemplate=template,
                name=_("States"),
                showlegend=False,
                # Keep the map readable after a click: the panel below shows the selection.
                unselected=dict(marker=dict(opacity=0.8)),
            ),
            go.Scattergeo(
                # lon/lat only: with ``locations`` plotly.js would look the state up in the 110m
                # geometry, which lacks it, and draw nothing.
                lon=[positions[r["iso3"]][0] for r in markers],
                lat=[positions[r["iso3"]][1] for r in markers],
                mode="markers",
                marker=dict(
                    size=DOT_SIZE,
                    color=[spec.colours[r["category"]] for r in markers],
                    line=dict(color="#333333", width=0.6),
                ),
                customdata=[_hover_row(r, spec, hover) for r in markers],
                hovertemplate=template,
                name=_("Small states"),
                showlegend=False,
                unselected=dict(marker=dict(opacity=0.8)),
            ),
            *_legend_entries(spec, font_size),
        ]
    )
    fig.update_geos(**GEO_LAYOUT)
    # A title of several lines sits on the map's area and pushes the top margin as far as its
    # lines need (hung from the figure's top, a two-line title's first line was cut off); a
    # one-line title keeps the plain placement, which needs no second layout pass on each frame.
    placement = dict(y=1, yref="paper", yanchor="bottom", pad=dict(b=6)) if "<br>" in title else {}
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left", automargin=True, font_size=font_size + 3, **placement),
        margin=dict(l=0, r=0, t=40, b=0),
        font=dict(size=font_size, family=FONT_FAMILY),
        # The legend is plotly's own: below the map, wrapping to the width, pushing the margin
        # so it is never cut. Clicking an item would hide an empty trace: switched off.
        showlegend=True,
        legend=dict(
            orientation="h",
            x=0,
            y=0,
            xanchor="left",
            yanchor="top",
            itemclick=False,
            itemdoubleclick=False,
            font_size=font_size,
            bgcolor="rgba(0,0,0,0)",
        ),
        hoverdistance=HOVER_DISTANCE,
        # Upright at the right edge, the modebar stays clear of the title on a phone.
        modebar=dict(orientation="v"),
        clickmode="event+select",
        dragmode=False,
        # Streamlit applies its own theme in the browser; plotly's default template would add
        # ~7 KB of JSON to every rerun for nothing.
        template=go.layout.Template(),
    )
    return fig


def recognition_map(status: pd.DataFrame, centroids: pd.DataFrame, title: str, font_size: int = 13) -> go.Figure:
    """The DPRK recognition map: ``relations.relations_at`` drawn with the DPRK categories."""
    return category_map(status, DPRK_CATEGORIES, dots=centroids, title=title, font_size=font_size)


def svg_title(text: str) -> str:
    """An SVG image's ``<title>`` in English; none in Korean (an image's text cannot use the page's
    Hangul font, and the caption beside the image says the same)."""
    return f"<title>{text}</title>" if i18n.current() == i18n.ENGLISH else ""


# The side charts beside the map are two images stacked in one place (``ui.layered_image``): the
# chart, the same every year, and a transparent layer with the year's marker. Streamlit sends an
# unchanged image as a reference to the copy the browser holds, so a year step sends only the
# marker (about 0.5 KB) instead of the whole chart again (about 6 KB).
SIDE_CHART_SIZE = (340, 210)
SIDE_CHART_MARGINS = (30, 34, 22, 24)  # left, right, top, bottom


def side_chart_svg(body: str, title: str = "") -> str:
    width, height = SIDE_CHART_SIZE
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="sans-serif" role="img">' + (svg_title(title) if title else "") + body + "</svg>"
    )


def year_marker(x: float, year: int, colour: str, title: str = "") -> str:
    """The transparent layer over a side chart: a dashed line at ``x`` and the year above it."""
    left, right, top, bottom = SIDE_CHART_MARGINS
    bottom_y = SIDE_CHART_SIZE[1] - bottom
    return side_chart_svg(
        f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{bottom_y}" stroke="{colour}" stroke-dasharray="3,3" stroke-width="1.5"/>'
        f'<text x="{x:.1f}" y="{top - 8}" font-size="11" fill="{colour}" text-anchor="middle">{year}</text>',
        title,
    )


def _sparkline_x(per_year: pd.DataFrame):
    """Where a year's bar starts on the sparkline, and a bar's width."""
    left, right, _top, _bottom = SIDE_CHART_MARGINS
    plot_w = SIDE_CHART_SIZE[0] - left - right
    years = list(per_year["year"])
    span = max(years[-1] - years[0], 1)
    bar_w = plot_w / (span + 1)
    return (lambda y: left + (y - years[0]) / (span + 1) * plot_w), bar_w


def recognition_sparkline(per_year: pd.DataFrame) -> str:
    """SVG chart of relations established per year (bars) and parties with relations (line); the
    year shown is a layer of its own (``recognition_sparkline_marker``).

    A static SVG rather than a second plotly chart: measured on a fresh page load, a second
    plotly chart (or a cartesian panel inside the map figure) delayed the drawn map by 150–250 ms,
    while an image costs nothing. Only numbers from the data reach the SVG, never text.

    No Hangul either: an ``<img>`` cannot use the page's web fonts, so the Korean page describes
    the chart in the caption beside it and the SVG keeps its English ``<title>`` out (``svg_title``).
    """
    width, height = SIDE_CHART_SIZE
    left, right, top, bottom = SIDE_CHART_MARGINS
    plot_w, plot_h = width - left - right, height - top - bottom
    years = list(per_year["year"])
    first, last = years[0], years[-1]
    est_max = max(int(per_year["established"].max()), 1)
    rel_max = max(int(per_year["with_relations"].max()), 1)
    x, bar_w = _sparkline_x(per_year)
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
    axis = f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#888" stroke-width="1"/>'
    labels = (
        f'<text x="{left}" y="{height - 6}" font-size="11" fill="#555">{first}</text>'
        f'<text x="{left + plot_w}" y="{height - 6}" font-size="11" fill="#555" text-anchor="end">{last}</text>'
        f'<text x="{left - 4}" y="{top + 4}" font-size="11" fill="{CATEGORY_COLOURS["via_predecessor"]}" text-anchor="end">{est_max}</text>'
        f'<text x="{left + plot_w + 4}" y="{top + 4}" font-size="11" fill="{CATEGORY_COLOURS["relations"]}">{rel_max}</text>'
    )
    return side_chart_svg(
        f'{bars}<polyline points="{points}" fill="none" stroke="{CATEGORY_COLOURS["relations"]}" stroke-width="2"/>{axis}{labels}',
        f"Relations established per year and parties with relations at year end, {first}–{last}",
    )


def recognition_sparkline_marker(per_year: pd.DataFrame, year: int) -> str:
    """The sparkline's layer marking ``year``."""
    x, bar_w = _sparkline_x(per_year)
    return year_marker(x(year) + bar_w / 2, year, "#D55E00", f"The year shown: {year}")
