"""What a figure measures: the quantity vocabulary, in one place.

A quantity is what is counted (people, troops, US dollars, percent of staff),
in which state (dead, missing, on strike, deployed, found safe ...), and, where
the text says so, a subgroup (children) or a place (in Kursk). Two figures are
compared only when they measure one quantity: "people missing", "unaccounted
for" and "missing" are one; "found safe" is another; "children killed" is a
part of "people killed", never compared with it. Pure: text in, Quantity out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from claimtrack.errors import ParseError

LEVEL, CUMULATIVE, EVENT = "level", "cumulative", "event"
PART = "part"  # the group of a part of a larger count, never compared with the whole
PAID = "paid"  # a state of money only
# A gap between two shares ("a lead of two percentage points"), never a share itself.
POINTS = "points"
# ... and of a figure whose story counts several states of the thing it counts while
# its own text names none ("32 people" among the dead, the missing and the survivors):
# it could be any of them, so it is compared with none
UNCLEAR = "unclear"
OTHER = "other"  # a state the text gives in words the vocabulary does not know
KINDS = (LEVEL, CUMULATIVE, EVENT)
KIND_WORDS = {
    LEVEL: "moves both ways; compared only about the same moment",
    CUMULATIVE: "a running total that only grows; a later lower figure conflicts",
    EVENT: "one fixed number for one event; compared for the same event date",
}

# Being at a gathering, or joining it: "at the rally", "for the vigil", "joined the march".
_GATHERINGS = (
    "march marches rally rallies protest protests demonstration demonstrations vigil "
    "funeral concert procession parade".split()
)
_JOIN = ("join", "joins", "joined", "joining")
_AT_A_GATHERING = "|".join(
    f"{lead} the {gathering}" for lead in ("at", "for", *_JOIN) for gathering in _GATHERINGS
)
# ... and joining a strike: "joined the walkout", "joined Tuesday's strikes" (a
# possessive reads as "the")
_JOINED_A_STRIKE = "|".join(
    f"{lead} the {strike}"
    for lead in _JOIN
    for strike in ("strike", "strikes", "walkout", "walkouts", "stoppage", "stoppages")
)

# Each state: its id, its kind, the counted thing it implies when no noun is
# given ("600 are missing" counts people), and the words that say it in a
# text, split by "|": plain words, matched word by word, longer phrases before
# the words inside them ("unaccounted for" is not "accounted for").
_STATE_ROWS: list[tuple[str, str, str | None, str]] = [
    ("casualties", CUMULATIVE, "people",
     "killed or wounded|killed and wounded|killed or injured|killed and injured|dead or injured|"
     "dead and injured|dead or wounded|casualties|casualty"),
    ("found-safe", CUMULATIVE, "people",
     "found safe|found alive|found safe and well|accounted for|located safe|traced|"
     "reunited with their families|reunited with family"),
    ("missing", LEVEL, "people",
     "unaccounted for|still missing|remain missing|reported missing|missing|disappeared|"
     "not been found|lost at sea"),
    ("dead", CUMULATIVE, "people",
     "death toll|lost their lives|killed|killing|dead|died|die|dies|dying|deaths|death|"
     "fatalities|fatality|martyred|martyrs|martyr|"
     "perished|drowned|lives|toll"),
    ("injured", CUMULATIVE, "people", "injured|injuring|wounded|wounding|hurt|injuries|injury"),
    ("rescued", CUMULATIVE, "people", "rescued|pulled alive|saved"),
    ("survived", CUMULATIVE, "people", "survived|survivors|survivor|escaped|got out|made it out"),
    # Evacuated, displaced and "left their homes" are one count in the copy that
    # gives them: where people are who had to leave.
    ("displaced", LEVEL, "people",
     "displaced|uprooted|fled|forced from their homes|left their homes|lost their homes|"
     "homeless|refugees|ordered to leave|ordered to evacuate|under evacuation orders|"
     "under orders to leave|"
     "refugee|idps|evacuated|evacuees|evacuee"),
    ("sheltering", LEVEL, "people",
     "in shelters|in camps|sheltering|in relief camps|to shelters|temporary shelters|"
     "evacuation centres|evacuation centers"),
    ("in-need", LEVEL, "people", "in need|need aid|need help|need humanitarian|need assistance"),
    ("hospitalised", LEVEL, "people",
     "hospitalised|hospitalized|in hospital|treated in hospital|admitted to hospital|"
     "admitted with|being treated|under treatment|undergoing treatment|receiving treatment"),
    ("trapped", LEVEL, "people", "trapped|stranded"),
    # how many a vessel or an aircraft carried: one number for one voyage
    ("aboard", EVENT, "people", "on board|onboard|aboard|boarded|carrying"),
    ("arrested", CUMULATIVE, "people",
     "arrested|detained|arrests|detentions|taken into custody|in custody"),
    ("held", LEVEL, "people", "held hostage|hostages|hostage|held captive|prisoners|captives|pows"),
    ("infected", CUMULATIVE, "people",
     "infected|infections|cases|tested positive|fell ill|sickened|suspected cases"),
    ("attending", EVENT, "people",
     "turned out|turnout|took part|taking part|participated|participating|attended|attending|"
     "marched|rallied|gathered|protested|demonstrated|"
     "gathering|marching|rallying|protesting|demonstrating|voted|cast ballots|cast their ballots|"
     "attracted|attracting|"
     "took to the streets|taken to the streets|"
     f"{_AT_A_GATHERING}|showed up|in attendance|were present|"
     "protesters|protestors|demonstrators|marchers|participants|attendees|attendance|crowd"),
    ("on-strike", EVENT, "workers",
     "on strike|went on strike|walked out|striking|strikers|walkout|did not turn up|"
     f"stayed away from work|stayed off work|{_JOINED_A_STRIKE}|"
     "downed tools|stopped work"),
    # ... and those who worked through it: the count a strike story sets against it
    ("at-work", EVENT, "workers",
     "reported for work|reported to work|reported for duty|came to work|came in to work|"
     "came into work|turned up for work|turned up to work|showed up for work|"
     "showed up to work|went to work|went to their jobs|kept working|continued working|"
     "crossed picket lines|crossed the picket lines"),
    ("laid-off", CUMULATIVE, "workers",
     "laid off|layoffs|lay-offs|job cuts|jobs cut|cut jobs|redundancies|lose their jobs|"
     "lost their jobs|losing their jobs"),
    ("deployed", LEVEL, "troops",
     "deployed|stationed|sent|dispatched|mobilised|mobilized|mobilising|mobilizing|massed|"
     "positioned"),
    ("launched", EVENT, None, "launched|fired|attacked with"),
    ("intercepted", EVENT, None, "shot down|intercepted|downed|neutralised|neutralized"),
    ("destroyed", CUMULATIVE, None, "destroyed|razed|flattened|levelled|leveled|burned down"),
    ("damaged", CUMULATIVE, None, "damaged"),
    ("pledged", CUMULATIVE, None, "pledged|promised"),
    ("raised", CUMULATIVE, None, "raised"),
    # what was handed over of what was pledged: the count an aid story sets against it
    (PAID, CUMULATIVE, None,
     "paid out|paid|disbursed|delivered|transferred|handed over|donated"),
    ("burned", CUMULATIVE, None, "burned|burnt|scorched"),
]  # fmt: skip

# What an amount of money is: a loss, a cost, aid ... (the state of a currency's
# quantity), named by the noun the amount is of. One event's losses or one
# project's cost is one number, however late it is estimated.
_MONEY_MEASURES = {
    **dict.fromkeys("losses loss damage damages tab payouts".split(), "losses"),
    # a project's budget is what it is said to cost
    **dict.fromkeys(
        "cost costs expenditure expenditures spending spent bill budget".split(), "cost"
    ),
    **dict.fromkeys("aid funding assistance".split(), "aid"),
    **dict.fromkeys("revenue revenues sales income".split(), "revenue"),
    **dict.fromkeys("debt deficit".split(), "debt"),
}
_MONEY_KINDS = {"losses": EVENT, "cost": EVENT, "aid": CUMULATIVE, "revenue": LEVEL, "debt": LEVEL}

STATES: dict[str, tuple[str, str | None]] = {
    **{state: (kind, None) for state, kind in _MONEY_KINDS.items()},
    **{state: (kind, counted) for state, kind, counted, _ in _STATE_ROWS},
}

# Counted nouns: (the unit's normal form, what is counted, the state the noun
# itself says, the subgroup it names, its spellings). The normal form is what
# `normalise_unit` gives, so that "soldiers" and "forces" are "troops".
_NOUN_ROWS: list[tuple[str, str, str | None, str | None, str]] = [
    ("troops", "troops", None, None,
     "troops troop soldiers soldier forces personnel servicemen servicemembers service-members "
     "servicepeople fighters combatants military-personnel marines conscripts recruits "
     "reservists"),
    ("people", "people", None, None,
     "people persons person individuals men residents inhabitants villagers migrants passengers "
     "names citizens locals voters electors"),
    ("deaths", "people", "dead", None,
     "deaths death dead fatalities fatality killed lives bodies people-killed death-toll toll "
     "martyrs martyr"),
    ("casualties", "people", "casualties", None, "casualties casualty"),
    ("injuries", "people", "injured", None, "injured wounded injuries injury hurt"),
    ("missing", "people", "missing", None, "missing unaccounted"),
    ("displaced", "people", "displaced", None,
     "displaced refugees refugee evacuees evacuee idps homeless"),
    ("prisoners", "people", "held", None,
     "prisoners prisoner captives captive pows hostages hostage detainees detainee"),
    ("arrests", "people", "arrested", None, "arrests arrested"),
    ("survivors", "people", "survived", None, "survivors survivor"),
    ("protesters", "people", "attending", None,
     "protesters protestors demonstrators marchers participants attendees crowd spectators"),
    ("cases", "people", "infected", None, "cases case infections"),
    ("civilians", "people", None, "civilians", "civilians civilian"),
    ("militants", "people", None, "militants",
     "militants militant terrorists terrorist insurgents insurgent gunmen jihadists"),
    ("children", "people", None, "children", "children child kids minors boys girls babies infants"),
    ("women", "people", None, "women", "women"),
    ("journalists", "people", None, "journalists", "journalists journalist reporters"),
    ("aid workers", "people", None, "aid workers", "aid-workers humanitarian-workers"),
    ("health workers", "people", None, "health workers",
     "health-workers doctors doctor nurses nurse medics paramedics"),
    ("police", "people", None, "police", "police policemen police-officers officers"),
    ("students", "people", None, "students", "students student pupils schoolchildren"),
    ("patients", "people", None, "patients", "patients patient"),
    ("workers", "workers", None, None,
     "workers worker labourers laborers employees employee staff staffers jobs job workforce"),
    ("strikers", "workers", "on-strike", None, "strikers"),
    ("layoffs", "workers", "laid-off", None, "layoffs lay-offs redundancies job-cuts"),
    ("missiles", "missiles", None, None, "missiles missile rockets rocket"),
    ("shells", "shells", None, None, "shells shell rounds artillery-shells"),
    ("drones", "drones", None, None, "drones drone uavs"),
    ("tanks", "tanks", None, None, "tanks tank"),
    ("vehicles", "vehicles", None, None, "vehicles vehicle"),
    ("aircraft", "aircraft", None, None,
     "aircraft planes plane jets jet warplanes warplane fighter-jets airplanes aeroplanes "
     "helicopters helicopter"),
    ("ships", "ships", None, None, "ships ship vessels vessel boats boat"),
    ("buildings", "buildings", None, None,
     "buildings building homes home houses house structures dwellings apartments"),
    ("families", "families", None, None, "families family households household"),
    ("hectares", "hectares", None, None, "hectares hectare ha"),
    ("acres", "acres", None, None, "acres acre"),
    ("tonnes", "tonnes", None, None, "tonnes tonne tons ton"),
    ("trucks", "trucks", None, None, "trucks truck lorries lorry"),
    ("votes", "votes", None, None, "votes vote ballots"),
    ("percent", "percent", None, None, "percent per-cent pct %"),
    ("dollars", "usd", None, None, "dollars dollar usd $"),
    ("euros", "eur", None, None, "euros euro eur €"),
    ("pounds", "gbp", None, None, "pounds sterling gbp £"),
]  # fmt: skip

_NOUNS: dict[str, tuple[str, str, str | None, str | None]] = {
    noun: (unit, counted, state, group)
    for unit, counted, state, group, nouns in _NOUN_ROWS
    for noun in nouns.split()
}
# Counted nouns that mean the same thing, by their normal form: the table the
# figure parser uses to tell a counted noun from any other word.
UNIT_SYNONYMS: dict[str, str] = {noun: row[0] for noun, row in _NOUNS.items()}

COUNTED_LABELS = {"usd": "US dollars", "eur": "euros", "gbp": "pounds"}
_CURRENCY_SIGNS = {"$": "usd", "€": "eur", "£": "gbp"}


@dataclass(frozen=True)
class Quantity:
    """What a figure measures. `key` is stable text (stored, typed with
    --quantity): counted[:state][(group)][@place], e.g. people:missing@derna."""

    counted: str
    state: str | None = None
    group: str | None = None
    place: str | None = None

    @property
    def key(self) -> str:
        key = self.counted
        if self.state:
            key += f":{self.state}"
        if self.group:
            key += f"({self.group})"
        if self.place:
            key += f"@{self.place}"
        return key

    @property
    def label(self) -> str:
        """In words: 'people missing', 'children dead in Gaza', 'percent of workers on strike',
        'people dead a day'."""
        if self._rate:
            return f"{Quantity(self.counted, self.state, None, self.place).label} a {self._rate}"
        what = COUNTED_LABELS.get(self.counted, self.counted)
        if self.state in _MONEY_KINDS:
            # an amount: what it is first, the currency after ("insured losses in US dollars")
            part = "" if self.group in (None, PART) else f"{self.group.replace('-', ' ')} "
            words = (
                f"{part}{self.state} in {what if self.counted in COUNTED_LABELS else what.upper()}"
            )
        else:
            if self.group and is_side(self.group):
                what = f"{_title(self.group)} {what}"
            elif self.counted == "percent" and self.group == POINTS:
                what = "percentage points"
            elif self.group and self.group.startswith("for-"):
                # "percent of votes for Obi", "votes for Obi"
                whose = f"for {_title(self.group[4:])}"
                what = (
                    f"percent of votes {whose}" if self.counted == "percent" else f"{what} {whose}"
                )
            elif self.group and self.group not in (PART, UNCLEAR, OTHER):
                what = f"percent of {self.group}" if self.counted == "percent" else self.group
            words = what + (f" {self.state.replace('-', ' ')}" if self.state else "")
        if self.place:
            words += " nationwide" if self.place == "nationwide" else f" in {_title(self.place)}"
        return words + {
            PART: ", a part",
            UNCLEAR: ", in a state not given",
            OTHER: ", in a state of its own",
        }.get(self.group or "", "")

    @property
    def _rate(self) -> str | None:
        """'day' of a rate's group 'per-day': so many a day."""
        return self.group[4:] if self.group and self.group.startswith("per-") else None

    @property
    def kind(self) -> str:
        """The default kind, from the state: see KINDS and the README's table."""
        return default_kind(self.state)


