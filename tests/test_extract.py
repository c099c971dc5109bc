"""Extraction: each attribution pattern, dates, de-duplication, and the CLI."""

import http.server
import json
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from conftest import dump

from claimtrack.dates import ClaimDate, resolve_phrase
from claimtrack.extract import extract_claims

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import extraction_quality  # noqa: E402

PUBLISHED = date(2024, 10, 25)  # a Friday
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed-article.txt"


def found(text, published=PUBLISHED, known=None):
    return [
        (c.claimant, c.stance, c.figure.stated if c.figure else None)
        for c in extract_claims(text, published, known)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Pentagon said on Monday that about 8,000 troops had arrived in Kursk.",
         [("Pentagon", "asserts", 8000)]),
        ("Some 400 civilians were evacuated overnight, the mayor's office said.",
         [("mayor's office", "asserts", 400)]),
        ("According to the Red Cross, 1,200 people are still missing.",
         [("Red Cross", "reports", 1200)]),
        ("It was confirmed by NATO that 50 aircraft took part in the exercise.",
         [("NATO", "confirms", 50)]),
        ("Interior Minister Jane Doe spoke in Brussels. “We have sent 300 engineers,” she said.",
         [("Jane Doe", "asserts", 300)]),
        ("John Smith told reporters that 15 drones were shot down near Odesa.",
         [("John Smith", "asserts", 15)]),
        ("The Kremlin denied the report, calling it a provocation.",
         [("Kremlin", "denies", None)]),
        ("Seoul's spy agency estimated that up to 2,000 workers had been sent.",
         [("Seoul's spy agency", "estimates", 2000)]),
        ("Moscow claimed its forces had destroyed 40 tanks; Kyiv alleged that 3,000 Russian "
         "soldiers were killed.",
         [("Moscow", "claims", 40), ("Kyiv", "alleges", 3000)]),
        ("The envoy for the region, Maria Lopez, said more than 90,000 people had fled.",
         [("Maria Lopez", "asserts", 90000)]),
        ("“It is dire,” said Ana Ruiz, the agency's chief. She said 4,000 tents were needed.",
         [("Ana Ruiz", "asserts", 4000)]),
        ("Figures from the Red Cross showed 12 clinics had been destroyed.",
         [("Red Cross", "reports", 12)]),
        ("The embassy said Paris had sent 135 rescuers, while Rome dispatched about 80 medics.",
         [("embassy", "asserts", 135)]),
        ("The rebels denied that they had shelled the town.", [("rebels", "denies", None)]),
        ("Moscow claimed 900 soldiers had surrendered, a figure Kyiv disputes.",
         [("Moscow", "claims", 900), ("Kyiv", "denies", None)]),
        # a count's own earlier figure is the source's claim too, proposed below the
        # confidence --save keeps
        ("The agency said 18 million people went hungry, up from 11.7 million a year earlier.",
         [("agency", "asserts", 18_000_000), ("agency", "asserts", 11_700_000)]),
        ("Warsaw put its figure at 950,000, down from a peak of more than 1.5 million.",
         [("Warsaw", "asserts", 950_000), ("Warsaw", "asserts", 1.5e6)]),
        ("The board raised its estimate of the damage from $2 billion to $3.1 billion.",
         [("board", "reports", 2e9), ("board", "reports", 3.1e9)]),
        ("The toll rose from 40 to 61, the health ministry said.",
         [("health ministry", "asserts", 40), ("health ministry", "asserts", 61)]),
        # ... but not a figure compared with: "than", "short of"
        ("The union said 40,000 marched, more than the 25,000 of last year.",
         [("union", "asserts", 40_000)]),
        # what closes a list of figures governs them all
        ("The insurer is cautious, as the dams are 40% and 65% full, according to the board.",
         [("board", "reports", 40), ("board", "reports", 65)]),
        # a report that came out, and whose it is
        ("A UN report released on Thursday estimated that 1.2 million people need aid.",
         [("UN", "estimates", 1.2e6)]),
        ("A study published by the Harlow Institute found that 40% of homes were damaged.",
         [("Harlow Institute", "asserts", 40)]),
        ("A Keel Wire tally showed 1,900 deaths.", [("Keel Wire", "reports", 1900)]),
        ("An Orrin Press count based on hospital figures puts the toll at 1,900.",
         [("Orrin Press", "estimates", 1900)]),
        ("A tally based on hospital records puts the toll at 1,900.", []),
        ("The health ministry's tally rose to 1,300 on Tuesday.",
         [("health ministry", "reports", 1300)]),
        ("The health ministry's figures show 1,300 deaths.",
         [("health ministry", "reports", 1300)]),
        # a long relative clause between a subject and its verb
        ("Minister Ravi Dutt, who has cancelled all his engagements and rushed to the district "
         "to watch over the rescue and relief work himself, announced aid of Rs 4 lakh each.",
         [("Ravi Dutt", "asserts", 400000)]),
        # "..., a spokesperson said" after an organisation's deed: the organisation's
        ("The Coastal Guard rescued 312 people on Monday, a spokesperson said.",
         [("Coastal Guard", "asserts", 312)]),
        ("Kenya deployed 400 police officers, an official said.", []),
        # "X, the committee's head, told British TV that ...": X told it, not the TV
        ("Hassan al-Sabri, head of the committee, told British TV presenter Ann Lee that "
         "about 400 workers died.", [("Hassan al-Sabri", "asserts", 400)]),
        # a whole and the part after a comma are two claims, unless an "or" follows
        ("Out of 2,000 workers, 1,400 joined the strike, the union said.",
         [("union", "asserts", 2000), ("union", "asserts", 1400)]),
        # a clause whose own subject speaks does not inherit the sentence's source
        ("Officials have confirmed 33 deaths, but residents fear the real toll is in the "
         "hundreds.", [("Officials", "confirms", 33)]),
        # an owner's estimate with any words before the noun; a nation's body written
        # with its demonym; a count a verb of harm gives
        ("The police's rough estimate of the crowd was about 14,000.",
         [("police", "reports", 14000)]),
        ("A Norlandian army spokesman said rebels shelled a post, wounding four Norlandian "
         "guards.", [("Norlandian army", "asserts", 4)]),
        ("A mortar round struck the market, killing three, the regional council said.",
         [("regional council", "asserts", 3)]),
        # by how much a count moved is no count
        ("Authorities lowered the death toll by more than 100 on Thursday, to 253.",
         [("authorities", "reports", 253)]),
        ("Officials cut the death toll from the weekend bombings in the southern port city by "
         "over 80 people.", []),
        # a participle that changes the count is the subject's new figure
        ("The ministry announced 12 new deaths, bringing the total to 89.",
         [("ministry", "asserts", 12), ("ministry", "reports", 89)]),
        # "X went to parliament to say that ...": X says it
        ("Interior Minister Ana Rondo travelled to the capital on Friday to say that 130 "
         "demonstrations had taken place.", [("Ana Rondo", "asserts", 130)]),
        # copy translated from other languages: "spoke of", "For X, ..."
        ("The organizers spoke of 200,000 participants, while the police spoke of 40,000.",
         [("organizers", "asserts", 200000), ("police", "asserts", 40000)]),
        # a second source whose verb is left out, with or without a comma or "the"
        ("Nurses talked about 70% joining the stoppage and the board about 25%.",
         [("Nurses", "asserts", 70), ("board", "asserts", 25)]),
        ("Organisers said 50,000 people marched, and police 12,000.",
         [("Organisers", "asserts", 50000), ("police", "asserts", 12000)]),
        ("Unions put turnout at 70%, the government at 30%.",
         [("Unions", "asserts", 70), ("government", "asserts", 30)]),
        ("The Delta Council gave figures between 20% and 12% and the unions between 90% and "
         "60%.", [("Delta Council", "reports", 20), ("unions", "asserts", 90)]),
        ("The league spoke of turnout near 40% and the regional union about turnouts of 65%.",
         [("league", "asserts", 40), ("regional union", "asserts", 65)]),
        # the "by" of another participle is not the reporter's
        ("Harbor Wire reported that two of the jets downed by Norland were new.",
         [("Harbor Wire", "reports", 2)]),
        # "a title of <a description> <Name>": the body named, not its last two words
        ("Omar Farid, head of Norland military wing Joint Public Affairs confirmed "
         "that two drones fell.", [("Joint Public Affairs", "confirms", 2)]),
        # a source that ends the sentence, a short name in brackets after it, governs
        # the clause before "while" too
        ("About 300 died in the north, while 40 died in the south, according to figures "
         "compiled by the Relief Centre (RC).",
         [("Relief Centre", "reports", 300), ("Relief Centre", "reports", 40)]),
        # "by" a time is when, not who
        ("The toll reached 40 by Monday evening, officials said.", [("officials", "asserts", 40)]),
        ('"We had 28 on Sunday and 22 by the evening of May 20," the coroner Ravi Nair said.',
         [("Ravi Nair", "asserts", 28), ("Ravi Nair", "asserts", 22)]),
        # where a body is ("the nearby ...") is no part of its name
        ("Officials in the nearby Dunmore district's health office said at least 70 bodies "
         "arrived.", [("Dunmore district's health office", "asserts", 70)]),
        # sources named together, their figures "respectively" each its own
        ("Lora and Vesk reported 14 and 15 deaths, respectively.",
         [("Lora", "reports", 14), ("Vesk", "reports", 15)]),
        ("The union and the ministry put turnout at 60% and 35% respectively.",
         [("union", "asserts", 60), ("ministry", "asserts", 35)]),
        ("The union and the ministry said 40 schools closed.",
         [("union and ministry", "asserts", 40)]),
        # a participle aside and the place it names are passed over
        ("Ana Obi, reporting from Lora, a port city in the north, said the toll could pass "
         "300.", [("Ana Obi", "asserts", 300)]),
        # a title inside a body's name
        ("The Relief Commissioner Office has recorded 51 confirmed deaths.",
         [("Relief Commissioner Office", "reports", 51)]),
        # but a list of places is no list of sources
        ("Organisers said Lora had 50,000 marchers, Vesk 20,000.",
         [("Organisers", "asserts", 50000), ("Organisers", "asserts", 20000)]),
        ("The mayor spoke to reporters after 40 people died in the fire.", []),
        ("For the Interior Ministry, 400,000 people marched; for the unions, 1.3 million.",
         [("Interior Ministry", "reports", 400000), ("unions", "reports", 1.3e6)]),
        ("For the first time, 400,000 people marched.", []),
        ("Figures from the electoral tribunal give the ruling party 54% of the vote.",
         [("electoral tribunal", "reports", 54)]),
        # "the official death toll of 21,000" is nobody's the sentence names
        ("The Lowland Health Council estimates 48,000 deaths, about twice the official "
         "death toll of 21,000.", [("Lowland Health Council", "estimates", 48000)]),
        # "As many as 45 ..." opens no clause of its own; an unnamed officer of a body
        # written in lower case speaks for it
        ("As many as 45 people lost their lives, officials informed.",
         [("officials", "asserts", 45)]),
        ("A senior police officer, requesting anonymity, said 19 people were arrested.",
         [("police", "asserts", 19)]),
        ("A senior official said 40 people died.", []),
        # a title of an office before a name: the person
        ("Nine people were killed, said Superintendent of Police Anil Kumar.",
         [("Anil Kumar", "asserts", 9)]),
        ("Minister of Health Ana Obi said 40 people died.", [("Ana Obi", "asserts", 40)]),
        ("The Director of the National Weather Office said 40 people died.",
         [("Director of the National Weather Office", "asserts", 40)]),
        # one common noun opening a clause after ";" or "but" is its subject
        ("The union claims 70% of members joined; management says fewer than 30% did.",
         [("union", "claims", 70), ("management", "asserts", 30)]),
        # a verb and its particle count nothing: "25,000 turned out"
        ("Organisers claimed 25,000 turned out.", [("Organisers", "claims", 25000)]),
        # an opening "Unlike X's numbers, ..." has a source of its own
        ("Unlike the figures put out by the ministry, the Teachers Union said 1.5 million "
         "people joined.", [("Teachers Union", "asserts", 1.5e6)]),
        # a clause between commas is no appositive of the subject
        ("According to the regional authorities, 512 people were hurt, reported the Wire.",
         [("regional authorities", "reports", 512)]),
        ("The UN's envoy for the region said on Monday that 40 convoys had been looted.",
         [("UN's envoy for the region", "asserts", 40)]),
        ("“It passed 90,000,” said Maria T. Ruiz, the port's director.",
         [("Maria T. Ruiz", "asserts", 90000)]),
        ("Paul K. Osei said that 120 boats had been lost.", [("Paul K. Osei", "asserts", 120)]),
        # the progressive: the subject stands before the auxiliary
        ("The port workers union is claiming that 4,000 members walked out.",
         [("port workers union", "claims", 4000)]),
        ("Nadia Selim has been saying for weeks that 35 wells ran dry.",
         [("Nadia Selim", "asserts", 35)]),
        # a name and the party it leads, named together
        ("Rui Tavares and his Green Wave party are claiming that 80,000 marched.",
         [("Rui Tavares and his Green Wave party", "claims", 80000)]),
        # a description between the turned-round verb and the name
        ("Up to 600 hectares burned, says conservation group Terra Viva.",
         [("Terra Viva", "asserts", 600)]),
        # a person "of" an organisation, with or without "the"
        ("Ilse Baker of the Harbour Trust said 40 boats sank.", [("Ilse Baker", "asserts", 40)]),
        ("The Ministry of the Interior said 52 roads were closed.",
         [("Ministry of the Interior", "asserts", 52)]),
        # a common-noun claimant after the turned-round verb, and a plural role
        ("Forty kiosks burned, said police on Monday.", [("police", "asserts", 40)]),
        ("Union leaders claimed a turnout of 70 percent.", [("Union leaders", "claims", 70)]),
        # an abbreviated title or company form keeps its dot and the name
        ("“We found 75 wrecks,” said Dr. Lea Horn, the survey's leader.",
         [("Lea Horn", "asserts", 75)]),
        ("Quake modeller Bright & Co. put the losses at $2.4 billion.",
         [("Bright & Co.", "asserts", 2.4e9)]),
        ("The Merin Chamber of Commerce put the losses at Rs. 700 crore on Monday.",
         [("Merin Chamber of Commerce", "asserts", 7e9)]),
        # "so far" between the subject and its verb; a fear is an estimate
        ("Officials have so far confirmed 34 deaths.", [("Officials", "confirms", 34)]),
        ("The relief agency fears deaths could reach 900.",
         [("relief agency", "estimates", 900)]),
        # "whose analysts said": the organisation they work for
        ("A study by the Delta Research Unit, whose analysts said up to 600 wells had failed, "
         "was published.", [("Delta Research Unit", "asserts", 600)]),
        # a dash ends the name after "according to"
        ("At least 41 people drowned, according to Shore Watch -- a group that counts them.",
         [("Shore Watch", "reports", 41)]),
        # a figure talked about is still a claim when the words after it say whose
        ("The figure of 2,000 cited by the militia is far too high.",
         [("militia", "reports", 2000)]),
        # an appositive that is a name: the name speaks
        ("The organisers, the Harbour Forum, said 15,000 came.", [("Harbour Forum", "asserts", 15000)]),
        # a report or estimate that an organisation owns: the organisation's figure
        ("A Harbor Wire report put the number of people hurt at 39.",
         [("Harbor Wire", "asserts", 39)]),
        ("Analysts said a Keefe & Lowe estimate puts expected losses as high as $25 billion.",
         [("Keefe & Lowe", "asserts", 2.5e10)]),
        ("That is well above Ridge & Co.’s first projection of $20 billion.",
         [("Ridge & Co.", "reports", 2e10)]),
        # the time between a subject and its verb; a verb ending inside the qualifier
        ("Verisk last week estimated losses of $12bn-15bn.",
         [("Verisk", "estimates", 1.5e10)]),
        # a name that ends in 's keeps it; a number word after a quotation mark is read
        ("Moody's noted that 1,200 policies had lapsed.", [("Moody's", "asserts", 1200)]),
        ("“Twelve boats are missing,” Okoro confirmed.", [("Okoro", "confirms", 12)]),
        # a day owns no figures; a clause's verb is no part of its subject
        ("The dam was 56% full, according to today’s data from the Water Board.",
         [("Water Board", "reports", 56)]),
        ("While police reported 37 arrests, the inquiry uncovered evidence suggesting more, "
         "confirming at least 26 others.", [("police", "reports", 37)]),
        ("The party claims that between five and 30 people were hurt.",
         [("party", "claims", 30)]),
        ("He spoke of final industry loss estimates of $3 billion.", []),
        # a passive governs the figure it follows, not one before that
        ("Some 64 fishermen drowned, twice the tally of 32 claimed by the council, "
         "a survey by a local paper found.", [("council", "claims", 32)]),
        # when, between a subject and its verb
        ("The Velm army had as recently as March said the troop count was 503.",
         [("Velm army", "asserts", 503)]),
        ("The Velm army has finally acknowledged that 2,000 troops are in Lora.",
         [("Velm army", "confirms", 2000)]),
        # a person's word of what "the state" recorded: the polity they speak for
        ("In a statement, Ivo Lanz said the state had counted 5,900 deaths.",
         [("Ivo Lanz", "asserts", 5900)]),
        ("Ana Obi said the plan failed, while the state said 5,900 people died.",
         [("state", "asserts", 5900)]),
        # "as long as" is no time; "told to leave" says who the subject are
        ("Velm troops will stay as long as Lora says 300 rebels remain.",
         [("Lora", "asserts", 300)]),
        ("The residents told to leave said 300 homes were lost.",
         [("residents", "asserts", 300)]),
        ("The principal reported to the school board that 40 pupils were ill.",
         [("principal", "reports", 40)]),
        # a record a paper obtained: the paper tells what it holds
        ("The Lora Post obtained a register of 4,120 names of the dead.",
         [("Lora Post", "reports", 4120)]),
        # a date's comma ends no clause an opening possessive governs
        ("The Velm Institute's estimates place the toll between March 3, 2019 and June 30, "
         "2021 at 4.9 million deaths.", [("Velm Institute", "reports", 4.9e6)]),
        # a group some of whom are the source
        ("The march, according to some organisers, drew some 90,000 people.",
         [("organisers", "reports", 90000)]),
        ("While the organisers said 100,000 came, the mayor of Velm, Ana Obi, assured "
         "reporters that 10,000 had come.",
         [("organisers", "asserts", 100000), ("Ana Obi", "asserts", 10000)]),
        # a small word inside a name
        ("The mayor of Lora de Velm said 3 million people came.",
         [("mayor of Lora de Velm", "asserts", 3e6)]),
        # what a source now confirms, it denies no more
        ("The Velm army has acknowledged that 2,000 troops are in Lora, confirming figures "
         "that it had once denied.", [("Velm army", "confirms", 2000)]),
        # a document read by a paper: no name before it owns it, so the reader tells it
        ("The memo obtained by the Lora Post shows Velm plans to send 75,000 troops.",
         [("Lora Post", "reports", 75000)]),
        # what follows "X said that while ..." is X's, whoever acts in it
        ("The Velm Institute's estimates suggest that while Lora lost roughly 630,000 "
         "people to the flu in its first year, it lost over 2.9 million in its second.",
         [("Velm Institute", "reports", 630000), ("Velm Institute", "reports", 2.9e6)]),
        # "N as X claimed": that figure is X's, and only that one
        ("The Velm court upheld the result, but with 81.2% of ballots, not 93% as the "
         "poll board had claimed.", [("poll board", "claims", 93)]),
        ("The Velm ministry said the toll was 210, not 330 as the Velm army had claimed.",
         [("Velm ministry", "asserts", 210), ("Velm army", "claims", 330)]),
        ("The toll was 40, not 60 people as the Velm army had claimed.",
         [("Velm army", "claims", 60)]),
        # a number in the subject counts who speaks, not what they count
        ("The paper counted 52 graves, and two army sources had confirmed a tally of 60.",
         [("paper", "estimates", 52), ("army sources", "confirms", 60)]),
        # a participle after an opening clause goes with it
        ("As port officials announced that the toll had doubled, rising to over 760, the mayor "
         "said nothing.", [("port officials", "asserts", 760)]),
        # ", where ..." describes; "the top three" ranks
        ("Lena Ortiz counted 20 graves at the site, where the last one was numbered 40.",
         [("Lena Ortiz", "estimates", 20)]),
        ("It was one of the top three floods in the valley, Jo Kim said.", []),
        # a record verb whose subject is a back-reference still yields to the source the
        # sentence turns round to; a possessive after it is no such source
        ("The ministry has recorded 250 cases, the WHO said.", [("WHO", "asserts", 250)]),
        ("Independent monitors counted 300 buses, double the government's estimate of 150.",
         [("Independent monitors", "estimates", 300), ("government", "reports", 150)]),
        # a capitalised verb inside a name; a service that is no news service
        ("According to a tally by the Tern Project, 6,200 migrants have died.",
         [("Tern Project", "reports", 6200)]),
        ("Rescuers recovered 88 bodies, the fire service said.", [("fire service", "asserts", 88)]),
        # "it" right after its sentence's subject is that subject, even a two-word name
        ("The Red Cross said it had registered 2,300 missing persons.",
         [("Red Cross", "reports", 2300)]),
        # ", per X"; "X quoted Y as saying"; a name after "by" ends before "range from"
        ("The strikes killed 40 people, per the health ministry.",
         [("health ministry", "reports", 40)]),
        ("The Courier quoted a senior official as saying that 69 bodies were found.",
         [("Courier", "reports", 69)]),
        ("Estimates by aid groups range from 2,000 to 5,000.", [("aid groups", "reports", 5000)]),
        # activists, observers, critics: claimants of their own, not the first source's
        ("Police said they arrested 35 people, while activists put the number at over 100.",
         [("police", "asserts", 35), ("activists", "asserts", 100)]),
        # crowd counts as copy gives them: a verb left out, a lower-case source in
        # brackets, a plural's possessive, "though", a participle inside the subject
        ("The police counted 18,000 marchers, the organisers 90,000.",
         [("police", "estimates", 18000), ("organisers", "asserts", 90000)]),
        ("Crowd estimates ranged from 20,000 (police) to 100,000 (organisers).",
         [("police", "reports", 20000), ("organisers", "reports", 100000)]),
        ("The rally drew 40,000 people by police count and 200,000 by the organisers' count.",
         [("police", "estimates", 40000), ("organisers", "reports", 200000)]),
        ("Organisers said 300,000 people marched, though police put the figure at 65,000.",
         [("Organisers", "asserts", 300000), ("police", "asserts", 65000)]),
        ("Independent analysts using aerial photographs estimated the crowd at 120,000.",
         [("Independent analysts", "estimates", 120000)]),
        # "Moody's RMS estimates that": a verb after a name; a possessive that opens its
        # clause governs the figure its predicate gives
        ("Kestrel Re estimates that insured losses will total $8 billion.",
         [("Kestrel Re", "estimates", 8e9)]),
        ("Tidewater's first estimate of the storm's full cost to the region is $70 billion.",
         [("Tidewater", "reports", 7e10)]),
        ("Tidewater's estimate covers the state's insurers, 23% of whose policies are coastal.",
         []),
        # a name with "and" inside; "the X School of Y" is no person; "aid agencies"
        ("At least 20,000 people died, according to the Conflict Location and Event Data "
         "project.", [("Conflict Location and Event Data", "reports", 20000)]),
        ("At least 40 died, according to the Red Cross and the UN.", [("Red Cross", "reports", 40)]),
        ("A researcher at the Lisbon School of Medicine estimated that 6,100 people died.",
         [("Lisbon School of Medicine", "estimates", 6100)]),
        ("Aid agencies estimate that 1 million people live in the camps.",
         [("Aid agencies", "estimates", 1e6)]),
        # a figure a relative clause gives to its source, even a baseline; a projection
        # is a possessive's noun; a name with "the" inside
        ("The audit put the cost at $21.6 billion, far more than the $12 billion the mayor "
         "had cited.", [("audit", "asserts", 2.16e10), ("mayor", "reports", 1.2e10)]),
        ("The agency's own projection was $18 billion.", [("agency", "reports", 1.8e10)]),
        ("The organisers, the Stop the Cuts Alliance, claimed 9,000 marchers.",
         [("Stop the Cuts Alliance", "claims", 9000)]),
        # a denial names the figure it denies; a participle after it is its own figure
        ("The ministry rejected the union's figure of 1.2 million, saying 280,000 marched.",
         [("union", "reports", 1.2e6), ("ministry", "asserts", 280000),
          ("ministry", "denies", 1.2e6)]),
        ("The firm dismissed reports that 3,000 jobs would go.", [("firm", "denies", 3000)]),
        ("Officials denied the 900 figure, putting the number of dead at 212.",
         [("Officials", "asserts", 212), ("Officials", "denies", 900)]),
        ("Police dispute the organisers' claim of 100,000, counting 35,000 instead.",
         [("organisers", "reports", 100000), ("police", "estimates", 35000),
          ("police", "denies", 100000)]),
        ("The mayor says no one died, contrary to the opposition's claim of 37 deaths.",
         [("mayor", "asserts", 0), ("opposition", "reports", 37)]),
        # a report's owner: "the panel's report said", "a government press release"
        ("The panel's report said nine people died.", [("panel", "asserts", 9)]),
        ("According to a government press release, 2.8 million pupils were affected.",
         [("government", "reports", 2.8e6)]),
        # "its total estimate" is the estimate of the organisation named last
        ("The Tern Society counted 210 nests. It gave its total estimate of 900 pairs later.",
         [("Tern Society", "estimates", 210), ("Tern Society", "reports", 900)]),
        # a name and the kind of body it is, a kind the lexicon does not know
        ("The Lora municipality said 40 homes were damaged.",
         [("Lora municipality", "asserts", 40)]),
        ("The LWF confederation reckoned that some 450,000 people joined the march.",
         [("LWF confederation", "estimates", 450000)]),
        ("On Friday Norland's LWF labour confederation reckoned that 90,000 people marched.",
         [("LWF labour confederation", "estimates", 90000)]),
        ("The Varnok clinic said 14 people died.", [("Varnok clinic", "asserts", 14)]),
        # the name after "said" is the subject of what was said, not who said it
        ("Ivo Marn, head of the Lora election board, said Obi kept her seat with 53 "
         "percent of the ballots.", [("Ivo Marn", "asserts", 53)]),
        # a participle after a verb that is no verb of saying: the sentence's opening name
        ("Lora Governor Ana Obi, a former rail minister, queried the tally, stating that 58 "
         "residents had died and 140 others were missing.",
         [("Ana Obi", "asserts", 58), ("Ana Obi", "asserts", 140)]),
        # "it" after a sentence that opens with a report: the report's owner
        ("Berg won the vote, tally sheets show. A Lora Times review, published Sunday, "
         "analysed 19,500 tally sheets. It found Obi received roughly 34 percent of the ballots.",
         [("Lora Times", "reports", 19500), ("Lora Times", "asserts", 34)]),
        # what a rally drew, in a clause that describes it, is its count
        ("Protesters held rallies that attracted more than 3 million people, organisers said.",
         [("organisers", "asserts", 3e6)]),
        # "the union" after a body of one word or an acronym described as a union
        ("The LWF, the country's largest union, called the strike. The union estimated that "
         "90,000 people marched.", [("LWF", "estimates", 90000)]),
        ("Tarvo, a rights group, counted 40 arrests. The group said 12 were minors.",
         [("Tarvo", "estimates", 40), ("Tarvo", "asserts", 12)]),
        # unnamed sources, however many, name nobody
        ("According to various sources, some 65 people were pulled out alive.", []),
        ("According to state media, some 65 people were pulled out alive.",
         [("state media", "reports", 65)]),
        # one person who speaks is no count
        ("One survivor recalled how the wall gave way, the Harbor Wire reported.", []),
        # a passive's agent ends at its verb; a news agency's reporters, wherever they are
        ("The tally sheets analysed by the Lora Times accounted for 74 percent of the tables.",
         [("Lora Times", "reports", 74)]),
        ("On Saturday, Harbor Wire reporters on the ground counted a crowd nearer 28,000.",
         [("Harbor Wire", "estimates", 28000)]),
        ("Aid workers on the ground said 300 families had fled.",
         [("Aid workers on the ground", "asserts", 300)]),
        # an election is no source; what its tallies show is the speaker's
        ("Ana Obi said on Monday that tallies from Sunday's election showed Berg had won 73 "
         "percent of the vote.", [("Ana Obi", "asserts", 73)]),
        ("Ana Obi said that the party\u2019s tallies from Sunday\u2019s vote showed Berg had won 73 "
         "percent.", [("Ana Obi", "asserts", 73)]),
        # verbs of declaring
        ("Minister Ana Obi pronounced the walkout a flop, citing a turnout of 35,000 people.",
         [("Ana Obi", "asserts", 35000)]),
        ("Two days ago, Berg boasted that his party had won 55 seats.",
         [("Berg", "asserts", 55)]),
        ("Ivo Marn reminded legislators that 44% did not vote for the president.",
         [("Ivo Marn", "asserts", 44)]),
        # an aside between dashes, as plain-text copy writes them
        ("But polling firm Datavox -- not known for its closeness to the mayor -- said 210,000 "
         "people marched.", [("Datavox", "asserts", 210000)]),
        # an unnamed speaker for a body, after the verb or "according to", is the body;
        # one for no body named stays no one's
        ("Up to 2,000 homes were destroyed, said a spokesman for the Lora Red Crescent.",
         [("Lora Red Crescent", "asserts", 2000)]),
        ("Some 90 villages were cut off, according to an official at the Velm ministry.",
         [("Velm ministry", "reports", 90)]),
        ("About 60 families left, according to a person who saw the convoy.", []),
        # a "who" clause between the speaker and the verb is no part of who speaks
        ("About 300 people were hurt, a Norland Red Cross official who asked not to be named "
         "said.", [("Norland Red Cross", "asserts", 300)]),
        ("Two residents who fled the valley said 40 houses burned.",
         [("residents", "asserts", 40)]),
        # a figure after another's "according to" goes to its own, however named
        ("The march drew 40,000 people according to the union, 9,000 according to the "
         "police.", [("union", "reports", 40000), ("police", "reports", 9000)]),
        # a space lost after a count, as scraped copy has it
        ("A total of 7,000 people marched according to the ministry, nearly "
         "30,000according to the union.",
         [("ministry", "reports", 7000), ("union", "reports", 30000)]),
        # how many members a body has describes its member, no claim
        ("\"We will not stop,\" said Ana Obi, one of the union's 12 board members.", []),
        # a superlative's participle has no subject
        ("About 80,000 people joined the march, the biggest seen in Velm.", []),
        ("In Lora, the union has identified 6,500 marchers.", [("union", "reports", 6500)]),
        ("Velm city hall said 90,000 walkers took part.",
         [("Velm city hall", "asserts", 90000)]),
        # a verb left out after "but", and only how the figure compares, in brackets
        ("The police counted 18,000 marchers, but the organisers 90,000.",
         [("police", "estimates", 18000), ("organisers", "asserts", 90000)]),
        ("Last time the union counted fewer marchers (25,000) but the ministry more (11,800).",
         [("union", "estimates", 25000), ("ministry", "asserts", 11800)]),
        # "although, according to X" opens another source's clause; information from X
        # is X's
        ("The council counted 90,000 walkers although, according to information from Velm "
         "police, no more than 30,000 came.",
         [("council", "estimates", 90000), ("Velm police", "reports", 30000)]),
        # two sources named together, each with its figure "respectively": a range's
        # ends too; a source in brackets after the figure's scale or noun
        ("Police and organisers put the crowd at 300,000 and 800,000 respectively.",
         [("Police", "asserts", 300000), ("organisers", "asserts", 800000)]),
        ("Turnout was between 1 and 2 million (the ministry and the union respectively).",
         [("ministry", "reports", 1e6), ("union", "reports", 2e6)]),
        ("Estimates ranged from 3,000 (UN) to 80,000 (the Red Cross).",
         [("UN", "reports", 3000), ("Red Cross", "reports", 80000)]),
        ("The march drew 40,000 people (police) or 90,000 people (organisers).",
         [("police", "reports", 40000), ("organisers", "reports", 90000)]),
        # the organisers of an event are its organisers; a person of a place is the person
        ("Organisers of the Velm Family March estimated the crowd at 800,000.",
         [("Organisers", "estimates", 800000)]),
        ("Deputy Governor Ana Obi of Norland's Lora province said 125 people died.",
         [("Ana Obi", "asserts", 125)]),
        # ... but a noun in "-est" is no superlative, and a body's count of what it
        # has is a count
        ("The priest said 30 people were killed.", [("priest", "asserts", 30)]),
        ("One of its 12 shelters was hit, officials said.", [("officials", "asserts", 12)]),
        # places in brackets after counts are where, not who
        ("Floods killed 120 people (Lora) and 40 people (Velm).", []),
        # where the figures come from is no count: "data from 12 hospitals"
        ("The ministry reviewed data from 12 hospitals and said 131 people died.",
         [("ministry", "asserts", 131)]),
        # "from one ... to another" counts nothing
        ("Fans ran from one stand to another as 40 people were hurt, police said.",
         [("police", "asserts", 40)]),
        # where it was said, between the speaker and the verb
        ("Velm relief chief Ivo Lanz in a news conference on Monday said the toll rose to "
         "3,600, and denied the 4,400 cited by the UN.",
         [("Ivo Lanz", "asserts", 3600), ("UN", "reports", 4400), ("Ivo Lanz", "denies", 4400)]),
        # "New" in a place's name stays
        ("The New York Times reported that 40 people died.",
         [("New York Times", "reports", 40)]),
        # an unnamed official of a named place's body is the body; named after a comma,
        # the person
        ("A Lora health department official said 40 people died.",
         [("Lora health department", "asserts", 40)]),
        ("More than 200 dead were brought to hospitals, according to a Lora health "
         "department official, Dr Anvar.", [("Anvar", "reports", 200)]),
        # people in general are no source
        ("People feared that up to 90 had drowned.", []),
        # a label before a colon is no subject
        ("NEW: 83 more bodies are found, bringing the toll to 194.", []),
        # a name before a toll without "'s" owns it
        ("The V.R.A. death toll of 3,120 was far higher.", [("V.R.A.", "reports", 3120)]),
        # those who came to work are a count, not speakers; management is a body
        ("Only 600 drivers reported for work on Monday, management said.",
         [("management", "asserts", 600)]),
    ],
)  # fmt: skip
def test_attribution_patterns(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A witness said 30 tanks rolled past the checkpoint.",  # unnamed
        "The 45-year-old commander said the unit was formed in 1998.",  # age and year
        "One of the officers said the talks would resume on 3 November.",
        "Protesters gathered in the square on Tuesday, waving flags.",  # no attribution
        "Officials said the talks had been constructive.",  # no figure, no denial
        "The queue was long, said Tomas Berg, 61, who runs a bakery.",  # an age
        "The mayor said that if more than 5,000 walkers came, the bridge would close.",
        # a capitalised word after a name is no verb: "States" of "United States"
        "About 120 groups joined the march, held in 16 cities including the United States.",
        "She would not say whether her agency's data showed 40,000 fewer patients.",
        # a description, no count: "a million-dollar home"
        "A million-dollar home was sold at auction, the agent said.",
        # a question claims nothing, quoted or not
        "“Have we really given out 100 crore doses?” said Ravi Kumar.",
        "Did 4,000 people really march, as the organisers say?",
        # a distance
        "Army chief Ana Obi said the column stood some 25 miles (40 km) outside the port.",
    ],
)
def test_not_claims(text):
    assert found(text) == []


