import pytest

from atlas.core.params import join_notices, read_choice, read_choices, read_code, read_int, read_text


@pytest.mark.parametrize(
    ("raw", "value", "has_notice"),
    [
        (None, None, False),
        ("", None, False),
        ("1975", 1975, False),
        (" 1975 ", 1975, False),
        (["1960", "1975"], 1975, False),
        ("1947", None, True),
        ("3000", None, True),
        ("19x5", None, True),
        ("-1", None, True),
        ("1e3", None, True),
        ("9" * 500, None, True),
        ("<script>alert(1)</script>", None, True),
    ],
)
def test_read_int(raw, value, has_notice):
    got, notice = read_int(raw, "year", 1948, 2026)
    assert got == value
    assert (notice is not None) == has_notice


def test_notice_quotes_are_short():
    _, notice = read_int("x" * 1000, "year", 1948, 2026)
    assert len(notice) < 120


@pytest.mark.parametrize(("raw", "value"), [("fra", "FRA"), ("FRA", "FRA"), ("XXX", None), ("'; drop", None)])
def test_read_code(raw, value):
    got, notice = read_code(raw, "country", {"FRA", "DEU"})
    assert got == value
    assert (notice is None) == (value is not None)


def test_read_choice_and_choices():
    assert read_choice("cold-war", "view", {"cold-war", "all"}) == ("cold-war", None)
    assert read_choice("nope", "view", {"cold-war", "all"})[0] is None
    good, notice = read_choices("war,bogus,UN", "category", {"war", "UN"})
    assert good == ["war", "UN"]
    assert "bogus" in notice
    assert read_choices("bogus", "category", {"war"})[0] is None


def test_read_text_and_join():
    assert read_text("  kim  ") == "kim"
    assert read_text("a" * 500, max_length=10) == "a" * 10
    assert read_text("") is None
    assert join_notices([None, "a", None, "b"]) == "a b"
    assert join_notices([None]) is None


def test_unknown_page_paths_are_recognised():
    from atlas.core.pages import unknown_path

    assert unknown_path("http://localhost:8501/nosuchpage") == "nosuchpage"
    assert unknown_path("http://localhost:8501/atlas/nosuchpage/", "/atlas/") == "nosuchpage"
    for known in ("http://localhost:8501", "http://localhost:8501/", "http://localhost:8501/map", None, ""):
        assert unknown_path(known) is None
    assert unknown_path("http://h/atlas", "atlas") is None and unknown_path("http://h/atlas/gifts", "atlas") is None
