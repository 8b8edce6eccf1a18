"""Gift exchanges: documented diplomatic gifts to and from North Korean leaders."""

import datetime as dt

import streamlit as st

from atlas.core import links, source_kinds
from atlas.core.countries import country_name
from atlas.core.i18n import _
from atlas.data.loading import DataError
from atlas.data.registry import DATASETS
from atlas.data.schemas import GIFT_CATEGORIES
from atlas.queries import gifts as gift_logic
from atlas.queries.timeline import PERIODS, period_label
from atlas.web import cache as loaders
from atlas.web import columns as table_columns
from atlas.web import focus
from atlas.web import urls as url_state
from atlas.web import widgets as ui

today = dt.date.today()
try:
    gifts = loaders.prepared_gifts()
    loaders.table("centroids")  # checked here so a broken file stops the page with its message
except DataError as error:
    ui.show_data_error(error)

st.title(_("Gift exchanges"))
st.caption(
    _(
        "Gifts still matter in North Korean protocol: leaders exchange dogs, cars, artworks and "
        "signed basketballs, and the International Friendship Exhibition at Myohyangsan displays "
        "those the Kims received. Each gift below is documented by the public source linked with it; "
        "many are known only from North Korean state media, which the notes say."
    )
)

countries = sorted(set(gifts["counterpart_iso3"]), key=country_name)
leaders = [*gift_logic.LEADERS, gift_logic.OTHER_LEADER]
kinds_present = [kind for kind in source_kinds.LABELS if kind in set(gifts["source_kind_key"])]
url_state.sync(
    "gifts",
    period=PERIODS,
    direction=gift_logic.DIRECTIONS,
    country=set(countries),
    leader=leaders,
    category=GIFT_CATEGORIES,
    source_kind=kinds_present,
    gift=lambda: set(gifts["gift_id"]),
)

top = st.columns([3, 3, 2])
period = top[0].segmented_control(_("Period"), list(PERIODS), format_func=period_label, key="period") or "all"
direction = top[1].segmented_control(
    _("Direction"), list(gift_logic.DIRECTIONS), format_func=lambda k: _(gift_logic.DIRECTION_NAMES[k]), key="direction"
)
text = top[2].text_input(_("Search"), key="q", placeholder=_("e.g. dog, car, Putin"))
row = st.columns(4)
country = row[0].selectbox(
    _("Counterpart country"),
    [None, *countries],
    key="country",
    placeholder=_("All countries"),
    format_func=lambda c: _("All countries") if c is None else country_name(c),
)
leader = row[1].selectbox(
    _("North Korean side"),
    [None, *leaders],
    key="leader",
    placeholder=_("Any leader"),
    format_func=lambda v: _("Any leader") if v is None else _(v),
)
categories = row[2].multiselect(
    _("Kind of gift"), GIFT_CATEGORIES, key="category", format_func=gift_logic.value_label, placeholder=_("All kinds")
)
kinds = row[3].multiselect(
    _("Kind of source"),
    kinds_present,
    key="source_kind",
    format_func=source_kinds.label,
    placeholder=_("All sources"),
    help=_("Who publishes the page each gift is documented by. DPRK state media tells what the DPRK said."),
)

view = loaders.gift_view((period, direction, country, leader, tuple(categories), text, tuple(kinds)), today)
shown = view.shown
if shown.empty:
    st.info(
        _("No gifts match these filters. Try a wider period, another country, or clear the search."),
        icon=":material/search_off:",
    )
    ui.sources_footer(["gifts"])
    st.stop()

metrics = st.columns(4)
metrics[0].metric(_("Gifts shown"), len(shown))
received_label, given_label = (_(label) for label in gift_logic.DIRECTIONS.values())
metrics[1].metric(received_label, view.received)
metrics[2].metric(given_label, len(shown) - view.received)
metrics[3].metric(
    _("Most exchanges with ({count} gifts)").format(count=view.leading["gifts"].iloc[0]), view.leading["counterpart"].iloc[0]
)
st.caption(_("Sources of these gifts: {mix}.").format(mix=view.source_mix))

left, right = st.columns([3, 2])
with left:
    st.markdown("**" + _("Counterpart countries by number of gifts") + "**")
    st.plotly_chart(view.counterparts_map, config=ui.STATIC_MAP_CONFIG, width="stretch", key="gifts_map")
