"""Conflicts between claims: contradictions, discrepancies and denials, each with
a reason a person can read without knowing the rules. Pure: claims in, conflicts out.

Figures are compared only within one topic and one quantity, and the way the
quantity moves in time decides which claims meet (see claimtrack.quantities):
level figures about the same moment, event figures about the same event date,
cumulative figures also across time, where a running total must not fall.
Claims are sorted by the moment they describe and swept, so only claims close
enough in time are ever paired. A denial is one conflict with every claim of
another source that it answers. Two claims meet only when their voices differ: a
source's voice is the source it speaks for (a spokesman's, his ministry), else itself.
"""

from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby

from claimtrack.claims import BODY_KINDS, BODY_REACH, REPORT, Claim, claim_basis, source_key
from claimtrack.dates import ClaimDate
from claimtrack.errors import ParseError
from claimtrack.figures import APPROX, AT_LEAST, AT_MOST, EXACT, VAGUE, Figure, figure_words
from claimtrack.limits import MAX_REVIEWER, text_problem
from claimtrack.quantities import (
    CUMULATIVE,
    EVENT,
    LEVEL,
    denial_answers,
    denied_quantity,
    denies_a_figure,
    estimated_late,
    is_side,
    kind_of,
    label_of,
    never_compared,
)

CONTRADICTION, DISCREPANCY, DENIAL = "contradiction", "discrepancy", "denial"
KINDS = (CONTRADICTION, DISCREPANCY, DENIAL)  # most severe first
SEVERITY = {kind: rank for rank, kind in enumerate(KINDS)}
OPEN, DISMISSED, CONFIRMED = "open", "dismissed", "confirmed"
WHOLE_TOPIC = "*"  # a kind set for every quantity of a topic


@dataclass(frozen=True)
class Settings:
    window_days: int = 2  # how far apart "the same moment" may be; 0: any distance
    tolerance: float = 0.10  # the gap allowed between two figures, as a share of the smaller
    factor: float = 1.5  # how far below an "up to" maximum a figure may lie
    approx_margin: float = 0.05  # "about 600" counts as 570-630
    # the top of a figure in words only is soft: "several hundred thousand" (300,000-
    # 900,000) reaches 1,080,000, so "one million" does not contradict it
    vague_margin: float = 0.2
    denial_days: int = 30  # a denial answers the claims made this close to it

    def __post_init__(self) -> None:
        if self.window_days < 0:
            raise ParseError(f"--window must be 0 or more days, not {self.window_days}")
        if not 0 <= self.tolerance < 1 or math.isnan(self.tolerance):
            raise ParseError(
                f"--tolerance must be a percentage from 0 to 99, not {self.tolerance * 100:g}"
            )
        if not self.factor >= 1:
            raise ParseError(f"--factor must be 1 or more, not {self.factor:g}")

    def differences(self) -> str | None:
        """How these settings differ from the stored ones, as command-line options."""
        parts = []
        if self.window_days != STORED.window_days:
            parts.append(f"--window {self.window_days}")
        if self.tolerance != STORED.tolerance:
            parts.append(f"--tolerance {self.tolerance * 100:g}")
        if self.factor != STORED.factor:
            parts.append(f"--factor {self.factor:g}")
        return " ".join(parts) or None


STORED = Settings()  # what the stored conflicts are computed with


@dataclass(frozen=True)
class Conflict:
    kind: str
    ids: tuple[int, ...]  # a denial first, then the claims it answers; else the lower id first
    reason: str
    ratio: float | None
    topic: str = ""
    quantity: str = ""  # the quantity's key; "" for a denial of a whole topic
    quantity_kind: str | None = None
    # The claims themselves, when computed (not when read back from the store).
    members: tuple[Claim, ...] = field(default=(), compare=False, repr=False)

    @property
    def key(self) -> str:
        """Stable text naming the conflict, which reviews refer to."""
        if self.kind == DENIAL:
            return f"denial-{self.ids[0]}"
        return f"{self.ids[0]}-{self.ids[1]}"

    @property
    def pair(self) -> tuple[int, int]:
        return (self.ids[0], self.ids[1])

    def others(self, claim_id: int) -> list[int]:
        """The claims a claim is in conflict with here."""
        if self.kind == DENIAL and claim_id != self.ids[0]:
            return [self.ids[0]]
        return [i for i in self.ids if i != claim_id]

    def sort_key(self) -> tuple[str, int, tuple[int, ...]]:
        return (self.topic, SEVERITY[self.kind], self.ids)

    def heading(self) -> str:
        """'#1 × #2' for a pair; '#3 × #1, #2, #4' for a denial and what it answers."""
        first, *rest = self.ids
        return f"#{first} × " + ", ".join(f"#{i}" for i in rest)


