"""Dates as users type them and as news prints them, read at their precision."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.dates import ClaimDate, parse_date, resolve_phrase
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
    ("23/10/2024", "2024-10-23", "day"),
    ("10/23/2024", "2024-10-23", "day"),
    ("05/05/2024", "2024-05-05", "day"),
    ("23 October", "2024-10-23", "day"),
    ("December 5", "2023-12-05", "day"),  # no year, later than today: last year's
    ("last month", "2024-10", "month"),
    ("last year", "2023", "year"),
    # a time of day is dropped, with its zone
    ("Nov 25 2014 10:17 pm", "2014-11-25", "day"),
    ("April 9, 2013 at 6:11 a.m.", "2013-04-09", "day"),
    ("2015-05-02T10:20:19+0000", "2015-05-02", "day"),
    ("2016-02-29T23:59:59.123Z", "2016-02-29", "day"),
    ("2013-11-30 15:42", "2013-11-30", "day"),
    ("Yesterday 1:20 pm", "2024-11-05", "day"),
    ("Oct 3, 2024, 5pm ET", "2024-10-03", "day"),
    ("Tue, 22 Aug 2023 10:20:19 GMT", "2023-08-22", "day"),
    # a weekday before a date: the date wins
    ("Tuesday, Aug. 22, 2023", "2023-08-22", "day"),
    ("Tue Jul 22, 2014", "2014-07-22", "day"),
    ("friday, 03 september 2014", "2014-09-03", "day"),  # 3 Sep 2014 was a Wednesday
    ("Thu. Oct 3 2024", "2024-10-03", "day"),
    ("Weds 16 Oct", "2024-10-16", "day"),
    # month abbreviations with or without their dot
    ("Sept. 5, 2023", "2023-09-05", "day"),
    ("Sept 5 2023", "2023-09-05", "day"),
    ("Sep 5, 2023", "2023-09-05", "day"),
    ("5 Feb. 2021", "2021-02-05", "day"),
    # a bare weekday: the most recent one up to today, today included
    ("Wednesday", "2024-11-06", "day"),
    ("Wed", "2024-11-06", "day"),
    ("Sunday", "2024-11-03", "day"),
    ("on Tuesday", "2024-11-05", "day"),
    ("Thu.", "2024-10-31", "day"),
    ("Monday morning", "2024-11-04", "day"),
    ("this past Wednesday", "2024-10-30", "day"),
    ("last Tue", "2024-11-05", "day"),
    # two-digit years are never in the future
    ("3/3/94", "1994-03-03", "day"),
    ("31.12.19", "2019-12-31", "day"),
    ("25/10/24", "2024-10-25", "day"),
    ("3 Mar '94", "1994-03-03", "day"),
    ("Oct 5, 99", "1999-10-05", "day"),
    # other numeric orders
    ("06-17-2014", "2014-06-17", "day"),
    ("17.06.2014", "2014-06-17", "day"),
    ("2014/06/17", "2014-06-17", "day"),
    # short ago forms
    ("1d ago", "2024-11-05", "day"),
    ("2w ago", "2024-10-23", "day"),
    ("a week ago", "2024-10-30", "day"),
    ("3mo ago", "2024-08", "month"),
    ("2y ago", "2022", "year"),
    ("2 yrs ago", "2022", "year"),
    # part of a month or a year keeps the month's or the year's precision
    ("mid-August 2023", "2023-08", "month"),
    ("early October", "2024-10", "month"),
    ("late 2022", "2022", "year"),
    ("mid-2023", "2023", "year"),
    ("end of September 2024", "2024-09", "month"),
    ("the beginning of last year", "2023", "year"),
    ("late December", "2023-12", "month"),  # December not yet come: last year's
    # spans read at the precision they can carry
    ("this week", "2024-11", "month"),  # Monday 4 to Wednesday 6 November
    ("last week", "2024", "year"),  # 28 October to 3 November
    ("earlier this month", "2024-11", "month"),
    ("this year", "2024", "year"),
    ("the day before yesterday", "2024-11-04", "day"),
    ("last night", "2024-11-05", "day"),
    ("in April", "2024-04", "month"),
]


@pytest.mark.parametrize(("text", "iso", "precision"), CASES)
def test_parse_date(text, iso, precision):
    assert parse_date(text, TODAY) == ClaimDate(iso, precision)


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("03/04/2024", ("3 Apr 2024 (day first)", "4 Mar 2024 (month first)")),
        ("06-07-2014", ("6 Jul 2014 (day first)", "7 Jun 2014 (month first)")),
        ("1.2.94", ("1 Feb 1994 (day first)", "2 Jan 1994 (month first)")),
    ],
)
def test_ambiguous_numeric_date_shows_both_readings(text, readings):
    with pytest.raises(ParseError) as error:
        parse_date(text, TODAY)
    message = str(error.value)
    assert "ambiguous" in message
    assert all(reading in message for reading in readings)


def test_ambiguous_message_gives_both_iso_forms():
    with pytest.raises(ParseError) as error:
        parse_date("03/04/2024", TODAY)
    assert "2024-04-03" in str(error.value) and "2024-03-04" in str(error.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("  ", "empty"),
        ("banana", "cannot read the date"),
        ("5", "cannot read the date"),
        ("2024-02-30", "not a real date"),
        ("2024-13", "not a real date"),
        ("32/01/2024", "not a real date"),
        ("2025-01-01", "in the future"),
        ("25/12/24", "in the future"),  # the century comes from the year alone
        ("Foo 2024", "cannot read the date"),
        ("3000 years ago", "before year 1"),
        ("0000", "before year 1"),
        ("0000-01-01", "before year 1"),
        ("99999999999999999999 days ago", "too far back"),
        ("2 hours ago", "time of day"),
        ("45 minutes ago", "time of day"),
        ("next Monday", "cannot read the date"),
        ("the 1990s", "cannot read the date"),
    ],
)
def test_bad_dates(text, message):
    with pytest.raises(ParseError) as error:
        parse_date(text, TODAY)
    assert message in str(error.value)


def test_a_span_across_two_years_is_refused_not_guessed():
    with pytest.raises(ParseError, match="spans two years"):
        parse_date("last week", date(2025, 1, 8))  # 30 Dec to 5 Jan


def test_spans():
    assert (ClaimDate("2024-02", "month").start, ClaimDate("2024-02", "month").end) == (
        date(2024, 2, 1),
        date(2024, 2, 29),
    )
    assert ClaimDate("2024", "year").end == date(2024, 12, 31)
    assert ClaimDate("2024-10", "month").human() == "Oct 2024"


def test_future_dates_only_where_asked():
    assert parse_date("2030-01", TODAY, future=True) == ClaimDate("2030-01", "month")


# --- phrases in article text, read against the publication date --------------------------

PUBLISHED = date(2023, 8, 25)  # a Friday


@pytest.mark.parametrize(
    ("phrase", "iso", "precision"),
    [
        ("on Tuesday", "2023-08-22", "day"),
        ("Friday", "2023-08-25", "day"),  # the day of the article counts, as in `add`
        ("last Friday", "2023-08-18", "day"),
        ("Tue.", "2023-08-22", "day"),
        ("Tuesday, Aug. 22, 2023", "2023-08-22", "day"),
        ("Aug 22 2023 10:17 pm", "2023-08-22", "day"),
        ("yesterday", "2023-08-24", "day"),
        ("this morning", "2023-08-25", "day"),
        ("earlier this week", "2023-08", "month"),
        ("in mid-August", "2023-08", "month"),
        ("early July", "2023-07", "month"),
        ("late 2022", "2022", "year"),
        ("in September", "2022-09", "month"),  # after the article: last year's
        ("2w ago", "2023-08-11", "day"),
    ],
)
def test_phrases_read_against_the_publication_date(phrase, iso, precision):
    assert resolve_phrase(phrase, PUBLISHED) == ClaimDate(iso, precision)


@pytest.mark.parametrize("phrase", ["soon", "next week", "in 2030", "03/04/2023", "3 hours ago"])
def test_phrases_that_fix_no_date(phrase):
    assert resolve_phrase(phrase, PUBLISHED) is None


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("in April", ClaimDate("2018-01", "month"), ClaimDate("2017-04", "month")),
        ("on Tuesday", ClaimDate("2018-01", "month"), None),  # which Tuesday is unknown
        ("today", ClaimDate("2018-01", "month"), ClaimDate("2018-01", "month")),
        ("this week", ClaimDate("2018-03", "month"), None),  # 26 Feb to 31 Mar: vaguer
        ("last year", ClaimDate("2018", "year"), ClaimDate("2017", "year")),
        ("in 2016", ClaimDate("2018", "year"), ClaimDate("2016", "year")),
        ("yesterday", ClaimDate("2018", "year"), None),
        ("on Tuesday", ClaimDate("2023-08-25", "day"), ClaimDate("2023-08-22", "day")),
    ],
)
def test_phrases_against_a_month_or_a_year(phrase, published, expected):
    assert resolve_phrase(phrase, published) == expected


# --- nothing but ParseError, whatever the text or the day ----------------------------------

PIECES = [
    *"0123456789 ,.-/:'",
    "ago", " days ", "d ", "w ", "mo ", "y ", "hours ", "last ", "this ", "past ", "on ", "in ",
    "mid-", "early ", "late ", "end of ", "the ", "Tuesday", "Thu.", "Sept.", "October", "Feb ",
    "T", "Z", "+0000", " pm", " a.m.", " at ", "yesterday", "today", "week", "month", "year",
    "morning", "night", "2024", "1994", "94", "0000", "9999", "99999999999",
]  # fmt: skip
DATE_LIKE = st.lists(st.sampled_from(PIECES), max_size=10).map("".join)
PRECISIONS = st.sampled_from(["day", "month", "year"])


@given(st.one_of(st.text(), DATE_LIKE), st.dates(), st.booleans())
@settings(max_examples=500)
def test_parse_date_fails_only_with_parse_error(text, today, future):
    try:
        value = parse_date(text, today, future=future)
    except ParseError:
        return
    assert value.start <= value.end
    assert future or value.start <= today


@given(st.one_of(st.text(), DATE_LIKE), st.dates(), PRECISIONS)
@settings(max_examples=500)
def test_resolve_phrase_never_raises(phrase, published, precision):
    iso = {"day": published.isoformat(), "month": published.isoformat()[:7]}
    span = ClaimDate(iso.get(precision, f"{published.year:04d}"), precision)
    for against in (published, span):
        value = resolve_phrase(phrase, against)
        assert value is None or value.start <= span.end


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/2024/10/07/story-123", ("2024-10-07", "day")),
        ("https://news.example/2025/02/large-protests.html", ("2025-02", "month")),
        ("https://news.example/world/2024-07-02/story", ("2024-07-02", "day")),
        ("https://news.example/story/2024", None),  # a year alone is no date of a page
        ("https://news.example/2024/02/31/story", None),  # no such day
        ("https://news.example/2999/01/story", None),  # after today
        ("https://news.example/story-4512", None),
        ("http://[::1", None),
    ],
)
def test_the_date_a_page_address_gives(url, expected):
    from claimtrack.dates import date_in_address

    found = date_in_address(url, date(2026, 12, 1))
    assert (found and (found.iso, found.precision)) == expected
