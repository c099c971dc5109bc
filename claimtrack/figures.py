"""Figures in news text: '3,000 troops', 'up to 10,000 soldiers', '$2-$3.5bn', 'tens of thousands'.

Pure: text in, figures out. A figure is an interval with a qualifier (see the
README's "Figures" for every form read and the ones deliberately not read).

The parser finds numbers with one quick scan for digits (and, only when the
text holds a number word, a second one for words), then reads each number's
surroundings with small anchored patterns: the qualifier before it ("up to"),
a currency, a scale ("million", "bn", "lakh"), a second number that makes a
range, a bound after it ("or more"), the counted noun, and what makes a number
no count at all (a year, a date, a time, an age, a model name, a duration).
Anchored matches at known positions keep a sentence to a few microseconds;
scanning every position with one large pattern cost ten times as much.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from claimtrack.errors import ParseError
from claimtrack.quantities import UNIT_SYNONYMS as COUNTED_NOUNS
from claimtrack.quantities import names_persons

EXACT, APPROX, AT_MOST, AT_LEAST, RANGE, VAGUE = (
    "exact",
    "approx",
    "at_most",
    "at_least",
    "range",
    "vague",
)
QUALIFIERS = (EXACT, APPROX, AT_MOST, AT_LEAST, RANGE, VAGUE)

# Units of measure read with a number (a reading, not a count).
MEASURES = frozenset({"°C", "°F"})
# The largest figure read or stored: a quadrillion of anything. Larger numbers in
# news text are typos, identifiers or jokes; in --figure they are refused.
MAX_VALUE = 1e15
# Digits in one number beyond which it is no figure (an identifier, a hash).
_MAX_DIGITS = 16


def compile_patterns(names: dict[str, object]) -> None:
    """Replace a module's lazy patterns (its globals, `names`) by the compiled ones,
    once: its code then calls compiled patterns directly, with no indirection per
    call. Modules call it on first use, not at import, which most commands never need."""
    for name, value in list(names.items()):
        if isinstance(value, LazyPattern):
            names[name] = value.compiled()
    names["_compiled"] = True


def _compile_patterns() -> None:
    compile_patterns(globals())


_compiled = False


class LazyPattern:
    """A regular expression compiled on first use: the big patterns here cost
    milliseconds to compile, and most commands never parse a figure."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> object:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return self._compiled


@dataclass(frozen=True)
class Figure:
    low: float
    high: float | None  # None: no upper bound
    qualifier: str
    text: str  # the words the figure was read from
    unit: str | None = None  # the counted noun as written ("soldiers"), or a currency code
    phrase: str | None = None  # the counted noun phrase ("North Korean soldiers")

    @property
    def upper(self) -> float:
        return math.inf if self.high is None else self.high

    @property
    def stated(self) -> float:
        """The one number the source put forward: the value, the maximum, the bound."""
        if self.qualifier == AT_LEAST:
            return self.low
        return self.upper

    def same_value(self, other: Figure) -> bool:
        return (self.low, self.high, self.qualifier) == (other.low, other.high, other.qualifier)


class Located(NamedTuple):
    """A figure and where the text holds it, with what its surroundings say of it.
    (A named tuple: the parser makes one for every number it reads.)"""

    figure: Figure
    start: int
    end: int
    score: float
    baseline: bool = False  # what another figure is compared with: "up from 300"
    part: bool = False  # a part of a larger count: "including 800 children"
    # a baseline that is the count's own earlier figure ("rose from 40 to 61", "up from
    # 300 last year"), not another thing compared with ("more than the 12,000 of 2019")
    earlier: bool = False


# Vague words and the interval each stands for. Longest phrases first, so that
# "tens of thousands" is not read as "thousands".
VAGUE_WORDS: dict[str, tuple[float, float | None]] = {
    "hundreds of millions": (200_000_000, 999_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of thousands": (200_000, 999_999),
    "tens of thousands": (20_000, 99_999),
    "several hundred thousand": (300_000, 900_000),
    "a few hundred thousand": (200_000, 500_000),
    "several million": (3_000_000, 9_000_000),
    "a few million": (2_000_000, 5_000_000),
    "several thousand": (3_000, 9_000),
    "a few thousand": (2_000, 5_000),
    "several hundred": (300, 900),
    "a few hundred": (200, 500),
    "several dozen": (36, 108),
    "a few dozen": (24, 60),
    "a handful": (3, 9),
    "dozens": (24, 144),
    "scores": (40, 200),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "millions": (2_000_000, 9_999_999),
    "billions": (2_000_000_000, 9_999_999_999),
}

# Counted nouns that mean the same thing: the quantity vocabulary's (money is
# read here by its currency, so its nouns are left to the currency tables).
UNIT_SYNONYMS: dict[str, str] = {
    noun: unit for noun, unit in COUNTED_NOUNS.items() if unit not in ("usd", "eur", "gbp")
}

# --- money ---------------------------------------------------------------------------------

# Currency written before the number, as copy writes it (lower case): "$", "US$", "Rs".
_CURRENCY_BEFORE = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "usd": "USD", "c$": "CAD", "ca$": "CAD",
    "cad": "CAD", "a$": "AUD", "au$": "AUD", "aud": "AUD", "nz$": "NZD", "nzd": "NZD",
    "hk$": "HKD", "hkd": "HKD", "s$": "SGD", "sgd": "SGD", "r$": "BRL", "brl": "BRL",
    "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY",
    "cn¥": "CNY", "rmb": "CNY", "cny": "CNY", "₹": "INR", "rs": "INR", "rs.": "INR",
    "inr": "INR", "pkr": "PKR", "ksh": "KES", "kes": "KES", "rm": "MYR", "myr": "MYR",
    "₦": "NGN", "ngn": "NGN", "₩": "KRW", "krw": "KRW", "₱": "PHP", "php": "PHP",
    "chf": "CHF", "₺": "TRY", "try": "TRY", "₽": "RUB", "rub": "RUB", "₴": "UAH",
    "uah": "UAH", "zar": "ZAR", "aed": "AED", "sar": "SAR",
}  # fmt: skip
# Currency written after the number: "5 million euros", "1,734.6 billion yen", "200 USD".
_CURRENCY_AFTER = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "sterling": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "rupee": "INR",
    "shillings": "KES", "ringgit": "MYR", "naira": "NGN", "rand": "ZAR", "pesos": "MXN",
    "lira": "TRY", "liras": "TRY", "roubles": "RUB", "rubles": "RUB", "hryvnias": "UAH",
    "hryvnia": "UAH", "riyals": "SAR", "dirhams": "AED", "francs": "CHF", "taka": "BDT",
    "baht": "THB",
    **{code.lower(): code for code in (
        "USD", "EUR", "GBP", "JPY", "CNY", "INR", "PKR", "KES", "MYR", "NGN", "KRW", "PHP",
        "CHF", "TRY", "RUB", "UAH", "ZAR", "AED", "SAR", "CAD", "AUD", "NZD", "HKD", "SGD",
        "BRL", "MXN", "BDT", "THB", "EGP", "ILS",
    )},
}  # fmt: skip
_CURRENCY_AFTER_WORDS = {*_CURRENCY_AFTER, "pounds"}
# "Pakistani rupees", "Canadian dollars": the nationality names the currency.
_CURRENCY_NATION = {
    "us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
    "singapore": "SGD", "pakistani": "PKR", "indian": "INR", "kenyan": "KES",
    "mexican": "MXN", "philippine": "PHP", "south african": "ZAR", "hong kong": "HKD",
    "new zealand": "NZD", "egyptian": "EGP", "nigerian": "NGN", "chinese": "CNY",
}  # fmt: skip
# Codes written before a number with a space: "USD 200", "Rs 5".
_SPACED_CODES = tuple(c for c in _CURRENCY_BEFORE if c[-1].isalpha() or c.endswith("."))
# Characters a currency written before a number can end with.
_CURRENCY_CHARS = {c[-1] for c in _CURRENCY_BEFORE if not c[-1].isalpha()} | {"s", "S"}
CURRENCIES = frozenset(_CURRENCY_BEFORE.values()) | frozenset(_CURRENCY_AFTER.values())
# How a figure in each currency is written back.
_CURRENCY_SYMBOL = {
    "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "Rs ", "CAD": "C$", "AUD": "A$",
    "NZD": "NZ$", "HKD": "HK$", "SGD": "S$", "BRL": "R$",
}  # fmt: skip

# --- number words ------------------------------------------------------------------------

_SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if w != "_"
}
# Scales written as words after a number, and the ones written onto it.
_SCALE_WORDS = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5,
    "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7,
}  # fmt: skip
_SUFFIX_SCALES = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "b": 1e9, "bn": 1e9,
    "bln": 1e9, "tn": 1e12, "trn": 1e12, "thousand": 1e3, "million": 1e6, "billion": 1e9,
    "trillion": 1e12,
}  # fmt: skip
# Of those, the ones that may stand apart from the number ("2.3 k", "5 bn"); a lone
# "m" or "b" after a space is metres or a letter unless money comes with it.
_SPACED_SUFFIXES = {"k", "mn", "mln", "mil", "bn", "bln", "tn", "trn"}
_NUMBER_WORDS = {
    *_SMALL, *_TENS, "hundred", *_SCALE_WORDS, "dozen", "half", "quarter", "quarters",
}  # fmt: skip
_CORE_NUMBER_WORDS = {*_SMALL, *_TENS, "hundred", *_SCALE_WORDS, "dozen"} - {"zero"}
# For the attribution reader: the words a number is written in, and its scales.
NUMBER_WORDS = frozenset(_CORE_NUMBER_WORDS)
SCALE_WORDS = frozenset({"hundred", "dozen", *_SCALE_WORDS})
_VAGUE_TRIGGERS = {
    "dozens", "hundreds", "thousands", "millions", "billions", "scores", "handful",
    "several", "few", "tens",
}  # fmt: skip

# --- qualifiers ---------------------------------------------------------------------------

# The words before a number that qualify it, longest first.
_PRE_QUALIFIERS: dict[str, str] = {}
for _kind, _phrases in {
    AT_MOST: "up to|as many as|as much as|no more than|not more than|fewer than|less than|"
    "under|at most|a maximum of|maximum of|below|as high as|as large as|"
    "less than or equal to|no greater than|not exceeding|an upper bound of|upper bound of|"
    "a ceiling of|at the most|could reach|could reach as high as",
    AT_LEAST: "at least|more than|over|upwards of|upward of|in excess of|exceeded|exceeding|"
    "exceeds|exceed|no fewer than|not fewer than|no less than|not less than|a minimum of|"
    "minimum of|above|greater than|more than or equal to|north of|surpassed|surpassing|"
    "topped|topping|passed|passing|well over|well above|a little over|just over|"
    "slightly more than|at the very least|at a minimum|beyond|well in excess of",
    APPROX: "about|around|some|nearly|almost|roughly|approximately|close to|closer to|"
    "circa|approx.|approx|an estimated|estimated|est.|nearer to|near|more or less|"
    "just under|just shy of|shy of|in the region of|on the order of|the order of|"
    "an approximate|ca.|c.|maybe|perhaps|possibly|probably|likely",
}.items():
    for _phrase in _phrases.split("|"):
        _PRE_QUALIFIERS[_phrase] = _kind


def _reversed_alternation(phrases: list[str]) -> str:
    """A pattern matching any of the phrases read backwards, word by word, so that
    what precedes a number can be read with one anchored match."""
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        words = phrase.split()
        parts.append(r"\s+".join(re.escape(w[::-1]) for w in reversed(words)))
    return "|".join(parts)


