"""Figures in news text: '3,000 troops', 'up to 10,000 soldiers', 'tens of thousands'.

Pure: text in, `Figure` out. A figure is an interval with a qualifier; see the
README's "Figure syntax" for every form understood and the vague-word table.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from claimtrack.errors import ParseError

EXACT, APPROX, AT_MOST, AT_LEAST, RANGE, VAGUE = (
    "exact",
    "approx",
    "at_most",
    "at_least",
    "range",
    "vague",
)
QUALIFIERS = (EXACT, APPROX, AT_MOST, AT_LEAST, RANGE, VAGUE)


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


@dataclass(frozen=True)
class Figure:
    low: float
    high: float | None  # None: no upper bound
    qualifier: str
    text: str  # the words the figure was read from
    unit: str | None = None  # the counted noun as written ("soldiers")
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


# Vague words and the interval each stands for. Longest phrases first, so that
# "tens of thousands" is not read as "thousands".
VAGUE_WORDS: dict[str, tuple[float, float | None]] = {
    "hundreds of thousands": (200_000, 999_999),
    "tens of thousands": (20_000, 99_999),
    "several hundred thousand": (300_000, 900_000),
    "a few hundred thousand": (200_000, 500_000),
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
}

# Counted nouns that mean the same thing, so that figures can be compared.
UNIT_SYNONYMS: dict[str, str] = {
    **dict.fromkeys(
        "troops troop soldiers soldier forces personnel servicemen servicemembers "
        "service-members fighters combatants military-personnel".split(),
        "troops",
    ),
    **dict.fromkeys(
        "deaths death dead fatalities fatality killed lives people-killed".split(), "deaths"
    ),
    **dict.fromkeys("casualties casualty".split(), "casualties"),
    **dict.fromkeys("injured wounded injuries injury hurt".split(), "injuries"),
    **dict.fromkeys("people persons individuals residents inhabitants".split(), "people"),
    **dict.fromkeys("civilians civilian".split(), "civilians"),
    **dict.fromkeys("displaced evacuees refugees".split(), "displaced"),
    **dict.fromkeys("prisoners captives pows detainees".split(), "prisoners"),
    **dict.fromkeys("missiles missile rockets rocket".split(), "missiles"),
    **dict.fromkeys("shells shell rounds artillery-shells".split(), "shells"),
    **dict.fromkeys("drones drone uavs".split(), "drones"),
    **dict.fromkeys("tanks tank".split(), "tanks"),
    **dict.fromkeys("workers worker labourers laborers".split(), "workers"),
    **dict.fromkeys("percent per-cent pct %".split(), "percent"),
    **dict.fromkeys("dollars usd $".split(), "dollars"),
}

# Nouns of time: "three days", "24 hours" are durations, not counted figures.
_TIME_NOUNS = set(
    "second seconds minute minutes hour hours day days week weeks month months "
    "year years decade decades century centuries times".split()
)
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

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
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_SUFFIX_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1e9}
_WORD_NUM = "|".join(
    sorted([*_SMALL, *_TENS, *_SCALES, "dozen", "half", "a", "an", "and"], key=len, reverse=True)
)

# One number: digits (with thousands separators, decimals, a scale) or number words.
_NUMBER = rf"""
(?P<{{g}}digits>\d{{{{1,3}}}}(?:,\d{{{{3}}}})+(?:\.\d+)?|\d+(?:\.\d+)?)
(?:
   (?P<{{g}}suffix>k|mn|bn|m|b)\b
 | \s+(?P<{{g}}scale>thousand|million|billion|trillion)\b
)?
|
(?P<{{g}}words>(?:(?:{_WORD_NUM})(?:[\s-]+|(?=\W)|$))*
   (?:{"|".join(sorted([*_SMALL, *_TENS, *_SCALES, "dozen"], key=len, reverse=True))})\b)
