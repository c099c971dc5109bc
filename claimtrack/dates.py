"""Dates of claims: text -> ISO date at its precision (day, month or year).

Pure: "today" is always passed in, never read from the clock here.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from claimtrack.errors import ParseError

DAY, MONTH, YEAR = "day", "month", "year"

_MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_NAMES |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTH_NAMES["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
_NUMBER_WORDS |= {"a": 1, "an": 1}


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


def from_day(day: date) -> ClaimDate:
    return ClaimDate(day.isoformat(), DAY)


def from_iso(iso: str) -> ClaimDate:
    """A stored date ("2024-10-23", "2024-10" or "2024") at the precision it is written to."""
    return ClaimDate(iso, {4: YEAR, 7: MONTH}.get(len(iso), DAY))


_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$")
_AGO = re.compile(r"^(\d+|[a-z]+)\s+(day|week|month|year)s?\s+ago$")
_WEEKDAY = re.compile(r"^(?:(last|on|this past|past)\s+)?(" + "|".join(_WEEKDAYS) + r")$")


def parse_date(text: str, today: date, *, future: bool = False) -> ClaimDate:
    """Read a claim date; refuse ambiguous numeric dates, and dates after `today`
    unless `future` (a filter such as --until 2030 may lie ahead; a claim may not)."""
    if not isinstance(text, str) or not text.strip():
        raise ParseError("the date is empty; use a date such as 2024-10-23")
    raw = text.strip()
    value = _parse(raw, raw.lower().rstrip("."), today)
    if value.start > today and not future:
        raise ParseError(f"date {raw!r} is in the future (today is {today.isoformat()})")
    return value


def _parse(raw: str, lower: str, today: date) -> ClaimDate:
    iso = _ISO.match(lower)
    if iso:
        year, month, day = (int(g) if g else None for g in iso.groups())
        return _build(raw, year, month, day)
    if lower == "today":
        return from_day(today)
    if lower == "yesterday":
        return from_day(today - timedelta(days=1))
    ago = _AGO.match(lower)
    if ago:
        return _ago(raw, ago.group(1), ago.group(2), today)
    weekday = _WEEKDAY.match(lower)
    if weekday:
        back = (today.weekday() - _WEEKDAYS[weekday.group(2)]) % 7
        if back == 0 and weekday.group(1) in ("last", "this past", "past"):
            back = 7
        return from_day(today - timedelta(days=back))
    if lower in ("last month", "last year"):
        if lower == "last year":
            return ClaimDate(str(today.year - 1), YEAR)
        first = today.replace(day=1) - timedelta(days=1)
        return ClaimDate(f"{first.year:04d}-{first.month:02d}", MONTH)
    numeric = _NUMERIC.match(lower)
    if numeric:
        return _numeric(raw, *numeric.groups())
    return _worded(raw, lower, today)


def _build(raw: str, year: int | None, month: int | None, day: int | None) -> ClaimDate:
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


def _ago(raw: str, count_text: str, unit: str, today: date) -> ClaimDate:
    count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS.get(count_text)
    if count is None:
        raise ParseError(f"cannot read the number in {raw!r}")
    try:
        if unit == "day":
            return from_day(today - timedelta(days=count))
        if unit == "week":
            return from_day(today - timedelta(weeks=count))
        if unit == "month":
            months = today.year * 12 + today.month - 1 - count
            return ClaimDate(f"{months // 12:04d}-{months % 12 + 1:02d}", MONTH)
        return ClaimDate(f"{today.year - count:04d}", YEAR)
    except (ValueError, OverflowError):
        raise ParseError(f"{raw!r} is too far back") from None


def _numeric(raw: str, first: str, second: str, year_text: str) -> ClaimDate:
    a, b = int(first), int(second)
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
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


def _worded(raw: str, lower: str, today: date) -> ClaimDate:
    """'23 Oct 2024', 'Oct 23, 2024', 'October 2024', '23 October'."""
    words = re.findall(r"[a-z]+", lower)
    if not any(w in _MONTH_NAMES for w in words) or any(
        w not in _MONTH_NAMES and w not in ("of", "st", "nd", "rd", "th", "the") for w in words
    ):
        raise ParseError(
            f"cannot read the date {raw!r}; use 2024-10-23, 23 Oct 2024, October 2024, "
            "2024, today, yesterday, 3 days ago or last Monday"
        )
    from dateutil import parser

    # Parse twice with different defaults: a part that changes was not written.
    first_default = datetime(today.year, 1, 1)
    second_default = datetime(today.year - 1, 2, 2)
    try:
        first = parser.parse(raw, default=first_default)
        second = parser.parse(raw, default=second_default)
    except (ValueError, OverflowError, TypeError):
        raise ParseError(f"{raw!r} is not a real date") from None
    has_day = first.day == second.day
    has_year = first.year == second.year
    year = first.year
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


_PART_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)$")
_MONTH_DAY = re.compile(
    r"^(?:on\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?|([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(\d{4}))?$"
)
_MONTH_YEAR = re.compile(r"^(?:in\s+|earlier\s+in\s+|late\s+|early\s+)?([a-z]+)\.?(?:\s+(\d{4}))?$")


def resolve_phrase(phrase: str, published: date) -> ClaimDate | None:
    """A date phrase from news copy, read against the day the article appeared.

    'on Tuesday', 'last week', 'in April', 'on 23 October', 'yesterday', 'in 2023':
    each at the precision it can honestly carry ('last week' is a month when
    the whole week falls in one). None when it cannot be resolved.
    """
    text = _PART_OF_DAY.sub("", " ".join(phrase.lower().replace(",", " ").split()))
    text = re.sub(r"^(?:on|this past|past)\s+", "", text)
    try:
        if text in ("today", "this morning", "tonight", "this afternoon", "this evening"):
            return from_day(published)
        if text in ("yesterday", "last night"):
            return from_day(published - timedelta(days=1))
        if text in _WEEKDAYS or text.startswith("last ") and text[5:] in _WEEKDAYS:
            name = text.split()[-1]
            back = (published.weekday() - _WEEKDAYS[name]) % 7
            if text.startswith("last ") and back == 0:
                back = 7
            return from_day(published - timedelta(days=back))
        if text in ("this week", "earlier this week"):
            monday = published - timedelta(days=published.weekday())
            return _covering(monday, published)
        if text == "last week":
            monday = published - timedelta(days=published.weekday() + 7)
            return _covering(monday, monday + timedelta(days=6))
        if text in ("this month", "earlier this month"):
            return ClaimDate(f"{published.year:04d}-{published.month:02d}", MONTH)
        if text == "last month":
            last = published.replace(day=1) - timedelta(days=1)
            return ClaimDate(f"{last.year:04d}-{last.month:02d}", MONTH)
        if text in ("this year", "earlier this year"):
            return ClaimDate(f"{published.year:04d}", YEAR)
        if text == "last year":
            return ClaimDate(f"{published.year - 1:04d}", YEAR)
        year_only = re.fullmatch(r"(?:in\s+)?(\d{4})", text)
        if year_only:
            return _build(phrase, int(year_only.group(1)), None, None)
        month_day = _MONTH_DAY.match(text)
        if month_day:
            day_text = month_day.group(1) or month_day.group(4)
            month_name = month_day.group(2) or month_day.group(3)
            if month_name in _MONTH_NAMES:
                return _dated(phrase, published, _MONTH_NAMES[month_name], int(day_text),
                              month_day.group(5))  # fmt: skip
        month_year = _MONTH_YEAR.match(text)
        if month_year and month_year.group(1) in _MONTH_NAMES:
            return _dated(phrase, published, _MONTH_NAMES[month_year.group(1)], None,
                          month_year.group(2))  # fmt: skip
    except ParseError:
        return None
    return None


def _dated(raw: str, published: date, month: int, day: int | None, year: str | None) -> ClaimDate:
    """A month (and day) with the year of the article, or the year before if later."""
    if year:
        value = _build(raw, int(year), month, day)
    else:
        value = _build(raw, published.year, month, day)
        if value.start > published:
            value = _build(raw, published.year - 1, month, day)
    if value.start > published:
        raise ParseError("after the article")
    return value
