"""The map's UN alignment and leaders' visits views (issue 21): classes, rankings, periods, lists, figures."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from atlas.core import i18n
from atlas.queries import un_votes, visit_map
from atlas.queries.un_votes import alignment_class, alignment_status, most_and_least, percent, ranked, state_figure

SRC = "https://example.org/source"
TODAY = dt.date(2026, 6, 1)


def table(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["iso3", "year", "votes", "agreement"])


# (iso3, year, votes, agreement): SCG sits for Serbia in 2000; TUV shares 3 votes only.
ROWS = [
    ("CUB", 2015, 67, 0.91),
    ("CHN", 2015, 66, 0.917),
    ("USA", 2015, 67, 0.201),
    ("KOR", 2015, 67, 0.612),
    ("TUV", 2015, 3, 1.0),
    ("DNK", 2015, 67, 0.56),
    ("FRA", 2015, 67, 0.493),
    ("GBR", 2015, 67, 0.493),
    ("SCG", 2000, 70, 0.7),
    ("SRB", 2010, 70, 0.6),
]
# RelationsIndex.predecessors' shape: successor -> (predecessor, date, territory, continuity).
PREDECESSORS = {
    "SRB": [("SCG", dt.date(2006, 6, 5), "whole", True)],
    "MNE": [("SCG", dt.date(2006, 6, 3), "whole", False)],
    "SCG": [("YUG", dt.date(1992, 4, 27), "whole", True)],
    "RUS": [("SUN", dt.date(1991, 12, 26), "whole", True)],
    "KAZ": [("SUN", dt.date(1991, 12, 26), "whole", False)],
    "CZE": [("CSK", dt.date(1993, 1, 1), "whole", False)],
    "SVK": [("CSK", dt.date(1993, 1, 1), "whole", False)],
}


@pytest.mark.parametrize(
    ("agreement", "votes", "expected"),
    [
        (1.0, 50, "a90"),
        (0.9, 50, "a90"),  # a bound belongs to the class above it
        (0.899, 50, "a80"),
        (0.8, 50, "a80"),
        (0.65, 50, "a65"),
        (0.649, 50, "a50"),
        (0.5, 50, "a50"),
        (0.499, 50, "below50"),
        (0.0, 50, "below50"),
        (1.0, 9, "few"),
        (0.5, 10, "a50"),
        (None, None, "none"),
        (0.7, 0, "none"),
    ],
)
def test_alignment_classes(agreement, votes, expected):
    assert alignment_class(agreement, votes) == expected


def test_every_class_has_a_label_and_a_colour_in_order():
    from atlas.figures.palettes import ALIGNMENT_COLOURS

    assert set(un_votes.ALIGNMENT_LABELS) == set(ALIGNMENT_COLOURS)
    assert [key for key, _ in un_votes.ALIGNMENT_BINS] == list(un_votes.ALIGNMENT_LABELS)[:5]
    lowest = [bound for _, bound in un_votes.ALIGNMENT_BINS]
    assert lowest == sorted(lowest, reverse=True) and lowest[-1] == 0.0


def test_percent_keeps_one_decimal_so_a_share_never_reads_as_the_class_above():
    assert percent(0.896) == "89.6%" and percent(1) == "100.0%" and percent(0.2) == "20.0%"


def test_the_status_table_classes_states_and_marks_too_few_votes_and_no_votes():
    status = alignment_status(table(ROWS), 2015, ["CUB", "USA", "TUV", "PSE", "PRK", "KOR"]).set_index("iso3")
    assert status.loc["CUB", "category"] == "a90" and status.loc["CUB", "share"] == "91.0%"
    assert status.loc["CUB", "votes"] == "67"
    assert status.loc["USA", "category"] == "below50"
    assert status.loc["KOR", "category"] == "a50"
    assert status.loc["TUV", "category"] == "few" and status.loc["TUV", "votes"] == "3"
    assert status.loc["PSE", "category"] == "none" and status.loc["PSE", "share"] == "—"
    assert pd.isna(status.loc["PSE", "agreement"])
    assert status.loc["PRK", "category"] == "dprk"


def test_a_territory_takes_its_states_vote_and_a_successor_its_predecessors_seat():
    frame = table(ROWS)
    status = alignment_status(frame, 2015, ["GRL", "DNK"], territory_of={"GRL": "DNK"}).set_index("iso3")
    assert status.loc["GRL", "category"] == status.loc["DNK", "category"] == "a50"
    assert status.loc["GRL", "detail"] == "as part of Denmark"
    # Serbia and Montenegro held the seat until 2006: in 2000 both successors take its vote.
    status = alignment_status(frame, 2000, ["SRB", "MNE"], PREDECESSORS).set_index("iso3")
    assert status.loc["SRB", "category"] == status.loc["MNE", "category"] == "a65"
    assert status.loc["SRB", "detail"] == "the vote of Serbia and Montenegro"
    # In 2010 Serbia votes in its own name; Montenegro (no row) is not given Serbia's vote.
    status = alignment_status(frame, 2010, ["SRB", "MNE"], PREDECESSORS).set_index("iso3")
    assert status.loc["SRB", "detail"] == "" and status.loc["MNE", "category"] == "none"


def test_rankings_leave_out_too_few_votes_share_ranks_on_ties_and_never_depend_on_file_order():
    frame = table(ROWS)
    order = ranked(frame, 2015)
    assert "TUV" not in set(order["iso3"])
    assert list(order["iso3"])[:2] == ["CHN", "CUB"]
    tied = order.set_index("iso3").loc[["FRA", "GBR"], "rank"]
    assert tied.nunique() == 1
    assert order.equals(ranked(frame.iloc[::-1], 2015))
    top, bottom = most_and_least(frame, 2015, count=2)
    assert list(top["iso3"]) == ["CHN", "CUB"]
    assert list(bottom["iso3"]) == ["USA", "FRA"]  # tied with GBR: by code, as in the top list
    assert list(ranked(frame, 2015, exclude=["CHN"])["iso3"])[0] == "CUB"


def test_a_states_figure_has_its_rank_or_none_when_it_has_too_few_votes():
    frame = table(ROWS)
    rok = state_figure(frame, 2015, "KOR")
    assert rok == {"agreement": 0.612, "votes": 67, "rank": 3, "ranked": 7}
    assert state_figure(frame, 2015, "TUV")["rank"] is None
    assert state_figure(frame, 1995, "KOR") is None


def test_the_shipped_table_puts_cuba_high_and_the_united_states_low_in_2015():
    from atlas.data.loading import read_table

    frame = read_table("un_alignment")
    status = alignment_status(frame, 2015, ["CUB", "USA", "KOR"]).set_index("iso3")["category"]
    assert status["CUB"] == "a90" and status["USA"] == "below50"
    assert un_votes.alignment_years(frame)[0] == 1991


# --- Leaders' visits ---


def visits(rows) -> pd.DataFrame:
    columns = ["visit_id", "start_date", "end_date", "leader", "leader_iso3", "host_iso3", "places", "kind", "summary"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["source_url"] = SRC
    return frame


VISITS = visits(
    [
        ("a", "1956-06-01", "", "Kim Il Sung", "PRK", "SUN", "Moscow", "other", "Trip [one]"),
        ("b", "1977", "", "Josip Broz Tito", "YUG", "PRK", "Pyongyang", "official_visit", ""),
        ("c", "2018-06-10", "2018-06-12", "Kim Jong Un", "PRK", "SGP", "Singapore;Sentosa", "summit", "Summit"),
        ("d", "2019-06-20", "", "Xi Jinping", "CHN", "PRK", "Pyongyang", "state_visit", ""),
        ("e", "2019-01-07", "", "Kim Jong Un", "PRK", "CHN", "Beijing", "official_visit", ""),
        ("f", "2019-06-30", "", "Donald Trump", "USA", "KOR", "Panmunjom", "summit", ""),
        ("g", "1993-05", "", "<b>Someone</b>", "CSK", "PRK", "", "other", ""),
    ]
)


@pytest.mark.parametrize(
    ("period", "year", "span"),
    [
        ("year", 2019, (dt.date(2019, 1, 1), dt.date(2019, 12, 31))),
        ("decade", 2019, (dt.date(2010, 1, 1), dt.date(2019, 12, 31))),
        ("decade", 1950, (dt.date(1948, 9, 9), dt.date(1950, 12, 31))),
        ("all", 1960, (dt.date(1948, 9, 9), TODAY)),
        ("era", 1960, (dt.date(1948, 9, 9), dt.date(1994, 7, 8))),
        ("era", 1994, (dt.date(1994, 7, 8), dt.date(2011, 12, 17))),  # the leader at the year's end
        ("era", 2019, (dt.date(2011, 12, 17), TODAY)),
        ("year", 2026, (dt.date(2026, 1, 1), TODAY)),
    ],
)
def test_period_spans(period, year, span):
    assert visit_map.period_span(period, year, TODAY) == span


def test_period_titles():
    assert visit_map.period_title("era", 2019, TODAY) == "Leaders' visits to and from the DPRK under Kim Jong Un, 2011–2026"
    assert visit_map.period_title("decade", 2019, TODAY) == "Leaders' visits to and from the DPRK, 2010–2019"
    assert visit_map.period_title("year", 2019, TODAY) == "Leaders' visits to and from the DPRK in 2019"
    with i18n.language("ko"):
        assert visit_map.period_title("era", 1970, TODAY) == "김일성 시기 북한 정상 외교 방문, 1948–1994년"


def test_visits_in_a_period_with_their_direction_and_partner():
    shown = visit_map.visits_in(VISITS, dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    assert list(shown["visit_id"]) == ["e", "d", "f"]
    assert list(shown["direction"]) == ["abroad", "to_dprk", "elsewhere"]
    assert list(shown["partner"]) == ["CHN", "CHN", "USA"]
    assert visit_map.visit_counts(shown) == {"abroad": 1, "to_dprk": 1, "elsewhere": 1}
    assert visit_map.visits_in(VISITS.iloc[:0], dt.date(2019, 1, 1), dt.date(2019, 12, 31)).empty


def test_dissolved_states_are_drawn_on_the_state_that_continued_them_else_on_all_successors():
    mapped = {"RUS", "KAZ", "SRB", "MNE", "CZE", "SVK", "CHN"}
    assert visit_map.today_codes("SUN", mapped, PREDECESSORS) == ["RUS"]
    assert visit_map.today_codes("YUG", mapped, PREDECESSORS) == ["SRB"]  # through Serbia and Montenegro
    assert visit_map.today_codes("CSK", mapped, PREDECESSORS) == ["CZE", "SVK"]
    assert visit_map.today_codes("CHN", mapped, PREDECESSORS) == ["CHN"]
    assert visit_map.today_codes("VDR", mapped, PREDECESSORS) == []


def test_the_visit_status_colours_both_ways_and_lists_the_visits_in_the_hover():
    codes = ["CHN", "SGP", "USA", "RUS", "SRB", "CZE", "FRA", "PRK"]
    status = visit_map.visit_status(visit_map.visits_in(VISITS, dt.date(1948, 9, 9), TODAY), codes, PREDECESSORS)
    status = status.set_index("iso3")
    assert status.loc["CHN", "category"] == "both" and status.loc["CHN", "count"] == "2"
    assert status.loc["SGP", "category"] == "abroad"
    assert "10 June 2018: Kim Jong Un in Singapore, Sentosa" in status.loc["SGP", "visits"]
    assert status.loc["USA", "category"] == "elsewhere"
    assert status.loc["RUS", "category"] == "abroad" and status.loc["RUS", "detail"] == "as Soviet Union"
    assert status.loc["SRB", "category"] == "to_dprk"
    assert "&lt;b&gt;Someone&lt;/b&gt;" in status.loc["CZE", "visits"]  # data text never becomes markup
    assert status.loc["FRA", "category"] == "none" and status.loc["FRA", "visits"] == "—"
    assert status.loc["PRK", "category"] == "dprk"


def test_a_long_hover_list_says_how_many_more():
    many = visits([(f"v{i}", f"2019-0{i + 1}-01", "", "Kim Jong Un", "PRK", "CHN", "Beijing", "other", "") for i in range(8)])
    status = visit_map.visit_status(visit_map.visits_in(many, dt.date(2019, 1, 1), TODAY), ["CHN"])
    assert status.loc[0, "visits"].count("<br>") == visit_map.HOVER_VISITS
    assert status.loc[0, "visits"].endswith("… and 2 more")


def test_visit_lines_escape_data_text_and_link_the_partners_country_page():
    shown = visit_map.visits_in(VISITS, dt.date(1948, 9, 9), TODAY)
    lines = visit_map.visit_lines(shown, linkable={"SUN", "CHN"})
    first = lines[0]
    assert first.startswith("- **1 June 1956** · Kim Il Sung visited Soviet Union (Moscow)")
    assert r"Trip \[one\]" in first and "[Soviet Union's record](country?country=SUN)" in first.replace("\\'", "'")
    assert "source: [example.org]" in first
    singapore = next(line for line in lines if "Singapore" in line)
    assert "**10 June 2018 – 12 June 2018**" in singapore and ", summit" in singapore and "record]" not in singapore
    trump = next(line for line in lines if "Trump" in line)
    assert "Donald Trump of United States met the DPRK's leader in South Korea" in trump
    assert r"\<b\>Someone\</b\>" in lines[2]


def test_the_figures_draw_the_classes_in_the_legend_and_the_hover_lines():
    from atlas.figures.why_maps import alignment_map, visits_map

    dots = pd.DataFrame(columns=["iso3", "lon", "lat"])
    status = alignment_status(table(ROWS), 2015, ["CUB", "USA", "TUV", "PRK"])
    figure = alignment_map(status, dots, "Title")
    legend = [trace.name for trace in figure.data if trace.showlegend]
    assert legend[:5] == [
        "Agreed 90–100% of the time",
        "80–90%",
        "65–80%",
        "50–65%",
        "Under 50%: more often against the DPRK<br>than with it",
    ]
    assert any("Too few votes" in name for name in legend) and not any("No votes" in name for name in legend)
    shapes = figure.data[0]
    rows = {row[-1]: row for row in shapes.customdata}
    assert rows["CUB"][1:4] == ["Agreed 90–100% of the time", "91.0%", "67"]
    assert "Agreement with the DPRK: %{customdata[2]}" in shapes.hovertemplate
    assert "Votes shared with the DPRK: %{customdata[3]}" in shapes.hovertemplate
    shown = visit_map.visits_in(VISITS, dt.date(2019, 1, 1), TODAY)
    figure = visits_map(visit_map.visit_status(shown, ["CHN", "USA", "FRA", "PRK"]), dots, "Visits")
    legend = [trace.name for trace in figure.data if trace.showlegend]
    assert "Visited by a DPRK leader" in legend and "Its leader came to the DPRK" in legend