def _trie(words: set[str] | list[str]) -> str:
    """An alternation of plain words as a tree of their letters: 'f(?:ive|our)'. The
    regex engine then tries one branch a letter instead of every word at every
    position of a scan (a third less time in the number-word scan). It matches the
    same as the plain alternation where each word must end at a word boundary."""
    branches: dict[str, list[str]] = {}
    ends = False
    for word in sorted(set(words)):
        if word:
            branches.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    if not branches:
        return ""
    body = "|".join(re.escape(first) + _trie(rest) for first, rest in branches.items())
    if ends:
        return f"(?:{body})?"
    return body if len(branches) == 1 else f"(?:{body})"


# Read on the reversed text before a number: spaces, then a qualifier, then a
# word boundary. "between" is a qualifier of its own: it asks for "and".
_PRE_RE = LazyPattern(
    r"\s*(?P<q>" + _reversed_alternation([*_PRE_QUALIFIERS, "between"]) + r")(?![\w.])",
    re.IGNORECASE,
)
_PRE_LAST_WORDS = {phrase.split()[-1].strip(".") for phrase in _PRE_QUALIFIERS} | {"between"}
_POST_QUALIFIERS = (
    (AT_LEAST, r"-?plus\b(?!\s+\d)|\+|\s+or\s+more\b|\s+or\s+greater\b|\s+or\s+higher\b|"
     r"\s+and\s+above\b|\s+and\s+over\b|\s+and\s+up\b|\s+at\s+least\b|\s+or\s+above\b"),
    (AT_MOST, r"\s+or\s+fewer\b|\s+or\s+less\b|\s+or\s+lower\b|\s+and\s+below\b|"
     r"\s+and\s+under\b|\s+at\s+most\b|\s+or\s+below\b"),
    (APPROX, r"\s+or\s+so\b|-odd\b|\s+odd\b(?=\s+[a-z])"),
)  # fmt: skip
# The first letters of the words a bound after a number starts with ("or more", "and
# above", "at least", "odd"), read from the patterns so that the two never drift apart.
_POST_STARTS = frozenset(
    first[:2]
    for _, pattern in _POST_QUALIFIERS
    for alternative in pattern.split("|")
    for first in re.findall(r"^\\s\+([a-z]+)", alternative)
)


def _bound_may_follow(text: str, end: int) -> bool:
    """Whether _POST_RE may match at `end`, from the next character or word: most
    numbers are followed by a noun, which this settles without the alternation."""
    after = text[end : end + 1]
    if after in ("-", "+", "p", "P"):
        return True
    if not after.isspace():
        return False
    word = _NEXT_WORD_RE.match(text, end)
    return word is not None and word.group(1)[:2].lower() in _POST_STARTS


_POST_RE = LazyPattern(
    "|".join(f"(?P<p{i}>{pattern})" for i, (_, pattern) in enumerate(_POST_QUALIFIERS)),
    re.IGNORECASE,
)

# --- the scan ------------------------------------------------------------------------------

# A number written in digits: thousands groups ("1,234,567"), South Asian groups
# ("12,34,567"), or plain digits with decimals. Never part of a longer run of digits.
# The scan takes any run of digits, commas and stops (a pattern with alternatives
# would lose the regex engine's quick skip to the next digit, and cost four times
# as much); _digits_value then reads the run.
_GROUPED_RE = LazyPattern(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}")
_WORD_NUMBER_RE = LazyPattern(
    r"\b(?:(?:" + _trie(_CORE_NUMBER_WORDS) + r")\b"
    r"(?:(?:[\s-]+(?:and[\s-]+)?(?:a[\s-]+)?)"
    r"(?:" + _trie(_NUMBER_WORDS) + r")\b"
    r"(?:[\s-]+of[\s-]+a\b)?)*)"
)
_VAGUE_RE = LazyPattern(
    r"\b(?P<vague>"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in VAGUE_WORDS)
    + r")\b(?!\s+of\s+(?:the|them|those|these|us|you|its|their)\b)"
)
# A word-number's lead-in: "a", "half a", "a quarter of a", "one and a half", "½".
_FRACTION_BEFORE_RE = LazyPattern(
    r"(?:\b(?:(?:a|an|one|two|three|\d+)\s+)?(?:and\s+)?(?:a\s+)?"
    r"(?:half|quarter|quarters|three[\s-]quarters)(?:\s+(?:of\s+)?(?:a|an))?\s+|\ba\s+|\ban\s+)$"
)