with right:
    st.markdown("**" + _("Who exchanges the most") + "**")
    st.dataframe(view.top, hide_index=True, width="stretch", column_config=table_columns.record_columns(view.top.columns))


def open_gift() -> None:
    """The "Open a gift card" list's callback."""
    st.session_state["gift"] = st.session_state.get("open_gift")


def open_selected_row() -> None:
    """The table's callback: a newly selected row's card (so a choice in the list sticks)."""
    rows = ((st.session_state.get("gift_table") or {}).get("selection") or {}).get("rows") or []
    if rows and rows[0] < len(shown):
        st.session_state["gift"] = shown.iloc[rows[0]]["gift_id"]


def close_gift() -> None:
    st.session_state["gift"] = None
    st.session_state["open_gift"] = None


st.markdown(_("**The gifts** — pick one in the list, or select a row, for its card"))
# The keyboard's way to a card: the table's rows select with Shift+Space only, which nobody guesses.
labels = dict(
    zip(
        shown["gift_id"],
        shown["date"].astype(str)
        + " · "
        + shown["item"].astype(str)
        + " ("
        + shown["giver"].astype(str)
        + " → "
        + shown["recipient"].astype(str)
        + ")",
        strict=True,
    )
)
st.session_state["open_gift"] = st.session_state.get("gift") if st.session_state.get("gift") in labels else None
st.selectbox(
    _("Open a gift card"),
    options=list(labels),
    format_func=labels.__getitem__,
    key="open_gift",
    on_change=open_gift,
    placeholder=_("Type a date, a gift or a name from the {count} gifts shown, then Enter").format(count=len(labels)),
    help=_("Opens the gift's card beside the table (below it on a narrow screen)."),
)
main, side = ui.record_layout()
country_column = st.column_config.LinkColumn(_("Country page"), display_text=r"country=(\w+)$", help=_("The counterpart's page"))
main.dataframe(
    view.table,
    hide_index=True,
    width="stretch",
    on_select=open_selected_row,
    selection_mode="single-row",
    key="gift_table",
    column_config=table_columns.record_columns(view.table.columns, {"country_page": country_column}),
)
ui.csv_download(_("Download these gifts (CSV)"), shown[DATASETS["gifts"].localized_columns], _("dprk-gifts.csv"), where=main)

chosen = st.session_state.get("gift")
if chosen in set(gifts["gift_id"]):
    card = gift_logic.gift_card(gifts.set_index("gift_id").loc[chosen])
    with side, st.container(border=True, key="gift_card"):
        with st.container(horizontal=True, vertical_alignment="center"):
            st.subheader(card["item"])
            st.button(_("Close"), key="close_gift", on_click=close_gift, width="content")
        focus.focus_record("gift_card", chosen)  # a click, a row or the list: focus and view follow
        occasion = _("occasion: {occasion}").format(occasion=card["occasion"])
        st.markdown(f"**{card['when']}** · {card['category']} · {occasion}")
        st.markdown(_("**From:** {giver}  \n**To:** {recipient}").format(giver=card["from"], recipient=card["to"]))
        if card["notes"]:
            st.caption(_("Notes: {notes}").format(notes=card["notes"]))
        st.markdown(_("Source: {source}").format(source=ui.source_markdown(card["source_url"])))
        if card["event_id"]:
            st.link_button(_("Open the related event"), links.timeline_record(card["event_id"]))
        for code in card["country_codes"]:
            label = _("{country}: its country page").format(country=country_name(code))
            url_state.page_link("country", label, ":material/flag:", country=code)

flows, over_time, summary = st.tabs([_("Flows"), _("Over time"), _("How it changed after 1989")])
with flows:
    st.plotly_chart(view.sankey, config=ui.CHART_CONFIG, width="stretch", key="gifts_sankey")
with over_time:
    st.plotly_chart(view.over_time, config=ui.CHART_CONFIG, width="stretch", key="gifts_timeline")
with summary:
    for table in (view.before_after, view.categories):
        st.dataframe(table, hide_index=True, width="stretch", column_config=table_columns.record_columns(table.columns))

ui.sources_footer(["gifts"])
