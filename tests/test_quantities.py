"""The quantity vocabulary, table-driven on the pure module."""

import pytest

from claimtrack.errors import ParseError
from claimtrack.figures import parse_figure
from claimtrack.quantities import (
    Quantity,
    from_key,
    in_topic,
    infer_quantity,
    label_of,
    normalise_unit,
    parse_quantity,
    place_named,
    settle_keys,
    side_in,
)


def read(text, topic=None, unit=None):
    """The quantity of a sentence's figure, as `add` reads it."""
    figure = parse_figure(text)
    found = infer_quantity(
        text, unit or figure.unit, figure.phrase, figure_text=figure.text, topic=topic
    )
    return found.key if found else None


CASES = [
    # what is counted, and in which state
    ("Officials said about 600 people were missing", "people:missing"),
    ("The mayor said 300 people were still unaccounted for", "people:missing"),
    ("Rescuers said 120 people had been found safe", "people:found-safe"),
    ("The coast guard said 40 people were found alive", "people:found-safe"),
    ("The ministry said 350 people were killed", "people:dead"),
    ("The death toll rose to 3,145", "people:dead"),
    ("Hospitals reported 1,200 fatalities", "people:dead"),
    ("The student union listed 1,400 martyrs", "people:dead"),
    # what is meant to be is never what is
    ("Velm is preparing to send 60,000 troops", "troops:deployed(planned)"),
    ("Velm plans to send up to 3,000 more troops", "troops:deployed(planned)"),
    ("Velm has deployed 90,000 troops", "troops:deployed"),
    ("Deaths due to cholera reached 4,000", "people:dead"),  # a cause, no plan
    ("Officials said 35,000 people will march on Sunday", "people(planned)"),
    ("Officials said 35,000 people are expected to march", "people(planned)"),
    # deaths beyond those expected are a measure of their own
    ("The study found 1.3 million excess deaths", "people:dead(excess)"),
    ("It put excess deaths at 2.1 million", "people:dead(excess)"),
    ("Excess deaths stood at 2.1 million", "people:dead(excess)"),
    # a people named in the plural is people, of that side; voters are people
    ("Jordan hosts 750,000 Varnians who fled the war", "people:displaced(varnian)"),
    ("More than 8 million voters took part", "people:attending"),
    ("Attendance was about 6,200, the fire marshal said", "people:attending"),
    ("Stewards said roughly 3,100 people showed up for the vigil", "people:attending"),
    ("Some 40,000 people were in attendance, police said", "people:attending"),
    # where people try to go is not where they are
    ("Some 900 migrants are at the fence trying to cross into Velden", "people"),
    ("Some 900 migrants are camped in Velden", "people@velden"),
    # a count named after "and the number of" is another's
    ("The union put the toll at 41 and the number of wounded at 300", "people:dead"),
    # people mobilised march; troops mobilised deploy
    ("The unions said 900,000 people mobilised across the country", "people:attending@nationwide"),
    ("The army mobilised 3,000 reservists", "troops:deployed"),
    ("The city mobilised 3,000 people to fight the fire", "people:deployed"),
    ("At its peak there were over 40,000 at the vigil", "people:attending"),
    ("Police said 12,000 people joined the procession", "people:attending"),
    ("A total of 9,000 people demonstrated in the rain", "people:attending"),
    ("Union leaders said 30,000 people joined Monday's strikes", "people:on-strike"),
    # a strike's count, and the count of those who worked through it
    ("The union said 2,100 workers had stayed away from work", "workers:on-strike"),
    # ... not voters who stayed away from the polls, nor firefighters at work on a blaze
    ("Some 40 percent of voters stayed away from the polls", "percent(people)"),
    ("About 300 firefighters were at work on the blaze", "firefighters"),
    ("Police paraded 12 suspects before reporters", "suspects"),
    ("Managers said only 600 workers reported for work", "workers:at-work"),
    ("About 90 nurses crossed picket lines on Monday", "people:at-work(health workers)"),
    ("About 5,000 residents were joining the protests by noon", "people:attending"),
    # what became of a vague count's people, past its noun
    ("Hundreds of marchers and onlookers were hurt", "people:injured"),
    ("Thousands of protesters gathered", "people:attending"),

    ("The floods killed about 600 people", "people:dead"),
    ("Some 500 dead and 300 injured, officials said", "people:dead"),
    ("At least 30 soldiers were killed or wounded", "troops:casualties"),
    ("Kyiv estimates 1,100 casualties so far", "people:casualties"),
    ("The agency said 40,000 people were displaced", "people:displaced"),
    ("The UN counted 12,000 refugees", "people:displaced"),
    ("Police detained 200 protesters", "people:arrested"),
    ("Police said 30,000 protesters marched", "people:attending"),
    ("Organisers said 250,000 people took part", "people:attending"),
    ("The union said 20% of teachers were on strike", "percent:on-strike(teachers)"),
    ("The carmaker will cut 2,000 jobs", "workers"),
    ("The ministry said 40 drones were shot down overnight", "drones:intercepted"),
    # "neutralised" people are killed; a warplane is an aircraft; a model is counted whole
    ("The army said 80 militants were neutralised in the raids", "people:dead(militants)"),
    ("The army said it neutralized 12 soldiers", "troops:dead"),
    ("Officials said three warplanes were downed", "aircraft:intercepted"),
    ("The air force said it shot down one MiG-29 jet fighter", "aircraft:intercepted"),
    ("The navy said it shot down two Ka-52", "ka-52:intercepted"),
    # the words after a second figure say its state, not the first's
    ("Officials said the shelling caused the deaths of 26 civilians and left 46 others injured",
     "people:dead(civilians)"),
    ("Russia launched 120 missiles overnight", "missiles:launched"),
    ("The EU pledged $1.2bn in aid", "usd:pledged"),
    ("Officials said 900 homes were destroyed", "buildings:destroyed"),
    ("The health ministry reported 3,000 cholera cases", "people:infected"),
    # soldiers, troops and forces are one counted thing, deployed unless said otherwise
    ("The U.S. confirms 3,000 North Korean troops have been sent for training", "troops:deployed(north-korean)"),
    ("Zelensky alleges up to 10,000 soldiers are being mobilised", "troops:deployed"),
    ("Seoul says 11,000 North Korean forces are there", "troops:deployed(north-korean)"),
    # a subgroup is a part of the whole
    ("At least 56 children were killed", "people:dead(children)"),
    ("Officials said 12 journalists were injured", "people:injured(journalists)"),
    # a bare "people" is its own quantity, no wildcard
    ("Officials said 500 people were there", "people"),
    # a place after the figure is a scope
    ("Zelensky says 11,000 North Korean troops are now in Russia's Kursk region", "troops:deployed(north-korean)@kursk"),
    ("Police counted 30,000 protesters in Paris", "people:attending@paris"),
    ("The mine caved in, killing 120 people", "people:dead"),
    # what became of some of the dead is no toll
    ("Police said 210 bodies were handed over to families", "people:dead(handed-over)"),
    ("Thirty bodies were buried on Sunday", "people:dead(buried)"),
    ("Rescuers recovered 400 bodies", "people:dead"),
    ("Some 90 bodies of workers from the valley towns have been identified", "people:dead(identified)"),
    ("Another 12 bodies are still missing, the mayor said", "people:dead(missing)"),
    # a noun said with the whole before it leaves the state to the words after the part
    ("Of the 900 injured, fewer than 60 are still receiving treatment", "people:hospitalised"),
    # a project's budget is its cost; "to cost" names no part of it
    ("The council expects the bridge to cost over £4 billion", "gbp:cost"),
    ("The project's current budget stands at £2 billion, the council said", "gbp:cost"),
    # a pronoun before a cost names no part of it
    ("It cost 4.2 trillion rubles, the banker said", "rub:cost"),
    # ... in its own clause, the last before the figure
    ("The number of people who were hurt is unknown, but officials said 40 people drowned",
     "people:dead"),
    # what a number counts, said after its noun
    ("The number of villagers who died in the Tarn floods will stay at about 40", "people:dead"),
    ("The number of people forced from their homes rose to 4,000", "people:displaced"),
    # who came out alive is a count of its own, neither the dead nor those inside
    ("Officials said 212 people had survived the collapse", "people:survived"),
    ("Firefighters said 61 escaped through the roof", "people:survived"),
    ("The coast guard counted 48 survivors", "people:survived"),
    ("The navy said 40 were rescued", "people:rescued"),
    ("The agency said 180,000 people had lost their homes", "people:displaced"),
    ("The federation said 78% of its members had joined the strike", "percent:on-strike(members)"),
    # a sentence that opens with its place gives it to each of its figures
    ("In Lora, police counted 9,000 marchers, while organisers said 40,000", "people:attending@lora"),
    # "a week ago" is when, not a rate; "there" is the place named before
    ("The ministry said 3,900 cases were recorded a week ago", "people:infected"),
    ("Officials in Durra said 23 people had died there", "people:dead@durra"),
    # whose dead a toll counts, said before it; the sides of a civil war
    ("Local medics put the civilian toll higher, at 70", "people:dead(civilians)"),
    ("The army said it had killed more than 300 rebel fighters", "troops:dead(rebel)"),
    ("Some 12,000 residents were ordered to leave", "people:displaced"),
    ("Her staff counted at least 540 destroyed structures", "buildings:destroyed"),
    # how many a boat or a plane carried is one number of its own
    ("The harbour master said the launch was carrying 96 passengers", "people:aboard"),
    ("Some 140 people had boarded the plane, the airline said", "people:aboard"),
    # the words of whoever tells it are not the state of what is counted
    ("Witnesses told the inquiry that 30 people were aboard the bus", "people:aboard"),
    ("Survivors told reporters that more than 70 people were in the hall", "people"),
    # what was paid of what was pledged, for money only
    ("Only $4.1 million of it has been transferred so far", "usd:paid"),
    ("The fund said it had disbursed €12m", "eur:paid"),
    ("300 patients were transferred to Kiel", "people(patients)@kiel"),
    # a gap between shares is no share
    ("Her lead narrowed to two percentage points, the poll found", "percent(points)"),
    # a verb of a state read as the counted noun counts what the state counts
    ("Organisers said roughly a million attended", "people:attending"),
    ("The agency said 300 fled.", "people:displaced"),
    # the narrower place an owner holds
    ("Rights groups said 90 people were hurt in Norland's breakaway region of Vesk",
     "people:injured@vesk"),
    ("The union said 400,000 workers went on strike nationwide", "workers:on-strike@nationwide"),
    ("Officials said 200 people were missing in October", "people:missing"),  # a month, no place
    ("About 600 people are missing, according to Reuters", "people:missing"),
    # a quotation's state, its closing mark after the comma
    ('"Some 60 residents are still unaccounted for," the warden said', "people:missing"),
    ("About 1,900 people have been moved to temporary shelters", "people:sheltering"),
    ("Unions said 900,000 people took to the streets", "people:attending"),
    ("Police said 4,000 were marching", "people:attending"),
    # a rate is its own quantity, never a total's
    ("The firm said 5,000 people die each day", "people:dead(per-day)"),
    ("Deaths will peak around 25,000 a day", "people:dead(per-day)"),
    ("Officials say 2.9 million citizens voted", "people:attending"),
    ("The rally attracted about 40,000 people", "people:attending"),
    ("Nurses said 17 people were admitted to hospital", "people:hospitalised"),
    ("Inflation reached 9.8% in May", "percent(inflation)"),
    ("Exports were up 6% on last year", "percent(change)"),
    # a share's base is the counted noun after "of", a number before it or not
    ("Unions said 70 percent of the 1.4 million state employees walked out",
     "percent:on-strike(workers)"),
    ("The board said 30 percent of staff did not turn up on Monday", "percent:on-strike(workers)"),
    # a share of what a place owns is of what it owns
    ("Unions said 45% of the region's workforce walked out", "percent:on-strike(workers)"),
    ("Some 30% of the country's teachers stayed away", "percent(teachers)"),
    # a percentage that changes something is no share
    ("The council backed a 5% pay cut", "percent(pay-cut)"),
    # "bodies" after a count is no state of it
    ("Some 2,000 workers at state-run bodies joined the walkout", "workers:on-strike"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "key"), CASES, ids=[t[:40] for t, _ in CASES])