"""


def _number(group: str) -> str:
    return _NUMBER.format(g=group)


_PRE_QUALIFIERS = [
    (AT_MOST, r"up\s+to|as\s+many\s+as|as\s+much\s+as|no\s+more\s+than|not\s+more\s+than"),
    (AT_MOST, r"fewer\s+than|less\s+than|under|at\s+most|a\s+maximum\s+of|maximum\s+of|below"),
    (AT_MOST, r"as\s+high\s+as|as\s+large\s+as"),
    (AT_LEAST, r"at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|exceeded|exceeding"),
    (AT_LEAST, r"exceeds|exceed|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of|above"),
    (AT_LEAST, r"greater\s+than|north\s+of|surpassed|topped|passed(?:\s+the)?|upward\s+of"),
    (APPROX, r"about|around|some|nearly|almost|roughly|approximately|close\s+to|circa|approx\."),
    (APPROX, r"an\s+estimated|estimated|est\.|just\s+over|just\s+under|~|c\."),
]
_PRE = "|".join(f"(?P<q{i}>{pattern})" for i, (_, pattern) in enumerate(_PRE_QUALIFIERS))

_FIGURE_RE = LazyPattern(
    rf"""
    (?:(?P<between>between)\s+)?
    (?:(?:{_PRE})\s*)?
    (?P<tilde>~\s*)?
    (?<![\w.,$£€-])(?<![A-Za-z]-)
    (?P<currency>[$£€])?
    (?:{_number("a_")})
    (?:
        \s*(?:-|–|—|\bto\b|(?(between)\band\b|(?!)))\s*(?P<currency2>[$£€])?(?:{_number("b_")})
    )?
    (?P<percent>\s*(?:%|\bper\s*cent\b|\bpercent\b|\bpct\b))?
    (?P<post>-plus\b|\+|\s+or\s+more\b|\s+plus\b|\s+or\s+fewer\b|\s+or\s+less\b)?
    """,
    re.IGNORECASE | re.VERBOSE,
)

_VAGUE_RE = LazyPattern(
    r"\b(?P<vague>"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in VAGUE_WORDS)
    + r")\b(?!\s+of\s+(?:the|them|those|these|us|you)\b)",
    re.IGNORECASE,
)

# After a number, a date or an ordinal means it was not a count.
_NOT_A_COUNT_AFTER = LazyPattern(
    rf"""^(?:
        (?:st|nd|rd|th)\b          # ordinals: 23rd
      | \s*(?:{_MONTH_RE})\b\.?    # 23 October
      | [:/]\d                     # times and numeric dates
      | -?\s*years?[- ]old\b       # ages
      | \s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b)
      | -(?:year|month|day|week|hour|minute|point|member|page|mile|km|storey|story)s?\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_NOT_A_COUNT_BEFORE = LazyPattern(
    rf"""(?:
        \b(?:{_MONTH_RE})\.?\s*$            # October 23
      | \b(?:aged|age|page|pages|p\.|no\.|number|chapter|article|resolution|section|paragraph|
           flight|route|highway|room|platform|line|level|phase|round|grade|rank|class|
           model|version|episode|season|vol\.|volume|part|figure|table|item|id)\s*$
      | [#@/:]\s*$
      | \d[.,]$
    )""",
    re.IGNORECASE | re.VERBOSE,
)

_PHRASE_STOP = set(
    """a an the and or but nor of in on at to from for with by into onto over under about
    against between through during before after since until near across inside outside
    within without along among toward towards per as than that which who whom whose
    this these those have has had having is are was were be been being will would could
    should may might must can shall do does did said say says told tell according
    reportedly allegedly also already now then still just only more less were while when
    where if it its their his her our your my they he she we you i there here so not no
    being sent killed""".split()
)
# "killed" and "dead" may head a phrase ("350 killed") but never extend one.
_HEAD_ONLY = {"killed", "dead", "wounded", "injured", "displaced", "missing"}