@dataclass(frozen=True)
class Review:
    """A decision on a conflict. It holds while its claims are the ones it was
    made on, with the same figures, quantities, dates, sources and stances."""

    conflict: str  # the conflict's key
    kind: str
    claims: tuple[int, ...]
    basis: tuple[str, ...] | None  # each claim's fingerprint then; None: unknown (old)
    decision: str  # "dismissed" or "confirmed"
    note: str | None
    reviewer: str | None
    created_at: str
    settings: str | None = None  # the options it was made under, when not the stored ones
    replaces: int | None = None
    id: int | None = None
    undone_at: str | None = None

    def words(self) -> str:
        """'dismissed by alice on 2024-11-02'."""
        who = f" by {self.reviewer}" if self.reviewer else ""
        under = f", under {self.settings}" if self.settings else ""
        return f"{self.decision}{who} on {self.created_at[:10]}{under}"


def check_reviewer(name: str, what: str = "--by") -> str:
    """Who decided: a short name, without control characters."""
    if not isinstance(name, str):
        raise ParseError(f"{what} must be text")
    value = " ".join(name.split())
    if not value:
        raise ParseError(f"{what} is empty; give who decides, such as 'desk editor'")
    if len(value) > MAX_REVIEWER or any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in name):
        raise ParseError(f"{what} must be a name of at most {MAX_REVIEWER} plain characters")
    problem = text_problem(value, "name", MAX_REVIEWER)  # what is left: lone surrogates
    if problem:
        raise ParseError(f"{what}: {problem}")
    return value


def holds(review: Review, members: Sequence[Claim]) -> bool:
    """Whether a decision still stands for these claims."""
    if review.basis is None or len(review.basis) != len(review.claims):
        return False
    then = dict(zip(review.claims, review.basis, strict=True))
    return len(then) == len(members) and all(
        then.get(claim.id or 0) == claim_basis(claim) for claim in members
    )


def review_status(conflict: Conflict, reviews: Mapping[str, Review]) -> tuple[str, Review | None]:
    """'open', or the decision that still holds for the conflict's claims."""
    review = reviews.get(conflict.key)
    if review is None or not holds(review, conflict.members):
        return OPEN, None
    return review.decision, review


# --- finding conflicts -------------------------------------------------------------

KindTable = Mapping[str, Mapping[str, str]]  # topic -> quantity key (or "*") -> kind


def quantity_kind(quantity: str, topic_kinds: Mapping[str, str] | None = None) -> str:
    """The kind of a topic's quantity: set for it, else for the whole topic, else
    the default of its state."""
    if topic_kinds:
        chosen = topic_kinds.get(quantity) or topic_kinds.get(WHOLE_TOPIC)
        if chosen:
            return chosen
    return kind_of(quantity)


def moment_order(claim: Claim) -> tuple[str, int]:
    """Claims in the order of the moment they describe: ISO text sorts as the
    start of its span ('2024-10' with the 1st), without building dates."""
    return ((claim.as_of or claim.date).iso, claim.id or 0)


def find_conflicts(
    claims: Iterable[Claim], settings: Settings = STORED, kinds: KindTable | None = None
) -> list[Conflict]:
    """Every conflict among the claims, sorted by topic, severity, then ids."""
    ordered = sorted(claims, key=lambda c: c.topic or "")
    return list(iter_conflicts(ordered, settings, kinds))


def iter_conflicts(
    claims_by_topic: Iterable[Claim], settings: Settings = STORED, kinds: KindTable | None = None
) -> Iterator[Conflict]:
    """Conflicts of claims that come grouped by topic, as the store lists them, a
    topic at a time: one topic is held in memory, whatever the database's size.
    Sorted within each topic; topics come in the order they arrive."""
    for topic, group in groupby(claims_by_topic, key=lambda c: c.topic or ""):
        yield from topic_conflicts(list(group), settings, (kinds or {}).get(topic))


def topic_conflicts(
    members: Sequence[Claim],
    settings: Settings = STORED,
    topic_kinds: Mapping[str, str] | None = None,
) -> list[Conflict]:
    """The conflicts of one topic's claims, sorted by severity, then ids."""
    ordered = sorted(members, key=moment_order)
    found = [
        *denial_conflicts(ordered, settings),
        *(
            conflict
            for quantity, group in figure_groups(ordered).items()
            for conflict in figure_conflicts(group, quantity_kind(quantity, topic_kinds), settings)
        ),
    ]
    return sorted(found, key=Conflict.sort_key)