# After a number: what makes it no count. Ordinals, dates, times, ages, codes.
_NOT_A_COUNT_AFTER = LazyPattern(
    r"""(?:
        (?:st|nd|rd|th)\b                # ordinals: 23rd
      | [:/]\d                           # times, numeric dates, ratios
      | \.\d                             # a version or an address: 1.2.3
      | e[+-]?\d                         # scientific notation: 1e400
      | \^                               # powers: 10^400
      | -?\s*years?[- ]old\b             # ages
      | \s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|hrs\b|h\d)
      | -(?:year|month|day|week|hour|minute|second|point|member|page|mile|km|storey|story|
            seat|inch|foot|feet|metre|meter|yard|degree|percent|per-cent|time|
            dollar|pound|euro|yuan|rupee)s?\b  # "a million-dollar home": a description
      | (?<=\.\d)\s+(?:earthquake|quake|tremor|aftershock)\b   # a magnitude: "a 6.8 quake"
      | -?\s*magnitude\b
      | -a-(?:year|day|week|month)\b     # "an $8 billion-a-year trade": a description
      | \s+in\s+magnitude\b             # "measuring 7.7 in magnitude"
      | \s*(?:miles?|mi|km|kilomet(?:re|er)s?|metres?|meters?|m|feet|ft|yards?)\s+
        (?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|
             northeast|northwest|southeast|southwest|away|off|outside|inland|offshore)\b
           |from\b)                     # where a place is: "25 miles east of the city"
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# The word right before a number that makes it a label, not a count: "page 5",
# "October 23", "flight 370", "aged 40". Read from the words, not with a pattern:
# a few set look-ups cost less than one search of the text before every number.
_LABEL_WORDS = set(
    """jan january feb february mar march apr april may jun june jul july aug august sep
    sept september oct october nov november dec december aged age ages page pages p pp no
    nos number chapter article resolution section paragraph flight route highway room
    platform line level phase round grade rank class model version episode season vol
    volume part figure table item id fy fiscal q1 q2 q3 q4 week day stage category cat
    gate exit terminal bus tel phone fax ext box unit lot block suite apt district zone
    sector precinct ward hole lap act scene psalm verse rule clause amendment code pin
    channel magnitude measuring sections articles clauses paragraphs chapters rules radio
    formula apollo tier""".split()
)
# A list of labels after the word that names them: "sections 105, 110, 126(2) and 238".
_LABEL_LIST = LazyPattern(
    r"\b(?:sections?|articles?|clauses?|paragraphs?|chapters?|rules?)\s+"
    r"(?:\d+(?:\(\w+\))?(?:\s*,\s*|\s+and\s+|\s+or\s+))+$",
    re.I,
)
_TEMPERATURE_RE = LazyPattern(
    r"\s?(?:°\s?[CF]|[CF](?![\w])|degrees\s+(?:celsius|fahrenheit)\b)", re.I
)
_MONTH_AFTER = LazyPattern(
    r"\s*(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MAR|APR|MAY|JUNE?|"
    r"JULY?|AUG|SEPT?|OCT|NOV|DEC)\b"
)
_PERCENT_RE = LazyPattern(
    r"\s*(?:%|per\s*cent\b|percent\b|pct\b|percentage\s+points?\b)", re.IGNORECASE
)
_CURRENCY_AFTER_RE = LazyPattern(
    r"\s+(?:(?P<nation>us|u\.s\.|american|canadian|australian|singapore|pakistani|indian|"
    r"kenyan|mexican|philippine|south\s+african|hong\s+kong|new\s+zealand|egyptian|nigerian|"
    r"chinese)\s+)?(?P<word>"
    + "|".join(sorted(_CURRENCY_AFTER, key=len, reverse=True))
    + r"|pounds)\b",
    re.IGNORECASE,
)
# Currency before a number, read on the reversed text: "$", "US$", "Rs ", "EUR ".
_CURRENCY_BEFORE_RE = LazyPattern(
    r"(?P<c>"
    + "|".join(
        (r"\s*" if c[-1].isalpha() or c.endswith(".") else "") + re.escape(c[::-1])
        for c in sorted(_CURRENCY_BEFORE, key=len, reverse=True)
    )
    + r")",
    re.IGNORECASE,
)
_TWO_SIDED_RE = LazyPattern(
    r",?\s+(?:but|and|yet)\s+(?P<q>"
    + "|".join(
        re.escape(p).replace(r"\ ", r"\s+")
        for p in sorted(
            (p for p, k in _PRE_QUALIFIERS.items() if k in (AT_MOST, AT_LEAST)),
            key=len,
            reverse=True,
        )
    )
    + r")\s+",
    re.IGNORECASE,
)
_TIME_NOUNS = set(
    "second seconds minute minutes hour hours day days week weeks month months "
    "year years decade decades century centuries times millennia night nights "
    "weekend weekends session sessions round rounds".split()
)
# The words before a number (after its qualifier) that make it the figure another
# is compared with ("up from 300", "than 12,000"), or a part of a larger count
# ("including 800 children"). Fillers between them and the number are skipped.
_BASELINE_WORDS = {
    tuple(phrase.split())
    for phrase in """than|previously|compared with|compared to|up from|down from|below|above|
    rising from|falling from|rose from|fell from|increased from|decreased from|jumped from|
    climbed from|dropped from|declined from|revised from|raised from|lowered from|grew from|
    shrank from|risen from|fallen from|a peak of|the peak of|earlier toll of|earlier figure of|
    earlier estimate of|earlier count of|initial estimate of|previous estimate of|
    an earlier estimate of|previous figure of|previous toll of|from an earlier|
    from a previous|from an initial|short of|first estimate of|first estimates of|
    first estimate was|first estimates were|first estimate had been|first figure of|
    first figures were|initial estimate was|initial estimates were|initial figures were|
    earlier estimate was|earlier estimates were|original estimate of|original estimate was|
    original figure of|original figure was|original toll of""".replace("\n", " ").split("|")
}
# Of those, the ones that give the same count at an earlier moment.
_EARLIER_WORDS = {
    phrase
    for phrase in _BASELINE_WORDS
    if phrase[-1] == "from"
    or {"previously", "earlier", "initial", "previous", "peak", "first", "original"} & set(phrase)
}
_EARLIER_LAST = {phrase[-1] for phrase in _EARLIER_WORDS}
# "raised its estimate of the damage from $2 billion to ...": a change of the count,
# its verb further back in the clause than the words before the number
_CHANGED_FROM = LazyPattern(
    r"\b(?:rose|risen|rising|raised|raising|revised|revising|increased|increasing|decreased|"
    r"jumped|climbed|dropped|fell|fallen|declined|grew|grown|shrank|lowered|cut|upped|"
    r"doubled|pushed|brought|lowering|reduced|reducing|cutting|updated|updating|corrected|"
    r"correcting|amended|adjusted|adjusting|changed|changing|dropping|falling|climbing|"
    r"decreasing|bringing)\b[^,;.:!?]{0,90}\bfrom\s+$"
)
_OF_THE_COUNT_BEFORE = LazyPattern(
    r"\b[Oo]f\s+(?:the|these|those|its|their)\s+\d[\d,.]*(?:\s+[\w-]+){0,3},\s*$"
)
_PART_WORDS = {
    tuple(phrase.split())
    for phrase in """including|included|among them|among whom|among those|of whom|of which|
    of them|such as|with|among""".replace("\n", " ").split("|")
}
_BASELINE_LAST = {phrase[-1] for phrase in _BASELINE_WORDS}
_PART_LAST = {phrase[-1] for phrase in _PART_WORDS}
# "four of them", "two others": a count of what was counted before, with no noun
_SAME_KIND_FOLLOWS = LazyPattern(r"\s+(?:of\s+(?:these|those|them)|others)\b")
_OF_A_WHOLE = LazyPattern(
    r"\s+(?:out\s+)?of\s+(?:(?:the\s+|a\s+total\s+of\s+)?\d"
    # "75 of the dead", "12 of those killed", "40 of them": a part of a count told before
    r"|(?:the|those|them|these|whom)\b)"
)
_FILLERS = {"the", "a", "an", "its", "their", "some", "about", "around", "nearly", "just", "only"}
_PRONOUN_ONE_BEFORE = {
    "no", "which", "the", "every", "each", "any", "this", "that", "only", "last", "next",
}  # fmt: skip


def _words_before(lowered: str, begin: int, count: int = 5) -> list[str]:
    """The last few words before `begin` in the lower-cased text, without punctuation."""
    words = lowered[max(0, begin - 48) : begin].split()[-count:]
    if begin > 48 and len(words) == count + 1:
        words = words[1:]
    return [w.strip(_PUNCTUATION) for w in words]


_PUNCTUATION = ",.;:!?()[]{}\"'“”‘’-–—/"


# A number before a figure in its sentence that is no day or year: a whole to take a
# part of ("61 died, with 14 in the port"), not "On May 3 the square was full, with ..."
_COUNT_BEFORE = LazyPattern(r"(?<![\d,.])\d[\d,.]*(?![\d,.]*\d)")


# After a figure, its counted noun (if any) and right away where or among whom it is: "with
# 14 in the port", "with 14 children in the port" (not "with 30 people injured in the blast")
_WHERE_AFTER = LazyPattern(
    r"(?:\s+[a-z][\w-]*)?\s+(?:in|at|from|across|near|among|inside|outside)\b"
)


def _count_before(text: str, begin: int) -> bool:
    start = max(text.rfind(". ", 0, begin), text.rfind(";", 0, begin), begin - 200, 0)
    for match in _COUNT_BEFORE.finditer(text, start, begin):
        number = match.group().rstrip(",.")
        if _MONTH_AFTER.match(text, match.end()) or (
            start < match.start() and _is_label(text, match.start())
        ):
            continue  # "3 May", "May 3"
        if len(number) == 4 and number[:2] in ("19", "20"):
            continue  # a year
        return True
    return False


def _last_word(words: list[str]) -> str:
    """The last of the words before a figure that is no filler ('with some 40')."""
    return next((w for w in reversed(words) if w not in _FILLERS), "")


def _follows(words: list[str], phrases: set[tuple[str, ...]], last: set[str]) -> bool:
    while words and words[-1] in _FILLERS:
        words = words[:-1]
    if not words or words[-1] not in last:
        return False
    return any(tuple(words[-k:]) in phrases for k in (1, 2, 3, 4) if len(words) >= k)


_COUNTED_BEFORE = LazyPattern(
    r"\b(?:(?P<toll>(?:death\s+)?toll|death\s+count|tally|number\s+of\s+(?:the\s+)?(?P<noun>[a-z]+)|"
    r"count\s+of\s+(?:the\s+)?(?P<noun2>[a-z]+)|(?P<crowd>crowd|turnout|attendance)))\b"
    # ... then up to a verb, past a clause about it ("the toll from the storm that hit
    # the coast on Oct. 3 remained at")
    r"(?:[^.;:!?]|(?<=\b[A-Z][a-z]{2})\.){0,100}?"
    r"\b(?:to|at|of|reached|passed|hit|topped|exceeded|is|was|were|stood|stands|"
    r"now|as|had|has|risen|rose|climbed|from|between|be|reach|pass|top|exceed|cross|crossed|"
    r"crosses|surpass|surpassed|near|neared|approach|approached|touched|touches|touch)"
    r"\s*(?:(?:just|only)\s+)?$",
    re.IGNORECASE,
)

_PHRASE_STOP = set(
    """a an the and or but nor of in on at to from for with by into onto over under about
    instead
    against between through during before after since until near across inside outside
    within without along among toward towards per as than that which who whom whose
    this these those have has had having is are was were be been being will would could
    should may might must can shall do does did said say says told tell according
    reportedly allegedly also already now then still just only more less were while when
    where if it its their his her our your my they he she we you i there here so not no
    being sent killed more others each every even alone yet till although though whereas
    because unless whether""".split()
)
# "killed" and "dead" may head a phrase ("350 killed") but never extend one.
# Verbs that end a counted phrase ("9,000 men came"), beside any word in -ed
# after the first: a past tense, not a noun, once the phrase has begun.
_VERBS = set("came come comes went go goes got took take made make gave left stayed joined".split())


_WEEKDAYS = set("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTH_WORDS = set(
    """jan january feb february mar march apr april may jun june jul july aug august sep
    sept september oct october nov november dec december""".split()
)
# Verbs of giving a figure, after it: "30 claimed by", "2,000 cited by" count nothing.
_REPORTED = set(
    """claimed cited reported estimated given announced recorded confirmed counted registered
    listed released published stated quoted alleged disputed denied offered provided
    feared""".split()
)
# The words that end a counted phrase ("the count of 30 claimed by the state": who
# gives it, not what it counts), as one set.
# Adverbs end a counted phrase too: "600,000 gathered once more" counts no "once".
# So do times: "the toll as 233 late Thursday" counts no Thursday.
_PHRASE_ENDS = _PHRASE_STOP | _VERBS | _REPORTED | _WEEKDAYS | _MONTH_WORDS | {
    "once", "twice", "again", "together", "too", "respectively", "apiece", "each",
    "late", "early", "yesterday", "today", "tonight", "overnight", "earlier", "later",
}  # fmt: skip


def _unit_word(raw: str) -> str:
    return raw.strip("-").rstrip("'’.").lower()


def _verb_like(word: str) -> bool:
    return word.endswith("ed") and word not in UNIT_SYNONYMS


_HEAD_ONLY = {"killed", "dead", "wounded", "injured", "displaced", "missing", "died", "hurt"}
_LINKING = {"went", "remain", "remained", "remains", "were", "are", "lay", "lie"}
# Up to five words after a number, stopping at punctuation other than a hyphen,
# an apostrophe or the stops of an abbreviation.
_PHRASE_RE = LazyPattern(
    # a quotation may close on the number: "said “about 45,000” walkers came"
    r"[”\"]?(?:\s+of\s+(?:the|its|their|his|her|our|those|these)\b)?"
    r"((?:[ -]+[A-Za-z][\w'’.-]*){1,5})"
)


@lru_cache(maxsize=4096)
def normalise_unit(unit: str | None) -> str | None:
    """'Soldiers' -> 'troops'; currencies keep their code; unknown nouns are lower-cased."""
    if not unit:
        return None
    if unit in CURRENCIES:
        return unit
    key = re.sub(r"\s+", "-", unit.strip().lower().rstrip(".").replace("’", "'"))
    if key in UNIT_SYNONYMS:
        return UNIT_SYNONYMS[key]
    if key.upper() in CURRENCIES:
        return key.upper()
    if key in _CURRENCY_AFTER:
        return _CURRENCY_AFTER[key]
    last = key.split("-")[-1]
    if last in UNIT_SYNONYMS:
        return UNIT_SYNONYMS[last]
    return key or None


def _words_value(words: list[str]) -> tuple[float, float] | None:
    """(value, scale) of number words: 'two hundred and fifty thousand',
    'one and a half million', 'a quarter of a million', 'half a billion'."""
    total, current, last_big = 0.0, 0.0, math.inf
    from_a = after_and = False
    pending: float | None = None  # "half" or "quarter" waiting for its scale
    seen, scale = False, 1.0
    for word in words:
        if word in ("a", "an"):
            if current == 0 and pending is None:
                current, from_a = 1.0, True
            continue
        if word == "of":
            continue
        if word == "and":
            after_and = True
            continue
        if word in ("half", "quarter", "quarters"):
            share = 0.5 if word == "half" else 0.25
            if after_and and current:
                current += share
            elif from_a or current == 0:
                if current == 0 and not from_a:
                    pending = share
                else:
                    current = share
            else:
                current *= share  # "three quarters"
            from_a = after_and = False
            seen = True
            continue
        if word in _SMALL:
            current = _SMALL[word] if from_a else current + _SMALL[word]  # "a one" is 1
        elif word in _TENS:
            current += _TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
            scale = 100
        elif word in _SCALE_WORDS:
            factor = _SCALE_WORDS[word]
            if factor >= last_big:
                return None  # "million billion"
            base = current or 1
            if pending is not None:
                base, pending = pending * (current or 1), None
            total += base * factor
            current, last_big, scale = 0.0, factor, factor
        else:
            return None
        from_a = after_and = False
        seen = True
    if not seen or pending is not None:
        return None
    return total + current, scale


# An "and" between two numbers in words, where the first has no hundred or scale of
# its own: "six and eight hundred thousand" is two numbers, "two hundred and fifty" one.
_AND_BETWEEN = LazyPattern(r"[\s-]+and[\s-]+(?!a[\s-])")
_HAS_SCALE = LazyPattern(r"\b(?:hundred|thousand|million|billion|trillion|lakhs?|crores?)\b")


def _word_spans(lowered: str) -> Iterator[tuple[int, int]]:
    """Where each number in words stands, a run split where "and" joins two numbers
    rather than the parts of one."""
    for match in _WORD_NUMBER_RE.finditer(lowered):
        start, end = match.span()
        joints = list(_AND_BETWEEN.finditer(lowered, start, end))
        for index, joint in enumerate(joints):
            after = joints[index + 1] if index + 1 < len(joints) else None
            scales = _HAS_SCALE.findall(lowered, start, joint.start())
            # "six and eight hundred thousand"; "six hundred and eight hundred thousand",
            # whose second part (up to any next "and") has the scale the first ends with
            part = _HAS_SCALE.findall(lowered, joint.end(), after.start() if after else end)
            if not scales or scales[-1] in part:
                yield start, joint.start()
                start = joint.end()
        yield start, end


# What joins the two ends of a range in words: "six to eight hundred thousand", "two or
# three million", "between two and three million".
_WORD_RANGE_JOINT = LazyPattern(r"\s*(?:-|–|—|to|or|and)\s*")


def _word_range(text: str, lowered: str, first: _Number, second: _Number) -> Located | None:
    """Two numbers in words that make a range, the second's scale shared by the first
    when the first has none of its own ("six to eight hundred thousand" is 600,000 to
    800,000)."""
    joint = _WORD_RANGE_JOINT.fullmatch(lowered, first.end, second.start)
    if joint is None:
        return None
    preceding = _words_before(lowered, first.start)
    between = bool(preceding) and preceding[-1] == "between"
    if joint.group().strip() == "and" and not between:
        return None
    # the value of the second's first words, before its scale: 8 of "eight hundred thousand"
    lead = sum(
        _SMALL.get(w, 0) + _TENS.get(w, 0)
        for w in itertools.takewhile(
            lambda w: w in _SMALL or w in _TENS,
            re.split(r"[\s-]+", lowered[second.start : second.end]),
        )
    )
    if _changed_from(lowered, first.start, preceding):
        return None  # "rose from two to three hundred": what it changed from, and to
    low = first.value
    times = second.value / lead if lead else 0
    if first.scale == 1 and times >= 100 and math.log10(times).is_integer():
        low *= times  # "six" of "six to eight hundred thousand"
    elif first.scale < second.scale:
        low *= second.scale  # "six hundred" of "six hundred and eight hundred thousand"
    low, high = min(low, second.value), max(low, second.value)
    begin = first.start
    if between:
        begin = lowered.rindex("between", 0, first.start)
        preceding = preceding[:-1]
    return _finish(text, lowered, first, second, begin, second.end, RANGE, None, preceding,
                   low, high)  # fmt: skip


def _word_numbers(text: str, lowered: str) -> list[_Number]:
    found = []
    for start, end in _word_spans(lowered):
        if (
            text.startswith("-", end)
            and text[end + 1 : end + 2].isalpha()
            and not text.startswith(("-strong", "-odd", "-some"), end)
        ):
            continue  # "a one-term premier", "a two-time champion": what kind, not how many
        words = re.split(r"[\s-]+", lowered[start:end])
        while words and words[-1] in ("and", "a", "an", "of"):
            end = lowered.rindex(words.pop(), start, end)
            end = len(text[:end].rstrip(" -"))
        lead = _FRACTION_BEFORE_RE.search(lowered, max(0, start - 30), start)
        if lead:
            lead_words = re.split(r"[\s-]+", lead.group().strip())
            if not any(w.isdigit() for w in lead_words):
                words = lead_words + words
                start = lead.start()
        first = text[start : start + 1]
        if (
            first.isupper()
            and start > 0
            and re.match(r"\s+[A-Z]", text[end:])
            and re.search(r"(?:[a-z]\s+|[\"“‘(])$", text[:start])
        ):
            continue  # "the Million Man March", a quoted “Million Man March”: a name
        read = _words_value([w for w in words if w])
        if read is None:
            continue
        value, scale = read
        if value < 1:
            continue
        found.append(_Number(value, scale, False, start, end, words=True))
    return found


def _currency_before(text: str, start: int) -> tuple[str, int] | None:
    """The currency written right before the number, and where it starts."""
    if start == 0:
        return None
    code = text[start - 3 : start] if start >= 3 else ""
    if (
        code.isupper()
        and code.lower() in _CURRENCY_BEFORE
        and not (start >= 4 and text[start - 4].isalpha())
        and _SCALE_GLUED.match(text, start)
    ):
        return _CURRENCY_BEFORE[code.lower()], start - 3  # "GBP80m": a code glued to it
    before = text[start - 1]
    if before not in _CURRENCY_CHARS and not (
        # "Rs 5", and "Rs. 5" with the code's full stop
        before == " " and start >= 3 and (text[start - 2].isalpha() or text[start - 2] == ".")
    ):
        return None
    if before == " " and not text[max(0, start - 6) : start - 1].casefold().endswith(_SPACED_CODES):
        return None  # "said 3,000": no code before the space
    window = text[max(0, start - 6) : start][::-1]
    match = _CURRENCY_BEFORE_RE.match(window)
    if match is None:
        return None
    written = match.group("c")[::-1].strip().lower()
    begin = start - len(match.group("c"))
    # "a further$4 million": copy sometimes loses the space, but a letter glued to
    # a code ("ARs 5") is a word.
    before = text[begin - 1 : begin]
    if written[0].isalpha() and before.isalpha():
        symbol = written.lstrip("abcdefghijklmnopqrstuvwxyz.")
        if symbol not in _CURRENCY_BEFORE:
            return None
        written, begin = symbol, start - len(symbol)
    return _CURRENCY_BEFORE[written], begin


def _qualifier_before(text: str, start: int, previous: str) -> tuple[str | None, int]:
    """The qualifier right before position `start` and where it begins; `previous`
    is the word before it, which must end a qualifier for one to be there."""
    if previous not in _PRE_LAST_WORDS:
        return None, start
    window = text[max(0, start - 40) : start][::-1]
    match = _PRE_RE.match(window)
    if match is None:
        return None, start
    phrase = _normal_phrase(match.group("q"))
    if phrase == "up to" and _MOVED_UP.search(
        text, max(0, start - match.end() - 12), start - match.end()
    ):
        return None, start  # "the toll has gone up to 52": the count rose to it
    if phrase == "over" and _HANDED.search(
        text, max(0, start - match.end() - 12), start - match.end()
    ):
        return None, start  # "police handed over 236 bodies": a verb's particle
    return phrase, start - match.end()


# "the nine acknowledged by the army": a count someone gave, not things named again
_GIVEN_BY = LazyPattern(
    r"\s+(?:[a-z]+\s+)?(?:acknowledged|admitted|confirmed|reported|given|cited|claimed|"
    r"announced|recorded|counted)\s+by\b"
)
# what was added to a running count: "17 more were rescued" (not "8,200 more deaths
# than usual", a comparison)
_INCREMENT_AFTER = LazyPattern(
    r"\s+(?:more(?!\s+than)(?![^.;,]{0,30}\bthan\b)|new|additional|further|fresh|other)\b",
    re.I,
)
_TO_ANOTHER = LazyPattern(r"(?:\s+[\w'’-]+){0,3}?\s+to\s+(?:another|the\s+other|the\s+next)\b")
_AMONG = r"(?:are|were|is|was)\s+(?:also\s+|reportedly\s+)?among\s+"
_AMONG_THE_COUNTED = LazyPattern(
    rf"(?:\s+[\w'’-]+){{0,6}}?\s+{_AMONG}the\s+(?:\d[\d,.]*\s+)?"
    r"(?:dead|victims|killed|injured|wounded|missing|casualties|fatalities|bodies)\b",
    re.I,
)
_AMONG_BEFORE = LazyPattern(rf"\b{_AMONG}(?:the\s+)?$", re.I)
_HANDED = LazyPattern(
    r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning|sign|signs|signed|signing)\s+$",
    re.I,
)


_MOVED_UP = LazyPattern(
    r"\b(?:gone|went|goes|going|shot|moved|climbed|jumped|risen|rose|crept|inched|edged)\s+$", re.I
)


def _normal_phrase(reversed_text: str) -> str:
    return " ".join(reversed_text[::-1].lower().split())


# --- candidates ---------------------------------------------------------------------------


def _clean(text: str) -> str:
    """Unify quotes and minus signs, blank out web addresses and join digit groups
    split by spaces ('3 000'), keeping every character's position. Each step runs
    only when a quick look says it may be needed."""
    if not isinstance(text, str):
        raise ParseError("a figure must be text")
    if "’" in text or "\u2212" in text:
        text = text.replace("’", "'").replace("\u2212", "-")
    if "://" in text or "www." in text or "%2F" in text or "%2f" in text:
        text = _URL_RE.sub(lambda m: "_" * len(m.group()), text)
    if "+" in text:
        text = _PHONE_RE.sub(lambda m: "_" * len(m.group()), text)
    if (" " in text or "\u00a0" in text or "\u202f" in text or "\u2009" in text) and (
        _SPACED_GROUP_HINT.search(text)
    ):
        text = _SPACE_GROUPS.sub(lambda m: m.group(1) + re.sub(r"\D", ",", m.group(2)), text)
    return text


# International telephone numbers: "+44 20 7946 0958".
_PHONE_RE = LazyPattern(r"\+\d{1,3}(?:[\s.-]\(?\d{1,4}\)?){2,4}\b")
_URL_RE = LazyPattern(r"(?:https?:|https?%3A)\S+|www\.\S+", re.IGNORECASE)
_SPACED_GROUP_HINT = LazyPattern(r"\d[ \u00a0\u202f\u2009\u2007]\d\d\d(?!\d)")
_SPACE_GROUPS = LazyPattern(
    r"(?<![\d.,])(\d{1,3})((?:[ \u00a0\u202f\u2009\u2007]\d{3})+)(?![\d,]|\.\d)"
)


@dataclass
class _Number:
    value: float
    scale: float  # the multiplier written with it (1 when none), for range sharing
    grouped: bool  # written with a thousands group: "12,000"
    start: int
    end: int
    words: bool = False  # written in words


_STOP_GROUPED_RE = LazyPattern(r"\d{1,3}(?:\.\d{3}){2,}")
_STOP_THOUSANDS_RE = LazyPattern(r"[1-9]\d{0,2}\.\d\d0")
_PERCENT_AFTER_RE = LazyPattern(r"\s*(?:%|per\s*cent|percent|pc\b)", re.I)


def _digits_value(run: str) -> tuple[float, int] | None:
    """The value of a run of digits, commas and stops, and how much of it is the
    number: '3,000' of '3,000,'; '12,34,567'; '1.5'; None for '1.2.3'."""
    run = run.rstrip(".,")
    if "," in run and not _GROUPED_RE.fullmatch(run):
        run = run.partition(",")[0]  # "18,39": the comma is not a thousands mark
    if run.count(".") > 1:
        if _STOP_GROUPED_RE.fullmatch(run):
            return float(run.replace(".", "")), len(run)  # "1.500.000": stops mark thousands
        return None  # a version or an address
    plain = run.replace(",", "") if "," in run else run
    if len(plain.partition(".")[0]) > _MAX_DIGITS:
        return None
    return float(plain), len(run)


_BRACKETS = str.maketrans("()[]", "    ")
_ONE_TIME = {"point", "stage", "time", "moment"}
_SAYING_AFTER = LazyPattern(r"\s+[a-z]+ing\s+(?:that|it|they|he|she|the|a|an|this)\b")


def _scale_factor(written: str | None, money: bool) -> float | None:
    """The multiplier of a scale written after a number: ' million' 1e6, 'k' 1e3,
    ' hundred thousand' 1e5; 1 for none (and for ' m' that is metres, unless money
    comes with it); None when scales stack ('million billion'), which is no figure."""
    if not written:
        return 1.0
    words = written.lower().translate(_BRACKETS).split()
    if written[0].isspace() and words[0] in ("m", "b") and not money:
        return 1.0
    factor = 1.0
    big = 0
    for word in words:
        value = _SCALE_WORDS.get(word) or _SUFFIX_SCALES.get(word) or 100.0
        if value >= 1e3:
            big += 1
        factor *= value
    return None if big > 1 else factor


def _number_from(match: re.Match[str], group: str, money: bool) -> _Number | None:
    """The number of one side of a forward match, with its fraction and scale."""
    read = _digits_value(match.group(f"n{group}"))
    if read is None:
        return None
    value, length = read
    start = match.start(f"n{group}")
    end = start + length
    number = _Number(value, 1.0, "," in match.group(f"n{group}")[:length], start, end)
    if length < len(match.group(f"n{group}")):
        return number  # "3,000," -- what follows the comma is not this number's
    fraction = match.group(f"f{group}")
    if fraction:
        number.value += _FRACTIONS[fraction]
        number.end = match.end(f"f{group}")
    factor = _scale_factor(match.group(f"s{group}"), money)
    if factor is None:
        return None
    if (
        factor == 1.0
        and not money
        and _STOP_THOUSANDS_RE.fullmatch(match.group(f"n{group}")[:length])
        and not _PERCENT_AFTER_RE.match(match.string, end)
    ):
        number.value *= 1000  # "40.000 people": no count is written to three decimals
    if factor != 1.0:
        number.value *= factor
        number.scale = factor
        number.end = match.end(f"s{group}")
    return number


_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_SCALE_PATTERN = (
    r"(?:\s*(?:hundred\s+)?(?:thousand|million|billion|trillion|lakhs?|lacs?|crores?)\b"
    r"|\s?(?:k|mn|mln|mil|bn|bln|tn|trn|m|b)\b|\s+hundred\b"
    # a scale an editor put in brackets: "over $300 (billion)"
    r"|\s?[(\[](?:thousand|million|billion|trillion)[)\]])"
    r"(?:\s+(?:thousand|million|billion|trillion|lakhs?|crores?)\b)?"
)
# One anchored read of everything after the first digit: the number, its scale,
# a second number that makes a range, a percent sign, a bound written after it.
_FORWARD_RE = LazyPattern(
    rf"""(?P<n1>\d[\d,.]*)(?P<f1>[½¼¾])?(?P<s1>{_SCALE_PATTERN})?
    (?:(?P<p1>\s?(?:%|per\s?cent\b|percent\b))?(?P<rj>\s*[-–—~]\s*|\s+(?:to|through|thru|and|or)\s+)(?:(?:an?|some|about)\s+)?
       (?P<c2>(?:US|C|A|NZ|HK|S)?\$|€|£|¥|₹|Rs\.?\s?)?
       (?P<n2>\d[\d,.]*)(?P<f2>[½¼¾])?(?P<s2>{_SCALE_PATTERN})?)?
    """,
    re.IGNORECASE | re.VERBOSE,
)


_WORD_EDGES = str.maketrans({c: " " for c in ",.-\"“”‘’'()[]:;!?"})


def _candidates(text: str) -> list[Located]:
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) > 1 else c.lower() for c in text)
    found: list[Located] = []
    # the words, with the punctuation that may touch one ('“Twelve', '(forty') cut off
    words = set(lowered.translate(_WORD_EDGES).split())
    if not words.isdisjoint(_VAGUE_TRIGGERS):
        found = _vague(text, lowered)
    if not words.isdisjoint(_ZERO_TRIGGERS):
        found += _zeros(text, lowered)
    if not words.isdisjoint(_SHARE_TRIGGERS) or (
        not words.isdisjoint(_SHARE_EVERY)
        and (any(w in lowered for w in _SHARE_ONE) or _DIGIT_SHARE_HINT.search(lowered))
    ):
        taken = [(v.start, v.end) for v in found]
        shares, passed = _shares(text, lowered)
        found += [s for s in shares if not any(
            a < s.end and s.start < b for a, b in taken
        )]  # fmt: skip
    else:
        passed = []
    # a share of a figure said before ("a third of them") is no figure, nor its "one"
    taken = [(v.start, v.end) for v in found] + passed
    position = 0
    while True:
        match = _FORWARD_RE.search(text, position)
        if match is None:
            break
        located, position = _from_digits(text, lowered, match)
        if located is not None and not any(s < located.end and located.start < e for s, e in taken):
            found.append(located)
    if not words.isdisjoint(_CORE_NUMBER_WORDS):
        taken = [(v.start, v.end) for v in found] + passed
        numbers = _word_numbers(text, lowered)
        joined = -1  # the index of a number read as the second end of a range
        for index, number in enumerate(numbers):
            if index == joined or any(s < number.end and number.start < e for s, e in taken):
                continue
            following = numbers[index + 1] if index + 1 < len(numbers) else None
            located = _word_range(text, lowered, number, following) if following else None
            if located is not None:
                joined = index + 1
            elif _NOT_A_COUNT_AFTER.match(text, number.end):
                continue
            else:
                located = _from_words(text, lowered, number)
            if located is not None:
                found.append(located)
    if len(found) > 1:
        found.sort(key=lambda c: c.start)
    if found:
        found = _items_count_alike(text, found)
    return found


# A list of counts by place or by whom, the counted noun written once: "four people died
# in Lora, two in Vesk and one in Tamar", "2.3 million ballots for Obi and 6.2 million for
# Berg".
_ITEM_JOINT = LazyPattern(
    r"[^,;.]{0,60}?\s(?:in|at|for)\s[^,;.]{1,40}?(?:,\s*(?:and\s+)?|\s+and\s+)$"
)
_ITEM_PLACE = LazyPattern(r"\s+(?:in|at|for)\s+(?:the\s+)?[A-Z]")
_ITEM_BEFORE = LazyPattern(r"(?:,\s*(?:and\s+)?|\s+and\s+)$")


def _listed(text: str, begin: int, end: int) -> bool:
    """A number that may be an item of such a list: ", two in Vesk"."""
    return bool(_ITEM_PLACE.match(text, end)) and bool(
        _ITEM_BEFORE.search(text, max(0, begin - 6), begin)
    )


def _items_count_alike(text: str, found: list[Located]) -> list[Located]:
    """Each item of a list of counts by place counts what its first item counts; an
    item written in words that counts nothing is no figure."""
    out: list[Located] = []
    for located in found:
        figure = located.figure
        previous = out[-1] if out else None
        if (
            figure.unit is None
            and previous is not None
            and previous.figure.unit not in (None, "percent")
            and previous.figure.unit not in CURRENCIES
            and _listed(text, located.start, located.end)
            and _ITEM_JOINT.fullmatch(text, previous.end, located.start)
        ):
            figure = replace(figure, unit=previous.figure.unit, phrase=previous.figure.phrase)
            located = located._replace(figure=figure, score=previous.score)
        elif (
            figure.unit is None
            and figure.text[-1:].isalpha()
            and not located.part
            and figure.low < 10
            and _listed(text, located.start, located.end)
        ):
            continue  # kept only in case it was such an item
        out.append(located)
    return out


# A count of none: "no one was hurt", "nobody died", "no civilian casualties", "zero
# deaths", "not a single soldier". "No" names nothing counted by itself ("no plans",
# "no word on casualties", "no more than 50"), so a counted noun must follow it; "no
# one", "nobody" and "none" count people only when what befell them follows.
_ZERO_TRIGGERS = {"no", "zero", "nobody", "none", "not"}  # "no-one" is read as two words
_ZERO_RE = LazyPattern(
    r"\b(?:(?P<nobody>no[\s-]one|nobody|none)|no|zero|not\s+(?:a\s+single|one))(?=\s)",
    re.IGNORECASE,
)
_NO_COUNT_AFTER = {"more", "fewer", "less", "other", "others", "longer", "further", "one"}
_FATE_AFTER = LazyPattern(
    r"\s+(?:(?:was|were|has|have|had|is|are|got)\s+(?:been\s+)?(?:[a-z]+ly\s+)?"
    r"(?:reported\s+)?(?:killed|injured|hurt|wounded|harmed|arrested|detained|missing|dead"
    r"|hospitali[sz]ed|drowned)|(?:[a-z]+ly\s+)?(?:died|perished|drowned))\b",
    re.IGNORECASE,
)


def _zeros(text: str, lowered: str) -> list[Located]:
    """Counts of none, each read as the figure 0 of what it counts."""
    found = []
    for match in _ZERO_RE.finditer(text):
        start, end = match.span()
        if match.group("nobody"):
            if not _FATE_AFTER.match(text, end):
                continue  # "no one knows", "none of the 40": nobody counted
            counted = "people"
        else:
            following = lowered[end:].split(None, 1)
            if not following or following[0] in _NO_COUNT_AFTER:
                continue
            head = _counted_phrase(text, end)[1]
            if head is None or _unit_word(head) not in UNIT_SYNONYMS:
                continue  # "no plans", "no evidence": nothing counted
            if (
                not match.group().lower().startswith("not")
                and not _unit_word(head).endswith("s")
                and not names_persons(_unit_word(head))
            ):
                continue  # "no civilian was hurt" counts; "no injury marks" counts nothing
            counted = None
        zero = _Number(0.0, 1.0, False, start, end, words=True)
        located = _finish(text, lowered, zero, None, start, end, EXACT, None,
                          _words_before(lowered, start), counted=counted)  # fmt: skip
        if located is not None:
            found.append(located)
    return found


_OF_RE = LazyPattern(r"\s+of(?=\s)")


def _vague(text: str, lowered: str) -> list[Located]:
    """'dozens of drones', 'tens of thousands', 'several hundred troops'."""
    found = []
    for match in _VAGUE_RE.finditer(lowered):
        words = " ".join(match.group("vague").split())
        if words == "scores" and not _SCORES_OF_RE.match(lowered, match.end()):
            continue  # "test scores"
        low, high = VAGUE_WORDS[words]
        of = _OF_RE.match(text, match.end())
        phrase, head = _counted_phrase(text, of.end() if of else match.end())
        if head and head.lower() in _TIME_NOUNS:
            continue  # "hundreds of years"
        figure = Figure(
            float(low), None if high is None else float(high), VAGUE,
            text[match.start() : match.end()], head, phrase,
        )  # fmt: skip
        found.append(Located(figure, match.start(), match.end(), 1 + _unit_score(head)))
    return found


_SCORES_OF_RE = LazyPattern(r"\s+of\b|\s*$")


# Shares of a whole, written as fractions: "three quarters of all workers" is 75%.
_SHARES = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3,
    "two thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0,
    "a fifth": 20.0, "one fifth": 20.0, "two fifths": 40.0, "three fifths": 60.0,
    "four fifths": 80.0, "a tenth": 10.0, "one tenth": 10.0, "nine tenths": 90.0,
}  # fmt: skip
_SHARE_TRIGGERS = {"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth",
                   "tenths"}  # fmt: skip
# "one in five": "in" is in most sentences, so it triggers only with one of these
_SHARE_EVERY = {"in", "out"}
_SHARE_ONE = ("one", "two", "three", "four", "nine")
_SHARE_RE = LazyPattern(
    r"\b(?P<share>"
    + "|".join(s.replace(" ", r"[\s-]+") for s in sorted(_SHARES, key=len, reverse=True))
    + r")\s+of\s+(?!an?\s+(?:million|billion|thousand|trillion|lakh|crore)\b)"
    r"(?:the\s+|all\s+|its\s+|their\s+)*"
    r"(?:(?P<noun>[a-z][\w-]*)|(?=\d[\d,.]*\s+(?P<counted>[a-z][\w-]*)))"
    r"|\b(?P<one>one|two|three|four|nine|[1-9])\s+(?:in|out\s+of)\s+(?P<every>two|three|four|"
    r"five|six|seven|eight|ten|\d{1,3})\s+(?P<noun2>[a-z][\w-]*)"
)
_DIGIT_SHARE_HINT = LazyPattern(r"\b[1-9]\s+(?:in|out\s+of)\s+\d")


_SHARE_OF_WHAT_WAS_SAID = {"them", "that", "those", "these", "it", "which", "whom", "this"}


def _shares(text: str, lowered: str) -> tuple[list[Located], list[tuple[int, int]]]:
    """Fractions of a whole as percentages: "three quarters of all staff" (75%), "a
    third of the city" (33.3%), "one in five adults" (20%); and the spans of the
    shares passed over."""
    found = []
    passed = []
    for match in _SHARE_RE.finditer(lowered):
        if match.group("share"):
            value = _SHARES[" ".join(match.group("share").replace("-", " ").split())]
            noun = match.group("noun") or match.group("counted")
        else:
            every = match.group("every")
            parts = int(every) if every.isdigit() else _SMALL[every]
            one = match.group("one")
            value = 100 * (int(one) if one.isdigit() else _SMALL[one]) / max(1, parts)
            noun = match.group("noun2")
        start, end = match.span()
        if match.group("counted"):
            end = match.end("share")  # "two thirds of the 900 homes": 900 is a figure too
        if (
            noun in _TIME_NOUNS
            or noun in _MONTH_WORDS
            or noun in _SHARE_OF_WHAT_WAS_SAID
            or value >= 100
        ):
            passed.append((start, end))
            # "half an hour", "the second half of March": a time; "a third of them": a
            # share of another figure
            continue
        qualifier = _qualifier_before(text, start, (_words_before(lowered, start) or [""])[-1])
        kind, begin = EXACT, start
        if qualifier[0] and qualifier[0] != "between":
            kind, begin = _PRE_QUALIFIERS[qualifier[0]], qualifier[1]
        low = 0.0 if kind == AT_MOST else round(value, 6)
        figure = Figure(low, None if kind == AT_LEAST else round(value, 6), kind,
                        text[begin:end], "percent", noun)  # fmt: skip
        found.append(Located(figure, begin, end, 4.0))
    return found, passed


def _from_words(text: str, lowered: str, number: _Number) -> Located | None:
    """The figure of a number written in words, with the qualifier before it."""
    preceding = _words_before(lowered, number.start)
    word, q_start = _qualifier_before(text, number.start, preceding[-1] if preceding else "")
    kind, begin = EXACT, number.start
    if word and word != "between":
        kind, begin = _PRE_QUALIFIERS[word], q_start
        preceding = preceding[: len(preceding) - len(word.split())]
    elif not word:
        kind, begin = _sign_before(text, begin, kind)
    return _finish(text, lowered, number, None, begin, number.end, kind, None, preceding)


# Signs written for a bound: "> half a million", "~300", "<50", "≥ 1,000".
_SIGNS = {">": AT_LEAST, "≥": AT_LEAST, "<": AT_MOST, "≤": AT_MOST, "~": APPROX}


def _sign_before(text: str, begin: int, kind: str) -> tuple[str, int]:
    """The bound a sign before the number gives it, and where the figure then begins."""
    at = begin - 1
    if at >= 1 and text[at] == " ":
        at -= 1
    if at >= 0 and text[at] in _SIGNS and (at == 0 or not text[at - 1].isalnum()):
        return _SIGNS[text[at]], at
    return kind, begin


# The next part of a number written in parts: "4 million 310 thousand 27".
_LOWER_PART_RE = LazyPattern(r"\s+(\d{1,3})(?:\s+(thousand|hundred))?\b(?![,.]?\d|-)")


def _add_lower_parts(text: str, number: _Number) -> None:
    """'4 million 310 thousand 27 votes' is one number, each part under the scale of
    the one before it; a bare last part only after a part with a scale of its own."""
    scale = number.scale
    while True:
        part = _LOWER_PART_RE.match(text, number.end)
        if part is None:
            return
        part_scale = {"thousand": 1e3, "hundred": 1e2}.get(part.group(2) or "", 1.0)
        value = int(part.group(1)) * part_scale
        if part_scale >= scale or value >= scale or (part_scale == 1 and scale == number.scale):
            return
        number.value += value
        number.end = part.end()
        scale = part_scale


# The number of a list's item at the start of a text: "(4.) ", "4) ", "4. "
_LIST_MARK = LazyPattern(r"(?:\(\d{1,2}\.?\)|\d{1,2}[.)])\s")


def _from_digits(text: str, lowered: str, match: re.Match[str]) -> tuple[Located | None, int]:
    """The figure a forward match starts, and where the scan goes on."""
    start = match.start()
    # The quick refusals first, on the digits as written: most numbers in a news
    # sentence that are no counts are the parts of a date.
    if len(match.group("n1")) <= 3 and _MONTH_AFTER.match(text, match.end("n1")):
        return None, match.end("n1")  # "23 October"
    if start <= 1 and _LIST_MARK.match(text):
        return None, match.end("n1")  # "(4.) Officials said ...": an item's number
    currency = _currency_before(text, start) if start else None
    if currency is None and start and _is_label(text, start):
        return None, match.end("n1")
    first = _number_from(match, "1", currency is not None)
    if first is None:
        return None, match.end()
    if first.scale >= 1e3 and match.group("n2") is None:
        _add_lower_parts(text, first)
    resume = first.end
    if _NOT_A_COUNT_AFTER.match(text, first.end):
        return None, resume
    if first.value > MAX_VALUE:
        return None, resume
    after = text[first.end : first.end + 1]
    temperature = _TEMPERATURE_RE.match(text, first.end)
    if (
        (after.isalpha() or after.isdigit())
        and temperature is None
        and not _GLUED_WORD.match(text, first.end)
    ):
        return None, resume  # "240mm", "5G", "3x": a measure or a code, not a count
    name = (
        _NAME_BEFORE.search(text, max(0, start - 30), start)
        if currency is None and first.scale != 1 and text[first.end - 1 : first.end].isupper()
        else None
    )
    if name and name.group().strip().lower() not in _PRE_LAST_WORDS | _FILLERS:
        return None, resume  # "Channel 2M", "Radio 4FM": a name, not "About 2M"
    begin = currency[1] if currency else start
    preceding = _words_before(lowered, begin)
    qualifier_word, q_start = _qualifier_before(text, begin, preceding[-1] if preceding else "")
    between = qualifier_word == "between"
    kind = EXACT if between else _PRE_QUALIFIERS.get(qualifier_word or "", EXACT)
    if qualifier_word:
        begin = q_start
        preceding = preceding[: len(preceding) - len(qualifier_word.split())]
    if begin and not qualifier_word:
        kind, begin = _sign_before(text, begin, kind)

    # A second number: a range ("10,000-12,000", "between 10 and 12 thousand").
    second = None
    tail = "s1" if match.group("s1") else "f1" if match.group("f1") else "n1"
    if match.group("n2") is not None and first.end == match.end(tail):
        joint = match.group("rj").strip().lower()
        second = _number_from(match, "2", currency is not None or bool(match.group("c2")))
        if second is not None and match.group("p1") and not _PERCENT_RE.match(text, second.end):
            second = None  # "10% to 15 people": a share, then a count; "10%-15%" is a range
        if second is not None:
            if (
                joint in ("-", "–", "/")
                and _is_year_like(first)
                and second.value < 100
                and (len(match.group("n2").rstrip(".,")) == 2)
            ):
                return None, match.end()  # "2013-14": a fiscal year
            if _is_year_like(first) and _is_year_like(second) and second.value > first.value:
                return None, match.end()  # "1992-2002": a span of years
            if second.value <= 31 and _MONTH_AFTER.match(text, second.end):
                return None, match.end()  # "12 to 17 August": days of a month
            if joint == "-" and (
                _PHONE_PARTS_RE.fullmatch(match.group()) or _HYPHEN_DIGIT_RE.match(text, second.end)
            ):
                return None, match.end()  # "555-0123", "555-123-4567": a telephone number or code
            if (
                joint == "-"
                and second.value < first.value < 100
                and first.scale == second.scale == 1
                and not _PERCENT_RE.match(text, second.end)
                and _counted_phrase(text, second.end)[1] is None
            ):
                return None, match.end()  # "won 3-2": a score, no range
            if (
                (joint == "and" and not between)
                or second.value > MAX_VALUE
                or (joint == "to" and _changed_from(lowered, begin, preceding))
                or text[second.end : second.end + 1].isalpha()
            ):
                second = None  # read the second number on its own
    if second is not None:
        if match.group("c2") and currency is None:
            currency = (_CURRENCY_BEFORE[match.group("c2").strip().lower()], begin)
        low = _shared_scale(first, second)
        high = second.value
        if low > high:
            low, high = high, low
        return _finish(text, lowered, first, second, begin, second.end, RANGE, currency,
                       preceding, low, high), second.end  # fmt: skip
    if temperature is not None:
        # "50.5C", "45 °C": a temperature reading, which a source can claim
        measure = "°F" if temperature.group().strip().upper().endswith("F") else "°C"
        return _finish(text, lowered, first, None, begin, temperature.end(), kind, None,
                       preceding, measure=measure), temperature.end()  # fmt: skip
    return _finish(text, lowered, first, None, begin, first.end, kind, currency,
                   preceding), resume  # fmt: skip


def _finish(
    text: str,
    lowered: str,
    first: _Number,
    second: _Number | None,
    begin: int,
    end: int,
    kind: str,
    currency: tuple[str, int] | None,
    preceding: list[str],
    low: float | None = None,
    high: float | None = None,
    measure: str | None = None,
    counted: str | None = None,
) -> Located | None:
    """A figure from its numbers: the percent sign, a bound after it, a second
    bound, the currency or counted noun, and whether it is a count at all."""
    low_value = first.value if low is None else low
    high_value = first.value if high is None else high
    percent = _PERCENT_RE.match(text, end)
    if percent:
        end = percent.end()
    if kind != RANGE:
        post = _POST_RE.match(text, end) if _bound_may_follow(text, end) else None
        if post:
            post_kind = _POST_QUALIFIERS[int(post.lastgroup[1:])][0]  # type: ignore[index]
            if kind in (EXACT, APPROX) or post_kind != APPROX:
                kind = post_kind
            end = post.end()
        # Two bounds: "more than 100 but fewer than 300", "at least 20 and at most 50".
        if kind in (AT_LEAST, AT_MOST):
            two = _TWO_SIDED_RE.match(text, end)
            other = (
                _FORWARD_RE.match(text, two.end() + _currency_length(text, two.end()))
                if two
                else None
            )
            if two and other is not None:
                bound = _number_from(other, "1", currency is not None)
                other_kind = _PRE_QUALIFIERS[" ".join(two.group("q").lower().split())]
                if bound is not None and other_kind != kind:
                    pair = (
                        (first.value, bound.value)
                        if kind == AT_LEAST
                        else (bound.value, first.value)
                    )
                    if pair[0] <= pair[1]:
                        kind, (low_value, high_value), end = RANGE, pair, bound.end
    unit = head = phrase = None
    if currency is None and _currency_may_follow(text, end):
        currency_word = _CURRENCY_AFTER_RE.match(text, end)
        if currency_word:
            code = _currency_code(currency_word, first)
            if code:
                currency, end = (code, begin), currency_word.end()
    if measure:
        unit = head = measure
    elif counted:
        unit = head = phrase = counted
    elif currency:
        unit = head = currency[0]
        phrase = _phrase_after_money(text, end)
    elif percent:
        unit = head = "percent"
        phrase = _phrase_after_money(text, end)
    elif text.startswith("-strong", end):
        # "a 100,000-strong crowd", "its 5,000-strong force": so many people
        phrase = _counted_phrase(text, end + 7)[0]
        unit = head = "people"
    else:
        phrase, head = _counted_phrase(text, end)
        if head is None and preceding[-1:] == ["at"]:
            head = phrase = _counted_after(text, end)
        if head is None:
            head = _counted_before(text, begin)
            phrase = head
        if head is None and preceding and preceding[-1] in _HARMED:
            head = phrase = _HARMED[preceding[-1]]  # "..., killing two, officials said"
        unit = head
    if head and (head.lower() in _TIME_NOUNS or (phrase or "").partition(" ")[0] in _TIME_NOUNS):
        return None  # a duration: "48 hours", "three years", "a 20 minute walk"
    # "including 640 children"; "90 of the 1,300 missing", "9 out of 10"
    part = (
        (
            _follows(preceding, _PART_WORDS, _PART_LAST)
            # "30 children are among the 125 dead": the whole the part is among
            and not _AMONG_BEFORE.search(text, max(0, begin - 30), begin)
            # "with" makes a part of a whole given before it ("40 died, with 12 in the
            # capital"), not of nothing ("the plaza was full, with 30,000 people")
            and (
                _last_word(preceding) != "with"
                or (
                    _count_before(text, begin)
                    # "with 9 people still missing": a count of its own
                    and (head is None or bool(_WHERE_AFTER.match(text, end)))
                )
            )
        )
        or (not percent and bool(_OF_A_WHOLE.match(text, end)))  # a share says so by its unit
        # the whole said first: "of the 900 injured, fewer than 60 are in hospital"
        or bool(_OF_THE_COUNT_BEFORE.search(text, max(0, begin - 80), begin))
        # what was added to a running count: "17 more were rescued", "another 40"
        or bool(_INCREMENT_AFTER.match(text, end))
        # "two police officers are among the dead": some of a count
        or (" among " in lowered and bool(_AMONG_THE_COUNTED.match(text, end)))
        or (bool(preceding) and preceding[-1] in ("another", "further"))
    )
    if first.words and first.value < 10 and first.scale == 1 and second is None:
        # "one", "two" alone: a count only with a counted noun after it, or as a
        # part of a count before it ("including two in Mykolaiv")
        if not (
            head
            or part
            or _SAME_KIND_FOLLOWS.match(text, end)
            or _listed(text, begin, end)
            or _GIVEN_BY.match(text, end)
        ):
            return None
        if _words_before(lowered, first.start, 1)[:1] in (
            ["the"],
            ["these"],
            ["those"],
            ["both"],
        ) and not _GIVEN_BY.match(text, end):
            return None  # "the two dams": things already counted, named again
        if lowered.startswith("one", first.start):
            if head and head.endswith("s") and not head.endswith("ss"):
                return None  # "one normally expects": the pronoun, and a verb
            if (
                head
                and head.endswith("ing")
                and preceding[-1:] == ["with"]
                and _SAYING_AFTER.match(text, end)
            ):
                return None  # "with one stating that ...": the pronoun
            if (head or "").lower() in _ONE_TIME and preceding[-1:] == ["at"]:
                return None  # "at one point", "at one stage": once, no count
            if (head or "").lower() == "another":
                return None  # "hugged one another": the pronoun
            if preceding[-1:] == ["from"] and " to " in lowered and _TO_ANOTHER.match(text, end):
                return None  # "moved from one stand to another": no count
            previous = _words_before(lowered, first.start, 1)
            if (
                previous
                and previous[0] in _PRONOUN_ONE_BEFORE
                # "only one person died" counts; "the only one left" does not
                and not (previous[0] == "only" and head)
            ) or lowered.startswith(" of", first.end):
                return None  # "which one", "no one", "one of them"
    if (
        second is None
        and kind == EXACT
        and not percent
        and not currency
        and _is_year_like(first)
        and (normalise_unit(head) not in _KNOWN_UNITS or _singular(head))
    ):
        return None  # a year: "in 2015", "the 2015 death toll", "2015 refugee arrivals"
    if high_value < 0 or (
        high_value == 0 and not first.words and normalise_unit(head) not in _KNOWN_UNITS
    ):
        return None  # "0" counts something only with a counted noun: "0 deaths"
    if kind == AT_MOST:
        low_value = 0.0
    figure = Figure(
        float(low_value), None if kind == AT_LEAST else float(high_value), kind,
        text[begin:end].strip(), unit, phrase,
    )  # fmt: skip
    earlier = _follows(preceding, _EARLIER_WORDS, _EARLIER_LAST) or _changed_from(
        lowered, begin, preceding
    )
    baseline = earlier or _follows(preceding, _BASELINE_WORDS, _BASELINE_LAST)
    score = 1.0 + (3 if currency else 0.5 if measure else _unit_score(head))
    score += 1 if kind != EXACT else 0  # a measure describes; a count or money is claimed
    if baseline:
        score -= 2  # "down from a peak of 1.5 million": the figure it is compared with
    if part:
        score -= 0.5  # "including 800 children": the whole wins
    if first.words and first.value < 10 and not head:
        score -= 1
    return Located(figure, begin, end, score, baseline, part, earlier)


def _currency_code(match: re.Match[str], first: _Number) -> str | None:
    word = match.group("word").lower()
    nation = " ".join((match.group("nation") or "").lower().split())
    if word == "pounds":
        # "20 million pounds" is money; "500 pounds of explosives" is weight.
        return "GBP" if first.scale >= 1e6 or nation else None
    code = _CURRENCY_AFTER[word]
    if nation in _CURRENCY_NATION and word in _NATIONAL_CURRENCY_WORDS:
        code = _CURRENCY_NATION[nation]
    return code


_NATIONAL_CURRENCY_WORDS = {"dollars", "dollar", "rupees", "rupee", "pesos", "shillings"}
_KNOWN_UNITS = frozenset(UNIT_SYNONYMS.values())
_CHANGE_FROM = {
    (verb, "from")
    for verb in """up down rising falling rose fell increased decreased jumped climbed dropped
    declined revised raised lowered grew shrank risen fallen""".split()
}


def _changed_from(lowered: str, begin: int, preceding: list[str]) -> bool:
    """Whether the number at `begin` is what a count changed from ("rose from 40")."""
    if not preceding or preceding[-1] != "from":
        return False
    return _follows(preceding, _CHANGE_FROM, {"from"}) or bool(
        _CHANGED_FROM.search(lowered, max(0, begin - 120), begin)
    )


def _currency_length(text: str, position: int) -> int:
    match = _CURRENCY_BEFORE_FORWARD_RE.match(text, position)
    return len(match.group()) if match else 0


# ... an amount with its scale: "GBP80m", "EUR5bn", not "PHP8" or "AUD5"
_SCALE_GLUED = LazyPattern(r"[\d.,]+\s?(?:m|bn|mn|k|million|billion)\b", re.I)
# a word of a name before "2M": "Channel 2M" (a qualifier is no name: "About 2M")
_NAME_BEFORE = LazyPattern(r"\b[A-Z][a-z]+\s$")
# A word glued to a number by a lost space, as scraped copy has it: "3,621and said"
_GLUED_WORD = LazyPattern(r"(?:and|but|said|the|to|of|as|from)\s")
_PHONE_PARTS_RE = LazyPattern(r"\d{3}-\d{4}|\d{3,4}-0\d+")
_HYPHEN_DIGIT_RE = LazyPattern(r"-\d")
_CURRENCY_BEFORE_FORWARD_RE = LazyPattern(r"(?:US|C|A|NZ|HK|S)?\$|€|£|¥|₹|Rs\.?\s?")


def _is_label(text: str, start: int) -> bool:
    """What stands right before the digits makes them a label or a code: "F-16",
    "FY2023", "#5", "10:30", "+44", "page 5", "October 23"."""
    before = text[start - 1]
    if before.isalpha() or before in "#@/\\:^+":
        return True
    if before in "-.,–" and start >= 2 and (text[start - 2].isalnum()):
        # "F-16"; the tail of "1.2.3" or of a malformed group; the second half of a
        # pair whose first half was no count ("May 2-3", "2013-14")
        return True
    previous = text[max(0, start - 14) : start].rstrip(" .,(").rpartition(" ")[2].lstrip("([“\"'‘")
    if previous.lower() in _MONTH_WORDS:
        # "March 3", "May 2024": a day or a year; not "Since March, 150 people", nor
        # "In May 150 people died"
        return "," not in text[start - 3 : start] and (
            bool(_DAY_DIGITS.match(text, start)) or bool(_YEAR_DIGITS.match(text, start))
        )
    if previous.lower() in _LABEL_WORDS:
        # "line 5", not "On the north line, 65 percent"
        return "," not in text[start - 3 : start]
    if before == "(" and start >= 2 and text[start - 2].isdigit():
        return True  # "126(2)": a sub-number of a label
    if (previous[:1].isdigit() or previous in ("and", "or")) and _LABEL_LIST.search(
        text, max(0, start - 80), start
    ):
        return True
    if before == "(" and previous.lower() in _WEEKDAYS and _DAY_CLOSED.match(text, start):
        return True  # "this Friday (14)": the day of the month
    if (
        len(previous) >= 2
        and previous.isupper()
        and previous.isalpha()
        and previous not in _NOT_NAMING
        and _NAME_NUMBER.match(text, start)
    ):
        return True  # "VTB 24's head", "the bank VTB 24, ...": a number in a name
    day = _DAY_DIGITS.match(text, start)
    # "March 3 and 9": the second day of a pair; not "on May 2, 20,000 people"
    return bool(day) and bool(_DAY_PAIR_BEFORE.search(text, max(0, start - 24), start))


_YEAR_DIGITS = LazyPattern(r"(?:1[89]|2[01])\d\d(?![\d,.]?\d)")
# A short number after an acronym, which nothing counted follows: part of a name.
_NAME_NUMBER = LazyPattern(r"\d{1,3}(?![,.]?\d)(?:['’]s\b|\s*[,)]|\s+[A-Z]|\s*$)")
_NOT_NAMING = {"US", "UK", "EU", "UN", "AU"}  # countries and unions, before counts
_DAY_DIGITS = LazyPattern(r"(?:[12]?\d|3[01])(?![\d,.]?\d)")
_DAY_CLOSED = LazyPattern(r"\d{1,2}\)")
# "March 3 and 9", "October 23 to 24": the second day of a pair
_DAY_PAIR_BEFORE = LazyPattern(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\s*"
    r"(?:and|to|&|,)\s*$",
    re.I,
)


def _currency_may_follow(text: str, end: int) -> bool:
    """Whether a currency word may follow: a quick look at the next words. The next
    one must begin a currency or its nation for _CURRENCY_AFTER_RE to match, which
    most often settles it with one short match."""
    following = _NEXT_WORD_RE.match(text, end)
    if following is None:
        return False
    word = following.group(1).lower()
    if word not in _CURRENCY_FIRST_WORDS and word.rstrip(".") not in _CURRENCY_FIRST_WORDS:
        return False
    following = text[end : end + 40].split(None, 3)
    return any(word.lower().strip(".,;:") in _CURRENCY_AFTER_WORDS for word in following[:3])


_NEXT_WORD_RE = LazyPattern(r"\s+([A-Za-z.]+)")
_CURRENCY_FIRST_WORDS = {*_CURRENCY_AFTER_WORDS} | {n.split()[0] for n in _CURRENCY_NATION}


# Counted nouns whose plural has no "s": "2000 police", "1900 children", "2000 aircraft".
_PLURALS_WITHOUT_S = frozenset(
    """people police children men women personnel staff folk cattle livestock crew aircraft
    spacecraft sheep fish deer offspring""".split()
)


def _singular(noun: str | None) -> bool:
    """A counted noun written in the singular, as no count above one is: "death" in
    "the 2015 death toll"."""
    word = (noun or "").lower()
    return bool(word) and not word.endswith("s") and word not in _PLURALS_WITHOUT_S


def _is_year_like(number: _Number) -> bool:
    return (
        number.scale == 1
        and not number.grouped
        and not number.words
        and number.value == int(number.value)
        and 1800 <= number.value <= 2100
    )


def _shared_scale(first: _Number, second: _Number) -> float:
    """'$2-$3.5 billion' is 2-3.5 billion; '11 to 12,000' is 11,000-12,000;
    'between 10 and 12 thousand' is 10,000-12,000."""
    if first.scale != 1 or first.grouped or first.value >= second.value:
        return first.value
    if second.scale > 1:
        lead = second.value / second.scale
        return first.value * second.scale if first.value <= lead else first.value
    if second.grouped and second.value % 1000 == 0:
        lead = second.value / 1000
        if first.value < 1000 and first.value <= lead < first.value * 10:
            return first.value * 1000
    return first.value


_PARTICLES = {"out", "up", "down", "off", "in", "away", "back"}
# A verb of harm right before a number with nothing after it says what it counts.
_HARMED = {"killing": "killed", "wounding": "wounded", "injuring": "injured",
           "killed": "killed", "wounded": "wounded", "injured": "injured"}  # fmt: skip


def _counted_phrase(text: str, end: int) -> tuple[str | None, str | None]:
    """The counted noun phrase right after a number, and its head noun.

    "329 of its soldiers" counts soldiers: a partitive "of its" is skipped."""
    match = _PHRASE_RE.match(text, end)
    if match is None:
        return None, None
    if text.startswith(("”", '"'), end):
        # a quotation of the figure alone ("“nearly 300,000” people"), not one that
        # closes on it ("“We counted 300,000” officials said")
        opening = max(text.rfind("“", 0, end), text.rfind('"', 0, end))
        if opening < 0 or len(text[opening:end].split()) > 2:
            return None, None
    words: list[str] = []
    seen_other = False
    written = match.group(1).split()
    for index, raw in enumerate(written):
        dashed = raw.split("--")  # "three weeks--June and July": a dash typed as two
        word = dashed[0].strip("-").rstrip("'’.")
        if not word:
            break
        lower = word.lower()
        if lower in _LINKING and not words:
            continue  # "28,000 went missing", "300 remain missing": the state is the noun
        if lower in ("others", "more") and not words and not seen_other:
            seen_other = True  # "40 others were hurt": the state after the verb is the noun
            if index + 1 < len(written) and written[index + 1].lower() in _LINKING:
                continue
        if (
            lower in ("more", "additional", "further", "other")
            and not words
            and index + 1 < len(written)
        ):
            continue  # "170 more people", "30 additional troops", "10 other bodies"
        if lower in _PARTICLES and (
            not words or (len(words) == 1 and _verb_like(words[0].lower()))
        ):
            return None, None  # "25,000 turned out": a verb and its particle, nothing counted
        if lower in _HEAD_ONLY:
            if not words:
                words.append(word)
            break
        if (
            not words
            and lower.endswith(("ing", "ed"))
            and index
            and written[index - 1].lower() in _LINKING
        ):
            return None, None  # "500,000 were gathering", "600 are damaged": a verb
        if (
            lower in _REPORTED
            and not words
            and any(_unit_word(w) in UNIT_SYNONYMS for w in written[index + 1 : index + 3])
            and written[index + 1 : index + 2] != ["by"]
        ):
            continue  # "51 confirmed deaths", "12 reported cases": what kind, then the noun
        if lower in _PHRASE_ENDS or (words and _verb_like(lower)):
            break
        if lower.endswith("ed") and index + 1 < len(written) and written[index + 1] == "by":
            break  # "the nine acknowledged by the army": a participle, nothing counted
        words.append(word)
        if lower in UNIT_SYNONYMS:
            # the first known noun ends the phrase, so it is the head
            return " ".join(words), word
        if len(words) == 4 or raw[-1] in ".'’" or len(dashed) > 1:
            break
    if not words:
        return None, None
    head = next((w for w in words if w.lower() in UNIT_SYNONYMS), None)
    if head is None:
        plural = [w for w in words if w[-1] in "sS" and not w[0].isupper()]
        head = plural[-1] if plural else words[-1]
    return " ".join(words[: words.index(head) + 1]), head


_MONEY_PHRASE_RE = LazyPattern(r"\s+(?:in|of|for|worth\s+of)\s+((?:[a-z][\w-]*\s?){1,3})")


def _phrase_after_money(text: str, end: int) -> str | None:
    """What an amount of money is: '$2 billion in damage', '$5m of aid'."""
    match = _MONEY_PHRASE_RE.match(text, end)
    if match is None:
        return None
    words = [w for w in match.group(1).split() if w.lower() not in _PHRASE_STOP]
    return " ".join(words) or None


def _counted_before(text: str, begin: int) -> str | None:
    """What a number counts when the noun comes first: 'the death toll has risen
    to 3,145' (deaths), 'the number of displaced people stood at 40,000', 'put the
    crowd at 25,000' (people), 'fewer participants (250,000)'."""
    bracket = (
        _NOUN_BRACKET.search(text, max(0, begin - 40), begin)
        if "(" in text[begin - 2 : begin]
        else None
    )
    if bracket and bracket.group(1).lower() in UNIT_SYNONYMS:
        return bracket.group(1)
    match = _COUNTED_BEFORE.search(text, max(0, begin - 120), begin)
    if not match:
        return None
    # the nearest count named before: "put the toll at 41 and the count of the hurt at
    # 300" counts the injured in the second
    while nearer := _COUNTED_BEFORE.search(text, match.start() + 1, begin):
        match = nearer
    noun = match.group("noun") or match.group("noun2")
    if noun:
        # "the number of spoilt ballots": the phrase's head, not its first word
        head = _counted_phrase(text, match.start("noun") - 1)[1] if match.group("noun") else None
        return head or noun
    if match.group("crowd"):
        return "people"
    if match.group("toll") and match.group("toll").lower() == "tally":
        # "the tally of the dead", "the tally of votes": what it says it counts; "6,100
        # troops, 2,400 more than the official tally of 3,700": held against a count, what
        # that count counted; alone, the dead
        named = _TALLY_OF.match(text, match.end("toll"))
        if named and named.group(1).lower() in UNIT_SYNONYMS:
            return named.group(1)
        if named and named.group(1).lower() in ("dead", "killed"):
            return "deaths"
        compared = _COMPARED_WITH.search(text, max(0, match.start() - 60), match.start())
        return (_counted_earlier(text, match.start()) if compared else None) or "deaths"
    return "deaths" if match.group("toll") else None


_DIGITS_RE = LazyPattern(r"\d[\d,.]*")
_NOUN_BRACKET = LazyPattern(r"\b([A-Za-z]+)\s*\($")
_TALLY_OF = LazyPattern(r"\s+of\s+(?:the\s+)?([a-z]+)")
_COMPARED_WITH = LazyPattern(r"\b(?:than|compared\s+(?:with|to)|against|versus)\b[^.;]*$")


def _counted_earlier(text: str, end: int) -> str | None:
    """The counted noun of the last number before `end` in its sentence that has one."""
    start = max(text.rfind(".", 0, max(0, end - 1)) + 1, end - 200, 0)
    found = None
    for number in _DIGITS_RE.finditer(text, start, end):
        head = _counted_phrase(text, number.end())[1]
        if head and head.lower() in UNIT_SYNONYMS:
            found = head
    return found


# What an estimate "at N" is of when the object comes last, as in Romance-language
# copy: "police put at 12,000 the number of marchers", "estimated at 300 the toll".
_COUNTED_AFTER = LazyPattern(
    r"\s+the\s+(?:[a-z]+\s+)?(?:(?:number|count)\s+of\s+(?:the\s+)?"
    r"(?P<noun>[a-z]+)|(?P<toll>(?:death\s+)?toll)|(?P<crowd>crowd|turnout|attendance))\b",
    re.IGNORECASE,
)


def _counted_after(text: str, end: int) -> str | None:
    """What "at N the number of X" counts: X's phrase head; people for a crowd."""
    match = _COUNTED_AFTER.match(text, end)
    if not match:
        return None
    if match.group("noun"):
        return _counted_phrase(text, match.start("noun") - 1)[1] or match.group("noun")
    return "people" if match.group("crowd") else "deaths"


def _unit_score(head: str | None) -> float:
    """Known counted nouns first; then other plural nouns ('patients'), which count
    things, before measures ('40C', '100 mph') that describe them."""
    if not head:
        return 0
    if head.lower() in UNIT_SYNONYMS:
        return 3
    return 2.5 if head.islower() and head.endswith("s") and len(head) > 3 else 2


def locate_figures(text: str) -> list[Located]:
    """Every figure in the text with where it stands, in reading order."""
    if not _compiled:
        _compile_patterns()
    return _candidates(_clean(text))


def find_figures(text: str) -> list[Figure]:
    """Every figure in the text, in reading order."""
    return [c.figure for c in locate_figures(text)]


def parse_figure(text: str) -> Figure | None:
    """The counted figure of a claim's text, or None for a qualitative claim.

    Where the text holds several numbers, the one that counts something wins
    (a unit after it, a qualifier before it); ties go to the first.
    """
    if not _compiled:
        _compile_patterns()
    candidates = _candidates(_clean(text))
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (c.score, -c.start))
    return best.figure


