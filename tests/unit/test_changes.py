"""What changed between two dates and in one year: a synthetic world, then the shipped data's figures."""

import datetime as dt

import pytest

from atlas.data.loading import load_relations_data
from atlas.queries import changes
from atlas.queries.relations import RelationsIndex, count_with_relations, relations_at
from tests.support.data import SRC, synthetic_data

D = dt.date


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return RelationsIndex(load_relations_data(synthetic_data(tmp_path_factory.mktemp("data"))))


@pytest.fixture(scope="module")
def shipped():
    return RelationsIndex(load_relations_data())


@pytest.mark.parametrize(
    ("before", "after", "kind"),
    [
        ("none", "relations", "gained"),
        ("severed", "relations", "restored"),  # back after a break: restored, not merely gained
        ("suspended", "via_predecessor", "restored"),
        ("relations", "severed", "lost"),
        ("via_predecessor", "none", "lost"),
        ("partial_predecessor", "none", "lost"),
        ("via_predecessor", "relations", "successor"),
        ("partial_predecessor", "relations", "successor"),
        ("none", "severed", "lost"),  # established and severed in between (Chile 1961 -> 1988)
        ("none", "suspended", "lost"),  # Australia 1961 -> 1988
        ("severed", "suspended", "lost"),
        ("relations", "relations", "unchanged_with"),
        ("none", "none", "unchanged_without"),
        ("severed", "severed", "unchanged_without"),
        ("dprk", "dprk", "dprk"),
        ("none", "undated", "undated"),
    ],
)
def test_change_kind(before, after, kind):
    assert changes.change_kind(before, after) == kind
    assert kind != "changed" and kind in changes.COMPARE_ORDER


@pytest.mark.parametrize(
    ("before", "after", "kind"),
    [
        ("relations", "relations", "restored"),  # broken and restored in between
        ("none", "relations", "restored"),  # established, broken, restored (Mauritania 1961 -> 1988)
        ("via_predecessor", "relations", "restored"),
        ("severed", "severed", "lost"),  # restored and severed again in between
        ("none", "none", "unchanged_without"),
    ],
)
def test_change_kind_with_a_break_in_between(before, after, kind):
    assert changes.change_kind(before, after, broke=True) == kind


def test_compare_categories_have_labels_colours_and_no_changed():
    from atlas.figures.palettes import COMPARE_COLOURS

    assert list(COMPARE_COLOURS) == list(changes.COMPARE_ORDER)
    assert "changed" not in changes.COMPARE_ORDER
    assert set(changes.CHANGE_KINDS) == set(changes.CHANGE_NAMES) <= set(changes.COMPARE_ORDER)
    assert len(set(COMPARE_COLOURS.values())) == len(COMPARE_COLOURS)
    assert len(set(changes.COMPARE_LABELS.values())) == len(changes.COMPARE_LABELS)


def rows_by_code(index, earlier, later):
    status = changes.compare_status(index, earlier, later)
    return status.set_index("iso3").to_dict("index")


def test_dissolution_of_the_ussr_and_east_germany(index):
    rows = rows_by_code(index, D(1988, 12, 31), D(1992, 12, 31))
    # Russia continues the USSR: the territory keeps relations, now its own, dated by the succession.
    assert rows["RUS"]["category"] == "successor" and rows["RUS"]["change"] == "Passed to a successor"
    assert rows["RUS"]["from"] == "Relations through a predecessor state (Soviet Union)"
    assert rows["RUS"]["to"] == "Diplomatic relations"
    assert (rows["RUS"]["date"], rows["RUS"]["event"]) == ("1991-12-26", "Succeeded Soviet Union as its continuing state")
    # Ukraine set up its own relations after independence: the cause is its own establishment.
    assert rows["UKR"]["category"] == "successor"
    assert (rows["UKR"]["date"], rows["UKR"]["event"]) == ("1992-01-09", "Relations established")
    # Estonia left the USSR and never had relations of its own: lost, at independence.
    assert rows["EST"]["category"] == "lost"
    assert rows["EST"]["date"] == "1991-09-06"
    # Germany: East Germany's part had relations until reunification.
    assert rows["DEU"]["category"] == "lost"
    assert rows["DEU"]["event"] == "Took over the territory of East Germany"
    assert rows["DEU"]["source_url"] == SRC
    assert rows["DEU"]["region"] == "Western Europe" and rows["DEU"]["continent"] == "Europe"
    assert rows["USA"]["category"] == "unchanged_without"
    assert rows["PRK"]["category"] == "dprk"