def test_reading_a_quantity(text, key):
    assert read(text) == key


def test_a_clause_ends_before_the_next_figure():
    text = "Kyiv estimates 1,100 casualties, with at least 100 killed"
    found = infer_quantity(text, "casualties", "casualties", figure_text="1,100")
    assert found.key == "people:casualties"


def test_missing_by_any_name_is_one_quantity():
    sayings = [
        read("Officials said about 600 people were missing"),
        read("Another 700 to 750 names are on the list of the missing"),
        read("The Red Crescent said 650 were unaccounted for"),
        read("The number of missing rose to 800"),
    ]
    assert set(sayings) == {"people:missing"}
    assert read("Officials said 120 people have been found safe") != "people:missing"


def test_the_stories_own_place_is_no_scope():
    text = "Officials said 350 people were killed in Kursk"
    assert read(text) == "people:dead@kursk"
    assert read(text, topic="Kursk deaths") == "people:dead"
    assert read(text, topic="North Korean troops in Russia") == "people:dead@kursk"
    assert in_topic("troops:deployed@russia", "North Korean troops in Russia") == "troops:deployed"
    assert (
        in_topic("people:attending@nationwide", "Strikes nationwide")
        == "people:attending@nationwide"
    )


@pytest.mark.parametrize("opening", ["according to", "According to"])
def test_an_according_to_source_is_no_place(opening):
    text = f"{opening} Mayor Ines Roth, 40 people were killed in Varnholt"
    assert place_named(text) == "Varnholt"


