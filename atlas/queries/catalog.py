"""The Data & sources page's tables, computed from the datasets (pure: no Streamlit).

Coverage (rows, date precision, the mix of source kinds), every conflict between sources, a
search over a dataset, and what a citation needs: the project's version, the latest dated fact
and a fingerprint of the file's bytes. None of it needs git, so a fresh clone or a tarball
cites the same way.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from atlas.core import source_kinds
from atlas.core.dates import PARTIAL_DATE, date_start
from atlas.core.i18n import _
from atlas.data.registry import DATASETS
from atlas.queries.export import csv_bytes

# Columns holding a partial ISO date, in whichever dataset has them.
DATE_COLUMNS = ("established", "date", "end_date", "opened", "closed", "signed", "in_force", "ended", "start_date")
PRECISIONS = ("day", "month", "year")
# Words with which notes record that sources disagree; for a state on record without relations,
# any other source's "claim" of relations is such a disagreement.
_DISAGREE_WORDS = r"conflict\w*|contradict\w*|disagree\w*|disput\w*"
DISAGREEMENT = re.compile(rf"\b(?:{_DISAGREE_WORDS})\b", re.I)
CLAIMED_OTHERWISE = re.compile(rf"\b(?:{_DISAGREE_WORDS}|claims?)\b", re.I)
NEVER, AT_SOURCE_DATE = "never_had", "none_at_source_date"


def describe_dataset(name: str, frame: pd.DataFrame | None) -> str:
    """One sentence on what a dataset holds; ``no_relations`` says how many rows make each claim."""
    if name != "no_relations":
        return _(DATASETS[name].description) if name in DATASETS else ""
    counts = no_relations_counts(frame) if frame is not None else {NEVER: 0, AT_SOURCE_DATE: 0}
    return _(
        "States documented without relations with the DPRK: {never} that never had any "
        '(claim `never_had`, counted as "Documented as never" on Home) and {at_source_date} that a '
        "source lists without relations when it was written (claim `none_at_source_date`), which does not "
        "rule out earlier ties."
    ).format(never=counts[NEVER], at_source_date=counts[AT_SOURCE_DATE])


def no_relations_counts(no_relations: pd.DataFrame) -> dict[str, int]:
    """Rows of ``no_relations.csv`` per claim (both claims always present)."""
    counts = no_relations["claim"].value_counts()
    return {claim: int(counts.get(claim, 0)) for claim in (NEVER, AT_SOURCE_DATE)}


def precision(value: str) -> str:
    """'day', 'month' or 'year' for a partial ISO date, '' for anything else."""
    match = PARTIAL_DATE.match(value or "")
    if not match:
        return ""
    return PRECISIONS[3 - sum(part is not None for part in match.groups())]


def cited_urls(frame: pd.DataFrame) -> list[str]:
    """Every URL a dataset cites: its source columns and the URLs written in its notes."""
    urls: list[str] = []
    for column in ("source_url", "alt_source_url", "notes"):
        if column in frame:
            for text in frame[column]:
                urls.extend(source_kinds.urls_in(text))
    return urls


def with_source_kind(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with a ``source_kind`` column (the readable kind of ``source_url``, '' where there is none) after it."""
    if "source_url" not in frame:
        return frame.copy()
    # A table that already carries its kinds (the change lists compute them) gets them recomputed
    # in place after its source, never a second column.
    out = frame.drop(columns="source_kind", errors="ignore")
    kinds = out["source_url"].map(
        lambda url: source_kinds.label(source_kinds.kind_of(url)) if isinstance(url, str) and url else ""
    )
    out.insert(out.columns.get_loc("source_url") + 1, "source_kind", kinds)
    return out


def file_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns of the file itself, without those ``with_source_kind`` adds (for a download)."""
    return frame.drop(columns="source_kind", errors="ignore")


def file_csv(frame: pd.DataFrame) -> bytes:
    """Rows of a dataset as Excel-ready CSV (UTF-8 with BOM) with the file's own columns (built on click)."""
    return csv_bytes(file_columns(frame))


