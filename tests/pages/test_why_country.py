"""The country page's "Beyond recognition" section and the Story's record paragraphs (issue 21)."""

from __future__ import annotations

import json
import re

import pytest

from atlas.core import i18n
from atlas.data.loading import read_table
from tests.support.apptest import open_page

COUNTRY = "app_pages/country.py"
STORY = "app_pages/story.py"
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture
def untranslated():
    i18n.missing.clear()
    yield i18n.missing
    i18n.missing.clear()


def plain(text: str) -> str:
    """Markdown as read: the escapes that keep data text literal taken out."""
    return re.sub(r"\\(.)", r"\1", text)


def inside(at, key: str) -> str:
    """The markdown drawn in one keyed container."""
    return " ".join(plain(m.value) for m in _container(at, key).markdown)


def _container(at, key: str):
    for block in at.main.children.values():
        found = _find(block, key)
        if found is not None:
            return found
    raise AssertionError(f"no container {key}")


def _find(node, key):
    if getattr(getattr(node, "proto", None), "id", "").endswith(key) or key in str(getattr(node, "key", "") or ""):
        return node
    for child in getattr(node, "children", {}).values():
        found = _find(child, key)
        if found is not None:
            return found
    return None


def headings(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("#### ")]


def alignment_traces(at) -> list[dict]:
    charts = [c for c in at.get("plotly_chart") if c.proto.id.endswith("alignment_chart")]
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)["data"]


def test_russia_shows_the_soviet_treaty_its_own_two_and_its_alignment():
    at = open_page(COUNTRY, {"country": "RUS"})
    assert "Beyond recognition" in [s.value for s in at.subheader]
    treaties = inside(at, "beyond_treaties")
    for title in (
        "Treaty of Friendship, Co-operation and Mutual Assistance between the USSR and the DPRK",
        "Treaty of Friendship, Good-Neighbourliness and Cooperation between the Russian Federation and the DPRK",
        "Treaty on Comprehensive Strategic Partnership between the Russian Federation and the DPRK",
    ):
        assert title in treaties, title
    assert "signed 6 July 1961 · ended 1996" in treaties and "with Soviet Union" in treaties
    assert "signed 19 June 2024 · in force since 4 December 2024" in treaties
    traces = alignment_traces(at)
    assert [t["name"] for t in traces] == ["Russia", "South Korea (for comparison)"]
    alignment = read_table("un_alignment")
    russia = alignment[alignment["iso3"] == "RUS"]
    assert traces[0]["x"] == russia["year"].tolist() and traces[0]["x"][0] == 1991
    assert any("1 means always the same vote" in c.value for c in at.caption)
    assert "#### Security Council decisions it vetoed (4)" in headings(at)
    vetoes = inside(at, "beyond_vetoes")
    assert "8 April 1949" in vetoes and "28 March 2024" in vetoes
    visits = next(t.value for t in at.dataframe if "direction" in t.value.columns)
    assert "Vladimir Putin" in set(visits["leader"]) and "Kim Il Sung" in set(visits["leader"])
    assert not at.error


def test_china_shows_the_1961_treaty_and_visits_both_ways():
    at = open_page(COUNTRY, {"country": "CHN"})
    treaties = inside(at, "beyond_treaties")
    assert "Treaty of Friendship, Cooperation and Mutual Assistance between the PRC and the DPRK" in treaties
    assert "signed 11 July 1961 · in force since 10 September 1961" in treaties
    visits = next(t.value for t in at.dataframe if "direction" in t.value.columns)
    assert {"to the DPRK", "DPRK leader to China"} <= set(visits["direction"])
    assert {"Xi Jinping", "Kim Jong Un"} <= set(visits["leader"])
    assert f"#### Leaders' visits ({len(visits)})" in headings(at)
    assert [t["name"] for t in alignment_traces(at)] == ["China", "South Korea (for comparison)"]
    assert "26 May 2022" in inside(at, "beyond_vetoes")


def test_a_dissolved_state_shows_what_it_has():
    at = open_page(COUNTRY, {"country": "SUN"})
    assert "Treaty of Friendship, Co-operation and Mutual Assistance between the USSR and the DPRK" in inside(
        at, "beyond_treaties"
    )
    assert not [c for c in at.get("plotly_chart") if c.proto.id.endswith("alignment_chart")]  # no UN votes after 1991
    assert "#### Voting with the DPRK at the United Nations" not in headings(at)
    assert any(h.startswith("#### Leaders' visits") for h in headings(at))


def test_each_part_shows_only_when_it_has_rows():
    at = open_page(COUNTRY, {"country": "FJI"})
    assert "Beyond recognition" in [s.value for s in at.subheader]  # Fiji votes at the UN, and that is all
    assert headings(at) == ["#### Voting with the DPRK at the United Nations"]
    at = open_page(COUNTRY, {"country": "GRL"})  # a territory: no treaty, vote, visit or veto of its own
    assert "Beyond recognition" not in [s.value for s in at.subheader] and not headings(at)


@pytest.mark.parametrize("code", ["RUS", "CHN"])
def test_beyond_recognition_in_korean(untranslated, code):
    at = open_page(COUNTRY, {"country": code, "lang": "ko"})
    assert "수교 너머" in [s.value for s in at.subheader]
    assert all(HANGUL.search(h) for h in headings(at)), headings(at)
    traces = alignment_traces(at)
    assert traces[1]["name"] == "한국(비교용)"
    assert "1961년" in inside(at, "beyond_treaties")
    assert not untranslated, sorted(untranslated)


def test_the_sanctions_chapter_cites_the_councils_resolutions():
    council = read_table("security_council")
    at = open_page(STORY, {"chapter": "7"})
    text = plain(" ".join(m.value for m in at.markdown))
    sanctions = council[
        (council["kind"] == "sanctions") & (council["outcome"] == "adopted") & council["date"].between("2002-10", "2017-12-22")
    ]
    assert f"it adopted {len(sanctions)} sanctions resolutions on the North" in text
    assert "14 October 2006" in text
    assert not at.error and not at.warning


def test_the_summit_chapter_counts_kim_jong_uns_trips_in_both_languages(untranslated):
    visits = read_table("visits")
    trips = len(visits[(visits["leader"] == "Kim Jong Un") & (visits["host_iso3"] != "PRK")])
    at = open_page(STORY, {"chapter": "8"})
    assert f"Kim Jong Un made {trips} trips outside the North" in plain(" ".join(m.value for m in at.markdown))
    at = open_page(STORY, {"chapter": "8", "lang": "ko"})
    assert f"김정은은 북한 밖으로 {trips}회 나갔고" in plain(" ".join(m.value for m in at.markdown))
    assert not untranslated, sorted(untranslated)
