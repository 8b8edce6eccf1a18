"""The map page's UN alignment and leaders' visits views drawn (pure), through the shared map builder."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from atlas.core.i18n import N_
from atlas.figures.maps import CategorySpec, category_map
from atlas.figures.palettes import ALIGNMENT_COLOURS, VISIT_COLOURS
from atlas.queries.un_votes import ALIGNMENT_LABELS
from atlas.queries.visit_map import VISIT_LABELS

ALIGNMENT_SPEC = CategorySpec(ALIGNMENT_LABELS, ALIGNMENT_COLOURS)
VISIT_SPEC = CategorySpec(VISIT_LABELS, VISIT_COLOURS)
# Hover lines after the name and class: the share and the roll calls it is computed over.
ALIGNMENT_HOVER = ((N_("Agreement with the DPRK"), "share"), (N_("Votes shared with the DPRK"), "votes"))
VISIT_HOVER = ((N_("Visits"), "count"), (N_("Which"), "visits"))


def _present(spec: CategorySpec, status: pd.DataFrame, always: tuple[str, ...] = ()) -> CategorySpec:
    """``spec`` cut to the categories drawn (plus ``always``), in its order."""
    keep = set(status["category"]) | set(always)
    return CategorySpec({k: v for k, v in spec.labels.items() if k in keep}, {k: v for k, v in spec.colours.items() if k in keep})


def alignment_map(status: pd.DataFrame, dots: pd.DataFrame, title: str, font_size: int = 13) -> go.Figure:
    """Every state in its class of agreement (``un_votes.alignment_status``).

    The five classes are always in the legend, so it reads the same from year to year while
    Play runs; "too few votes" and "no votes" only when some state is in them.
    """
    spec = _present(ALIGNMENT_SPEC, status, always=("a90", "a80", "a65", "a50", "below50"))
    return category_map(status, spec, dots=dots, title=title, hover=ALIGNMENT_HOVER, font_size=font_size)


def visits_map(status: pd.DataFrame, dots: pd.DataFrame, title: str, font_size: int = 13) -> go.Figure:
    """Every state by the period's visits (``visit_map.visit_status``); the legend lists the kinds drawn."""
    spec = _present(VISIT_SPEC, status, always=("abroad", "to_dprk"))
    return category_map(status, spec, dots=dots, title=title, hover=VISIT_HOVER, font_size=font_size)
