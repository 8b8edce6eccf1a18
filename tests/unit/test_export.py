"""Downloads open in Excel as they read in the app: UTF-8 with a BOM, one date per date cell."""

import csv
import io

import pandas as pd

from atlas.queries.catalog import file_csv
from atlas.queries.export import BOM, csv_bytes, one_date_per_cell, with_bom


def test_csv_starts_with_the_utf8_bom_and_keeps_accents():
    data = csv_bytes(pd.DataFrame({"name": ["Côte d'Ivoire", "Curaçao"]}))
    assert data.startswith(b"\xef\xbb\xbf")
    assert pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")["name"].tolist() == ["Côte d'Ivoire", "Curaçao"]


def test_date_notes_go_to_their_own_column():
    frame = pd.DataFrame({"date": ["1990-11-27 (date uncertain)", "1988"], "name": ["A", "B"]})
    out = pd.read_csv(io.BytesIO(csv_bytes(frame)), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert out.columns.tolist() == ["date", "date_note", "name"]
    assert out["date"].tolist() == ["1990-11-27", "1988"]
    assert out["date_note"].tolist() == ["date uncertain", ""]


def test_a_date_column_without_notes_is_left_alone():
    frame = pd.DataFrame({"date": ["1975-06-01", ""], "end_date": ["1976", "1977-01"]})
    assert one_date_per_cell(frame).equals(frame)


def test_dataset_selection_and_raw_files_carry_the_bom_once():
    assert file_csv(pd.DataFrame({"a": [1], "source_kind": ["news"]})) == (BOM + "a\n1\n").encode()
    assert with_bom(b"a\n") == b"\xef\xbb\xbfa\n"
    assert with_bom(with_bom(b"a\n")) == b"\xef\xbb\xbfa\n"


def test_korean_csv_has_korean_labels_above_the_english_names():
    import io

    from atlas.core import i18n

    frame = pd.DataFrame({"date": ["1990-11-27 (date uncertain)"], "iso3": ["CIV"], "unlabelled": ["x"]})
    with i18n.language("ko"):
        text = csv_bytes(frame).decode("utf-8").removeprefix(BOM)
    labels, names, row = list(csv.reader(io.StringIO(text)))
    assert labels == ["날짜", "날짜(비고)", "코드(ISO 3166)", "unlabelled"]
    assert names == ["date", "date_note", "iso3", "unlabelled"]
    assert row == ["1990-11-27", "date uncertain", "CIV", "x"]
    assert pd.read_csv(io.StringIO(text), skiprows=1).columns.tolist() == names
    english = csv_bytes(frame).decode("utf-8").removeprefix(BOM)
    assert english.splitlines()[0] == "date,date_note,iso3,unlabelled"