# more digits than a figure holds, its separators not counted ("1,698,900,000,000" is fine)
_HUGE = LazyPattern(
    rf"(?:\d[,.]?){{{_MAX_DIGITS + 1},}}|\d(?:\.\d+)?\s*[eE][+-]?\d|\d\s*\^\s*\d|\*\*"
)
# A sign that makes a figure negative: "-5", "−5,000", "minus 5"
_NEGATIVE = LazyPattern(r"\s*(?:[-\u2212\u2013]\s*|minus\s+)(?:[$€£¥]\s*)?\d", re.IGNORECASE)
# "--figure 0", "zero": a count of none ("none" is refused: it reads as no figure at all)
_BARE_ZERO = LazyPattern(r"\s*(?:0+(?:\.0*)?|zero)\s*", re.IGNORECASE)
_STACKED = LazyPattern(
    r"\b(?:thousand|million|billion|trillion|bn|mn|tn)\s+(?:thousand|million|billion|trillion)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def parse_figure_option(text: str) -> Figure:
    """A figure given on its own (--figure, an imported column): it must be there,
    and it must be one the store can hold.

    Cached: an import repeats the same few figure strings many times."""
    if not isinstance(text, str) or not text.strip():
        raise ParseError("the figure is empty; give a number such as '3,000' or 'up to 10,000'")
    if not _compiled:
        _compile_patterns()
    if _NEGATIVE.match(text):
        raise ParseError(
            f"the figure {text[:40]!r} is below zero; a figure is a count or an amount, 0 or "
            "more (a fall is a figure of its own: 'down 5,000' is 5,000)"
        )
    if _HUGE.search(text) or _STACKED.search(text):
        raise ParseError(
            f"the figure {text[:40]!r} is not a number claimtrack can hold; figures run up to "
            f"{format_number(MAX_VALUE)}"
        )
    figure = parse_figure(text)
    if figure is None and _BARE_ZERO.fullmatch(text):
        figure = Figure(0.0, 0.0, EXACT, text.strip())  # "--figure 0": a count of none
    if figure is None:
        raise ParseError(
            f"cannot read a figure in {text[:60]!r}; try '3,000', 'up to 10,000', "
            "'10,000-12,000', '$2.5 billion' or 'thousands'"
        )
    return figure


def format_number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,}"  # the shortest text that reads back as the same float