def test_suspension_restoration_and_severance(index):
    rows = rows_by_code(index, D(1975, 1, 1), D(1976, 1, 1))
    assert rows["AUS"]["category"] == "lost"
    assert (rows["AUS"]["to"], rows["AUS"]["date"]) == ("Relations suspended", "1975-11")
    rows = rows_by_code(index, D(1999, 12, 31), D(2001, 12, 31))
    assert rows["AUS"]["category"] == "restored" and rows["AUS"]["event"] == "Relations restored"
    assert rows["AUS"]["change"] == "Restored"
    assert rows["DEU"]["category"] == "gained" and rows["DEU"]["date"] == "2001-03-01"
    rows = rows_by_code(index, D(2020, 1, 1), D(2023, 1, 1))
    assert {code for code, row in rows.items() if row["category"] == "lost"} == {"MYS", "UKR"}


def test_changes_between_lists_only_changes_grouped_by_kind(index):
    table = changes.changes_between(changes.compare_status(index, D(1988, 12, 31), D(1992, 12, 31)))
    assert list(table.columns) == changes.CHANGE_COLUMNS
    assert set(table["change"]) <= {"Gained", "Restored", "Lost", "Passed to a successor"}
    kinds = {name: kind for kind, name in changes.CHANGE_NAMES.items()}
    order = [changes.CHANGE_KINDS.index(kinds[name]) for name in table["change"]]
    assert order == sorted(order)
    assert "USA" not in set(table["iso3"])
    assert table["source_url"].ne("").all()


def test_party_changes_balance_the_counts(index):
    earlier, later = D(1988, 12, 31), D(1992, 12, 31)
    parties = changes.party_changes(index, earlier, later)
    lost = parties[parties["change"] == "Lost"]
    assert set(lost["iso3"]) == {"SUN", "DDR"}
    assert lost.set_index("iso3").loc["DDR", "event"] == "East Germany ceased to exist"
    gained = parties[parties["change"] == "Gained"]
    assert set(gained["iso3"]) == {"RUS", "UKR"}
    assert count_with_relations(index, earlier) + len(gained) - len(lost) == count_with_relations(index, later)


def test_year_changes_lists_each_event_once(index):
    assert set(changes.year_changes(index, 1948)["iso3"]) == {"SUN"}  # not Russia's copy of the USSR's record
    year = changes.year_changes(index, 1975)
    assert list(year["event"]) == ["Relations suspended"]
    assert list(year.columns) == changes.YEAR_COLUMNS
    assert changes.year_changes(index, 1900).empty


def test_year_change_lines_read_as_the_rows_say():
    import pandas as pd

    rows = pd.DataFrame(
        [
            {
                "date": "1975-04-22",
                "iso3": "PRT",
                "name": "Portugal",
                "continent": "Europe",
                "region": "Southern Europe",
                "event": "Relations established",
                "source_url": "https://www.mfa.gov.kp/view/article/1",
            },
            {
                "date": "1975",
                "iso3": "XXX",
                "name": "[Evil](javascript:alert(1)) **bold** :red[x] <b>",
                "continent": "",
                "region": "",
                "event": "Relations suspended",
                "source_url": "",
            },
        ]
    )
    first, second = changes.year_change_lines(rows)
    assert first == (
        "- **22 April 1975** · Portugal (Europe · Southern Europe): Relations established"
        " · source: [mfa.gov.kp](<https://www.mfa.gov.kp/view/article/1>) · DPRK state media or friendship association"
    )
    # A name from the data never becomes a link, bold text, a colour or a tag.
    assert second.startswith("- **1975** · \\[Evil\\]\\(javascript\\:alert\\(1\\)\\) \\*\\*bold\\*\\* \\:red\\[x\\] \\<b\\>: ")
    assert second.endswith("source: no source given")