def test_keys_and_labels():
    quantity = Quantity("people", "dead", "children", "gaza-city")
    assert quantity.key == "people:dead(children)@gaza-city"
    assert from_key(quantity.key) == quantity
    assert quantity.label == "children dead in Gaza City"
    assert label_of("percent:on-strike(teachers)") == "percent of teachers on strike"
    assert label_of("usd:pledged") == "US dollars pledged"
    assert label_of("people:dead(per-day)") == "people dead a day"
    assert label_of("") == "" and label_of("?") == "?"
    assert [from_key(k).kind for k in ("people:missing", "people:dead", "people:attending")] == [
        "level",
        "cumulative",
        "event",
    ]


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("people missing in Derna", "people:missing@derna"),
        ("missing children", "people:missing(children)"),
        ("troops", "troops:deployed"),
        ("troops killed", "troops:dead"),
        ("deaths", "people:dead"),
        ("people:missing", "people:missing"),
        ("Troops@Kursk", "troops@kursk"),
        ("advisers", "advisers"),
    ],
)
def test_what_users_type(typed, key):
    assert parse_quantity(typed).key == key


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "the quantity is empty"),
        ("people:sleepy", "unknown state 'sleepy'"),
        ("people:(", "cannot read the quantity"),
        ("lots of things", "cannot read a quantity"),
    ],
)
def test_what_users_type_wrong(typed, message):
    with pytest.raises(ParseError, match=message):
        parse_quantity(typed)


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
        ("North Korean soldiers", "troops"),
        (None, None),
    ],
)
def test_the_unit_table_keeps_its_normal_forms(unit, norm):
    assert normalise_unit(unit) == norm