_WORD_RE = LazyPattern(r"[A-Za-z][A-Za-z'’-]*")


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


def _words_value(text: str) -> float | None:
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w]
    total, current, seen_number, half = 0.0, 0.0, False, False
    for word in words:
        if word in ("a", "an"):
            if current == 0:
                current = 1 if not half else 0
            continue
        if word == "and":
            continue
        if word == "half":
            half = True
            continue
        if word in _SMALL:
            current += _SMALL[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            base = 0.5 if half and current in (0, 1) else (current or 1)
            total += base * _SCALES[word]
            current, half = 0.0, False
        else:
            return None
        seen_number = True
    if not seen_number:
        return None
    if half and current:
        current *= 0.5
    return total + current


@dataclass(frozen=True)
class _Number:
    value: float
    scale: float  # the multiplier written with it (1 when none), for range sharing
    grouped: bool  # written with a thousands group: "12,000"


def _read_number(match: re.Match[str], g: str) -> _Number | None:
    digits = match.group(f"{g}digits")
    if digits:
        value = float(digits.replace(",", ""))
        scale = 1.0
        if match.group(f"{g}suffix"):
            scale = float(_SUFFIX_SCALES[match.group(f"{g}suffix").lower()])
        elif match.group(f"{g}scale"):
            scale = float(_SCALES[match.group(f"{g}scale").lower()])
        return _Number(value * scale, scale, "," in digits)
    words = match.group(f"{g}words")
    if words:
        value = _words_value(words)
        if value is None:
            return None
        last = words.lower().split()[-1].split("-")[-1]
        return _Number(value, float(_SCALES.get(last, 1)), False)
    return None


def _shared_scale(first: _Number, second: _Number) -> float:
    """'11 to 12,000' is 11,000-12,000; 'between 10 and 12 thousand' is 10,000-12,000."""
    if first.scale != 1 or first.grouped or first.value >= second.value:
        return first.value
    if second.scale > 1:
        lead = second.value / second.scale
        return first.value * second.scale if first.value <= lead else first.value
    if second.grouped and second.value % 1000 == 0:
        lead = second.value / 1000
        if first.value <= lead and first.value < 1000:
            return first.value * 1000
    return first.value


@dataclass(frozen=True)
class _Candidate:
    figure: Figure
    start: int
    score: float


_ONE_OF = LazyPattern(r"\s+of\s", re.I)
_OF_DETERMINER = LazyPattern(r"^\s+of\s+(?:the|its|their|his|her|our|those|these)\s+", re.I)


def _counted_phrase(after: str) -> tuple[str | None, str | None]:
    """The counted noun phrase right after a number, and its head noun.

    "329 of its soldiers" counts soldiers: a partitive "of its" is skipped."""
    after = _OF_DETERMINER.sub(" ", after, count=1)
    words: list[str] = []
    position = 0
    for match in _WORD_RE.finditer(after):
        gap = after[position : match.start()]
        if words and (set(gap) - set(" ")) or (not words and gap.strip(" ")):
            break
        word = match.group().rstrip("'’")
        lower = word.lower()
        if lower in _HEAD_ONLY:
            if not words:
                words.append(word)
            break
        if lower in _PHRASE_STOP or len(words) == 4:
            break
        words.append(word)
        position = match.end()
        if lower in UNIT_SYNONYMS:
            break
    if not words:
        return None, None
    head = next((w for w in words if w.lower() in UNIT_SYNONYMS), None)
    if head is None:
        plural = [w for w in words if w.lower().endswith("s") and not w[0].isupper()]
        head = plural[-1] if plural else words[-1]
        words = words[: words.index(head) + 1]
    else:
        words = words[: words.index(head) + 1]
    return " ".join(words), head


def _is_year(number: _Number, text: str) -> bool:
    return (
        number.scale == 1
        and not number.grouped
        and number.value == int(number.value)
        and 1800 <= number.value <= 2100
        and "." not in text
    )


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for match in _VAGUE_RE.finditer(text):
        words = re.sub(r"\s+", " ", match.group("vague").lower())
        low, high = VAGUE_WORDS[words]
        rest = re.sub(r"^\s+of\s+", " ", text[match.end() :])
        phrase, head = _counted_phrase(rest)
        figure = Figure(
            float(low),
            None if high is None else float(high),
            VAGUE,
            match.group("vague"),
            head,
            phrase,
        )
        found.append(_Candidate(figure, match.start(), 1 + _unit_score(head)))
        taken.append(match.span())

    for match in _FIGURE_RE.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        first = _read_number(match, "a_")
        if first is None:
            continue
        second = _read_number(match, "b_")
        a_start = match.start("a_digits") if match.group("a_digits") else match.start("a_words")
        a_digits_end = match.end("a_digits") if match.group("a_digits") else match.end("a_words")
        number_text = match.group("a_digits") or match.group("a_words")
        if _NOT_A_COUNT_BEFORE.search(text[max(0, a_start - 12) : a_start]):
            continue
        if _NOT_A_COUNT_AFTER.match(text[a_digits_end:]):
            continue
        if match.group("a_words") and first.value < 1:
            continue
        if number_text.lower() in ("one", "1") and _ONE_OF.match(text, a_digits_end):
            continue  # "one of the officers" names one person, it counts nothing
        qualifier = EXACT
        for i, (kind, _) in enumerate(_PRE_QUALIFIERS):
            if match.group(f"q{i}"):
                qualifier = kind
        if match.group("tilde"):
            qualifier = APPROX
        post = (match.group("post") or "").strip().lower()
        percent = bool(match.group("percent"))

        if second is not None and second.value > 0:
            low = _shared_scale(first, second)
            high = second.value
            if low > high:
                low, high = high, low
            figure_kind, value_low, value_high = RANGE, low, high
        else:
            value_low = value_high = first.value
            figure_kind = qualifier
            if post in ("-plus", "+", "or more", "plus"):
                figure_kind = AT_LEAST
            elif post in ("or fewer", "or less"):
                figure_kind = AT_MOST
        if figure_kind == AT_MOST:
            value_low = 0.0
        high: float | None = None if figure_kind == AT_LEAST else value_high

        unit = head = phrase = None
        if percent:
            unit = head = "percent"
        else:
            phrase, head = _counted_phrase(text[end:])
            if head is None:
                head = _counted_before(text[max(0, start - 120) : start])
                phrase = head
            unit = head
        if head and head.lower() in _TIME_NOUNS:
            continue
        lone_year = (
            second is None
            and qualifier == EXACT
            and not percent
            and _is_year(first, number_text)
            and normalise_unit(head) not in set(UNIT_SYNONYMS.values())
        )
        if lone_year:
            continue
        snippet = text[start:end].strip()
        figure = Figure(value_low, high, figure_kind, snippet, unit, phrase)
        # A unit written onto the number ("40C", "9mm") is a measure, not a count.
        attached = text[end : end + 1].isalpha()
        score = 1.0 + (1 if attached else _unit_score(head)) + (1 if figure_kind != EXACT else 0)
        if _BASELINE_BEFORE.search(text[max(0, start - 30) : start]):
            score -= 2  # "down from a peak of 1.5 million": the figure it is compared with
        if match.group("a_words") and first.value < 10 and not head:
            score -= 1
        found.append(_Candidate(figure, start, score))
        taken.append((start, end))
    return found


_BASELINE_BEFORE = LazyPattern(
    r"\b(?:(?:up|down|rising|falling|rose|fell)\s+from|compared\s+(?:with|to)|than|peak\s+of|"
    r"previous(?:ly)?|earlier\s+(?:toll|figure|estimate)\s+of)\b[^.;,]*$",
    re.I,
)
_COUNTED_BEFORE = LazyPattern(
    r"\b(?:(death\s+)?toll|tally|number\s+of\s+(?:the\s+)?([a-z]+))\b[^.;:!?]*?"
    r"\b(?:to|at|of|reached|passed|hit|topped|exceeded|is|was|stood|stands|now)\s*$",
    re.I,
)


def _counted_before(before: str) -> str | None:
    """What a number counts when the noun comes first: 'the death toll has risen
    to 3,145' (deaths), 'the number of displaced people stood at 40,000'."""
    match = _COUNTED_BEFORE.search(before)
    if not match:
        return None
    if match.group(2):
        return match.group(2)
    return "deaths" if match.group(1) or "toll" in match.group(0).lower() else None


def _unit_score(head: str | None) -> float:
    """Known counted nouns first; then other plural nouns ('patients'), which count
    things, before measures ('40C', '100 mph') that describe them."""
    if not head:
        return 0
    if head.lower() in UNIT_SYNONYMS:
        return 3
    return 2.5 if head.islower() and head.endswith("s") and len(head) > 3 else 2


def find_figures(text: str) -> list[Figure]:
    """Every figure in the text, in reading order."""
    text = _clean(text)
    return [c.figure for c in sorted(_candidates(text), key=lambda c: c.start)]


def parse_figure(text: str) -> Figure | None:
    """The counted figure of a claim's text, or None for a qualitative claim.

    Where the text holds several numbers, the one that counts something wins
    (a unit after it, a qualifier before it); ties go to the first.
    """
    candidates = _candidates(_clean(text))
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (c.score, -c.start))
    return best.figure