def test_region_filter_and_options(shipped):
    year = changes.year_changes(shipped, 1975)
    options = changes.region_options(year)
    assert options[0] == changes.ALL_REGIONS and "Africa" in options and "Africa · Western Africa" in options
    africa = changes.filter_region(year, "Africa")
    assert len(africa) >= 5 and set(africa["continent"]) == {"Africa"}
    assert set(changes.filter_region(year, "Africa · Western Africa")["region"]) == {"Western Africa"}
    assert len(changes.filter_region(year, changes.ALL_REGIONS)) == len(year)
    assert changes.filter_region(year, "Atlantis").empty
    every = changes.region_options(changes.year_changes(shipped, 1992))
    assert "South America" in every and "South America · South America" not in every


def test_issue_figures_1988_to_1992(shipped):
    """The issue's hand diff, redone independently: the two map CSVs' categories and the party counts.

    With the data of 29 Nov 2026 this is 92 -> 109 parties and 28 changed states, as the issue
    says; the assertions are the identities, so that new data rows do not break them.
    """
    earlier, later = D(1988, 12, 31), D(1992, 12, 31)
    before = relations_at(shipped, earlier).set_index("iso3")["category"]
    after = relations_at(shipped, later).set_index("iso3")["category"]
    hand_diff = set(before.index[before != after])
    table = changes.changes_between(changes.compare_status(shipped, earlier, later))
    assert set(table["iso3"]) == hand_diff
    assert len(table) >= 25
    by_code = table.set_index("iso3")
    assert by_code.loc["NAM", "change"] == "Gained" and by_code.loc["NAM", "continent"] == "Africa"
    assert by_code.loc["CHL", "event"] == "Relations restored" and by_code.loc["CHL", "change"] == "Restored"
    assert by_code.loc["UKR", "change"] == "Passed to a successor"
    assert by_code.loc["NIC", "change"] == "Lost"
    assert by_code.loc["HRV", "from"] == "Relations through a predecessor state (Yugoslavia)"
    assert table["date"].ne("").all() and table["source_url"].str.startswith("http").all()
    parties = changes.party_changes(shipped, earlier, later)
    assert set(parties.loc[parties["change"] == "Lost", "iso3"]) >= {"SUN", "DDR", "YUG"}
    gained, lost = (parties["change"] == "Gained").sum(), (parties["change"] == "Lost").sum()
    restored = (parties["change"] == "Restored").sum()
    assert set(parties["change"]) == set(changes.PARTY_CHANGES)
    assert parties.set_index("iso3").loc["CHL", "change"] == "Restored"  # as the map says
    assert count_with_relations(shipped, earlier) + gained + restored - lost == count_with_relations(shipped, later)
    assert parties["date"].ne("").all()


def test_undated_relations_are_drawn_apart_and_never_listed_as_a_change(tmp_path):
    today = D(2026, 11, 29)
    index = RelationsIndex(load_relations_data(synthetic_data(tmp_path / "data")), today=today)
    status = changes.compare_status(index, D(2020, 12, 31), today)
    niger = status.set_index("iso3").loc["NER"]
    assert niger["category"] == "undated" and niger["change"] == ""
    assert "NER" not in set(changes.changes_between(status)["iso3"])
    parties = changes.party_changes(index, D(2020, 12, 31), today).set_index("iso3")
    # Counted among today's parties (as the home page counts it), with no invented date.
    assert parties.loc["NER", "change"] == "Gained" and parties.loc["NER", "date"] == ""
    assert "no source dates" in parties.loc["NER", "event"]
