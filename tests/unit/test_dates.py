import datetime as dt

import pytest

from atlas.core.dates import date_end, date_start, format_partial, is_partial_date, parse_partial, year_end


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("1972", dt.date(1972, 1, 1), dt.date(1972, 12, 31), "year"),
        ("1972-11", dt.date(1972, 11, 1), dt.date(1972, 11, 30), "month"),
        ("1972-12", dt.date(1972, 12, 1), dt.date(1972, 12, 31), "month"),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "month"),
        ("1948-09-09", dt.date(1948, 9, 9), dt.date(1948, 9, 9), "day"),
    ],
)
def test_partial_dates_cover_their_period(text, start, end, precision):
    assert parse_partial(text) == (start, precision)
    assert date_start(text) == start
    assert date_end(text) == end


@pytest.mark.parametrize("text", ["", "72", "1972-13", "1972-02-30", "1972/11/01", "1972-1", "abcd", "1972-11-01T00"])
def test_malformed_dates_are_rejected(text):
    assert not is_partial_date(text)
    with pytest.raises(ValueError):
        parse_partial(text)


def test_year_end_is_capped_at_today():
    assert year_end(1975, today=dt.date(2026, 11, 28)) == dt.date(1975, 12, 31)
    assert year_end(2026, today=dt.date(2026, 11, 28)) == dt.date(2026, 11, 28)


@pytest.mark.parametrize(("text", "shown"), [("1974-06-24", "24 June 1974"), ("1974-06", "June 1974"), ("1974", "1974")])
def test_format_keeps_precision(text, shown):
    assert format_partial(text) == shown


def test_full_dates_have_no_leading_zero():
    from atlas.core.dates import format_date

    assert format_date(dt.date(2026, 12, 6)) == "6 December 2026"
    assert format_date(dt.date(1988, 7, 7)) == "7 July 1988"


@pytest.mark.parametrize(
    ("cell", "date", "note"),
    [
        ("1990-11-27 (date uncertain)", "1990-11-27", "date uncertain"),
        ("1990-11-27", "1990-11-27", ""),
        ("", "", ""),
        (None, "", ""),
    ],
)
def test_a_noted_date_splits_into_date_and_note(cell, date, note):
    from atlas.core.dates import split_noted

    assert split_noted(cell) == (date, note)
