from datetime import date

import pytest

from claimtrack.dates import ClaimDate, parse_date
from claimtrack.errors import ParseError

TODAY = date(2024, 11, 6)  # a Wednesday

CASES = [
    ("2024-10-23", "2024-10-23", "day"),
    ("23 Oct 2024", "2024-10-23", "day"),
    ("Oct 23, 2024", "2024-10-23", "day"),
    ("Oct. 23, 2024", "2024-10-23", "day"),
    ("23rd October 2024", "2024-10-23", "day"),
    ("October 2024", "2024-10", "month"),
    ("Oct 2024", "2024-10", "month"),
    ("2024-10", "2024-10", "month"),
    ("2024", "2024", "year"),
    ("today", "2024-11-06", "day"),
    ("Today", "2024-11-06", "day"),
    ("yesterday", "2024-11-05", "day"),
    ("3 days ago", "2024-11-03", "day"),
    ("two weeks ago", "2024-10-23", "day"),
    ("last Monday", "2024-11-04", "day"),
    ("last Wednesday", "2024-10-30", "day"),
    ("Wednesday", "2024-11-06", "day"),
    ("23/10/2024", "2024-10-23", "day"),
    ("10/23/2024", "2024-10-23", "day"),
    ("05/05/2024", "2024-05-05", "day"),
    ("23 October", "2024-10-23", "day"),
    ("December 5", "2023-12-05", "day"),  # no year, later than today: last year's
    ("last month", "2024-10", "month"),
    ("last year", "2023", "year"),
]


@pytest.mark.parametrize(("text", "iso", "precision"), CASES)
def test_parse_date(text, iso, precision):
    assert parse_date(text, TODAY) == ClaimDate(iso, precision)


def test_ambiguous_numeric_date_shows_both_readings():
    with pytest.raises(ParseError) as error:
        parse_date("03/04/2024", TODAY)
    message = str(error.value)
    assert "3 Apr 2024 (day first)" in message
    assert "4 Mar 2024 (month first)" in message
    assert "2024-04-03" in message and "2024-03-04" in message


@pytest.mark.parametrize(
    "text",
    ["", "  ", "banana", "5", "2024-02-30", "2024-13", "32/01/2024", "2025-01-01", "Foo 2024"],
)
def test_bad_dates(text):
    with pytest.raises(ParseError):
        parse_date(text, TODAY)


def test_spans():
    assert (ClaimDate("2024-02", "month").start, ClaimDate("2024-02", "month").end) == (
        date(2024, 2, 1),
        date(2024, 2, 29),
    )
    assert ClaimDate("2024", "year").end == date(2024, 12, 31)
    assert ClaimDate("2024-10", "month").human() == "Oct 2024"


def test_future_dates_only_where_asked():
    assert parse_date("2030-01", TODAY, future=True) == ClaimDate("2030-01", "month")
