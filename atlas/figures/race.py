"""The race with Seoul drawn: the dual map's categories and colours, and the partners-per-year chart (pure)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from atlas.core.i18n import _
from atlas.figures.maps import CategorySpec
from atlas.figures.palettes import DPRK_COLOUR, FONT_FAMILY
from atlas.queries.race import RACE_LABELS

# Okabe–Ito: blue and vermillion for the two sides, bluish green for both, reddish purple for
# the two Koreas; a light grey "neither". All read on the light and the dark theme alike
# (checked in Chromium both ways; near-black Koreas vanished on the dark background).
RACE_COLOURS = {
    "both": "#009E73",
    "dprk_only": "#D55E00",
    "rok_only": "#0072B2",
    "neither": "#BBBBBB",
    "korea": DPRK_COLOUR,  # the two Koreas in the DPRK's colour, as on every map
}


RACE_SPEC = CategorySpec(RACE_LABELS, RACE_COLOURS)


def _vline(x: str, dash: str = "dot") -> dict:
    return dict(type="line", xref="x", yref="paper", x0=x, x1=x, y0=0, y1=1, line=dict(dash=dash, color="#888888", width=1))


def race_figure(per_year: pd.DataFrame, moments: list[dict], nordpolitik: dict | None) -> go.Figure:
    """Partners of each Korea and of both per year (top), and the share recognising both (bottom).

    The marked moments are dotted lines labelled above the chart; Nordpolitik is a shaded band.
    Every count is the situation at the end of the year (today for the current year).
    """
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.7, 0.3], vertical_spacing=0.06)
    x = [d.isoformat() for d in per_year["date"]]
    # (column, legend name, hover line, colour, dash); %{customdata} is the year, %{y} the count.
    lines = (
        ("rok", _("Partners of South Korea (ROK)"), _("%{customdata}: %{y} partners of South Korea (ROK)"), "rok_only", "solid"),
        (
            "dprk",
            _("Partners of North Korea (DPRK)"),
            _("%{customdata}: %{y} partners of North Korea (DPRK)"),
            "dprk_only",
            "solid",
        ),
        ("both", _("Partners of both Koreas"), _("%{customdata}: %{y} partners of both Koreas"), "both", "dash"),
    )
    for column, name, hover, colour, dash in lines:
        fig.add_trace(
            go.Scatter(
                x=x,
                y=per_year[column].tolist(),
                name=name,
                mode="lines",
                line=dict(color=RACE_COLOURS[colour], width=3 if column != "both" else 2, dash=dash),
                customdata=per_year["year"].tolist(),
                hovertemplate=hover + "<extra></extra>",
            ),
            row=1,
            col=1,
        )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=(per_year["both_share"] * 100).round(1).tolist(),
            name=_("Share recognising both"),
            mode="lines",
            fill="tozeroy",
            line=dict(color=RACE_COLOURS["both"], width=2),
            customdata=per_year[["year", "both", "either"]].values.tolist(),
            hovertemplate=_("%{customdata[0]}: %{y:.0f}% recognise both (%{customdata[1]} of %{customdata[2]})")
            + "<extra></extra>",
            showlegend=False,
        ),
        row=2,
        col=1,
    )
    shapes, annotations = [], []
    if nordpolitik:
        shapes.append(
            dict(
                type="rect",
                xref="x",
                yref="paper",
                x0=nordpolitik["start"],
                x1=nordpolitik["end"],
                y0=0,
                y1=1,
                fillcolor="rgba(0,114,178,0.10)",
                line_width=0,
                layer="below",
            )
        )
        # Inside the band's top, below the moment labels that sit above the chart.
        annotations.append(
            dict(
                x=nordpolitik["start"],
                y=0.98,
                xref="x",
                yref="paper",
                yanchor="top",
                xanchor="left",
                text=_("Nordpolitik") + "<br>1988–92",
                showarrow=False,
                font=dict(size=11),
            )
        )
    # Labels start at their line and go right, each on its own row above the chart (the earliest
    # highest), so the 1973 and 1975 labels do not run into each other or into the 1991 one.
    rows = len(moments)
    for i, moment in enumerate(moments):
        shapes.append(_vline(moment["date"]))
        annotations.append(
            dict(
                x=moment["date"],
                y=1.0 + 0.075 * (rows - 1 - i),
                xref="x",
                yref="paper",
                yanchor="bottom",
                xanchor="left",
                text=f"{moment['label']} ({moment['when']})",
                showarrow=False,
                font=dict(size=11),
            )
        )
    fig.update_layout(
        shapes=shapes,
        annotations=annotations,
        height=520,
        margin=dict(l=0, r=0, t=30 + 22 * len(moments), b=0),
        hovermode="x unified",
        font=dict(family=FONT_FAMILY),
        legend=dict(orientation="h", yanchor="top", y=-0.08, x=0),
        template=go.layout.Template(),
    )
    fig.update_yaxes(title_text=_("States with relations"), rangemode="tozero", row=1, col=1)
    fig.update_yaxes(title_text=_("% both"), range=[0, 100], row=2, col=1)
    return fig
