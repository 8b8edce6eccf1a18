"""Schemas of the atlas's CSV files (pandera), checked once when a file is loaded.

Each schema checks types, allowed values, ISO codes that pycountry knows (current or
historic), partial ISO dates inside the file's date range, and a well-formed ``source_url`` on
every row. Cross-file rules (referential integrity, event order) live in ``atlas.data.loading``; which
file each schema checks is declared in ``atlas.data.registry``.
"""

from __future__ import annotations

import datetime as dt
import re

import pandera.pandas as pa

from atlas.core.countries import known_codes
from atlas.core.dates import date_end, date_start, is_partial_date

DPRK_FOUNDED = dt.date(1948, 9, 9)
# The ROK files reach back to 13 Aug 1948: the Republic of China's exchange of envoys with Seoul
# is dated two days before the ROK government was proclaimed.
ROK_RELATIONS_EARLIEST = dt.date(1948, 8, 1)
TIMELINE_START = dt.date(1945, 1, 1)

URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$")

RELATION_STATUSES = ("active", "suspended", "severed", "dissolved")
RELATION_EVENTS = ("established", "suspended", "severed", "restored", "embassy_opened", "embassy_closed")
MISSION_SIDES = ("dprk_abroad", "in_pyongyang")
MISSION_STATUSES = ("open", "closed", "suspended", "unknown")
# non_resident: accredited from an embassy in another state (the DPRK ambassador in Guyana to the Caribbean).
MISSION_TYPES = ("embassy", "consulate_general", "consulate", "representative_office", "trade_mission", "non_resident")
TERRITORY = ("whole", "part")
# never_had: a source (or the well-known record) says the state never had relations;
# none_at_source_date: a source only lists it without relations when it was written.
NO_RELATION_CLAIMS = ("never_had", "none_at_source_date")
EVENT_CATEGORIES = ("diplomatic", "treaty", "summit", "war", "nuclear", "UN", "sanctions", "inter-Korean")
GIFT_CATEGORIES = ("animal", "vehicle", "sports", "art", "food", "document", "weapon", "other")
GIFT_OCCASIONS = ("summit", "visit", "anniversary", "birthday", "other")


def _in_date_range(earliest: dt.date):
    """Element check: a partial ISO date between ``earliest`` and today (empty allowed)."""

    def check(value: object) -> bool:
        if value is None or value == "":
            return True
        if not is_partial_date(value):
            return False
        # A period may begin before ``earliest`` ('1948' for a relation of November 1948).
        return date_end(str(value)) >= earliest and date_start(str(value)) <= dt.date.today()

    return pa.Check(
        check,
        element_wise=True,
        error=f"must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) from {earliest.isoformat()} to today",
    )


def _known_code(value: object) -> bool:
    return value in known_codes()


def _code_list(value: object) -> bool:
    codes = [c for c in str(value).split(";") if c]
    return bool(codes) and all(c in known_codes() for c in codes)


def _url_list(value: object) -> bool:
    return value == "" or all(URL.match(u.strip()) for u in str(value).split(";"))


KNOWN_CODE = pa.Check(_known_code, element_wise=True, error="must be an ISO 3166 alpha-3 code pycountry knows")
SOURCE_URL = pa.Check.str_matches(URL.pattern, error="must be a full http(s) URL")
OPTIONAL_URL = pa.Check(
    lambda value: value == "" or bool(URL.match(str(value))), element_wise=True, error="must be empty or a full http(s) URL"
)


def _text(nullable: bool = False, checks=None, unique: bool = False) -> pa.Column:
    return pa.Column(str, nullable=nullable, checks=checks or [], unique=unique, coerce=True)


def _required(*checks) -> list:
    return [pa.Check.str_length(min_value=1, error="must not be empty"), *checks]


def _date(earliest: dt.date, required: bool = True) -> pa.Column:
    checks = [_in_date_range(earliest)]
    if required:
        checks.insert(0, pa.Check.str_length(min_value=1, error="must not be empty"))
    return _text(checks=checks)


