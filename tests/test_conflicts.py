"""The conflict rules, table-driven on the pure module."""

from dataclasses import replace

import pytest

from claimtrack.claims import Claim, claim_basis
from claimtrack.conflicts import (
    Review,
    Settings,
    find_conflicts,
    quantity_kind,
    review_status,
    revisions,
    topic_spread,
)
from claimtrack.dates import ClaimDate
from claimtrack.errors import ParseError
from claimtrack.figures import parse_figure_option

_ids = iter(range(1, 10**6))


def claim(figure, source="A", day="2024-10-20", *, unit="troops", topic="T", stance="asserts",
          as_of=None, precision="day", claim_id=None, quantity="troops:deployed"):  # fmt: skip
    fig = parse_figure_option(figure) if figure else None
    return Claim(
        id=claim_id or next(_ids),
        text=f"{source} says {figure}"
        if fig or stance != "denies"
        else f"{source} denies the reports",
        source=source,
        topic=topic,
        date=ClaimDate(day, precision),
        as_of=ClaimDate(as_of, "day") if as_of else None,
        figure=fig,
        unit=unit if fig else None,
        stance=stance,
        updated_at="2024-10-20T00:00:00Z",
        quantity=quantity if fig or stance == "denies" and quantity != "troops:deployed" else "",
    )


def kinds(*claims, table=None, **settings):
    return [(c.kind, c.ratio) for c in find_conflicts(claims, Settings(**settings), table)]


# Each qualifier against each other: figure A, figure B, expected kind (None: consistent).
PAIRS = [
    ("3,000", "12,000", "contradiction"),
    ("3,000", "3,200", None),
    ("3,000", "3,300", None),  # a gap of 300: exactly 10% of the smaller, not more
    ("3,000", "3,600", "contradiction"),  # widening both by 10% would have let them meet
    ("3,000", "4,000", "contradiction"),
    ("3,000", "about 3,500", "contradiction"),  # 3,325 at the "about" margin: 11% apart
    ("about 600", "700-750", "contradiction"),  # two officials' counts a day apart
    ("about 600", "690", None),  # 630 at the margin: a gap of 9.5%
    ("600", "690", "contradiction"),  # no margin for an exact figure: 15%
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
    ("several hundred thousand", "1 million", None),  # a word's top is soft
    ("several hundred thousand", "2 million", "contradiction"),
    ("0", "12", "contradiction"),  # none against some
    ("0", "0", None),
    ("0", "up to 10", None),  # "up to" holds none
    ("0", "at least 1", "contradiction"),
    # two exact counts apart beyond their last digits, however close
    ("194", "187", "discrepancy"),
    ("1,175", "1,100", "discrepancy"),  # 1,100 stands for 1,050-1,150
    ("46.1%", "48%", "discrepancy"),
    ("3,100", "3,000", None),  # a round 3,000 stands for 2,500-3,500
    ("about 194", "187", None),  # an approximation has its margin
    ("up to 194", "187", None),
    ("190-194", "187", None),
    ("194", "194", None),
]


@pytest.mark.parametrize(("first", "second", "kind"), PAIRS)
def test_qualifier_pairs(first, second, kind):
    found = kinds(claim(first, "A"), claim(second, "B"))
    assert [k for k, _ in found] == ([kind] if kind else [])


def test_reason_reads_without_the_rules():
    us = claim("3,000", "US", "2024-10-23", claim_id=1)
    nis = claim("about 12,000", "NIS", "2024-10-22", claim_id=2)
    (conflict,) = find_conflicts([us, nis])
    assert conflict.reason == (
        "Contradiction: US said 3,000 troops (2024-10-23); NIS said about 12,000 troops "
        "(2024-10-22): 4.0x apart, a gap of 280% of the smaller figure (more than 10%)"
    )
    assert conflict.ratio == 4.0 and conflict.ids == (1, 2) and conflict.key == "1-2"
    assert (conflict.quantity, conflict.quantity_kind) == ("troops:deployed", "level")
    # a figure millions of times another reads in whole numbers, grouped
    (huge,) = find_conflicts([us, claim("3 billion", "NIS", "2024-10-22", claim_id=3)])
    assert "1,000,000x apart, a gap of 99,999,900% of the smaller figure" in huge.reason