def figure_groups(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    """The claims with a figure to compare, by quantity, in the order they come."""
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.figure is not None and claim.stance != "denies":
            groups[claim.quantity or ""].append(claim)
    return groups


def figure_conflicts(group: Sequence[Claim], kind: str, settings: Settings) -> list[Conflict]:
    """Contradictions and discrepancies among the claims of one quantity, sorted by
    moment; one conflict a pair at most, the most severe. Parts that do not say
    which part they are never meet."""
    if not group or never_compared(group[0].quantity):
        return []
    prepared = _Group(group, settings, kind == CUMULATIVE)
    found: dict[tuple[int, int], Conflict] = {}
    sweeps: list[Iterator[Conflict]] = [_sweep(prepared, settings, kind)]
    if kind == CUMULATIVE and settings.window_days:
        sweeps.append(_falling(prepared, settings))
    for sweep in sweeps:
        for conflict in sweep:
            previous = found.get(conflict.pair)
            if previous is None or SEVERITY[conflict.kind] < SEVERITY[previous.kind]:
                found[conflict.pair] = conflict
    return list(found.values())


class _Group:
    """What the sweeps read of each claim, worked out once: its span in days, its
    voice, its interval as compared."""

    def __init__(self, claims: Sequence[Claim], settings: Settings, daily: bool = False) -> None:
        spans = [_span(c.as_of or c.date) for c in claims]
        if daily and settings.window_days:
            # A running total is compared day by day; a figure dated only by the
            # report that carries it may have been given up to the window before.
            spans = [
                (start - settings.window_days, end) if _report_dated(c) else (start, end)
                for c, (start, end) in zip(claims, spans, strict=True)
            ]
            order = sorted(range(len(claims)), key=lambda i: (spans[i][0], i))
            claims, spans = [claims[i] for i in order], [spans[i] for i in order]
        self.claims = claims
        self.starts = [span[0] for span in spans]
        self.ends = [span[1] for span in spans]
        self.keys = voice_keys(claims)
        self.bounds = [_bounds(c.figure, settings) for c in claims]  # type: ignore[arg-type]
        self.capped = [c.figure.qualifier == AT_MOST for c in claims]  # type: ignore[union-attr]
        self.rounded = [_rounded(c.figure) for c in claims]  # type: ignore[arg-type]


@lru_cache(maxsize=65536)
def _rounded(figure: Figure) -> tuple[float, float] | None:
    """What an exact count can stand for, given its last written digit: 194 is 193.5 to
    194.5, 46.1 is 46.05 to 46.15, 3,200 is 3,150 to 3,250; None for any other figure."""
    value = figure.low
    if (
        figure.qualifier != EXACT
        or value != figure.high
        or value <= 0
        or not any(ch.isdigit() for ch in figure.text)  # "a third" gives no last digit
    ):
        return None
    value = float(f"{value:.12g}")  # "2.01 million" is 2010000, not 2009999.9999999998
    if value.is_integer():
        whole, zeros = int(value), 0
        while whole % 10 == 0:
            whole //= 10
            zeros += 1
        half = 10.0**zeros / 2
    else:
        half = 10.0 ** -len(repr(value).partition(".")[2].partition("e")[0]) / 2
    # the edges pulled in by a hair, so that 46.1 and 46.2, which meet at 46.15, meet
    # whatever the floats' last bits
    slack = value * 1e-9
    return value - half - slack, value + half + slack


def _disjoint(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    return a is not None and b is not None and (a[1] < b[0] or b[1] < a[0])


def voice_keys(claims: Sequence[Claim]) -> list[str]:
    """Each claim's voice as compared: its source key, where a body named only by its
    kind ("the government", "the state government", "police") is the one body of that
    kind the claims name with a place or a name ("Odisha government"), when there is
    exactly one. Read over the claims compared together: a quantity's for its figures
    and revisions, as the store brings them up to date, a topic's for its denials."""
    keys = _acronyms_unified([source_key(c.voice) for c in claims], [c.voice for c in claims])
    bare = {
        key
        for key, claim in zip(keys, claims, strict=True)
        if claim.voice.removeprefix("the ").islower() and key.rpartition(" ")[2] in BODY_KINDS
    }
    if not bare:
        return keys
    named = set(keys) - bare
    unified = {}
    for key in bare:
        words = key.split()
        tails = [key]
        if len(words) == 2 and words[0] in BODY_REACH:
            tails.append(words[1])  # "the state government": the government named with its place
        for tail in tails:
            found = [n for n in named if n.endswith(" " + tail)]
            if len(found) == 1:
                unified[key] = found[0]
                break
    return [unified.get(k, k) for k in keys]


# Who speaks for a body after its name: "U.N. officials" speak for the U.N.
_SPEAKING_FOR = {"official", "officials", "spokesman", "spokeswoman", "spokesperson",
                 "source", "sources", "officers"}  # fmt: skip
_LINKS = {"of", "for", "the", "and", "on", "&", "to", "in", "at"}


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _LINKS)


def _acronyms_unified(keys: list[str], written: list[str]) -> list[str]:
    """A body named in full in one claim and by its acronym in another, or by those
    who speak for it ("U.N. officials"), is one voice: the full name. An acronym is
    written in capitals (`written`: the voices as written), so no person's name is one."""
    named = {k for k in keys if len(k.split()) >= 2 and k.split()[-1] not in _SPEAKING_FOR}
    full: dict[str, str | None] = {}
    for key in named:
        initials = _initials(key)
        full[initials] = None if initials in full else key  # two names, one acronym: neither

    present = set(keys)

    def unified(key: str, as_written: str) -> str:
        if not as_written.split()[0].replace(".", "").isupper():
            return key
        words = key.split()
        if (
            len(words) == 2
            and words[1] in _SPEAKING_FOR
            and (words[0] in full or words[0] in present)
        ):
            key = words[0]  # "un officials", beside "united nations" or "un"
        return full.get(key) or key if " " not in key and len(key) >= 2 else key

    return [unified(k, w) for k, w in zip(keys, written, strict=True)]


def _report_dated(claim: Claim) -> bool:
    return claim.as_of is None and claim.date_basis == REPORT


def _span(day: ClaimDate) -> tuple[int, int]:
    """First and last day a date can mean, as day numbers."""
    return _span_of(day.iso, day.precision)


@lru_cache(maxsize=65536)
def _span_of(iso: str, precision: str) -> tuple[int, int]:
    # A few thousand distinct dates serve a million claims.
    day = ClaimDate(iso, precision)
    return day.start.toordinal(), day.end.toordinal()


def _sweep(group: _Group, settings: Settings, kind: str) -> Iterator[Conflict]:
    """Pair each claim with the later-starting claims about the same moment. For an
    event, two claims that both give the event's date must give the same one; a
    claim that does not give it was made about the event, at a date of its own, so
    it meets the event's other claims made within the denial window of it; an
    event's losses or a project's cost, estimated however late."""
    window = settings.window_days
    claims, starts, ends, keys, bounds, capped, rounded = (
        group.claims, group.starts, group.ends, group.keys, group.bounds, group.capped,
        group.rounded,
    )  # fmt: skip
    event = kind == EVENT and window
    # A running total moves from day to day: about the same moment is the same day.
    reach_days: float = 0 if kind == CUMULATIVE else window
    if event:
        late = estimated_late(claims[0].quantity) if claims else False
        reach_days = math.inf if late else max(window, settings.denial_days)
    share = 1 + settings.tolerance
    count = len(claims)
    words: dict[int, str] = {}

    def said(claim: Claim) -> str:
        # A claim of a crowded quantity takes part in many conflicts: its words are
        # made once (the claims outlive the sweep, so their ids name them).
        found = words.get(id(claim))
        if found is None:
            found = words[id(claim)] = _said(claim)
        return found

    # "in 2025" is no moment: a count that moves cannot be held to it
    no_moment = [
        bool(window) and not event and e - s > _MONTH for s, e in zip(starts, ends, strict=True)
    ]
    for i in range(count):
        if no_moment[i]:
            continue
        reach = ends[i] + reach_days
        low_i, high_i = bounds[i]
        rounded_i = rounded[i]
        for j in range(i + 1, count):
            if window and starts[j] > reach:
                break  # sorted by start: every later claim is further away
            if keys[i] == keys[j] or no_moment[j]:
                continue
            if event and claims[i].as_of and claims[j].as_of and starts[j] > ends[i]:
                continue
            low_j, high_j = bounds[j]
            # Most pairs agree: only a gap, an "up to" or two exact counts apart can make
            # a conflict.
            if not (
                capped[i]
                or capped[j]
                or low_j > high_i * share
                or low_i > high_j * share
                or (
                    rounded_i is not None
                    and (rounded_j := rounded[j]) is not None
                    and (rounded_i[1] < rounded_j[0] or rounded_j[1] < rounded_i[0])
                )
            ):
                continue
            conflict = compare_figures(claims[i], claims[j], settings, kind, said)
            if conflict is not None:
                yield conflict


_MONTH = 31  # days: the longest span a date may cover and still name a moment


def _bounds(figure: Figure, settings: Settings) -> tuple[float, float]:
    """A figure's interval as compared: an approximate one widened by the margin."""
    low, high = figure.low, figure.upper
    if figure.qualifier == APPROX:
        return low * (1 - settings.approx_margin), high * (1 + settings.approx_margin)
    if figure.qualifier == VAGUE:
        return low, high * (1 + settings.vague_margin)
    return low, high


def _gap(top: float, bottom: float) -> float | None:
    """How far an interval starting at `bottom` lies above one ending at `top`, as
    a share of `top`; None when they meet."""
    if bottom <= top:
        return None
    return math.inf if top <= 0 else (bottom - top) / top


def _falling(group: _Group, settings: Settings) -> Iterator[Conflict]:
    """Beyond the same day, a running total must not fall below what another
    source last said before it: each later claim is held against the highest of
    the other sources' latest figures of earlier days."""
    claims, starts, ends, keys, bounds = (
        group.claims, group.starts, group.ends, group.keys, group.bounds,
    )  # fmt: skip
    by_end = sorted(range(len(claims)), key=lambda i: (ends[i], i))
    settled = 0
    latest: dict[str, int] = {}  # each voice's latest settled claim, by index
    heap: list[tuple[float, int]] = []  # (-floor, index)
    for later in range(len(claims)):
        while settled < len(by_end) and ends[by_end[settled]] < starts[later]:
            earlier = by_end[settled]
            settled += 1
            current = latest.get(keys[earlier])
            if current is None or (starts[earlier], earlier) > (starts[current], current):
                latest[keys[earlier]] = earlier
                heapq.heappush(heap, (-bounds[earlier][0], earlier))
        mine = keys[later]
        best, aside = None, []
        while heap:
            candidate = heap[0][1]
            if latest.get(keys[candidate]) != candidate:
                heapq.heappop(heap)  # that source has said something newer since
            elif keys[candidate] == mine:
                aside.append(heapq.heappop(heap))
            else:
                best = candidate
                break
        for item in aside:
            heapq.heappush(heap, item)
        if best is None:
            continue
        gap = _gap(bounds[later][1], bounds[best][0])
        if gap is not None and gap > settings.tolerance:
            low, high = claims[later], claims[best]
            fl, fb = low.figure, high.figure
            assert fl is not None and fb is not None
            ratio = _ratio(fl, fb)
            apart = f", {_times(ratio)} lower, {_gap_words(gap, settings)}" if ratio else " to none"
            reason = (
                f"Contradiction: {_said(low)}; earlier {_said(high)}: a running total "
                f"cannot fall{apart}"
            )
            yield _conflict(CONTRADICTION, high, low, reason, ratio, CUMULATIVE)


def compare_figures(
    a: Claim,
    b: Claim,
    settings: Settings = STORED,
    kind: str = LEVEL,
    said: Callable[[Claim], str] | None = None,
) -> Conflict | None:
    """A contradiction or a discrepancy between two figures, or None.

    A contradiction: the gap between the two intervals is more than the
    tolerance of the smaller figure. A discrepancy: two exact counts apart beyond
    their last written digits, or, compatible, one "up to" a maximum more than the
    factor above the other's stated figure.
    `said` gives a claim's words in the reason, if they are known already.
    """
    said = said or _said
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None
    low, high = (a, b) if (fa.low, fa.upper) <= (fb.low, fb.upper) else (b, a)
    flow, fhigh = low.figure, high.figure
    assert flow is not None and fhigh is not None
    gap = _gap(_bounds(flow, settings)[1], _bounds(fhigh, settings)[0])
    if gap is not None and gap > settings.tolerance:
        ratio = _ratio(flow, fhigh)
        apart = (
            f"{_times(ratio)} apart, {_gap_words(gap, settings)}"
            if ratio
            else "one counts none, the other some"
        )
        reason = f"Contradiction: {said(low)}; {said(high)}: {apart}"
        return _conflict(CONTRADICTION, low, high, reason, ratio, kind)
    if _disjoint(_rounded(flow), _rounded(fhigh)):
        # "194 dead" against "187 dead": counts given to the unit cannot both be right,
        # however close
        ratio = fhigh.low / flow.low
        reason = (
            f"Discrepancy: {said(low)}; {said(high)}: two exact counts {_times_close(ratio)} "
            f"apart, beyond their last digits"
        )
        return _conflict(DISCREPANCY, low, high, reason, ratio, kind)
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
        f"Discrepancy: {said(maximum)}; {said(other)}: the maximum is {_times(ratio)} "
        f"the other figure (more than {settings.factor:g}x)"
    )
    return _conflict(DISCREPANCY, maximum, other, reason, ratio, kind)