def with_korean(schema: pa.DataFrameSchema, *columns: str) -> pa.DataFrameSchema:
    """``schema`` with a Korean twin ``<column>_ko`` for each English text column a visitor reads
    (our own Korean; ``atlas.data.loading`` requires it wherever the English is filled)."""
    return schema.add_columns({f"{column}{KOREAN_SUFFIX}": _text() for column in columns})


KOREAN_SUFFIX = "_ko"


def _one_of(values) -> pa.Check:
    return pa.Check.isin(list(values), error=f"must be one of: {', '.join(values)}")


RELATIONS = with_korean(
    pa.DataFrameSchema(
        {
            "iso3": _text(checks=[KNOWN_CODE], unique=True),
            "name": _text(checks=_required()),
            # Empty: relations are documented but no source dates their start (see datasets).
            "established": _date(DPRK_FOUNDED, required=False),
            "alt_established": _text(
                checks=[
                    pa.Check(
                        lambda v: v == "" or all(is_partial_date(x) for x in v.split(";")),
                        element_wise=True,
                        error="must be ';'-separated ISO dates",
                    )
                ]
            ),
            "alt_source_url": _text(checks=[pa.Check(_url_list, element_wise=True, error="must be ';'-separated URLs")]),
            "status": _text(checks=[_one_of(RELATION_STATUSES)]),
            "source_url": _text(checks=[SOURCE_URL]),
            "notes": _text(),
        },
        strict=True,
        ordered=False,
        name="relations",
    ),
    "notes",
)

RELATION_EVENTS_SCHEMA = with_korean(
    pa.DataFrameSchema(
        {
            "iso3": _text(checks=[KNOWN_CODE]),
            "date": _date(DPRK_FOUNDED),
            "event": _text(checks=[_one_of(RELATION_EVENTS)]),
            "mission_side": _text(
                checks=[pa.Check.isin(["", *MISSION_SIDES], error="must be empty or one of: dprk_abroad, in_pyongyang")]
            ),
            "uncertain": _text(checks=[pa.Check.isin(["", "yes"], error="must be empty or 'yes'")]),
            "source_url": _text(checks=[SOURCE_URL]),
            "notes": _text(),
        },
        strict=True,
        ordered=False,
        name="relation_events",
    ),
    "notes",
)

SUCCESSIONS = with_korean(
    pa.DataFrameSchema(
        {
            "predecessor_iso3": _text(checks=[KNOWN_CODE]),
            "successor_iso3": _text(checks=[KNOWN_CODE]),
            "date": _date(DPRK_FOUNDED),
            "territory": _text(checks=[_one_of(TERRITORY)]),
            "continuity": _text(checks=[_one_of(("yes", "no"))]),
            "source_url": _text(checks=[SOURCE_URL]),
            "notes": _text(),
        },
        strict=True,
        ordered=False,
        unique=["predecessor_iso3", "successor_iso3"],
        name="successions",
    ),
    "notes",
)

MISSIONS = with_korean(
    pa.DataFrameSchema(
        {
            "iso3": _text(checks=[KNOWN_CODE]),
            "side": _text(checks=[_one_of(MISSION_SIDES)]),
            "type": _text(checks=[_one_of(MISSION_TYPES)]),
            "city": _text(),
            "opened": _date(DPRK_FOUNDED, required=False),
            "closed": _date(DPRK_FOUNDED, required=False),
            "status": _text(checks=[_one_of(MISSION_STATUSES)]),
            "source_url": _text(checks=[SOURCE_URL]),
            "opened_source_url": _text(checks=[OPTIONAL_URL]),
            "closed_source_url": _text(checks=[OPTIONAL_URL]),
            "closed_uncertain": _text(checks=[pa.Check.isin(["", "yes"], error="must be empty or 'yes'")]),
            "attested": _date(DPRK_FOUNDED, required=False),
            "attested_source_url": _text(checks=[OPTIONAL_URL]),
            "last_attested": _date(DPRK_FOUNDED, required=False),
            "last_attested_source_url": _text(checks=[OPTIONAL_URL]),
            "notes": _text(),
        },
        strict=True,
        ordered=False,
        name="missions",
    ),
    "city",
    "notes",
)