def test_two_close_exact_counts_read_as_a_discrepancy():
    wire = claim("194", "Wire", "2024-10-23", claim_id=1, unit="deaths")
    state = claim("187", "State", "2024-10-23", claim_id=2, unit="deaths")
    (conflict,) = find_conflicts([wire, state])
    assert conflict.reason == (
        "Discrepancy: State said 187 deaths (2024-10-23); Wire said 194 deaths (2024-10-23): "
        "two exact counts 1.04x apart, beyond their last digits"
    )
    assert (conflict.kind, conflict.ratio) == ("discrepancy", 1.0374)
    # a source giving another count is no conflict, as ever
    assert find_conflicts([wire, replace(state, source="Wire")]) == []
    # the last written digit, not the float's: 46.1 and 46.2 meet at 46.15, "2.01
    # million" stands for 2,005,000-2,015,000
    assert kinds(claim("46.1%", "A"), claim("46.2%", "B")) == []
    assert kinds(claim("2.01 million", "A"), claim("2,012,000", "B")) == []


def test_a_count_of_none_against_some_has_no_ratio():
    army = claim("0", "Army", "2024-10-23", claim_id=1, unit="civilians")
    monitors = claim("14", "Monitors", "2024-10-23", claim_id=2, unit="civilians")
    (conflict,) = find_conflicts([army, monitors])
    assert conflict.reason == (
        "Contradiction: Army said 0 civilians (2024-10-23); Monitors said 14 civilians "
        "(2024-10-23): one counts none, the other some"
    )
    assert (conflict.kind, conflict.ratio) == ("contradiction", None)


def test_discrepancy_ratio_and_reason():
    us = claim("3,000", "US", claim_id=1)
    zelensky = claim("up to 10,000", "Zelensky", unit="soldiers", claim_id=2)
    (conflict,) = find_conflicts([zelensky, us])
    assert (conflict.kind, conflict.ratio, conflict.pair) == ("discrepancy", 3.3333, (1, 2))
    assert conflict.reason.startswith("Discrepancy: Zelensky said up to 10,000 soldiers")


@pytest.mark.parametrize(
    ("tolerance", "expected"),
    [(0.20, []), (0.10, []), (0.09, ["contradiction"]), (0.0, ["contradiction"])],
)
def test_tolerance_is_a_gap_of_the_smaller(tolerance, expected):
    # 3,000 and 3,300: a gap of 300, 10% of 3,000.
    found = kinds(claim("3,000", "A"), claim("3,300", "B"), tolerance=tolerance)
    assert [k for k, _ in found] == expected


def test_the_approximate_margin_is_a_setting():
    about, exact = claim("about 600", "A"), claim("690", "B")
    assert kinds(about, exact) == []
    assert [k for k, _ in kinds(about, exact, approx_margin=0.0)] == ["contradiction"]


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
        ("2024-10-01", "2024-10-01", 1, 1),
        ("2024-10-01", "2024-10-02", 1, 1),
        ("2024-10-01", "2024-10-03", 1, 0),
        ("2024-10-01", "2024-10-03", 2, 1),  # the default: two days apart is the same moment
        ("2024-10-01", "2024-10-04", 2, 0),
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


def test_a_year_is_no_moment_for_a_count_that_moves():
    # a toll dated only "2024" against one on 20 October: growth or a conflict, unknowable
    year = claim("3,000", "A", "2024", precision="year")
    assert kinds(year, claim("12,000", "B", "2024-10-20")) == []
    month = claim("3,000", "A", "2024-10", precision="month")
    assert len(kinds(month, claim("12,000", "B", "2024-10-20"))) == 1