def coverage(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Per dataset: rows, dates at each precision (every date column: an event's end too), and the
    percentage of rows whose ``source_url`` is of each kind."""
    rows = []
    for name, frame in tables.items():
        dates = [value for column in DATE_COLUMNS if column in frame for value in frame[column] if value]
        by_precision = pd.Series([precision(value) for value in dates], dtype=object).value_counts()
        mix = source_kinds.kind_counts(frame["source_url"]) if "source_url" in frame else {}
        total = sum(mix.values()) or 1
        rows.append(
            {
                "dataset": name,
                "rows": len(frame),
                **{f"dates to the {p}": int(by_precision.get(p, 0)) for p in PRECISIONS},
                **{f"{source_kinds.label(kind)} (%)": round(100 * mix.get(kind, 0) / total) for kind in source_kinds.LABELS},
            }
        )
    table = pd.DataFrame(rows)
    # Kinds no dataset uses (e.g. no copies left) are dropped rather than shown as columns of zeros.
    empty = [column for column in table.columns if column.endswith("(%)") and not table[column].any()]
    return table.drop(columns=empty)


def kind_mix(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Every ``source_url`` of every dataset by kind: count and share, largest first."""
    urls = [url for frame in tables.values() if "source_url" in frame for url in frame["source_url"]]
    counts = source_kinds.kind_counts(urls)
    total = sum(counts.values()) or 1
    table = pd.DataFrame(
        [{"source kind": source_kinds.label(k), "rows": n, "share": f"{n / total:.0%}"} for k, n in counts.items()],
        columns=["source kind", "rows", "share"],
    )
    return table.sort_values("rows", ascending=False, kind="stable").reset_index(drop=True)


def establishment_conflicts(relations: pd.DataFrame) -> pd.DataFrame:
    """One row per alternative establishment date, beside the date used, each with its source."""
    rows = []
    for record in relations[relations["alt_established"] != ""].itertuples(index=False):
        alternatives = zip(record.alt_established.split(";"), record.alt_source_url.split(";"), strict=False)
        for other, other_source in alternatives:
            rows.append(
                {
                    "iso3": record.iso3,
                    "name": record.name,
                    "date used": record.established,
                    "source_url": record.source_url,
                    "other date": other.strip(),
                    "other_source_url": other_source.strip(),
                }
            )
    columns = ["iso3", "name", "date used", "source_url", "other date", "other_source_url"]
    return pd.DataFrame(rows, columns=columns)


def no_relations_conflicts(no_relations: pd.DataFrame) -> pd.DataFrame:
    """States on record as without relations whose notes record a source claiming otherwise."""
    disputed = no_relations[no_relations["notes"].str.contains(CLAIMED_OTHERWISE)]
    return disputed[["iso3", "name", "claim", "notes", "source_url"]].reset_index(drop=True)


def noted_disagreements(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Rows of the other datasets whose notes record that sources disagree."""
    rows = []
    for name, frame in tables.items():
        if name == "no_relations" or "notes" not in frame:
            continue
        key = next((c for c in ("event_id", "gift_id", "iso3", "successor_iso3") if c in frame), frame.columns[0])
        for _index, row in frame[frame["notes"].str.contains(DISAGREEMENT)].iterrows():
            rows.append({"dataset": name, "row": row[key], "notes": row["notes"], "source_url": row.get("source_url", "")})
    return pd.DataFrame(rows, columns=["dataset", "row", "notes", "source_url"])


def nested_markdown(text: str, levels: int = 2) -> str:
    """Markdown with every ATX heading moved ``levels`` down, to sit inside a page section, and
    without HTML comments (the generated sections' markers)."""
    text = re.sub(r"<!--.*?-->\n?", "", text, flags=re.S)
    return re.sub(r"^(#{1,6})(?=\s)", lambda m: "#" * min(6, len(m.group(1)) + levels), text, flags=re.M)


def search(frame: pd.DataFrame, text: str | None) -> pd.DataFrame:
    """Rows with ``text`` in any column (case-insensitive, plain text, not a pattern)."""
    if not text:
        return frame
    haystack = frame.astype(str).agg(" ".join, axis=1).str.casefold()
    return frame[haystack.str.contains(text.casefold(), regex=False)]


def latest_date(frame: pd.DataFrame) -> str:
    """The latest date any row gives, at the precision written ('' if the dataset has none)."""
    dates = [value for column in DATE_COLUMNS if column in frame for value in frame[column] if precision(value)]
    return max(dates, key=date_start, default="")


def project_version(pyproject: Path) -> str:
    """``[project] version`` of pyproject.toml, or 'unversioned' if the file is missing or has none."""
    try:
        return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unversioned"


def fingerprint(contents: Iterable[bytes]) -> str:
    """First 12 hex digits of the SHA-256 of the given file contents: the same bytes, the same print."""
    digest = hashlib.sha256()
    for content in contents:
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class Citation:
    version: str
    filename: str
    rows: int
    latest: str
    fingerprint: str

    def text(self, accessed: str) -> str:
        """A plain-text reference for a dataset, to paste into a paper or a handout."""
        if self.latest:
            text = _(
                "DPRK Relations Atlas, version {version}. Dataset data/{filename} "
                "({rows} rows, latest dated row {latest}; SHA-256 {fingerprint}). Accessed {accessed}."
            )
        else:
            text = _(
                "DPRK Relations Atlas, version {version}. Dataset data/{filename} "
                "({rows} rows; SHA-256 {fingerprint}). Accessed {accessed}."
            )
        return text.format(
            version=self.version,
            filename=self.filename,
            rows=self.rows,
            latest=self.latest,
            fingerprint=self.fingerprint,
            accessed=accessed,
        )


@dataclass(frozen=True)
class Overview:
    """Everything the page computes across datasets; ``errors`` names the files that failed to load."""

    coverage: pd.DataFrame
    kind_mix: pd.DataFrame
    establishment_conflicts: pd.DataFrame
    no_relations_conflicts: pd.DataFrame
    noted_disagreements: pd.DataFrame
    rows: dict[str, int]
    descriptions: dict[str, str]
    errors: dict[str, str]


def overview(tables: Mapping[str, pd.DataFrame], errors: Mapping[str, str] | None = None) -> Overview:
    """Coverage, source kinds and conflicts of the datasets that loaded."""
    empty = pd.DataFrame()
    return Overview(
        coverage=coverage(tables) if tables else empty,
        kind_mix=kind_mix(tables),
        establishment_conflicts=establishment_conflicts(tables["relations"]) if "relations" in tables else empty,
        no_relations_conflicts=no_relations_conflicts(tables["no_relations"]) if "no_relations" in tables else empty,
        noted_disagreements=noted_disagreements(tables),
        rows={name: len(frame) for name, frame in tables.items()},
        descriptions={name: describe_dataset(name, frame) for name, frame in tables.items()},
        errors=dict(errors or {}),
    )