# The shapes of real copy, in sentences written for these tests.
REAL_SHAPES = [
    ("The toll rose to 40,000 by Harbin's count.", [("Harbin", "reports", 40000)]),
    # each figure with its source right after it, "by X", in a range of estimates
    (
        "Estimates ranged from about one million by city hall to 100,000 by state media.",
        [("city hall", "reports", 1e6), ("state media", "reports", 100000)],
    ),
    # a name's analysis: the name, not the name and the analysis's kind
    (
        "City Hall's CCTV analysis showed 90,000 people at its peak.",
        [("City Hall", "reports", 90000)],
    ),  # fmt: skip
    # an owner named before "figures from X" is the source: its figures, from X
    (
        "According to Tarn Aid figures from the UN agency, 40 people died.",
        [("Tarn Aid", "estimates", 40)],
    ),  # fmt: skip
    (
        "According to hospital figures from Monday, 40 people died.",
        [("hospital", "estimates", 40)],
    ),  # fmt: skip
    # an abbreviation glued to a name ends no sentence
    ("Police chief Gen.Marn said 40 people died.", [("Marn", "asserts", 40)]),
    # a person described by a role in a body, a clause about the body after it
    (
        "Ivo Lanz, the chief of the group Varn, which owns the brands Delo and Mira Jones, "
        "said the group would give €20 million.",
        [("Ivo Lanz", "asserts", 20e6)],
    ),
    # a pledge is its giver's figure, unless a speaker closes the clause
    (
        "The oil firm Tarco donated €50 million, while the bank Lumea pledged €20 million.",
        [("Tarco", "asserts", 50e6), ("Lumea", "asserts", 20e6)],
    ),
    ("Donors have pledged $1.2 billion, officials said.", [("officials", "asserts", 1.2e9)]),
    # an aside between dashes between a source and its verb
    (
        "The broadcaster TVR – according to media analysts – maintained that one hundred "
        "thousand people took part.",
        [("TVR", "asserts", 100000)],
    ),
    # a news portal is a source like a newspaper
    (
        "The independent Delta news portal estimates that 60,000 people took part.",
        [("independent Delta news portal", "estimates", 60000)],
    ),  # fmt: skip
    # a clause set off by commas breaks its sentence's own, which resumes after it
    (
        "Harbour police counts during the day, when organisers said 60,000 people had come, "
        "rose to 21,000 marchers.",
        [("organisers", "asserts", 60000), ("Harbour police", "estimates", 21000)],
    ),
    # a figure the source sets aside for its own is one it denies
    (
        "The board said the toll was 212 and not 340 as first reported.",
        [("board", "reports", 212), ("board", "denies", 340)],
    ),
    (
        "The board said not 340 but 212 miners died.",
        [("board", "denies", 340), ("board", "asserts", 212)],
    ),  # fmt: skip
    # records a source obtained or saw are its findings
    (
        "Records seen by the Delta Courier show 412 people were detained.",
        [("Delta Courier", "reports", 412)],
    ),  # fmt: skip
    (
        "Ledgers obtained by the Elm Gazette list payments as high as $4 million.",
        [("Elm Gazette", "reports", 4e6)],
    ),  # fmt: skip
    # words in brackets between a source and its verb, or inside its description
    (
        "Organisers of the vigil (a nod to last year's walk) estimated attendance at 7,000.",
        [("Organisers of the vigil", "estimates", 7000)],
    ),
    (
        "Brine Mutual, the cover provider (P&I) for the ferry line, said the port wanted "
        "$120 million.",
        [("Brine Mutual", "asserts", 120e6)],
    ),
    # a reporter of a named outlet speaks for it; an unnamed one for no one
    (
        "A Delta Courier reporter counted 85 tents at the camp.",
        [("Delta Courier", "estimates", 85)],
    ),
    ("A local reporter counted 85 tents at the camp.", []),
    # when the source spoke, after its name, is not part of it
    (
        "The grant confirmed by the trustees last winter was £3.1 million, the charity said.",
        [("trustees", "confirms", 3.1e6)],
    ),
    # how many spoke is no claim of theirs: "two officials said"
    (
        "Police told reporters the crowd was 9,000 strong, while one junior minister said it "
        "was smaller.",
        [("police", "asserts", 9000)],
    ),
    # a count from a maker, with words between: "commissioned by", "a rival tally from"
    (
        "About 6,500 fans came, according to a crowd count commissioned by the Elm Gazette.",
        [("Elm Gazette", "reports", 6500)],
    ),
    (
        "A rival tally from the independent Delta Monitor (DM), at least 812 homes were lost.",
        [("Delta Monitor", "reports", 812)],
    ),
    (
        "A survey conducted by Polwise found 38% of drivers backed the toll.",
        [("Polwise", "asserts", 38)],
    ),  # fmt: skip
    # "the latest figures", named by no one: whoever published figures before, else none
    ("According to the latest figures, 70 farms were flooded.", []),
    # two sentences glued by a full stop with no space, as scraped copy has them
    (
        "The turnout was counted by the Elm Gazette.The paper said 6,500 fans came.",
        [("Elm Gazette", "asserts", 6500)],
    ),
    # several sources, each with its figure, in one sentence
    (
        "Organisers said 60,000 people joined the march, while police put the crowd at 18,000.",
        [("Organisers", "asserts", 60000), ("police", "asserts", 18000)],
    ),
    (
        "The ministry counts 312 dead; the opposition says at least 900.",
        [("ministry", "estimates", 312), ("opposition", "asserts", 900)],
    ),
    (
        "According to the union, 41% of drivers stayed home, against 12% by the company's count.",
        [("union", "reports", 41), ("company", "reports", 12)],
    ),
    # one source, several figures, each with its own counted noun; parts marked
    (
        "The agency said 2,100 people had died, including 640 children, and 9,800 were injured.",
        [("agency", "asserts", 2100), ("agency", "asserts", 640), ("agency", "asserts", 9800)],
    ),
    (
        "The coastguard reported 212 boats, 41 helicopters and three aircraft in the search.",
        [
            ("coastguard", "reports", 212),
            ("coastguard", "reports", 41),
            ("coastguard", "reports", 3),
        ],
    ),
    # attribution that is no verb of saying
    ("The regional council put the toll at 57.", [("regional council", "asserts", 57)]),
    ("The Red Crescent's count stood at 1,240 on Monday.", [("Red Crescent", "reports", 1240)]),
    ("Figures from the health board show 88 wards closed.", [("health board", "reports", 88)]),
    (
        "The port authority acknowledged only 14 containers were lost.",
        [("port authority", "confirms", 14)],
    ),
    ("The observatory recorded 3,400 tremors in a week.", [("observatory", "reports", 3400)]),
    (
        "The total was put higher by an estimate made this week by the Lakeside Institute, "
        "which counted 4,700 homes.",
        [("Lakeside Institute", "estimates", 4700)],
    ),
    (
        "The city's transport office released a list of 320 names.",
        [("transport office", "reports", 320)],
    ),
    # a place named by a common noun owns the body, and is no part of its name; a
    # person's role keeps it
    (
        "The nation’s electoral commission said turnout was 58%, while the opposition "
        "put it at 31%.",
        [("electoral commission", "asserts", 58), ("opposition", "asserts", 31)],
    ),
    ("The state's mayor-elect said 40 roads were shut.", [("state's mayor-elect", "asserts", 40)]),
    # a subject with where it stands after it; "on" a day says when, not where
    (
        "Two clinics reported 15 patients, but volunteers on the island say 60 are sick.",
        [("clinics", "reports", 15), ("volunteers on the island", "asserts", 60)],
    ),
    ("Guards on the same day said 30 inmates escaped.", [("Guards", "asserts", 30)]),
    # what a source believes or worries about is its estimate
    (
        "The mayor confirmed 9 deaths, but nurses worry the toll could pass 40.",
        [("mayor", "confirms", 9), ("nurses", "estimates", 40)],
    ),
    ("Fishermen believe about 70 boats sank.", [("Fishermen", "estimates", 70)]),
    # a count raised or cut by its source, whatever stands between the verb and the figure
    (
        "The Tarn Relief Agency on Friday increased its count of homes lost in the storm "
        "to more than 2,300.",
        [("Tarn Relief Agency", "reports", 2300)],
    ),
    (
        "The port authority reduced its count of the missing to 41.",
        [("port authority", "reports", 41)],
    ),
    # an event that raised a count said nothing
    ("The flooding increased the number of homeless people to 3,000.", []),
    # a name before the estimate it gave, with no "'s"
    (
        "The ministry's count is about twice a Red Cross estimate of 300.",
        [("Red Cross", "estimates", 300)],
    ),
    ("The toll is double the first W.H.O. estimates of 150.", [("W.H.O.", "estimates", 150)]),
    (
        "Oxfam said 40 people died, above the Tuesday tally of 12.",
        [("Oxfam", "asserts", 40), ("Oxfam", "asserts", 12)],
    ),
    # where a body is based is no part of its name, in one word or in several
    (
        "According to London-based Harbour Watch, no fewer than 50 people were shot.",
        [("Harbour Watch", "reports", 50)],
    ),
    # a count's new figure after a clause that describes what it counts
    (
        "The coast guard has raised the toll from the storm that struck two islands to 61.",
        [("coast guard", "reports", 61)],
    ),
    ("Protests which spread to 35 towns went on, the police said.", []),
    # an unnamed person for a nation's body written in lower case
    (
        "A Norlandian border guard spokeswoman said about 800 migrants were at the crossing.",
        [("Norlandian border guard", "asserts", 800)],
    ),
    # what the evidence or the situation suggested is the speaker's reading of it
    (
        "The mayor insisted the situation suggested as many as 5,000 homes were lost.",
        [("mayor", "asserts", 5000)],
    ),
    ("The mayor said the evidence suggested 300 homes were lost.", [("mayor", "asserts", 300)]),
    # "for the" inside a body's name
    (
        "The Lowland Office for the Coordination of Relief Affairs said 400 people died.",
        [("Lowland Office for the Coordination of Relief Affairs", "asserts", 400)],
    ),
    # whom a report quotes or cites as saying a figure gives it; an unnamed one does not
    ("The report quoted the mayor as saying 300 people died.", [("mayor", "asserts", 300)]),
    ("The bulletin cited the W.H.O. as saying 9,000 were sick.", [("W.H.O.", "asserts", 9000)]),
    (
        "The wire service quoted an official as saying 300 people died.",
        [("wire service", "reports", 300)],
    ),
    # someone seen doing something is no count
    ("A video on the site showed one rioter scaling a fence.", []),
    ("Medics said one child being treated had died.", [("Medics", "asserts", 1)]),
    # a figure its speaker calls a lie, false or not true is denied
    (
        "“The forty dead they announced are a lie,” said Ana Obi, a nurse.",
        [("Ana Obi", "denies", 40)],
    ),
    ('"Ninety is false," the union said.', [("union", "denies", 90)]),
    ("Ana Obi said the figure of 40 dead was a gross exaggeration.", [("Ana Obi", "denies", 40)]),
    ("“Forty people died,” said Ana Obi.", [("Ana Obi", "asserts", 40)]),
    # "X had a count of N" is X's count; "and the campaign stated" opens a subject of its own
    (
        "The local paper wrote that the harbour master had a tally of 4,800 and the union "
        "stated 9,500 for the march.",
        [("harbour master", "reports", 4800), ("union", "asserts", 9500)],
    ),
    (
        "The governor said village chiefs had inflated the toll and the real one was nearer 700.",
        [("governor", "asserts", 700)],
    ),
    # a body's unnamed officer speaks for the body; a name before a common noun after "the"
    (
        "The Lora Fire Department's fire marshal said 6,200 people attended.",
        [("Lora Fire Department", "asserts", 6200)],
    ),
    (
        "The Health Ministry's chief statistician said 300 people died.",
        [("Health Ministry", "asserts", 300)],
    ),
    ("Peru's president said 300 people died.", [("Peru's president", "asserts", 300)]),
    ("The Obi campaign said 9,500 people attended.", [("Obi campaign", "asserts", 9500)]),
    (
        "The paper wrote that the marshal had a tally of 4,800 and the Obi campaign stated 9,500.",
        [("marshal", "reports", 4800), ("Obi campaign", "asserts", 9500)],
    ),
    # "another industry body Tradecham": the name its description goes with
    (
        "Another trade body Tradecham put the losses at $40 million.",
        [("Tradecham", "asserts", 40e6)],
    ),
    ("Another rights group Terra Viva said 40 people died.", [("Terra Viva", "asserts", 40)]),
    # ... a name with links inside it
    (
        "Trade body Guild of Merin Weavers put the losses at $40 million.",
        [("Guild of Merin Weavers", "asserts", 40e6)],
    ),
    # "a figure police put at": the figure is what the source after it gave
    (
        "Organisers said 200,000 people joined the march, a figure police put at 35,000.",
        [("Organisers", "asserts", 200000), ("police", "asserts", 35000)],
    ),
    # a speaker closing the sentence, and whom it was told, speaks for all of it
    (
        "Divers pulled 34 bodies from the river, while 56 people remain missing, the governor "
        "told reporters.",
        [("governor", "asserts", 34), ("governor", "asserts", 56)],
    ),
    # "said one of the rescuers, Ana Obi": the person named, else the group
    ("“Forty people died,” said one of the rescuers, Ana Obi.", [("Ana Obi", "asserts", 40)]),
    ("“Forty people died,” said one of the rescuers.", [("rescuers", "asserts", 40)]),
    # grief is no denial, nor a figure that is not what is called too high
    ("“Forty people died and that is too many,” said the mayor.", [("mayor", "asserts", 40)]),
    (
        "The ministry issued a statement that the rebel figure of 400 dead was false.",
        [("ministry", "denies", 400)],
    ),
    ("The minister said the figure of 40 dead was too much.", [("minister", "denies", 40)]),
    # a body's name with a figure noun in it
    ("The Electoral Count Board said 40% voted.", [("Electoral Count Board", "asserts", 40)]),
    # no estimate by a place, an event or a day
    ("The Christmas count of 40 birds was low, volunteers said.", [("volunteers", "asserts", 40)]),
    ("The figure is above the Covid count of 300.", []),
    # one person killed is a count; one shown doing something is not
    ("The attack killed one soldier during the night, the army said.", [("army", "asserts", 1)]),
    ("The blast killed one child playing in the street, police said.", [("police", "asserts", 1)]),
    # whose figure is called wrong is not who calls it so
    ("The tally the Harbour Trust issued on Friday was inaccurate.", []),
    # a toll changed to its new figure however far back the toll was named
    (
        "The agency lifted its toll for the riots that followed a raid on two "
        "camps outside the northern port city of Lora to 92.",
        [("agency", "reports", 92)],
    ),
    # what a witness saw is the least there were
    ("Residents said they had seen 40 dead in the square.", [("Residents", "asserts", 40)]),
    # the figure compared with is the source's that a participle and "by" name
    (
        "Medics said they treated 210 people, well above the 80 announced by the governor.",
        [("Medics", "asserts", 210), ("governor", "asserts", 80)],
    ),
    (
        "The wire service reported a claim by the Northern Command that 600 fighters surrendered.",
        [("Northern Command", "reports", 600)],
    ),
    # a nested source: the inner one is the claimant
    (
        "The mayor said city engineers had calculated that 1,900 buildings were unsafe.",
        [("city engineers", "estimates", 1900)],
    ),
    # figures that are not the source's claim
    (
        "The union said 5,000 staff struck, contrary to reports that 20,000 had walked out.",
        [("union", "asserts", 5000)],
    ),
    (
        "The board said 300 homes were lost in the storms which hit 12 provinces.",
        [("board", "asserts", 300)],
    ),
    ("Ana Ruiz said it was 4,000 people, 5,000 or maybe 6,000.", [("Ana Ruiz", "asserts", 4000)]),
    # verbs after an appositive, after "did", and verbs of documents
    (
        "The Harbor Guild, a trade body, estimates that losses topped 3 billion rand.",
        [("Harbor Guild", "estimates", 3e9)],
    ),
    ("Mira Olsen did confirm that 41 inquiries were under way.", [("Mira Olsen", "confirms", 41)]),
    (
        "Reports from the Vale rebels suggest 600 soldiers died.",
        [("Vale rebels", "estimates", 600)],
    ),
    # a relative clause with no comma ends where the main clause's verb takes up again
    (
        "Inspector Jo Hale said the count of marchers who passed the port had reached about 9,000.",
        [("Jo Hale", "asserts", 9000)],
    ),
    # the figure a reported clause is about, with its own source after it
    (
        "That was fewer than the 8,000 troops Defence Minister Ola Berg said were ready.",
        [("Ola Berg", "asserts", 8000)],
    ),
    # the source that ends a sentence, with when and where it spoke, governs every clause
    (
        "Over 900 people fled the coast, while 12 were missing, Peru's interior ministry said "
        "in a briefing late on Sunday.",
        [("Peru's interior ministry", "asserts", 900), ("Peru's interior ministry", "asserts", 12)],
    ),
    # "both" between the speakers and their verb
    (
        "Lena Voss, head of the relief mission, and Omar Said, its deputy, both spoke of "
        "nearly 700 deaths.",
        [("Omar Said", "asserts", 700)],
    ),
    # "according to" a body's estimate, however it is described
    (
        "About 9,000 people marched, according to the unofficial police tally.",
        [("police", "reports", 9000)],
    ),
    (
        "About 9,000 people marched, according to a rough estimate by the organisers.",
        [("organisers", "reports", 9000)],
    ),
    (
        "The toll stands at 45, according to the latest figures released by the coast guard.",
        [("coast guard", "reports", 45)],
    ),
    # a general staff speaks; a budget written as a noun is nobody's
    (
        "Norway's general staff claimed 300 vehicles were destroyed.",
        [("Norway's general staff", "claims", 300)],
    ),
    ("The line will cost £4bn, double the original budget of £2bn.", []),
    # a passive's agent ends before the verb that follows it
    (
        "He said the 800 deaths reported by the rebel command appeared to include fighters.",
        [("rebel command", "reports", 800)],
    ),
    # ", as ..." is a clause of its own: the source that ends the sentence governs the one
    # before it
    (
        "The toll rose to 210, as rescuers reached the lower floors, the authorities said.",
        [("authorities", "asserts", 210)],
    ),
    # the object of a participle before the verb is not its subject
    (
        "The pit caved in, killing 120 miners, a spokesman at the navy command centre "
        "leading the rescue said.",
        [("navy command centre", "asserts", 120)],
    ),
    # a page's tags in brackets are no source; an outlet's dateline is no claimant
    ("Mine fire: 35 dead, 80 unaccounted for (Video) (Updated)", []),
    (
        "Lora, Jun 3 (Norpress.com): The toll reached 72 by evening, police said.",
        [("police", "asserts", 72)],
    ),
    # what is counted never speaks, nor does an event; survivors do
    ("More bodies found in the mud on Monday, adding up to 93 deaths.", []),
    ("Norland Pit Blast Counts 41 Dead", []),
    (
        "Hundreds of miners remain underground, survivors told local radio.",
        [("survivors", "asserts", 999)],
    ),
    # the subject of the verb before "and"
    (
        "Mira Olsen briefed reporters and, pressed for details, said 40 fighters were killed.",
        [("Mira Olsen", "asserts", 40)],
    ),
    # a noun that may be a verb is a noun before a name: "rights figure Ana Obi"
    (
        "The exiled Civic Front, led by rights figure Ana Obi, approximates the dead at more "
        "than 3,000.",
        [("Civic Front", "estimates", 3000)],
    ),
    # an amount converted in brackets is the same amount
    (
        "The Harbor Guild estimates losses at 4 billion rand (US$220 million).",
        [("Harbor Guild", "estimates", 4e9)],
    ),
    # an event that "claimed lives" killed; a place's toll is no source
    ("The landslide in Peru's Ancash has claimed around 60 lives.", []),
    ("Chile's death toll from the storm rose to 140 even as rain eased.", []),
    # a list of counts by place writes the counted noun once
    (
        "The agency said six hikers died in Ostmark, three in Velden and one in Brisa.",
        [("agency", "asserts", 6), ("agency", "asserts", 3), ("agency", "asserts", 1)],
    ),
    # "valued X at N" gives a figure as "put X at N" does
    (
        "The port board valued the storm damage at 1.8 billion euros.",
        [("port board", "estimates", 1.8e9)],
    ),
    # a body written in lower case that a spokesperson speaks for
    (
        "The coastguard pulled 31 swimmers from the water, a spokeswoman said.",
        [("coastguard", "asserts", 31)],
    ),
    # a second reporting verb of the same subject gives its own stance
    (
        "The harbour board rejected the claim and said 70 berths were lost.",
        [("harbour board", "asserts", 70), ("harbour board", "denies", None)],
    ),
    # a name after "by" ends before the next verb
    (
        "A roll published by the insurer listed 212 damaged hulls.",
        [("insurer", "reports", 212)],
    ),
    # a verb's base form after a plural subject, a name after it or not
    (
        "Economists at Orla Bank estimate the rate is closer to 8%.",
        [("Economists at Orla Bank", "estimates", 8)],
    ),
    ("Analysts estimate losses of $3bn.", [("Analysts", "estimates", 3e9)]),
    # "... but said": the same body, which the clause opens with
    (
        "Police declined to estimate the crowd but said 900 officers were on duty.",
        [("police", "asserts", 900)],
    ),
    # "it" in a relative clause: the body the sentence opens with
    (
        "The union held a ballot that it said drew 8,000 members.",
        [("union", "asserts", 8000)],
    ),
    # a relative clause between the subject and its verb
    (
        "At least 40 people died, the charity that runs the clinics in the valley said.",
        [("charity", "asserts", 40)],
    ),
    # "asserted", "maintained", "stressed": verbs of saying
    (
        "The ministry has asserted that the army killed 1,400 people.",
        [("ministry", "asserts", 1400)],
    ),
    ("The council maintained a lower figure of 2,100 deaths.", [("council", "asserts", 2100)]),
    # a denial of another's estimate "that N ...": both
    (
        "Medics dispute the Velden Relief Agency's estimate that almost 1,800 villagers drowned.",
        [("Velden Relief Agency", "reports", 1800), ("Medics", "denies", 1800)],
    ),
    # the speakers counted, then named: no figure of theirs
    (
        "Norland's two main unions, KLT and SDA, said 75 per cent of staff walked out.",
        [("KLT and SDA", "asserts", 75)],
    ),
    # a baseline that names who gave it is their claim: "the nine acknowledged by X"
    (
        "Sources said at least 65 soldiers were killed, more than the nine acknowledged by "
        "the army.",
        [("Sources", "asserts", 65), ("army", "confirms", 9)],
    ),
    # a clause that opens with "who" names no "who": the source before it governs
    (
        "According to local officials – who said the deaths followed a stampede – 23 people died.",
        [("local officials", "reports", 23)],
    ),
    # a day and then a count: "on May 2, 20,000 people"
    (
        "The prosecutor said that on May 2, 20,000 people joined the riots.",
        [("prosecutor", "asserts", 20000)],
    ),
    # a participle's "by X" gives another noun; the speaker after the comma gives the figure
    (
        "As many as 900 posts will go after the savings announced by Ostmark Motors, unions said.",
        [("unions", "asserts", 900)],
    ),
    # "a spokesperson for X": X, its name written with or without "the"
    (
        "A spokesperson for Northline Rail told the BBC that 340 trains had been cancelled.",
        [("Northline Rail", "asserts", 340)],
    ),
    # an adverb between the subject and its verb; "the public figure of N" is talked about
    (
        "Officials privately put the number of missing at around 200, far above the public "
        "figure of 45.",
        [("Officials", "asserts", 200)],
    ),
    # "according to organisers' estimates": the organisers
    (
        "The rally drew about 40,000 people, according to organisers' estimates.",
        [("organisers", "reports", 40000)],
    ),
    # "it said" after a body the sentence opens with, its name in lower case
    (
        "The port authority handled 2.4 million containers last year, it said.",
        [("port authority", "asserts", 2.4e6)],
    ),
    # "a fire service spokesman": a body written in lower case
    (
        "Nurses said 17 people were admitted, while a fire service spokesman said 23 had been "
        "treated.",
        [("Nurses", "asserts", 17), ("fire service", "asserts", 23)],
    ),
    # "estimated" between an article and its noun is a modifier, no verb
    (
        "Oda announced the smaller estimated toll once 3,200 marines landed.",
        [("Oda", "asserts", 3200)],
    ),
    # "his" names the unnamed person the sentence describes, not one named before
    (
        "Maria Lopez spoke on Monday. The regional police chief defended his estimate of 900 "
        "deaths.",
        [("regional police chief", "reports", 900)],
    ),
    # a figure is not a second subject: "6.4 million people officials said"
    (
        "Only 2.9 million had voted, against 6.4 million people officials said had voted.",
        [("officials", "asserts", 6.4e6)],
    ),
    # "Some residents": the residents
    ("Some residents said 40 homes burned.", [("residents", "asserts", 40)]),
    # a title before a name with small words in it
    (
        "Interior Minister Omar bin Khalid Al-Saeed said 300 pilgrims died.",
        [("Omar bin Khalid Al-Saeed", "asserts", 300)],
    ),
    # "dismissed X's claims that ..., reiterating that N": the subject denies, then says
    (
        "The airline has rejected union claims that it plans to shed up to 3,000 posts, "
        "insisting that 1,400 posts would go.",
        [("airline", "asserts", 1400), ("airline", "denies", 3000)],
    ),
    # "..., and says": the body the sentence opens with, which said nothing before
    (
        "The Exchequer takes issue with Marn's estimates, and says it has paid out $4 billion.",
        [("Exchequer", "asserts", 4e9)],
    ),
    # "shared ... that" says it
    ("The board shared in a filing that repairs had cost $2.7m.", [("board", "asserts", 2.7e6)]),
    # a name with "of the" owns its estimate
    (
        "The Commissioner of the Port's estimate of 300 berths stands.",
        [("Commissioner of the Port", "reports", 300)],
    ),
    # small words inside a person's name
    (
        "But the head of the board, Ana del Monte, put the toll at 980.",
        [("Ana del Monte", "asserts", 980)],
    ),
    # a relative clause ends where the main verb comes
    (
        "But NDA spokesman Ravi Menon insisted the toll from the storm that hit the coast "
        "remained at 1,240.",
        [("Ravi Menon", "asserts", 1240)],
    ),
    # a name after "by" ends before "for" and a lower-case word
    (
        "The toll given by the ministry for the attack, 1,400, is too high.",
        [("ministry", "reports", 1400)],
    ),
    # a sentence's subject: a capital first word and a plural noun
    (
        "Village elders put the number of missing at nearly 90.",
        [("Village elders", "asserts", 90)],
    ),
    # small words inside a name
    (
        "Engineers Without Frontiers said 14 bridges had collapsed.",
        [("Engineers Without Frontiers", "asserts", 14)],
    ),
    (
        "The Committee to Save Orchards counted 420 felled trees.",
        [("Committee to Save Orchards", "estimates", 420)],
    ),
    # a document's owner speaks, not when it came out nor who read it
    (
        "A Metro Link board report released in March estimated the line would cost £12bn.",
        [("Metro Link board", "estimates", 12e9)],
    ),
    (
        "A leaked Treasury memo seen by the paper put the cost at £15bn.",
        [("Treasury", "asserts", 15e9)],
    ),
    (
        "A Harbor Trust audit published in June 2024 anticipated overruns of $2bn.",
        [("Harbor Trust", "estimates", 2e9)],
    ),
    # an outlet's reporters count for the outlet; a capital that only opens the
    # sentence names none
    (
        "On Friday, Lumen Post reporters counted 41 bodies at the morgue.",
        [("Lumen Post", "estimates", 41)],
    ),
    ("Local reporters counted 41 bodies at the morgue.", [("Local reporters", "estimates", 41)]),
    # a day after the verb is when, a stray comma after the subject no break, and
    # "however" or an adverb between subject and verb no part of the name
    (
        "The league, said Friday that it had counted 212 dead.",
        [("league", "estimates", 212)],
    ),
    (
        "A Varnian navy source has however told the Courier that more than 90 sailors died.",
        [("Varnian navy", "asserts", 90)],
    ),
    (
        "The water board recently published a list of 708 flooded homes.",
        [("water board", "reports", 708)],
    ),
    (
        "The Tern Institute on Monday for the first time released a count of 66 deaths.",
        [("Tern Institute", "reports", 66)],
    ),
    # a name turned round after the verb speaks, past an aside that changes no count
    (
        "Families of the 40 missing drove to Varno, north of the capital, Port Arden, "
        "raising fears, said Omar Kessel, a bus driver.",
        [("Omar Kessel", "asserts", 40)],
    ),
    # "they" in what a named subject said is that subject
    (
        "The storm flattened Varno, where district officials said they feared 900 had drowned.",
        [("district officials", "estimates", 900)],
    ),
    # tolls given, in a range
    ("Officials gave tolls ranging from 52 to 58.", [("Officials", "reports", 58)]),
    # guards: a gapped source leaves out the counted noun too; "and" joins two sources
    # only where the first opens the clause; one name that holds "and" stays whole
    ("The army deployed 300 troops and police 120 officers to the border.", []),
    (
        "Rain fell on Lora and the ministry said 40 homes were flooded.",
        [("ministry", "asserts", 40)],
    ),
    (
        "The Health and Safety Council reported 14 and 15 deaths in Lora and Vesk, respectively.",
        [
            ("Health and Safety Council", "reports", 14),
            ("Health and Safety Council", "reports", 15),
        ],
    ),
    ("On Friday, Western reporters counted 40 bodies.", [("Western reporters", "estimates", 40)]),
    ("The army, said to have lost 300 soldiers, denied the report.", []),
    (
        "The Tern Institute for the second year released a count of 66 deaths.",
        [("Tern Institute", "reports", 66)],
    ),  # fmt: skip
    (
        "According to police for the Lora march, 4,000 people attended.",
        [("police", "reports", 4000)],
    ),  # fmt: skip
    (
        "The toll was put at 40 by the Morning Star newspaper.",
        [("Morning Star newspaper", "reports", 40)],
    ),  # fmt: skip
    ("The toll rose to 40 by mid-October.", []),
    # an opening clause of an event, though it starts with a number or "last week's"
    (
        "After 3 soldiers were killed in an ambush on Monday, the army said 40 rebels died.",
        [("army", "asserts", 40)],
    ),
    (
        "Before last week's strike killed 12 people, officials had reported 30 deaths.",
        [("officials", "reports", 30)],
    ),
    # the object of an adverbial participle is no subject; nor where it was said; an
    # apposition whose closing comma is left out describes the one before it
    (
        "The council's adviser, Ilse Dorn, however, after touring the field hospital in "
        "Lora's Varno district on Friday said that more than 900 people had died.",
        [("Ilse Dorn", "asserts", 900)],
    ),
    (
        "Omar Kessel, a member of the health committee of the Student League in a video "
        "message on Friday said that 1,423 people had been killed.",
        [("Omar Kessel", "asserts", 1423)],
    ),
    ("The union in its latest statement said 40% walked out.", [("union", "asserts", 40)]),
    # a count "based on" a source's figures is that source's; an adjective in -ous is
    # no plural subject ("the previous record was set")
    (
        "The previous record came in 2011, when 70,000 marchers, based on army counts, came out.",
        [("army", "reports", 70000)],
    ),
    ("Based on the ministry's figures, 40 people died.", [("ministry", "reports", 40)]),
    # an acronym's estimate is the acronym's; a name in 's keeps it
    ("VRTA's estimate put the cost at ¥8 trillion.", [("VRTA", "asserts", 8e12)]),
    ("Moody's estimate put the cost at $3 billion.", [("Moody's", "asserts", 3e9)]),
    # an unnamed body is a source, and "one" before it counts nothing
    (
        "One rival league, said Sunday that its members had counted 312 dead.",
        [("rival league", "asserts", 312)],
    ),
    # a capitalised adjective that opens the sentence is no one
    ("Official recorded losses stood at 1,300 on Sunday.", []),
    # long names, and bodies named for an aim
    (
        "According to the Bureau for the Protection of the Lakes and Rivers, 80 died.",
        [("Bureau for the Protection of the Lakes and Rivers", "reports", 80)],
    ),
    (
        "According to the Campaign to Protect Rivers, 14 dams have failed.",
        [("Campaign to Protect Rivers", "reports", 14)],
    ),
    # an estimate "at N" whose object comes after it
    (
        "The prefecture put at 9,000 the number of marchers, while the union claimed 60,000.",
        [("prefecture", "asserts", 9000), ("union", "claims", 60000)],
    ),
    # "what X claims" is what the figures are set against, not whose they are
    (
        "Analysts at Corvel say losses are nearly twice what the government claims — 3,400 "
        "homes, while the ministry counted 1,850.",
        [("Analysts at Corvel", "asserts", 3400), ("ministry", "estimates", 1850)],
    ),
    ("What the army says is that 40 soldiers died.", [("army", "asserts", 40)]),
    # "with X saying ..." says what follows it, not the figure before it
    ("Some 40 people were hurt in the clashes, with police reporting a calm night.", []),
    # a body named by whose it is
    (
        "The ministry said 22% of teachers struck, though the teachers' union put the "
        "figure at 60%.",
        [("ministry", "asserts", 22), ("teachers' union", "asserts", 60)],
    ),
    # "by Sunday evening" says when, not who
    (
        "A monitoring group, Conflict Watch, said it had verified 212 deaths by Sunday evening.",
        [("Conflict Watch", "confirms", 212)],
    ),
    # "her staff counted": the woman who says so
    (
        "County supervisor Dana Ruiz told a meeting that her staff had counted at least 540 "
        "destroyed structures.",
        [("Dana Ruiz", "estimates", 540)],
    ),
    # a stray comma after when the subject spoke
    (
        "Mayor Ilse Varga of Lorn City late on Monday, had told us that 14 marchers were "
        "hurt in the clashes.",
        [("Ilse Varga", "asserts", 14)],
    ),
    # unowned records are what the one who obtained them found
    (
        "The ministry reported 1,200 cases, but the records the Lumen Institute obtained "
        "showed 3,400.",
        [("ministry", "reports", 1200), ("Lumen Institute", "reports", 3400)],
    ),
    (
        "The board counted 80 homes lost, but files the Harbour Trust reviewed listed 210.",
        [("board", "estimates", 80), ("Harbour Trust", "reports", 210)],
    ),
    # the speaker turned round at the end of a clause hung on the first speaks for it
    (
        "At least 42 people died when a ferry capsized off Lora on Monday, the regional "
        "governor said, while a rescue group put the number of dead at 61.",
        [("regional governor", "asserts", 42), ("rescue group", "asserts", 61)],
    ),
    # a source's name ends where "by" says when
    (
        "Some 40,000 people were counted by the interior ministry by then.",
        [("interior ministry", "estimates", 40000)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), REAL_SHAPES)
def test_real_copy_shapes(text, expected):
    assert found(text) == expected


def test_a_figure_with_nothing_counted_after_it_counts_what_the_one_before_counts():
    text = "The port authority counts 61 wrecks; the divers' club says at least 90."
    assert [c.unit for c in extract_claims(text, PUBLISHED)] == ["wrecks", "wrecks"]
    text = (
        "Estimates of the number of walkers ranged widely, from just 9,000 according to the "
        "council to 30,000 according to organisers."
    )
    assert [c.unit for c in extract_claims(text, PUBLISHED)] == ["walkers", "walkers"]
    # "Another 600 ...": a part of the count before, of the same thing
    text = "The board counted 1,800 empty homes. Another 600 are damaged, it said."
    assert [c.unit for c in extract_claims(text, PUBLISHED)] == ["homes", "homes"]
    text = "Guides said 4,000 walkers came; the park counted 1,500, including 300 children."
    assert [c.unit for c in extract_claims(text, PUBLISHED)] == ["walkers", "walkers", "children"]
    # a noun of its own keeps its own
    text = "The port authority counts 61 wrecks; the divers' club says 90 divers."
    assert [c.unit for c in extract_claims(text, PUBLISHED)] == ["wrecks", "divers"]
    # a count in the thousands is no share of the one before
    text = (
        "A Velm Polls survey found 38 percent of voters back the strike. The ministry put the "
        "figure at 9,500."
    )
    assert [c.unit for c in extract_claims(text, PUBLISHED)] == ["percent", None]


def test_the_figure_counts_what_the_figure_before_it_counted():
    text = "Officials said the toll stood at 47. By evening, the figure had risen to 63, they said."
    assert [c.unit for c in extract_claims(text, PUBLISHED)] == ["deaths", "deaths"]


def test_parts_are_marked():
    claims = extract_claims("The agency said 2,100 people had died, including 640 children.")
    assert [(c.figure.stated, c.part) for c in claims] == [(2100, False), (640, True)]
    # each part of a list of them, of what the first counts
    text = "Organisers said 1.9 million rallied, including 30,000 in Lora, 5,000 in Vesk and 90 in Tarn."
    claims = extract_claims(text)
    assert [(c.figure.stated, c.part) for c in claims] == [
        (1.9e6, False), (30000, True), (5000, True), (90, True),
    ]  # fmt: skip
    # the whole a part is taken from is a claim too
    claims = extract_claims("The board said 90 of the 1,300 people missing had been found.")
    assert [(c.figure.stated, c.part) for c in claims] == [(90, True), (1300, False)]
    # ... and one the whole is said before: "of the 900 injured, 60 ..."
    claims = extract_claims(
        "The board said that of the 900 injured, fewer than 60 are in hospital."
    )
    assert [(c.figure.stated, c.part) for c in claims] == [(900, False), (60, True)]
    # "of which" and "of whom" count a part, not a description
    claims = extract_claims("The union says 3,000 members struck, of whom 1,200 were nurses.")
    assert [c.figure.stated for c in claims] == [3000, 1200]
    # "with" takes a part of a whole given before it, and of nothing else
    claims = extract_claims("The storm killed 61, with 14 in the port, the coast guard said.")
    assert [(c.figure.stated, c.part) for c in claims] == [(61, False), (14, True)]
    # a day before is no whole
    claims = extract_claims("On May 3 the plaza was full, with 30,000 people by the police count.")
    assert [(c.figure.stated, c.part) for c in claims] == [(30000, False)]
    # "rose from two to three hundred": what it changed from, not a range
    claims = extract_claims("The board said the toll rose from two to three hundred.")
    assert [c.figure.qualifier for c in claims][-1:] == ["exact"]
    claims = extract_claims(
        "The plaza was full, with 30,000 people by the police count and 90,000 by the "
        "organisers' count."
    )
    assert [(c.claimant, c.figure.stated, c.part) for c in claims] == [
        ("police", 30000, False),
        ("organisers", 90000, False),
    ]


ACROSS_SENTENCES = [
    # a person called by surname alone is the one "he said" means next, not a person
    # named in between
    (
        "Ilse Dorn, prosecutor for the Lune region, spoke to diplomats. President Omar Kessel "
        "blamed rebels. Dorn said 57 civilians were killed. Some 295 people were wounded, he "
        "said.",
        [("Ilse Dorn", "asserts", 57), ("Ilse Dorn", "asserts", 295)],
    ),
    # a study an organisation conducted is its own, "found" or "added"; where the
    # organisation is based is no part of its name
    (
        "The Lund-based Tern Institute conducted a study of the camps in May. The study "
        "found 95 percent of the families want to stay. Some 60 percent of the adults run "
        "a business, added the study.",
        [("Tern Institute", "asserts", 95), ("Tern Institute", "asserts", 60)],
    ),
    # "this study" in a quotation is its speaker's
    (
        "The Tern Institute conducted a study in May. \u201cWhile figures as high as a "
        "million were aired, this study finds 450,000 refugees,\u201d its director Jon Berg "
        "said.",
        [("Jon Berg", "asserts", 1e6), ("Jon Berg", "asserts", 450000)],
    ),
    # a nation's office holder described before being named is the one named: the
    # article's only prosecutor
    (
        "A Varnian prosecutor told a briefing on Monday the toll had reached 187. Prosecutor "
        "Ilse Dorn said 57 civilians were among the dead.",
        [("Ilse Dorn", "asserts", 187), ("Ilse Dorn", "asserts", 57)],
    ),
    (
        'Varnia\'s chief prosecutor told reporters 169 people died. "No civilian was harmed," '
        "said Prosecutor-General Ilse Dorn.",
        [("Ilse Dorn", "asserts", 169), ("Ilse Dorn", "asserts", 0)],
    ),
    # and named by no one, the office speaks as written
    ("A Varnian prosecutor said 187 people had died.", [("Varnian prosecutor", "asserts", 187)]),
    # a role no one is named in, said again short: the one described in full before
    (
        "The province's director general of rescue services said 212 people died. The "
        "director general added that 480 people were hurt.",
        [
            ("province's director general of rescue services", "asserts", 212),
            ("province's director general of rescue services", "asserts", 480),
        ],
    ),
    # "The new figure is N": the body the sentence before said corrected the count
    (
        "The Tarn health board issued a statement on Friday correcting the toll. The new "
        "figure is 212.",
        [("Tarn health board", "reports", 212)],
    ),
    # "the reports" are the reports the article said someone published, not the toll
    # another source reported since
    (
        "The Tarn Coroner's Office submitted on Monday forensic reports on the mine "
        "collapse. According to the forensic reports, 31 miners died. The toll reported "
        "by union officials was higher. The reports also said 9 bodies were never found.",
        [("Tarn Coroner's Office", "reports", 31), ("Tarn Coroner's Office", "asserts", 9)],
    ),
    # "of this money", "of that total": a part of what the source gave before
    (
        "The Open Ledger Fund said the dam cost $9 billion. Some $2 billion of this money "
        "was lent by foreign banks.",
        [("Open Ledger Fund", "asserts", 9e9), ("Open Ledger Fund", "asserts", 2e9)],
    ),
    # a quotation that opens after its speaker's name goes on in their words to its end
    (
        'Mayor Ida Venn spoke first. "Thank you for coming," she said. "The hall seats '
        'about 900 people. The yard takes 1,500 more."',
        [("Ida Venn", "asserts", 900), ("Ida Venn", "asserts", 1500)],
    ),
    # ... unless it closes with a speaker of its own
    (
        'Mayor Ida Venn spoke first. "Thank you for coming," she said. "The hall seats '
        'about 900 people. The yard takes 1,500 more," the caretaker Olaf Brun added.',
        [("Olaf Brun", "asserts", 900), ("Olaf Brun", "asserts", 1500)],
    ),
    # "the medical reports", "the final audit": the report named before, an adjective
    # before it no source of its own
    (
        "The Lerin Coroners' Office released its findings. The medical reports said 31 "
        "miners had died underground.",
        [("Lerin Coroners' Office", "asserts", 31)],
    ),
    (
        "The Lerin Coroners' Office released its findings. The forensic reports also "
        "claimed that 31 miners had died.",
        [("Lerin Coroners' Office", "claims", 31)],
    ),
    # "X announced this": the figures before are X's
    (
        "Clashes left at least 140 dead. The Velden Prosecution Service announced this on "
        "Friday after checking hospital records.",
        [("Velden Prosecution Service", "asserts", 140)],
    ),
    # "he" or "she" after an unnamed spokesperson: the body they speak for
    (
        "A spokeswoman for the Tarn Lifeboat Trust said 20 sailors were saved. She added "
        "that 9 others were still missing.",
        [("Tarn Lifeboat Trust", "asserts", 20), ("Tarn Lifeboat Trust", "asserts", 9)],
    ),
    (
        "The coastguard pulled 31 swimmers from the water, a spokesman said. He added that "
        "4 more were in hospital.",
        [("coastguard", "asserts", 31), ("coastguard", "asserts", 4)],
    ),
    # "the UK-based firm" after "health data firm Zentrix": Zentrix
    (
        "More than 5,000 people die daily, health data firm Zentrix estimated. The UK-based "
        "firm said infections were above a million.",
        [("Zentrix", "estimates", 5000), ("Zentrix", "asserts", 1e6)],
    ),
    # a description that gives its body's reach names a body of its own
    (
        "The Ostmark Forestry Service counted 900 fires. The regional fire agency's figure is 640.",
        [("Ostmark Forestry Service", "estimates", 900), ("regional fire agency", "reports", 640)],
    ),
    # "according to their ..." names a source only with a record of theirs
    (
        "The Atlas Relief Agency opened a camp. Thirty bodies were buried, the graves "
        "each plot marked according to their DNA results. Forty people died, according to its "
        "records.",
        [("Atlas Relief Agency", "reports", 40)],
    ),
    # copy wrapped by hand: a line goes on into the next
    (
        "The count of the\ndead from the pit fire rose overnight to 61 and\nmay rise again, the "
        "rescue\nteams said.",
        [("rescue teams", "asserts", 61)],
    ),
    # a paragraph wrapped at a fixed width runs on across a line that ends on a name
    (
        "LORA, May 3 (Harbor Wire) - At least 37 passengers drowned after a crowded boat\n"
        "with close to 650 people aboard capsized near the harbour mouth, the Minister Ana\n"
        "Obi told reporters on Friday.",
        [("Ana Obi", "asserts", 37), ("Ana Obi", "asserts", 650)],
    ),
    # "That toll ..., a spokesman said" gives the toll just told, even in a clause that
    # describes ("which collapsed, killing 900")
    (
        "Rescuers searched the mill, which collapsed killing 900 people. That toll could be "
        "final, a spokesman at the navy command centre said.",
        [("navy command centre", "asserts", 900)],
    ),
    # a question in a headline names nobody: "What Ministry Reports" is no "What Ministry"
    (
        "Agency Counts 400 Deaths In Norland, And What Ministry Reports\n"
        "According to the report, 400 people died.",
        [("agency", "reports", 400)],
    ),
    # a possessive owns the report, whatever describes it
    (
        "The Atlas Relief Agency opened camps. The agency's latest situation report lists "
        "1,200 displaced families.",
        [("Atlas Relief Agency", "reports", 1200)],
    ),
    # "the ruling junta" of an article about one nation is that nation's junta, and so is
    # "a junta spokesperson"
    (
        "Floods hit Myanmar again, the third time in Myanmar this year. The ruling junta said "
        "the death count had reached 310. "
        "A junta spokesperson reported that 45 more people were missing.",
        [("Myanmar junta", "asserts", 310), ("Myanmar junta", "reports", 45)],
    ),
    # "he said" goes to the last named person; "the agency said" to the last agency
    (
        "Interior Minister Lena Hart toured the camp. About 9,000 tents were needed, she said.",
        [("Lena Hart", "asserts", 9000)],
    ),
    (
        "The Atlas Relief Agency opened three depots. The agency said 40,000 meals were served.",
        [("Atlas Relief Agency", "asserts", 40000)],
    ),
    (
        "Colonel Mark Eze spoke first. He also noted that about 70 vehicles were lost.",
        [("Mark Eze", "asserts", 70)],
    ),
    # "according to him", "according to her": whom the pronoun stands for
    (
        "Colonel Mark Eze spoke first. According to him, 240 people were rescued.",
        [("Mark Eze", "reports", 240)],
    ),
    (
        "Ana Obi, a nurse, spoke next. According to her, 30 patients died.",
        [("Ana Obi", "reports", 30)],
    ),
    # "the outlet", "the newspaper": the organisation named last
    (
        "The Courier said 20 bodies were counted. The outlet later counted 31 bodies.",
        [("Courier", "asserts", 20), ("Courier", "estimates", 31)],
    ),
    # "the government" of an article about one country is that country's; of an article
    # naming several, nobody's in particular
    (
        "Floods hit Peru again. Peru asked for aid. The government said 40 people had died.",
        [("Peru government", "asserts", 40)],
    ),
    (
        "Norlandian officials met. The military government said 40 people had died.",
        [("Norlandian military government", "asserts", 40)],
    ),
    (
        "Floods hit Peru and Chile. The government said 40 people had died.",
        [("government", "asserts", 40)],
    ),
    # "officials", "authorities": the nation's only where the article names its bodies so
    (
        "Norlandian police shut the roads. Officials said 40 people had died. According to the "
        "authorities, 12 were missing.",
        [("Norlandian officials", "asserts", 40), ("Norlandian authorities", "reports", 12)],
    ),
    # ... and of an article about one country, that country's, called as its people are
    (
        "Floods hit Peru again. Peru asked for aid. Officials said 40 people had died.",
        [("Peruvian officials", "asserts", 40)],
    ),
    (
        "A typhoon hit the Philippines. Philippine towns were flattened. The military said "
        "2,000 people had died.",
        [("Philippine military", "asserts", 2000)],
    ),
    (
        "Floods hit Peru and Chile. Peru and Chile asked for aid. Officials said 40 people died.",
        [("Officials", "asserts", 40)],
    ),
    # ... and of an article about one state, province or region that region's, by name
    (
        "Crowds gathered in Kerala on Monday. Kerala officials said the river rose. The state "
        "government said 40 people had died.",
        [("Kerala state government", "asserts", 40)],
    ),
    # ... "an investigation by X" too, and never merely the organisation named last
    (
        "A recent investigation by the Harbor Wire found gaps. Officials of the Lowland "
        "Council met. The investigation found that 31 households were never paid.",
        [("Harbor Wire", "asserts", 31)],
    ),
    (
        "Officials of the Lowland Council met. The investigation found that 31 households "
        "were never paid.",
        [("investigation", "asserts", 31)],
    ),
    # "the investigation" is whoever's investigation the article named
    (
        "A Harbor Wire investigation found gaps in the toll. The investigation found that 31 "
        "households were never paid.",
        [("Harbor Wire", "asserts", 31)],
    ),
    # "the state government" of an article that names one state is that state's
    (
        "Floods hit northern Nara state. The state government said 40 people had died.",
        [("Nara state government", "asserts", 40)],
    ),
    # an organisation's name is no person's ("the Harbour Trust"), so "they" finds it
    (
        "The Harbour Trust released its figures on Monday. They show 14,000 homes without power.",
        [("Harbour Trust", "reports", 14000)],
    ),
    # "X, which ..., said": a body, so "it" later finds it; a toll "put at" N has no source
    (
        "Mr Tom Hale spoke. The Pommes Frites Guild, which runs a third of the stalls, said it "
        "had sold 2,350 cones. It reached its overall estimate of 9,000 by doubling that.",
        [("Pommes Frites Guild", "asserts", 2350), ("Pommes Frites Guild", "reports", 9000)],
    ),
    ("Festival crowd put at 90,000", []),
    # a name written with what it is: "the company" later finds it, not the outlet
    (
        "Research company Tally Works estimated 200,000 marched, Channel 9 reported. "
        "Another 30,000 marched in the north, the company said.",
        [("Tally Works", "estimates", 200000), ("Tally Works", "asserts", 30000)],
    ),
    # a sentence that breaks down the count before goes on with its source; one
    # that does not is nobody's
    (
        "Police said 14 people had died. Of these, 12 were children. Two others died in a "
        "crash. The storm destroyed 300 homes.",
        [("police", "asserts", 14), ("police", "asserts", 12), ("police", "asserts", 2)],
    ),
    # "according to the report", "as per the report": the report named before
    (
        "A report by the Lowland Health Council on Monday drew criticism. According to the "
        "report, 4,700 people died of flu in the region.",
        [("Lowland Health Council", "reports", 4700)],
    ),
    (
        "The Tern Society issued a report. As per the report, 220 nests were lost.",
        [("Tern Society", "reports", 220)],
    ),
    # a photo's caption is no claim
    (
        "Rescuers search the rubble where 40 people died, in Lowtown on Monday. (AP Photo/Jo "
        "Lee)\nThe fire service said 38 people died.",
        [("fire service", "asserts", 38)],
    ),
    (
        "Mayor Ana Obi says 40 people died - GETTY IMAGES/Jo Lee\nThe fire service said 38 "
        "people died.",
        [("fire service", "asserts", 38)],
    ),
    # a link to another story is no claim
    (
        "The fire service said 38 people died.\nRead more: Storm kills 12 in the north\n"
        "[See more: Mayor Ana Obi says 40 people died]",
        [("fire service", "asserts", 38)],
    ),
    # a line written as a title gives way to the body's telling, wherever it stands
    (
        "Monday, 3 June 2024\nCouncil Counts 4,700 Flu Deaths Across The Region, Officials Say\n"
        "The Lowland Health Council said 4,700 people died of flu.",
        [("Lowland Health Council", "asserts", 4700)],
    ),
    # a name in a list of countries, or in a title, is no source a later figure falls to
    (
        "The Tern Health Watch published a survey. It covers Chile, Peru, the Andean "
        "Federation, Bolivia and Ecuador.\nTough Questions Remain For The Andean Council\nThe 4,000 deaths "
        "were far above earlier counts, it said.",
        [("Tern Health Watch", "asserts", 4000)],
    ),
    # "The new figure is 253": the revised count of the source before
    (
        "The health ministry said 412 people had died. The new figure is 298.",
        [("health ministry", "asserts", 412), ("health ministry", "asserts", 298)],
    ),
    # a sentence that says who gave the figures before them gives them their source
    (
        "The death toll in the landslide rose to 87 on Monday. The figure was confirmed by "
        "police chief Ana Rao.",
        [("Ana Rao", "confirms", 87)],
    ),
    (
        "The death toll rose to 87 on Monday. Rescue work went on through the night.",
        [],
    ),
    # "the estimates show": whoever published them; "which say" carries a claim
    (
        "The Lowland Health Council published new estimates on Monday. The estimates show "
        "5,990 deaths in the south.",
        [("Lowland Health Council", "reports", 5990)],
    ),
    ("The estimates show 5,990 deaths in the south.", []),
    # "the official data shows", "as per the data": the data named before, and whose
    # it is; the numbers of a list's items are no figures
    (
        "Since May there have been 150 deaths from the heat, according to the data compiled "
        "by the Health Monitor (HM). (1.) The official data shows that 12 of them came on "
        "Sunday. (2.) Lora is the worst-hit province with 30 casualties, as per the data.",
        [
            ("Health Monitor", "reports", 150),
            ("Health Monitor", "reports", 12),
            ("Health Monitor", "reports", 30),
        ],
    ),  # fmt: skip
    ("As per the data, 30 homes were lost.", []),
    # "the site" is the website named before; "the party itself" the party
    (
        "Relief Watch, the website of the state auditor, states that $182 million was set "
        "aside. According to the site, $83 million has been paid out.",
        [("Relief Watch", "asserts", 182e6), ("Relief Watch", "reports", 83e6)],
    ),
    (
        "On Sunday the party itself put the turnout at one million.",
        [("party", "asserts", 1e6)],
    ),  # fmt: skip
    # a base form after "the" is a noun: "the state auditor"
    ("The state auditor said 40 contracts were void.", [("state auditor", "asserts", 40)]),
    (
        "The Lowland Health Council releases its new estimates which say that the full toll "
        "was 14,900.",
        [("Lowland Health Council", "reports", 14900)],
    ),
    # a record kept by nobody the sentence names is the source's the count before came from
    (
        "The board's report recorded 44 deaths in three hospitals. Then 31 cases were "
        "registered at the city's clinics.",
        [("board", "reports", 44), ("board", "reports", 31)],
    ),
    # "Maduro, he said, won ...": "he" is someone else than the one the aside is about;
    # "X, head of Y," gives X that role
    (
        "Elvis Amor, head of the electoral council, read the results. Maduro, he said, "
        "obtained 5,150,092 votes.",
        [("Elvis Amor", "asserts", 5150092)],
    ),
    # a denial of a figure and the same figure said by the denier's spokesman are two
    (
        'The National Guard denied that the toll exceeded 96. "The toll stands at 96, no '
        'more," Chief of the Press Division of the National Guard Inspector General Ali '
        "Reza said.",
        [("National Guard", "denies", 96), ("Ali Reza", "asserts", 96)],
    ),
    # "the rights group's figure": the group named before, not a new source
    (
        "The Lantern Watch accused the police. The army said the rights group's figure of "
        "14 deaths was wrong.",
        [("Lantern Watch", "reports", 14), ("army", "denies", 14)],
    ),
    # ... and by the words that say which: "the same group", "the human rights group"
    (
        "Rights group Velm Watch counted 35 arrests. The same group said 12 were minors. "
        "The human rights group later said 15 were freed.",
        [
            ("Velm Watch", "estimates", 35),
            ("Velm Watch", "asserts", 12),
            ("Velm Watch", "asserts", 15),
        ],
    ),
    # a body described before its name is found again only by what describes it:
    # "aid groups" are not the rights group
    (
        "Rights group Velm Watch counted 35 arrests. 4,000 families had fled the valley, aid "
        "groups said. The rights group said 12 were minors.",
        [
            ("Velm Watch", "estimates", 35),
            ("aid groups", "asserts", 4000),
            ("Velm Watch", "asserts", 12),
        ],
    ),
    # "he" and "she" pass over a person the text already called by the other pronoun
    (
        "Ana Ruiz, a surveyor for the board, said the maps were old. “It is worse,” she said. "
        "Tomas Berg of the Lumen group, who toured the site, said little. He said 312 homes "
        "were damaged.",
        [("Tomas Berg", "asserts", 312)],
    ),
    (
        "Mr Omar Haddad met Lina Farah. He said 45 schools had shut.",
        [("Omar Haddad", "asserts", 45)],
    ),
    # a name that is only the object of a sentence is not its source
    (
        "Two days after the ministry published 420 names, more than 100 people came forward, "
        "police said.",
        [("ministry", "reports", 420), ("police", "asserts", 100)],
    ),
    # an unnamed person for a named organisation is that organisation
    (
        "A Red Cross spokesperson said 1,500 families had been reached.",
        [("Red Cross", "asserts", 1500)],
    ),
    ("A UNICEF official said 300 schools were closed.", [("UNICEF", "asserts", 300)]),
    # a role before the person is named
    (
        "The governor said damage could reach $4 billion. Later, Governor Ines Moro visited.",
        [("Ines Moro", "asserts", 4e9)],
    ),
    # a quotation over several sentences takes the speaker named where it closes
    (
        "“It is grim. We count 2,300 missing. We need help,” the mayor, Paul Oden, said.",
        [("Paul Oden", "asserts", 2300)],
    ),
    # "the report said" is the report a source was said to make before
    (
        "Far more people fled than officials admit, the Lumen Institute said in a report. "
        "The clashes may have displaced as many as 90,000 people, against some 40,000 counted "
        "by the interior ministry, the report said.",
        [("Lumen Institute", "asserts", 90000), ("interior ministry", "estimates", 40000)],
    ),
    # bullets take their source from the line that names it
    (
        "Estimates so far:\n• The Coastal Institute puts losses at $8 billion. Insured losses "
        "should come to about $3 billion.\n    • Homes: $5-6 billion",
        [
            ("Coastal Institute", "asserts", 8e9),
            ("Coastal Institute", "asserts", 3e9),
            ("Coastal Institute", "asserts", 6e9),
        ],
    ),
    # ... or from the paragraph that opens the list, whose source gives no figure
    (
        "Figures from the Merin transport office show the stoppage spread. By route, the "
        "effect was as follows:\n\n• On the north line, 40 percent of staff reported for "
        "duty.\n• On the coast line, 65 percent stayed home.\n\nThe weather was mild.",
        [("Merin transport office", "reports", 40), ("Merin transport office", "reports", 65)],
    ),
    # a body named by its place and a lower-case kind is the one "the government" means
    (
        "The Velm government ordered an inquiry on Monday. The government said 30 people had died.",
        [("Velm government", "asserts", 30)],
    ),
    (
        "Rescuers from the Velm health ministry reached the valley. The ministry put the toll "
        "at 12.",
        [("Velm health ministry", "asserts", 12)],
    ),
    (
        "Lantern Watch accused the police of delays. The police said 14 people were held.",
        [("police", "asserts", 14)],
    ),
    # "the same report": the report named before
    (
        "The Velm Times published a report in May. The same report, out again in June, showed "
        "that 8,100 troops were in Lora.",
        [("Velm Times", "reports", 8100)],
    ),
    # a sentence glued to one that ends in an acronym
    (
        "The files were seen by AP.Another 40 people died, Lora Watch said.",
        [("Lora Watch", "asserts", 40)],
    ),
    (
        "The files were seen by CBS.Another 40 people died, Lora Watch said.",
        [("Lora Watch", "asserts", 40)],
    ),
    # a heading's "figures" is no verb: the list takes the paragraph's source
    (
        "Velm Watch said the toll rose. Key figures:\n\n• 40 people died in Lora.",
        [("Velm Watch", "asserts", 40)],
    ),
    # a verb between a name and a kind of body makes no body of them
    (
        "Witnesses say police fired into the crowd. The police said 14 people were held.",
        [("police", "asserts", 14)],
    ),
    # a measure before a report or a panel is no name: the report named before
    (
        "Ana Obi released a report on Monday. The 48-page report found 300 errors.",
        [("Ana Obi", "asserts", 300)],
    ),
    (
        "The Velm Panel on Floods met in May. The five-member panel said 50 people died.",
        [("Velm Panel on Floods", "asserts", 50)],
    ),
    (
        "The Velm Panel on Floods met in May. The thirteen-member panel said 50 people died.",
        [("Velm Panel on Floods", "asserts", 50)],
    ),
    # a list after a line with no colon is nobody's
    (
        "The Merin transport office said the stoppage spread.\n\n• On the north line, 40 "
        "percent of drivers stayed home.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ACROSS_SENTENCES)
def test_attribution_across_sentences(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A witness said 300 cars were burned.",  # an unnamed person for nobody
        "Crowds gathered on Tuesday; 300 people came, local reports said.",  # reports
        # they came to work or stayed away; they said nothing
        "In the depots, 40 percent of workers reported for duty.",
        "Only 40 percent of staff reported to work.",
        "The number of Norlanders told to leave was about 9,000.",  # they were told
        "Officials in Paris, on Friday, said nothing about the 2,000 figure.",
        # a dateline's agency wrote the article; it is no source of its figures
        "May 3 (Reuters) -- Dozens of people were hurt in the clashes near Lora.",
    ],
)
def test_nobody_named(text):
    assert [c for c in extract_claims(text, PUBLISHED) if c.figure] == []


def test_pronoun_needs_a_named_person():
    assert found("“We counted 500 trucks,” he said.") == []
    text = "Colonel Tom Reed briefed the press. He said 500 trucks had crossed."
    assert found(text) == [("Tom Reed", "asserts", 500)]


def test_headline_and_quote_proposed_once():
    text = (
        "Seoul says 12,000 troops sent to Russia\n\n"
        "South Korea's spy agency said on Friday that 12,000 troops had been sent.\n\n"
        "“About 12,000 troops are being sent,” the spy agency said in a later statement."
    )
    assert found(text) == [("South Korea's spy agency", "asserts", 12000)]
    # the telling that names its source in full stays
    text = (
        "Unions say 60% of nurses walked out.\n\n"
        "The Norland nurses unions said 60% of nurses walked out on Monday."
    )
    assert found(text) == [("Norland nurses unions", "asserts", 60)]
    # a headline below a page's menu line is still the page's head: the body's
    # sentence is the one proposed
    text = (
        "Skip to main content\n\n"
        "Flood toll will stay at about 40, rescuers say\n\n"
        "The number of villagers who died in the Tarn floods will stay at about 40, rescuers "
        "say.\n\n"
        "They said 212 people had been saved."
    )
    claims = extract_claims(text, PUBLISHED)
    assert [(c.claimant, c.figure.stated, c.headline) for c in claims] == [
        ("rescuers", 40, False),
        ("rescuers", 212, False),
    ]
    assert claims[0].sentence.startswith("The number of villagers who died")


@pytest.mark.parametrize(
    ("text", "speaks_for"),
    [
        (
            "Igor Lenk, the Defence Ministry's spokesman, said 300 soldiers died.",
            "Defence Ministry",
        ),
        ("Defence Ministry spokesman Igor Lenk said 300 soldiers died.", "Defence Ministry"),
        ("Tomas Berg of the Lumen Group said 40 boats sank.", "Lumen Group"),
        ("Ana Obi, head of the Harbour Trust, said 12 ships were lost.", "Harbour Trust"),
        ("Ana Obi, a retired sailor, said 12 ships were lost.", None),
        # a body written in lower case, and a person's description that names none
        ("Ana Obi, a spokeswoman for the coast guard, said 12 ships were lost.", "coast guard"),
        (
            "Ana Obi, head of the regional water board, said 12 ships were lost.",
            "regional water board",
        ),
        ("Ana Obi, a sailor for the last thirty years, said 12 ships were lost.", None),
        # the role and whom it is held for written before the name
        ("A spokeswoman for the Harbour Trust, Ana Obi, said 12 ships were lost.", "Harbour Trust"),
        ("The port authority's spokesman, Ivo Dren, said 12 ships were lost.", "port authority"),
        ("The captain's spokesman, Ivo Dren, said 12 ships were lost.", None),
        ("Police spokesman Ivo Dren said 12 ships were lost.", "Police"),
        (
            "The Harbour Guard was sent in. A spokeswoman for the coast guard, Ana Obi, said 12 "
            "ships were lost.",
            "coast guard",
        ),
        # a body in lower case before the title, its nation before it
        (
            "Norlandian border guard press officer Ewa Kowal said 12 ships were lost.",
            "Norlandian border guard",
        ),
        ("The coast guard spokesman Ivo Dren said 12 ships were lost.", "coast guard"),
        # a name and its kind of body after "of"
        (
            "Ana Obi, head of the Lora election board, said 12 ships were lost.",
            "Lora election board",
        ),
    ],
)
def test_whom_a_named_person_speaks_for(text, speaks_for):
    (candidate,) = extract_claims(text)
    assert candidate.speaks_for == speaks_for


def test_what_a_witness_saw_is_a_floor():
    (seen,) = extract_claims("Residents said they had seen 40 dead in the square.")
    (counted,) = extract_claims("Residents said 40 people died in the square.")
    assert (seen.figure.low, seen.figure.high, seen.figure.qualifier) == (40, None, "at_least")
    assert (counted.figure.low, counted.figure.high, counted.figure.qualifier) == (40, 40, "exact")
    # what a place or a hospital "saw" is a count
    for text in ("The region saw 40 deaths last year, officials said.",
                 "The hospital has seen 300 patients, officials said."):  # fmt: skip
        (claim,) = extract_claims(text)
        assert claim.figure.qualifier == "exact"


def test_a_bare_figure_takes_an_earlier_noun_only_where_the_text_talks_about_it():
    text = "Police said 300 people were arrested. The stadium, officials said, holds 300."
    assert [c.unit for c in extract_claims(text)] == ["people", None]


def test_a_spokesman_of_a_body_the_article_never_named_speaks_for_no_one_else():
    text = (
        "Opposition deputies said 150 people had died. The agency's spokeswoman, Ana Obi, "
        "said 58 had died."
    )
    assert [c.speaks_for for c in extract_claims(text)] == [None, None]


def test_a_figure_named_again_counts_what_it_counted_and_may_be_denied():
    text = (
        "Port officials said roughly 7,000 people may have drowned. "
        "“Seven thousand, in my view, is far too high,” the governor told reporters. "
        "The harbour master said the figure of 7,000 was far too high."
    )
    assert [(c.claimant, c.stance, c.figure.stated, c.unit) for c in extract_claims(text)] == [
        ("Port officials", "asserts", 7000, "people"),
        ("governor", "denies", 7000, "people"),
        ("harbour master", "denies", 7000, "people"),
    ]


def test_quotation_marks_typed_as_two_single_ones_close_a_quotation():
    text = "Envoy Tomas Berg spoke to reporters. “About 8,000 are there,’’ he said."
    (claim,) = extract_claims(text)
    assert (claim.claimant, claim.figure.stated) == ("Tomas Berg", 8000)
    assert claim.sentence == "“About 8,000 are there,’’ he said."


def test_another_count_in_a_state_of_its_own_is_no_part():
    text = (
        "Divers pulled 34 bodies from the river and another 56 people remain missing, police said."
    )
    more = "Divers found 40 survivors on Monday and another 17 survivors on Tuesday, police said."
    assert [c.part for c in extract_claims(text)] == [False, False]
    assert [c.part for c in extract_claims(more)] == [False, True]


def test_a_toll_raised_to_its_figure_counts_deaths_however_far_back():
    text = (
        "The agency lifted its death toll for the riots that followed a raid on two "
        "camps outside the northern port city of Lora, near the border, to 92."
    )
    assert [(c.figure.stated, c.unit) for c in extract_claims(text)] == [(92, "deaths")]


def test_a_ministry_spokesman_speaks_for_the_ministry_named_before():
    text = "The Norland health ministry said 300 people died. Ministry spokesman Ivo Dren said 40 were hurt."
    assert [c.speaks_for for c in extract_claims(text)] == [None, "Norland health ministry"]


def test_the_body_a_spokesman_is_described_by_is_the_one_named_before():
    text = (
        "The Ferry Workers Union said 12 boats were lost. The Coastal Relief Agency said 40 "
        "sank. The agency's spokeswoman, Ana Obi, said 9 more sank overnight."
    )
    assert [(c.claimant, c.speaks_for) for c in extract_claims(text)] == [
        ("Ferry Workers Union", None),
        ("Coastal Relief Agency", None),
        ("Ana Obi", "Coastal Relief Agency"),
    ]


def test_known_sources_normalise_claimants():
    known = {"pentagon": "Pentagon", "us": "US"}
    assert found("The U.S. said 3,000 troops were in Russia.", known=known)[0][0] == "US"
    # an acronym is the one known source its initials spell
    known = {"board of health and rescue services": "Board of Health and Rescue Services",
             "bureau of highway records": "Bureau of Highway Records"}  # fmt: skip
    assert found("BHRS officials said 524 people died.", known=known)[0][0] == (
        "Board of Health and Rescue Services"
    )
    # another spelling of a known source is that source, and so are an event's organisers
    known = {"organizers": "organizers", "defense ministry": "Defense Ministry"}
    assert found("Rally organisers said 1 million people came.", known=known)[0][0] == (
        "organizers"
    )
    assert found("The Defence Ministry said 40 died.", known=known)[0][0] == "Defense Ministry"
    text = "Defence Ministry spokesman Igor Petrov said 40 soldiers died."
    assert [c.speaks_for for c in extract_claims(text, PUBLISHED, known)] == ["Defense Ministry"]
    known = {"board of health and rescue services": "Board of Health and Rescue Services",
             "bank of housing and road standards": "Bank of Housing and Road Standards"}  # fmt: skip
    assert found("BHRS officials said 524 people died.", known=known)[0][0] == "BHRS officials"
    # a body's name with more words or fewer, and the same head, is that body; a bare
    # head is no name
    known = {"ministry of health": "Ministry of Health", "police": "police"}
    assert found("The Peruvian health ministry said 40 died.", known=known)[0][0] == (
        "Ministry of Health"
    )
    # ... only whose it is may differ
    assert found("The Velden health ministry said 40 died.", known=known)[0][0] == (
        "Velden health ministry"
    )
    assert found("The Ministry of Health and Sanitation said 40 died.", known=known)[0][0] == (
        "Ministry of Health and Sanitation"
    )
    assert found("The interior ministry said 40 died.", known=known)[0][0] == "interior ministry"
    assert found("The Lora city police said 40 died.", known=known)[0][0] == "Lora city police"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Tuesday", ClaimDate("2024-10-22", "day")),
        ("Friday", ClaimDate("2024-10-25", "day")),
        ("last Friday", ClaimDate("2024-10-18", "day")),
        ("yesterday", ClaimDate("2024-10-24", "day")),
        ("last week", ClaimDate("2024-10", "month")),  # 14-20 October: within one month
        ("last month", ClaimDate("2024-09", "month")),
        ("in April", ClaimDate("2024-04", "month")),
        ("in November", ClaimDate("2023-11", "month")),  # later than the article: last year's
        ("on 23 October", ClaimDate("2024-10-23", "day")),
        ("Oct. 3", ClaimDate("2024-10-03", "day")),
        ("in 2023", ClaimDate("2023", "year")),
    ],
)
def test_relative_dates(phrase, expected):
    assert resolve_phrase(phrase, PUBLISHED) == expected