def _money_number(value: float) -> str:
    """'2.5 billion' for 2,500,000,000: how amounts of money are written."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= scale:
            short = round(value / scale, 6)
            if math.isclose(short * scale, value, rel_tol=0, abs_tol=0.5):
                return f"{format_number(short)} {word}"
    return format_number(value)


def _written(value: float, unit: str | None) -> str:
    code = unit if unit in CURRENCIES else None
    if code is None:
        pct = "%" if unit and normalise_unit(unit) == "percent" else ""
        return format_number(value) + pct
    symbol = _CURRENCY_SYMBOL.get(code)
    amount = _money_number(value)
    return f"{symbol}{amount}" if symbol else f"{amount} {code}"


@lru_cache(maxsize=8192)
def format_figure(figure: Figure) -> str:
    """The figure in words that parse back to the same figure."""
    unit = figure.unit
    value = _written(figure.upper if figure.high is not None else figure.low, unit)
    if figure.qualifier == EXACT:
        return value
    if figure.qualifier == APPROX:
        return f"about {value}"
    if figure.qualifier == AT_MOST:
        return f"up to {value}"
    if figure.qualifier == AT_LEAST:
        return f"at least {_written(figure.low, unit)}"
    if figure.qualifier == RANGE:
        return f"{_written(figure.low, unit)} to {value}"
    for words, (low, high) in VAGUE_WORDS.items():
        if (low, high) == (figure.low, figure.high):
            return words
    return f"{_written(figure.low, unit)} to {value}"


def figure_words(figure: Figure | None, unit: str | None) -> str:
    """A figure with what it counts: 'up to 10,000 soldiers', '20%', '$2.5 billion'."""
    if figure is None:
        return ""
    words = format_figure(replace(figure, unit=unit))
    if unit and normalise_unit(unit) != "percent" and unit not in CURRENCIES:
        of = " of" if figure.qualifier == VAGUE and words in _VAGUE_TAKING_OF else ""
        words += f"{of} {unit}"
    return words


# "dozens of drones", but "several hundred troops".
_VAGUE_TAKING_OF = {w for w in VAGUE_WORDS if w.endswith("s") or w == "a handful"}
