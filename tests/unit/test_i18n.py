"""The Korean atlas's pure parts: the catalog covers every message, names and dates the Korean way,
and the language is per run, never per process."""

from __future__ import annotations

import ast
import datetime as dt
import re
import threading

import pytest

from atlas.core import i18n
from atlas.core.countries import country_name, known_codes
from atlas.core.dates import format_date, format_noted, format_partial
from atlas.core.paths import PROJECT_ROOT
from tools import messages

HANGUL = re.compile(r"[\uac00-\ud7a3]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def test_every_message_in_the_code_has_a_korean_entry():
    gaps = messages.missing()
    assert not gaps, "messages without Korean (run python -m tools.messages --update, then translate):\n" + "\n".join(
        f"{places[0]}: {message}" for message, places in list(gaps.items())[:40]
    )


def test_the_catalog_holds_only_messages_the_code_uses():
    used = set(messages.extract())
    unused = [m for m in i18n.catalog.__wrapped__(i18n.KOREAN) if m not in used]
    assert not unused, f"catalog entries no code uses (python -m tools.messages --update drops them): {unused[:20]}"


def test_korean_messages_keep_the_placeholders_of_the_english():
    for english, korean in i18n.catalog.__wrapped__(i18n.KOREAN).items():
        for text in korean if isinstance(korean, tuple) else (korean,):
            assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(text)), (english, text)
            assert HANGUL.search(text) or not HANGUL.search(english + "가"), (english, text)


def test_the_extractor_finds_a_message_and_the_checker_fails_on_a_gap(tmp_path):
    (tmp_path / "atlas").mkdir()
    (tmp_path / "atlas" / "planted.py").write_text('from atlas.core.i18n import _\nLABEL = _("A message nobody translated")\n')
    found = messages.extract(tmp_path)
    assert found == {"A message nobody translated": ["atlas/planted.py:2"]}
    assert "A message nobody translated" not in i18n.catalog.__wrapped__(i18n.KOREAN)


def _calls_with_formatted_strings(path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        called = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"_", "N_", "ngettext"}
        if called and any(isinstance(arg, ast.JoinedStr) for arg in node.args):
            lines.append(node.lineno)
    return lines


def test_no_message_is_an_f_string():
    """An f-string cannot be a catalog key: the values go in with ``.format`` after translation."""
    paths = [PROJECT_ROOT / "app.py", *PROJECT_ROOT.glob("app_pages/*.py"), *PROJECT_ROOT.glob("atlas/**/*.py")]
    bad = {str(p.relative_to(PROJECT_ROOT)): lines for p in paths if (lines := _calls_with_formatted_strings(p))}
    assert not bad


def test_dates_keep_their_precision_in_korean():
    with i18n.language("ko"):
        assert format_partial("1948-10-12") == "1948년 10월 12일"
        assert format_partial("1972-11") == "1972년 11월"
        assert format_partial("1975") == "1975년"
        assert format_date(dt.date(1988, 7, 7)) == "1988년 7월 7일"
        assert format_noted("1983-11-04 (date uncertain)") == f"1983년 11월 4일 ({i18n._('date uncertain')})"
    assert format_partial("1972-11") == "November 1972"
    assert format_date(dt.date(1988, 7, 7)) == "7 July 1988"


def test_every_code_has_a_korean_name_and_the_two_koreas_are_named_as_in_the_south():
    with i18n.language("ko"):
        assert country_name("PRK") == "북한"
        assert country_name("KOR") == "한국"
        assert [country_name(c) for c in ("SUN", "DDR", "YUG", "CSK", "YMD", "VDR")] == [
            "소련",
            "동독",
            "유고슬라비아",
            "체코슬로바키아",
            "남예멘",
            "북베트남",
        ]
        unnamed = [code for code in known_codes() if not HANGUL.search(country_name(code))]
    assert not unnamed
    assert country_name("PRK") == "North Korea"


def test_two_runs_in_two_languages_at_once_each_read_their_own():
    seen: dict[str, list[str]] = {}
    barrier = threading.Barrier(2)

    def visit(lang: str) -> None:
        i18n.activate(lang)
        barrier.wait()  # both languages are active at once before either reads
        seen[lang] = [i18n._("Recognition map"), country_name("SUN"), format_partial("1961-07")]

    threads = [threading.Thread(target=visit, args=(lang,)) for lang in ("ko", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen["ko"] == ["수교 지도", "소련", "1961년 7월"]
    assert seen["en"] == ["Recognition map", "Soviet Union", "July 1961"]


def test_a_message_missing_from_the_catalog_is_recorded_and_shown_in_english():
    i18n.missing.discard("Not in any catalog")
    with i18n.language("ko"):
        assert i18n._("Not in any catalog") == "Not in any catalog"
    assert "Not in any catalog" in i18n.missing
    i18n.missing.discard("Not in any catalog")


@pytest.mark.parametrize("lang, expected", [("ko", "ko"), ("xx", "en")])
def test_links_carry_the_language_the_address_needs(lang, expected):
    from atlas.core import links

    with i18n.language(lang):
        i18n.activate(lang, browser="en")
        link = links.map_at(1975)
        i18n.activate("en", browser="en")
    assert ("lang=ko" in link) == (expected == "ko")


def test_every_english_text_a_visitor_reads_needs_its_korean(tmp_path):
    from atlas.data.loading import DataError, read_table
    from tests.support.data import copy_shipped_data

    folder = copy_shipped_data(tmp_path / "data")
    path = folder / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    assert header[header.index("title") + 1] == "title_ko"
    import csv
    import io

    rows = list(csv.reader(io.StringIO("".join(lines))))
    rows[3][header.index("summary_ko")] = ""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_table("events", folder)
    assert "line 4" in str(caught.value) and "summary_ko" in str(caught.value)


def test_tables_read_in_korean_put_korean_in_the_english_columns():
    from atlas.data.loading import read_table
    from atlas.data.registry import DATASETS

    english = read_table("events")
    with i18n.language("ko"):
        korean = read_table("events")
        relations = read_table("relations").set_index("iso3")
    assert list(korean.columns) == list(english.columns) == DATASETS["events"].localized_columns
    assert (korean["event_id"] == english["event_id"]).all()
    assert korean["title"].map(lambda t: bool(HANGUL.search(t))).all()
    assert relations.loc["SUN", "name"] == "소련" and HANGUL.search(relations.loc["CHN", "notes"])
    raw = read_table("events", localize=False)
    assert {"title_ko", "summary_ko", "notes_ko"} <= set(raw.columns)
