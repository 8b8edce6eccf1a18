"""The country page's locator map (pure): the state, or a dissolved state's successors, on today's borders."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from atlas.core.countries import country_name
from atlas.figures.maps import GEO_LAYOUT
from atlas.figures.palettes import FONT_FAMILY

LOCATOR_COLOURS = {"whole": "#D55E00", "part": "#F0B27A"}


def label_points(topojson: dict, centroids: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """ISO-3 code -> (lon, lat) to centre a locator on: the geometry file's own label point
    (``properties.ct`` of world_110m.json's countries), else the small-state centroid."""
    points = {row["iso3"]: (float(row["lon"]), float(row["lat"])) for row in centroids.to_dict("records")}
    for shape in topojson.get("objects", {}).get("countries", {}).get("geometries", []):
        label = shape.get("properties", {}).get("ct")
        if shape.get("id") and isinstance(label, list) and len(label) == 2:
            points.setdefault(shape["id"], (float(label[0]), float(label[1])))
    return points


def locator_view(locator: tuple[tuple[str, str], ...], points: dict[str, tuple[float, float]]) -> dict:
    """Geo settings: zoomed on the state (its region around it), or the whole world when the
    codes are far apart (the Soviet Union's successors) or no label point is known."""
    known = [points[c] for c, _ in locator if c in points]
    if not known:
        return dict(GEO_LAYOUT)
    lons, lats = [p[0] for p in known], [p[1] for p in known]
    if max(lons) - min(lons) > 60 or max(lats) - min(lats) > 40:
        return dict(GEO_LAYOUT)
    lon, lat = sum(lons) / len(lons), sum(lats) / len(lats)
    # A window of about a fifth of the world's width around the state (Chile with its neighbours).
    lat = min(max(lat, -60 + 24), 85 - 24)
    return dict(GEO_LAYOUT) | dict(lonaxis_range=[lon - 38, lon + 38], lataxis_range=[lat - 24, lat + 24])


def locator_map(
    locator: tuple[tuple[str, str], ...], centroids: pd.DataFrame, name: str, points: dict[str, tuple[float, float]] | None = None
) -> go.Figure:
    """A small map with the state (or a dissolved state's successors) filled in, zoomed on its region.

    Small states missing from the 110m geometry are drawn as dots at their centroids, like on the
    main map. The figure uses only ISO-3 locations, so the page passes the local topojson config.
    """
    positions = {row["iso3"]: (row["lon"], row["lat"]) for row in centroids.to_dict("records")}
    shapes = [(c, t) for c, t in locator if c not in positions]
    dots = [(c, t) for c, t in locator if c in positions]
    fig = go.Figure()
    if shapes:
        fig.add_trace(
            go.Choropleth(
                locations=[c for c, _ in shapes],
                z=[1 if t == "whole" else 0 for _, t in shapes],
                zmin=0,
                zmax=1,
                colorscale=[[0, LOCATOR_COLOURS["part"]], [1, LOCATOR_COLOURS["whole"]]],
                showscale=False,
                marker_line_color="#ffffff",
                marker_line_width=0.4,
                customdata=[country_name(c) for c, _ in shapes],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    if dots:
        fig.add_trace(
            go.Scattergeo(
                lon=[positions[c][0] for c, _ in dots],
                lat=[positions[c][1] for c, _ in dots],
                mode="markers",
                marker=dict(size=9, color=[LOCATOR_COLOURS[t] for _, t in dots], line=dict(color="#333333", width=0.8)),
                customdata=[country_name(c) for c, _ in dots],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    fig.update_geos(**locator_view(locator, points or {}))
    fig.update_layout(
        height=260,
        margin=dict(l=0, r=0, t=0, b=0),
        showlegend=False,
        dragmode=False,
        template=go.layout.Template(),
        font_family=FONT_FAMILY,
        meta=dict(state=name),
    )
    return fig
