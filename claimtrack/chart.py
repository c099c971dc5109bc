"""The picture of a story: one topic's figures of one quantity, placed on a plane
of date (what each figure describes) against figure. Pure: a section in, a chart
model out. The renderers (terminal, matplotlib, SVG) only draw what is decided here.
"""

from __future__ import annotations

import calendar
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from claimtrack.claims import Claim, source_key
from claimtrack.conflicts import CONTRADICTION, DISCREPANCY, SEVERITY, Section
from claimtrack.errors import ClaimtrackError, NotFoundError
from claimtrack.figures import APPROX, AT_LEAST, AT_MOST, RANGE, VAGUE

POINT, BAR, UP, DOWN, BAND = "point", "bar", "up", "down", "band"
REVISION = "revision"
LOG_SPAN = 20  # a log scale when the figures span more than this factor
LEGEND_LIMIT = 8  # sources with their own colour and marker; the rest share grey
LABEL_LIMIT = 40  # above this many marks, only the claims in conflicts are labelled
LINK_LIMIT = 60  # conflict links drawn at most
ARROW = 0.12  # an open bound's arrow, as a share of the plot's height
NO_UNIT = "no unit"


def claim_quantity(claim: Claim) -> str | None:
    """What a figure counts, for charting: one chart per quantity."""
    return claim.unit_norm


@dataclass(frozen=True)
class Mark:
    """One claim's figure, or, after thinning, the first of several that coincide."""

    claim_id: int
    series: int  # index into Chart.series
    shape: str  # POINT, BAR (a range), UP (at least), DOWN (up to), BAND (vague)
    day: float  # the proleptic ordinal of the middle of the date described
    low: float
    high: float | None  # None: no upper bound
    approximate: bool
    source: str
    words: str  # the figure in words, for titles and tooltips
    date_text: str
    count: int = 1

    @property
    def value(self) -> float:
        """Where the mark's symbol sits: the figure, a bound, or an interval's middle."""
        if self.shape == UP or self.high is None:
            return self.low
        if self.shape == DOWN:
            return self.high
        return (self.low + self.high) / 2 if self.shape in (BAR, BAND) else self.low


@dataclass(frozen=True)
class Link:
    a: int  # claim ids: for a revision, the earlier first
    b: int
    kind: str  # REVISION, or the conflict's kind


@dataclass(frozen=True)
class Chart:
    topic: str
    quantity: str
    series: tuple[str, ...]  # the legend; "other sources (N)" last when there are many
    marks: tuple[Mark, ...]
    links: tuple[Link, ...]
    log: bool
    first_day: float
    last_day: float
    bottom: float
    top: float
    figures: int  # claims charted, before any thinning
    conflicts: int  # conflicts among them not dismissed, drawn or not
    sources: int
    labelled: frozenset[int]

    def x(self, day: float) -> float:
        """A day as a share of the plot's width."""
        return (day - self.first_day) / (self.last_day - self.first_day)

    def y(self, value: float) -> float:
        """A figure as a share of the plot's height (0 at the bottom)."""
        if self.log:
            value = max(value, self.bottom)
            return math.log(value / self.bottom) / math.log(self.top / self.bottom)
        return (value - self.bottom) / (self.top - self.bottom)

    def value_at(self, share: float) -> float:
        """The figure at a share of the plot's height: the inverse of y."""
        if self.log:
            return self.bottom * (self.top / self.bottom) ** share
        return self.bottom + share * (self.top - self.bottom)

    def arrow_end(self, mark: Mark) -> float:
        """Where an open bound's arrow ends: above an "at least", below an "up to"."""
        share = self.y(mark.value) + (ARROW if mark.shape == UP else -ARROW)
        return self.value_at(min(1.0, max(0.0, share)))

    def mark_of(self, claim_id: int) -> Mark | None:
        return next((m for m in self.marks if m.claim_id == claim_id), None)

    @property
    def other_sources(self) -> bool:
        """Whether the last series gathers the sources past LEGEND_LIMIT."""
        return self.sources > len(self.series)

    def y_ticks(self) -> list[tuple[float, str]]:
        return log_ticks(self.bottom, self.top) if self.log else linear_ticks(self.bottom, self.top)

    def x_ticks(self) -> list[tuple[float, str]]:
        return date_ticks(self.first_day, self.last_day)

    def describe(self) -> str:
        """The chart in words: its text alternative."""
        marks = sorted(self.marks, key=lambda m: (m.value, m.claim_id))
        low, high = marks[0], marks[-1]
        days = [m.day for m in self.marks]
        first, last = date.fromordinal(int(min(days))), date.fromordinal(int(max(days)))
        sources = self.sources
        text = (
            f"{self.quantity.capitalize()} claimed in {self.topic}: {self.figures} "
            f"figure{'s' if self.figures != 1 else ''} from {sources} "
            f"source{'s' if sources != 1 else ''}, {_day(first)} to {_day(last)}; "
            f"lowest {low.words} (#{low.claim_id}, {low.source}), highest {high.words} "
            f"(#{high.claim_id}, {high.source})"
        )
        drawn = sum(1 for link in self.links if link.kind != REVISION)
        if self.conflicts:
            text += f"; {self.conflicts} conflict{'s' if self.conflicts != 1 else ''}"
            text += " marked" if drawn == self.conflicts else f", the {drawn} widest marked"
        return text + (" (log scale)." if self.log else ".")


