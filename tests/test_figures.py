import math

import pytest

from claimtrack.errors import ParseError
from claimtrack.figures import (
    Figure,
    find_figures,
    format_figure,
    locate_figures,
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
    ("a budget of 1.2bn dollars", 1.2e9, 1.2e9, "exact", "USD"),
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
    # signs for a bound, and thousands marked with stops as copy translated from other
    # languages writes them
    ("> half a million people", 500_000, INF, "at_least", "people"),
    # "up to" after a verb of rising is the verb's: the count rose to the number
    ("the toll has gone up to 52 deaths", 52, 52, "exact", "deaths"),
    ("the toll could go up to 52 deaths", 0, 52, "at_most", "deaths"),
    ("<50 homes", 0, 50, "at_most", "homes"),
    ("≥ 1,000 arrests", 1000, INF, "at_least", "arrests"),
    ("About 1.500.000 people marched", 1_500_000, 1_500_000, "approx", "people"),
    ("Some 40.000 people marched", 40_000, 40_000, "approx", "people"),
    ("1.234 tonnes", 1.234, 1.234, "exact", "tonnes"),
    ("growth of 1.250 percent", 1.25, 1.25, "exact", "percent"),
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


B, M = 1e9, 1e6
# Forms news copy uses: money, fractions of a scale, bounds in every wording,
# two-sided bounds, ranges, scales, grouped and spaced numbers.
NEWS_FORMS = [
    # money: the currency is the unit
    ("damage of $2.5 million", 2.5 * M, 2.5 * M, "exact", "USD"),
    ("a $2.5m grant", 2.5 * M, 2.5 * M, "exact", "USD"),
    ("losses near $12bn", 12 * B, 12 * B, "approx", "USD"),
    ("$1.2 trillion in debt", 1.2e12, 1.2e12, "exact", "USD"),
    ("US$80 million in aid", 80 * M, 80 * M, "exact", "USD"),
    ("a C$40 fee", 40, 40, "exact", "CAD"),
    ("an A$3bn package", 3 * B, 3 * B, "exact", "AUD"),
    ("€2bn for repairs", 2 * B, 2 * B, "exact", "EUR"),
    ("£350m a week", 350 * M, 350 * M, "exact", "GBP"),
    ("¥5 billion in losses", 5 * B, 5 * B, "exact", "JPY"),
    ("Rs 1.2 trillion for relief", 1.2e12, 1.2e12, "exact", "INR"),
    ("losses of Rs. 900 crore", 9 * B, 9 * B, "exact", "INR"),
    ("USD 200 per family", 200, 200, "exact", "USD"),
    ("a fine of 200 USD", 200, 200, "exact", "USD"),
    ("EUR 5 million was pledged", 5 * M, 5 * M, "exact", "EUR"),
    ("5 million euros was pledged", 5 * M, 5 * M, "exact", "EUR"),
    ("20 million pounds was raised", 20 * M, 20 * M, "exact", "GBP"),
    ("they asked for a further$4 million", 4 * M, 4 * M, "exact", "USD"),
    ("between $2-$3.5 billion", 2 * B, 3.5 * B, "range", "USD"),
    ("$2bn to $3bn of damage", 2 * B, 3 * B, "range", "USD"),
    ("between €1bn and €2bn", 1 * B, 2 * B, "range", "EUR"),
    ("it cost $1,900 to repair", 1900, 1900, "exact", "USD"),
    ("a bill of $2,024", 2024, 2024, "exact", "USD"),
    ("1,734.6 billion yen in all", 1734.6 * B, 1734.6 * B, "exact", "JPY"),
    ("50 million Pakistani rupees", 50 * M, 50 * M, "exact", "PKR"),
    # fractions of a scale
    ("one and a half million people", 1.5 * M, 1.5 * M, "exact", "people"),
    ("two and a half thousand homes", 2500, 2500, "exact", "homes"),
    ("a quarter of a million refugees", 250_000, 250_000, "exact", "refugees"),
    ("a quarter million refugees", 250_000, 250_000, "exact", "refugees"),
    ("3.5 million voters", 3.5 * M, 3.5 * M, "exact", "voters"),
    ("1½ million voters", 1.5 * M, 1.5 * M, "exact", "voters"),
    ("half a billion dollars", 0.5 * B, 0.5 * B, "exact", "USD"),
    ("three quarters of a million people", 750_000, 750_000, "exact", "people"),
    # bounds
    ("no fewer than 100 boats", 100, INF, "at_least", "boats"),
    ("not less than 100 boats", 100, INF, "at_least", "boats"),
    ("a minimum of 100 boats", 100, INF, "at_least", "boats"),
    ("100 or more boats", 100, INF, "at_least", "boats"),
    ("100 or greater", 100, INF, "at_least", None),
    ("100 and above", 100, INF, "at_least", None),
    ("100-plus boats", 100, INF, "at_least", "boats"),
    ("north of 100 boats", 100, INF, "at_least", "boats"),
    ("the count topped 100 boats", 100, INF, "at_least", "boats"),
    ("arrivals surpassed 100 boats", 100, INF, "at_least", "boats"),
    ("less than or equal to 100 boats", 0, 100, "at_most", "boats"),
    ("at most 100 boats", 0, 100, "at_most", "boats"),
    ("a maximum of 100 boats", 0, 100, "at_most", "boats"),
    ("not more than 100 boats", 0, 100, "at_most", "boats"),
    ("100 or fewer boats", 0, 100, "at_most", "boats"),
    ("100 or less", 0, 100, "at_most", None),
    ("shy of 100 boats", 100, 100, "approx", "boats"),
    ("just under 100 boats", 100, 100, "approx", "boats"),
    ("well over 100 boats", 100, INF, "at_least", "boats"),
    ("a little over 100 boats", 100, INF, "at_least", "boats"),
    # two-sided bounds
    ("more than 100 but fewer than 300 boats", 100, 300, "range", "boats"),
    ("at least 20 and at most 50 boats", 20, 50, "range", "boats"),
    ("no more than 50 and no fewer than 20 boats", 20, 50, "range", "boats"),
    # ranges
    ("20 through 100 boats", 20, 100, "range", "boats"),
    ("20 to 100 boats", 20, 100, "range", "boats"),
    ("20~100 boats", 20, 100, "range", "boats"),
    ("20–100 boats", 20, 100, "range", "boats"),
    ("20 - 100 boats", 20, 100, "range", "boats"),
    ("between 44 and 50 people", 44, 50, "range", "people"),
    ("2,000 -3,000 people", 2000, 3000, "range", "people"),
    # a share at both ends, as copy writes it, either way round
    ("30%-45% of the drivers", 30, 45, "range", "percent"),
    ("between 12 percent and 20 percent of clinics", 12, 20, "range", "percent"),
    ("from 60% to 85% of the seats", 60, 85, "range", "percent"),
    ("a turnout between 70% and 55%", 55, 70, "range", "percent"),
    ("12 % - 18 % of flights", 12, 18, "range", "percent"),
    # what a count was revised from, however far its verb: two figures, not a range
    (
        "revised down the number of people it housed last year from 1.2 million to 900,000",
        1.2e6,
        1.2e6,
        "exact",
        "people",
    ),
    # ... and the figure of such a sentence is the one it changed to
    ("the board cut the tally, lowering it from 359 to 253", 253, 253, "exact", "deaths"),
    # a share, then a count: no range
    ("40% to 300 households", 40, 40, "exact", "percent"),
    # scales
    ("12K fans", 12_000, 12_000, "exact", "fans"),
    ("2.3 k fans", 2300, 2300, "exact", "fans"),
    ("$5m in aid", 5 * M, 5 * M, "exact", "USD"),
    ("$5 mn in aid", 5 * M, 5 * M, "exact", "USD"),
    ("$5 mln in aid", 5 * M, 5 * M, "exact", "USD"),
    ("$5 mil in aid", 5 * M, 5 * M, "exact", "USD"),
    ("$5bn in aid", 5 * B, 5 * B, "exact", "USD"),
    ("$5 bln in aid", 5 * B, 5 * B, "exact", "USD"),
    ("$5b in aid", 5 * B, 5 * B, "exact", "USD"),
    ("$1.5tn in aid", 1.5e12, 1.5e12, "exact", "USD"),
    ("three hundred families", 300, 300, "exact", "families"),
    ("3 hundred families", 300, 300, "exact", "families"),
    ("322 hundred families", 32_200, 32_200, "exact", "families"),
    ("13 lakh people", 1.3 * M, 1.3 * M, "exact", "people"),
    ("2.5 crore people", 25 * M, 25 * M, "exact", "people"),
    ("12,34,567 voters", 1_234_567, 1_234_567, "exact", "voters"),
    ("Rs 5 crore in compensation", 50 * M, 50 * M, "exact", "INR"),
    # two numbers with "or" give a range, the first taking the second's scale
    ("Obi put it at 20 or 25,000 people", 20_000, 25_000, "range", "people"),
    ("turnout of 5 or 6 percent", 5, 6, "range", "percent"),
    # a comma parts a word that names by number from the count after it
    ("On the east line, 70 percent of drivers stayed home", 70, 70, "exact", "percent"),
    # shares of a whole, as percentages
    ("three quarters of all staff walked out", 75, 75, "exact", "percent"),
    ("nearly half of the homes", 50, 50, "approx", "percent"),
    ("one in five adults", 20, 20, "exact", "percent"),
    ("8 in 10 voters", 80, 80, "exact", "percent"),
    ("roughly 1 in 4 homes", 25, 25, "approx", "percent"),
    ("3 out of 10 nurses", 30, 30, "exact", "percent"),
    ("a 40,000-strong crowd", 40_000, 40_000, "exact", "people"),
    # "over" as a verb's particle, and "till" after a figure
    ("police handed over 236 bodies", 236, 236, "exact", "bodies"),
    ("the count reached 72 till the evening", 72, 72, "exact", None),
    ("a third of the city", 100 / 3, 100 / 3, "exact", "percent"),
    ("two thirds of the 600 flats", 200 / 3, 200 / 3, "exact", "percent"),
    # a participle that says what kind before the counted noun
    ("51 confirmed deaths", 51, 51, "exact", "deaths"),
    # a month before a number that is neither a day nor a year
    ("Since March, 150 people have died", 150, 150, "exact", "people"),
    ("In May 150 people died", 150, 150, "exact", "people"),
    # a scale an editor put in brackets
    ("the number is over $300 (billion)", 300e9, float("inf"), "at_least", "USD"),
    ("12 reported heat-related deaths", 12, 12, "exact", "deaths"),
    # a year-like number that counts what is written in the plural
    ("some 1900 police were sent", 1900, 1900, "approx", "police"),
    ("about 2000 troops arrived", 2000, 2000, "approx", "troops"),
    # spaces and words
    ("1\u202f234\u202f567 voters", 1_234_567, 1_234_567, "exact", "voters"),
    ("1\u00a0234 voters", 1234, 1234, "exact", "voters"),
    ("1\u2009234 voters", 1234, 1234, "exact", "voters"),
    ("two hundred and fifty thousand people", 250_000, 250_000, "exact", "people"),
    # two numbers in words joined as a range, the second's scale shared
    ("between six and eight hundred thousand marchers", 600_000, 800_000, "range", "marchers"),
    ("six to eight hundred thousand marchers", 600_000, 800_000, "range", "marchers"),
    (
        "between six hundred and eight hundred thousand marchers",
        600_000,
        800_000,
        "range",
        "marchers",
    ),
    ("between two and three million voters", 2e6, 3e6, "range", "voters"),
    ("two or three hundred fishermen", 200, 300, "range", "fishermen"),
    ("between two hundred and fifty and three hundred boats", 250, 300, "range", "boats"),
    ("one thousand and five hundred boats", 1500, 1500, "exact", "boats"),
    # ... the second's scale only, when it is more than a digit and a scale
    ("two to three and a half million voters", 2e6, 3.5e6, "range", "voters"),
    ("six to seven hundred and fifty boats", 600, 750, "range", "boats"),
    ("fifty-odd protesters", 50, 50, "approx", "protesters"),
    ("forty-two people", 42, 42, "exact", "people"),
    # a number written in parts, each under the scale of the one before
    ("won 4 million 310 thousand 27 votes", 4_310_027, 4_310_027, "exact", "votes"),
    ("some 2 million 450 thousand voters", 2_450_000, 2_450_000, "approx", "voters"),
    # "only one" with a counted noun is a count; "the only one" alone is the pronoun
    ("she said only one person was missing", 1, 1, "exact", "person"),
    # "other" qualifies the counted noun after it
    ("12 other people were hurt", 12, 12, "exact", "people"),
    # a time after a number counts nothing: the toll before it gives the noun
    ("the agency cited the toll as 233 late Thursday", 233, 233, "exact", "deaths"),
    ("the official death toll has touched 278", 278, 278, "exact", "deaths"),
    # a hedge of likelihood is an approximation
    ("a crowd of maybe 36,000 people", 36000, 36000, "approx", "people"),
    ("perhaps 300 homes were lost", 300, 300, "approx", "homes"),
    ("probably 12 boats sank", 12, 12, "approx", "boats"),
]


@pytest.mark.parametrize(("text", "low", "high", "qualifier", "unit"), NEWS_FORMS)
def test_news_forms(text, low, high, qualifier, unit):
    figure = parse_figure(text)
    assert figure is not None, text
    assert figure.low == pytest.approx(low)
    assert figure.upper == (INF if high == INF else pytest.approx(high))
    assert (figure.qualifier, figure.unit) == (qualifier, unit)


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
    ("A 25-year-old soldier said 350 were killed in the strike of May 5", 350, "killed"),
    # a verb and its particle after the number count nothing
    ("Organisers claimed 25,000 turned out in 2024", 25000, None),
    # "others" and "more" before a verb: the state after it is what is counted
    ("Officials confirmed the toll in 2024, but 40 others were hurt", 40, "hurt"),
    ("300 others remained missing in 2023", 300, "missing"),
    ("F-16 pilots reported 40 drones shot down overnight", 40, "drones"),
    ("The UN 400 peacekeepers left", 400, "peacekeepers"),  # a union, then a count
    ("According to OCHA 12,000 people were displaced", 12000, "people"),  # a count
    ("In the UAE 1,500 workers left", 1500, "workers"),
    ("He said a dozen patients a day arrive with temperatures above 40C", 12, "patients"),
    ("The death toll from the quake has risen to 3,145, with 4,589 people injured", 3145, "deaths"),
    ("The number of displaced people stood at 40,000 on Monday", 40000, "displaced"),
    # a verb of giving after the number counts nothing: the noun before it does
    ("well short of the death toll of 45 reported by the council", 45, "deaths"),
    # a currency code glued to its amount
    ("The club has been given GBP40m in grants", 40e6, "GBP"),
    # a descending range of a counted noun is no score
    ("Police said 30-20 people died", 30, "people"),
    # a space lost between a number and the next word, as scraped copy has it
    ("The toll stood at 980and rising, the agency said", 980, "deaths"),
    # a clause between the counted noun and its verb, an abbreviated month in it
    ("the toll from the storm that hit the coast on Oct. 3 remained at 1,240", 1240, "deaths"),
    # an adverb after the verb counts nothing
    ("About 7,000 marched once again to the port", 7000, "marched"),
    # an estimate "at N" whose object comes after it
    ("Police put at 12,000 the number of marchers in the capital", 12000, "marchers"),
    ("The council set at 85 the provisional death toll", 85, "deaths"),
    ("Organisers put at 40,000 the crowd on the square", 40000, "people"),
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
        # the pronoun "one", and "one of"
        "No one knows which one of them left first",
        "she was one of the last to leave",
        "he was the only one left",
        # a small number after "the": things already counted, named again
        "given that the two dams are nearly full",
        "the three bridges and the four towers were hit",
        # addresses, escaped addresses, fiscal years, codes
        "See https://example.org/2024/10/23/story-4512 for details",
        "See https%3A%2F%2Fexample.org%2F2024%2F4512 for details",
        "The budget for 2013-14 was approved",
        "The FY2023 accounts were late",
        # durations, times, calibres and model names
        "The siege lasted several hundred years",
        "The talks went on for 48 hours",
        "The blast came at 10:17 pm",
        "The army fired 240mm shells from F-16 jets during Covid-19",
        # a number in words made into an adjective: what kind, not how many
        "The one-term governor spoke",
        "a two-time winner of the race",
        # a station, a race, a mission named by a number
        "He told Radio 4 listeners the plan was sound",
        "the Apollo 11 crew landed",
        # a short number in a name after an acronym
        "The chief of the lender KRB 24, Ana Vos, spoke first",
        "KRB 24's chief spoke first",
        "Call +44 20 7946 0958 or 555-0123 for help",
        "The hotline is 555-201-4187 and the desk 0161-496-0000",
        "The parcel was tagged 12-40-7 at the depot",
        # numbers no store can hold
        "A code of 1234567890123456789012345678901234567890 was posted",
        "The model gave 1e400 as the answer",
        "It printed 10^400 in the log",
        "They said 1.5 million billion trillion people",
        "the Million Man March began",
        # days of a month written in pairs, or in brackets after the weekday
        "Between March 3 and 9, 2023, the office was shut",
        "from 12 to 17 August the office was shut",
        "The mayor announced this Friday (14) that the bridge reopened",
        "The mayor said on Friday (May 14) that the bridge reopened",
        # magnitudes, durations written before a noun, the labels of a list
        "a 6.4 magnitude earthquake struck",
        "the magnitude 5.9 quake",
        "after a 7.1 quake hit the coast",
        "the tremor measuring 5.2 in magnitude",
        "a 10-15 minute delay",
        "its $8 billion-a-year farm trade",
        "charged under sections 302, 304(1) and 120 of the code",
        # where a place is, not a count
        "The fire broke out in Talsen, 40 miles north of the capital",
        "The camp lies some 12 km from the border",
        "a village about 30 kilometres south-east of the port",
        # a score
        "The hosts won the match 3-2 on Sunday",
        # a year before a counted noun in the singular: what it modifies, no count
        "the 2019 flood toll was revised",
        "It cut its 2021 visitor estimate",
        # "at one point", "with one stating that": once, and the pronoun
        "He said at one point that the plan was sound",
        "Some spoke, with one saying that the plan was sound",
        "The pilgrims hugged one another and sang",
        "The rains lasted three weeks--June and July",
        # the number of a list's item
        "Passengers on line 4 waited",
        "(4.) Officials spoke at length",
        "4) Officials spoke at length",
        # a share of a figure already given, and its "one"
        "About one third of those who applied were turned away",
        # a share of a time
        "It happened in the second half of March",
    ],
)
def test_no_figure(text):
    assert parse_figure(text) is None, parse_figure(text)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # held against a count, a tally counts what that count counted
        ("The union counted 900 strikers, against an official tally of 300", "strikers"),
        # one that says what it counts counts that; alone, the dead
        ("Officials said 120 homes burned and the tally of votes reached 14,000", "votes"),
        ("Officials said 120 homes burned and the tally reached 14", "deaths"),
    ],
)
def test_what_a_tally_counts(text, unit):
    *_, last = [f.figure for f in locate_figures(text) if f.figure]
    assert last.unit == unit