def test_last_week_across_two_months_is_the_year():
    assert resolve_phrase("last week", date(2024, 11, 6)) == ClaimDate("2024", "year")


def test_lines_that_never_end_as_sentences_are_no_head():
    # with no line that ends as a sentence, only the first is a headline
    text = "Police said 40 died\nOfficials said 12 were hurt\nThe mayor said 3 are missing"
    assert [c.headline for c in extract_claims(text, PUBLISHED)] == [True, False, False]


def test_a_name_of_no_letters_is_no_source():
    # words strewn as scraped furniture can leave a quote mark or a currency sign where
    # a name would be; it names no one, and it never meets another source's name
    text = 'Tarn " according points between Tarn estimates but ’ $3m from Ivo per the $3m estimates'
    claims = extract_claims(text, PUBLISHED)
    assert all(any(ch.isalpha() for ch in c.claimant) for c in claims)


def test_a_day_in_an_events_name_dates_no_claim():
    # "the Easter Monday floods", "the Friday blast": when it happened, not when said
    text = "The toll from the Easter Monday floods stands at 212, the coroner said."
    assert extract_claims(text, PUBLISHED)[0].date is None
    text = "The coroner said the toll from the Friday blast stood at 212."
    assert extract_claims(text, PUBLISHED)[0].date is None
    # ... while a day after a name and before a clause is when it was said
    text = "Police told the Harbor Wire Tuesday that 212 people had died."
    assert extract_claims(text, PUBLISHED)[0].date == ClaimDate("2024-10-22", "day")