def test_month_precision_counts_as_its_whole_span():
    # "October 2024" ends on the 31st: the 20th lies inside it, 1 November a day after.
    month = claim("3,000", "A", "2024-10", precision="month")
    assert len(kinds(month, claim("12,000", "B", "2024-10-20"))) == 1
    assert len(kinds(month, claim("12,000", "B", "2024-11-01"))) == 1
    assert len(kinds(month, claim("12,000", "B", "2024-11-03"))) == 0


def test_as_of_is_the_compared_date():
    early = claim("3,000", "A", "2024-12-20", as_of="2024-06-01")
    late = claim("12,000", "B", "2024-12-20")
    assert kinds(early, late) == []


def test_same_source_is_a_revision_not_a_conflict():
    first = claim("8,000", "US", "2024-10-23", claim_id=101)
    second = claim("10,000", "U.S.", "2024-10-30", claim_id=102)
    assert find_conflicts([first, second]) == []
    assert revisions([first, second]) == {102: first}
    # two figures of one day: which came first is not known, so neither revises
    same_day = claim("9,000", "US", "2024-10-23", claim_id=103)
    assert revisions([first, same_day]) == {}
    # an event's counts for two event dates are two events, while a level moves
    friday = claim("80,000", "police", "2025-10-04", as_of="2025-10-03", claim_id=104,
                   quantity="people:attending")  # fmt: skip
    saturday = claim("250,000", "police", "2025-10-04", as_of="2025-10-04", claim_id=105,
                     quantity="people:attending")  # fmt: skip
    assert revisions([friday, saturday]) == {}
    moved = [replace(c, quantity="people:missing") for c in (friday, saturday)]
    assert revisions(moved) == {105: moved[0]}


def test_a_body_named_in_full_by_its_acronym_or_by_its_officials_is_one_voice():
    full = claim("670,000", "Velm Relief Agency", "2024-10-23", claim_id=111)
    for other in ("VRA", "V.R.A. officials"):
        later = claim("900,000", other, "2024-10-24", claim_id=112)
        assert find_conflicts([full, later]) == [], other
        assert revisions([full, later]) == {112: full}
    # officials of nobody the claims name are their own voice
    assert find_conflicts([full, claim("900,000", "senior officials", "2024-10-24")])
    # small words inside the name give no letter; a name not in capitals is no acronym
    cpj = claim("40", "Committee to Protect Journalists", claim_id=113)
    assert revisions([cpj, claim("55", "CPJ", "2024-10-24", claim_id=114)]) == {114: cpj}
    obi = claim("40", "Ana Obi", claim_id=115)
    assert find_conflicts([obi, claim("55", "Ao", claim_id=116)])


def test_a_body_named_by_its_kind_is_the_one_of_that_kind_named_with_its_place():
    named = claim("3,000", "Velm government", claim_id=1)
    for bare in ("government", "the state government"):
        assert kinds(named, claim("12,000", bare, claim_id=2)) == []  # one voice: a revision
    later = claim("12,000", "government", "2024-10-22", claim_id=6)
    assert revisions([named, later]) == {6: named}
    # another kind of body is another voice
    assert kinds(named, claim("12,000", "police")) == [("contradiction", 4.0)]
    # a word that names no kind of body is no kind: "officials" stays its own voice
    un = claim("3,000", "UN officials", claim_id=7)
    assert kinds(un, claim("12,000", "officials", claim_id=8)) == [("contradiction", 4.0)]
    # with two governments named, "the government" could be either: its own voice
    lora = claim("3,100", "Lora government", claim_id=4)
    found = find_conflicts([named, lora, claim("12,000", "government", claim_id=5)])
    assert sorted(c.ids for c in found) == [(1, 5), (4, 5)]