def default_kind(state: str | None) -> str:
    return STATES[state][0] if state in STATES else LEVEL


def _title(place: str) -> str:
    return " ".join(part[:1].upper() + part[1:] for part in place.split("-"))


_KEY = (
    r"^(?P<counted>[^:()@\s]+?)(?::(?P<state>[a-z-]+))?"
    r"(?:\((?P<group>[^:()@]+)\))?(?:@(?P<place>[^:()@]+))?$"
)


@lru_cache(maxsize=4096)
def from_key(key: str) -> Quantity:
    """A stored key back as a Quantity (keys written by this module always parse)."""
    match = _pattern(_KEY).match(key)
    if not match:
        raise ParseError(f"{key!r} is not a quantity key such as 'people:missing@derna'")
    return Quantity(match["counted"], match["state"], match["group"], match["place"])


@lru_cache(maxsize=4096)
def label_of(key: str | None) -> str:
    """A key in words; '' for none. An unreadable key (hand-written SQL) shows as itself."""
    if not key:
        return ""
    try:
        return from_key(key).label
    except ParseError:
        return key


def kind_of(key: str | None) -> str:
    """The default kind of a quantity key."""
    if not key:
        return LEVEL
    try:
        return from_key(key).kind
    except ParseError:
        return LEVEL