def test_a_first_estimate_is_an_earlier_figure():
    text = 'The coroner said: "Our first estimates were 340, but the toll is 212."'
    claims = extract_claims(text, PUBLISHED)
    assert [(c.figure.stated, c.confidence < 0.6) for c in claims] == [(340, True), (212, False)]


def test_a_clause_hung_on_a_day_is_of_that_day():
    text = "The ministry said turnout was lower than on January 31, when it counted 40,000."
    (claim,) = extract_claims(text, date(2024, 3, 7))
    assert claim.date == ClaimDate("2024-01-31", "day")


def test_claim_dates_from_sentences():
    claims = extract_claims("The ministry said on Tuesday that 300 people had died.", PUBLISHED)
    assert claims[0].date == ClaimDate("2024-10-22", "day")
    claims = extract_claims("The ministry said 300 people had died.", PUBLISHED)
    assert claims[0].date is None  # not guessed
    claims = extract_claims("The ministry said on Tuesday that 300 people had died.", None)
    assert claims[0].date is None
    # the day of the saying, not of the event: "said this morning" after "yesterday"
    text = "The toll from yesterday's blaze rose to 60, firefighters said this morning."
    assert extract_claims(text, PUBLISHED)[0].date == ClaimDate(PUBLISHED.isoformat(), "day")
    # each clause's own reporting verb dates its claim: the day after "said", not a
    # day the clause gave earlier
    text = ("Harbour police said on Monday that 14 boats had sunk, while the coast guard, "
            "whose crews arrived on Sunday, said on Tuesday that 19 had sunk.")  # fmt: skip
    assert [c.date for c in extract_claims(text, PUBLISHED)] == [
        ClaimDate("2024-10-21", "day"),
        ClaimDate("2024-10-22", "day"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the period a figure covers is no day anyone spoke
        "About 90 people were killed between 2 September and 9 October, the rights office said.",
        "Some 90 people died in riots that lasted from 2 September to 9 October, officials said.",
        "Some 90 people died in unrest in September and October, the ministry said.",
        # nor a day in a clause about another event
        "According to the council, which took office after the vote on 6 October, 90 people died.",
    ],
)
def test_a_span_or_another_events_day_dates_no_claim(text):
    assert [c.date for c in extract_claims(text, PUBLISHED)] == [None]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the speaker's own briefing, and a day by the verb, date the claim
        ("The spokesman, who briefed reporters on Monday, said 40 people died.", "2024-10-21"),
        ("Officials said after a briefing on Monday that 40 people had died.", "2024-10-21"),
        # a dash before a number of days is no span
        ("On 6 October - 40 days after the quake - officials put the toll at 900.",
         "2024-10-06"),
    ],
)  # fmt: skip
def test_a_day_by_the_speaker_dates_the_claim(text, day):
    assert [c.date for c in extract_claims(text, PUBLISHED)] == [ClaimDate(day, "day")]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("On Sunday police said 40 shops had been looted.", "police"),
        ("Late on Friday rescuers said 40 people had been pulled out alive.", "rescuers"),
        ("In March officials said 40 schools would close.", "officials"),
        # a day that is part of a name stays in it
        ("The Sunday Courier reported that 40 schools would close.", "Sunday Courier"),
    ],
)
def test_a_day_before_the_source_is_when_it_spoke(text, claimant):
    assert [c.claimant for c in extract_claims(text, PUBLISHED)] == [claimant]