@lru_cache(maxsize=4096)
def parse_figure_option(text: str) -> Figure:
    """A figure given on its own (--figure, an imported column): it must be there.

    Cached: an import repeats the same few figure strings many times."""
    if not text or not text.strip():
        raise ParseError("the figure is empty; give a number such as '3,000' or 'up to 10,000'")
    figure = parse_figure(text)
    if figure is None:
        raise ParseError(
            f"cannot read a figure in {text!r}; try '3,000', 'up to 10,000', "
            "'10,000-12,000' or 'thousands'"
        )
    return figure


_SPACE_GROUPS = LazyPattern(r"(?<![\d.,])(\d{1,3})((?:[ \u00a0\u202f]\d{3})+)(?![\d,]|\.\d)")


def _clean(text: str) -> str:
    """Join digit groups split by spaces ('3 000') and unify quotes and dashes."""
    if not isinstance(text, str):
        raise ParseError("a figure must be text")
    text = text.replace("\u2019", "'").replace("\u2212", "-")
    return _SPACE_GROUPS.sub(lambda m: m.group(1) + re.sub(r"\D", ",", m.group(2)), text)


def format_number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


@lru_cache(maxsize=8192)
def format_figure(figure: Figure) -> str:
    """The figure in words that parse back to the same figure."""
    pct = "%" if figure.unit and normalise_unit(figure.unit) == "percent" else ""
    value = format_number(figure.upper if figure.high is not None else figure.low) + pct
    if figure.qualifier == EXACT:
        return value
    if figure.qualifier == APPROX:
        return f"about {value}"
    if figure.qualifier == AT_MOST:
        return f"up to {value}"
    if figure.qualifier == AT_LEAST:
        return f"at least {format_number(figure.low)}{pct}"
    if figure.qualifier == RANGE:
        return f"{format_number(figure.low)}{pct}-{value}"
    for words, (low, high) in VAGUE_WORDS.items():
        if (low, high) == (figure.low, figure.high):
            return words
    return f"{format_number(figure.low)}-{value}"


def figure_words(figure: Figure | None, unit: str | None) -> str:
    """A figure with what it counts: 'up to 10,000 soldiers', '20%'; '' for none."""
    if figure is None:
        return ""
    words = format_figure(replace(figure, unit=unit))
    if unit and normalise_unit(unit) != "percent":
        words += f" {unit}"
    return words