NO_RELATIONS = with_korean(
    pa.DataFrameSchema(
        {
            "iso3": _text(checks=[KNOWN_CODE], unique=True),
            "name": _text(checks=_required()),
            "claim": _text(checks=[_one_of(NO_RELATION_CLAIMS)]),
            "source_url": _text(checks=[SOURCE_URL]),
            "notes": _text(),
        },
        strict=True,
        ordered=False,
        name="no_relations",
    ),
    "notes",
)

EVENTS = with_korean(
    pa.DataFrameSchema(
        {
            "event_id": _text(
                checks=_required(pa.Check.str_matches(r"^[a-z0-9-]+$", error="must be a lower-case slug")), unique=True
            ),
            "date": _date(TIMELINE_START),
            "end_date": _date(TIMELINE_START, required=False),
            "title": _text(checks=_required(pa.Check.str_length(max_value=90, error="must be at most 90 characters"))),
            "summary": _text(checks=_required()),
            "category": _text(checks=[_one_of(EVENT_CATEGORIES)]),
            "countries": _text(
                checks=[pa.Check(_code_list, element_wise=True, error="must be ';'-separated ISO alpha-3 codes pycountry knows")]
            ),
            "source_url": _text(checks=[SOURCE_URL]),
            "notes": _text(),
        },
        strict=True,
        ordered=False,
        name="events",
    ),
    "title",
    "summary",
    "notes",
)

GIFTS = with_korean(
    pa.DataFrameSchema(
        {
            "gift_id": _text(
                checks=_required(pa.Check.str_matches(r"^[a-z0-9-]+$", error="must be a lower-case slug")), unique=True
            ),
            "date": _date(TIMELINE_START),
            "giver": _text(checks=_required()),
            "giver_iso3": _text(checks=[KNOWN_CODE]),
            "recipient": _text(checks=_required()),
            "recipient_iso3": _text(checks=[KNOWN_CODE]),
            "item": _text(checks=_required()),
            "category": _text(checks=[_one_of(GIFT_CATEGORIES)]),
            "occasion": _text(checks=[_one_of(GIFT_OCCASIONS)]),
            "event_id": _text(),
            "source_url": _text(checks=[SOURCE_URL]),
            "notes": _text(),
        },
        strict=True,
        ordered=False,
        name="gifts",
    ),
    "giver",
    "recipient",
    "item",
    "notes",
)


CENTROIDS = pa.DataFrameSchema(
    {
        "iso3": _text(checks=[KNOWN_CODE], unique=True),
        "lon": pa.Column(float, checks=pa.Check.in_range(-180, 180), coerce=True),
        "lat": pa.Column(float, checks=pa.Check.in_range(-90, 90), coerce=True),
        "source_url": _text(checks=[SOURCE_URL]),
    },
    strict=True,
    name="centroids",
)