def test_a_noun_that_is_its_state_keeps_it():
    # The unit says deaths: the words after it do not make them missing.
    assert (
        read("Residents say at least 130 died, with more missing", unit="deaths") == "people:dead"
    )
    # A role noun gives way to what the text says happened.
    assert read("Police said 200 protesters were arrested") == "people:arrested"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # what an amount of money is, and which part of it
        ("Insured losses will be about $4 billion, the modeller said", "usd:losses(insured)"),
        ("The flood caused $2 billion in damage to farms", "usd:losses"),
        ("The firm puts economic losses at $30bn", "usd:losses(economic)"),
        ("The ministry's total expenditures reached 50 billion yen", "jpy:cost(ministry)"),
        ("The city paid €3 million of the total cost", "eur:cost(part)"),
        ("The EU pledged $1.2bn in aid", "usd:pledged"),  # the verb's state stands
        # a measure written as a verb: its auxiliary is no part of it
        ("An audit found the tunnel had cost $4.7 billion", "usd:cost"),
        ("The lock will cost €300m, engineers say", "eur:cost"),
        ("Analysts estimate losses of $3bn", "usd:losses"),
        # "said" holds no "aid"
        ("The firm said the closure was costing it $3m a day", "usd(per-day)"),
    ],
)
def test_money_measures(text, key):
    assert read(text) == key


