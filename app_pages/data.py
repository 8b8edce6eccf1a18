"""Data & sources: browse and download every dataset, its coverage, the conflicts between sources, the open questions."""

import datetime as dt
from functools import partial

import streamlit as st

from atlas.core import i18n
from atlas.core.i18n import _
from atlas.data.loading import DataError, data_dir
from atlas.data.registry import DATASETS
from atlas.queries import catalog as data_catalog
from atlas.web import cache as loaders
from atlas.web import columns as table_columns
from atlas.web import urls as url_state
from atlas.web import widgets as ui

st.title(_("Data & sources"))
st.markdown(
    _(
        "Every file below is what the atlas draws from, as CSV. Each row names the public page its "
        "facts come from (`source_url`), and the kind of that source is shown beside it; dates keep the "
        "precision the source gives. Where sources disagree, both are kept and listed below."
    )
)
if i18n.current() == i18n.KOREAN:  # the English atlas says "North Korea" and "South Korea" without a note
    with st.container(border=True, key="korean_names_note"):
        st.markdown(
            _(
                "**Names.** The atlas calls the two Koreas North Korea and South Korea, as readers in the South "
                "do (their official names are the Democratic People's Republic of Korea and the Republic of "
                "Korea). Other states have the Korean names of pycountry's translations of ISO 3166, with the "
                "short forms readers know; dissolved states such as the Soviet Union and East Germany have names "
                "from a small table of our own (`KOREAN_NAMES` in `atlas/core/countries.py`)."
            )
        )
        st.markdown(
            _(
                "**Files and columns.** The files keep their English column names and codes (`established`, "
                "`severed`, `embassy`…), and each text column has a Korean twin (`title` and `title_ko`); the "
                "tables on this page and the downloads are the files as they are. The data dictionary "
                "(`data/README.md`) is in English. The other pages' CSV downloads have two header rows in "
                "Korean: Korean labels, then the English column names (read them with one row skipped, "
                "`pd.read_csv(path, skiprows=1)`)."
            )
        )

url_state.sync("data", dataset=DATASETS)
overview = loaders.data_overview()

st.subheader(_("Browse a dataset"))
left, right = st.columns([2, 3])
dataset = left.selectbox(_("Dataset"), list(DATASETS), key="dataset", format_func=lambda name: f"data/{DATASETS[name].filename}")
text = right.text_input(_("Search this dataset"), key="q", placeholder=_("e.g. Sweden, 1973, kkfonline"))
filename = DATASETS[dataset].filename
try:
    frame = loaders.browsable(dataset)
    citation = loaders.citation(dataset)
except DataError as error:
    st.error(str(error), icon=":material/error:")
else:
    st.markdown(data_catalog.describe_dataset(dataset, frame))
    shown = data_catalog.search(frame, text)
    st.caption(
        _("{shown} of {total} rows · click a column header to sort · the Source column opens the page").format(
            shown=len(shown), total=len(frame)
        )
    )
    st.dataframe(shown, hide_index=True, width="stretch", column_config=ui.source_columns(), key="dataset_table")
    buttons = st.columns(2)
    buttons[0].download_button(
        _("Download data/{filename}").format(filename=filename),
        partial(ui.file_bytes, data_dir() / filename),  # read on click
        file_name=filename,
        mime="text/csv",
        on_click="ignore",
    )
    buttons[1].download_button(
        _("Download these {count} rows (CSV)").format(count=len(shown)),
        partial(data_catalog.file_csv, shown),  # built on click
        file_name=_("dprk-{dataset}-selection.csv").format(dataset=dataset),
        mime="text/csv",
        on_click="ignore",
    )
    with st.container(border=True, key="how_to_cite"):
        st.markdown(_("**How to cite this dataset**"))
        st.code(citation.text(accessed=dt.date.today().isoformat()), language=None, wrap_lines=True)
        st.caption(
            _(
                "The version is the project's (pyproject.toml); the latest dated row and the SHA-256 "
                "fingerprint of the file's bytes come from the file itself, so any copy of the same data "
                "cites the same way, with or without git. Downloads start with a 3-byte UTF-8 byte-order mark so "
                "Excel reads the accents right: the fingerprint is of the file without it (as in `data/`)."
            )
        )


def column_config(frame) -> dict:
    """Headings for a table of this page in the run's language, sources as links (English: as before)."""
    return table_columns.record_columns(frame.columns)


st.subheader(_("Coverage"))
for message in overview.errors.values():
    st.error(_("{message} — left out of the tables below.").format(message=message), icon=":material/error:")
st.markdown(
    _(
        "Rows per dataset, how precisely its dates are known (every date column counts, an event's end "
        "too), and the percentage of rows whose source is of each kind."
    )
)
st.dataframe(
    overview.coverage, hide_index=True, width="stretch", key="coverage_table", column_config=column_config(overview.coverage)
)
st.markdown(_("**All sources by kind**"))
st.dataframe(overview.kind_mix, hide_index=True, key="kind_mix_table", column_config=column_config(overview.kind_mix))
st.caption(
    _(
        "Kinds say who publishes a source, not whether it is right: DPRK state media and friendship "
        "associations are sources for what the DPRK said. The table of sites is `atlas/core/source_kinds.py`."
    )
)

st.subheader(_("Conflicts between sources"))
st.markdown(
    _("**Establishment dates** — {count} alternative dates, each beside the date used").format(
        count=len(overview.establishment_conflicts)
    )
)
conflicts = overview.establishment_conflicts
st.dataframe(conflicts, hide_index=True, width="stretch", column_config=column_config(conflicts))
st.markdown(
    _("**Without relations, or not?** — {count} states on record as without relations that another source says had them").format(
        count=len(overview.no_relations_conflicts)
    )
)
if overview.no_relations_conflicts.empty:
    st.caption(_("None recorded."))
else:
    disputed = overview.no_relations_conflicts
    st.dataframe(disputed, hide_index=True, width="stretch", column_config=column_config(disputed))
st.markdown(_("**Other disagreements noted in the files** — {count} rows").format(count=len(overview.noted_disagreements)))
noted = overview.noted_disagreements
st.dataframe(noted, hide_index=True, width="stretch", column_config=column_config(noted))

st.subheader(_("All files"))
for name, spec in DATASETS.items():
    with st.container(border=True):
        left, right = st.columns([4, 1], vertical_alignment="center")
        if name in overview.errors:
            left.error(overview.errors[name], icon=":material/error:")
            continue
        left.markdown(
            _("**`data/{filename}`** — {description} {rows} rows.").format(
                filename=spec.filename, description=overview.descriptions[name], rows=overview.rows[name]
            )
        )
        right.download_button(
            _("Download CSV"),
            partial(ui.file_bytes, data_dir() / spec.filename),  # read on click
            file_name=spec.filename,
            mime="text/csv",
            key=f"download_{name}",
            on_click="ignore",
        )

with st.expander(_("Open questions (data/OPEN_QUESTIONS.md)"), expanded=False):
    questions = loaders.data_text("OPEN_QUESTIONS.md")
    st.markdown(data_catalog.nested_markdown(questions) if questions else _("The file of open questions is missing."))

with st.expander(_("Data dictionary (data/README.md)"), expanded=False):
    readme = loaders.data_text("README.md")
    st.markdown(data_catalog.nested_markdown(readme) if readme else _("The data dictionary is missing."))

ui.sources_footer(DATASETS)
