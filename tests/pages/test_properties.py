"""Property-based tests (hypothesis): no URL a visitor can paste breaks a page.

The pure readers of URL values never raise and only return valid values; every page, given any
mix of known and unknown query parameters with empty, repeated, huge, non-numeric, out-of-range,
unicode or markup values, still runs without an exception and shows at most one short notice.
"""

from __future__ import annotations

import datetime as dt
import string

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from atlas.core import params
from atlas.core.links import PARAMS
from atlas.core.pages import SCRIPTS
from tests.support.data import ROOT

HOSTILE = [
    "",
    " ",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "[click](javascript:alert(1))",
    "**bold** `code` $x$",
    "9" * 5000,
    "-1",
    "0",
    "1e309",
    "NaN",
    "1975.5",
    "²",
    "１９７５",
    "٣",
    "\x00",
    "%00",
    "DEU,DEU,,",
    "../../etc/passwd",
    "🇰🇵",
]
values = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=60),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.text(alphabet=string.ascii_uppercase, min_size=3, max_size=3),
)

# Every parameter any page reads, from the pages' own declarations, and one no page reads:
# unknown keys must be ignored.
PARAM_KEYS = sorted({param.name for declared in PARAMS.values() for param in declared}) + ["unknown_key"]
PAGES = list(SCRIPTS)
NOTICE = "Showing the default view instead."


@given(values)
@example("²")  # a Unicode digit that int() rejects: found by this test
def test_read_int_never_raises_and_stays_in_range(text):
    value, notice = params.read_int(text, "year", 1948, 2026)
    assert value is None or 1948 <= value <= 2026
    assert notice is None or (value is None and len(notice) < 240)


@given(st.one_of(values, st.lists(values, max_size=4), st.none()))
def test_readers_accept_repeated_and_missing_values(raw):
    codes = {"DEU", "FRA", "SUN"}
    code, notice = params.read_code(raw, "country", codes)
    assert code is None or code in codes
    choice, _ = params.read_choice(raw, "view", {"all", "cold-war"})
    assert choice is None or choice in {"all", "cold-war"}
    chosen, _ = params.read_choices(raw, "category", {"treaty", "war"})
    assert chosen is None or set(chosen) <= {"treaty", "war"}
    text = params.read_text(raw)
    assert text is None or len(text) <= 100
    # Short even when the value is all escapes (repr of "\x00" is four characters).
    assert notice is None or len(notice) < 240


def run_page(page: str, query: dict) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(page).run()
    return at


@pytest.mark.parametrize("page", PAGES)
@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    query=st.dictionaries(st.sampled_from(PARAM_KEYS), st.one_of(values, st.lists(values, min_size=2, max_size=3)), max_size=4)
)
def test_any_url_renders_with_at_most_one_short_notice(page, query):
    at = run_page(page, query)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "the page drew its heading"
    notices = [info.value for info in at.info if NOTICE in info.value]
    assert len(notices) <= 1
    assert all(len(n) <= 160 * max(len(query), 1) for n in notices)
    # Nothing on any page may render raw HTML, so markup from a URL can only ever be text.
    assert not any(element.proto.allow_html for element in at.markdown)


@settings(max_examples=15, deadline=None, derandomize=True)
@given(year=values)
def test_map_with_a_bad_year_shows_today(year):
    if params.read_int(year, "year", 1948, dt.date.today().year)[0] is not None:
        return  # a valid year is not this test's business
    at = run_page("app_pages/map.py", {"year": year})
    assert not at.exception
    assert at.slider(key="year").value == dt.date.today().year
