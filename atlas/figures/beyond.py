"""The country page's "Beyond recognition" chart (pure): UN General Assembly voting alignment with
the DPRK per session year, the state's line beside the Republic of Korea's."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from atlas.core.i18n import _
from atlas.figures.palettes import ALIGNMENT_LINE_COLOURS, ALIGNMENT_ROK_COLOUR, FONT_FAMILY
from atlas.queries.beyond import ROK


def alignment_figure(alignment: pd.DataFrame, code: str) -> go.Figure:
    """One line per state of ``alignment`` (``atlas.queries.beyond.alignment_of``): the state's (and
    its predecessors', in lighter blues) and the ROK's, agreement 0..1 against the session year."""
    fig = go.Figure()
    shades = iter(ALIGNMENT_LINE_COLOURS * 3)
    for iso3, rows in alignment.groupby("iso3", sort=False):
        rok = iso3 == ROK and code != ROK
        name = _("{name} (for comparison)").format(name=rows["state"].iloc[0]) if rok else rows["state"].iloc[0]
        fig.add_trace(
            go.Scatter(
                x=rows["year"].astype(int).tolist(),
                y=rows["agreement"].astype(float).tolist(),
                customdata=rows["votes"].astype(int).tolist(),
                name=name,
                mode="lines+markers",
                marker=dict(size=5),
                line=dict(
                    color=ALIGNMENT_ROK_COLOUR if rok else next(shades), width=2 if rok else 3, dash="dash" if rok else "solid"
                ),
                hovertemplate=_("%{x}: agreement %{y:.2f} over %{customdata} roll calls") + "<extra>%{fullData.name}</extra>",
                meta=dict(iso3=iso3),
            )
        )
    fig.update_layout(
        title=dict(text=_("Voting with the DPRK in the UN General Assembly"), x=0, xanchor="left"),
        xaxis=dict(title=dict(text=_("Session year")), dtick=5),
        yaxis=dict(title=dict(text=_("Agreement with the DPRK")), range=[0, 1.02], tickformat=".1f"),
        legend=dict(orientation="h", yanchor="top", y=-0.2, x=0),
        height=360,
        margin=dict(l=10, r=10, t=40, b=10),
        hovermode="closest",
        font_family=FONT_FAMILY,
        meta=dict(state=code),
    )
    return fig