def _day(day: date, year: bool = True) -> str:
    return f"{day.day} {calendar.month_abbr[day.month]}" + (f" {day.year}" if year else "")


def quantities(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    """The charted claims of each quantity: figures, not denials (a denial's figure is
    what it denies). Figures without a unit join the topic's one quantity, if it has
    one, else they are a quantity of their own."""
    found: dict[str | None, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.figure is not None and claim.stance != "denies":
            found[claim_quantity(claim)].append(claim)
    unitless = found.pop(None, [])
    named: dict[str, list[Claim]] = dict(sorted(found.items()))  # type: ignore[arg-type]
    if unitless and len(named) == 1:
        only = next(iter(named))
        named[only] = sorted(named[only] + unitless, key=lambda c: (c.date, c.id or 0))
    elif unitless:
        named[NO_UNIT] = unitless
    return named


def choose_quantity(section: Section, quantity: str | None) -> tuple[str, list[Claim]]:
    """The quantity to chart and its claims, or the reason there is none."""
    found = quantities(section.claims)
    if not found:
        raise ClaimtrackError("nothing to chart: the topic's claims give no figures")
    if quantity is None:
        if len(found) > 1:
            raise ClaimtrackError(
                f"the topic's figures count several things ({', '.join(found)}); "
                "choose one with --quantity"
            )
        return next(iter(found.items()))
    from claimtrack.figures import normalise_unit

    wanted = NO_UNIT if quantity.strip().lower() == NO_UNIT else normalise_unit(quantity)
    if wanted in found:
        return wanted, found[wanted]  # type: ignore[return-value]
    # ... or a quantity, as `show` and `conflicts` name them: "people attending"
    from claimtrack.quantities import label_of, parse_quantity

    try:
        key = parse_quantity(quantity).key
    except ClaimtrackError:
        key = None
    measured = sorted(
        (c for claims in found.values() for c in claims if key and c.quantity == key),
        key=lambda c: (c.date, c.id or 0),
    )
    if measured:
        return label_of(key), measured
    keys = sorted({label_of(c.quantity) for cs in found.values() for c in cs if c.quantity})
    raise NotFoundError(
        f"the topic has no figures of {quantity!r}; it has: {', '.join(found)}"
        + (f" (quantities: {', '.join(keys)})" if keys else "")
    )


def build_chart(section: Section, quantity: str, claims: list[Claim]) -> Chart:
    """The chart of one quantity's claims, with the section's revisions and the
    conflicts not dismissed between them."""
    ordered = sorted(claims, key=lambda c: (c.compared_date.start, c.id or 0))
    series, series_of = _series(ordered)
    marks = tuple(_mark(claim, series_of[source_key(claim.source)]) for claim in ordered)
    ids = {m.claim_id for m in marks}
    links = [
        Link(earlier.id or 0, claim_id, REVISION)
        for claim_id, earlier in sorted(section.revised.items())
        if claim_id in ids and earlier.id in ids
    ]
    conflicts = sorted(
        (SEVERITY[c.kind], -(c.ratio or 0.0), c.pair, c.kind)
        for c, status, _ in section.conflicts
        if status != "dismissed"
        and c.kind in (CONTRADICTION, DISCREPANCY)
        and c.pair[0] in ids
        and c.pair[1] in ids
    )
    # A busy topic can hold a thousand conflicting pairs: past LINK_LIMIT only the
    # most severe and widest apart are drawn, or the links hide the marks.
    links.extend(Link(a, b, kind) for _, _, (a, b), kind in conflicts[:LINK_LIMIT])
    log, bottom, top = _value_axis(marks)
    first, last = _day_axis(marks)
    in_conflict = sorted({i for link in links if link.kind != REVISION for i in (link.a, link.b)})
    labelled = ids if len(marks) <= LABEL_LIMIT else set(in_conflict[:LABEL_LIMIT])
    return Chart(
        topic=section.topic,
        quantity=quantity,
        series=series,
        marks=marks,
        links=tuple(links),
        log=log,
        first_day=first,
        last_day=last,
        bottom=bottom,
        top=top,
        figures=len(marks),
        conflicts=len(conflicts),
        sources=len({source_key(c.source) for c in ordered}),
        labelled=frozenset(labelled),
    )


def _series(claims: list[Claim]) -> tuple[tuple[str, ...], dict[str, int]]:
    """Sources in the order they first speak; past LEGEND_LIMIT, one grey series."""
    names: dict[str, str] = {}
    for claim in claims:
        names.setdefault(source_key(claim.source), claim.source)
    keys = list(names)
    if len(keys) <= LEGEND_LIMIT:
        return tuple(names.values()), {key: i for i, key in enumerate(keys)}
    kept = keys[: LEGEND_LIMIT - 1]
    others = len(keys) - len(kept)
    series = (*(names[k] for k in kept), f"other sources ({others})")
    index = {key: i for i, key in enumerate(kept)}
    return series, {key: index.get(key, len(kept)) for key in keys}


def _mark(claim: Claim, series: int) -> Mark:
    figure = claim.figure
    assert figure is not None
    span = claim.compared_date
    middle = (span.start.toordinal() + span.end.toordinal()) / 2
    shape = {RANGE: BAR, VAGUE: BAND, AT_LEAST: UP, AT_MOST: DOWN}.get(figure.qualifier, POINT)
    return Mark(
        claim_id=claim.id or 0,
        series=series,
        shape=shape,
        day=middle,
        low=figure.low,
        high=figure.high,
        approximate=figure.qualifier == APPROX,
        source=claim.source,
        words=claim.figure_words,
        date_text=span.human(),
    )


def _value_axis(marks: Iterable[Mark]) -> tuple[bool, float, float]:
    values = []
    for mark in marks:
        if mark.shape != DOWN and mark.low > 0:
            values.append(mark.low)
        if mark.high is not None and mark.high > 0:
            values.append(mark.high)
    if not values:
        return False, 0.0, 1.0
    low, high = min(values), max(values)
    if high / low > LOG_SPAN:
        bottom = 10 ** math.floor(math.log10(low))
        top = 10 ** math.ceil(math.log10(high * (1 + ARROW * 3)))
        return True, float(bottom), float(top)
    # Counts start at zero: a bar from zero is an "up to", and distance reads true.
    top_value = max(values) * (1 + ARROW * 1.5)
    step = nice_step(top_value / 6)
    return False, 0.0, math.ceil(top_value / step) * step


def _day_axis(marks: Iterable[Mark]) -> tuple[float, float]:
    days = [m.day for m in marks]
    first, last = min(days), max(days)
    pad = max(1.0, (last - first) * 0.04)
    return first - pad, last + pad


# --- ticks ------------------------------------------------------------------------------


def nice_step(rough: float) -> float:
    """1, 2 or 5 times a power of ten, at least ROUGH."""
    if rough <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(rough))
    for multiple in (1, 2, 5, 10):
        if multiple * power >= rough:
            return float(multiple * power)
    return float(10 * power)


def linear_ticks(bottom: float, top: float) -> list[tuple[float, str]]:
    step = nice_step((top - bottom) / 6)
    count = int(round((top - bottom) / step))
    return [(bottom + i * step, compact_number(bottom + i * step)) for i in range(count + 1)]


def log_ticks(bottom: float, top: float) -> list[tuple[float, str]]:
    decades = round(math.log10(top / bottom))
    multiples = (1, 2, 5) if decades <= 3 else (1,)
    ticks = []
    for power in range(round(math.log10(bottom)), round(math.log10(top)) + 1):
        for multiple in multiples:
            value = multiple * 10.0**power
            if bottom <= value <= top * 1.0001:
                ticks.append((value, compact_number(value)))
    return ticks


def compact_number(value: float) -> str:
    """A tick label: 3,000; 25k; 1.5M; 2bn."""
    if value >= 1e9:
        return f"{value / 1e9:g}bn"
    if value >= 1e6:
        return f"{value / 1e6:g}M"
    if value >= 10_000:
        return f"{value / 1e3:g}k"
    return f"{value:,.0f}" if value >= 1 or value == 0 else f"{value:g}"


def date_ticks(first: float, last: float) -> list[tuple[float, str]]:
    """Ticks on whole days, month starts or year starts, whichever gives 2 to 8."""
    start, end = date.fromordinal(math.ceil(first)), date.fromordinal(math.floor(last))
    span = (end - start).days
    if span <= 62:
        step = max(1, math.ceil(span / 6))
        days = [start.toordinal() + i for i in range(0, span + 1, step)]
        return [(float(d), _day(date.fromordinal(d), year=False)) for d in days]
    months = []
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        if date(year, month, 1) >= start:
            months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if len(months) > 8:
        every = math.ceil(len(months) / 6)
        if len(months) > 36:
            years = [d for d in months if d.month == 1]
            every_year = max(1, math.ceil(len(years) / 6))
            return [(float(d.toordinal()), str(d.year)) for d in years[::every_year]]
        months = [d for d in months if (d.month - 1) % every == 0]
    return [(float(d.toordinal()), f"{calendar.month_abbr[d.month]} {d.year}") for d in months]


# --- thinning ---------------------------------------------------------------------------


def thin(chart: Chart, columns: int = 240, rows: int = 120) -> Chart:
    """Marks that would cover each other at this resolution drawn once: the first
    claim keeps its place and counts the others. Links keep only marks still drawn."""
    kept: dict[tuple[object, ...], Mark] = {}
    for mark in chart.marks:
        top = None if mark.high is None else round(chart.y(mark.high) * rows)
        key = (
            mark.series,
            mark.shape,
            mark.approximate,
            round(chart.x(mark.day) * columns),
            round(chart.y(mark.low) * rows),
            top,
        )
        first = kept.get(key)
        kept[key] = mark if first is None else replace(first, count=first.count + 1)
    if len(kept) == len(chart.marks):
        return chart
    marks = tuple(sorted(kept.values(), key=lambda m: (m.day, m.claim_id)))
    ids = {m.claim_id for m in marks}
    links = tuple(link for link in chart.links if link.a in ids and link.b in ids)
    return replace(chart, marks=marks, links=links, labelled=chart.labelled & ids)