def denial_conflicts(members: Sequence[Claim], settings: Settings = STORED) -> list[Conflict]:
    """Each denial against every claim of another source it answers, as one
    conflict. It answers the claims made within the denial window of it, of its
    quantity (or without one), or of the whole topic when it measures nothing;
    of those, what it points at when it does: the figure it denies (and claims
    with no figure), else the sources its text names."""
    denials = [c for c in members if c.stance == "denies"]
    if not denials:
        return []
    affirming = sorted((c for c in members if c.stance != "denies"), key=moment_order)
    # What each claim is compared by, read once: a topic's denials each look at every
    # claim of their window, so a pair's test must cost next to nothing.
    spans = [c.compared_date for c in affirming]
    starts = [span.start.toordinal() for span in spans]
    ends = [span.end.toordinal() for span in spans]
    keys = voice_keys([*affirming, *denials])
    denial_keys = dict(zip((id(d) for d in denials), keys[len(affirming) :], strict=True))
    keys = keys[: len(affirming)]
    one_side: dict[tuple[str, str], bool] = {}
    # how long before its end a claim may start: a day's claim none, one dated by its
    # year up to 365 days
    longest = max((e - s for s, e in zip(starts, ends, strict=True)), default=0)
    days = settings.denial_days if settings.window_days else 0
    found = []
    for denial in denials:
        span = denial.compared_date
        begin, end = span.start.toordinal(), span.end.toordinal()
        first, last = 0, len(affirming)
        if days:
            first = bisect_left(starts, begin - days - longest)
            last = bisect_right(starts, end + days)
        mine = denial_keys[id(denial)]
        candidates = []
        for i in range(first, last):
            other = affirming[i]
            if keys[i] == mine or (days and max(starts[i] - end, begin - ends[i]) > days):
                continue
            if denial.quantity and other.quantity and other.quantity != denial.quantity:
                continue
            pair = (denial.voice, other.voice)
            if pair not in one_side:
                one_side[pair] = _one_side(*pair)
            if not one_side[pair]:
                candidates.append(other)
        answered = _pointed_at(denial, candidates, settings)
        if answered:
            found.append(_denial(denial, sorted(answered, key=lambda c: c.id or 0)))
    return found