# The Republic of Korea's relations (issue 13): the same columns and rules as the DPRK files, so
# that one ``RelationsIndex`` answers for either Korea. Only relationship events are recorded.
ROK_RELATIONS = pa.DataFrameSchema(
    {**RELATIONS.columns, "established": _date(ROK_RELATIONS_EARLIEST)},
    strict=True,
    ordered=False,
    name="rok_relations",
)
ROK_RELATION_EVENTS = pa.DataFrameSchema(
    {
        **RELATION_EVENTS_SCHEMA.columns,
        "date": _date(ROK_RELATIONS_EARLIEST),
        "event": _text(checks=[_one_of(("established", "suspended", "severed", "restored"))]),
        "mission_side": _text(checks=[pa.Check.isin([""], error="must be empty (the ROK files record no missions)")]),
    },
    strict=True,
    ordered=False,
    name="rok_relation_events",
)
ROK_SUCCESSIONS = pa.DataFrameSchema(
    dict(SUCCESSIONS.columns),
    strict=True,
    ordered=False,
    unique=["predecessor_iso3", "successor_iso3"],
    name="rok_successions",
)
# dprk, rok: states with relations. The mission sides count missions.csv rows (see coverage.py):
# embassies in Pyongyang, the DPRK's embassies abroad, and all its resident missions abroad.
MISSION_CHECKPOINT_SIDES = ("embassies_in_pyongyang", "dprk_embassies_abroad", "dprk_missions_abroad")
CHECKPOINT_SIDES = ("dprk", "rok", *MISSION_CHECKPOINT_SIDES)
CHECKPOINTS = with_korean(
    pa.DataFrameSchema(
        {
            "side": _text(checks=[_one_of(CHECKPOINT_SIDES)]),
            "date": _date(ROK_RELATIONS_EARLIEST),
            "count": _text(checks=[pa.Check.str_matches(r"^\d+$", error="must be a whole number")]),
            "source_url": _text(checks=[SOURCE_URL]),
            "notes": _text(),
        },
        strict=True,
        ordered=False,
        name="checkpoints",
    ),
    "notes",
)
# The words of the cited page for a day- or month-level date (issue 19): one row per date of
# relations.csv (established, alt_established), relation_events.csv (the event's name) and
# missions.csv (opened, closed). ``source_url`` is the page the data row cites for that date.
DATE_EVIDENCE_FILES = ("relations.csv", "relation_events.csv", "missions.csv")
DAY_OR_MONTH = r"^\d{4}-\d{2}(-\d{2})?$"
DATE_EVIDENCE = pa.DataFrameSchema(
    {
        "file": _text(checks=[_one_of(DATE_EVIDENCE_FILES)]),
        "iso3": _text(checks=[KNOWN_CODE]),
        "field": _text(checks=_required()),
        "date": _text(
            checks=[
                pa.Check.str_matches(DAY_OR_MONTH, error="must be a day- or month-level ISO date (YYYY-MM-DD or YYYY-MM)"),
                _in_date_range(DPRK_FOUNDED),
            ]
        ),
        "evidence": _text(checks=_required()),
        "source_url": _text(checks=[SOURCE_URL]),
    },
    strict=True,
    ordered=False,
    unique=["file", "iso3", "field", "date"],
    name="date_evidence",
)

# Each state's yearly agreement with the DPRK in UN General Assembly roll calls (issue 21), built
# by tools/un_alignment.py from Voeten's voting data: one row per state and year from the DPRK's
# admission in 1991; the DPRK itself has no row.
UN_FIRST_YEAR = 1991
UN_ALIGNMENT = pa.DataFrameSchema(
    {
        "iso3": _text(
            checks=[KNOWN_CODE, pa.Check(lambda v: v != "PRK", element_wise=True, error="must not be the DPRK itself")]
        ),
        "year": pa.Column(
            int,
            checks=pa.Check(
                lambda v: (v >= UN_FIRST_YEAR) & (v <= dt.date.today().year),
                error=f"must be a year from {UN_FIRST_YEAR} (the DPRK's admission to the UN) to this year",
            ),
            coerce=True,
        ),
        "votes": pa.Column(int, checks=pa.Check.ge(1, error="must be at least 1 roll call"), coerce=True),
        "agreement": pa.Column(float, checks=pa.Check.in_range(0, 1, error="must be between 0 and 1"), coerce=True),
        "source_url": _text(checks=[SOURCE_URL]),
    },
    strict=True,
    ordered=False,
    unique=["iso3", "year"],
    name="un_alignment",
)

# Why ties changed (issue 21): treaties, organisations, the Security Council, leaders' visits.
# Each row also quotes its cited page's words for its dates (``evidence``), as date_evidence.csv
# does for the relations files.
TREATY_KINDS = ("alliance", "friendship", "partnership", "inter_korean", "border", "economic", "military", "other")
ORGANISATION_EVENTS = ("joined", "left", "withdrawal_announced", "observer", "suspended", "rejoined")
COUNCIL_OUTCOMES = ("adopted", "vetoed", "not_adopted")
COUNCIL_KINDS = ("war", "admission", "sanctions", "condemnation", "panel_of_experts", "other")
VISIT_KINDS = ("state_visit", "official_visit", "summit", "unofficial_visit", "other")
_SLUG = pa.Check.str_matches(r"^[a-z0-9-]+$", error="must be a lower-case slug")
_COUNT = pa.Check.str_matches(r"^(\d{1,2})?$", error="must be empty or a whole number")