def parse_quantity(text: str) -> Quantity:
    """What the user typed with --quantity: a key ('people:missing', 'troops@kursk')
    or words ('people missing in Derna', 'missing children')."""
    value = " ".join(text.strip().split())
    if not value:
        raise ParseError("the quantity is empty; give one such as 'people missing'")
    if any(mark in value for mark in ":()@"):
        try:
            quantity = from_key(value.lower())
        except ParseError:
            raise ParseError(
                f"cannot read the quantity {text!r}; write counted[:state][(group)][@place], "
                "such as 'people:missing@derna', or words such as 'people missing'"
            ) from None
        if quantity.state and quantity.state not in STATES:
            raise ParseError(
                f"unknown state {quantity.state!r}; use one of: {', '.join(sorted(STATES))}"
            )
        return quantity
    found = infer_quantity(value, _first_noun(value), keep_places=True)
    if found is None:
        # One word the vocabulary does not know still names what is counted.
        if re.fullmatch(r"[^\W\d_][\w'-]*", value) and len(value) <= 40:
            return Quantity(_noun_key(value))
        raise ParseError(f"cannot read a quantity in {text!r}; try 'people missing' or 'troops'")
    if (found == Quantity(found.counted) or found.group == OTHER) and any(
        w.endswith(("ed", "ing")) and w not in _NOUNS for w in value.lower().split()
    ):
        # "people clashed": a state the vocabulary does not know, which would be lost
        raise ParseError(
            f"cannot read a state in {text!r}; use one of: {', '.join(sorted(STATES))}"
        )
    return found


def _first_noun(text: str) -> str | None:
    """The word that says what is counted: a plain counted noun ('people' in
    'people missing', 'children' in 'missing children') before a state noun."""
    nouns = [w for w in re.findall(r"[\w%$€£'-]+", text.lower()) if w in _NOUNS]
    plain = [w for w in nouns if _NOUNS[w][2] is None]
    return (plain or nouns or [None])[0]


def _noun_key(noun: str) -> str:
    return re.sub(r"[^a-z0-9%$€£' -]", "", re.sub(r"\s+", "-", noun.strip().lower())) or "things"


@lru_cache(maxsize=4096)
def normalise_unit(unit: str | None) -> str | None:
    """'Soldiers' -> 'troops'; unknown nouns are lower-cased and kept."""
    if not unit:
        return None
    key = re.sub(r"\s+", "-", unit.strip().lower().rstrip(".").replace("’", "'"))
    if key in UNIT_SYNONYMS:
        return UNIT_SYNONYMS[key]
    last = key.split("-")[-1]
    if last in UNIT_SYNONYMS:
        return UNIT_SYNONYMS[last]
    return key or None


# Nouns that are their state ("deaths", "the missing"): what the text says next
# does not change it. Role nouns ("protesters", "refugees") give way to the text:
# "200 protesters were arrested".
_OUTCOMES = {"deaths", "casualties", "injuries", "missing", "cases", "arrests", "layoffs"}


def names_persons(noun: str) -> bool:
    """Whether a noun counts people or troops themselves ('civilian', 'soldier'), not
    what befell them ('injury', 'death')."""
    counted, state, _ = _sense(noun)
    return counted in _PERSONS and state is None


@lru_cache(maxsize=4096)
def _sense(unit: str | None) -> tuple[str | None, str | None, str | None]:
    """(counted, state, group) that a counted noun says; a multi-word unit such as
    'people displaced' says both what and which state."""
    if not unit:
        return None, None, None
    key = re.sub(r"\s+", "-", unit.strip().lower().rstrip(".").replace("’", "'"))
    if key in _NOUNS:
        return _NOUNS[key][1:]
    counted = state = group = None
    for word in key.split("-"):
        if word in _NOUNS:
            _, word_counted, word_state, word_group = _NOUNS[word]
            if counted is None or (counted == "people" and word_group):
                counted, group = word_counted, word_group or group
            state = state or word_state
    if counted is None and key.endswith("s") and is_side(key[:-1]):
        return "people", None, key[:-1]  # "750,000 Iraqis": people, of that side
    if counted is None:
        # a verb of a state read as the counted noun ("a million attended", "40
        # escaped"): the thing that state counts, in it
        said = _STATE_PHRASES.get((key,))
        if said is not None and STATES[said][1]:
            return STATES[said][1], said, None
        last = key.split("-")[-1]
        # a model's name is counted whole: "one MiG-29", not "29"
        return _noun_key(key if last.isdigit() else last), state, None
    return counted, state, group