_AS_HIGH_AS = ("as many as", "up to", "as much as", "as high as")


def _pointed_at(denial: Claim, candidates: list[Claim], settings: Settings) -> list[Claim]:
    """Of the claims a denial could answer, the ones it points at."""
    if denial.figure is not None:
        low, high = _bounds(denial.figure, settings)
        if denial.figure.qualifier == AT_LEAST or (
            denial.figure.qualifier == AT_MOST
            and denial.figure.text.lower().startswith(_AS_HIGH_AS)
        ):
            # "rejected claims that as many as 4,000 had died", "denied that more than
            # 2,000 died": the counts of 2,000 and more it denies, not the 150 below ("fewer
            # than 100" keeps its counts below)
            low, high = denial.figure.stated, math.inf
        return [
            other
            for other in candidates
            if other.figure is None
            or _meets((low, high), _bounds(other.figure, settings), settings.tolerance)
        ]
    # a denial that names a ministry answers its spokesman too
    named = _named_in(denial.text, {c.source for c in candidates} | {c.voice for c in candidates})
    if named:
        candidates = [c for c in candidates if c.source in named or c.voice in named]
    denied = denied_quantity(denial.text) if not denial.quantity else None
    if denied is None:
        # "She has denied wrongdoing": a denial of what someone did, of no figure; one
        # that names a source answers that source's
        return candidates if named or denies_a_figure(denial.text) else []
    # "denied reports of heavy Norlandian casualties": those counts, not the whole story
    return [c for c in candidates if c.figure is None or denial_answers(denied, c.quantity)]


