"""Small synthetic datasets for unit tests (example.org sources: test data, not facts)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from atlas.data.loading import DATA_DIR
from atlas.data.registry import DATASETS
from atlas.data.schemas import KOREAN_SUFFIX

SRC = "https://example.org/source"
ROOT = Path(__file__).resolve().parents[2]


def write_csv(path: Path, rows: list[dict], columns: list[str]) -> None:
    """Rows to CSV; a Korean twin a row does not give is filled with a marked copy of its English
    (the loader requires Korean wherever English is filled; tests of Korean give their own)."""
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            full = {c: row.get(c, "") for c in columns}
            for column in columns:
                english = column.removesuffix(KOREAN_SUFFIX)
                if column.endswith(KOREAN_SUFFIX) and not full[column] and full.get(english):
                    full[column] = f"(한국어) {full[english]}"
            writer.writerow(full)


def columns(name: str) -> list[str]:
    return list(DATASETS[name].schema.columns)


def copy_shipped_data(target: Path) -> Path:
    """A writable copy of the shipped data folder (for corruption tests)."""
    shutil.copytree(DATA_DIR, target)
    return target


def synthetic_data(target: Path) -> Path:
    """A tiny world: USSR -> Russia/Ukraine, East Germany -> Germany, a suspension, a severance."""
    target.mkdir(parents=True, exist_ok=True)
    relations = [
        dict(iso3="SUN", name="Soviet Union", established="1948-10-12", status="dissolved", source_url=SRC),
        dict(iso3="RUS", name="Russia", established="1948-10-12", status="active", source_url=SRC),
        dict(iso3="UKR", name="Ukraine", established="1992-01-09", status="severed", source_url=SRC),
        dict(iso3="DDR", name="East Germany", established="1949-11", status="dissolved", source_url=SRC),
        dict(iso3="DEU", name="Germany", established="2001-03-01", status="active", source_url=SRC),
        dict(iso3="AUS", name="Australia", established="1974-07-31", status="active", source_url=SRC),
        dict(
            iso3="MYS",
            name="Malaysia",
            established="1973",
            status="severed",
            source_url=SRC,
            alt_established="1973-06-30",
            alt_source_url="https://example.org/other",
        ),
        # Relations documented, start undated: one still active, one severed on a known day.
        dict(iso3="NER", name="Niger", established="", status="active", source_url=SRC, notes="Ambassadors accredited."),
        dict(iso3="WSM", name="Samoa", established="", status="severed", source_url=SRC, notes="Ties cut in 1983."),
    ]
    events = [
        dict(iso3="SUN", date="1948-10-12", event="established", source_url=SRC),
        dict(iso3="RUS", date="1948-10-12", event="established", source_url=SRC),
        dict(iso3="UKR", date="1992-01-09", event="established", source_url=SRC),
        dict(iso3="UKR", date="2022-07-13", event="severed", source_url=SRC),
        dict(iso3="DDR", date="1949-11", event="established", source_url=SRC),
        dict(iso3="DEU", date="2001-03-01", event="established", source_url=SRC),
        dict(iso3="AUS", date="1974-07-31", event="established", source_url=SRC),
        dict(iso3="AUS", date="1975-11", event="suspended", source_url=SRC),
        dict(iso3="AUS", date="2000-05", event="restored", source_url=SRC),
        dict(iso3="AUS", date="1975", event="embassy_opened", mission_side="in_pyongyang", source_url=SRC),
        dict(iso3="MYS", date="1973", event="established", source_url=SRC),
        dict(iso3="MYS", date="2021-03-19", event="severed", source_url=SRC),
        dict(iso3="WSM", date="1983-11-04", event="severed", source_url=SRC),
    ]
    successions = [
        dict(
            predecessor_iso3="SUN", successor_iso3="RUS", date="1991-12-26", territory="whole", continuity="yes", source_url=SRC
        ),
        dict(predecessor_iso3="SUN", successor_iso3="UKR", date="1991-12-26", territory="whole", continuity="no", source_url=SRC),
        dict(predecessor_iso3="SUN", successor_iso3="EST", date="1991-09-06", territory="whole", continuity="no", source_url=SRC),
        dict(predecessor_iso3="DDR", successor_iso3="DEU", date="1990-10-03", territory="part", continuity="no", source_url=SRC),
    ]
    missions = [
        dict(
            iso3="AUS",
            side="in_pyongyang",
            type="embassy",
            city="Pyongyang",
            opened="1975",
            closed="1975",
            status="closed",
            source_url=SRC,
        ),
        dict(iso3="RUS", side="in_pyongyang", type="embassy", city="Pyongyang", status="open", source_url=SRC),
    ]
    never = [
        dict(iso3="USA", name="United States", claim="never_had", source_url=SRC),
        dict(iso3="EST", name="Estonia", claim="never_had", source_url=SRC),
        dict(iso3="TON", name="Tonga", claim="none_at_source_date", source_url=SRC),
    ]
    write_csv(target / "relations.csv", relations, columns("relations"))
    write_csv(target / "relation_events.csv", events, columns("relation_events"))
    write_csv(target / "successions.csv", successions, columns("successions"))
    write_csv(target / "missions.csv", missions, columns("missions"))
    write_csv(target / "no_relations.csv", never, columns("no_relations"))
    return target