def test_labelled_articles_quality():
    result = extraction_quality.evaluate()
    assert result["articles"] >= 10
    assert result["precision"] >= 0.9 and result["recall"] >= 0.9, result


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed article is not beside the project")
def test_seed_article():
    claims = extract_claims(SEED.read_text(encoding="utf-8"), date(2024, 10, 24))
    by_claimant = {(c.claimant, c.stance): c for c in claims}
    us = by_claimant[("U.S.", "confirms")]
    assert us.figure.stated == 3000 and us.figure.qualifier == "exact"
    zelensky = by_claimant[("Volodymyr Zelensky", "alleges")]
    assert zelensky.figure.stated == 10000 and zelensky.figure.qualifier == "at_most"
    assert by_claimant[("Russian government", "denies")].figure is None
    assert sum(c.figure is not None and c.figure.stated == 3000 for c in claims) == 1


# --- the command ----------------------------------------------------------------------------

ARTICLE = """Floods displace 40,000, officials say

LAGOS, Oct 25 (Wire) - Floods have displaced about 40,000 people in Lagos state, the state emergency agency said on Thursday.

Governor Ade Bello said at least 12 people had died. The federal government denied reports that it had ignored warnings.
"""
HTML = """<!doctype html><html><head><title>Floods displace 40,000</title>
<link rel="canonical" href="https://news.example.org/floods">
<meta property="article:published_time" content="2024-10-25T08:00:00Z"></head>
<body><nav>Home | World | Share 3</nav><article><h1>Floods displace 40,000, officials say</h1>
<p>Floods have displaced about 40,000 people in Lagos state, the state emergency agency said on Thursday.</p>
<p>Governor Ade Bello said at least 12 people had died. The federal government denied reports that it had ignored warnings.</p>
</article><footer>12 comments</footer></body></html>"""