def test_an_amount_listed_after_another_is_a_share_of_it():
    text = "Costs came to $9 billion, with $2 billion for security"
    found = infer_quantity(text, "USD", None, figure_text="$2 billion")
    assert found is not None and found.key == "usd:cost(part)"


def test_an_amounts_noun_and_its_payer_are_read_across_its_sentence():
    def key(text, amount):
        found = infer_quantity(text, "EUR", None, figure_text=amount)
        return found.key if found else None

    listed = (
        "Auditors found that the region's total expenditures on the games reached 90 million "
        "euros, such as 30 million euros for transport that the organisers had left out of "
        "their accounts, as well as 6 million euros for the new velodrome and 2 million euros "
        "for medical checks."
    )
    assert key(listed, "90 million euros") == "eur:cost(region)"
    # however far from their noun, the amounts listed after the total are parts of it
    assert [key(listed, a) for a in ("6 million euros", "2 million euros")] == [
        "eur:cost(part)"
    ] * 2
    # a year is not another amount
    held = "Total costs for the festival, first held in 2019 and again this summer, came to 40 million euros"
    assert key(held, "40 million euros") == "eur:cost"
    # who pays a share, named after it; a country's own government by any of its names
    shares = (
        "The committee said 12 million euros of the total costs of 40 million euros was borne "
        "by the committee, 9 million euros by the city council and 5 million euros by the "
        "Veldorian government."
    )
    assert key(shares, "12 million euros") == "eur:cost(part)"
    assert key(shares, "9 million euros") == "eur:cost(city-council)"
    assert key(shares, "5 million euros") == "eur:cost(national-government)"
    central = "Auditors said the central government's total spending reached 8 million euros by the end of June"
    assert key(central, "8 million euros") == "eur:cost(national-government)"
    spent = (
        "The costs rose once auditors counted 3 million euros spent by the state on the velodrome"
    )
    assert key(spent, "3 million euros") == "eur:cost(state)"


def test_sides_are_read_from_the_counted_phrase():
    assert side_in("Ukrainian troops") == "ukrainian"
    assert side_in("South Sudanese refugees") == "south-sudanese"
    assert side_in("Israeli soldiers") == "israeli"
    assert side_in("black men") is None and side_in("Monday crowds") is None
    assert read("Officials said 500 Russian soldiers were killed") == "troops:dead(russian)"
    assert label_of("troops:dead(russian)") == "Russian troops dead"


