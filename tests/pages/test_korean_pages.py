"""Every page and view in Korean (issue 20): no message left untranslated, the page's title and
every chart's title and legend in Korean, tables without English region names or date notes."""

from __future__ import annotations

import re

import pytest

from atlas.core import i18n
from tests.support.apptest import figures, open_page

HANGUL = re.compile(r"[\uac00-\ud7a3]")
VIEWS = [
    ("app_pages/home.py", {}),
    ("app_pages/map.py", {"year": "1975", "country": "CHN"}),
    ("app_pages/map.py", {"year": "1992", "compare": "1988"}),
    ("app_pages/map.py", {"year": "1980", "view": "embassies"}),
    ("app_pages/map.py", {"year": "1975", "view": "both"}),
    ("app_pages/timeline.py", {"lanes": "events,relations,treaties,organisations,council,visits"}),
    ("app_pages/gifts.py", {"gift": "2000-basketball-autographed-by-michael-jordan"}),
    ("app_pages/country.py", {"country": "RUS"}),
    ("app_pages/story.py", {"chapter": "5"}),
    ("app_pages/data.py", {"dataset": "treaties"}),
]
ENGLISH_REGION = re.compile(r"^(Northern|Southern|Eastern|Western|Central|North|South) (Africa|America|Asia|Europe)$")


@pytest.mark.parametrize("page, params", VIEWS, ids=[f"{p.split('/')[-1]}-{'-'.join(v.values())}" for p, v in VIEWS])
def test_every_view_reads_in_korean(page, params):
    i18n.missing.clear()
    with i18n.language(i18n.KOREAN):  # AppTest formats widget values in this thread's language
        at = open_page(page, {**params, "lang": "ko"})
    assert not i18n.missing, sorted(i18n.missing)[:20]
    assert at.title and HANGUL.search(at.title[0].value), [t.value for t in at.title]
    for figure in figures(at):
        layout = figure.get("layout", {})
        title = (layout.get("title") or {}).get("text", "")
        assert not title or HANGUL.search(title), title
        names = [t.get("name") or "" for t in figure.get("data", []) if t.get("showlegend", True) and t.get("name")]
        assert all(HANGUL.search(name) or not re.search(r"[A-Za-z]{3}", name) for name in names), names
    if page != "app_pages/data.py":  # the Data page shows the files as they are
        for frame in (df.value for df in at.dataframe):
            cells = frame.astype(str).to_numpy().ravel()
            assert not [c for c in cells if ENGLISH_REGION.match(c) or "(date uncertain)" in c][:3]