@pytest.mark.parametrize(
    "text", ["1e400", "10^400", "1" + "0" * 300, "1.5 million billion trillion", "2**1000"]
)
def test_figure_option_refuses_numbers_it_cannot_hold(text):
    with pytest.raises(ParseError, match="not a number claimtrack can hold"):
        parse_figure_option(text)


def test_figure_option_counts_digits_not_separators():
    # thirteen digits with their separators: well within what a figure holds
    assert parse_figure_option("1,698,900,000,000").low == 1_698_900_000_000
    with pytest.raises(ParseError, match="not a number claimtrack can hold"):
        parse_figure_option("999,999,999,999,999,999")


# Money and counts in one sentence: the figure the sentence is about wins, and
# every figure stays available to the extractor.
MIXED = [
    ("The actors filed a $1 billion suit against two producers", 1e9, "USD"),
    ("Three firms paid $4.2 million in fines", 4.2e6, "USD"),
    ("Unions say 60% of the 5,000 nurses walked out", 60, "percent"),
]


@pytest.mark.parametrize(("text", "stated", "unit"), MIXED)
def test_money_and_counts(text, stated, unit):
    figure = parse_figure(text)
    assert (figure.stated, figure.unit) == (stated, unit)
    assert len(find_figures(text)) == 2


def test_format_writes_money_with_its_currency():
    assert format_figure(parse_figure("between $2-$3.5 billion")) == "$2 billion to $3.5 billion"
    assert format_figure(parse_figure("about ¥1,734.6 billion")) == "about ¥1.7346 trillion"
    assert format_figure(parse_figure("5 million Kenyan shillings")) == "5 million KES"
    for text in ("$2.5m", "up to €2bn", "at least £350m", "Rs 1.2 trillion", "200 USD"):
        figure = parse_figure(text)
        again = parse_figure(format_figure(figure))
        assert again.same_value(figure) and again.unit == figure.unit, text


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("14 boats sank at Corra, 6 at Dunmore and 2 at Eske", ["boats", "boats", "boats"]),
        ("five wards closed in Arden, and two in Bexley", ["wards", "wards"]),
        # no list: a small number in words counts nothing
        ("Officials met in Arden, and two in Bexley spoke", []),
        ("40% voted in Arden, 25 in Bexley", ["percent", None]),
    ],
)
def test_list_items_count_what_the_first_counts(text, units):
    assert [f.unit for f in find_figures(text)] == units


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Police said 61 died, with 14 in the port", [False, True]),
        ("Police said 61 died, with 14 children among them", [False, True]),
        # a count of its own, in another state
        ("The toll rose to 58, with 9 people still missing", [False, False]),
        ("Police said 40 died, with 30 people injured in the blast", [False, False]),
        ("Police said 61 died, with 14 children in the port", [False, True]),
        # "N of the dead", "N of them": a part of a count told before
        ("The spokesman said 75 of the dead were from the coastal villages", [True]),
        ("Police said 40 people died, 12 of them children", [False, True]),
    ],
)
def test_parts_of_a_count_told_before(text, parts):
    assert [f.part for f in locate_figures(text)] == parts