CANDIDATE_KEYS = {
    "text", "source", "speaks_for", "topic", "date", "date_precision", "date_basis", "as_of", "url",
    "appearances", "figure", "unit", "quantity", "stance", "tags", "note", "verdict",
    "verdict_explanation", "verdict_at", "verdict_by", "added_by", "created_at", "updated_at",
    "sentence", "confidence", "save",
}  # fmt: skip


def _expected(candidates):
    return [(c["source"], c["figure"]["low"] if c["figure"] else None) for c in candidates]


def test_extract_text_file(cli, tmp_path, db_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE)
    out = cli("extract", str(path), "--published", "2024-10-25").stdout
    assert "state emergency agency" in out and "Ade Bello" in out and "denies" in out
    assert not db_path.exists()  # only reading: no database is created
    candidates = json.loads(cli("extract", str(path), "--published", "2024-10-25", "--json").stdout)
    assert set(candidates[0]) == CANDIDATE_KEYS
    assert _expected(candidates) == [
        ("state emergency agency", 40000), ("Ade Bello", 12), ("federal government", None),
    ]  # fmt: skip
    assert candidates[0]["date"] == "2024-10-24" and candidates[0]["stance"] == "asserts"


def test_extract_html_file_uses_page_metadata(cli, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML)
    candidates = json.loads(cli("extract", str(path), "--json").stdout)
    assert _expected(candidates)[:2] == [("state emergency agency", 40000), ("Ade Bello", 12)]
    assert candidates[0]["url"] == "https://news.example.org/floods"
    assert candidates[0]["date"] == "2024-10-24"  # Thursday before the page's date


