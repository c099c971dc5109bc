"""The conflict rules, table-driven on the pure module."""

import pytest

from claimtrack.claims import Claim
from claimtrack.conflicts import (
    Review,
    Settings,
    find_conflicts,
    review_status,
    revisions,
    topic_spread,
)
from claimtrack.dates import ClaimDate
from claimtrack.errors import ParseError
from claimtrack.figures import parse_figure_option

_ids = iter(range(1, 10**6))


def claim(figure, source="A", day="2024-10-20", *, unit="troops", topic="T", stance="asserts",
          as_of=None, precision="day", claim_id=None):  # fmt: skip
    fig = parse_figure_option(figure) if figure else None
    return Claim(
        id=claim_id or next(_ids),
        text=f"{source} says {figure}",
        source=source,
        topic=topic,
        date=ClaimDate(day, precision),
        as_of=ClaimDate(as_of, "day") if as_of else None,
        figure=fig,
        unit=unit if fig else None,
        stance=stance,
        updated_at="2024-10-20T00:00:00Z",
    )


def kinds(*claims, **settings):
    return [(c.kind, c.ratio) for c in find_conflicts(claims, Settings(**settings))]


# Each qualifier against each other: figure A, figure B, expected kind (None: consistent).
PAIRS = [
    ("3,000", "12,000", "contradiction"),
    ("3,000", "3,200", None),
    ("3,000", "3,300", None),  # 3,300 at -10% meets 3,000 at +10%
    ("3,000", "4,000", "contradiction"),
    ("3,000", "about 3,500", None),
    ("about 3,000", "about 12,000", "contradiction"),
    ("3,000", "up to 10,000", "discrepancy"),
    ("8,000", "up to 10,000", None),  # within the factor
    ("3,000", "up to 2,000", "contradiction"),  # above the maximum, beyond tolerance
    ("up to 10,000", "up to 3,000", "discrepancy"),
    ("up to 10,000", "up to 8,000", None),
    ("3,000", "at least 5,000", "contradiction"),
    ("6,000", "at least 5,000", None),
    ("at least 1 million", "almost 2 million", None),  # far above a floor supports it
    ("at least 1,000", "at least 50,000", None),
    ("at least 20,000", "up to 10,000", "contradiction"),
    ("at least 5,000", "up to 10,000", None),  # the rule skips at_least
    ("10,000-12,000", "11,000", None),
    ("10,000-12,000", "3,000", "contradiction"),
    ("2,000-3,000", "up to 10,000", "discrepancy"),  # range: its upper bound counts
    ("10,000-12,000", "up to 12,000", None),
    ("thousands", "3,000", None),
    ("thousands", "50,000", "contradiction"),
    ("thousands", "up to 10,000", None),  # vague: the rule does not apply
    ("tens of thousands", "5,000", "contradiction"),
    ("dozens", "hundreds", "contradiction"),
]


@pytest.mark.parametrize(("first", "second", "kind"), PAIRS)
def test_qualifier_pairs(first, second, kind):
    found = kinds(claim(first, "A"), claim(second, "B"))
    assert [k for k, _ in found] == ([kind] if kind else [])


def test_reason_reads_without_the_rules():
    us = claim("3,000", "US", "2024-10-23", claim_id=1)
    nis = claim("about 12,000", "NIS", "2024-10-18", claim_id=2)
    (conflict,) = find_conflicts([us, nis])
    assert conflict.reason == (
        "Contradiction: US said 3,000 troops (2024-10-23); NIS said about 12,000 troops "
        "(2024-10-18): 4.0x apart, no overlap even at ±10%"
    )
    assert conflict.ratio == 4.0 and conflict.pair == (1, 2)


def test_discrepancy_ratio_and_reason():
    us = claim("3,000", "US", claim_id=1)
    zelensky = claim("up to 10,000", "Zelensky", unit="soldiers", claim_id=2)
    (conflict,) = find_conflicts([zelensky, us])
    assert (conflict.kind, conflict.ratio, conflict.pair) == ("discrepancy", 3.3333, (1, 2))
    assert conflict.reason.startswith("Discrepancy: Zelensky said up to 10,000 soldiers")


@pytest.mark.parametrize(
    ("tolerance", "expected"), [(0.10, []), (0.05, ["contradiction"]), (0.0, ["contradiction"])]
)
def test_tolerance_edge(tolerance, expected):
    # 3,000 +t and 3,400 -t: they meet at 10% (3,300 vs 3,060) but not at 5% (3,150 vs 3,230).
    found = kinds(claim("3,000", "A"), claim("3,400", "B"), tolerance=tolerance)
    assert [k for k, _ in found] == expected


@pytest.mark.parametrize(
    ("factor", "expected"), [(1.5, ["discrepancy"]), (2.0, []), (1.9, ["discrepancy"])]
)
def test_factor_edge(factor, expected):
    # up to 10,000 against 5,000: exactly 2.0x, flagged only when the factor is below 2.
    found = kinds(claim("up to 10,000", "A"), claim("5,000", "B"), factor=factor)
    assert [k for k, _ in found] == expected


