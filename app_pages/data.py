"""Data & sources: browse and download every dataset, its coverage, the conflicts between sources, the open questions."""

import datetime as dt
from functools import partial

import streamlit as st

from atlas.data.loading import DataError, data_dir
from atlas.data.registry import DATASETS
from atlas.queries import catalog as data_catalog
from atlas.web import cache as loaders
from atlas.web import urls as url_state
from atlas.web import widgets as ui

st.title("Data & sources")
st.markdown(
    "Every file below is what the atlas draws from, as CSV. Each row names the public page its "
    "facts come from (`source_url`), and the kind of that source is shown beside it; dates keep the "
    "precision the source gives. Where sources disagree, both are kept and listed below."
)

url_state.sync("data", dataset=DATASETS)
overview = loaders.data_overview()

st.subheader("Browse a dataset")
left, right = st.columns([2, 3])
dataset = left.selectbox("Dataset", list(DATASETS), key="dataset", format_func=lambda name: f"data/{DATASETS[name].filename}")
text = right.text_input("Search this dataset", key="q", placeholder="e.g. Sweden, 1973, kkfonline")
filename = DATASETS[dataset].filename
try:
    frame = loaders.browsable(dataset)
    citation = loaders.citation(dataset)
except DataError as error:
    st.error(str(error), icon=":material/error:")
else:
    st.markdown(data_catalog.describe_dataset(dataset, frame))
    shown = data_catalog.search(frame, text)
    st.caption(f"{len(shown)} of {len(frame)} rows · click a column header to sort · the Source column opens the page")
    st.dataframe(shown, hide_index=True, width="stretch", column_config=ui.SOURCE_COLUMNS, key="dataset_table")
    buttons = st.columns(2)
    buttons[0].download_button(
        f"Download data/{filename}",
        partial(ui.file_bytes, data_dir() / filename),  # read on click
        file_name=filename,
        mime="text/csv",
        on_click="ignore",
    )
    buttons[1].download_button(
        f"Download these {len(shown)} rows (CSV)",
        partial(data_catalog.file_csv, shown),  # built on click
        file_name=f"dprk-{dataset}-selection.csv",
        mime="text/csv",
        on_click="ignore",
    )
    with st.container(border=True, key="how_to_cite"):
        st.markdown("**How to cite this dataset**")
        st.code(citation.text(accessed=dt.date.today().isoformat()), language=None, wrap_lines=True)
        st.caption(
            "The version is the project's (pyproject.toml); the latest dated row and the SHA-256 "
            "fingerprint of the file's bytes come from the file itself, so any copy of the same data "
            "cites the same way, with or without git. Downloads start with a 3-byte UTF-8 byte-order mark so "
            "Excel reads the accents right: the fingerprint is of the file without it (as in `data/`)."
        )

st.subheader("Coverage")
for message in overview.errors.values():
    st.error(f"{message} — left out of the tables below.", icon=":material/error:")
st.markdown(
    "Rows per dataset, how precisely its dates are known (every date column counts, an event's end "
    "too), and the percentage of rows whose source is of each kind."
)
st.dataframe(overview.coverage, hide_index=True, width="stretch", key="coverage_table")
st.markdown("**All sources by kind**")
st.dataframe(overview.kind_mix, hide_index=True, key="kind_mix_table")
st.caption(
    "Kinds say who publishes a source, not whether it is right: DPRK state media and friendship "
    "associations are sources for what the DPRK said. The table of sites is `atlas/core/source_kinds.py`."
)

st.subheader("Conflicts between sources")
st.markdown(f"**Establishment dates** — {len(overview.establishment_conflicts)} alternative dates, each beside the date used")
st.dataframe(overview.establishment_conflicts, hide_index=True, width="stretch", column_config=ui.SOURCE_COLUMNS)
st.markdown(
    f"**Without relations, or not?** — {len(overview.no_relations_conflicts)} states on record as without "
    "relations that another source says had them"
)
if overview.no_relations_conflicts.empty:
    st.caption("None recorded.")
else:
    st.dataframe(overview.no_relations_conflicts, hide_index=True, width="stretch", column_config=ui.SOURCE_COLUMNS)
st.markdown(f"**Other disagreements noted in the files** — {len(overview.noted_disagreements)} rows")
st.dataframe(overview.noted_disagreements, hide_index=True, width="stretch", column_config=ui.SOURCE_COLUMNS)

st.subheader("All files")
for name, spec in DATASETS.items():
    with st.container(border=True):
        left, right = st.columns([4, 1], vertical_alignment="center")
        if name in overview.errors:
            left.error(overview.errors[name], icon=":material/error:")
            continue
        left.markdown(f"**`data/{spec.filename}`** — {overview.descriptions[name]} {overview.rows[name]} rows.")
        right.download_button(
            "Download CSV",
            partial(ui.file_bytes, data_dir() / spec.filename),  # read on click
            file_name=spec.filename,
            mime="text/csv",
            key=f"download_{name}",
            on_click="ignore",
        )

with st.expander("Open questions (data/OPEN_QUESTIONS.md)", expanded=False):
    questions = loaders.data_text("OPEN_QUESTIONS.md")
    st.markdown(data_catalog.nested_markdown(questions) if questions else "The file of open questions is missing.")

with st.expander("Data dictionary (data/README.md)", expanded=False):
    readme = loaders.data_text("README.md")
    st.markdown(data_catalog.nested_markdown(readme) if readme else "The data dictionary is missing.")

ui.sources_footer(DATASETS)