def test_an_under_specified_quantity_takes_the_one_reading_its_story_leaves():
    # a bare counted noun takes the story's one state of it, and a bare figure its one quantity
    assert settle_keys(["people", "people:attending", ""]) == ["people:attending"] * 3
    # a side is taken only where the story has one side
    assert settle_keys(["troops:dead"], ["troops:dead(russian)"]) == ["troops:dead(russian)"]
    two_sides = ["troops:dead(russian)", "troops:dead(ukrainian)"]
    assert settle_keys(["troops:dead"], two_sides) == ["troops:dead"]
    # a subgroup or a place is a part of the whole, never the whole said more precisely
    assert settle_keys(["people:dead"], ["people:dead(children)"]) == ["people:dead"]
    assert settle_keys(["people:dead"], ["people:dead@kursk"]) == ["people:dead"]
    # ... but "nationwide" beside the same count with no place is the whole itself
    keys = ["workers:on-strike@nationwide", "workers:on-strike@lora"]
    assert settle_keys(keys, ["workers:on-strike"]) == ["workers:on-strike", keys[1]]
    assert settle_keys(keys) == keys
    # two states of people: a bare "people" could be either, and is compared with none
    assert settle_keys(["people"], ["people:dead", "people:injured"]) == ["people(unclear)"]
    assert not from_key("people(unclear)").state
    # ... while in a story that names no state, bare counts are one quantity
    assert settle_keys(["people", "people"]) == ["people", "people"]
    # a figure with no quantity is of the story's whole, not of its place or its part
    assert settle_keys([""], ["people:attending", "people@velden"]) == ["people:attending"]
    assert settle_keys([""], ["people:dead", "people:dead(part)"]) == ["people:dead"]
    assert settle_keys([""], ["people:dead", "people:injured@velden"]) == ["people:dead"]
    assert settle_keys([""], ["people:dead", "people:injured"]) == [""]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The board said Tomas Berg had taken 53 percent of the ballots", "percent(for-tomas-berg)"),
        ("Ana Obi, who had led the surveys, got 46.3 percent", "percent(for-ana-obi)"),
        ("Berg received roughly 34 percent against 61 percent for Obi", "percent(for-berg)"),
        ("The tallies showed Obi with 5.9 million votes", "votes(for-obi)"),
        ("It was well short of the 4.8 million ballots the board said Berg had received",
         "votes(for-berg)"),
        ("The tallies showed 2.3 million ballots for Berg", "votes(for-berg)"),
        ("He won 60 percent", "percent"),  # whose, the clause does not say
        ("Turnout was 48 percent, the board said", "percent:attending"),
        ("The party took 40 percent of seats", "percent(seats)"),
    ],
)  # fmt: skip
def test_whose_votes_a_figure_counts(text, key):
    assert read(text) == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("She said 58 people from her province had died", "people:dead(part)"),
        ("40 people from the village were killed", "people:dead(part)"),
        ("Officials said 12 people from Lora died", "people:dead"),  # Lora may be the story's
        ("300 people from across the region attended", "people:attending"),
    ],
)
def test_the_people_of_one_place_are_a_part(text, key):
    assert read(text) == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Around 150 people broke away and fought officers", "people(other)"),
        ("Some 300 people signed the petition", "people(other)"),
        ("Organisers said 40,000 people participated", "people:attending"),
        ("Police said 9,000 people were killed", "people:dead"),
        ("the 300 people inside the hall", "people"),
    ],
)
def test_people_who_did_what_the_vocabulary_does_not_know_are_a_count_of_their_own(text, key):
    assert read(text) == key
    assert settle_keys([key], ["people:attending"]) == [
        "people:attending" if key == "people" else key
    ]
    assert label_of("people(other)") == "people, in a state of its own"


def test_one_candidate_by_any_part_of_the_name_is_one_quantity():
    keys = ["percent(for-obi)", "percent(for-ana-obi)", "percent(for-berg)", "votes(for-obi)"]
    assert settle_keys(keys) == [
        "percent(for-ana-obi)", "percent(for-ana-obi)", "percent(for-berg)", "votes(for-obi)",
    ]  # fmt: skip
    # a surname two candidates share names neither
    assert settle_keys(["percent(for-obi)"], ["percent(for-ana-obi)", "percent(for-ivo-obi)"]) == [
        "percent(for-obi)"
    ]
    assert label_of("percent(for-ana-obi)") == "percent of votes for Ana Obi"
    assert label_of("votes(for-berg)") == "votes for Berg"


def test_a_denial_points_at_the_counts_its_words_name():
    from claimtrack.quantities import denial_answers, denied_quantity

    higher = denied_quantity("The ministry denied reports of heavy Norlandian casualties")
    assert higher == Quantity("people", "casualties", "norlandian")
    losses = denied_quantity("The army called the ‘heavy losses’ of the Norlandians a fiction")
    assert losses == higher
    assert denied_quantity("The ministry rejected the death toll") == Quantity("people", "dead")
    assert denied_quantity("The ministry denied the reports") is None
    assert denied_quantity("Velden disputes the figures") is None
    # casualties hold the dead and the wounded, of people or of troops, of the side named
    assert denial_answers(higher, "troops:dead(norlandian)")
    assert denial_answers(higher, "people:injured(norlandian)")
    assert not denial_answers(higher, "troops:dead(veldish)")
    assert not denial_answers(higher, "troops:dead")
    assert not denial_answers(higher, "tanks")
    assert not denial_answers(higher, "troops:held(norlandian)")
    assert denial_answers(Quantity("people", "dead"), "people:dead(children)")


def test_amounts_and_parts_read_in_words():
    assert label_of("usd:losses(insured)") == "insured losses in US dollars"
    assert label_of("jpy:cost(part)") == "cost in JPY, a part"
    assert label_of("people:dead(part)@kursk") == "people dead in Kursk, a part"
