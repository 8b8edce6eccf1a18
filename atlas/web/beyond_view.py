"""Streamlit glue of the country page's "Beyond recognition" section (issue 21): treaties, UN
voting alignment, leaders' visits and Security Council vetoes of one state, each drawn only when
it has rows. The logic is in ``atlas/queries/beyond.py``, the chart in ``atlas/figures/beyond.py``.

A damaged file of these five shows one message naming it inside the section; the rest of the
country page does not depend on them and keeps drawing.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from atlas.core.i18n import _
from atlas.data.loading import DataError
from atlas.figures.beyond import alignment_figure
from atlas.queries import beyond
from atlas.web import columns as table_columns
from atlas.web import widgets as ui
from atlas.web.cache import follows_data, table

FILES = ("treaties", "un_alignment", "visits", "security_council")


@follows_data(st.cache_data(show_spinner=False, max_entries=300))
def beyond_record(code: str, predecessors: tuple[str, ...]) -> beyond.BeyondRecord:
    """One state's treaties, alignment, visits and vetoes, once per code for all visitors (raises ``DataError``)."""
    return beyond.beyond_record(
        code, predecessors, table("treaties"), table("un_alignment"), table("visits"), table("security_council")
    )


@follows_data(st.cache_resource(show_spinner=False, max_entries=300))
def alignment_chart(code: str, predecessors: tuple[str, ...]) -> go.Figure:
    """The alignment chart of one state (shared, read-only like the other figures)."""
    return alignment_figure(beyond_record(code, predecessors).alignment, code)


def treaties(record: beyond.BeyondRecord) -> None:
    if record.treaties.empty:
        return
    st.markdown(_("#### Treaties and agreements with the DPRK ({count})").format(count=len(record.treaties)))
    with st.container(key="beyond_treaties"):
        st.markdown("\n".join(beyond.treaty_lines(record.treaties)))


def alignment(record: beyond.BeyondRecord) -> None:
    own = record.alignment[record.alignment["iso3"].isin(record.codes)]
    if own.empty:
        return
    st.markdown(_("#### Voting with the DPRK at the United Nations"))
    with st.container(key="beyond_alignment"):
        st.plotly_chart(
            alignment_chart(record.code, record.codes[1:]), key="alignment_chart", config=ui.CHART_CONFIG, width="stretch"
        )
        st.caption(
            _(
                "How often the state voted as the DPRK did in the General Assembly's recorded votes, one point per "
                "session (the year it opened): 1 means always the same vote, 0 always opposite (yes against no); an "
                "abstention against a yes or a no counts half, and votes either side missed do not count. South "
                "Korea's line is there for comparison. Computed from Voeten, Strezhnev and Bailey's UN voting data."
            )
        )
        summary = beyond.alignment_summary(record.alignment, record.code)
        if summary:
            st.caption(summary)


def visits(record: beyond.BeyondRecord) -> None:
    if record.visits.empty:
        return
    st.markdown(_("#### Leaders' visits ({count})").format(count=len(record.visits)))
    labels = {
        "leader": _("leader"),
        "direction": _("direction"),
        "places": _("places"),
        "kind": _("kind"),
        "summary": st.column_config.TextColumn(_("summary"), width="large"),
    }
    columns = table_columns.record_columns(record.visits.columns, labels)
    st.dataframe(record.visits, hide_index=True, width="stretch", key="beyond_visits", column_config=columns)


def vetoes(record: beyond.BeyondRecord) -> None:
    if record.vetoes.empty:
        return
    st.markdown(_("#### Security Council decisions it vetoed ({count})").format(count=len(record.vetoes)))
    with st.container(key="beyond_vetoes"):
        st.markdown("\n".join(beyond.veto_lines(record.vetoes)))


def section(code: str, predecessors: tuple[str, ...]) -> None:
    """The whole section: a heading, then each part that has rows (or one message for a broken file)."""
    try:
        record = beyond_record(code, tuple(predecessors))
    except DataError as error:
        st.subheader(_("Beyond recognition"))
        st.error(
            _("This section cannot be shown because a data file failed its checks: **{error}**").format(error=error),
            icon=":material/error:",
        )
        return
    if record.empty:
        return
    st.subheader(_("Beyond recognition"))
    st.caption(
        _(
            "Treaties, votes at the United Nations, leaders' visits and Security Council vetoes, with the "
            "predecessor state's record where one applies. Organisations it shares with the DPRK are not covered: "
            "the atlas records the DPRK's own memberships only."
        )
    )
    for part in (treaties, alignment, visits, vetoes):
        part(record)
