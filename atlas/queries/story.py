"""Story mode for the classroom: eight chapters from 1945 to today (pure: no Streamlit).

A chapter is bounded by two events of ``data/events.csv`` (the last one runs to today), names
its key events and a gift of ``data/gifts.csv`` by id, and tells its story in a text template.
The templates hold no digits and no dates: every number and date is filled in from the data
(``chapter_facts``), so a corrected row corrects the story too. ``{date[<event_id>]}`` is an
event's date, ``{with_end}`` the partners with relations at the chapter's end, and so on.
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass

import pandas as pd

from atlas.core import links
from atlas.core.countries import DPRK, country_name
from atlas.core.dates import date_end, date_start, format_partial, year_end
from atlas.core.i18n import N_, _
from atlas.queries import changes
from atlas.queries.relations import RelationsIndex, count_with_relations


@dataclass(frozen=True)
class Chapter:
    title: str  # English, marked for the catalog: shown with ``_(chapter.title)``
    start_event: str  # event_id whose date opens the chapter
    end_event: str | None  # event_id whose date closes it; None: today
    text: str  # template (English, marked for the catalog), translated and filled by ``chapter_text``
    key_events: tuple[str, ...]
    gift: str  # gift_id from the period
    dual_korea: bool = False  # the race with Seoul: show both Koreas' maps where the app has them
    # A second paragraph from the record of why ties changed (treaties, the Security Council, leaders'
    # visits, UN votes): a template like ``text``, filled by ``record_text`` from ``record_facts``.
    record: str = ""


CHAPTERS: tuple[Chapter, ...] = (
    Chapter(
        title=N_("The Soviet-bloc beginning"),
        start_event="1945-liberation-of-korea-from-japanese-rule",
        end_event="1950-korean-war",
        text=N_(
            "Japan's colonial rule over Korea ended on {date[1945-liberation-of-korea-from-japanese-rule]}, and the "
            "peninsula was split into a Soviet occupation zone in the north and an American zone in the south. "
            "On {date[1948-founding-of-the-dprk]} the Democratic People's Republic of Korea was proclaimed in "
            "Pyongyang. The Soviet Union was the first state to recognise it, on "
            "{date[1948-ussr-establishes-diplomatic-relations-with-the]}. By {end}, {with_end} states had "
            "diplomatic relations with the new state: {established_names}."
        ),
        key_events=(
            "1948-founding-of-the-dprk",
            "1948-ussr-establishes-diplomatic-relations-with-the",
            "1949-prc-and-dprk-establish-diplomatic-relations",
            "1949-east-germany-and-the-dprk-open",
        ),
        gift="1949-vase-inlaid-in-mother-of",
    ),
    Chapter(
        title=N_("The Korean War"),
        start_event="1950-korean-war",
        end_event="1953-kim-il-sung-s-state-visit",
        text=N_(
            "On {date[1950-korean-war]} North Korean forces invaded the South. The UN Security Council asked "
            "member states to help the South repel the attack ({date[1950-unsc-resolution-83]}). A landing at "
            "Incheon on {date[1950-incheon-landing]} turned the war, and Chinese forces entered it on the North's "
            "side on {date[1950-chinese-people-s-volunteers-cross-the]}. The armistice of "
            "{date[1953-korean-armistice-agreement]} stopped the fighting and set up the demilitarised zone, but "
            "no peace treaty followed. The war barely moved the North's diplomatic map: {with_start} partners "
            "when it began, {with_end} when Kim Il Sung visited Beijing on {end}."
        ),
        key_events=(
            "1950-korean-war",
            "1950-unsc-resolution-83",
            "1950-chinese-people-s-volunteers-cross-the",
            "1953-korean-armistice-agreement",
        ),
        gift="1953-embroidered-picture-tiger-and-two",
    ),
    Chapter(
        title=N_("Between Moscow and Beijing"),
        start_event="1953-kim-il-sung-s-state-visit",
        end_event="1961-sino-dprk-treaty-of-friendship-and",
        text=N_(
            "After the war Pyongyang rebuilt with Soviet and Chinese help and balanced between its patrons in Moscow and Beijing. "
            "At a party plenum on {date[1956-august-plenum-challenge-to-kim-il]} leaders close to Moscow and "
            "Beijing tried to criticise Kim Il Sung; they failed and were purged, and a joint Soviet–Chinese "
            "delegation came to Pyongyang to intervene ({date[1956-mikoyan-and-peng-dehuai-intervene-in]}). "
            "China announced the withdrawal of its troops on {date[1958-china-announces-full-troop-withdrawal]}. "
            "The North then signed treaties of friendship and mutual assistance with both: with the Soviet Union "
            "on {date[1961-soviet-dprk-treaty-of-friendship-and]} and with China on {end}. In these years "
            "{established} states established relations with the DPRK ({established_names}), for {with_end} "
            "partners in all."
        ),
        key_events=(
            "1956-august-plenum-challenge-to-kim-il",
            "1958-china-announces-full-troop-withdrawal",
            "1961-soviet-dprk-treaty-of-friendship-and",
            "1961-sino-dprk-treaty-of-friendship-and",
        ),
        gift="1955-railway-observation-car",
        record=N_(
            "The atlas's record of treaties lists {treaties} agreements the DPRK signed in these years: "
            "{treaty_list}. {dprk_leaders} made {dprk_trips} trips abroad ({trip_hosts})."
        ),
    ),
    Chapter(
        title=N_("The race with Seoul for the newly independent states"),
        start_event="1961-sino-dprk-treaty-of-friendship-and",
        end_event="1988-seoul-s-july-7-declaration-and",
        text=N_(
            "As colonies in Africa and Asia became independent, North and South Korea competed for their recognition "
            "with aid, visits and votes at the United Nations. Kim Il Sung visited Indonesia on "
            "{date[1965-kim-il-sung-visits-indonesia]}. Between {start} and {end}, {established} states "
            "established relations with the DPRK: {est_africa} in Africa, {est_asia} in Asia, {est_americas} in "
            "the Americas, {est_europe} in Europe and {est_oceania} in Oceania. Sweden, on "
            "{date[1973-sweden-establishes-relations-with-the-dprk]}, was among the first Western states. The "
            "Non-Aligned Movement admitted the North, but not the South, on "
            "{date[1975-dprk-admitted-to-the-non-aligned]}. The race had its costs: {broke} states "
            "suspended or severed relations ({break_names}); Myanmar, then Burma, cut its ties after North Korean agents bombed "
            "a ceremony in Rangoon during a visit by the South's president on {date[1983-rangoon-bombing]}. "
            "The count of partners peaked at {peak_count} at the end of {peak_year}."
        ),
        key_events=(
            "1965-kim-il-sung-visits-indonesia",
            "1975-dprk-admitted-to-the-non-aligned",
            "1975-rival-unga-resolutions-on-korea",
            "1983-rangoon-bombing",
        ),
        gift="1965-orchid-named-kimilsungia-after-kim",
        record=N_(
            "Visits were part of the race: the atlas records {dprk_trips} trips abroad by {dprk_leaders} in "
            "these years ({trip_hosts}), and {visits_in} visits by foreign leaders to the North ({visitor_names})."
        ),
        dual_korea=True,
    ),
    Chapter(
        title=N_("The end of the Cold War and UN entry"),
        start_event="1988-seoul-s-july-7-declaration-and",
        end_event="1992-china-and-south-korea-normalise-relations",
        text=N_(
            "On {start} Seoul offered to help the North improve its ties with the South's allies, while it "
            "sought ties with the North's own partners. Hungary became the first Soviet-bloc state to recognise "
            "the South on {date[1989-hungary-recognises-south-korea]}, and the Soviet Union followed on "
            "{date[1990-ussr-and-south-korea-establish-diplomatic]}. Both Koreas joined the United Nations on "
            "{date[1991-both-koreas-join-the-united-nations]}. {dissolved_names} ceased to exist; by {end}, "
            "{successors_with_relations} of their {successors} successor states had relations of their own with "
            "the DPRK, and {established} states in all established relations in these years. When China and South Korea normalised relations on {end}, the North lost its "
            "exclusive tie with Beijing. Partners with relations: {with_start} at the start, {with_end} at the end."
        ),
        key_events=(
            "1989-hungary-recognises-south-korea",
            "1990-ussr-and-south-korea-establish-diplomatic",
            "1991-both-koreas-join-the-united-nations",
            "1991-dprk-recognises-russia-and-other-cis",
            "1992-china-and-south-korea-normalise-relations",
        ),
        gift="1989-wooden-craftwork-sun",
        record=N_(
            "The Security Council recommended the two Koreas' admission on {admission_dates}. In the General "
            "Assembly's session of {un_year}, the North's first, South Korea's votes agreed with the North's at a "
            "score of {rok_score}, where the highest score means always the same vote, against {median_score} for "
            "the median of the {un_states} member states that voted."
        ),
    ),
    Chapter(
        title=N_("The opening to Western Europe"),
        start_event="1992-china-and-south-korea-normalise-relations",
        end_event="2002-us-says-dprk-admitted-covert-enrichment",
        text=N_(
            "Kim Il Sung died on {date[1994-death-of-kim-il-sung]} and his son Kim Jong Il succeeded him. Under "
            "the Agreed Framework of {date[1994-us-dprk-agreed-framework]} the North froze its plutonium "
            "programme in return for reactors and fuel oil. Around the first inter-Korean summit "
            "({date[2000-first-inter-korean-summit]}) Pyongyang sought ties with Western Europe: Italy led on "
            "{date[2000-italy-establishes-relations-with-the-dprk]}, the United Kingdom followed on "
            "{date[2000-uk-establishes-relations-with-the-dprk]}, and the European Union decided on relations on "
            "{date[2001-eu-decides-to-establish-relations-with]}. In these years {established} partners established "
            "relations with the DPRK, {est_europe} of them in Europe, and relations were restored with "
            "{restored_names}; {with_end} partners had relations at the end."
        ),
        key_events=(
            "1994-us-dprk-agreed-framework",
            "2000-italy-establishes-relations-with-the-dprk",
            "2000-first-inter-korean-summit",
            "2000-uk-establishes-relations-with-the-dprk",
            "2001-eu-decides-to-establish-relations-with",
        ),
        gift="2000-basketball-autographed-by-michael-jordan",
        record=N_(
            "Summits came with the opening: the atlas records {visits_in} visits by foreign leaders to the North "
            "in these years ({visitor_names}), and {dprk_leaders} made {dprk_trips} trips abroad ({trip_hosts}). The atlas's record "
            "of treaties lists {treaties} agreements the DPRK signed: {treaty_list}."
        ),
    ),
    Chapter(
        title=N_("The nuclear era and sanctions"),
        start_event="2002-us-says-dprk-admitted-covert-enrichment",
        end_event="2017-unsc-resolution-2397",
        text=N_(
            "On {start} the United States said North Korean officials had admitted a second, covert nuclear "
            "programme. The North left the Non-Proliferation Treaty ({date[2003-dprk-declares-withdrawal-from-the-npt]}), "
            "sat down and later walked out of the Six-Party Talks, and carried out its first nuclear test on "
            "{date[2006-first-nuclear-test]}; the atlas records {nuclear_tests} nuclear tests in these years. The "
            "Security Council imposed sanctions after the first test ({date[2006-unsc-resolution-1718]}); the "
            "atlas lists {sanction_resolutions} of its resolutions on the North in these years, up to the resolution of "
            "{end}. Diplomatic ties began to come apart: {broke} states severed or suspended relations "
            "({break_names}), while {established} established them and relations were restored with "
            "{restored_names}."
        ),
        key_events=(
            "2003-dprk-declares-withdrawal-from-the-npt",
            "2003-first-round-of-six-party-talks",
            "2006-first-nuclear-test",
            "2006-unsc-resolution-1718",
            "2017-sixth-nuclear-test",
        ),
        gift="2008-gold-and-silver-decorated-kubachi",
        record=N_(
            "By the atlas's record of the Security Council, it adopted {sanctions} sanctions resolutions on the "
            "North in these years, on {sanction_dates}."
        ),
    ),
    Chapter(
        title=N_("Summits and the turn to Russia"),
        start_event="2017-unsc-resolution-2397",
        end_event=None,
        text=N_(
            "A season of summits followed: Kim Jong Un met Moon Jae-in at Panmunjom on "
            "{date[2018-panmunjom-inter-korean-summit]} and Donald Trump in Singapore on "
            "{date[2018-singapore-summit]}, but their meeting in Hanoi on {date[2019-hanoi-summit]} ended "
            "without an agreement. Pyongyang turned to Moscow. Kim met Vladimir Putin at Vostochny on "
            "{date[2023-putin-kim-summit-at-vostochny]}; the treaty they signed on "
            "{date[2024-russia-dprk-comprehensive-strategic-partnership-treaty]} includes mutual assistance if "
            "either is attacked, and North Korean troops were reported in Russia's Kursk region on "
            "{date[2024-north-korean-troops-reported-in-kursk]}. Since {start}, {broke} states severed or suspended "
            "relations ({break_names}) and relations were restored with {restored_names}; today {with_end} "
            "partners have relations with the DPRK."
        ),
        key_events=(
            "2018-panmunjom-inter-korean-summit",
            "2018-singapore-summit",
            "2019-hanoi-summit",
            "2023-putin-kim-summit-at-vostochny",
            "2024-russia-dprk-comprehensive-strategic-partnership-treaty",
        ),
        gift="2023-glove-from-a-spacesuit-flown",
        record=N_(
            "In these years {dprk_leaders} made {dprk_trips} trips outside the North ({trip_hosts}); the atlas "
            "records {visits_in} visits by foreign leaders to the North ({visitor_names}). At the Security Council the "
            "consensus on sanctions broke: {vetoes} drafts on the North were vetoed ({veto_list}). "
            "The atlas's record of treaties lists {treaties} agreements the DPRK signed since {start}: {treaty_list}."
        ),
    ),
)

MISSING_DATE = N_("[date missing from the data]")


class _Dates(dict):
    """Event dates for templates; an id missing from events.csv reads as a visible gap, not a crash."""

    def __missing__(self, key: str) -> str:
        return _(MISSING_DATE)


def event_dates(events: pd.DataFrame) -> _Dates:
    """event_id -> readable date ('25 June 1950')."""
    return _Dates({row.event_id: format_partial(row.date) for row in events.itertuples()})


def chapter_period(chapter: Chapter, events: pd.DataFrame, today: dt.date) -> tuple[dt.date, dt.date]:
    """(start, end) dates of a chapter: its boundary events' dates; today for the last one."""
    dates = events.set_index("event_id")["date"]
    start = date_start(dates[chapter.start_event])
    end = date_start(dates[chapter.end_event]) if chapter.end_event else today
    return start, end