def test_more_than_usual_is_a_count_not_an_addition():
    (located,) = locate_figures(
        "Undertakers said there were 8,200 more deaths than a normal month gives."
    )
    assert (located.figure.low, located.figure.unit, located.part) == (8200, "deaths", False)


@pytest.mark.parametrize(
    "text",
    [
        "17 more people were rescued",
        "12 new deaths",
        "another 40 people",
        "a further 30",
        "12 other people were hurt",
    ],
)
def test_what_was_added_to_a_count_is_a_part_of_it(text):
    (located,) = locate_figures(text)
    assert located.part


def test_respectively_and_each_count_nothing():
    assert [f.unit for f in find_figures("They put them at 5,200 and 1,300 respectively")] == [
        None,
        None,
    ]


def test_several_figures_found_in_order():
    figures = find_figures("Seoul said 1,500 troops left; Kyiv said up to 10,000 soldiers")
    assert [f.stated for f in figures] == [1500, 10000]


def test_each_figure_counts_the_count_named_nearest_before_it():
    figures = find_figures("The union put the toll at 41 and the number of wounded at 300")
    assert [(f.stated, f.unit) for f in figures] == [(41, "deaths"), (300, "wounded")]


def test_a_toll_that_may_cross_a_figure_counts_deaths():
    figures = find_figures("The toll is unclear, with the governor saying it may cross 2,000")
    assert [(f.stated, f.unit) for f in figures] == [(2000, "deaths")]


