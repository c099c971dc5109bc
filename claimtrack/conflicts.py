"""Conflicts between claims: contradictions, discrepancies and denials, each with
a reason a person can read without knowing the rules. Pure: claims in, conflicts out.

Claims are grouped by topic (and by unit for figures), sorted by date and swept,
so only claims close enough in time are ever paired.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import groupby

from claimtrack.claims import Claim, source_key
from claimtrack.errors import ParseError
from claimtrack.figures import AT_LEAST, AT_MOST, VAGUE

CONTRADICTION, DISCREPANCY, DENIAL = "contradiction", "discrepancy", "denial"
KINDS = (CONTRADICTION, DISCREPANCY, DENIAL)  # most severe first
SEVERITY = {kind: rank for rank, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Settings:
    window_days: int = 30  # 0: any distance in time
    tolerance: float = 0.10  # each bound widened by this share before testing overlap
    factor: float = 1.5  # how far below an "up to" maximum a figure may lie

    def __post_init__(self) -> None:
        if self.window_days < 0:
            raise ParseError(f"--window must be 0 or more days, not {self.window_days}")
        if not 0 <= self.tolerance < 1 or math.isnan(self.tolerance):
            raise ParseError(
                f"--tolerance must be a percentage from 0 to 99, not {self.tolerance * 100:g}"
            )
        if not self.factor >= 1:
            raise ParseError(f"--factor must be 1 or more, not {self.factor:g}")


@dataclass(frozen=True)
class Conflict:
    kind: str
    a: Claim  # the lower id
    b: Claim
    reason: str
    ratio: float | None

    @property
    def topic(self) -> str:
        return self.a.topic or ""

    @property
    def pair(self) -> tuple[int, int]:
        return (self.a.id or 0, self.b.id or 0)

    def sort_key(self) -> tuple[str, int, int, int]:
        return (self.topic, SEVERITY[self.kind], *self.pair)


def find_conflicts(
    claims: Iterable[Claim],
    settings: Settings = Settings(),
    cumulative_topics: frozenset[str] | set[str] = frozenset(),
) -> list[Conflict]:
    """Every conflict among the claims, sorted by topic, severity, then ids."""
    ordered = sorted(claims, key=lambda c: c.topic or "")
    return list(iter_conflicts(ordered, settings, cumulative_topics))


def iter_conflicts(
    claims_by_topic: Iterable[Claim],
    settings: Settings = Settings(),
    cumulative_topics: frozenset[str] | set[str] = frozenset(),
) -> Iterator[Conflict]:
    """Conflicts of claims that come grouped by topic, as the store lists them, a
    topic at a time: one topic is held in memory, whatever the database's size.
    Sorted within each topic; topics come in the order they arrive."""
    for topic, group in groupby(claims_by_topic, key=lambda c: c.topic or ""):
        members = sorted(group, key=lambda c: (c.compared_date.start, c.id or 0))
        found: dict[tuple[int, int], Conflict] = {}
        for conflict in _topic_conflicts(members, settings, topic in cumulative_topics):
            previous = found.get(conflict.pair)
            if previous is None or SEVERITY[conflict.kind] < SEVERITY[previous.kind]:
                found[conflict.pair] = conflict
        yield from sorted(found.values(), key=Conflict.sort_key)


def _topic_conflicts(
    members: list[Claim], settings: Settings, cumulative: bool
) -> Iterator[Conflict]:
    denials = [c for c in members if c.stance == "denies"]
    if denials:
        others = [c for c in members if c.stance != "denies"]
        for denial in denials:
            for other in others:
                if _within(denial, other, settings) and _different_sources(denial, other):
                    yield _denial(denial, other)
    figures = [c for c in members if c.figure is not None and c.stance != "denies"]
    for group in _unit_groups(figures):
        yield from _sweep(group, settings)
        if cumulative and settings.window_days:
            yield from _cumulative(group, settings)


def _unit_groups(claims: list[Claim]) -> Iterator[list[Claim]]:
    """One group per unit; a claim without a unit is comparable to every unit."""
    units: dict[str | None, list[Claim]] = defaultdict(list)
    for claim in claims:
        units[claim.unit_norm].append(claim)
    unitless = units.pop(None, [])
    if not units:
        yield unitless
    for members in units.values():
        if unitless:
            members = sorted(members + unitless, key=lambda c: (c.compared_date.start, c.id or 0))
        yield members


def _sweep(group: Sequence[Claim], settings: Settings) -> Iterator[Conflict]:
    """Pair each claim only with the later-starting claims inside the window."""
    window = settings.window_days
    spans = [(c.compared_date.start.toordinal(), c.compared_date.end.toordinal()) for c in group]
    keys = [source_key(c.source) for c in group]
    count = len(group)
    for i in range(count):
        reach = spans[i][1] + window
        for j in range(i + 1, count):
            start_j = spans[j][0]
            if window and start_j > reach:
                break  # sorted by start: every later claim is further away
            if keys[i] == keys[j]:
                continue
            conflict = compare_figures(group[i], group[j], settings)
            if conflict is not None:
                yield conflict


def _cumulative(group: Sequence[Claim], settings: Settings) -> Iterator[Conflict]:
    """Beyond the window, a figure that can only grow must not fall below an earlier one."""
    for i, earlier in enumerate(group):
        for later in group[i + 1 :]:
            if _within(earlier, later, settings) or not _different_sources(earlier, later):
                continue
            if later.compared_date.start <= earlier.compared_date.end:
                continue
            earlier_low = earlier.figure.low * (1 - settings.tolerance)  # type: ignore[union-attr]
            later_high = later.figure.upper * (1 + settings.tolerance)  # type: ignore[union-attr]
            if later_high < earlier_low:
                ratio = earlier.figure.low / later.figure.upper  # type: ignore[union-attr]
                reason = (
                    f"Contradiction: {_said(later)}; earlier {_said(earlier)}: "
                    f"a running total cannot fall ({ratio:.1f}x lower, beyond ±"
                    f"{settings.tolerance * 100:g}%)"
                )
                yield _conflict(CONTRADICTION, earlier, later, reason, ratio)


def _within(a: Claim, b: Claim, settings: Settings) -> bool:
    if settings.window_days == 0:
        return True
    da, db = a.compared_date, b.compared_date
    gap = max(0, (db.start - da.end).days, (da.start - db.end).days)
    return gap <= settings.window_days


def _different_sources(a: Claim, b: Claim) -> bool:
    return source_key(a.source) != source_key(b.source)


def compare_figures(a: Claim, b: Claim, settings: Settings) -> Conflict | None:
    """A contradiction or a discrepancy between two figures, or None."""
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None
    low, high = (a, b) if (fa.low, fa.upper) <= (fb.low, fb.upper) else (b, a)
    flow, fhigh = low.figure, high.figure
    assert flow is not None and fhigh is not None
    tol = settings.tolerance
    if fhigh.low * (1 - tol) > flow.upper * (1 + tol):
        ratio = fhigh.low / flow.upper if flow.upper else math.inf
        reason = (
            f"Contradiction: {_said(low)}; {_said(high)}: {_times(ratio)} apart, "
            f"no overlap even at ±{tol * 100:g}%"
        )
        return _conflict(CONTRADICTION, low, high, reason, ratio)
    best: tuple[float, Claim, Claim] | None = None
    for maximum, other in ((a, b), (b, a)):
        fm, fo = maximum.figure, other.figure
        assert fm is not None and fo is not None
        if fm.qualifier != AT_MOST or fo.qualifier in (AT_LEAST, VAGUE) or fo.stated <= 0:
            continue
        ratio = fm.stated / fo.stated
        if ratio > settings.factor and (best is None or ratio > best[0]):
            best = (ratio, maximum, other)
    if best is None:
        return None
    ratio, maximum, other = best
    reason = (
        f"Discrepancy: {_said(maximum)}; {_said(other)}: the maximum is {_times(ratio)} "
        f"the other figure (more than {settings.factor:g}x)"
    )
    return _conflict(DISCREPANCY, maximum, other, reason, ratio)


def _denial(denial: Claim, other: Claim) -> Conflict:
    reason = (
        f"Denial: {denial.source} denies ({denial.compared_date.iso}): {_quote(denial.text)}; "
        f"{other.source} {other.stance} ({other.compared_date.iso}): {_quote(other.text)}"
    )
    return _conflict(DENIAL, denial, other, reason, None)


def _conflict(kind: str, x: Claim, y: Claim, reason: str, ratio: float | None) -> Conflict:
    a, b = (x, y) if (x.id or 0) < (y.id or 0) else (y, x)
    return Conflict(kind, a, b, reason, None if ratio is None else round(ratio, 4))


def _said(claim: Claim) -> str:
    return f"{claim.source} said {claim.figure_words} ({claim.compared_date.iso})"


def _times(ratio: float) -> str:
    return "infinitely" if math.isinf(ratio) else f"{ratio:.1f}x"


def _quote(text: str, limit: int = 80) -> str:
    short = " ".join(text.split())
    if len(short) > limit:
        short = short[: limit - 1].rstrip() + "…"
    return f"“{short}”"


@dataclass(frozen=True)
class Spread:
    low: Claim
    high: Claim

    def describe(self) -> str:
        low, high = self.low, self.high
        if low.id == high.id:
            return f"One figure: {low.figure_words} ({low.source})"
        return (
            f"Spread: lowest {low.figure_words} ({low.source}, {low.compared_date.iso}); "
            f"highest {high.figure_words} ({high.source}, {high.compared_date.iso})"
        )


def latest_figures(claims: Iterable[Claim]) -> list[Claim]:
    """Each source's latest figure (denials aside), lowest first."""
    latest: dict[str, Claim] = {}
    for claim in claims:
        if claim.figure is None or claim.stance == "denies":
            continue
        key = source_key(claim.source)
        current = latest.get(key)
        if current is None or (claim.compared_date.start, claim.id or 0) > (
            current.compared_date.start,
            current.id or 0,
        ):
            latest[key] = claim
    return sorted(latest.values(), key=lambda c: (c.figure.stated, c.id or 0))  # type: ignore[union-attr]


