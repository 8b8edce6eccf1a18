"""Reading and validating the atlas's CSV files (pure: no Streamlit).

Every file is read as text (dates keep the precision the source gives), validated against its
schema in ``schemas`` and, for the relations files, against each other. Any problem raises
``DataError`` naming the file, the line, the column and what is wrong, so the app can show one
readable message instead of a traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.errors

from atlas.core import i18n
from atlas.core.countries import country_name, is_historic
from atlas.core.dates import date_end, date_start
from atlas.core.i18n import _
from atlas.core.paths import DATA_DIR
from atlas.data.registry import DATASETS, Dataset
from atlas.data.schemas import KOREAN_SUFFIX


def data_dir() -> Path:
    """The data folder: ``data/`` beside the code, or ``ATLAS_DATA_DIR`` (used by tests)."""
    return Path(os.environ.get("ATLAS_DATA_DIR") or DATA_DIR)


RELATIONSHIP_EVENTS = ("established", "suspended", "severed", "restored")
STATUS_AFTER_EVENT = {"established": "active", "restored": "active", "suspended": "suspended", "severed": "severed"}


class DataError(Exception):
    """A data file is missing, unreadable or breaks a rule; ``str()`` is the user-facing text."""

    def __init__(self, filename: str, message: str, line: int | None = None, column: str | None = None):
        self.filename = filename
        self.line = line
        self.column = column
        self.message = message
        if line is not None and column:
            text = _("data/{filename}, line {line}, column '{column}': {message}")
        elif line is not None:
            text = _("data/{filename}, line {line}: {message}")
        elif column:
            text = _("data/{filename}, column '{column}': {message}")
        else:
            text = _("data/{filename}: {message}")
        super().__init__(text.format(filename=filename, line=line, column=column, message=message))


def _line(index: int) -> int:
    """CSV line of a DataFrame row (line 1 is the header)."""
    return int(index) + 2


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as fh:
        fh.seek(0, os.SEEK_END)
        if fh.tell() == 0:
            return True
        fh.seek(-1, os.SEEK_END)
        return fh.read(1) == b"\n"


def _check_predecessors(successions: pd.DataFrame, known: set[str], filename: str, relations_file: str) -> None:
    """Every predecessor in a successions file has its own row in the relations file it goes with."""
    for index, row in successions.iterrows():
        if row["predecessor_iso3"] not in known:
            raise DataError(
                filename,
                _("predecessor {code} has no row in {file}").format(code=row["predecessor_iso3"], file=relations_file),
                _line(index),
                "predecessor_iso3",
            )


def read_table(name: str, folder: Path | None = None, localize: bool = True) -> pd.DataFrame:
    """Read and schema-check one dataset of the registry; raise ``DataError`` on any problem.

    With ``localize`` (the default) the text columns hold the run's language (``localized``);
    without, the file's own columns, Korean twins included (the Data page shows the file as it is).
    """
    spec: Dataset = DATASETS[name]
    path = Path(folder or data_dir()) / spec.filename
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise DataError(spec.filename, _("the file is missing")) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, OSError) as exc:
        reason = _("the file cannot be read as CSV ({error})").format(error=f"{exc.__class__.__name__}: {exc}")
        raise DataError(spec.filename, reason) from None
    if not _ends_with_newline(path):
        # A copy cut off mid-row can still parse (the last row just loses its tail): refuse it.
        truncated = _("the file ends in the middle of a line, so it looks truncated")
        raise DataError(spec.filename, truncated, line=len(frame) + 1)
    frame = frame.apply(lambda col: col.str.strip())
    try:
        frame = spec.schema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        raise _first_failure(spec, frame, exc) from None
    _check_korean(spec, frame)
    return localized(frame, spec) if localize else frame


def _check_korean(spec: Dataset, frame: pd.DataFrame) -> None:
    """Every English text a visitor reads has its Korean (a row added in English only is refused)."""
    for column in spec.translated:
        twin = column + KOREAN_SUFFIX
        gaps = frame.index[(frame[column] != "") & (frame[twin] == "")]
        if len(gaps):
            index = int(gaps[0])
            key_value = frame.at[index, spec.key] if spec.key in frame.columns else ""
            label = f" ({spec.key} {key_value})" if key_value else ""
            raise DataError(
                spec.filename, f"{twin} must not be empty where {column} is filled{label}", line=_line(index), column=twin
            )


# The columns that hold a state's English name; in Korean they show the Korean name of its code.
_NAME_COLUMNS = {"name": "iso3"}


def localized(frame: pd.DataFrame, spec: Dataset, lang: str | None = None) -> pd.DataFrame:
    """``frame`` with its text in ``lang`` (the run's language when None), Korean twins removed:
    the columns keep their English names, so every query and figure reads one set of columns."""
    lang = lang or i18n.current()
    twins = [column + KOREAN_SUFFIX for column in spec.translated]
    shown = frame.drop(columns=twins)
    if lang == i18n.KOREAN:
        for column in spec.translated:
            korean = frame[column + KOREAN_SUFFIX]
            shown[column] = korean.where(korean != "", frame[column])
        for column, code in _NAME_COLUMNS.items():
            if column in shown.columns and code in shown.columns:
                shown[column] = shown[code].map(country_name)
    return shown


def _first_failure(spec: Dataset, frame: pd.DataFrame, exc: pandera.errors.SchemaErrors) -> DataError:
    cases = exc.failure_cases
    column_cases = cases[cases["index"].notna()] if "index" in cases else cases.iloc[0:0]
    if len(column_cases):
        first = column_cases.sort_values("index").iloc[0]
        index = int(first["index"])
        column = first["column"] if isinstance(first["column"], str) else None
        key_value = frame.at[index, spec.key] if spec.key in frame.columns else ""
        value = first["failure_case"]
        reason = _check_text(spec, column, first["check"])
        duplicate = "field_uniqueness" in str(first["check"]) or "unique" in str(first["check"])
        if duplicate:
            reason = _("duplicate value {value}: each {column} may appear only once").format(value=repr(value), column=column)
        else:
            reason = _("{reason} (found {value})").format(reason=reason, value=repr(value))
        label = f" ({spec.key} {key_value})" if key_value and column != spec.key else ""
        return DataError(spec.filename, reason + label, line=_line(index), column=column)
    first = cases.iloc[0]
    column = first["column"] if isinstance(first["column"], str) else None
    check = str(first["check"])
    if check == "column_in_dataframe":
        return DataError(spec.filename, _("the column '{column}' is missing").format(column=first["failure_case"]))
    if check == "column_in_schema":
        return DataError(spec.filename, _("unexpected column '{column}'").format(column=first["failure_case"]))
    return DataError(spec.filename, f"{check}: {first['failure_case']}", column=column)


def _check_text(spec: Dataset, column: str | None, check: object) -> str:
    """The error text a schema gives for one of its checks (pandera reports the check's name)."""
    if column and column in spec.schema.columns:
        for candidate in spec.schema.columns[column].checks:
            if candidate.error and (str(check) == candidate.error or str(check) == candidate.name):
                return candidate.error
    return str(check)


@dataclass(frozen=True)
class RelationsData:
    """The relations files, validated together."""

    relations: pd.DataFrame
    events: pd.DataFrame
    successions: pd.DataFrame
    missions: pd.DataFrame
    no_relations: pd.DataFrame


def load_relations_data(folder: Path | None = None) -> RelationsData:
    """Read the five relations files and check the rules that tie them together."""
    data = RelationsData(
        relations=read_table("relations", folder),
        events=read_table("relation_events", folder),
        successions=read_table("successions", folder),
        missions=read_table("missions", folder),
        no_relations=read_table("no_relations", folder),
    )
    check_relations_integrity(data)
    return data


def check_relations_integrity(data: RelationsData) -> None:
    """Raise ``DataError`` for the first broken cross-file rule."""
    rel, ev = data.relations, data.events
    known = set(rel["iso3"])

    for index, row in ev.iterrows():
        if row["iso3"] not in known:
            missing = _("{code} has no row in {file}").format(code=row["iso3"], file="relations.csv")
            raise DataError("relation_events.csv", missing, _line(index), "iso3")
        embassy = row["event"].startswith("embassy_")
        if embassy and not row["mission_side"]:
            whose = _("an embassy event must say whose mission it is")
            raise DataError("relation_events.csv", whose, _line(index), "mission_side")
        if not embassy and row["mission_side"]:
            only = _("only embassy events have a mission side")
            raise DataError("relation_events.csv", only, _line(index), "mission_side")

    established = ev[ev["event"] == "established"]
    for index, row in rel.iterrows():
        own = established[established["iso3"] == row["iso3"]]
        if not row["established"]:
            _check_undated(row, own, ev[ev["iso3"] == row["iso3"]], index)
            continue
        if own.empty:
            raise DataError(
                "relations.csv",
                _("{code} has no 'established' event in relation_events.csv").format(code=row["iso3"]),
                _line(index),
                "established",
            )
        if row["established"] not in set(own["date"]):
            raise DataError(
                "relations.csv",
                _("{code}: established {date} does not match relation_events.csv ({dates})").format(
                    code=row["iso3"], date=row["established"], dates=", ".join(own["date"])
                ),
                _line(index),
                "established",
            )
        start = date_start(row["established"])
        mine = ev[ev["iso3"] == row["iso3"]]
        for ev_index, ev_row in mine.iterrows():
            # Compare periods, not points: an embassy dated '2001' is not before relations of 2001-03-01.
            if date_end(ev_row["date"]) < start:
                raise DataError(
                    "relation_events.csv",
                    _("{code}: '{event}' on {date} is before relations were established ({established})").format(
                        code=row["iso3"], event=ev_row["event"], date=ev_row["date"], established=row["established"]
                    ),
                    _line(ev_index),
                    "date",
                )
        expected = _status_from_events(mine)
        if row["status"] == "dissolved":
            if not is_historic(row["iso3"]):
                raise DataError(
                    "relations.csv",
                    _("{code} is a current state, so it cannot be 'dissolved'").format(code=row["iso3"]),
                    _line(index),
                    "status",
                )
        elif row["status"] != expected:
            raise DataError(
                "relations.csv",
                _("{code}: status '{status}' contradicts its last event in relation_events.csv (implies '{expected}')").format(
                    code=row["iso3"], status=row["status"], expected=expected
                ),
                _line(index),
                "status",
            )
        if row["alt_established"] and len(row["alt_established"].split(";")) != len(row["alt_source_url"].split(";")):
            each = _("each alternative date needs its own source URL")
            raise DataError("relations.csv", each, _line(index), "alt_source_url")

    _check_predecessors(data.successions, known, "successions.csv", "relations.csv")

    # A mission may exist without relations (France's cooperation office in Pyongyang).
    parties = known | set(data.no_relations["iso3"])
    for index, row in data.missions.iterrows():
        if row["iso3"] not in parties:
            raise DataError(
                "missions.csv",
                _("{code} has no row in relations.csv or no_relations.csv").format(code=row["iso3"]),
                _line(index),
                "iso3",
            )
        if row["opened"] and row["closed"] and date_start(row["closed"]) < date_start(row["opened"]):
            raise DataError("missions.csv", _("closed before it opened"), _line(index), "closed")
        if row["opened_source_url"] and not row["opened"]:
            raise DataError(
                "missions.csv", _("a source for an opening date the row does not give"), _line(index), "opened_source_url"
            )
        if row["closed_uncertain"] and not row["closed"]:
            raise DataError(
                "missions.csv", _("an uncertain closing date the row does not give"), _line(index), "closed_uncertain"
            )
        if row["closed_source_url"] and not row["closed"]:
            raise DataError(
                "missions.csv", _("a source for a closing date the row does not give"), _line(index), "closed_source_url"
            )
        if bool(row["attested"]) != bool(row["attested_source_url"]):
            raise DataError("missions.csv", _("an earliest record needs both its date and its source"), _line(index), "attested")
        if row["attested"] and row["opened"]:
            raise DataError(
                "missions.csv", _("an earliest record is only for a mission whose opening is not dated"), _line(index), "attested"
            )
        if row["attested"] and row["closed"] and date_start(row["closed"]) < date_start(row["attested"]):
            raise DataError("missions.csv", _("closed before its earliest record"), _line(index), "closed")
        if bool(row["last_attested"]) != bool(row["last_attested_source_url"]):
            raise DataError(
                "missions.csv", _("a latest record needs both its date and its source"), _line(index), "last_attested"
            )
        if row["last_attested"] and (row["closed"] or row["status"] not in ("closed", "unknown")):
            raise DataError(
                "missions.csv",
                _("a latest record is only for a mission closed on an unknown date or of unknown fate"),
                _line(index),
                "last_attested",
            )
        first = row["opened"] or row["attested"]
        if row["last_attested"] and first and date_start(row["last_attested"]) < date_start(first):
            raise DataError("missions.csv", _("a latest record before the mission opened"), _line(index), "last_attested")

    for index, row in data.no_relations.iterrows():
        if row["iso3"] in known:
            also = _("{code} is also in {file}").format(code=row["iso3"], file="relations.csv")
            raise DataError("no_relations.csv", also, _line(index), "iso3")


def _check_undated(row: pd.Series, own_established: pd.DataFrame, mine: pd.DataFrame, index: int) -> None:
    """Rules for a relation whose start no source dates (``established`` left empty).

    Its notes must say what documents the relation; it has no dated establishment anywhere (an
    'established' event or an alternative date would be a date to put in ``established``), and
    its status still follows its dated events, if any (a severance, say).
    """
    if not row["notes"]:
        raise DataError(
            "relations.csv",
            _("{code}: a relation without an establishment date needs notes saying what documents it").format(code=row["iso3"]),
            _line(index),
            "notes",
        )
    if not own_established.empty:
        raise DataError(
            "relations.csv",
            _("{code}: established is empty but relation_events.csv dates it ({dates})").format(
                code=row["iso3"], dates=", ".join(own_established["date"])
            ),
            _line(index),
            "established",
        )
    if row["alt_established"]:
        raise DataError(
            "relations.csv",
            _("{code}: an alternative date needs a main date in established").format(code=row["iso3"]),
            _line(index),
            "alt_established",
        )
    expected = _status_from_events(mine)
    if row["status"] != expected and not (row["status"] == "dissolved" and is_historic(row["iso3"])):
        raise DataError(
            "relations.csv",
            _("{code}: status '{status}' contradicts its last event in relation_events.csv (implies '{expected}')").format(
                code=row["iso3"], status=row["status"], expected=expected
            ),
            _line(index),
            "status",
        )


def _status_from_events(events: pd.DataFrame) -> str:
    """Status implied by the latest relationship event (ties keep file order)."""
    relationship = events[events["event"].isin(RELATIONSHIP_EVENTS)]
    if relationship.empty:
        return "active"
    ordered = relationship.assign(_start=relationship["date"].map(date_start)).sort_values("_start", kind="stable")
    return STATUS_AFTER_EVENT[ordered.iloc[-1]["event"]]


def load_gifts(folder: Path | None = None) -> pd.DataFrame:
    """Gifts, checked against the events they point to and for a DPRK party on exactly one side."""
    gifts = read_table("gifts", folder)
    event_ids = set(read_table("events", folder)["event_id"])
    for index, row in gifts.iterrows():
        if row["event_id"] and row["event_id"] not in event_ids:
            unknown = _("event {event} is not in events.csv").format(event=repr(row["event_id"]))
            raise DataError("gifts.csv", unknown, _line(index), "event_id")
        if (row["giver_iso3"] == "PRK") == (row["recipient_iso3"] == "PRK"):
            one = _("exactly one of giver_iso3 and recipient_iso3 must be PRK")
            raise DataError("gifts.csv", one, _line(index), "giver_iso3")
    return gifts


# The Republic of Korea's files (issue 13) reuse the DPRK files' rules and ``RelationsIndex``.
_ROK_FILE_NAMES = {"relations.csv": "rok_relations.csv", "relation_events.csv": "rok_relation_events.csv"}


def load_rok_relations_data(folder: Path | None = None) -> RelationsData:
    """The ROK's relations as a ``RelationsData`` (no missions, no no-relations list).

    Successions come from ``successions.csv`` where the predecessor had relations with Seoul,
    plus ``rok_successions.csv`` for the few the DPRK files do not need (South Yemen).
    """
    relations = read_table("rok_relations", folder)
    events = read_table("rok_relation_events", folder)
    own_successions = read_table("rok_successions", folder)
    known = set(relations["iso3"])
    _check_predecessors(own_successions, known, "rok_successions.csv", "rok_relations.csv")
    shared = read_table("successions", folder)
    shared = shared[shared["predecessor_iso3"].isin(known)]
    pairs = set(zip(shared["predecessor_iso3"], shared["successor_iso3"], strict=True))
    extra = own_successions[
        [(p, s) not in pairs for p, s in zip(own_successions["predecessor_iso3"], own_successions["successor_iso3"], strict=True)]
    ]
    data = RelationsData(
        relations=relations,
        events=events,
        successions=pd.concat([shared, extra], ignore_index=True),
        missions=pd.DataFrame(columns=DATASETS["missions"].localized_columns, dtype=str),
        no_relations=pd.DataFrame(columns=DATASETS["no_relations"].localized_columns, dtype=str),
    )
    try:
        check_relations_integrity(data)
    except DataError as exc:
        rename = _ROK_FILE_NAMES.get(exc.filename, exc.filename)
        message = exc.message
        for dprk_name, rok_name in _ROK_FILE_NAMES.items():
            message = message.replace(dprk_name, rok_name)
        raise DataError(rename, message, exc.line, exc.column) from None
    return data