def readable_list(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C' (or 'none'); in Korean '소련, 중국 및 몽골' (or '없음')."""
    if not names:
        return _("none")
    if len(names) == 1:
        return names[0]
    return _("{items} and {last}").format(items=", ".join(names[:-1]), last=names[-1])


def chapter_facts(index: RelationsIndex, events: pd.DataFrame, chapter: Chapter, today: dt.date) -> dict:
    """Every value a chapter's template may use, computed from the data."""
    start, end = chapter_period(chapter, events, today)
    moved = changes.events_between(index, start, end)
    established = moved[moved["kind"] == "established"]
    # A state that suspended and then severed (Mauritania) is one state that broke off, named once.
    breakers = list(dict.fromkeys(moved.loc[moved["kind"].isin(["severed", "suspended"]), "name"]))
    restorers = list(dict.fromkeys(moved.loc[moved["kind"] == "restored", "name"]))
    by_continent = established["continent"].value_counts()
    parties = changes.party_changes(index, start, end)
    # States that ceased to exist in the window (by their codes: the event text is in the visitor's language).
    ended = parties["iso3"].map(lambda code: code in index.dissolved_on and start < index.dissolved_on[code] <= end)
    dissolved = parties[ended.astype(bool)]
    in_window = events[events["date"].map(date_start).between(start, end)]
    year_ends = {year: count_with_relations(index, year_end(year, today)) for year in range(start.year, end.year + 1)}
    year_ends = {year: n for year, n in year_ends.items() if year_end(year, today) <= end}
    peak_count = max(year_ends.values(), default=count_with_relations(index, end))
    peak_year = min((y for y, n in year_ends.items() if n == peak_count), default=end.year)
    successors = index.successions[index.successions["predecessor_iso3"].isin(dissolved["iso3"])]["successor_iso3"]
    successors = sorted(set(successors))
    return {
        "start": format_partial(start.isoformat()) if chapter.start_event else "",
        "end": format_partial(end.isoformat()),
        "date": event_dates(events),
        "with_start": count_with_relations(index, start),
        "with_end": count_with_relations(index, end),
        "established": len(established),
        # Alphabetical: a date known only to its year cannot be ranked against a day in the same year.
        "established_names": readable_list(sorted(established["name"])),
        "restored": len(restorers),
        "restored_names": readable_list(restorers),
        "broke": len(breakers),
        "break_names": readable_list(breakers),
        "est_africa": int(by_continent.get("Africa", 0)),
        "est_asia": int(by_continent.get("Asia", 0)),
        "est_europe": int(by_continent.get("Europe", 0)),
        "est_americas": int(by_continent.get("North America", 0) + by_continent.get("South America", 0)),
        "est_oceania": int(by_continent.get("Oceania", 0)),
        "dissolved_names": readable_list([country_name(c) for c in dissolved["iso3"]]),
        "successors": len(successors),
        "successors_with_relations": sum(index.status(code, end).category == "relations" for code in successors),
        # Counted by the events' ids, which stay English (titles are in the visitor's language).
        "nuclear_tests": int(in_window["event_id"].str.contains("nuclear-test").sum()),
        "sanction_resolutions": int(
            ((in_window["category"] == "sanctions") & in_window["event_id"].str.match(r"\d{4}-unsc-resolution-")).sum()
        ),
        "peak_count": peak_count,
        "peak_year": peak_year,
    }


def chapter_text(index: RelationsIndex, events: pd.DataFrame, chapter: Chapter, today: dt.date) -> str:
    """The chapter's text, in the run's language, with every number and date filled in from the data."""
    return string.Formatter().vformat(_(chapter.text), (), chapter_facts(index, events, chapter, today))


def _within(frame: pd.DataFrame, column: str, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Rows whose (partial) date starts within [start, end], oldest first."""
    begins = frame[column].map(date_start)
    rows = frame[begins.between(start, end)]
    return rows.assign(_start=begins[rows.index]).sort_values("_start", kind="stable")


def _readable_dates(dates) -> str:
    return readable_list([format_partial(d) for d in dates])


def record_facts(
    chapter: Chapter,
    start: dt.date,
    end: dt.date,
    treaties: pd.DataFrame,
    council: pd.DataFrame,
    visits: pd.DataFrame,
    alignment: pd.DataFrame,
) -> dict:
    """Every value a chapter's ``record`` template may use, computed from treaties.csv,
    security_council.csv, visits.csv and un_alignment.csv for the chapter's period [start, end]."""
    signed = _within(treaties, "signed", start, end)
    partners = signed["parties"].map(lambda cell: "/".join(country_name(c) for c in cell.split(";") if c and c != DPRK))
    treaty_list = []
    for partner, rows in signed.assign(partner=partners).groupby("partner", sort=False):
        dates = list(dict.fromkeys(format_partial(d) for d in rows["signed"]))
        treaty_list.append(f"{partner} ({', '.join(dates)})")
    decisions = _within(council, "date", start, end)
    sanctions = decisions[(decisions["kind"] == "sanctions") & (decisions["outcome"] == "adopted")]
    admissions = decisions[(decisions["kind"] == "admission") & (decisions["outcome"] == "adopted")]
    vetoed = decisions[decisions["outcome"] == "vetoed"]
    veto_list = "; ".join(
        _("{date}, by {states}").format(
            date=format_partial(row.date), states=readable_list([country_name(c) for c in row.vetoed_by.split(";") if c])
        )
        for row in vetoed.itertuples()
    )
    trips = _within(visits[(visits["leader_iso3"] == DPRK) & (visits["host_iso3"] != DPRK)], "start_date", start, end)
    hosts = trips["host_iso3"].value_counts(sort=False)  # in order of the first trip to each
    trip_hosts = [
        _("{name}: {count}").format(name=country_name(code), count=count)
        for code, count in sorted(hosts.items(), key=lambda kv: -kv[1])
    ]
    arrivals = _within(visits[(visits["host_iso3"] == DPRK) & (visits["leader_iso3"] != DPRK)], "start_date", start, end)
    visitors = []
    for (leader, state), count in arrivals.groupby(["leader", "leader_iso3"], sort=False).size().items():
        visitor = "{leader} ({state})" if count == 1 else _("{leader} ({state}, {count} visits)")
        visitors.append(visitor.format(leader=leader, state=country_name(state), count=count))
    years = alignment[alignment["year"].between(start.year, end.year)]
    un_year = int(years["year"].min()) if len(years) else start.year
    session = alignment[alignment["year"] == un_year]
    rok = session.loc[session["iso3"] == "KOR", "agreement"]
    return {
        "start": format_partial(start.isoformat()),
        "end": format_partial(end.isoformat()),
        "treaties": len(signed),
        "treaty_list": readable_list(treaty_list),
        "sanctions": len(sanctions),
        "sanction_dates": _readable_dates(sanctions["date"]),
        "admission_dates": _readable_dates(admissions["date"]),
        "vetoes": len(vetoed),
        "veto_list": veto_list or _("none"),
        "dprk_trips": len(trips),
        "dprk_leaders": readable_list(list(dict.fromkeys(trips["leader"]))),
        "trip_hosts": readable_list(trip_hosts),
        "visits_in": len(arrivals),
        "visitor_names": readable_list(visitors),
        "un_year": un_year,
        "un_states": len(session),
        "rok_score": f"{float(rok.iloc[0]):.2f}" if len(rok) else _("no score"),
        "median_score": f"{float(session['agreement'].median()):.2f}" if len(session) else _("no score"),
    }


def record_text(chapter: Chapter, facts: dict) -> str:
    """The chapter's paragraph from the record of why ties changed ('' for a chapter without one)."""
    if not chapter.record:
        return ""
    return string.Formatter().vformat(_(chapter.record), (), facts)


def template_literals(template: str) -> str:
    """The typed part of a template (placeholders removed): what a test checks holds no digits."""
    return "".join(literal for literal, *_rest in string.Formatter().parse(template))


def chapter_events(events: pd.DataFrame, chapter: Chapter) -> pd.DataFrame:
    """The chapter's key events that exist in events.csv, in date order (date, title, summary, source_url)."""
    mine = events[events["event_id"].isin(chapter.key_events)].copy()
    mine["_start"] = mine["date"].map(date_start)
    mine = mine.sort_values("_start", kind="stable")
    return mine[["date", "title", "summary", "source_url", "event_id"]].reset_index(drop=True)


def chapter_gift(gifts: pd.DataFrame, chapter: Chapter) -> dict | None:
    """The chapter's gift as a dict (None when its id is not in gifts.csv)."""
    rows = gifts[gifts["gift_id"] == chapter.gift]
    return rows.iloc[0].to_dict() if len(rows) else None


def missing_references(events: pd.DataFrame, gifts: pd.DataFrame) -> list[str]:
    """Event and gift ids the chapters name that the data lack, and gifts dated outside their chapter."""
    known_events, known_gifts = set(events["event_id"]), set(gifts["gift_id"])
    problems = []
    for number, chapter in enumerate(CHAPTERS, start=1):
        bounds = [chapter.start_event] + ([chapter.end_event] if chapter.end_event else [])
        for event_id in (*bounds, *chapter.key_events, *_template_event_ids(chapter.text)):
            if event_id not in known_events:
                problems.append(f"chapter {number}: event {event_id!r} is not in events.csv")
        if chapter.gift not in known_gifts:
            problems.append(f"chapter {number}: gift {chapter.gift!r} is not in gifts.csv")
        elif all(e in known_events for e in bounds):
            start, end = chapter_period(chapter, events, dt.date.max)
            gift_date = gifts.loc[gifts["gift_id"] == chapter.gift, "date"].iloc[0]
            if not (start <= date_start(gift_date) and date_end(gift_date) <= end):
                problems.append(f"chapter {number}: gift {chapter.gift!r} ({gift_date}) is outside the chapter's period")
    return problems


def _template_event_ids(template: str) -> list[str]:
    ids = []
    for _literal, field, _spec, _conversion in string.Formatter().parse(template):
        if field and field.startswith("date[") and field.endswith("]"):
            ids.append(field[len("date[") : -1])
    return ids


def gift_line(gift: dict) -> str:
    """'railway observation car — from China to Kim Il Sung, 1955'."""
    return _("{item} — from {giver} to {recipient}, {date}").format(
        item=gift["item"], giver=gift["giver"], recipient=gift["recipient"], date=format_partial(gift["date"])
    )


def map_compare_link(start: dt.date, end: dt.date, first_year: int) -> str | None:
    """Link to the map's compare view closest to a chapter (year ends), or None if one year."""
    earlier, later = max(start.year, first_year), end.year
    if earlier >= later:
        return None
    return links.map_at(later, compare=earlier)