def test_only_one_quantity_is_compared():
    assert kinds(claim("3,000", "A", unit="troops"), claim("12,000", "B", unit="soldiers"))
    assert not kinds(claim("3,000", "A"), claim("12,000", "B", quantity="drones"))
    # A narrower place, or a subgroup, is a part: never compared with its whole.
    assert not kinds(claim("3,000", "A"), claim("12,000", "B", quantity="troops:deployed@kursk"))
    assert not kinds(
        claim("600", "A", quantity="people:dead"),
        claim("200", "B", quantity="people:dead(children)"),
    )
    # A figure whose quantity is unknown meets only others like it: no wildcard.
    assert not kinds(claim("3,000", "A"), claim("12,000", "B", quantity=""))
    assert kinds(claim("3,000", "A", quantity=""), claim("12,000", "B", quantity=""))


def test_topics_are_never_mixed():
    assert not kinds(claim("3,000", "A", topic="T1"), claim("12,000", "B", topic="T2"))


def test_a_denial_is_one_conflict_with_every_claim_it_answers():
    denial = claim(None, "Russia", stance="denies", claim_id=50)
    us, uk = claim("3,000", "US", claim_id=51), claim(None, "UK", "2024-11-10", claim_id=52)
    (conflict,) = find_conflicts([us, denial, uk])
    assert (conflict.kind, conflict.ids, conflict.key) == ("denial", (50, 51, 52), "denial-50")
    assert conflict.reason.startswith(
        "Denial: Russia denies (2024-10-20): “Russia denies the reports”"
    )
    assert (
        "against 2 claims of 2 other sources: US asserts (2024-10-20); UK asserts"
        in conflict.reason
    )
    assert conflict.others(51) == [50] and conflict.others(50) == [51, 52]
    assert not kinds(denial, claim(None, "Russia"))  # same source
    assert not kinds(denial, claim(None, "US", "2024-12-31"))  # beyond the 30 days of a denial


def test_a_denial_answers_what_it_points_at():
    said = claim("about 40,000", "City Hall", claim_id=1)
    other = claim("more than 100,000", "Organisers", claim_id=2)
    bare = claim(None, "Organisers", claim_id=3)
    named = claim("6", "Daniel Mwangi", claim_id=4)
    # a figure: the claims of that figure, and those with none
    falsely = claim("40,000", "Lena Ortiz", stance="denies", claim_id=9)
    denials = [c for c in find_conflicts([said, other, bare, falsely]) if c.kind == "denial"]
    assert [c.ids for c in denials] == [(9, 1, 3)]
    # a bound: the counts at it and beyond, not those below (rejecting a claim that "as
    # many as 100,000 marched" answers no 40,000)
    bound = claim("as many as 100,000", "Lena Ortiz", stance="denies", claim_id=10)
    denials = [c for c in find_conflicts([said, other, bare, bound]) if c.kind == "denial"]
    assert [c.ids for c in denials] == [(10, 2, 3)]
    # ... one below a bound keeps its counts below it
    few = claim("fewer than 50,000", "Lena Ortiz", stance="denies", claim_id=11)
    denials = [c for c in find_conflicts([said, other, bare, few]) if c.kind == "denial"]
    assert [c.ids for c in denials] == [(11, 1, 3)]
    # no figure, a source named: that source's claims (by a person's surname too)
    disputed = claim(None, "Law Society", stance="denies", claim_id=8)
    disputed = replace(disputed, text="The Law Society disputed Mwangi's account")
    denials = [c for c in find_conflicts([said, named, disputed]) if c.kind == "denial"]
    assert [c.ids for c in denials] == [(8, 4)]
    # a body is not named by a word its name shares with the text
    forces = claim("9,000", "Coastal Forces Norland", claim_id=5)
    vague = replace(
        claim(None, "Russia", stance="denies", claim_id=7),
        text="Russia denies the reports from Norland",
    )
    denials = [c for c in find_conflicts([said, forces, vague]) if c.kind == "denial"]
    assert [c.ids for c in denials] == [(7, 1, 5)]