def test_a_share_of_a_number_leaves_the_number_a_figure():
    figures = find_figures("Two thirds of the 600 flats were lost")
    assert [(round(f.stated, 1), f.unit) for f in figures] == [(66.7, "percent"), (600, "flats")]


def test_a_number_glued_to_a_capital_after_a_name_is_part_of_the_name():
    assert [f.stated for f in find_figures("Radio 4M raised its count to 31")] == [31]
    assert [f.stated for f in find_figures("About 2M people fled")] == [2e6]


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


# A count of none is the figure 0 of what it counts.
ZERO_COUNTS = [
    ("Police said no one was killed in the march.", "people"),
    ("Nobody was hurt, a fire service spokesman said.", "people"),
    ("None were injured when the roof of the depot gave way.", "people"),
    ("The coast guard reported no deaths among the crew.", "deaths"),
    ("There were zero casualties at the depot, the army said.", "casualties"),
    ("Not a single soldier has crossed the river, the ministry said.", "soldier"),
    ("No arrests were made after the rally.", "arrests"),
    ("0 deaths were recorded at the clinic last week.", "deaths"),
]


@pytest.mark.parametrize(("text", "unit"), ZERO_COUNTS)
def test_a_count_of_none_is_zero(text, unit):
    (figure,) = find_figures(text)
    assert (figure.low, figure.high, figure.qualifier, figure.unit) == (0, 0, "exact", unit)
    assert parse_figure(format_figure(figure)) is None  # "0" alone counts nothing
    assert parse_figure_option(format_figure(figure)).same_value(figure)