def topic_spread(claims: Iterable[Claim]) -> Spread | None:
    """Lowest and highest figure now claimed: each source's latest figure counts."""
    ordered = latest_figures(claims)
    return Spread(ordered[0], ordered[-1]) if ordered else None


def revisions(claims: Iterable[Claim]) -> dict[int, Claim]:
    """For each claim, the same source's earlier figure in the same topic it revises."""
    last: dict[tuple[str, str], Claim] = {}
    revised: dict[int, Claim] = {}
    ordered = sorted(claims, key=lambda c: (c.compared_date.start, c.id or 0))
    for claim in ordered:
        if claim.figure is None or claim.stance == "denies":
            continue
        key = (claim.topic or "", source_key(claim.source))
        previous = last.get(key)
        if previous is not None and not previous.figure.same_value(claim.figure):  # type: ignore[union-attr]
            revised[claim.id or 0] = previous
        last[key] = claim
    return revised


@dataclass(frozen=True)
class Review:
    claim_a: int
    claim_b: int
    kind: str
    decision: str  # "dismissed" or "confirmed"
    note: str | None
    reviewer: str | None
    created_at: str
    a_updated_at: str | None
    b_updated_at: str | None


def review_status(
    conflict: Conflict, reviews: dict[tuple[int, int], Review]
) -> tuple[str, Review | None]:
    """'open', or the decision of the latest review made since either claim last changed."""
    review = reviews.get(conflict.pair)
    if review is None:
        return "open", None
    if (review.a_updated_at, review.b_updated_at) != (conflict.a.updated_at, conflict.b.updated_at):
        return "open", None
    return review.decision, review


def conflict_json(conflict: Conflict, status: str, review: Review | None) -> dict[str, object]:
    return {
        "topic": conflict.topic,
        "kind": conflict.kind,
        "claims": list(conflict.pair),
        "reason": conflict.reason,
        "ratio": conflict.ratio,
        "status": status,
        "note": review.note if review else None,
    }


@dataclass
class Section:
    """One topic: its claims in date order, their conflicts and revisions."""

    topic: str
    claims: list[Claim]
    conflicts: list[tuple[Conflict, str, Review | None]] = field(default_factory=list)
    revised: dict[int, Claim] = field(default_factory=dict)


def sections(
    claims: Iterable[Claim],
    reviews: dict[tuple[int, int], Review],
    settings: Settings = Settings(),
    cumulative: frozenset[str] | set[str] = frozenset(),
) -> Iterator[Section]:
    """Claims ordered by topic become one section a topic, computed one at a time."""
    for topic, members in groupby(claims, key=lambda c: c.topic or ""):
        group = sorted(members, key=lambda c: (c.date, c.id or 0))
        found = find_conflicts(group, settings, cumulative)
        yield Section(
            topic,
            group,
            [(c, *review_status(c, reviews)) for c in found],
            revisions(group),
        )