def test_a_denial_without_a_figure_answers_the_counts_its_words_name():
    theirs = claim("7,000", "Veldish army", quantity="troops:dead(norlandian)", claim_id=61)
    ours = claim("2,800", "Norland", quantity="troops:dead(veldish)", claim_id=62)
    tanks = claim("210", "Veldish army", unit="tanks", quantity="tanks", claim_id=63)
    bare = claim(None, "Veldish army", claim_id=64)
    denial = replace(
        claim(None, "Norland", stance="denies", claim_id=60),
        text="Norland denied reports of heavy Norlandian casualties",
    )
    (found,) = [
        c for c in find_conflicts([theirs, ours, tanks, bare, denial]) if c.kind == "denial"
    ]
    assert found.ids == (60, 61, 64)
    # a country's denial does not answer its own ministry, which speaks for it
    ministry = claim("310", "Norlandian Defence Ministry", quantity="troops:dead(norlandian)")
    (found,) = [c for c in find_conflicts([theirs, ministry, denial]) if c.kind == "denial"]
    assert found.ids == (60, 61)
    # one that names no count still answers the whole story
    vague = replace(denial, text="Norland dismissed the reports")
    (found,) = [c for c in find_conflicts([theirs, tanks, bare, vague]) if c.kind == "denial"]
    assert found.ids == (60, 61, 63, 64)
    # one that denies the doing of what was counted answers them
    sending = replace(denial, text="Norland denies sending anyone")
    (found,) = [c for c in find_conflicts([theirs, tanks, sending]) if c.kind == "denial"]
    assert found.ids == (60, 61, 63)
    # one of what someone did, or of anything but figures, answers no figure
    for text in (
        "The minister has denied any wrongdoing",
        "Norland rejected the convoy as a stunt",
        "Norland has denied intending to annex Velm",  # an intent
    ):
        conduct = replace(denial, text=text)
        assert [c for c in find_conflicts([theirs, tanks, conduct]) if c.kind == "denial"] == []
    # an intent to change a count still speaks of that count
    seeking = replace(denial, text="Norland denied seeking to inflate the toll")
    (found,) = [c for c in find_conflicts([theirs, tanks, seeking]) if c.kind == "denial"]
    assert found.ids == (60, 61)


def test_a_denial_takes_no_part_in_figure_checks_and_keeps_to_its_quantity():
    denial = claim("10,000", "Russia", stance="denies", quantity="troops:deployed")
    found = find_conflicts([denial, claim("10,000", "US")])
    assert [c.kind for c in found] == ["denial"]  # not a contradiction as well
    assert not find_conflicts([denial, claim("3,000", "US")])  # not the figure it denies
    assert not find_conflicts([denial, claim("300", "US", quantity="people:dead")])
    assert find_conflicts([denial, claim(None, "US")])  # a claim without a figure is answered


def test_two_denials_do_not_conflict():
    assert not kinds(claim(None, "A", stance="denies"), claim(None, "B", stance="denies"))


def dead(figure, source, day, **options):
    return claim(figure, source, day, unit="dead", quantity="people:dead", **options)


def test_a_death_toll_is_cumulative_by_default():
    april = dead("about 600", "A", "2024-04-10")
    september = dead("350", "B", "2024-09-10")
    later_higher = dead("900", "C", "2024-11-10")
    found = find_conflicts([april, september, later_higher])
    assert [(c.kind, c.ids) for c in found] == [("contradiction", (april.id, september.id))]
    assert "a running total cannot fall" in found[0].reason
    assert found[0].quantity_kind == "cumulative"
    level = {"T": {"*": "level"}}
    assert find_conflicts([april, september, later_higher], Settings(), level) == []


def test_a_running_total_cannot_fall_to_none():
    april = dead("40", "A", "2024-04-10")
    september = dead("0", "B", "2024-09-10")
    (conflict,) = find_conflicts([april, september])
    assert conflict.reason.endswith("a running total cannot fall to none")
    assert conflict.ratio is None