@cache
def _pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compiled on first use: most commands never read a quantity from text."""
    return re.compile(pattern, flags)


_STATE_PHRASES: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): state
    for state, _, _, words in reversed(_STATE_ROWS)
    for phrase in words.split("|")
}
_LONGEST = max(len(phrase) for phrase in _STATE_PHRASES)
_FIRST_WORDS = {phrase[0] for phrase in _STATE_PHRASES}


# Where a clause ends: punctuation, or "and"/"with" before another figure, or a
# word that turns to something else. Patterns do the scanning (in C); what is
# left is set look-ups, which keeps reading a quantity cheap for a large import.
_CLAUSE_END = (
    # "and N", "and left N": another figure's clause
    r"[.;:!?()\[\]]|,[\"”]?\s|\s(?:[-–—]\s|(?:and|with)\s+(?:[a-z]+\s+)?"
    r"(?=(?:an?\s+|another\s+|some\s+|at\s+least\s+|about\s+|up\s+to\s+|more\s+than\s+)?\d)"
    r"|(?:but|while|whereas|including|of\s+whom|among\s+them)\b|(?:and|with)\s*$"
    # "and the number of wounded at 300": another count's
    r"|and\s+the\s+(?:[a-z]+\s+)?(?:number|count|toll|tally|total)\b)"
)
# A part of a place by its side, before the name: "in southern Brazil", "across
# central Madrid", "in the far north-east of Syria" stays unread.
_SIDE = (
    r"(?:(?:far\s+)?(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?|central|mid|"
    r"inland|coastal|rural|downtown|greater)"
)
_PLACE = (
    r"\b(?<![Aa]ccording )(?:in|to|into|inside|across|throughout)\s+(?:the\s+)?"
    rf"(?:{_SIDE}\s+)?"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3})(?P<next>\s+[a-z]+)?"
    r"|(?P<nationwide>\bnationwide\b|\bnationally\b|\bacross\s+the\s+(?:country|nation)\b)"
)
_NOT_PLACES = set(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday The A An".split()
)
_PLACE_TAILS = set(
    "Region Province Oblast City State District Governorate County Strip Area".split()
)
_WORD_EDGES = "\"'“”‘’"


# A percentage before what it changes is no share: "a planned 5% cut to pay"
_CHANGES = r"\s+((?:pay\s+|wage\s+|salary\s+|price\s+|tax\s+)?(?:cut|cuts|rise|increase|decrease|drop|fall|hike|raise|reduction|jump|growth|decline))\b"


# Words that may stand between the counted and what they did: "300 people then fled".
_BEFORE_A_VERB = {"reportedly", "also", "then", "later", "all", "had", "have"}
_PAST = set(
    """broke fought fled threw ran stormed tore burned burnt seized blocked occupied
    signed""".split()
)


def _did_something(words: list[str]) -> bool:
    """Whether the words after a count of people start with what they did, a verb: "broke
    away", "signed the petition" (not a state they are in: "are camped")."""
    at = 0
    while at < len(words) and words[at].lower() in _BEFORE_A_VERB:
        at += 1
    if at >= len(words):
        return False
    word = words[at].lower().strip(",.;:")
    return word in _PAST or (len(word) > 4 and word.endswith("ed") and word.isalpha())


def _clause_after(text: str, limit: int) -> str:
    """The words after a figure, up to the end of its clause."""
    end = _pattern(_CLAUSE_END).search(text)
    return " ".join((text[: end.start()] if end else text).split()[:limit])


def _clause_before(text: str, limit: int = 5) -> list[str]:
    """The words before a figure, back to the start of its clause: of "Survivors
    told reporters that 300 people boarded", the words after "that"."""
    clause = _pattern(_CLAUSE_END).split(text)[-1]
    return _pattern(r"\bthat\s").split(clause)[-1].split()[-limit:]


# "the number of villagers who died ... stood at": what the number counts,
# the state in the words right after its noun
_NUMBER_OF = r"\b(?:number|count|total)\s+of\s+(?:the\s+)?[a-z]+\s+((?:[a-z]+\s+){1,4})"


def _state_of_counted(before: str) -> str | None:
    clause = _pattern(_CLAUSE_END).split(before)[-1]  # not "the number of ... , but"
    found = list(_pattern(_NUMBER_OF, re.IGNORECASE).finditer(clause))
    return _state_in(found[-1].group(1).split()) if found else None  # the last before it


def _state_in(words: list[str], *, last: bool = False) -> str | None:
    """The first state the words name (the last one, for words before a figure)."""
    lowered = [
        "the" if word.endswith(("'s", "’s")) else word.lower().strip(_WORD_EDGES) for word in words
    ]
    found = None
    for start, word in enumerate(lowered):
        if word not in _FIRST_WORDS:
            continue
        for size in range(min(_LONGEST, len(lowered) - start), 0, -1):
            state = _STATE_PHRASES.get(tuple(lowered[start : start + size]))
            if state is not None:
                if not last:
                    return state
                found = state
                break
    return found


def _place_in(text: str) -> str | None:
    """The first place a text puts something in, as written; 'nationwide' for the
    whole country. 'Russia's Kursk region' is Kursk, the narrower one."""
    for match in _pattern(_PLACE).finditer(text):
        if match["nationwide"]:
            return "nationwide"
        name = match["place"].replace("’", "'").split()
        if name[0] in _NOT_PLACES:
            continue
        if _pattern(_AIMING).search(text, max(0, match.start() - 40), match.start()):
            continue  # "migrants trying to cross into Velden": where they aim for, not are
        following = (match["next"] or "").strip()
        if _noun_like(following) and is_side(name[-1].lower()):
            if following not in _DIVISIONS:
                continue  # "in Indian territory", "to Pakistani cities": whose, not where
            name.append(following)  # "the Somali region"
        while name and (name[-1] in _PLACE_TAILS or name[-1] == "of"):
            name.pop()
        owners = [i for i, word in enumerate(name) if word.endswith("'s")]
        if owners and owners[-1] < len(name) - 1:
            name = name[owners[-1] + 1 :]
        elif owners:
            # "Norland's breakaway region of Vesk", "India's northern state of
            # Assam", "Russia's western Kursk region": the narrower place the owner holds
            narrower = _pattern(_NARROWER).match(text, match.end())
            if narrower:
                name = (narrower["of"] or narrower["before"]).split()
        if name:
            return " ".join(name).removesuffix("'s")
    return None


# Where a count's people try to go: "trying to cross into", "hoping to reach"
_AIMING = (
    r"\b(?:trying|attempting|seeking|hoping|waiting|wanting|planning|intending|tried|attempted|"
    r"sought|hoped|waited|wanted|planned|intended)\s+to\s+(?:\w+\s+)?$"
)
_DIVISION = r"(?:province|region|state|district|republic|territory|county|governorate|oblast)"
# The words after a people's adjective that make it a place's name ("Kurdish
# region"); before any other noun it says whose a thing is ("Indian territory").
_DIVISIONS = set(_DIVISION[3:-1].split("|")) - {"territory"} | {"prefecture"}
_NOT_NOUNS = set(
    """on in at to of for from with by and or but as than that which who where when while
    last this next since after before during until is are was were has have had will would
    said says""".split()
)


def _noun_like(word: str) -> bool:
    """Whether a lower-case word after a capitalised one may be a noun it qualifies
    ("Indian territory"), not a verb or a small word ("the Mediterranean rescued",
    "the Vatican on Sunday")."""
    return bool(word) and word not in _NOT_NOUNS and not word.endswith("ed")


_NARROWER = (
    rf"\s+(?:[a-z-]+\s+){{0,3}}?{_DIVISION}\s+of\s+(?:the\s+)?"
    r"(?P<of>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
    r"|\s+(?:[a-z-]+\s+){0,2}?(?P<before>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+" + _DIVISION
)


def place_named(text: str) -> str | None:
    """The first place a text puts something in, as written."""
    return _place_in(text)


def _place_key(name: str | None) -> str | None:
    return "-".join(name.lower().split()) if name else None


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    words = _pattern(r"[^\W\d_][\w'-]*").findall(text.casefold().replace("'s", ""))
    return frozenset(word[:5] for word in words)


