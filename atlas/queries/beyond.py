"""Beyond recognition: one state's ties with the DPRK other than diplomatic relations (pure: no streamlit).

For one state and the predecessor states whose record applies to it (the country page's
``CountryRecord.predecessors``: Russia gets the Soviet Union's), ``beyond_record`` gathers:

- the treaties and agreements it is party to with the DPRK (``treaties.csv``): signed, in force,
  ended, each with its source;
- its yearly voting alignment with the DPRK in the UN General Assembly (``un_alignment.csv``),
  beside the Republic of Korea's for comparison;
- leaders' visits both ways (``visits.csv``): its leaders to the DPRK or to summits with DPRK
  leaders, and DPRK leaders to it;
- the Security Council decisions it vetoed (``security_council.csv``).

``organisations.csv`` records only the DPRK's own memberships, not other states', so the
organisations a state shares with the DPRK are not covered (the page says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from atlas.core.countries import DPRK, country_name
from atlas.core.dates import date_start, format_partial
from atlas.core.i18n import N_, _
from atlas.core.source_kinds import escape_markdown, markdown_link

ROK = "KOR"
TREATY_COLUMNS = ["treaty_id", "title", "kind", "with", "signed", "in_force", "ended", "end_note", "summary", "source_url"]
ALIGNMENT_COLUMNS = ["iso3", "state", "year", "votes", "agreement"]
VISIT_COLUMNS = ["date", "leader", "direction", "places", "kind", "summary", "source_url"]
VETO_COLUMNS = ["date", "document", "vetoed_by", "kind", "summary", "votes", "source_url"]

TREATY_KINDS = {
    "alliance": N_("alliance"),
    "friendship": N_("friendship treaty"),
    "partnership": N_("partnership treaty"),
    "inter_korean": N_("inter-Korean agreement"),
    "border": N_("border treaty"),
    "economic": N_("economic agreement"),
    "military": N_("military agreement"),
    "other": N_("agreement"),
}
VISIT_KINDS = {
    "state_visit": N_("state visit"),
    "official_visit": N_("official visit"),
    "summit": N_("summit"),
    "unofficial_visit": N_("unofficial visit"),
    "other": N_("visit"),
}
COUNCIL_KINDS = {
    "war": N_("the Korean War"),
    "admission": N_("UN membership"),
    "sanctions": N_("sanctions"),
    "condemnation": N_("condemnation"),
    "panel_of_experts": N_("the sanctions' panel of experts"),
    "other": N_("other"),
}
# Directions of a visit, seen from the state whose page it is ('{name}': that state).
TO_DPRK, FROM_DPRK, ELSEWHERE = "to_dprk", "from_dprk", "elsewhere"
DIRECTIONS = {
    TO_DPRK: N_("to the DPRK"),
    FROM_DPRK: N_("DPRK leader to {name}"),
    ELSEWHERE: N_("meeting DPRK leaders in {place}"),
}


def _label(table: dict, value: str) -> str:
    return _(table[value]) if value in table else value


@dataclass(frozen=True)
class BeyondRecord:
    """What the country page's "Beyond recognition" section shows for one code."""

    code: str
    codes: tuple[str, ...]  # the state, then its predecessors
    treaties: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=TREATY_COLUMNS))
    alignment: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ALIGNMENT_COLUMNS))
    visits: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=VISIT_COLUMNS))
    vetoes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=VETO_COLUMNS))

    @property
    def empty(self) -> bool:
        """Nothing to show: no treaty, no alignment of its own, no visit, no veto."""
        own_alignment = self.alignment[self.alignment["iso3"] != ROK] if self.code != ROK else self.alignment
        return self.treaties.empty and own_alignment.empty and self.visits.empty and self.vetoes.empty


def _codes_in(cell: str) -> list[str]:
    return [c for c in str(cell).split(";") if c]