def test_a_running_total_meets_only_each_sources_latest_figure():
    # A revised its own 700 down to 500: B's later 520 is below the withdrawn figure only.
    claims = [dead("700", "A", "2024-04-01"), dead("500", "A", "2024-04-05")]
    assert find_conflicts([*claims, dead("520", "B", "2024-04-10")]) == []
    # Of the earlier figures it falls below, the flag names the highest.
    a, c, b = (
        dead("600", "A", "2024-04-01"),
        dead("650", "C", "2024-04-02"),
        dead("400", "B", "2024-04-10"),
    )
    assert [x.ids for x in find_conflicts([a, c, b])] == [tuple(sorted((c.id, b.id)))]


def test_a_running_total_at_the_same_moment_is_compared_both_ways():
    first = dead("300", "A", "2024-04-10")
    second = dead("900", "B", "2024-04-10")
    assert [c.kind for c in find_conflicts([first, second])] == ["contradiction"]
    assert find_conflicts([first, dead("900", "B", "2024-04-20")]) == []  # growth


def test_cumulative_denials_still_use_the_denial_window():
    denial = dead(None, "A", "2024-01-01", stance="denies")
    assert not find_conflicts([denial, dead("300", "B", "2024-09-01")])


def missing(figure, source, day):
    return claim(figure, source, day, unit="people", quantity="people:missing")


def test_a_level_count_falling_over_ten_days_is_no_conflict():
    days = [("900", "Mayor", "2024-09-12"), ("800", "Red Crescent", "2024-09-15"),
            ("600", "Health minister", "2024-09-18"), ("300", "UN", "2024-09-22")]  # fmt: skip
    assert find_conflicts([missing(*day) for day in days]) == []
    # Two officials' counts a day apart are about the same moment.
    found = find_conflicts([missing("about 600", "Mayor", "2024-09-17"),
                            missing("700-750", "Minister", "2024-09-18")])  # fmt: skip
    assert [(c.kind, c.quantity_kind) for c in found] == [("contradiction", "level")]


def crowd(figure, source, day, as_of=None):
    return claim(figure, source, day, unit="people", quantity="people:attending", as_of=as_of)


def test_an_event_is_compared_for_its_date_whenever_the_claims_were_made():
    police = crowd("30,000", "Police", "2024-04-06", as_of="2024-04-06")
    organisers = crowd("100,000", "Organisers", "2024-04-20", as_of="2024-04-06")
    assert [c.quantity_kind for c in find_conflicts([police, organisers])] == ["event"]
    assert (
        find_conflicts([police, crowd("100,000", "Organisers", "2024-04-07", "2024-04-07")]) == []
    )
    # Without the event's date, the claim's own date stands for it.
    assert find_conflicts([police, crowd("100,000", "Organisers", "2024-04-07")])


def test_claims_that_do_not_date_the_event_meet_within_the_denial_window():
    police = crowd("30,000", "Police", "2024-04-06")
    assert find_conflicts([police, crowd("100,000", "Organisers", "2024-04-20")])
    assert not find_conflicts([police, crowd("100,000", "Organisers", "2024-06-20")])


def cost(figure, source, day, quantity="usd:cost", precision="day"):
    return claim(figure, source, day, unit="USD", quantity=quantity, precision=precision)


def test_a_projects_cost_is_one_number_however_late_it_is_estimated():
    organisers = cost("$1.4bn", "Organisers", "2024-06", precision="month")
    audit = cost("$1.7bn", "Audit office", "2024-12-20")
    assert [c.kind for c in find_conflicts([organisers, audit])] == ["contradiction"]
    # a crowd is still counted within the denial window of its day
    assert not find_conflicts(
        [crowd("30,000", "Police", "2024-06-01"), crowd("90,000", "Organisers", "2024-12-20")]
    )


