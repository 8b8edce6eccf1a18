"""Streamlit pieces shared by the pages: error display, URL notices, sources footer."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from atlas.core import i18n, source_kinds
from atlas.core.i18n import N_, _
from atlas.core.source_kinds import escape_markdown
from atlas.data.loading import DataError
from atlas.data.registry import DATASETS
from atlas.queries import export
from atlas.queries.catalog import with_source_kind
from atlas.web.cache import source_mix

MAP_CONFIG = {
    # Geometry is served by Streamlit's static serving (static/world_110m.json); the relative URL
    # keeps working on sub-pages and behind a base URL path. Without it plotly.js would fetch
    # world_110m.json from a CDN and draw a blank map offline.
    "topojsonURL": "app/static/",
    "displaylogo": False,
    # Zoom in, zoom out and reset are the map's keyboard path to small states; the rest were
    # Tab stops with nothing for the visitor ("Share chart..." even leaves the site).
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "pan2d", "sendDataToCloud"],
}
# Streamlit's other charts: no plotly toolbar. Its seven buttons were a row of Tab stops before
# the content on every chart; dragging zooms and a double-click resets without it.
CHART_CONFIG = {"displaylogo": False, "displayModeBar": False}
# A map drawn by st.plotly_chart that only shows (the gifts' counterparts): no toolbar either.
STATIC_MAP_CONFIG = {**MAP_CONFIG, "displayModeBar": False}

# Shared look, constant CSS (no data in it), drawn by app.py on every page:
# - keyboard focus on the sidebar's links is an outline in the text's colour, unlike the current
#   page's highlight (a background), so a keyboard visitor sees where they are on either;
# - a record's heading focused by ``atlas.web.focus`` shows where focus went;
# - records open beside their map, chart or table at 1100 px and wider, and under it (scrolled
#   into view) on narrower screens (``record_layout``);
# - a layered image's images share one place, the later ones drawn over the first (``layered_image``);
#   the grid's one column is the container's full width: an implicit (auto) column let Streamlit
#   measure a 'stretch' image before it had a width and draw it 16 px wide, now and then;
# - labels wrap instead of ending in "…" (Streamlit's default for metrics, buttons and page links):
#   "Parties with relations on 31 December 19…", "Download this map's data (C…" and Home's
#   "Story — eight chapters to pr…" on a phone hid their point.
_GLOBAL_CSS = """
.stMain .stMarkdownEllipsis, .stMain .stMarkdownEllipsis p, .stMain [data-testid="stPageLink-NavLink"] > span {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[data-testid="stSidebarNav"] a:focus-visible, [data-testid="stSidebarNavLink"]:focus-visible {
  outline: 3px solid currentColor !important; outline-offset: -3px; }
h3[tabindex="-1"]:focus-visible { outline: 3px solid currentColor; outline-offset: 4px; border-radius: 2px; }
.st-key-record_layout { flex-wrap: wrap !important; align-items: flex-start !important; }
.st-key-record_main, .st-key-record_side { flex: 1 1 100% !important; min-width: 0 !important; width: auto !important; }
.st-key-record_side:not(:has(h3)) { display: none !important; }
[class*="st-key-layered_"] { display: grid !important; grid-template-columns: minmax(0, 1fr); width: 100% !important; }
[class*="st-key-layered_"] > div { grid-area: 1 / 1 !important; width: 100% !important; }
@media (min-width: 1100px) {
  .st-key-record_layout:has(.st-key-record_side h3) .st-key-record_main { flex: 3 1 0 !important; }
  .st-key-record_layout:has(.st-key-record_side h3) .st-key-record_side { flex: 2 1 0 !important; }
}
"""


def global_style() -> None:
    """The shared constant CSS above, and the focus helper's (app.py, before every page)."""
    from atlas.web.focus import CSS as FOCUS_CSS

    st.html("<style>" + _GLOBAL_CSS + FOCUS_CSS + "</style>")


def layered_image(where, key: str, *images: str) -> None:
    """Images drawn one over the other, the same width (a chart and its transparent year layer).

    ``key`` must start with ``layered_`` (the CSS that stacks them keys on it). Only the layers that
    change are sent again on a rerun: Streamlit sends an unchanged image as a reference.
    """
    if not key.startswith("layered_"):
        raise ValueError(f"a layered image's key starts with 'layered_': {key!r}")
    with where.container(key=key):
        for image in images:
            st.image(image, width="stretch")


def record_layout():
    """Two slots: the map, chart or table, and the record it opens (beside it on wide screens,
    under it on narrow ones; the side slot takes no room while it holds no record)."""
    layout = st.container(horizontal=True, key="record_layout", gap="medium")
    return layout.container(key="record_main"), layout.container(key="record_side")


def show_data_error(error: DataError) -> None:
    """One readable message for a broken data file, then stop this page (others keep working)."""
    st.error(
        _(
            "This page cannot be shown because a data file failed its checks.\n\n**{error}**\n\n"
            "The data files in `data/` are described in `data/README.md`."
        ).format(error=error),
        icon=":material/error:",
    )
    st.stop()


def csv_bytes(frame) -> bytes:
    """A table as Excel-ready CSV for a download button (called only when the button is clicked).

    Every download of the atlas goes through here or ``file_bytes``: UTF-8 with a byte-order mark,
    and one date per date cell (see ``atlas/queries/export.py``).
    """
    return export.csv_bytes(frame)


def csv_download(label: str, table, file_name: str, *, key: str | None = None, where=None) -> None:
    """A download button for a table as Excel-ready CSV (``csv_bytes``), built only when clicked.

    ``table`` is a DataFrame or a function that returns one; ``where`` is the container (a column…).
    """
    lang = i18n.current()  # the file is built on the click, outside this run: in this run's language

    def data() -> bytes:
        with i18n.language(lang):
            return csv_bytes(table() if callable(table) else table)

    (where or st).download_button(label, data, file_name=file_name, mime="text/csv", on_click="ignore", key=key)


def file_bytes(path) -> bytes:
    """A data file's bytes for a download, with the UTF-8 byte-order mark (read on click)."""
    return export.with_bom(path.read_bytes())


def show_notice(notice: str | None) -> None:
    """A short notice about ignored URL parameters (the page shows its default view)."""
    if notice:
        st.info(_("{notice} Showing the default view instead.").format(notice=notice), icon=":material/info:")


def sources_footer(datasets: Iterable[str]) -> None:
    """Provenance line shown under every page that uses data (datasets by registry name), with the kinds of its sources."""
    st.divider()
    names = ", ".join(f"data/{DATASETS[name].filename}" for name in datasets)
    mix = source_mix(tuple(datasets))
    st.caption(
        _(
            "Data: {names}. Every row carries the URL of the public source it was taken from; "
            "dates keep the precision the source gives. See **Data & sources** for downloads, "
            "the data dictionary, coverage, conflicts between sources and the open questions."
        ).format(names=names)
        + ("  \n" + _("Sources by kind: {mix}.").format(mix=mix) if mix else "")
    )


def source_markdown(url: str) -> str:
    """A source as markdown: the site linked to the page, then its kind (see ``source_kinds.markdown_link``)."""
    return source_kinds.markdown_link(url)


_SITE = r"https?://(?:www\.)?([^/]+)/.*"  # a link column shows the site of its URL


def source_column():
    return st.column_config.LinkColumn(_("Source"), display_text=_SITE)


def source_kind_column():
    return st.column_config.TextColumn(_("Source kind"), help=_("Who publishes the source (atlas/core/source_kinds.py)"))


def source_columns() -> dict:
    """Column settings for any table that holds sources, labelled in the run's language (add the
    kind with data_catalog.with_source_kind)."""
    return {
        "source_url": source_column(),
        "source_kind": source_kind_column(),
        "other_source_url": st.column_config.LinkColumn(_("Other source"), display_text=_SITE),
        # A mission's dates may each rest on a page of their own (missions.csv).
        "opened_source_url": st.column_config.LinkColumn(_("Source of the opening date"), display_text=_SITE),
        "closed_source_url": st.column_config.LinkColumn(_("Source of the closing date"), display_text=_SITE),
        "attested_source_url": st.column_config.LinkColumn(_("Source of the earliest record"), display_text=_SITE),
        "last_attested_source_url": st.column_config.LinkColumn(_("Source of the latest record"), display_text=_SITE),
        # Wide, and a click on a cell opens it whole; the country page and the records also write notes out in full.
        "notes": st.column_config.TextColumn(_("Notes"), width="large", help=_("Click a cell to read a long note whole")),
    }


# ``ui.SOURCE_COLUMNS`` (and ``SOURCE_COLUMN``, ``SOURCE_KIND_COLUMN``) are built on each access,
# so their labels are in the language of the run that reads them (PEP 562 module ``__getattr__``).
_LABELLED = {"SOURCE_COLUMNS": source_columns, "SOURCE_COLUMN": source_column, "SOURCE_KIND_COLUMN": source_kind_column}


def __getattr__(name: str):
    if name in _LABELLED:
        return _LABELLED[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# How the profile heads a state in no_relations.csv, by what its source supports (schemas.NO_RELATION_CLAIMS);
# shown with ``_()``.
NO_RELATIONS_HEADLINE = {
    "never_had": N_("**Never had diplomatic relations with the DPRK.**"),
    "none_at_source_date": N_(
        "**No diplomatic relations with the DPRK on record.** Its source lists it among states without "
        "relations when it was written; that does not rule out ties in earlier decades."
    ),
}
# A relation's status today (relations.csv), as the profile writes it; the codes stay in the data.
STATUS_LABELS = {
    "active": N_("active"),
    "suspended": N_("suspended"),
    "severed": N_("severed"),
    "dissolved": N_("dissolved"),
}


def country_profile(index, iso3: str) -> None:
    """A state's full dated record: status, date conflicts, events, missions — each with its source."""
    from atlas.queries.missions import mission_history, mission_history_lines
    from atlas.queries.relations import country_history, date_conflicts

    record = index.relations_by_state.get(iso3)
    never = index.never.get(iso3)
    if record:
        established = record["established"] or _("on a date no source we read gives")
        status = record["status"]
        st.markdown(
            _("Relations with the DPRK established **{established}** · status today: **{status}**").format(
                established=escape_markdown(established),
                status=escape_markdown(_(STATUS_LABELS[status]) if status in STATUS_LABELS else status),
            )
        )
        if record["notes"]:
            st.caption(escape_markdown(record["notes"]))  # data text stays text
    elif never:
        st.markdown(_(NO_RELATIONS_HEADLINE[never["claim"]]))
        st.caption(escape_markdown(never["notes"]))
        st.markdown(_("Source: {source}").format(source=source_markdown(never["source_url"])))
    for date, source in date_conflicts(index, iso3):
        st.warning(
            _("Sources disagree: another source gives **{date}** for the establishment ({source}).").format(
                date=date, source=source_markdown(source)
            ),
            icon=":material/balance:",
        )
    history = country_history(index, iso3)
    if history.empty:
        if not never:
            st.info(_("No relations with the DPRK on record in the atlas's sources."))
    else:
        st.dataframe(with_source_kind(history), hide_index=True, width="stretch", column_config=source_columns())
    missions = mission_history(index, [iso3])
    if not missions.empty:
        st.markdown(_("**Missions, both ways**"))
        with st.container(key="country_missions"):
            st.markdown("\n".join(mission_history_lines(missions)))