def _by_date(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Oldest first; partial dates ('1961', '1961-07') at their first day; stable for ties."""
    if frame.empty:
        return frame.reset_index(drop=True)
    order = frame[column].map(date_start)
    return frame.assign(_start=order).sort_values("_start", kind="stable").drop(columns="_start").reset_index(drop=True)


def treaties_with(treaties: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Treaties with the DPRK to which the state (or a predecessor) is a party, oldest first.

    ``with``: the parties other than the DPRK, by name ('Soviet Union'; 'China, Japan, …' for a
    multilateral agreement)."""
    wanted = set(codes)
    mine = treaties[treaties["parties"].map(lambda cell: bool(wanted & set(_codes_in(cell))))]
    if mine.empty:
        return pd.DataFrame(columns=TREATY_COLUMNS)
    others = mine["parties"].map(lambda cell: ", ".join(country_name(c) for c in _codes_in(cell) if c != DPRK))
    return _by_date(mine.assign(**{"with": others})[TREATY_COLUMNS], "signed")


def alignment_of(alignment: pd.DataFrame, codes: list[str], compare: str = ROK) -> pd.DataFrame:
    """The state's (and its predecessors') yearly General Assembly alignment with the DPRK, and
    ``compare``'s (the ROK) for the same chart; empty when the state itself has no row (a state
    that left before 1991, or never voted). ``state``: the name the chart's legend gives."""
    own = alignment[alignment["iso3"].isin(codes)]
    if own.empty:
        return pd.DataFrame(columns=ALIGNMENT_COLUMNS)
    rows = own if compare in codes else pd.concat([own, alignment[alignment["iso3"] == compare]])
    rows = rows.assign(state=rows["iso3"].map(country_name))
    order = {code: i for i, code in enumerate([*codes, compare])}
    rows = rows.assign(_order=rows["iso3"].map(order)).sort_values(["_order", "year"], kind="stable")
    return rows[ALIGNMENT_COLUMNS].reset_index(drop=True)


def visits_with(visits: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Leaders' visits both ways, oldest first: the state's leaders to the DPRK or to a summit with
    DPRK leaders elsewhere, and DPRK leaders' trips to the state."""
    wanted = set(codes)
    theirs = visits["leader_iso3"].isin(wanted)
    ours = (visits["leader_iso3"] == DPRK) & visits["host_iso3"].isin(wanted)
    rows = visits[theirs | ours]
    if rows.empty:
        return pd.DataFrame(columns=VISIT_COLUMNS)

    def direction(row) -> str:
        if row.leader_iso3 == DPRK:
            return _(DIRECTIONS[FROM_DPRK]).format(name=country_name(row.host_iso3))
        if row.host_iso3 == DPRK:
            return _(DIRECTIONS[TO_DPRK])
        return _(DIRECTIONS[ELSEWHERE]).format(place=row.places or country_name(row.host_iso3))

    def when(row) -> str:
        if row.end_date and row.end_date != row.start_date:
            return _("{start} – {end}").format(start=format_partial(row.start_date), end=format_partial(row.end_date))
        return format_partial(row.start_date)

    shown = pd.DataFrame(
        {
            "date": [when(r) for r in rows.itertuples()],
            "leader": rows["leader"].tolist(),
            "direction": [direction(r) for r in rows.itertuples()],
            "places": rows["places"].str.replace(";", ", ").tolist(),
            "kind": rows["kind"].map(lambda v: _label(VISIT_KINDS, v)).tolist(),
            "summary": rows["summary"].tolist(),
            "source_url": rows["source_url"].tolist(),
            "start": rows["start_date"].tolist(),
        }
    )
    return _by_date(shown, "start")[VISIT_COLUMNS]


def vetoes_by(council: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Security Council decisions on Korea that the state (or a predecessor) vetoed, oldest first."""
    wanted = set(codes)
    mine = council[(council["outcome"] == "vetoed") & council["vetoed_by"].map(lambda cell: bool(wanted & set(_codes_in(cell))))]
    if mine.empty:
        return pd.DataFrame(columns=VETO_COLUMNS)

    def votes(row) -> str:
        if not row.votes_for:
            return ""
        text = _("{yes} for, {no} against").format(yes=row.votes_for, no=row.votes_against or "0")
        if row.abstentions and row.abstentions != "0":
            text = _("{votes}, {abstentions} abstaining").format(votes=text, abstentions=row.abstentions)
        return text

    shown = mine.assign(
        vetoed_by=mine["vetoed_by"].map(lambda cell: ", ".join(country_name(c) for c in _codes_in(cell))),
        kind=mine["kind"].map(lambda v: _label(COUNCIL_KINDS, v)),
        votes=[votes(r) for r in mine.itertuples()],
    )
    return _by_date(shown[VETO_COLUMNS], "date")


def beyond_record(
    code: str,
    predecessors: tuple[str, ...] | list[str],
    treaties: pd.DataFrame,
    alignment: pd.DataFrame,
    visits: pd.DataFrame,
    council: pd.DataFrame,
) -> BeyondRecord:
    """Everything the "Beyond recognition" section shows for ``code`` and its predecessors."""
    codes = [code, *predecessors]
    return BeyondRecord(
        code=code,
        codes=tuple(codes),
        treaties=treaties_with(treaties, codes),
        alignment=alignment_of(alignment, codes),
        visits=visits_with(visits, codes),
        vetoes=vetoes_by(council, codes),
    )


# --- As the page writes them: markdown lines, every data text escaped, every date readable ------


def _readable(date: str) -> str:
    return format_partial(date) if date else ""


def treaty_status(row: dict) -> str:
    """'in force since 10 September 1961', 'ended 1996: lapsed …', or 'signed' when neither is known."""
    if row["ended"]:
        ended = _("ended {date}").format(date=_readable(row["ended"]))
        if row["end_note"]:
            ended = f"{ended}: {escape_markdown(row['end_note'])}"
        return ended
    if row["in_force"]:
        return _("in force since {date}").format(date=_readable(row["in_force"]))
    return _("no end recorded")


def treaty_lines(treaties: pd.DataFrame) -> list[str]:
    """One markdown list item per treaty: title, kind and parties, dates, source; its summary under it."""
    lines = []
    for row in treaties.to_dict("records"):
        head = _("**{title}** ({kind}, with {parties})").format(
            title=escape_markdown(row["title"]), kind=_label(TREATY_KINDS, row["kind"]), parties=escape_markdown(row["with"])
        )
        dates = _("signed {date}").format(date=_readable(row["signed"])) + " · " + treaty_status(row)
        line = f"- {head}  \n  {dates} · " + _("source: {link}").format(link=markdown_link(row["source_url"]))
        if row["summary"]:
            line += f"  \n  *{escape_markdown(row['summary'])}*"
        lines.append(line)
    return lines


def veto_lines(vetoes: pd.DataFrame) -> list[str]:
    """One markdown list item per vetoed decision: date, what it was about, who vetoed, the vote, source."""
    lines = []
    for row in vetoes.to_dict("records"):
        what = _("**{date}** · {kind} · vetoed by {states}").format(
            date=_readable(row["date"]), kind=row["kind"], states=escape_markdown(row["vetoed_by"])
        )
        if row["votes"]:
            what += f" ({row['votes']})"
        if row["document"]:
            what += f" · {escape_markdown(row['document'])}"
        line = f"- {what} · " + _("source: {link}").format(link=markdown_link(row["source_url"]))
        line += f"  \n  *{escape_markdown(row['summary'])}*"
        lines.append(line)
    return lines


def alignment_summary(alignment: pd.DataFrame, code: str) -> str:
    """One sentence with the numbers behind the chart: the state's first and latest years, and the
    ROK's in the latest year ('' when the state has no row)."""
    own = alignment[alignment["iso3"] == code]
    if own.empty:
        return ""
    own = own.sort_values("year", kind="stable")
    first, last = own.iloc[0], own.iloc[-1]
    sentence = _("Agreement score of {name}: {first:.2f} in {first_year}, {last:.2f} in {last_year}.").format(
        name=country_name(code),
        first=float(first["agreement"]),
        first_year=int(first["year"]),
        last=float(last["agreement"]),
        last_year=int(last["year"]),
    )
    rok = alignment[(alignment["iso3"] == ROK) & (alignment["year"] == last["year"])]
    if code != ROK and len(rok):
        sentence += " " + _("South Korea: {score:.2f} in {year}.").format(
            score=float(rok.iloc[0]["agreement"]), year=int(last["year"])
        )
    return sentence