def test_extract_stdin(cli):
    candidates = json.loads(
        cli("extract", "-", "--published", "2024-10-25", "--json", input=ARTICLE).stdout
    )
    assert len(candidates) == 3


@pytest.fixture
def server():
    pages = {
        "/article": ("text/html; charset=utf-8", HTML.encode()),
        "/image": ("image/png", b"\x89PNG\r\n"),
        "/plain": ("text/plain", b"just text"),
    }

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            kind, body = pages.get(self.path, ("text/html", b""))
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_extract_from_a_local_url(cli, server):
    candidates = json.loads(cli("extract", f"{server}/article", "--json").stdout)
    assert _expected(candidates)[:2] == [("state emergency agency", 40000), ("Ade Bello", 12)]


def test_save_is_idempotent_and_keeps_the_url(cli, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE)
    args = [
        "extract",
        str(path),
        "--published",
        "2024-10-25",
        "--url",
        "https://example.org/f",
        "--save",
    ]
    out = cli(*args).stdout
    assert "Saved 3 new claims from https://example.org/f; 0 already stored." in out
    claims = cli.json("list")
    assert {c["url"] for c in claims} == {"https://example.org/f"}
    assert {c["source"] for c in claims} == {
        "state emergency agency",
        "Ade Bello",
        "federal government",
    }
    assert "Saved 0 new claims" in cli(*args).stdout
    assert len(cli.json("list")) == 3


