"""Data & sources: every dataset as a download, with the data dictionary and open questions."""

import streamlit as st

from components import loaders, ui
from components.datasets import DataError, data_dir
from components.schemas import TABLES

st.title("Data & sources")
st.markdown(
    "Every file below is what the atlas draws from, as CSV. Each row names the public page its "
    "facts come from (`source_url`); dates keep the precision the source gives. The data "
    "dictionary below explains every column, the rules for partial dates and predecessor states, "
    "and the questions still open."
)

DESCRIPTIONS = {
    "relations": "One row per state (or the EU) that has or ever had relations with the DPRK.",
    "relation_events": "Dated history: established, suspended, severed, restored; embassy openings and closings.",
    "successions": "How dissolved states (USSR, East Germany…) map onto today's states.",
    "missions": "Embassies and other missions, both directions.",
    "no_relations": "States a source says never had relations with the DPRK.",
    "events": "Timeline events 1945 to today.",
    "gifts": "Documented diplomatic gifts to and from North Korean leaders.",
    "centroids": "Marker positions for states too small for the map geometry.",
}

for name, spec in TABLES.items():
    with st.container(border=True):
        left, right = st.columns([4, 1], vertical_alignment="center")
        try:
            rows = len(loaders.table(name))
            left.markdown(f"**`data/{spec.filename}`** — {DESCRIPTIONS.get(name, '')} {rows} rows.")
            right.download_button(
                "Download CSV",
                (data_dir() / spec.filename).read_bytes,  # read on click
                file_name=spec.filename,
                mime="text/csv",
                key=f"download_{name}",
                on_click="ignore",
            )
        except DataError as error:
            left.error(str(error), icon=":material/error:")

with st.expander("Data dictionary (data/README.md)", expanded=False):
    readme = data_dir() / "README.md"
    st.markdown(readme.read_text(encoding="utf-8") if readme.exists() else "The data dictionary is missing.")

ui.sources_footer(list(spec.filename for spec in TABLES.values()))