def _meets(a: tuple[float, float], b: tuple[float, float], tolerance: float) -> bool:
    """Whether two intervals meet, or lie within the tolerance of the smaller."""
    (_, high), (other_low, _) = sorted((a, b))
    gap = _gap(high, other_low)
    return gap is None or gap <= tolerance


def _named_in(text: str, sources: set[str]) -> set[str]:
    """The sources a text names: by the whole name, or a person's by the surname
    (the last of two or three capitalised words, capitalised in the text too)."""
    folded = f" {source_key(text)} "
    words = {w.removesuffix("'s").removesuffix("’s") for w in re.findall(r"\b[A-Z][\w'’-]+", text)}
    named = set()
    for source in sources:
        if f" {source_key(source)} " in folded:
            named.add(source)
            continue
        parts = source.split()
        if _person_like(parts) and parts[-1] in words:
            named.add(source)
    return named


# Words that make a capitalised name an organisation's, not a person's.
_BODIES = set(
    "Agency Army Assembly Association Authorities Authority Bank Board Bureau Center Centre "
    "Command Commission Committee Council Court Department Forces Government Group Institute "
    "Ministry Network News Office Organisation Organization Party Police Service Society "
    "Union University".split()
)


def _person_like(parts: list[str]) -> bool:
    return 2 <= len(parts) <= 3 and all(p[:1].isupper() and p not in _BODIES for p in parts)