def _with_dprk(value: object) -> bool:
    return "PRK" in str(value).split(";")


TREATIES = with_korean(
    pa.DataFrameSchema(
        {
            "treaty_id": _text(checks=_required(_SLUG), unique=True),
            "title": _text(checks=_required()),
            "kind": _text(checks=[_one_of(TREATY_KINDS)]),
            "parties": _text(
                checks=[
                    pa.Check(_code_list, element_wise=True, error="must be ';'-separated ISO alpha-3 codes pycountry knows"),
                    pa.Check(_with_dprk, element_wise=True, error="must include PRK"),
                ]
            ),
            "signed": _date(DPRK_FOUNDED),
            "in_force": _date(TIMELINE_START, required=False),
            "ended": _date(TIMELINE_START, required=False),
            "end_note": _text(),
            "summary": _text(checks=_required()),
            "source_url": _text(checks=[SOURCE_URL]),
            "evidence": _text(checks=_required()),
            "notes": _text(),
        },
        strict=True,
        ordered=False,
        name="treaties",
    ),
    "title",
    "end_note",
    "summary",
    "notes",
)

ORGANISATIONS = with_korean(
    pa.DataFrameSchema(
        {
            "org_id": _text(checks=_required(pa.Check.str_matches(r"^[a-z0-9_]+$", error="must be a lower-case id"))),
            "name": _text(checks=_required()),
            "abbreviation": _text(),
            "event": _text(checks=[_one_of(ORGANISATION_EVENTS)]),
            "date": _date(DPRK_FOUNDED),
            "source_url": _text(checks=[SOURCE_URL]),
            "evidence": _text(checks=_required()),
            "notes": _text(),
        },
        strict=True,
        ordered=False,
        unique=["org_id", "event", "date"],
        name="organisations",
    ),
    "name",
    "notes",
)

SECURITY_COUNCIL = with_korean(
    pa.DataFrameSchema(
        {
            "record_id": _text(checks=_required(_SLUG), unique=True),
            "date": _date(DPRK_FOUNDED),
            "document": _text(),
            "outcome": _text(checks=[_one_of(COUNCIL_OUTCOMES)]),
            "votes_for": _text(checks=[_COUNT]),
            "votes_against": _text(checks=[_COUNT]),
            "abstentions": _text(checks=[_COUNT]),
            "vetoed_by": _text(
                checks=[
                    pa.Check(
                        lambda v: v == "" or _code_list(v), element_wise=True, error="must be ';'-separated ISO alpha-3 codes"
                    )
                ]
            ),
            "kind": _text(checks=[_one_of(COUNCIL_KINDS)]),
            "summary": _text(checks=_required()),
            "source_url": _text(checks=[SOURCE_URL]),
            "evidence": _text(checks=_required()),
            "notes": _text(),
        },
        strict=True,
        ordered=False,
        name="security_council",
    ),
    "summary",
    "notes",
)

VISITS = with_korean(
    pa.DataFrameSchema(
        {
            "visit_id": _text(checks=_required(_SLUG), unique=True),
            "start_date": _date(TIMELINE_START),
            "end_date": _date(TIMELINE_START, required=False),
            "leader": _text(checks=_required()),
            "leader_iso3": _text(checks=[KNOWN_CODE]),
            "host_iso3": _text(checks=[KNOWN_CODE]),
            "places": _text(),
            "kind": _text(checks=[_one_of(VISIT_KINDS)]),
            "summary": _text(checks=_required()),
            "source_url": _text(checks=[SOURCE_URL]),
            "evidence": _text(checks=_required()),
            "notes": _text(),
        },
        strict=True,
        ordered=False,
        name="visits",
    ),
    "leader",
    "places",
    "summary",
    "notes",
)
