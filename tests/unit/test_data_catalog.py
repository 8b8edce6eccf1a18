"""Pure logic of the Data & sources page: coverage, conflicts, search, citation."""

from __future__ import annotations

import pandas as pd
import pytest

from atlas.core import source_kinds as sk
from atlas.data.loading import read_table
from atlas.queries import catalog as dc
from tests.support.data import ROOT


def frame(**columns) -> pd.DataFrame:
    return pd.DataFrame(columns)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1948-10-12", "day"), ("1972-11", "month"), ("1973", "year"), ("", ""), ("12 Oct 1948", ""), ("1948-1", "")],
)
def test_precision(value, expected):
    assert dc.precision(value) == expected


def test_coverage_counts_rows_precisions_and_kinds():
    table = frame(
        date=["1948-10-12", "1972-11", "1973", "1990-01-01"],
        end_date=["", "", "1974", ""],
        source_url=[
            "https://kkfonline.com/a",
            "https://tass.com/b",
            "https://tass.com/c",
            "https://wikimili.com/en/X",
        ],
    )
    (row,) = dc.coverage({"events": table}).to_dict("records")
    assert row["dataset"] == "events" and row["rows"] == 4
    assert (row["dates to the day"], row["dates to the month"], row["dates to the year"]) == (2, 1, 2)
    assert row[f"{sk.label(sk.NEWS)} (%)"] == 50
    assert row[f"{sk.label(sk.DPRK_STATE)} (%)"] == 25
    assert row[f"{sk.label(sk.NOT_THE_SOURCE)} (%)"] == 25
    assert f"{sk.label(sk.OFFICIAL)} (%)" not in row  # kinds no dataset uses are left out


def test_kind_mix_is_sorted_with_shares():
    tables = {"a": frame(source_url=["https://tass.com/1", "https://tass.com/2"]), "b": frame(source_url=["https://un.org/x"])}
    mix = dc.kind_mix(tables)
    assert mix.to_dict("records") == [
        {"source kind": sk.label(sk.NEWS), "rows": 2, "share": "67%"},
        {"source kind": sk.label(sk.OFFICIAL), "rows": 1, "share": "33%"},
    ]


def test_establishment_conflicts_pair_each_date_with_its_source():
    relations = frame(
        iso3=["MKD", "FRA"],
        name=["North Macedonia", "France"],
        established=["1993-11", "2000"],
        alt_established=["1993-10-11;1993-10-13", ""],
        alt_source_url=["https://a.example/1;https://b.example/2", ""],
        source_url=["https://main.example/", "https://x.example/"],
    )
    conflicts = dc.establishment_conflicts(relations)
    assert conflicts[["other date", "other_source_url"]].values.tolist() == [
        ["1993-10-11", "https://a.example/1"],
        ["1993-10-13", "https://b.example/2"],
    ]
    assert set(conflicts["date used"]) == {"1993-11"} and set(conflicts["source_url"]) == {"https://main.example/"}


def test_no_relations_conflicts_and_other_disagreements():
    no_relations = frame(
        iso3=["EST", "JPN"],
        name=["Estonia", "Japan"],
        claim=["never_had", "never_had"],
        notes=["A 2019 text claims ties from 1994, against the MFA.", "No relations."],
        source_url=["https://e.example/", "https://j.example/"],
    )
    assert dc.no_relations_conflicts(no_relations)["iso3"].tolist() == ["EST"]
    events = frame(event_id=["a", "b"], notes=["Sources disagree on the day.", "KCNA claims a success."], source_url=["u", "v"])
    noted = dc.noted_disagreements({"events": events, "no_relations": no_relations})
    assert noted[["dataset", "row"]].values.tolist() == [["events", "a"]]  # a mere 'claims' is not a conflict here


def test_search_is_plain_text_and_case_insensitive():
    table = frame(name=["Sweden", "Swaziland (Eswatini)", "Peru"], notes=["a", "b", "c"])
    assert dc.search(table, "sw")["name"].tolist() == ["Sweden", "Swaziland (Eswatini)"]
    assert dc.search(table, "(eswatini")["name"].tolist() == ["Swaziland (Eswatini)"]  # not a regex
    assert dc.search(table, "") is table
    assert dc.search(table, "nothing like this").empty


def test_with_source_kind_adds_a_column_after_the_source():
    table = dc.with_source_kind(frame(iso3=["X"], source_url=["https://kkfonline.com/a"], notes=[""]))
    assert table.columns.tolist() == ["iso3", "source_url", "source_kind", "notes"]
    assert table["source_kind"].tolist() == [sk.label(sk.DPRK_STATE)]
    assert dc.file_columns(table).columns.tolist() == ["iso3", "source_url", "notes"]
    assert dc.file_csv(table) == b"\xef\xbb\xbfiso3,source_url,notes\nX,https://kkfonline.com/a,\n"
    blank = dc.with_source_kind(frame(source_url=["", None]))
    assert blank["source_kind"].tolist() == ["", ""]  # no source is not a bad source


def test_latest_date_compares_periods_not_strings():
    assert dc.latest_date(frame(date=["2025", "2024-12-31", ""], opened=["2025-03", "", ""])) == "2025-03"
    assert dc.latest_date(frame(name=["no dates"])) == ""


def test_version_and_fingerprint_need_no_git(tmp_path):
    assert dc.project_version(ROOT / "pyproject.toml") == "0.1.0"
    assert dc.project_version(tmp_path / "missing.toml") == "unversioned"
    (tmp_path / "bad.toml").write_text("[project\n")
    assert dc.project_version(tmp_path / "bad.toml") == "unversioned"
    assert dc.fingerprint([b"a,b\n1,2\n"]) == dc.fingerprint([b"a,b\n1,2\n"])
    assert dc.fingerprint([b"a,b\n1,2\n"]) != dc.fingerprint([b"a,b\n1,3\n"])
    assert len(dc.fingerprint([b""])) == 12


def test_citation_text():
    citation = dc.Citation(version="0.1.0", filename="gifts.csv", rows=121, latest="2026-03", fingerprint="abc123def456")
    text = citation.text(accessed="2026-11-29")
    assert text == (
        "DPRK Relations Atlas, version 0.1.0. Dataset data/gifts.csv (121 rows, latest dated row 2026-03; "
        "SHA-256 abc123def456). Accessed 2026-11-29."
    )


def test_no_relations_description_counts_both_claims_from_the_data():
    no_relations = read_table("no_relations")
    counts = dc.no_relations_counts(no_relations)
    assert counts["never_had"] + counts["none_at_source_date"] == len(no_relations)
    text = dc.describe_dataset("no_relations", no_relations)
    assert f"{counts['never_had']} that never had any" in text
    assert f"{counts['none_at_source_date']} that a source lists without relations" in text
    assert "never had relations" not in dc.describe_dataset("relations", None)


def test_the_shipped_overview():
    tables = {name: read_table(name) for name in ("relations", "no_relations", "gifts")}
    overview = dc.overview(tables)
    alternatives = sum(len(v.split(";")) for v in tables["relations"]["alt_established"] if v)
    assert len(overview.establishment_conflicts) == alternatives > 20
    assert overview.coverage["rows"].tolist() == [len(t) for t in tables.values()]
    assert overview.kind_mix["rows"].sum() == sum(len(t) for t in tables.values())
    assert overview.errors == {}


def test_nested_markdown_moves_headings_down_only():
    text = "# Title\n\nText with a #hashtag\n## Part\n###### Deep\n```\nnot #heading\n```"
    assert dc.nested_markdown(text) == "### Title\n\nText with a #hashtag\n#### Part\n###### Deep\n```\nnot #heading\n```"