def _one_side(a: str, b: str) -> bool:
    """Whether one source is a country and the other one of its own bodies, which
    speak for it ('Norland' and 'Norlandian Defence Ministry'): a country's denial
    does not answer what its own ministry says."""
    for country, body in ((a, b), (b, a)):
        name, first = country.strip(), body.split()[:1]
        if (
            len(name) > 3
            and name.isalpha()
            and name[:1].isupper()
            and first
            and first[0] != name
            and is_side(first[0].lower())
            and first[0].startswith(name[:-1])
        ):
            return True
    return False


def _denial(denial: Claim, answered: list[Claim]) -> Conflict:
    said = f"Denial: {denial.speaker} denies ({denial.compared_date.iso}): {_quote(denial.text)}"
    if len(answered) == 1:
        (other,) = answered
        reason = f"{said}; {other.speaker} {other.stance} ({other.compared_date.iso}): {_quote(other.text)}"
    else:
        sources = len({source_key(c.source) for c in answered})
        shown = "; ".join(f"{c.speaker} {c.stance} ({c.compared_date.iso})" for c in answered[:5])
        more = f"; and {len(answered) - 5} more" if len(answered) > 5 else ""
        reason = (
            f"{said}; against {len(answered)} claims of {sources} other "
            f"source{'s' if sources > 1 else ''}: {shown}{more}"
        )
    return Conflict(
        DENIAL,
        (denial.id or 0, *(c.id or 0 for c in answered)),
        reason,
        None,
        denial.topic or "",
        denial.quantity or "",
        kind_of(denial.quantity) if denial.quantity else None,
        (denial, *answered),
    )


def _conflict(
    kind: str, x: Claim, y: Claim, reason: str, ratio: float | None, quantity_kind: str
) -> Conflict:
    a, b = (x, y) if (x.id or 0) < (y.id or 0) else (y, x)
    return Conflict(
        kind,
        (a.id or 0, b.id or 0),
        reason,
        None if ratio is None else round(ratio, 4),
        a.topic or "",
        a.quantity or "",
        quantity_kind,
        (a, b),
    )


def _said(claim: Claim) -> str:
    return f"{claim.speaker} said {_figure_words(claim.figure, claim.unit)} ({claim.compared_date.iso})"


@lru_cache(maxsize=8192)
def _figure_words(figure: Figure | None, unit: str | None) -> str:
    # An outlier takes part in many conflicts: its words are worked out once.
    return figure_words(figure, unit)


def _ratio(lower: Figure, higher: Figure) -> float | None:
    """How many times the higher figure is the lower; None when the lower counts none."""
    return higher.low / lower.upper if lower.upper else None


def _gap_words(gap: float, settings: Settings) -> str:
    return (
        f"a gap of {_percent(gap)} of the smaller figure (more than {settings.tolerance * 100:g}%)"
    )


def _times(ratio: float) -> str:
    return f"{ratio:.1f}x" if ratio < 100 else f"{ratio:,.0f}x"  # "50,000,000x", not "50000000.0x"


def _times_close(ratio: float) -> str:
    return f"{ratio:.2f}x" if ratio < 1.1 else _times(ratio)


def _percent(share: float) -> str:
    return f"{share * 100:,.0f}%"


def _quote(text: str, limit: int = 80) -> str:
    short = " ".join(text.split())
    if len(short) > limit:
        short = short[: limit - 1].rstrip() + "…"
    return f"“{short}”"


# --- spreads, revisions and sections -----------------------------------------------


