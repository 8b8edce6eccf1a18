"""Build data/un_alignment.csv: each state's yearly agreement with the DPRK in UN General Assembly roll calls.

    python -m tools.un_alignment --raw DIR --write    # rebuild the table from the raw data in DIR
    python -m tools.un_alignment --check              # check the shipped table against its rules
    python -m tools.un_alignment --raw DIR --check    # also rebuild it from DIR and compare (exit 1 if it differs)

Source: Erik Voeten, Anton Strezhnev and Michael Bailey, "United Nations General Assembly Voting
Data", Harvard Dataverse, doi:10.7910/DVN/LEJUQZ (CC0), as packaged by the ``unvotes`` R package
(David Robinson): DIR holds its ``un_votes.rda`` (one row per state and roll call, columns
``rcid``, ``country``, ``country_code`` (ISO 3166-1 alpha-2), ``vote``) and ``un_roll_calls.rda``
(one row per roll call: ``rcid``, ``session``, ``date``…); ``.RData`` files with those objects
work too. The table shipped was built from the package's files at its commit 7eb7034 of
8 March 2021, which rebuilt them from the Dataverse release downloaded on 21 February 2021:
sessions 1 to 74 (6,203 roll calls), the last vote on 14 January 2020; SHA-256 of
``un_votes.rda`` cf814a48bc536e8f87f8e027942ac515fe6aae9d63cd71dd88ed718b14887e87 and of
``un_roll_calls.rda`` ff2070ae600cfd32176c6d149637306b9b677d6b910f48bec59a15357d673b4b. The raw
files are not in this repository (they stay outside it, e.g. under /tmp); only this code and its
output are.

The rule (``atlas.queries.un_votes.alignment``): over the roll calls of a year in which both the
state and the DPRK voted yes, abstain or no, score yes = 1, abstain = 0.5, no = 0 and average
``1 - |state - DPRK|`` (yes/yes = 1, yes/abstain = 0.5, yes/no = 0); absences do not count. A
year is the year its General Assembly session opened (session + 1945, Voeten's ``year``), from
1991 (the DPRK was admitted on 17 September 1991, the 46th session's first day) to 2019 (the
74th session, the last in the data; its one roll call of January 2020 counts for 2019). Every
state that voted with the DPRK in a year has a row for it, the Republic of Korea (``KOR``)
included for comparison; the DPRK itself has none.

Country codes: the package's alpha-2 codes become alpha-3 through pycountry; dissolved states
take their ISO 3166-3 codes (``CS`` -> ``CSK``). The package files every vote of Belgrade under
``YU``, so it is dated as in ``data/successions.csv``: ``YUG`` before the Federal Republic of
Yugoslavia of 27 April 1992, ``SCG`` (the FRY, later Serbia and Montenegro) until 5 June 2006,
``SRB`` from then on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import pandas as pd
import pycountry

from atlas.data.loading import DataError, data_dir, read_table
from atlas.data.registry import DATASETS
from atlas.queries.un_votes import FIRST_YEAR, alignment, session_year

SOURCE_URL = "https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/LEJUQZ"
NAME = "un_alignment"
RAW_TABLES = ("un_votes", "un_roll_calls")
RAW_SUFFIXES = (".rda", ".RData", ".rdata")

# Alpha-2 codes of dissolved states, which pycountry lists by their four-letter ISO 3166-3 codes.
HISTORIC = {"CS": "CSK", "DD": "DDR", "YD": "YMD", "SU": "SUN", "YU": "YUG"}
# Belgrade's seat (YU above), re-dated (the same days as data/successions.csv: YUG -> SCG, SCG -> SRB).
BELGRADE = "YU"
FRY_FROM = dt.date(1992, 4, 27)
SERBIA_FROM = dt.date(2006, 6, 5)


def read_raw(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``un_votes`` and ``un_roll_calls`` from the R data files in ``folder``."""
    import pyreadr  # only the rebuild needs it (requirements-dev.txt)

    frames = []
    for name in RAW_TABLES:
        paths = [folder / f"{name}{suffix}" for suffix in RAW_SUFFIXES]
        path = next((p for p in paths if p.is_file()), None)
        if path is None:
            raise FileNotFoundError(f"{folder}: no {name}.rda (or .RData)")
        objects = pyreadr.read_r(str(path))
        if name in objects:
            frame = objects[name]
        elif len(objects) == 1:
            frame = next(iter(objects.values()))
        else:
            raise ValueError(f"{path}: no object named {name}")
        frames.append(frame.reset_index(drop=True))
    return frames[0], frames[1]