@pytest.mark.parametrize(
    "text",
    [
        "There is no plan to move the garrison.",  # "no" with nothing counted
        "No one knows how many people were inside.",  # nobody befell anything
        "There was no word on casualties from the port.",
        "He said he had no one to turn to.",
        "No other injuries were reported at the ferry.",  # a part, not the whole
        "The crews found no injury marks on the hull.",  # "no" and a thing, singular
        "The score stood at 0 at the break.",
    ],
)
def test_no_is_no_count_by_itself(text):
    assert find_figures(text) == []


def test_a_count_of_none_leaves_the_numbers_beside_it():
    found = find_figures("Officials said nobody died, while medics said 14 people were killed.")
    assert [(f.low, f.unit) for f in found] == [(0, "people"), (14, "people")]
    assert [(f.low, f.unit) for f in find_figures("none of the 40 crew survived")] == [(40, "crew")]
    assert find_figures("no more than 50 troops")[0].qualifier == "at_most"


@pytest.mark.parametrize("text", ["0", "zero", " 0 "])
def test_figure_option_takes_a_zero(text):
    assert parse_figure_option(text) == Figure(0.0, 0.0, "exact", text.strip())


@pytest.mark.parametrize("text", ["", "   ", "none", "lots"])
def test_figure_option_refuses_text_without_a_figure(text):
    with pytest.raises(ParseError):
        parse_figure_option(text)


def test_stated_figure():
    assert Figure(0, 10000, "at_most", "up to 10,000").stated == 10000
    assert Figure(1000, None, "at_least", "at least 1,000").stated == 1000
    assert Figure(10, 12, "range", "10-12").stated == 12


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("They said 200,000 men came to the square", "men"),
        ("More than a million came to the capital", None),
        ("At least 300 armed men stormed the port", "men"),
        ("Some 5,000 trained soldiers arrived on Monday", "soldiers"),
        ("The count rose to 140 even as rain fell", None),
        ("They put the number of spoilt ballots at 12,000", "ballots"),
        # a figure in brackets after its noun counts it
        ("The union had counted fewer participants (25,000) last time", "participants"),
        # a quotation that closes on the number leaves the noun after it counted, where
        # it quotes the figure alone
        ("“We counted 300,000” officials said", None),
        ("Organisers said “about 45,000” walkers came", "walkers"),
        # ... and so does a conjunction
        ("The mayor put it at 400,000 although police said less", None),
        ("The board put it at 40,000 whereas the union said more", None),
    ],
)
def test_a_verb_ends_the_counted_phrase(text, unit):
    figure = parse_figure(text)
    assert figure is not None and figure.unit == unit