@dataclass(frozen=True)
class Spread:
    low: Claim
    high: Claim

    def describe(self, label: str = "") -> str:
        low, high = self.low, self.high
        of = f" ({label})" if label else ""
        if low.id == high.id:
            return f"One figure{of}: {low.figure_words} ({low.source})"
        return (
            f"Spread{of}: lowest {low.figure_words} ({low.source}, {low.compared_date.iso}); "
            f"highest {high.figure_words} ({high.source}, {high.compared_date.iso})"
        )


def latest_figures(claims: Iterable[Claim]) -> list[Claim]:
    """Each voice's latest figure (denials aside), lowest first: a spokesman's later
    figure stands for his ministry's."""
    latest: dict[str, Claim] = {}
    for claim in claims:
        if claim.figure is None or claim.stance == "denies":
            continue
        key = source_key(claim.voice)
        current = latest.get(key)
        if current is None or moment_order(claim) > moment_order(current):
            latest[key] = claim
    return sorted(latest.values(), key=lambda c: (c.figure.stated, c.id or 0))  # type: ignore[union-attr]


def topic_spread(claims: Iterable[Claim]) -> Spread | None:
    """Lowest and highest figure now claimed: each source's latest figure counts."""
    ordered = latest_figures(claims)
    return Spread(ordered[0], ordered[-1]) if ordered else None


def quantity_spreads(claims: Iterable[Claim]) -> list[str]:
    """A topic's spreads, one line a quantity; labelled when there are several."""
    groups = figure_groups(claims)
    lines = []
    for quantity in sorted(groups):
        spread = topic_spread(groups[quantity])
        if spread is not None:
            lines.append(spread.describe(label_of(quantity) if len(groups) > 1 else ""))
    return lines


def revisions(claims: Iterable[Claim]) -> dict[int, Claim]:
    """For each claim, the same voice's earlier figure of the same quantity it revises
    (a spokesman's figure revises the ministry's he speaks for)."""
    last: dict[tuple[str, str, str, str], Claim] = {}
    revised: dict[int, Claim] = {}
    figures = [c for c in claims if c.figure is not None and c.stance != "denies"]
    # voices as the conflicts of each quantity read them
    by_quantity: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in figures:
        by_quantity[claim.topic or "", claim.quantity or ""].append(claim)
    voice = {
        id(claim): key
        for members in by_quantity.values()
        for claim, key in zip(members, voice_keys(members), strict=True)
    }
    for claim in sorted(figures, key=moment_order):
        # an event's count given for two event dates counts two events: neither revises
        event = claim.as_of.iso if claim.as_of and kind_of(claim.quantity) == EVENT else ""
        key = (claim.topic or "", claim.quantity or "", voice[id(claim)], event)
        previous = last.get(key)
        if (
            previous is not None
            and not previous.figure.same_value(claim.figure)  # type: ignore[union-attr]
            # two figures of one moment: which came first is not known, so neither
            # revises the other
            and moment_order(previous)[0] != moment_order(claim)[0]
        ):
            revised[claim.id or 0] = previous
        last[key] = claim
    return revised


def conflict_json(conflict: Conflict, status: str, review: Review | None) -> dict[str, object]:
    return {
        "topic": conflict.topic,
        "kind": conflict.kind,
        "claims": list(conflict.ids),
        "quantity": conflict.quantity or None,
        "quantity_kind": conflict.quantity_kind,
        "reason": conflict.reason,
        "ratio": conflict.ratio,
        "status": status,
        "note": review.note if review else None,
        "reviewer": review.reviewer if review else None,
        "reviewed_at": review.created_at if review else None,
    }


Row = tuple[Conflict, str, "Review | None"]


@dataclass
class Section:
    """One topic: its claims in date order, their conflicts and revisions."""

    topic: str
    claims: list[Claim]
    conflicts: list[Row] = field(default_factory=list)
    revised: dict[int, Claim] = field(default_factory=dict)


def sections(
    claims: Iterable[Claim], conflicts_of: Callable[[str, list[Claim]], list[Row]]
) -> Iterator[Section]:
    """Claims ordered by topic become one section a topic, one at a time, with the
    conflicts `conflicts_of(topic, claims)` gives (stored, or computed)."""
    for topic, members in groupby(claims, key=lambda c: c.topic or ""):
        group = sorted(members, key=lambda c: (c.date, c.id or 0))
        yield Section(topic, group, conflicts_of(topic, group), revisions(group))


def computed_rows(
    claims: Sequence[Claim],
    settings: Settings,
    reviews: Mapping[str, Review],
    topic_kinds: Mapping[str, str] | None = None,
) -> list[Row]:
    """A topic's conflicts computed now, each with its status."""
    return [(c, *review_status(c, reviews)) for c in topic_conflicts(claims, settings, topic_kinds)]