@pytest.mark.parametrize(
    ("first_day", "second_day", "window", "expected"),
    [
        ("2024-10-01", "2024-10-31", 30, 1),
        ("2024-10-01", "2024-11-01", 30, 0),
        ("2024-01-01", "2024-12-31", 0, 1),  # 0: any distance
        ("2024-10-01", "2024-10-08", 7, 1),
        ("2024-10-01", "2024-10-09", 7, 0),
    ],
)
def test_window(first_day, second_day, window, expected):
    found = kinds(
        claim("3,000", "A", first_day), claim("12,000", "B", second_day), window_days=window
    )
    assert len(found) == expected


def test_month_precision_counts_as_its_whole_span():
    # "October 2024" ends on the 31st: a claim of 25 November is 25 days away.
    found = kinds(
        claim("3,000", "A", "2024-10", precision="month"), claim("12,000", "B", "2024-11-25")
    )
    assert len(found) == 1


def test_as_of_is_the_compared_date():
    early = claim("3,000", "A", "2024-12-20", as_of="2024-06-01")
    late = claim("12,000", "B", "2024-12-20")
    assert kinds(early, late) == []


def test_same_source_is_a_revision_not_a_conflict():
    first = claim("8,000", "US", "2024-10-23", claim_id=101)
    second = claim("10,000", "U.S.", "2024-10-30", claim_id=102)
    assert find_conflicts([first, second]) == []
    assert revisions([first, second]) == {102: first}


def test_units_must_match_unless_one_has_none():
    assert kinds(claim("3,000", "A", unit="troops"), claim("12,000", "B", unit="soldiers"))
    assert not kinds(claim("3,000", "A", unit="troops"), claim("12,000", "B", unit="drones"))
    assert kinds(claim("3,000", "A", unit="troops"), claim("12,000", "B", unit=None))


def test_topics_are_never_mixed():
    assert not kinds(claim("3,000", "A", topic="T1"), claim("12,000", "B", topic="T2"))


def test_denial_needs_no_figure_and_takes_no_part_in_figure_checks():
    denial = claim("10,000", "Russia", stance="denies")
    assert kinds(denial, claim(None, "US"), claim(None, "UK"))[0][0] == "denial"
    found = find_conflicts([denial, claim("3,000", "US")])
    assert [c.kind for c in found] == ["denial"]  # not a contradiction as well
    assert not kinds(denial, claim(None, "Russia"))  # same source
    assert not kinds(denial, claim(None, "US", "2024-12-31"))  # outside the window


def test_two_denials_do_not_conflict():
    assert not kinds(claim(None, "A", stance="denies"), claim(None, "B", stance="denies"))


def test_cumulative_topic():
    april = claim("about 600", "A", "2024-04-10", unit="dead")
    september = claim("350", "B", "2024-09-10", unit="dead")
    later_higher = claim("900", "C", "2024-11-10", unit="dead")
    cumulative = {"T"}
    found = find_conflicts([april, september, later_higher], Settings(), cumulative)
    assert [(c.kind, c.pair) for c in found] == [("contradiction", (april.id, september.id))]
    assert "cannot fall" in found[0].reason
    assert find_conflicts([april, september, later_higher], Settings(), set()) == []


def test_cumulative_within_window_is_an_ordinary_comparison():
    first = claim("300", "A", "2024-04-10", unit="dead")
    second = claim("900", "B", "2024-04-20", unit="dead")
    assert [c.kind for c in find_conflicts([first, second], Settings(), {"T"})] == ["contradiction"]


def test_cumulative_denials_still_use_the_window():
    denial = claim(None, "A", "2024-01-01", stance="denies")
    assert not find_conflicts([denial, claim("300", "B", "2024-09-01")], Settings(), {"T"})


def test_sorted_by_topic_severity_ids():
    claims = [
        claim(None, "R", topic="B", stance="denies", claim_id=1),
        claim("3,000", "US", topic="B", claim_id=2),
        claim("12,000", "NIS", topic="B", claim_id=3),
        claim("3,000", "US", topic="A", claim_id=4),
        claim("12,000", "NIS", topic="A", claim_id=5),
    ]
    found = find_conflicts(claims)
    assert [(c.topic, c.kind, c.pair) for c in found] == [
        ("A", "contradiction", (4, 5)),
        ("B", "contradiction", (2, 3)),
        ("B", "denial", (1, 2)),
        ("B", "denial", (1, 3)),
    ]


@pytest.mark.parametrize(
    "settings", [{"window_days": -1}, {"tolerance": -0.1}, {"tolerance": 1.0}, {"factor": 0.5}]
)
def test_bad_settings(settings):
    with pytest.raises(ParseError):
        Settings(**settings)


def test_review_status_reopens_after_an_edit():
    a, b = claim("3,000", "A", claim_id=1), claim("12,000", "B", claim_id=2)
    (conflict,) = find_conflicts([a, b])
    review = Review(1, 2, "contradiction", "dismissed", "n", "me", "t", a.updated_at, b.updated_at)
    assert review_status(conflict, {(1, 2): review}) == ("dismissed", review)
    stale = Review(1, 2, "contradiction", "dismissed", "n", "me", "t", "older", b.updated_at)
    assert review_status(conflict, {(1, 2): stale}) == ("open", None)


def test_spread_uses_each_sources_latest_figure():
    claims = [
        claim("8,000", "US", "2024-10-01"),
        claim("10,000", "US", "2024-10-20"),
        claim("3,000", "NIS", "2024-10-05"),
        claim("50,000", "R", stance="denies"),
    ]
    spread = topic_spread(claims)
    assert (spread.low.figure.stated, spread.high.figure.stated) == (3000, 10000)