def test_interactive_accept_edit_skip_quit(cli, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE)
    answers = "a\ne\nfigure\nat least 14\na\nq\n"
    out = cli("extract", str(path), "--published", "2024-10-25", "-i", input=answers).stdout
    assert "[1/3]" in out and "[2/3]" in out and "[3/3]" in out
    assert "Saved 2 new claims" in out
    figures = {c["source"]: c["figure"] for c in cli.json("list")}
    assert figures["Ade Bello"]["low"] == 14 and figures["Ade Bello"]["qualifier"] == "at_least"
    assert "federal government" not in figures


def test_interactive_bad_edit_is_refused_and_asked_again(cli, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE)
    answers = "e\ndate\nsoonish\ns\ns\ns\n"
    out = cli("extract", str(path), "--published", "2024-10-25", "-i", input=answers).stdout
    assert "Not changed:" in out and "Saved 0 new claims" in out


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{tmp}/missing.txt", "no such file"),
        ("{tmp}/binary.bin", "binary file"),
        ("{tmp}/empty.txt", "the article is empty"),
        ("{server}/image", "is not an HTML page"),
        ("{server}/plain", "is not an HTML page"),
        ("{server}/gone", "answered HTTP 404"),
        ("http://127.0.0.1:9/closed", "cannot reach"),
        ("ftp://example.org/article", "not an http or https address"),
    ],
)
def test_extract_bad_input(cli, db_path, tmp_path, server, source, message):
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "empty.txt").write_text("   \n\n")
    cli("list")
    before = dump(db_path)
    line = cli.error("extract", source.format(tmp=tmp_path, server=server), "--save")
    assert message in line
    assert dump(db_path) == before


def test_an_over_long_sentence_gives_each_figure_the_words_around_it():
    parts = [f"{n * 7 + 1:,} people in district {n}" for n in range(1500)]
    text = "The ministry said " + ", ".join(parts) + "."
    claims = extract_claims(text, PUBLISHED)
    assert len(text) > 30_000 and len(claims) > 1000
    assert all(len(c.sentence) <= 1000 for c in claims)
    last = claims[-1]
    assert last.figure is not None and last.figure.text in last.sentence
    assert last.sentence.startswith("…") and last.sentence.endswith(".")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a figure the source gave before the one the story reports: proposed, not kept
        ("Earlier police reports listed 19 deaths.", False),
        ("The ministry had initially put the toll at 30.", False),
        ("The toll rose from 40 to 61, the health ministry said.", False),
        # "earlier this week" dates a statement, it does not supersede it
        ("The ministry said earlier this week that 40 people died.", True),
        ("Police reports listed 19 deaths.", True),
    ],
)
def test_earlier_figures_are_proposed_below_the_saving_threshold(text, kept):
    from claimtrack.cli.ingest import SAVE_THRESHOLD

    first = extract_claims(text, PUBLISHED)[0]
    assert (first.confidence >= SAVE_THRESHOLD) is kept


def test_a_sentence_read_with_a_lost_space_put_back_is_given_back_as_written():
    text = "Nearly 30,000according to the union marched on Sunday."
    (claim,) = extract_claims(text, PUBLISHED)
    assert (claim.claimant, claim.figure.stated, claim.sentence) == ("union", 30000, text)


def test_a_tally_another_source_announced_counts_what_the_count_before_counts():
    text = (
        "The UN toll of 3,120 was nearly twice the 1,890 tally the Lora government "
        "announced earlier Monday."
    )
    found = [(c.claimant, c.figure.stated, c.unit, c.confidence >= 0.6)
             for c in extract_claims(text, PUBLISHED)]  # fmt: skip
    assert found == [("UN", 3120, "deaths", True), ("Lora government", 1890, "deaths", True)]


def test_some_among_the_counted_are_a_part_and_the_day_of_the_event_dates_no_claim():
    text = "Some 30 children are among the 125 dead, officials said."
    found = [(c.figure.stated, c.part) for c in extract_claims(text, PUBLISHED)]
    assert found == [(30, True), (125, False)]
    # "died after the match on Saturday": the match's day; the claim is the report's
    (claim,) = extract_claims("Police revealed 125 people died after the match on Saturday.",
                              PUBLISHED)  # fmt: skip
    assert claim.date is None
    (claim,) = extract_claims("Police said after a briefing on Monday that 40 died.", PUBLISHED)
    assert claim.date is not None and claim.date.precision == "day"


def test_a_number_with_broken_digit_groups_is_proposed_for_the_user_to_read_not_saved():
    (claim,) = extract_claims("Police said 340,00 people marched.", PUBLISHED)
    assert claim.confidence < 0.6
    (claim,) = extract_claims("Police said 3,40,000 people marched.", PUBLISHED)
    assert claim.confidence >= 0.6  # lakh grouping, as Indian copy writes it