def test_parts_that_do_not_say_which_part_never_meet():
    shares = [
        cost("$640m", "Organisers", "2024-12-20", "usd:cost(part)"),
        cost("$180m", "Audit office", "2024-12-20", "usd:cost(part)"),
    ]
    assert not find_conflicts(shares)
    named = [
        cost("$190m", "Organisers", "2024-12-20", "usd:cost(national-government)"),
        cost("$360m", "Audit office", "2024-12-20", "usd:cost(national-government)"),
    ]
    assert [c.kind for c in find_conflicts(named)] == ["contradiction"]
    # nor do counts whose state the story leaves unclear
    unclear = [
        cost("$640m", "Organisers", "2024-12-20", "people(unclear)"),
        cost("$180m", "Audit office", "2024-12-20", "people(unclear)"),
    ]
    assert not find_conflicts(unclear)


def test_kinds_set_by_hand_win_over_the_states_default():
    assert quantity_kind("people:missing") == "level"
    assert quantity_kind("people:dead") == "cumulative"
    assert quantity_kind("people:attending") == "event"
    assert quantity_kind("people:missing", {"*": "cumulative"}) == "cumulative"
    assert quantity_kind("people:missing", {"*": "event", "people:missing": "level"}) == "level"


def test_sorted_by_topic_severity_ids():
    claims = [
        claim(None, "R", topic="B", stance="denies", claim_id=1),
        claim("3,000", "US", topic="B", claim_id=2),
        claim("12,000", "NIS", topic="B", claim_id=3),
        claim("3,000", "US", topic="A", claim_id=4),
        claim("12,000", "NIS", topic="A", claim_id=5),
    ]
    found = find_conflicts(claims)
    assert [(c.topic, c.kind, c.ids) for c in found] == [
        ("A", "contradiction", (4, 5)),
        ("B", "contradiction", (2, 3)),
        ("B", "denial", (1, 2, 3)),
    ]


@pytest.mark.parametrize(
    "settings", [{"window_days": -1}, {"tolerance": -0.1}, {"tolerance": 1.0}, {"factor": 0.5}]
)
def test_bad_settings(settings):
    with pytest.raises(ParseError):
        Settings(**settings)


def test_a_decision_holds_until_what_it_rests_on_changes():
    a, b = claim("3,000", "A", claim_id=1), claim("12,000", "B", claim_id=2)
    (conflict,) = find_conflicts([a, b])
    basis = (claim_basis(a), claim_basis(b))
    review = Review("1-2", "contradiction", (1, 2), basis, "dismissed", "n", "me", "t")
    assert review_status(conflict, {"1-2": review}) == ("dismissed", review)
    # A verdict, a note or new tags leave it standing...
    rated = a.with_changes(verdict="false", note="checked", tags=("x",), updated_at="later")
    (again,) = find_conflicts([rated, b])
    assert review_status(again, {"1-2": review}) == ("dismissed", review)
    # ...a new figure, date, source, stance or quantity does not.
    for change in (
        {"figure": parse_figure_option("2,000")},
        {"date": ClaimDate("2024-10-21", "day")},
        {"source": "C"},
        {"stance": "claims"},
    ):
        (changed,) = find_conflicts([a.with_changes(**change), b])
        assert review_status(changed, {"1-2": review}) == ("open", None), change
    (moved,) = find_conflicts([c.with_changes(quantity="troops:deployed@kursk") for c in (a, b)])
    assert review_status(moved, {"1-2": review}) == ("open", None)
    unknown = Review("1-2", "contradiction", (1, 2), None, "dismissed", None, None, "t")
    assert review_status(conflict, {"1-2": unknown}) == ("open", None)


def test_spread_uses_each_sources_latest_figure():
    claims = [
        claim("8,000", "US", "2024-10-01"),
        claim("10,000", "US", "2024-10-20"),
        claim("3,000", "NIS", "2024-10-05"),
        claim("50,000", "R", stance="denies"),
    ]
    spread = topic_spread(claims)
    assert (spread.low.figure.stated, spread.high.figure.stated) == (3000, 10000)
