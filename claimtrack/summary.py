"""The editor's first view of a story: for each topic and quantity, each source's
latest figure, the spread and how many conflicts are open or confirmed. Pure:
sections in, summaries out."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from claimtrack.claims import Claim
from claimtrack.conflicts import KINDS, Conflict, Section, Spread, latest_figures


def quantity_of(claim: Claim) -> str | None:
    """What a claim's figure measures (its quantity's key): the one place that
    decides what is summarised together, as conflicts are found within one."""
    return claim.quantity or None


@dataclass
class QuantitySummary:
    quantity: str | None
    latest: list[Claim] = field(default_factory=list)  # a claim a source, lowest figure first
    spread: Spread | None = None
    conflicts: dict[str, Counter[str]] = field(default_factory=dict)  # status -> kind -> count

    def to_json(self) -> dict[str, object]:
        spread = None
        if self.spread is not None:
            low, high = self.spread.low, self.spread.high
            spread = {
                "low": _latest_json(low),
                "high": _latest_json(high),
                "ratio": _ratio(low, high),
            }
        return {
            "quantity": self.quantity,
            "latest": [_latest_json(claim) for claim in self.latest],
            "spread": spread,
            "conflicts": {
                status: {kind: kinds[kind] for kind in KINDS if kinds[kind]}
                for status, kinds in sorted(self.conflicts.items())
            },
        }


@dataclass
class TopicSummary:
    topic: str
    claims: int
    sources: int
    first: str
    last: str
    quantities: list[QuantitySummary]

    def to_json(self) -> dict[str, object]:
        return {
            "topic": self.topic,
            "claims": self.claims,
            "sources": self.sources,
            "first": self.first,
            "last": self.last,
            "quantities": [q.to_json() for q in self.quantities],
        }


def summarise(section: Section) -> TopicSummary:
    """One topic: its quantities, those with figures first, by name."""
    from claimtrack.claims import source_key

    by_quantity: dict[str | None, list[Claim]] = defaultdict(list)
    for claim in section.claims:
        if claim.figure is not None and claim.stance != "denies":
            by_quantity[quantity_of(claim)].append(claim)
    quantities = {}
    for quantity, claims in by_quantity.items():
        latest = latest_figures(claims)
        quantities[quantity] = QuantitySummary(quantity, latest, Spread(latest[0], latest[-1]))
    for conflict, status, _ in section.conflicts:
        quantity = _conflict_quantity(conflict)
        summary = quantities.setdefault(quantity, QuantitySummary(quantity))
        summary.conflicts.setdefault(status, Counter())[conflict.kind] += 1
    dates = [claim.date.iso for claim in section.claims]
    return TopicSummary(
        topic=section.topic,
        claims=len(section.claims),
        sources=len({source_key(claim.source) for claim in section.claims}),
        first=min(dates, default=""),
        last=max(dates, default=""),
        quantities=sorted(
            quantities.values(), key=lambda q: (not q.latest, q.quantity is None, q.quantity or "")
        ),
    )


def _conflict_quantity(conflict: Conflict) -> str | None:
    """A figure conflict measures its claims' quantity; a denial, what it denies."""
    return conflict.quantity or None


def _latest_json(claim: Claim) -> dict[str, object]:
    from claimtrack.claims import figure_json

    return {
        "claim": claim.id,
        "source": claim.source,
        "date": claim.compared_date.iso,
        "figure": figure_json(claim.figure),
        "figure_words": claim.figure_words,
    }


def spread_ratio(spread: Spread) -> float | None:
    """How many times the highest figure is the lowest; None if that means nothing."""
    return _ratio(spread.low, spread.high)


def _ratio(low: Claim, high: Claim) -> float | None:
    """How many times the highest figure is the lowest."""
    assert low.figure is not None and high.figure is not None
    if not low.figure.stated or high.figure.stated == float("inf"):
        return None
    return round(high.figure.stated / low.figure.stated, 2)