def infer_quantity(
    text: str,
    unit: str | None = None,
    phrase: str | None = None,
    *,
    figure_text: str | None = None,
    topic: str | None = None,
    keep_places: bool = False,
) -> Quantity | None:
    """The quantity a claim's figure measures, read from its text and the counted noun.

    The state comes from the words after the counted phrase ("were missing"),
    else the verb before the figure ("killed 50"), else the noun itself
    ("deaths"), else what the counted thing usually means (troops: deployed).
    A place named after the figure is a scope, unless the topic's name already
    holds it (the story's own place); `keep_places` keeps it whatever the topic.
    """
    counted, noun_state, group = _sense(unit)
    if group is None and phrase:
        group = side_in(phrase)
    anchor = -1
    written = True  # whether the counted noun stands with the figure, not before it
    for needle in (figure_text, phrase, unit):
        if needle and (anchor := text.find(needle)) >= 0:
            end = anchor + len(needle)
            if needle is not phrase and phrase and text.startswith(phrase, _skip_space(text, end)):
                end = _skip_space(text, end) + len(phrase)
            elif needle is figure_text and phrase:
                written = False  # "of the 900 injured, 60 are in hospital"
            break
    # A clause is short: the words either side of the figure are enough.
    if anchor < 0:
        before, after = "", text[:160]
    else:
        before, after = text[max(0, anchor - 80) : anchor], text[end : end + 160]
    named = _pattern(r"\s*of\s+(?:the\s+)?(\w+)").match(after) if unit else None
    if named and named.group(1).lower() == (unit or "").lower():
        after = after[named.end() :]  # "thousands of protesters were injured": its noun
    clause = _clause_after(after, 14)
    words = clause.split()
    if normalise_unit(unit) in _OUTCOMES and written:
        state = noun_state
    else:
        state = (
            _state_in(words[:8])
            # the state said before the noun: "540 destroyed structures"
            or (_state_in(phrase.split()[:-1]) if phrase and " " in phrase else None)
            or _state_in(_clause_before(before), last=True)
            or _state_of_counted(before)
            or noun_state
        )
    if figure_text and counted is None:
        sign = next((s for s in _CURRENCY_SIGNS if s in figure_text), None)
        counted = _CURRENCY_SIGNS.get(sign) if sign else None
    if state == PAID and not (counted and _is_currency(counted)):
        state = None  # "300 patients were transferred": moved, not paid
    if counted == "percent" and figure_text and "point" in figure_text.lower():
        group = POINTS  # "a lead of two percentage points": a gap between shares
    elif counted == "percent":
        # "of teachers", "of its 2.3 million workers": the base counted
        base = _pattern(
            r"\s*of\s+(?:(?:the|all|its|their)\s+)?(?:[\d.,]+\s+(?:million|billion|thousand)?\s*)?"
            r"([^\W\d_][\w-]*(?:['’]s)?(?:\s+[^\W\d_][\w-]*){0,2})"
        ).match(after)
        if base:
            # the counted noun of the words after "of": "of public sector workers"
            words = base.group(1).split()
            # "of the region's workforce": the workforce, not the region it belongs to
            owned = [i for i, w in enumerate(words[:-1]) if w.lower().endswith(("'s", "’s"))]
            if owned:
                words = words[owned[-1] + 1 :]
            noun = next((w for w in reversed(words) if w.lower() in _NOUNS), words[0])
            group = normalise_unit(noun)
            state = _state_in(_clause_after(after[base.start(1) :], 14).split()) or state
        elif change := _pattern(_CHANGES).match(after):
            group = "-".join(change.group(1).lower().split())  # "a 5% pay cut": no share
        elif subject := _pattern(_RATE_OF, re.IGNORECASE).search(before):
            group = subject.group(1).lower()  # "inflation reached 9.8%": of prices, no share
        elif _pattern(_MOVED_BY, re.IGNORECASE).search(before):
            group = "change"  # "up 6% on 2022", "rose 54 percent": how much a count moved

    if group is None and counted == "people" and _pattern(_FROM_ONE_PLACE, re.I).match(after):
        # "58 people from her province had died": those of one place among the story's
        # dead, a part of the toll, not the toll
        group = PART

    if counted == "votes" or (counted == "percent" and group in (None, "votes")):
        # whose votes: "Obi took 53 percent", "Berg received 5.3 million votes", "67
        # percent for Obi", "Obi with 5.9 million votes"; a share of one candidate is
        # never compared with another's
        candidate = _candidate(before, after, counted == "percent" and group is None)
        if candidate:
            group = "for-" + candidate

    if counted and _is_currency(counted):
        # An amount is of a noun anywhere earlier in its sentence: "spending reached
        # €90m, such as ..., as well as €6m for ..." lists parts far after it.
        sentence = text[max(0, anchor - 400) : anchor] if anchor > 80 else before
        measure, part = _money_measure(sentence, after) or (None, None)
        # the noun an amount is of says what it is: "paid €3m of the total cost" is cost
        state = measure if measure and state in (None, PAID) else state
        group = group or part
    if group is None and state == "dead" and (toll := _pattern(_GROUP_TOLL).search(before)):
        # "the civilian toll", "the children's death toll": whose dead it counts
        group = _sense(toll.group(1).lower().removesuffix("'s").removesuffix("’s"))[2]
    if group is None and state == "dead" and (unit or "").lower() == "bodies":
        # "210 bodies were handed over", "buried 30 bodies": what became of some of the
        # dead, not the toll
        fates = [_BODY_FATES[w] for w in (*_clause_before(before, 3), *words) if w in _BODY_FATES]
        group = fates[0] if fates else None
    if (
        group is None
        and state == "dead"
        and (
            "excess" in (phrase or "").lower().split()
            or "excess" in words[:2]
            or _pattern(_EXCESS_BEFORE, re.IGNORECASE).search(before[-40:])
        )
    ):
        # "1.3 million excess deaths": deaths beyond those expected, a measure of its own,
        # never compared with a count of the dead
        group = "excess"
    if group is None and (
        _pattern(_INTENDED).search(before[-60:]) or _pattern(_WILL_BE).match(" ".join(words[:4]))
    ):
        # "is preparing to send 60,000 troops", "is expected to draw 50,000", "3 million
        # would turn up": what is meant to be, never held against what is
        group = "planned"
    rate = _pattern(_RATE).search(" ".join(words[:6]))
    if rate and group is None:
        # "9,000 people die a day": a rate, never compared with a total
        group = "per-" + _RATE_UNITS.get(rate.group(2) or "", rate.group(1) or "day")
    if counted is None and state:
        counted = STATES[state][1]
    if counted is None:
        return None
    if state == "intercepted" and counted in ("people", "troops"):
        state = "dead"  # "80 militants were neutralised": killed; drones are shot down
    if state == "deployed" and counted == "people" and _pattern(_MOBILISED).search(clause):
        state = "attending"  # "1.5 million people mobilised": marched; troops mobilised deploy
    if state is None and group is None and counted == "people" and _did_something(words):
        # "150 people broke away and fought officers": a state the vocabulary does not
        # know, never taken for the story's own ("people attending")
        group = OTHER
    if state is None and counted == "troops":
        state = "deployed"
    place = _place_key(_place_in(clause))
    if place is None and (opening := _pattern(_OPENING_PLACE).match(text)):
        # "In Paris, police counted 93,000, while the union said 800,000": the
        # sentence's place, for each figure in it
        place = _place_key(_place_in(opening.group(1)[:1].lower() + opening.group(1)[1:]))
    if place is None and _pattern(r"\bthere\b").search(" ".join(words[:6])):
        # "officials in Durra said 23 had died there": the place named before
        place = _place_key(_place_in(_pattern(_CLAUSE_END).split(before)[-1]))
    if place and topic is not None and not keep_places and _own_place(place, topic):
        place = None
    return Quantity(counted, state, group, place)


