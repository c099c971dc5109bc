"""Dates of claims: text -> ISO date at its precision (day, month or year).

Pure: "today" is always passed in, never read from the clock here.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from claimtrack.errors import ParseError
from claimtrack.figures import LazyPattern

DAY, MONTH, YEAR = "day", "month", "year"
_PRECISIONS = (DAY, MONTH, YEAR)

_MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_NAMES |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTH_NAMES["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_WEEKDAYS |= {name.lower(): i for i, name in enumerate(calendar.day_abbr)}
_WEEKDAYS |= {"tues": 1, "weds": 2, "thur": 3, "thurs": 4}
# The words the calendar capitalises, lower case: months and weekdays, with their
# abbreviations.
CALENDAR_WORDS = frozenset(_MONTH_NAMES) | frozenset(_WEEKDAYS)
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
_NUMBER_WORDS |= {"a": 1, "an": 1}
_FORMS = (
    "use 2024-10-23, 23 Oct 2024, October 2024, 2024, today, yesterday, 3 days ago, "
    "last Monday or mid-October 2024"
)


@dataclass(order=True, slots=True)
class ClaimDate:
    """A date at its precision. Treat as immutable; its span is worked out once,
    on first use, because conflict detection asks for it on every comparison."""

    iso: str  # "2024-10-23", "2024-10" or "2024": sorts correctly as text
    precision: str
    _start: date | None = field(default=None, compare=False, repr=False)
    _end: date | None = field(default=None, compare=False, repr=False)

    @property
    def start(self) -> date:
        if self._start is None:
            parts = [int(p) for p in self.iso.split("-")]
            self._start = date(
                parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
            )
        return self._start

    @property
    def end(self) -> date:
        """The last day the date can mean: a month or a year counts as its whole span."""
        if self._end is None:
            start = self.start
            if self.precision == DAY:
                self._end = start
            elif self.precision == MONTH:
                self._end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
            else:
                self._end = start.replace(month=12, day=31)
        return self._end

    def human(self) -> str:
        start = self.start
        if self.precision == YEAR:
            return str(start.year)
        if self.precision == MONTH:
            return f"{calendar.month_abbr[start.month]} {start.year}"
        return f"{start.day} {calendar.month_abbr[start.month]} {start.year}"


# Compiled at once: it reads nearly every imported date. The others wait for a
# date that is not ISO, which most commands never see.
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def from_day(day: date) -> ClaimDate:
    return ClaimDate(day.isoformat(), DAY)


def date_in_address(url: str, today: date) -> ClaimDate | None:
    """The publication date a news page's address gives ("/2024/10/07/", "/2025/02/"),
    at the precision it gives it; None when it gives none, or one after `today`."""
    from urllib.parse import urlsplit

    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    found = _DATE_IN_PATH.search(path)
    if found is None:
        return None
    year, month, day = found.group(1), found.group(2), found.group(3)
    iso = f"{year}-{month}" + (f"-{day}" if day else "")
    try:
        value = from_iso(iso)
    except ParseError:
        return None  # "/2024/02/31/": no such day
    return value if value.start <= today else None


_DATE_IN_PATH = re.compile(
    r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?=[/-]|$)"
)


def from_iso(text: str) -> ClaimDate:
    """A date stored as ISO text at its precision ('2024-10-23', '2024-10', '2024')."""
    iso = _ISO.match(text) if isinstance(text, str) else None
    if not iso or any(g is not None and len(g) != 2 for g in iso.groups()[1:]):
        raise ParseError(f"{text!r} is not an ISO date such as 2024-10-23, 2024-10 or 2024")
    return _build(text, *(int(g) if g else None for g in iso.groups()))


_WEEKDAY_WORD = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
# A time of day (dropped), with its zone: "10:17 pm", "at 6:11 a.m.", "T10:20:19+0000".
_TIME = LazyPattern(
    r"(?:,?\s*(?:\bat\s+)?|t)"
    r"(?:\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?m\b\.?)?|\d{1,2}\s*[ap]\.?m\b\.?)"
    r"(?:\s*(?:z|[+-]\d{2}(?::?\d{2})?|\(?[a-z]{2,5}\)?))?$"
)
_LEADING_WEEKDAY = LazyPattern(rf"^(?:{_WEEKDAY_WORD})\b\.?,?\s+(?=\S)")
_PART_OF_DAY = LazyPattern(r"\s+(?:morning|afternoon|evening|night)$")
_NUMERIC = LazyPattern(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$")
_YEAR_FIRST = LazyPattern(r"^(\d{4})([/.])(\d{1,2})\2(\d{1,2})$")
_AGO = LazyPattern(
    r"^(\d+|[a-z]+)\s*(?:(?P<day>d|days?)|(?P<week>w|wks?|weeks?)|(?P<month>mos?|mths?|months?)"
    r"|(?P<year>y|yrs?|years?)|(?P<hour>h|hrs?|hours?|mins?|minutes?))\s+ago$"
)
_WEEKDAY = LazyPattern(rf"^(?:(last|this past|past)\s+)?({_WEEKDAY_WORD})\.?$")
# "mid-August 2023", "early October", "late 2022": the span keeps its own precision.
_PART_OF_SPAN = LazyPattern(
    r"^(?:early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)(?:-|\s+)(.+)$"
)
_RELATIVE = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": 1, "last night": 1, "the day before yesterday": 2,
}  # fmt: skip


def parse_date(text: str, today: date, *, future: bool = False) -> ClaimDate:
    """Read a claim date; refuse ambiguous numeric dates, and dates after `today`
    unless `future` (a filter such as --until 2030 may lie ahead; a claim may not).
    Nothing but ParseError leaves here, whatever the text or `today`."""
    if not isinstance(text, str) or not text.strip():
        raise ParseError("the date is empty; use a date such as 2024-10-23")
    raw = text.strip()
    iso = _ISO.match(raw)  # the common case first: imports are mostly ISO dates
    try:
        if iso:
            value = _build(raw, *(int(g) if g else None for g in iso.groups()))
        else:
            value = _parse(raw, _normalised(raw), today)
    except ParseError:
        raise
    except (ValueError, OverflowError):
        raise ParseError(f"{raw!r} is too far back; dates start at year 1") from None
    if value.start > today and not future:
        raise ParseError(f"date {raw!r} is in the future (today is {today.isoformat()})")
    return value


def _normalised(raw: str) -> str:
    """Lower case, one space, no time of day, no weekday before a date."""
    text = " ".join(raw.lower().replace("’", "'").split())
    text = re.sub(r"^(?:on|in|earlier\s+in)\s+", "", text)
    text = _TIME.sub("", text).strip(" ,")
    if text not in _RELATIVE:
        text = _PART_OF_DAY.sub("", text)
    return _LEADING_WEEKDAY.sub("", text).rstrip(".").strip()


def _parse(raw: str, text: str, today: date) -> ClaimDate:
    iso = _ISO.match(text)
    if iso:
        return _build(raw, *(int(g) if g else None for g in iso.groups()))
    if text in _RELATIVE:
        return from_day(today - timedelta(days=_RELATIVE[text]))
    span = _relative_span(text, today)
    if span is not None:
        return _spanning(raw, *span)
    ago = _AGO.match(text)
    if ago:
        return _ago(raw, ago.group(1), str(ago.lastgroup), today)
    weekday = _WEEKDAY.match(text)
    if weekday:
        # The most recent such day up to today (today counts); "last" skips today.
        back = (today.weekday() - _WEEKDAYS[weekday.group(2)]) % 7
        if back == 0 and weekday.group(1):
            back = 7
        return from_day(today - timedelta(days=back))
    part = _PART_OF_SPAN.match(text)
    if part:
        return _parse(raw, _normalised(part.group(1)), today)
    numeric = _NUMERIC.match(text)
    if numeric:
        first, _, second, year = numeric.groups()
        return _numeric(raw, int(first), int(second), _full_year(year, today))
    year_first = _YEAR_FIRST.match(text)
    if year_first:
        year, _, month, day = year_first.groups()
        return _build(raw, int(year), int(month), int(day))
    return _worded(raw, text, today)


def _relative_span(text: str, today: date) -> tuple[date, date] | None:
    """The days a relative week, month or year covers, up to today."""
    if text in ("this week", "earlier this week"):
        return today - timedelta(days=today.weekday()), today
    if text == "last week":
        monday = today - timedelta(days=today.weekday() + 7)
        return monday, monday + timedelta(days=6)
    if text in ("this month", "earlier this month"):
        return today.replace(day=1), today
    if text == "last month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if text in ("this year", "earlier this year"):
        return today.replace(month=1, day=1), today
    if text == "last year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return None


def _spanning(raw: str, first: date, last: date) -> ClaimDate:
    try:
        return _covering(first, last)
    except ParseError:
        raise ParseError(f"{raw!r} spans two years; give the date") from None


def _build(raw: str, year: int | None, month: int | None, day: int | None) -> ClaimDate:
    if year is not None and year < 1:
        raise ParseError(f"{raw!r} is before year 1; dates start at year 1")
    try:
        if day is not None:
            return from_day(date(year, month, day))  # type: ignore[arg-type]
        if month is not None:
            date(year, month, 1)  # type: ignore[arg-type]
            return ClaimDate(f"{year:04d}-{month:02d}", MONTH)
        date(year, 1, 1)  # type: ignore[arg-type]
        return ClaimDate(f"{year:04d}", YEAR)
    except (TypeError, ValueError, OverflowError):
        raise ParseError(f"{raw!r} is not a real date") from None


def _full_year(year_text: str, today: date) -> int:
    """A two-digit year is the latest year ending so that is not after this one:
    a claim date is never in the future, so '94 is 1994 and '19 is 2019."""
    if len(year_text) != 2:
        return int(year_text)
    return _century(int(year_text), today)


def _century(two_digits: int, today: date) -> int:
    year = today.year - today.year % 100 + two_digits
    return year - 100 if year > today.year else year


def _ago(raw: str, count_text: str, unit: str, today: date) -> ClaimDate:
    count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS.get(count_text)
    if count is None:
        raise ParseError(f"cannot read the number in {raw!r}")
    if unit == "hour":
        raise ParseError(f"{raw!r} needs the time of day to be a date; give the day instead")
    if unit == "day":
        return from_day(today - timedelta(days=count))
    if unit == "week":
        return from_day(today - timedelta(weeks=count))
    if unit == "month":
        months = today.year * 12 + today.month - 1 - count
        return _build(raw, months // 12, months % 12 + 1, None)
    return _build(raw, today.year - count, None, None)


def _numeric(raw: str, a: int, b: int, year: int) -> ClaimDate:
    if a <= 12 and b <= 12 and a != b:
        day_first = _build(raw, year, b, a)
        month_first = _build(raw, year, a, b)
        raise ParseError(
            f"{raw!r} is ambiguous: {day_first.human()} (day first) or "
            f"{month_first.human()} (month first); write it as {day_first.iso} "
            f"or {month_first.iso}"
        )
    if a > 12:
        return _build(raw, year, b, a)
    return _build(raw, year, a, b)


_WORDED_EXTRAS = {"of", "st", "nd", "rd", "th", "the"}


def _worded(raw: str, text: str, today: date) -> ClaimDate:
    """'23 Oct 2024', 'Oct 23, 2024', 'October 2024', '23 October', "3 Mar '94"."""
    words = re.findall(r"[a-z]+", text)
    if not any(w in _MONTH_NAMES for w in words) or any(
        w not in _MONTH_NAMES and w not in _WORDED_EXTRAS for w in words
    ):
        raise ParseError(f"cannot read the date {raw!r}; {_FORMS}")
    from dateutil import parser

    # Parse twice with different defaults: a part that changes was not written.
    first_default = datetime(today.year, 1, 1)
    second_default = datetime(today.year - 1 if today.year > 1 else 2, 2, 2)
    try:
        first = parser.parse(text, default=first_default)
        second = parser.parse(text, default=second_default)
    except (ValueError, OverflowError, TypeError):
        raise ParseError(f"{raw!r} is not a real date") from None
    has_day = first.day == second.day
    has_year = first.year == second.year
    year = first.year
    if has_year and not re.search(r"\d{3,}", text):
        year = _century(year % 100, today)  # dateutil's own rule reads the clock
    if not has_year:
        year = today.year
        if (first.month, first.day if has_day else 1) > (today.month, today.day):
            year -= 1  # "23 October" said in January means last October
    return _build(raw, year, first.month, first.day if has_day else None)


def _covering(first: date, last: date) -> ClaimDate:
    """The most precise date that holds the whole span from first to last."""
    if first == last:
        return from_day(first)
    if (first.year, first.month) == (last.year, last.month):
        return ClaimDate(f"{first.year:04d}-{first.month:02d}", MONTH)
    if first.year == last.year:
        return ClaimDate(f"{first.year:04d}", YEAR)
    raise ParseError("the span crosses a year")


def resolve_phrase(phrase: str, published: date | ClaimDate) -> ClaimDate | None:
    """A date phrase from news copy, read against the day the article appeared,
    the way `parse_date` reads it against today: 'on Tuesday', 'last week',
    'in April', 'Tuesday, Aug. 22, 2023', 'mid-August'. Each comes at the
    precision it can honestly carry ('last week' is a month when the whole week
    falls in one). A publication date known only to its month or year reads a
    phrase against the span's first and last days and keeps what both agree on,
    if that is no vaguer than the span. None when it cannot be resolved."""
    if isinstance(published, ClaimDate):
        if published.precision == DAY:
            return resolve_phrase(phrase, published.start)
        first = resolve_phrase(phrase, published.start)
        last = resolve_phrase(phrase, published.end)
        if first is None or last is None:
            return None
        if first == last:
            return first
        try:
            both = _covering(min(first.start, last.start), max(first.end, last.end))
        except ParseError:
            return None
        # Vaguer than the report itself, it says less than the report's own date.
        return (
            both
            if _PRECISIONS.index(both.precision) <= _PRECISIONS.index(published.precision)
            else None
        )
    try:
        return parse_date(phrase, published)
    except ParseError:
        return None
