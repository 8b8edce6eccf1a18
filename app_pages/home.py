"""Home: what the atlas is, headline figures computed from the data, and the way in."""

import datetime as dt

import streamlit as st

from atlas.core.i18n import N_, _
from atlas.core.pages import PAGE
from atlas.data.loading import DataError
from atlas.queries.headlines import next_establishment, partners_at
from atlas.web import cache as loaders
from atlas.web import urls as url_state
from atlas.web import widgets as ui

st.title(_("DPRK Relations Atlas"))
st.markdown(
    _(
        "North Korea — the Democratic People's Republic of Korea, founded on 9 September 1948 — began "
        "with recognition from the Soviet bloc alone, competed with Seoul for the newly independent "
        "states of Africa and Asia through the 1960s and 70s, lost its Soviet and East German partners "
        "when the Eastern Bloc collapsed, and reached out to Western Europe around 2000. This atlas "
        "lets you follow that story on a map, along a timeline and through the gifts its leaders "
        "exchanged — every fact with the public source it comes from."
    )
)

url_state.sync("home")  # no parameters: the address stays clean

try:
    index = loaders.relations_index()
    today = dt.date.today()
    figures = loaders.headline_figures(today)
except DataError as error:
    ui.show_data_error(error)

cols = st.columns(4)
cols[0].metric(
    _("States with relations today"),
    figures.with_relations_today,
    help=_("Parties with active relations today in the atlas's data (the EU and Palestine included)."),
)
cols[1].metric(
    _("Peak ({year})").format(year=figures.peak_year), figures.peak_count, help=_("Highest year-end count since 1948.")
)
cols[2].metric(
    _("Embassies in Pyongyang"),
    figures.embassies_in_pyongyang,
    help=_(
        "Embassies of other states in Pyongyang whose latest source says they are open. Several closed "
        "or suspended during the 2020–23 border closure; those whose return is unconfirmed are not counted."
    ),
)
cols[3].metric(
    _("DPRK embassies abroad"),
    figures.dprk_embassies_abroad,
    help=_("North Korean embassies whose latest source says they are open."),
)
cols = st.columns(4)
cols[0].metric(_("Ever had relations"), figures.ever, help=_("Including dissolved states such as the USSR and East Germany."))
cols[1].metric(_("Severed or suspended today"), figures.severed_or_suspended)
cols[2].metric(
    _("Documented as never"),
    figures.never_documented,
    help=_(
        "States documented as never having had relations (the United States, Japan, France…). States a "
        "source only lists as without relations at its date are not counted here."
    ),
)

st.subheader(_("Explore"))
EXPLORE = {
    "map": N_("Recognition map — who recognised the DPRK, year by year"),
    "timeline": N_("Timelines — the Cold War and the years since 1989"),
    "gifts": N_("Gift exchanges — what leaders gave and received"),
    "story": N_("Story — eight chapters to project in class, with handouts"),
    "data": N_("Data & sources — downloads, data dictionary, open questions"),
}
for key, label in EXPLORE.items():
    url_state.page_link(key, _(label), PAGE[key].icon)

with st.expander(_("For teachers: a path through the story"), expanded=False):
    first_year = 1949
    partners = partners_at(index, dt.date(first_year, 12, 31))
    step_one = _("**1948–1950** — the map at the end of {year}: {count} partners, {names}.").format(
        year=first_year, count=len(partners), names=", ".join(partners)
    )
    following = next_establishment(index, dt.date(first_year, 12, 31))
    if following:
        step_one += " " + _("{name} follows on {date}, so it first appears on the {year} map.").format(
            name=following[0], date=following[1], year=first_year + 1
        )
    # Each step opens the map at its year (the year is in the link, so it can also be shared).
    steps = [
        (step_one, first_year),
        (
            _(
                "**1960s–70s** — press ▶ Play and watch the waves of recognition from newly independent states; "
                "the chart under the map shows them year by year."
            ),
            1960,
        ),
        (
            _(
                "**1990–1992** — step through 1990, 1991, 1992: the USSR and East Germany disappear and their "
                "successors set up relations of their own."
            ),
            1990,
        ),
        (_("**2000–2001** — the wave of Western European recognitions."), 2000),
        (_("**Today** — click any country, or find it in the list, for its full dated record and sources."), today.year),
    ]
    for number, (text, year) in enumerate(steps, start=1):
        st.markdown(f"{number}. {text}")
        url_state.page_link("map", _("Open the map at {year}").format(year=year), ":material/public:", year=year)

ui.sources_footer(["relations", "relation_events", "missions", "no_relations"])