_INTENDED = (
    r"\b(?:plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|prepar(?:es|ed|ing)|aim(?:s|ed|ing)?|"
    r"threaten(?:s|ed|ing)?|(?:is|are|was|were|be|been)\s+(?:expected|due|poised))\s+to\s+"
    r"(?:[a-z]+\s+){1,2}?"
    r"(?:(?:up\s+to|some|about|around|nearly|as\s+many\s+as|more\s+than|another)\s+)?$"
)
_WILL_BE = r"(?:would|will|(?:are|were|is|was)\s+expected\s+to)\b"
_EXCESS_BEFORE = r"\bexcess\s+(?:deaths|mortality|dead)\s+(?:of|at|to|was|were|is|stood\s+at)\s*$"


# Where some of the counted came from, a part of the whole: "from her state", "from the
# village" (not "from Norland", which may name the side the whole story counts).
_FROM_ONE_PLACE = (
    r"\s*(?:[a-z]+\s+)?from\s+(?:her|his|their|its|our|my|the|that|this|one|a)\s+(?:own\s+|home\s+)?"
    r"(?:state|country|district|village|town|city|region|province|county|community|"
    r"constituency|neighbourhood|neighborhood|area|island|tribe|clan)\b"
)


# Who won the votes a figure counts: the name before a verb of winning, the name after
# "for", the name before "with".
_NAME = r"(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+"
_WINNING = (
    r"(?:had\s+|has\s+|would\s+have\s+)?(?:won|wins|received|receives|got|gets|secured|"
    r"secures|obtained|obtains|garnered|garners|took|taken|takes|polled|captured|gained)\b"
)
# "Obi won", "Ana Obi, who led the polls, got": the verb and the figure with no
# other figure between them
_WON = rf"\b({_NAME})(?:,[^,.;\d]{{1,60}},)?\s+{_WINNING}[^.;:\d]{{0,40}}$"
# "the 4.8 million ballots the board said Obi had received": the name after the figure
_WON_AFTER = rf"^\s*(?:votes?\s+)?(?:[^.;,\d]{{0,40}}?\s)?({_NAME})\s+{_WINNING}"
_WITH = rf"\b({_NAME})\s+with\s+(?:[a-z]+\s+){{0,2}}$"
_FOR = (
    r"^\s*(?:percent\s+|per\s+cent\s+|%\s*)?(?:of\s+(?:the\s+)?(?:vote|votes|ballots)\s+)?"
    rf"(?:votes?\s+)?(?:\([^)]*\)\s+)?for\s+({_NAME})"
)
_NOT_CANDIDATES = {"he", "she", "it", "they", "we", "who", "which", "that", "this", "the"}


def _candidate(before: str, after: str, bare_share: bool) -> str | None:
    """Whom the votes went to, where the clause says: the name as written, folded
    ('gonzalez-urrutia'); settle_keys joins the names of one candidate."""
    found = _pattern(_FOR).match(after) or _pattern(_WON).search(before)
    if found is None and not bare_share:
        # "Obi with 5.9 million votes"; a bare "with 40%" is no share
        found = _pattern(_WITH).search(before)
    found = found or _pattern(_WON_AFTER).match(after)
    if found is None:
        return None
    words = [_fold(w).lower().strip("'’") for w in found.group(1).split()]
    while words and words[0] in _NOT_CANDIDATES:
        words = words[1:]  # "The board said Obi": the sentence's first word is no name
    return "-".join(words) or None


def _fold(word: str) -> str:
    """'González' as 'Gonzalez': one candidate, however an outlet spells the accent."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode() or word


# What a percentage measures when it is no share: the noun its clause is about
_RATE_OF = (
    r"\b(inflation|unemployment|growth|interest|absenteeism|approval|support|occupancy|"
    r"literacy|poverty)(?:\s+(?:rate|level|figure))?\s+(?:[a-z]+\s+){0,2}?"
    r"(?:reached|rose|fell|climbed|dropped|jumped|was|is|stood|hit|of|at|to|near)\s+"
    r"(?:to\s+|at\s+|about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$"
)
_MOVED_BY = (
    r"\b(?:up|down|rose|fell|grew|jumped|dropped|increased|decreased|climbed|surged|slumped)\s+"
    r"(?:by\s+)?(?:about\s+|nearly\s+|some\s+|almost\s+|more\s+than\s+)?$"
)
_RATE = (
    r"\b(?:(?:a|per|each|every)\s+(day|week|month|year)|(daily|weekly|monthly|annually|yearly))\b"
    r"(?!\s+(?:ago|earlier|before|later)\b)"  # "3,900 a week ago": then, not a rate
)
_RATE_UNITS = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
               "yearly": "year"}  # fmt: skip

# people mobilised as a crowd, not "mobilised to fight the fire"
_MOBILISED = r"\bmobili[sz](?:ed|ing)\b(?!\s+to\s+[a-z]+)"
_OPENING_PLACE = r"\s*((?:In|Across|Throughout)\s+[^,;.]{2,40}),\s"
_GROUP_TOLL = r"\b([a-z]+(?:'s|’s)?)\s+(?:death\s+)?toll\b[^.;]{0,60}$"
_BODY_FATES = {
    "handed": "handed-over", "returned": "handed-over", "released": "handed-over",
    "buried": "buried", "cremated": "buried", "identified": "identified",
    "unidentified": "unidentified", "unclaimed": "unclaimed", "claimed": "claimed",
    "missing": "missing",
}  # fmt: skip


def never_compared(key: str | None) -> bool:
    """Whether a quantity is a part of a larger count that does not say which part
    ('of them, 40 in the capital', '€2m for medical checks'): two such figures may be
    two parts of one whole or parts of two, so they are never compared; nor are
    figures whose state is unclear (UNCLEAR) or of a kind of its own (OTHER)."""
    return _group_of(key) in (PART, UNCLEAR, OTHER)


def _group_of(key: str | None) -> str | None:
    try:
        return from_key(key).group if key else None
    except ParseError:
        return None


def estimated_late(key: str | None) -> bool:
    """Whether a quantity is an amount of one event or project (its losses, its
    cost): one number, however long after the event it is estimated."""
    if not key:
        return False
    try:
        state = from_key(key).state
    except ParseError:
        return False
    return state in _MONEY_KINDS and _MONEY_KINDS[state] == EVENT


def _own_place(place: str, topic: str) -> bool:
    return place != "nationwide" and _stems(place.replace("-", " ")) <= _stems(topic)


def in_topic(key: str, topic: str) -> str:
    """A quantity key as seen from a topic: a place the topic's name holds is the
    story's own, not a narrower scope, so it is dropped."""
    if "@" not in key:
        return key
    try:
        quantity = from_key(key)
    except ParseError:
        return key
    if not _own_place(quantity.place or "", topic):
        return key
    return Quantity(quantity.counted, quantity.state, quantity.group).key


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] == " ":
        position += 1
    return position


