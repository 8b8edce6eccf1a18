"""Gift-exchange logic and figures (pure): direction, leaders, filters, summaries, charts.

A gift is *received* when its recipient acts for the DPRK (``recipient_iso3 == PRK``) and
*given* when its giver does; the other side is the counterpart country. The North Korean side is
attributed to one of the three leaders when the giver or recipient names them, otherwise to
"Other (state bodies, family)".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd
import plotly.graph_objects as go

from components import source_kinds
from components.countries import country_name
from components.dates import date_start, format_partial
from components.figures import GEO_LAYOUT
from components.timeline import period_bounds

DPRK = "PRK"
LEADERS = ("Kim Il Sung", "Kim Jong Il", "Kim Jong Un")
OTHER_LEADER = "Other (state bodies, family)"
DIRECTIONS = {"received": "Received by the DPRK side", "given": "Given by the DPRK side"}


def _leader(name: str) -> str:
    return next((leader for leader in LEADERS if leader in name), OTHER_LEADER)


def prepare(gifts: pd.DataFrame) -> pd.DataFrame:
    """Add direction, counterpart, DPRK leader, start date, year and the kind of source."""
    frame = gifts.copy()
    received = frame["recipient_iso3"] == DPRK
    frame["direction"] = received.map({True: "received", False: "given"})
    frame["counterpart_iso3"] = frame["giver_iso3"].where(received, frame["recipient_iso3"])
    frame["counterpart"] = frame["counterpart_iso3"].map(country_name)
    frame["country_page"] = "country?country=" + frame["counterpart_iso3"]  # relative: works under a base path
    frame["leader"] = frame["recipient"].where(received, frame["giver"]).map(_leader)
    frame["start"] = frame["date"].map(date_start)
    frame["year"] = frame["start"].map(lambda d: d.year)
    frame["source_kind_key"] = frame["source_url"].map(source_kinds.kind_of)
    frame["source_kind"] = frame["source_kind_key"].map(source_kinds.label)
    return frame


def filter_gifts(
    gifts: pd.DataFrame,
    period: str,
    today: dt.date,
    direction: str | None = None,
    country: str | None = None,
    leader: str | None = None,
    categories: list[str] | None = None,
    text: str | None = None,
    kinds: list[str] | None = None,
) -> pd.DataFrame:
    """Prepared gifts narrowed by every filter of the page (None/empty means 'all')."""
    start, end = period_bounds(period, today)
    keep = (gifts["start"] >= dt.date(start.year, 1, 1)) & (gifts["start"] <= end)
    if direction:
        keep &= gifts["direction"] == direction
    if country:
        keep &= gifts["counterpart_iso3"] == country
    if leader:
        keep &= gifts["leader"] == leader
    if categories:
        keep &= gifts["category"].isin(categories)
    if kinds:
        keep &= gifts["source_kind_key"].isin(kinds)
    if text:
        needle = text.casefold()
        haystack = gifts[["giver", "recipient", "item", "occasion", "notes"]].agg(" ".join, axis=1).str.casefold()
        keep &= haystack.str.contains(needle, regex=False)
    return gifts[keep].sort_values("start", kind="stable").reset_index(drop=True)


def source_kind_mix(gifts: pd.DataFrame) -> str:
    """The kinds of source the given gifts rest on, with counts and shares, largest first."""
    return source_kinds.mix_text(gifts["source_url"])


def top_counterparts(gifts: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """Counterpart countries by number of gifts exchanged (both directions)."""
    counts = gifts.groupby(["counterpart_iso3", "counterpart"]).size().rename("gifts").reset_index()
    return counts.sort_values(["gifts", "counterpart"], ascending=[False, True]).head(n).reset_index(drop=True)


def by_category(gifts: pd.DataFrame) -> pd.DataFrame:
    """Gift counts per category and direction."""
    return gifts.groupby(["category", "direction"]).size().rename("gifts").reset_index()


def before_after_1989(gifts: pd.DataFrame) -> pd.DataFrame:
    """Gifts per category before 1989 and from 1989 on: how the exchange changed."""
    era = gifts["year"].map(lambda y: "Before 1989" if y < 1989 else "1989 and after")
    table = gifts.assign(era=era).pivot_table(index="category", columns="era", values="gift_id", aggfunc="count", fill_value=0)
    for column in ("Before 1989", "1989 and after"):
        if column not in table:
            table[column] = 0
    return table[["Before 1989", "1989 and after"]].reset_index()


def gifts_map(gifts: pd.DataFrame, centroids: pd.DataFrame) -> go.Figure:
    """Counterpart countries shaded by number of gifts; small states as sized markers."""
    counts = gifts.groupby("counterpart_iso3").size()
    counts = counts[[not code.startswith(("EUU",)) for code in counts.index]]
    small = set(centroids["iso3"])
    shapes = counts[[c not in small for c in counts.index]]
    dots = counts[[c in small for c in counts.index]]
    fig = go.Figure(
        go.Choropleth(
            locations=list(shapes.index),
            z=list(shapes.values),
            colorscale="Blues",
            zmin=0,
            marker_line_color="#ffffff",
            marker_line_width=0.4,
            colorbar=dict(title="Gifts", thickness=12),
            customdata=[country_name(c) for c in shapes.index],
            hovertemplate="<b>%{customdata}</b><br>%{z} gifts<extra></extra>",
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
                hovertemplate="<b>%{customdata}</b><br>%{text} gifts<extra></extra>",
                showlegend=False,
            )
        )
    fig.update_geos(**GEO_LAYOUT)
    fig.update_layout(height=380, margin=dict(l=0, r=0, t=10, b=0), template=go.layout.Template())
    return fig


def gifts_sankey(gifts: pd.DataFrame) -> go.Figure:
    """Flows from giving countries to receiving sides (DPRK leaders or counterpart countries)."""
    givers = gifts["giver_iso3"].map(country_name).where(gifts["direction"] == "received", gifts["leader"] + " (DPRK)")
    takers = (gifts["leader"] + " (DPRK)").where(gifts["direction"] == "received", gifts["counterpart"])
    flows = pd.DataFrame({"source": "From: " + givers, "target": "To: " + takers}).value_counts().rename("gifts").reset_index()
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
    fig.update_layout(height=max(360, 16 * len(labels)), margin=dict(l=0, r=0, t=10, b=10), template=go.layout.Template())
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
                y=rows["category"],
                mode="markers",
                name=DIRECTIONS[direction],
                marker=dict(color=colour, size=9, opacity=0.8, symbol="circle" if direction == "received" else "diamond"),
                customdata=list(
                    zip(rows["item"], rows["giver"], rows["recipient"], rows["date"].map(format_partial), strict=True)
                ),
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} → %{customdata[2]}<br>%{customdata[3]}<extra></extra>",
            )
        )
    fig.update_layout(
        height=320, margin=dict(l=0, r=0, t=10, b=0), legend=dict(orientation="h", y=-0.2), template=go.layout.Template()
    )
    return fig


def gift_card(gift: pd.Series) -> dict:
    """The fields of a gift's full record, readable."""
    return {
        "item": gift["item"],
        "when": format_partial(gift["date"]),
        "from": f"{gift['giver']} ({country_name(gift['giver_iso3'])})",
        "to": f"{gift['recipient']} ({country_name(gift['recipient_iso3'])})",
        "category": gift["category"],
        "occasion": gift["occasion"],
        "notes": gift["notes"],
        "source_url": gift["source_url"],
        "source_site": urlsplit(gift["source_url"]).netloc.removeprefix("www."),
        "source_kind": source_kinds.label(source_kinds.kind_of(gift["source_url"])),
        "event_id": gift["event_id"],
        "country_codes": [c for c in dict.fromkeys((gift["giver_iso3"], gift["recipient_iso3"])) if c != DPRK],
    }


@dataclass(frozen=True)
class GiftView:
    """Everything the Gifts page draws for one filter set, computed together (and cached once)."""

    shown: pd.DataFrame
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
        return GiftView(shown, 0, shown, "", None, shown, None, None, shown, shown)
    return GiftView(
        shown=shown,
        received=int((shown["direction"] == "received").sum()),
        leading=top_counterparts(shown, 1),
        source_mix=source_kind_mix(shown),
        counterparts_map=gifts_map(shown, centroids),
        top=top_counterparts(shown)[["counterpart", "gifts"]],
        sankey=gifts_sankey(shown),
        over_time=gifts_timeline(shown),
        before_after=before_after_1989(shown),
        categories=by_category(shown),
    )