def alpha3(code: object) -> str | None:
    """The alpha-3 code of a dataset's alpha-2 code (None for a missing one); ValueError if unknown."""
    if code is None or pd.isna(code) or str(code).strip() == "":
        return None
    code = str(code).strip().upper()
    if code in HISTORIC:
        return HISTORIC[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise ValueError(f"unknown country code {code!r} in the raw votes")
    return country.alpha_3


def with_iso3(votes: pd.DataFrame, roll_calls: pd.DataFrame) -> pd.DataFrame:
    """``votes`` with an ``iso3`` column: the alpha-3 code of the state that cast each vote.

    Raises ``ValueError`` for a code pycountry does not know, or for a vote without a code in a
    year the table covers (older ones, such as West Germany's, are let through without a code).
    """
    out = votes.copy()
    codes = out["country_code"].astype("string")
    lookup = {code: alpha3(code) for code in codes.dropna().unique()}
    out["iso3"] = codes.map(lookup).astype("object").where(codes.notna(), None)
    rcid = pd.to_numeric(out["rcid"]).astype("int64")
    calls = roll_calls.assign(rcid=pd.to_numeric(roll_calls["rcid"]).astype("int64")).drop_duplicates("rcid")
    calls = calls.set_index("rcid")
    dates = pd.to_datetime(rcid.map(calls["date"]), errors="coerce").dt.date
    belgrade = (codes == BELGRADE).fillna(False).to_numpy()
    if belgrade.any():
        when = dates[belgrade]
        if when.isna().any():
            raise ValueError("a vote of Belgrade (YU) has a roll call without a date")
        out.loc[belgrade, "iso3"] = ["YUG" if d < FRY_FROM else "SCG" if d < SERBIA_FROM else "SRB" for d in when]
    years = rcid.map(session_year(calls["session"]))
    uncoded = out["iso3"].isna() & (years >= FIRST_YEAR)
    if uncoded.any():
        row = out[uncoded].iloc[0]
        raise ValueError(f"a vote in roll call {row['rcid']} ({row.get('country', '?')}) has no country code")
    return out


def build(votes: pd.DataFrame, roll_calls: pd.DataFrame) -> pd.DataFrame:
    """The table of ``data/un_alignment.csv`` from the raw frames."""
    table = alignment(with_iso3(votes, roll_calls), roll_calls)
    table["source_url"] = SOURCE_URL
    return table[list(DATASETS[NAME].columns)]


def csv_text(table: pd.DataFrame) -> str:
    return table.to_csv(index=False, lineterminator="\n", float_format="%.3f")


def problems(folder: Path) -> list[str]:
    """What is wrong with the table in ``folder`` (its schema: codes, ranges, one row per state and year)."""
    try:
        read_table(NAME, folder)
    except DataError as exc:
        return [str(exc)]
    return []


def summary(table: pd.DataFrame) -> str:
    return (
        f"{len(table)} rows, {table['iso3'].nunique()} states, years {table['year'].min()}-{table['year'].max()}"
        if len(table)
        else "no rows"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="rebuild data/un_alignment.csv from --raw")
    mode.add_argument("--check", action="store_true", help="check the table (and, with --raw, that it rebuilds the same)")
    parser.add_argument("--raw", type=Path, help="folder with un_votes.rda and un_roll_calls.rda")
    parser.add_argument("--data-dir", type=Path, default=None, help="folder of the table (default: data/)")
    args = parser.parse_args(argv)
    folder = Path(args.data_dir or data_dir())
    path = folder / DATASETS[NAME].filename
    if args.write and args.raw is None:
        parser.error("--write needs --raw DIR")

    if args.raw is not None:
        table = build(*read_raw(args.raw))
        if args.write:
            path.write_text(csv_text(table), encoding="utf-8")
            print(f"wrote {path}: {summary(table)}")
        elif not path.is_file() or path.read_text(encoding="utf-8") != csv_text(table):
            print(f"{path} differs from the table rebuilt from {args.raw}; run with --write")
            return 1
    found = problems(folder)
    for problem in found:
        print(problem)
    if found:
        return 1
    if args.check:
        print(f"{path} is consistent" + (f" and rebuilds the same from {args.raw}" if args.raw else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