# A side: the nation or people a count belongs to ("400 Norlandian troops" against
# "1,200 Sudrian troops" are two quantities). Demonyms are a closed class: the
# regular endings, and the ones that do not follow them.
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "can", "ani", "eli", "aqi", "ali", "eni")
_DEMONYMS = set(
    "Afghan Arab Azeri Bangladeshi Czech Dutch Emirati French Greek Iraqi Israeli Kuwaiti "
    "Nepali Omani Pakistani Qatari Saudi Swiss Thai Turkish Welsh Yemeni".split()
)
_COMPASS = {"North", "South", "East", "West"}


def is_side(group: str) -> bool:
    """Whether a group key names a side (a demonym) rather than a subgroup."""
    last = group.split("-")[-1]
    word = last[:1].upper() + last[1:]
    return word in _DEMONYMS or (len(word) > 4 and word.endswith(_DEMONYM_ENDINGS))


# The sides of a civil war, named by what they are rather than where from
_PARTIES = set(
    """rebel rebels insurgent separatist militant jihadist government pro-government
    opposition""".split()
)


def side_in(phrase: str) -> str | None:
    """The side a counted phrase names ('Russian troops', 'North Korean soldiers'),
    as a group key: a capitalised demonym before the counted noun."""
    words = phrase.replace("’", "'").split()
    for i, word in enumerate(words[:-1]):
        if word.lower() in _PARTIES:
            return word.lower()  # "rebel fighters", "government troops"
        if not word[:1].isupper() or not is_side(word.lower()):
            continue
        name = [word]
        if i and words[i - 1] in _COMPASS:
            name.insert(0, words[i - 1])
        return "-".join(name).lower()
    return None


# A side's losses, where they are not money, are its casualties; and a denial of
# casualties answers the counts of the dead, the wounded and the missing.
_LOSSES = {"losses", "loss"}
_STATES_WITHIN = {"casualties": {"casualties", "dead", "injured", "missing"}}
_PERSONS = {"people", "troops"}


# What a denial with no figure and no counted noun denies, when it denies a figure: the
# figures, the reports or claims that give them, or what was just said ("denied it").
_COUNT_WORDS = r"figures?|numbers?|tolls?|counts?|tall(?:y|ies)|estimates?|totals?|data|statistics"
_FIGURE_WORDS = (
    rf"\b(?:{_COUNT_WORDS}|"
    r"reports?|claims?|allegations?|accusations?|assertions?|accounts?|statements?|"
    r"it|this|that|them|these|those|such)\b"
)


# A verb of denying and the first word of what it denies, past a determiner.
_DENIED_OBJECT = (
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|disput(?:e|es|ed|ing)|"
    r"refut(?:e|es|ed|ing))\s+(?:(?:any|all|the|a|an|its|their|his|her|such)\s+)*([a-z]+)"
    r"(?:\s+([a-z]+))?"
)
_AFTER_A_NOUN = {"in", "on", "at", "of", "for", "by", "over", "during", "and", "or", "as"}


def denies_a_figure(text: str) -> bool:
    """Whether a denial that names no counted thing may deny the figures of its story:
    'denied the reports', 'rejected the figures', 'denied it', 'denies sending anyone',
    'denied that ...'; not 'has denied wrongdoing', 'rejected the convoy as a stunt' or
    'denied intending to annex', whose object is a thing of its own."""
    # a terminal's control sequences in hostile text hide no word: "\x1b[Kreports"
    plain = _pattern(r"\x1b\[[0-?]*[ -/]*[@-~]|[\x00-\x1f\x7f-\x9f]").sub(" ", text)
    found = _pattern(_DENIED_OBJECT, re.IGNORECASE).search(plain)
    if found is None:
        return True  # "No troops were sent, the ministry said": what it says it denies
    denied, following = found.group(1).lower(), (found.group(2) or "").lower()
    if denied.endswith("ing") and following == "to":
        # "denied intending to annex": an intent, not what the claims count; "denied
        # seeking to inflate the toll" still speaks of the figures
        rest = plain[found.end() : found.end() + 60]
        counted = _pattern(rf"\b(?:{_COUNT_WORDS})\b", re.IGNORECASE).search(rest)
        return bool(counted) or denied_quantity(rest) is not None
    if denied.endswith("ing") and following and following not in _AFTER_A_NOUN:
        return True  # "denies sending anyone": what the claims count was done, or not
    return bool(_pattern(_FIGURE_WORDS, re.IGNORECASE).fullmatch(denied))


@lru_cache(maxsize=1024)
def denied_quantity(text: str) -> Quantity | None:
    """What a denial with no figure of its own points at, from its words: 'denied
    reports of heavy Norlandian casualties' is the Norlandian side's casualties,
    'rejected the death toll' the dead. None when it names no counted
    thing ('denied the reports')."""
    words = [w.rstrip("'’") for w in _pattern(r"[^\W\d_][\w'’-]*").findall(text)]
    for i, word in enumerate(words):
        lowered = word.lower()
        if lowered in _LOSSES:
            counted, state, group = "people", "casualties", None
        elif lowered in _NOUNS and _NOUNS[lowered][1] in _PERSONS:
            _, counted, state, group = _NOUNS[lowered]
        else:
            continue
        state = state or _state_in(words[i + 1 : i + 6])
        after = words[i + 1 : i + 4]
        owner = next((w for w in after[1:] if w[:1].isupper()), "") if after[:1] == ["of"] else ""
        side = side_in(" ".join(words[max(0, i - 3) : i + 1])) or (
            owner.lower().removesuffix("s") if is_side(owner.lower().removesuffix("s")) else None
        )
        return Quantity(counted, state, group or side)
    return None


def denial_answers(denied: Quantity, key: str | None) -> bool:
    """Whether a figure of this quantity is what a denial points at: the counted thing
    (people and troops are both persons), the state (casualties hold the dead and the
    wounded) and the side or subgroup, where the denial names them."""
    if not key:
        return False
    try:
        quantity = from_key(key)
    except ParseError:
        return False
    if denied.counted != quantity.counted and not {denied.counted, quantity.counted} <= _PERSONS:
        return False
    if denied.state and quantity.state not in _STATES_WITHIN.get(denied.state, {denied.state}):
        return False
    return not denied.group or quantity.group == denied.group


def _refines(general: Quantity, specific: Quantity) -> bool:
    """Whether `specific` says all `general` says and more, in the ways a story may
    leave unsaid: the state, and the side. A subgroup or a place is a part of the
    whole, never the whole said more precisely."""
    if general == specific or general.counted != specific.counted:
        return False
    if general.place != specific.place:
        return False
    if general.state not in (None, specific.state):
        return False
    return (
        general.group == specific.group
        or (general.group is None and bool(specific.group) and is_side(specific.group or ""))
        or _same_candidate(general.group, specific.group)
    )


def _same_candidate(general: str | None, specific: str | None) -> bool:
    """'for-maduro' of 'for-nicolas-maduro': the one candidate, named in part."""
    if not (general and specific and general.startswith("for-") and specific.startswith("for-")):
        return False
    return set(general[4:].split("-")) < set(specific[4:].split("-"))


