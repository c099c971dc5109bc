"""The limits on what claimtrack accepts: text, numbers, ids, time stamps and
settings. Pure: the claim model and the importer build their checks from
these, so that every way into the store refuses the same values."""

from __future__ import annotations

import math
import os
import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from claimtrack.errors import ClaimtrackError, ParseError
from claimtrack.figures import MAX_VALUE

MAX_TEXT = 10_000  # claim text, notes, explanations, a figure's words
MAX_NAME = 500  # sources, topics, units, tags, aliases, quantities
MAX_REVIEWER = 80  # who decided on a conflict
MAX_URL = 4_096
MAX_TAGS = 100
MAX_APPEARANCES = 1_000  # articles that reported one claim
# The figure parser's own bound (a thousand trillion): the store takes what it reads.
MAX_FIGURE = MAX_VALUE
MAX_ID = 2**63 - 1  # SQLite's largest integer
# A time stamp from a machine whose clock runs a little ahead is not "in the future".
CLOCK_SLACK = timedelta(minutes=5)
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"

_SURROGATE = re.compile("[\ud800-\udfff]")
_CANONICAL_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")


def storable(text: str) -> bool:
    """Whether SQLite can take the text at all (lone surrogates do not encode)."""
    return text.isascii() or not _SURROGATE.search(text)


def text_problem(text: str, what: str, limit: int) -> str | None:
    """Why a text may not be stored, or None."""
    if "\x00" in text:
        return f"the {what} holds a NUL character"
    if len(text) > limit:
        return f"the {what} is {len(text):,} characters long; the limit is {limit:,}"
    if not text.isascii():
        found = _SURROGATE.search(text)
        if found:
            return (
                f"the {what} is not valid Unicode text (it holds a lone surrogate, "
                f"U+{ord(found.group()):04X}; was it read with the wrong encoding?)"
            )
    return None


def check_string(value: object, what: str, limit: int = MAX_TEXT) -> str:
    """The text stripped, refused when empty, too long, or holding NUL or lone surrogates."""
    if not isinstance(value, str):
        raise ParseError(f"the {what} must be text")
    text = value.strip()
    if not text:
        raise ParseError(f"the {what} is empty")
    problem = text_problem(text, what, limit)
    if problem:
        raise ParseError(problem)
    return text


def number_problem(value: object, what: str) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"the {what} is not a number"
    if not math.isfinite(value):
        return f"the {what} is not a finite number"
    if not 0 <= value <= MAX_FIGURE:
        return f"the {what} must lie between 0 and {MAX_FIGURE:,.0f}, not {value:g}"
    return None


def check_id(value: object, what: str = "id") -> int:
    """A claim id: a whole number from 1 to SQLite's largest integer."""
    number = value
    if isinstance(value, str) and value.strip().isdigit():
        number = int(value)
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= MAX_ID:
        raise ParseError(f"the {what} must be a whole number from 1 to {MAX_ID}, not {value!r}")
    return number


def timestamp(value: datetime) -> str:
    """The stored form of a moment: UTC, to the microsecond, sorting as text.

    Written field by field: strftime drops the zeros of years before 1000 on
    some platforms, and the text order of time stamps is what reviews rely on."""
    value = value.astimezone(timezone.utc) if value.tzinfo else value
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:"
        f"{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}Z"
    )


def utc_now() -> str:
    return timestamp(datetime.now(timezone.utc))


def parse_timestamp(text: str) -> datetime:
    """An ISO 8601 time stamp as an aware UTC datetime; one without a zone is UTC."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except (ValueError, TypeError, AttributeError):
        raise ParseError(f"{text!r} is not an ISO 8601 time stamp") from None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    try:
        return moment.astimezone(timezone.utc)
    except OverflowError:
        raise ParseError(f"{text!r} is not a time stamp claimtrack can store") from None


def check_timestamp(text: str, now: str) -> str:
    """An imported time stamp in the stored form, refused when it lies in the future."""
    moment = parse_timestamp(text)
    stored = timestamp(moment)
    problem = timestamp_problem(stored, now)
    if problem:
        raise ParseError(problem)
    return stored


def timestamp_problem(stored: object, now: str) -> str | None:
    """Why a stored time stamp would break a command (its form, or a future time), or None.

    The stored form sorts as time, so the future is a comparison of text."""
    if not isinstance(stored, str) or not _CANONICAL_TIMESTAMP.fullmatch(stored):
        return f"{stored!r} is not a time stamp in the stored form (YYYY-MM-DDTHH:MM:SS.ffffffZ)"
    try:
        datetime.fromisoformat(stored[:-1])
    except ValueError:
        return f"{stored!r} is not a real time"
    if stored > _latest(now):
        return f"the time stamp {stored} is in the future (it is now {now})"
    return None


@lru_cache(maxsize=8)
def _latest(now: str) -> str:
    return timestamp(datetime.fromisoformat(now[:-1]) + CLOCK_SLACK)


def seconds_setting(name: str, default: float, *, zero: bool = False) -> float:
    """A number of seconds from the environment: finite, above 0 (or 0 itself, with
    zero), and at most a day."""
    text = os.environ.get(name)
    if text is None or not text.strip():
        return default
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero) or value > 86_400:
        lowest = "0 or more" if zero else "more than 0"
        raise ClaimtrackError(
            f"{name} must be a number of seconds, {lowest} and at most 86400 (a day), not {text!r}"
        )
    return value
