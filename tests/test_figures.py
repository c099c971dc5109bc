import math

import pytest

from claimtrack.errors import ParseError
from claimtrack.figures import (
    Figure,
    find_figures,
    format_figure,
    normalise_unit,
    parse_figure,
    parse_figure_option,
)

INF = math.inf

# text, low, high (inf: open), qualifier, unit as written
CASES = [
    ("3,000 troops", 3000, 3000, "exact", "troops"),
    ("3 000 troops", 3000, 3000, "exact", "troops"),
    ("12k soldiers", 12000, 12000, "exact", "soldiers"),
    ("1.5 million people displaced", 1_500_000, 1_500_000, "exact", "people"),
    ("a budget of 1.2bn dollars", 1.2e9, 1.2e9, "exact", "dollars"),
    ("ten thousand troops", 10000, 10000, "exact", "troops"),
    ("twenty-five thousand soldiers", 25000, 25000, "exact", "soldiers"),
    ("two dozen drones", 24, 24, "exact", "drones"),
    ("half a million refugees", 500_000, 500_000, "exact", "refugees"),
    ("up to 10,000 soldiers", 0, 10000, "at_most", "soldiers"),
    ("as many as 500 troops", 0, 500, "at_most", "troops"),
    ("no more than 200 advisers", 0, 200, "at_most", "advisers"),
    ("fewer than 50 civilians", 0, 50, "at_most", "civilians"),
    ("at least 1 million", 1_000_000, INF, "at_least", None),
    ("more than 300 dead", 300, INF, "at_least", "dead"),
    ("over 2,000 troops", 2000, INF, "at_least", "troops"),
    ("upwards of 5,000 fighters", 5000, INF, "at_least", "fighters"),
    ("in excess of 900 casualties", 900, INF, "at_least", "casualties"),
    ("the toll exceeded 4,000 deaths", 4000, INF, "at_least", "deaths"),
    ("1 million-plus people", 1_000_000, INF, "at_least", "people"),
    ("500 or more soldiers", 500, INF, "at_least", "soldiers"),
    ("about 3,000 troops", 3000, 3000, "approx", "troops"),
    ("around 12,000", 12000, 12000, "approx", None),
    ("some 400 troops", 400, 400, "approx", "troops"),
    ("nearly 600 dead", 600, 600, "approx", "dead"),
    ("almost 2 million", 2_000_000, 2_000_000, "approx", None),
    ("roughly 50 tanks", 50, 50, "approx", "tanks"),
    ("approximately 8,000", 8000, 8000, "approx", None),
    ("close to 10,000 personnel", 10000, 10000, "approx", "personnel"),
    ("an estimated 12,000 troops", 12000, 12000, "approx", "troops"),
    ("~12000 troops", 12000, 12000, "approx", "troops"),
    ("10,000-12,000 troops", 10000, 12000, "range", "troops"),
    ("10,000 to 12,000 troops", 10000, 12000, "range", "troops"),
    ("between 10,000 and 12,000 troops", 10000, 12000, "range", "troops"),
    ("between 10 and 12 thousand troops", 10000, 12000, "range", "troops"),
    ("around 11 to 12,000 soldiers", 11000, 12000, "range", "soldiers"),
    ("as many as 30,000-40,000 troops", 30000, 40000, "range", "troops"),
    ("1.5 to 2 million people", 1_500_000, 2_000_000, "range", "people"),
    ("500 to 2,000 troops", 500, 2000, "range", "troops"),
    ("20% of the troops", 20, 20, "exact", "percent"),
    ("turnout of 61.5 per cent", 61.5, 61.5, "exact", "percent"),
    ("dozens of drones", 24, 144, "vague", "drones"),
    ("hundreds of civilians", 200, 999, "vague", "civilians"),
    ("several hundred troops", 300, 900, "vague", "troops"),
    ("thousands of soldiers", 2000, 9999, "vague", "soldiers"),
    ("tens of thousands of soldiers", 20000, 99999, "vague", "soldiers"),
]


@pytest.mark.parametrize(("text", "low", "high", "qualifier", "unit"), CASES)
def test_parse_figure(text, low, high, qualifier, unit):
    figure = parse_figure(text)
    assert figure is not None
    assert (figure.low, figure.upper, figure.qualifier, figure.unit) == (
        low,
        high,
        qualifier,
        unit,
    )


# Sentences in the style of wire copy: the counted number must win over years,
# dates, ages, ordinals and model numbers.
SENTENCES = [
    ("The U.S. confirms 3,000 North Korean troops have been sent to Russia", 3000, "troops"),
    ("Zelensky alleges North Korea is mobilizing up to 10,000 soldiers", 10000, "soldiers"),
    (
        "In 2024, some 3,000 troops arrived in Vladivostok on 23 October, officials said.",
        3000,
        "troops",
    ),
    (
        "On Oct. 23, 2024 the Pentagon said 10,000 North Korean soldiers were in Russia",
        10000,
        "soldiers",
    ),
    ("Kim, 40, sent 12,000 troops, Seoul's spy agency said on Friday", 12000, "troops"),
    (
        "“About 1,500 special forces have already left,” the NIS said in its 3rd briefing",
        1500,
        "forces",
    ),
    ("A 25-year-old soldier said 350 were killed in the strike of May 5", 350, None),
    ("F-16 pilots reported 40 drones shot down overnight", 40, "drones"),
    ("He said a dozen patients a day arrive with temperatures above 40C", 12, "patients"),
    ("The death toll from the quake has risen to 3,145, with 4,589 people injured", 3145, "deaths"),
    ("The number of displaced people stood at 40,000 on Monday", 40000, "displaced"),
]


@pytest.mark.parametrize(("text", "stated", "unit"), SENTENCES)
def test_counted_number_wins(text, stated, unit):
    figure = parse_figure(text)
    assert figure is not None
    assert figure.stated == stated
    assert figure.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "Russia denies plans for North Korean troops to fight",
        "The pact was signed in June 2024",
        "Talks resumed on 23 October 2024 at 10:30",
        "one of the officers said nothing",
        "the 2nd battalion moved at 5 p.m.",
        "a 19-year-old conscript",
        "",
    ],
)
def test_no_figure(text):
    assert parse_figure(text) is None


def test_several_figures_found_in_order():
    figures = find_figures("Seoul said 1,500 troops left; Kyiv said up to 10,000 soldiers")
    assert [f.stated for f in figures] == [1500, 10000]


@pytest.mark.parametrize(
    ("unit", "norm"),
    [
        ("soldiers", "troops"),
        ("Forces", "troops"),
        ("personnel", "troops"),
        ("dead", "deaths"),
        ("fatalities", "deaths"),
        ("killed", "deaths"),
        ("drones", "drones"),
        ("advisers", "advisers"),
        (None, None),
    ],
)
def test_normalise_unit(unit, norm):
    assert normalise_unit(unit) == norm


@pytest.mark.parametrize("text", [t for t, *_ in CASES])
def test_format_parses_back(text):
    figure = parse_figure(text)
    again = parse_figure(format_figure(figure))
    assert again is not None and again.same_value(figure)


@pytest.mark.parametrize("text", ["", "   ", "none", "lots"])
def test_figure_option_refuses_text_without_a_figure(text):
    with pytest.raises(ParseError):
        parse_figure_option(text)


def test_stated_figure():
    assert Figure(0, 10000, "at_most", "up to 10,000").stated == 10000
    assert Figure(1000, None, "at_least", "at least 1,000").stated == 1000
    assert Figure(10, 12, "range", "10-12").stated == 12