def loose_quantity(key: str) -> bool:
    """A quantity its story may settle later: no state and no place ('people',
    'people(unclear)'), a reading of what is counted only."""
    try:
        quantity = from_key(key)
    except ParseError:
        return False
    return not quantity.state and not quantity.place and quantity.group in (None, UNCLEAR)


def bare_quantity(key: str) -> str:
    """A loose quantity before its story settled it: 'people(unclear)' is 'people'."""
    return key.removesuffix(f"({UNCLEAR})")


def settle_keys(keys: list[str], known: Iterable[str] = ()) -> list[str]:
    """Quantity keys of one story's claims, each under-specified one made specific
    where the story leaves a single reading: a bare 'people' among claims of
    'people attending' (and no other state of people) is 'people attending'; a
    figure with no quantity in a story of one whole quantity (its parts and places
    aside) is of that quantity. `known`:
    the keys the story's stored claims already have. A count "nationwide" beside
    the same count with no place is that count."""
    parsed: dict[str, Quantity] = {}
    for key in {*keys, *known}:
        if key:
            try:
                parsed[key] = from_key(key)
            except ParseError:
                continue
    maximal = {
        key
        for key, quantity in parsed.items()
        if not any(_refines(quantity, other) for other in parsed.values())
    }

    # A figure with no quantity is of the story's whole, never of a part or a place.
    wholes = [
        key
        for key in maximal
        if not parsed[key].place and (not parsed[key].group or is_side(parsed[key].group or ""))
    ]

    def settled(key: str) -> str:
        if not key:
            return wholes[0] if len(wholes) == 1 else key
        quantity = parsed.get(key)
        if quantity is not None and quantity.place == "nationwide":
            # "across the country" beside the same count with no place: the story's
            # whole, which a narrower place is a part of
            whole = replace(quantity, place=None).key
            if whole in parsed:
                return settled(whole)
        if quantity is None or key in maximal:
            return key
        wider = [other for other in maximal if _refines(quantity, parsed[other])]
        if len(wider) > 1 and not (quantity.state or quantity.group or quantity.place):
            return replace(quantity, group=UNCLEAR).key  # "32 people": dead? missing?
        return wider[0] if len(wider) == 1 else key

    return [settled(key) for key in keys]


# Words before a money noun that say nothing of which part of it is meant.
_PLAIN = set(
    "the a an its their his her our this that these those total overall final full "
    "estimated expected projected likely new latest whole entire official current "
    # the whole undertaking, whose cost it is: "the project's budget"
    "project project's scheme scheme's programme programme's program program's "
    # pronouns, which stand for the thing and name no part of it: "it cost $4bn"
    "it they he she which what who "
    # the auxiliaries of a measure used as a verb: "the project had cost $4.7bn"
    "had has have will would could may might did does was were is are be been to can "
    "should must "
    # ... and the verbs that put a figure on one: "analysts estimate losses of $3bn"
    "estimate estimates put puts cause causes caused causing incurred suffered forecast "
    "forecasts predict predicts predicted see sees saw expect expects".split()
)
_MONEY_AFTER = r"\s*(?:in|of|for)\s+((?:the|its|their|this|that)\s+)?((?:[\w-]+\s+){0,3}?)(%s)\b"
_MONEY_BEFORE = r"(?:(\S+)'s\s+)?\b((?:[\w-]+\s+){0,1}?)(%s)\b"


def _is_currency(counted: str) -> bool:
    from claimtrack.figures import (
        CURRENCIES,
    )  # the figure parser's, which reads this module's nouns

    return counted.upper() in CURRENCIES


def _money_measure(before: str, after: str) -> tuple[str, str | None] | None:
    """(measure, part) of an amount of money, from the noun it is of: '$2bn in insured
    losses', 'insured losses of $2bn', 'the government's expenditures reached ¥3bn'.
    A partitive ('€12m of the total costs'), and the amounts listed after another,
    are parts, never the whole."""
    nouns = "|".join(sorted(_MONEY_MEASURES, key=len, reverse=True))
    match = _pattern(_MONEY_AFTER % nouns, re.IGNORECASE).match(after)
    if match:
        if match[1]:
            return _MONEY_MEASURES[match[3].lower()], PART
        return _MONEY_MEASURES[match[3].lower()], _part(match[2].split())
    sentence = _pattern(r"[.;:!?]\s").split(before)[-1]
    found = list(_pattern(_MONEY_BEFORE % nouns, re.IGNORECASE).finditer(sentence))
    if not found:
        return None
    last = found[-1]
    payer = _pattern(_PAID_BY).match(after)
    if payer and payer[1].split()[0].lower() not in _NOT_PAYERS:
        # whose share it is, said after it: "€5m by the national government"
        return _MONEY_MEASURES[last[3].lower()], _owner_key(payer[1].split())
    if any(not _is_year(n) for n in _pattern(r"(?<![\w-])\d[\d,.]*").findall(sentence, last.end())):
        # another amount stands between: this one is listed after it, a part of it
        return _MONEY_MEASURES[last[3].lower()], PART
    modifiers = last[2].split()
    if last[1]:
        # the owner's: "the central government's expenditures"
        owner = sentence[: last.start(1)].split()[-1:] + [last[1]]
        owner = [w for w in owner if w.lower() not in _PLAIN]
        if not _part(modifiers):
            return _MONEY_MEASURES[last[3].lower()], _owner_key(owner)
        modifiers = owner + modifiers
    return _MONEY_MEASURES[last[3].lower()], _part(modifiers)


# Who pays an amount, named right after it: "€9m by the city council and ...",
# "€3m spent by the region on ...".
_PAID_BY = (
    r"\s*(?:spent|paid|borne|shouldered|covered|contributed|"
    r"provided|funded|footed)?\s*by\s+(?:the\s+)?([^\W\d][\w'’-]*(?:\s+[^\W\d][\w'’-]*){0,3}?)"
    r"(?=\s+(?:and|on|for|in|to|with|at|as|from|of)\b|\s*[,.;:)]|\s*$)"
)
_NOT_PAYERS = set("end start beginning middle mid early late next this last then now far "
                  "comparison contrast year month week day".split())  # fmt: skip
# The owners that are one payer: a country's own government, however it is named.
_NATIONAL = {"central", "national", "federal", "union"}


def _owner_key(words: list[str]) -> str | None:
    """A payer's words as a group: 'the Veldish government' and 'the central
    government' are the national government."""
    lowered = [w.lower().strip("'’") for w in words]
    if (len(lowered) == 2 and lowered[1] == "government") and (
        lowered[0] in _NATIONAL or (words[0][:1].isupper() and is_side(lowered[0]))
    ):
        return "national-government"
    return _part(words)


def _is_year(number: str) -> bool:
    """'2019' in 'first held in 2019': a year, not another amount."""
    return len(number) == 4 and number.isdigit() and 1800 <= int(number) <= 2100


def _part(words: list[str]) -> str | None:
    kept = [w.lower().strip("'’\"“”") for w in words if w.lower() not in _PLAIN]
    kept = [w for w in kept if w and not w[0].isdigit()]
    return "-".join(kept) or None


def as_part(key: str) -> str:
    """A quantity key marked as a part of a larger count ('including 800 children'
    is already a subgroup; 'of them, 40 in the capital' becomes a part)."""
    if not key:
        return key
    quantity = from_key(key)
    if quantity.group:
        return key
    return Quantity(quantity.counted, quantity.state, PART, quantity.place).key
