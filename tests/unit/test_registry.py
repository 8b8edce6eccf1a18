"""The dataset registry: one entry per data file, and the data dictionary generated from it."""

from __future__ import annotations

import pytest

from atlas.core.paths import DATA_DIR
from atlas.data.loading import read_table
from atlas.data.registry import DATASETS, Dataset, dictionary_markdown, with_dictionary
from atlas.data.schemas import CENTROIDS
from atlas.queries.catalog import describe_dataset, nested_markdown


def test_every_data_file_has_one_entry_and_every_entry_a_file():
    assert sorted(path.name for path in DATA_DIR.glob("*.csv")) == sorted(entry.filename for entry in DATASETS.values())


@pytest.mark.parametrize("name", list(DATASETS))
def test_every_dataset_is_described_and_its_columns_explained(name):
    entry = DATASETS[name]
    assert entry.title and entry.description.endswith(".")
    assert describe_dataset(name, read_table(name))
    assert list(read_table(name, localize=False).columns) == list(entry.columns), "the dictionary follows the file's column order"
    assert all(meaning.strip() for meaning in entry.columns.values())


def test_an_entry_must_explain_exactly_its_schemas_columns():
    with pytest.raises(ValueError, match="dictionary's columns differ"):
        Dataset("centroids", "centroids.csv", CENTROIDS, "iso3", "t", "d.", {"iso3": "x"})


def test_data_readme_sections_are_generated_from_the_registry():
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert with_dictionary(readme) == readme, "run: python -m tools.data_dictionary --write"
    for entry in DATASETS.values():
        assert dictionary_markdown(entry) in readme


def test_a_new_entry_gets_a_section_and_the_markers_never_reach_a_visitor():
    readme = "# Dictionary\n\nIntro.\n\n## Sources\n\nSome.\n"
    written = with_dictionary(readme)
    assert written.index("## `relations.csv`") < written.index("## Sources")
    assert with_dictionary(written) == written  # idempotent
    assert "<!--" not in nested_markdown(written)
