"""The claim: its fields, its JSON contract, and the rules read off its text
(stance, source identity, topic vocabulary and naming). Pure: no I/O."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

from claimtrack.dates import CALENDAR_WORDS, DAY, MONTH, YEAR, ClaimDate, parse_date
from claimtrack.errors import ParseError
from claimtrack.figures import (
    APPROX,
    AT_MOST,
    EXACT,
    QUALIFIERS,
    RANGE,
    Figure,
    LazyPattern,
    figure_words,
    parse_figure,
    parse_figure_option,
)
from claimtrack.limits import (
    MAX_APPEARANCES,
    MAX_ID,
    MAX_NAME,
    MAX_TAGS,
    MAX_TEXT,
    MAX_URL,
    check_string,
    number_problem,
    text_problem,
    timestamp_problem,
)
from claimtrack.quantities import (
    STATES,
    from_key,
    infer_quantity,
    label_of,
    normalise_unit,
    parse_quantity,
    place_named,
    settle_keys,
)

STANCES = ("asserts", "confirms", "alleges", "claims", "estimates", "reports", "denies")
# What a claim's date is: the day of the statement (given, or fixed by the text),
# or only the date of the report it was read in.
STATEMENT, REPORT = "statement", "report"
DATE_BASES = (STATEMENT, REPORT)
VERDICTS = ("unverified", "corroborated", "disputed", "false", "misleading", "retracted")


@dataclass(frozen=True, slots=True)
class Appearance:
    """An article that reported a claim, in the spirit of schema.org ClaimReview's
    `appearance`: its address, the sentence it used, its publication date (ISO at
    its precision) and when claimtrack read it."""

    url: str | None
    quote: str
    published: str | None = None
    read_at: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "url": self.url,
            "quote": self.quote,
            "published": self.published,
            "read_at": self.read_at,
        }


@dataclass(slots=True)
class Claim:
    """One claim. Treated as immutable (change it with `with_changes`); not frozen
    only because frozen dataclasses are slow to build, and we build many."""

    text: str
    source: str
    date: ClaimDate
    topic: str | None = None
    as_of: ClaimDate | None = None
    url: str | None = None
    figure: Figure | None = None
    unit: str | None = None
    stance: str = "asserts"
    tags: tuple[str, ...] = ()
    note: str | None = None
    verdict: str = "unverified"
    verdict_explanation: str | None = None
    verdict_at: str | None = None
    # The quantity's key; "" for none; None until it is read from the text,
    # which waits for the claim's topic (a place the topic names is no scope).
    quantity: str | None = None
    id: int | None = None
    created_at: str | None = None
    updated_at: str | None = None
    deleted_at: str | None = field(default=None, compare=False)
    date_basis: str = STATEMENT
    appearances: tuple[Appearance, ...] = ()
    added_by: str | None = None  # who stored it
    verdict_by: str | None = None  # who gave its verdict
    # The source its source speaks for (a spokesman's ministry), as stored on the
    # source; read-only on a claim, except as what an import or an article says.
    speaks_for: str | None = None

    @property
    def unit_norm(self) -> str | None:
        return normalise_unit(self.unit)

    @property
    def figure_words(self) -> str:
        return figure_words(self.figure, self.unit)

    @property
    def voice(self) -> str:
        """Whose word the claim is: the source its source speaks for, else its source."""
        return self.speaks_for or self.source

    @property
    def speaker(self) -> str:
        """Who said it, as a reason names them: 'Igor Petrov (for Defence Ministry)'."""
        return f"{self.source} (for {self.speaks_for})" if self.speaks_for else self.source

    @property
    def compared_date(self) -> ClaimDate:
        """The date the figure refers to."""
        return self.as_of or self.date

    @property
    def quantity_label(self) -> str:
        return label_of(self.quantity)

    def date_text(self, *, iso: bool = False) -> str:
        """The date as shown: '22 Aug 2023', or 'reported 22 Aug 2023' when it is
        only the date of the report the claim was read in."""
        text = self.date.iso if iso else self.date.human()
        return f"reported {text}" if self.date_basis == REPORT else text

    @property
    def urls(self) -> list[str]:
        """Every address the claim was published at: its own, then its appearances'."""
        found = [self.url] if self.url else []
        found += [a.url for a in self.appearances if a.url and a.url not in found]
        return found

    def with_changes(self, **changes: object) -> Claim:
        return replace(self, **changes)  # type: ignore[arg-type]

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "text": self.text,
            "source": self.source,
            "speaks_for": self.speaks_for,
            "topic": self.topic,
            "date": self.date.iso,
            "date_precision": self.date.precision,
            "date_basis": self.date_basis,
            "as_of": self.as_of.iso if self.as_of else None,
            "url": self.url,
            "appearances": [a.to_json() for a in self.appearances],
            "figure": figure_json(self.figure),
            "unit": self.unit,
            "quantity": self.quantity or None,
            "stance": self.stance,
            "tags": list(self.tags),
            "note": self.note,
            "verdict": self.verdict,
            "verdict_explanation": self.verdict_explanation,
            "verdict_at": self.verdict_at,
            "verdict_by": self.verdict_by,
            "added_by": self.added_by,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


def figure_json(figure: Figure | None) -> dict[str, object] | None:
    """A figure in the claim JSON contract; high is null for an open upper bound."""
    if figure is None:
        return None
    return {
        "low": _number(figure.low),
        "high": _number(figure.high),
        "qualifier": figure.qualifier,
        "text": figure.text,
    }


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    # A value stored by an older version may be infinite or NaN: shown as it is,
    # so that the claim can still be read, edited and removed.
    if not math.isfinite(value):
        return value
    return int(value) if value == int(value) else value


# The first stance verb in the text wins: "Russia denies ..." is a denial.
_STANCE_WORDS = [
    ("denies", r"den(?:y|ies|ied|ying)|rejects?|rejected|refut(?:e|es|ed)|dismiss(?:es|ed)?"),
    ("denies", r"(?:there\s+(?:are|were|is)\s+)?no\s+plans?|categorically\s+rules?\s+out"),
    ("confirms", r"confirm(?:s|ed|ing)?|verif(?:y|ies|ied)|acknowledg(?:e|es|ed)"),
    ("alleges", r"alleg(?:e|es|ed|ing)|accus(?:e|es|ed|ing)"),
    ("claims", r"claim(?:s|ed|ing)?"),
    ("estimates", r"(?<!an\s)(?<!the\s)estimat(?:e|es|ed|ing)|assess(?:es|ed)?"),
    ("reports", r"report(?:s|ed|ing)?|according\s+to"),
]
_STANCE_RE = LazyPattern(
    "|".join(rf"(?P<s{i}>\b(?:{p})\b)" for i, (_, p) in enumerate(_STANCE_WORDS)),
    re.IGNORECASE,
)


def detect_stance(text: str) -> str:
    match = _STANCE_RE.search(text)
    if not match:
        return "asserts"
    index = int(match.lastgroup[1:])  # type: ignore[index]
    return _STANCE_WORDS[index][0]


def check_stance(stance: str) -> str:
    value = stance.strip().lower()
    if value not in STANCES:
        raise ParseError(f"unknown stance {stance!r}; use one of: {', '.join(STANCES)}")
    return value


def check_verdict(verdict: str) -> str:
    value = verdict.strip().lower()
    if value not in VERDICTS:
        raise ParseError(f"unknown verdict {verdict!r}; use one of: {', '.join(VERDICTS)}")
    return value


def check_text(text: str, what: str = "claim text", limit: int = MAX_TEXT) -> str:
    return check_string(text, what, limit)


def check_name(name: str, what: str) -> str:
    """A source, topic, unit or alias: short text."""
    return check_string(name, what, MAX_NAME)


def check_source(name: str, what: str = "source") -> str:
    """A source's name: it must hold a letter or a digit, or it would share the
    empty key with every other name made of punctuation alone."""
    value = check_name(name, what)
    if not source_key(value):
        raise ParseError(f"the {what} {value!r} holds no letter or digit")
    return value


def check_url(url: str) -> str:
    value = check_string(url, "URL", MAX_URL)
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - reading it checks it
    except ValueError:
        raise ParseError(f"URL {url!r} is not a well-formed address") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ParseError(f"URL {url!r} is not an http or https address")
    if any(ch.isspace() or unicodedata.category(ch) == "Cc" for ch in value):
        raise ParseError(f"URL {url!r} holds spaces or control characters")
    return value


def outlet_name(url: str) -> str:
    """Who published an address, as its host names it: 'theguardian.com'."""
    host = (urlsplit(url).hostname or "").lower()
    for prefix in ("www.", "amp.", "m.", "mobile."):
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
    return host or url


def check_tags(tags: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    cleaned: list[str] = []
    for tag in tags:
        value = check_string(tag, "tag", MAX_NAME) if isinstance(tag, str) else None
        if value is None:
            raise ParseError(f"tag {tag!r} is not text")
        if value not in cleaned:
            cleaned.append(value)
    if len(cleaned) > MAX_TAGS:
        raise ParseError(f"a claim may have at most {MAX_TAGS} tags, not {len(cleaned)}")
    return tuple(cleaned)


_TAG_ESCAPE = re.compile(r"\\([\\;])")
_TAG_SEPARATOR = re.compile(r"(?<!\\)((?:\\\\)*);")


def tags_from_cell(cell: str) -> list[str]:
    """The tags of a CSV cell: separated by ';', with '\\;' a ';' inside a tag and
    '\\\\' a backslash (any other backslash is itself), as `tags_cell` writes them."""
    parts, start = [], 0
    for separator in _TAG_SEPARATOR.finditer(cell):
        parts.append(cell[start : separator.end() - 1])
        start = separator.end()
    parts.append(cell[start:])
    return [_TAG_ESCAPE.sub(r"\1", part) for part in parts]


def tags_cell(tags: tuple[str, ...]) -> str:
    """The tags in one CSV cell, each ';' and backslash inside a tag escaped."""
    return ";".join(tag.replace("\\", "\\\\").replace(";", "\\;") for tag in tags)


_ISO_AT = {
    DAY: re.compile(r"\d{4}-\d\d-\d\d"),
    MONTH: re.compile(r"\d{4}-\d\d"),
    YEAR: re.compile(r"\d{4}"),
}
_BOUNDED = (EXACT, APPROX, AT_MOST, RANGE)  # the qualifiers whose figure has an upper bound


def date_problem(value: object, what: str, today: date) -> str | None:
    if not isinstance(value, ClaimDate):
        return f"the {what} is not a date"
    shape = _ISO_AT.get(value.precision)  # type: ignore[arg-type]
    if shape is None or not isinstance(value.iso, str) or not shape.fullmatch(value.iso):
        return f"the {what} {value.iso!r} is not an ISO date at {value.precision!r} precision"
    try:
        start = value.start
    except ValueError:
        return f"the {what} {value.iso!r} is not a real date"
    if start > today:
        return f"the {what} {value.iso} is in the future (today is {today.isoformat()})"
    return None


def figure_problem(figure: object) -> str | None:
    if not isinstance(figure, Figure) or figure.qualifier not in QUALIFIERS:
        return "the figure has no known qualifier"
    problem = number_problem(figure.low, "figure's low bound")
    if problem is None and figure.high is None and figure.qualifier in _BOUNDED:
        problem = f"an {figure.qualifier} figure needs an upper bound"
    if problem is None and figure.high is not None:
        problem = number_problem(figure.high, "figure's high bound")
        if problem is None and figure.high < figure.low:
            problem = f"the figure's low bound {figure.low:g} is above its high {figure.high:g}"
    if problem is None and not isinstance(figure.text, str):
        problem = "the figure's words are not text"
    if problem is None:
        problem = text_problem(figure.text, "figure's words", MAX_TEXT)
    return problem


def appearances_problem(appearances: object, today: date, now: str) -> str | None:
    if not isinstance(appearances, tuple) or len(appearances) > MAX_APPEARANCES:
        return f"a claim may have at most {MAX_APPEARANCES:,} appearances"
    for number, item in enumerate(appearances, start=1):
        if not isinstance(item, Appearance):
            return f"appearance {number} is not an appearance"
        if item.url is not None:
            try:
                check_url(item.url)
            except ParseError as error:
                return f"appearance {number}: {error.message}"
        problem = (
            text_problem(item.quote, "quote", MAX_TEXT)
            if isinstance(item.quote, str)
            else "the quote is not text"
        )
        if problem is None and item.published is not None:
            precision = {4: YEAR, 7: MONTH, 10: DAY}.get(len(str(item.published)), DAY)
            problem = date_problem(ClaimDate(str(item.published), precision), "published", today)
        if problem is None and item.read_at is not None:
            problem = timestamp_problem(item.read_at, now)
        if problem:
            return f"appearance {number}: {problem}"
    return None


def quantity_problem(key: object) -> str | None:
    """Why a stored quantity key would not read back, or None."""
    if not isinstance(key, str):
        return "the quantity is not text"
    problem = text_problem(key, "quantity", MAX_NAME)
    if problem:
        return problem
    try:
        state = from_key(key).state
    except ParseError as error:
        return error.message
    if state is not None and state not in STATES:
        return f"unknown state {state!r} in the quantity {key!r}"
    return None


def claim_problems(claim: Claim, today: date, now: str) -> list[tuple[str, str]]:
    """(field, why) for each value of the claim that may not be stored.

    The one check every way into the store runs (add, edit, import, extract),
    whatever the parsers returned, and that `check` runs on what is stored."""
    problems: list[tuple[str, str]] = []
    texts = (
        ("text", claim.text, MAX_TEXT, False),
        ("source", claim.source, MAX_NAME, False),
        ("speaks_for", claim.speaks_for, MAX_NAME, True),
        ("topic", claim.topic, MAX_NAME, True),
        ("unit", claim.unit, MAX_NAME, True),
        ("note", claim.note, MAX_TEXT, True),
        ("verdict_explanation", claim.verdict_explanation, MAX_TEXT, True),
    )
    for name, value, limit, optional in texts:
        if value is None and optional:
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append((name, f"the {name} is empty"))
            continue
        problem = text_problem(value, name, limit)
        if problem:
            problems.append((name, problem))
    if isinstance(claim.source, str) and not source_key(claim.source):
        problems.append(("source", f"the source {claim.source!r} holds no letter or digit"))
    if isinstance(claim.speaks_for, str) and isinstance(claim.source, str):
        if not source_key(claim.speaks_for):
            problems.append(("speaks_for", f"{claim.speaks_for!r} holds no letter or digit"))
        elif source_key(claim.speaks_for) == source_key(claim.source):
            problems.append(("speaks_for", f"{claim.source!r} cannot speak for itself"))
    if claim.url is not None:
        try:
            check_url(claim.url)
        except ParseError as error:
            problems.append(("url", error.message))
    for name, value in (("date", claim.date), ("as_of", claim.as_of)):
        if value is not None or name == "date":
            problem = date_problem(value, name.replace("_", " "), today)
            if problem:
                problems.append((name, problem))
    if claim.figure is not None:
        problem = figure_problem(claim.figure)
        if problem:
            problems.append(("figure", problem))
    if claim.stance not in STANCES:
        problems.append(("stance", f"unknown stance {claim.stance!r}"))
    if claim.verdict not in VERDICTS:
        problems.append(("verdict", f"unknown verdict {claim.verdict!r}"))
    if claim.tags:
        try:
            if check_tags(claim.tags) != tuple(claim.tags):
                problems.append(("tags", "the tags are not stripped and distinct"))
        except (ParseError, TypeError) as error:
            problems.append(("tags", getattr(error, "message", "the tags are not a list of text")))
    if claim.quantity:
        problem = quantity_problem(claim.quantity)
        if problem:
            problems.append(("quantity", problem))
    if claim.date_basis not in DATE_BASES:
        problems.append(("date_basis", f"unknown date basis {claim.date_basis!r}"))
    problem = appearances_problem(claim.appearances, today, now)
    if problem:
        problems.append(("appearances", problem))
    for name in ("created_at", "updated_at", "verdict_at"):
        value = getattr(claim, name)
        if value is not None:
            problem = timestamp_problem(value, now)
            if problem:
                problems.append((name, problem))
    if claim.id is not None and (
        isinstance(claim.id, bool) or not isinstance(claim.id, int) or not 1 <= claim.id <= MAX_ID
    ):
        problems.append(("id", f"the id must be a whole number from 1 to {MAX_ID}"))
    return problems


class ClaimRefused(ParseError):
    """A claim holding a value that may not be stored; `field` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def check_claim(claim: Claim, today: date, now: str) -> Claim:
    problems = claim_problems(claim, today, now)
    if problems:
        raise ClaimRefused(*problems[0])
    return claim


# The kinds of public body a story names by a place and a lower-case noun ("the Velm
# government", "Lora police"), and the words that say which one ("health", "state").
BODY_KINDS = frozenset(
    """government ministry authorities authority administration police army military
    council commission department agency coastguard""".split()
)
# ... how far one reaches ("the state government"), among the words that say which
BODY_REACH = frozenset(
    "state federal central national provincial regional city local county municipal".split()
)
BODY_MODIFIERS = BODY_REACH | frozenset(
    """health defence defense interior foreign finance home justice labour labor education
    transport energy environment agriculture trade economy emergency disaster border coast
    district military civil electoral election""".split()
)


@lru_cache(maxsize=65536)
def source_key(name: str) -> str:
    """'U.S.', 'US' and 'the U.S.' are one source; so are 'Pentagon' and 'the Pentagon'."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = text.replace(".", "").replace("’", "'")
    text = re.sub(r"[^\w\s'-]", " ", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=65536)
def topic_key(name: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name).casefold()).strip()


_STOP = set(
    """a an the and or but of in on at to from for with by into onto over under about
    against between through during before after since until is are was were be been being
    have has had will would could should may might must can said says say told this that
    these those it its their his her they he she we you who which what there here not no
    up as than more less some any all also already now just only very much many most such
    mr mrs ms according while when where if then so do does did done being per said""".split()
)
_TERM_RE = LazyPattern(r"[^\W\d_][\w'-]*", re.UNICODE)


def topic_terms(text: str, unit_norm: str | None = None) -> set[str]:
    """The words that tie a claim to a story: content words, lightly stemmed, and
    the story's names among them (see story_names) once more as `name:` terms.

    Stemming keeps the first five letters, so 'Korea' and 'Korean', 'Russia'
    and 'Russian', 'Ukraine' and 'Ukrainian' fall together.
    """
    terms = set()
    for word in _TERM_RE.findall(text.casefold()):
        word = word.strip("'-")
        if len(word) < 3 or word in _STOP:
            continue
        terms.add(word[:5])
    if unit_norm:
        terms.add("unit:" + unit_norm)
    return terms | name_terms(text)


NAME_TERM = "name:"


def name_terms(text: str) -> set[str]:
    """A claim's story names as terms, with the bare marker that says it has some,
    so that a topic's terms among a claim's tell whether the topic has any."""
    names = story_names(text)
    return {NAME_TERM, *(NAME_TERM + name for name in names)} if names else set()


def probe_terms(terms: set[str]) -> set[str]:
    """The terms to find a claim's topic by: its own, and for a claim that names its
    story, each of its words as a name, to find the topics that name it."""
    if NAME_TERM not in terms:
        return terms
    return terms | {NAME_TERM + t for t in terms if not t.startswith(("unit:", NAME_TERM))}


def match_score(terms: set[str], topic_terms_: set[str]) -> float:
    """How well a new claim (its topic_terms) fits a topic's vocabulary, 0 to 1:
    the share of its terms the topic holds, given at least two of its words.
    `topic_terms_` may be only the topic's terms among the claim's probe_terms.

    When the claim names its story and the topic's claims name theirs, one must
    mention a name of the other ("troops sent to Russia" and "Russia denies ...
    in Ukraine" are one story): common words ("troops", "killed", "Tuesday") are
    shared by every story, and a topic that took claims on them alone would take
    every story's."""
    plain = {t for t in terms if not t.startswith(NAME_TERM)}
    if not plain or not topic_terms_:
        return 0.0
    shared = plain & topic_terms_
    if len({t for t in shared if not t.startswith("unit:")}) < 2:
        return 0.0
    if NAME_TERM in terms and NAME_TERM in topic_terms_:
        named = {t[len(NAME_TERM) :] for t in terms if t.startswith(NAME_TERM)}
        if not named & shared and not any(NAME_TERM + t in topic_terms_ for t in plain):
            return 0.0
    return len(shared) / min(len(plain), 12)


GOOD_MATCH = 0.3
# How closely an article's claim must match a topic to count as a vote for filing
# the whole article there (Store.article_topic). Measured on the labelled real
# stories' development side (26 stories, 206 saved claims, all in one store):
# claims filed one by one at GOOD_MATCH, 47% of them sat in a topic of their
# own story; articles filed whole, 94% at 0.45 and 0.5 (70% at 0.4).
ARTICLE_MATCH = 0.5

# Nouns that name what a story is about: "the floods in Derna", "a cholera outbreak".
_EVENT_NOUNS = set(
    """flood floods flooding earthquake earthquakes quake quakes aftershocks wildfire wildfires
    fire fires blaze blazes storm storms cyclone hurricane typhoon tsunami landslide landslides
    mudslide shipwreck sinking explosion blast attack attacks bombing bombings shelling
    airstrike airstrikes strike strikes protest protests march marches rally rallies
    demonstration demonstrations riots war conflict fighting offensive incursion invasion siege
    outbreak epidemic pandemic heatwave drought famine election elections layoffs crash
    collapse eruption deployment ceasefire""".split()
)
# Words that tell who spoke, not what about: never part of a topic's name.
_SPEECH = set(
    """says said say told tells confirm confirms confirmed deny denies denied allege alleges
    alleged claim claims claimed estimate estimates estimated report reports reported
    according added stated announced insists insisted warned believes president minister
    secretary spokesman spokeswoman spokesperson official officials general chief mayor
    governor""".split()
)
_WORD_RE = LazyPattern(r"[^\W\d_][\w'’-]*")


# Where a text names its story: a place something happens in ("sent to Russia",
# "across the Derna region", "after the Mosul offensive"), or the name an event
# goes by ("the Derna floods"). An actor ("while the Pentagon said") is no
# story's: the same ministries and agencies speak in many.
_CAPITALISED = LazyPattern(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_PLACE_WORDS = set("in to into inside across throughout near around after outside off".split())


def story_names(text: str) -> set[str]:
    """The names a claim's text gives its story, stemmed like its terms: the places
    it puts things in and the names of its events (see _PLACE_WORDS and
    _EVENT_NOUNS), without the words of the calendar. A text in title case
    ("Floods Kill 40 In Derna") names none: every word looks like a name there."""
    runs = list(_CAPITALISED.finditer(text))
    if not runs or sum(run.group().count(" ") + 1 for run in runs) * 2 > text.count(" ") + 1:
        return set()
    named: list[str] = []
    for run in runs:
        words = run.group().split()
        if len(words) > 1 and words[0].casefold() in _PLACE_WORDS:
            named += words[1:]  # "In Gaza, ..."
            continue
        before = text[max(0, run.start() - 24) : run.start()].casefold().split()
        if before and before[-1] == "the":
            before.pop()
        after = text[run.end() : run.end() + 24].split(maxsplit=1)
        if (before and before[-1] in _PLACE_WORDS and before[-2:] != ["according", "to"]) or (
            after and after[0].casefold() in _EVENT_NOUNS
        ):
            named += words
    if not named:
        return set()
    return {
        word[:5]
        for word in map(_bare, named)
        if len(word) >= 3
        and word not in CALENDAR_WORDS
        and word not in _STOP
        and word not in _SPEECH
    }


def _bare(word: str) -> str:
    return word.casefold().removesuffix("'s").removesuffix("’s").strip("'’-")


def topic_name(
    text: str, figure: Figure | None, source: str | None = None, quantity: str | None = None
) -> str:
    """A name for a new topic: what the story is about, never a bare counted noun
    or the person who spoke. The event and its place ("Floods in Derna"), else
    the counted phrase with its modifiers and place ("North Korean troops in
    Russia"), else the quantity and place ("People missing in Derna"), else the
    text's content words without the speaker."""
    place = place_named(text)
    speaker = {w.casefold() for w in _WORD_RE.findall(source or "")}
    words = _WORD_RE.findall(text)
    for index, word in enumerate(words):
        if word.casefold() not in _EVENT_NOUNS:
            continue
        before = words[index - 1] if index else ""
        modifier = (
            before.removesuffix("'s").removesuffix("’s")
            if before
            and before.casefold() not in _STOP | _SPEECH | speaker
            and before.casefold().removesuffix("'s") not in speaker
            else ""
        )
        name = f"{modifier} {word.casefold()}".strip()
        return _named(name, place)
    if (
        figure is not None
        and figure.phrase
        and figure.unit != "percent"
        and len(figure.phrase.split()) > 1
    ):
        return _named(figure.phrase, place_named(text[text.find(figure.text) :]))
    if quantity and place:
        return _named(label_of(quantity), place)
    kept = [
        w
        for w in words
        if w.casefold() not in _STOP | _SPEECH and w.casefold().removesuffix("'s") not in speaker
    ]
    return _named(" ".join(kept[:6])[:60], None) if kept else "General"


def article_topic_name(claims: Sequence[Claim], headline: str | None = None) -> str:
    """A new topic's name for an article's claims that matched none: its headline's
    event and place ("Floods kill dozens in Varnholt": "Floods in Varnholt") when
    the headline names an event; else as the first claim that names the story would
    name it (see topic_name), else the first."""
    if headline and {w.casefold() for w in _WORD_RE.findall(headline)} & _EVENT_NOUNS:
        return topic_name(headline, None)
    first = next((c for c in claims if name_terms(c.text)), claims[0])
    unplaced = settle_quantity(first, None).quantity  # the name's place is the story's
    return topic_name(first.text, first.figure, first.source, unplaced)


def distinct_topic_name(name: str, when: ClaimDate, taken: Callable[[str], bool]) -> str:
    """NAME for a new story, or, when another story has it already ("Protests"),
    the name with the month it is dated ("Protests, Jun 2024"), then a number."""
    if not taken(name):
        return name
    month = ClaimDate(when.iso[:7], MONTH).human() if when.precision != YEAR else when.iso
    suffix = f", {month}"
    dated = name[: MAX_NAME - len(suffix) - 4].rstrip() + suffix  # room for " (9)"
    candidate, number = dated, 2
    while taken(candidate):
        candidate, number = f"{dated} ({number})", number + 1
    return candidate


def _named(name: str, place: str | None) -> str:
    if place and place != "nationwide" and place.casefold() not in name.casefold():
        name = f"{name} in {place}"
    return (name[:1].upper() + name[1:])[:MAX_NAME].strip()


def settle_quantity(claim: Claim, topic: str | None) -> Claim:
    """The claim with its quantity read from its text, if not given: a place the
    topic's name holds is the story's own, not a narrower scope."""
    if claim.quantity is not None:
        return claim
    return claim.with_changes(quantity=quantity_of(claim.text, claim.unit, claim.figure, topic))


def quantity_of(text: str, unit: str | None, figure: Figure | None, topic: str | None) -> str:
    """The key of what a figure measures ('' for none), read from the claim's text."""
    if figure is None:
        return ""
    found = infer_quantity(text, unit, figure.phrase, figure_text=figure.text, topic=topic)
    return found.key if found else ""


def story_quantities(claims: list[Claim], topic: str, known: Iterable[str] = ()) -> list[Claim]:
    """One article's claims filed into one topic, each figure's quantity read and
    settled against the others' and the topic's stored claims' (`known`): where the
    story leaves one reading of an under-specified quantity, it takes it (see
    settle_keys). A quantity already given is kept."""
    read = [settle_quantity(c, topic) if c.figure is not None else c for c in claims]
    measured = [i for i, c in enumerate(read) if c.figure is not None and c.quantity is not None]
    keys = settle_keys([read[i].quantity or "" for i in measured], known)
    for i, key in zip(measured, keys, strict=True):
        if key != read[i].quantity and claims[i].quantity is None:
            read[i] = read[i].with_changes(quantity=key)
    return read


def check_quantity(text: str) -> str:
    """What --quantity gives: '' clears it, anything else must read as a quantity."""
    return check_quantity_key(parse_quantity(text).key) if text.strip() else ""


def check_quantity_key(key: str) -> str:
    """A quantity key as the store takes it (see quantity_problem)."""
    problem = quantity_problem(key)
    if problem:
        raise ParseError(problem)
    return key


def claim_basis(claim: Claim) -> str:
    """A short fingerprint of what a decision on a conflict rests on: the figure,
    quantity, dates, source and stance. A verdict, a note or a tag leaves it alone."""
    import hashlib

    figure = claim.figure
    parts = (
        figure.low if figure else None,
        figure.high if figure else None,
        figure.qualifier if figure else None,
        claim.quantity or "",
        claim.date.iso,
        claim.as_of.iso if claim.as_of else None,
        source_key(claim.source),
        claim.stance,
    )
    return hashlib.blake2s(repr(parts).encode(), digest_size=6).hexdigest()


def build_claim(
    text: str,
    source: str,
    *,
    today: date,
    date_text: str | None = None,
    as_of_text: str | None = None,
    topic: str | None = None,
    url: str | None = None,
    figure_text: str | None = None,
    unit: str | None = None,
    stance: str | None = None,
    tags: list[str] | tuple[str, ...] = (),
    note: str | None = None,
    quantity: str | None = None,
) -> Claim:
    """A claim from what the user typed: the figure, stance and dates read and checked.
    The quantity, unless given, is read when the claim is filed into its topic."""
    text = check_text(text)
    figure = parse_figure_option(figure_text) if figure_text is not None else parse_figure(text)
    return Claim(
        text=text,
        source=check_source(source),
        date=parse_date(date_text or "today", today),
        as_of=parse_date(as_of_text, today) if as_of_text else None,
        topic=check_name(topic, "topic") if topic is not None else None,
        url=check_url(url) if url else None,
        figure=figure,
        unit=check_name(unit, "unit") if unit else (figure.unit if figure else None),
        stance=check_stance(stance) if stance else detect_stance(text),
        tags=check_tags(tags),
        note=check_text(note, "note") if note else None,
        quantity=check_quantity(quantity) if quantity is not None else None,
    )


def edit_changes(
    current: Claim,
    *,
    today: date,
    text: str | None = None,
    source: str | None = None,
    date_text: str | None = None,
    as_of_text: str | None = None,
    topic: str | None = None,
    url: str | None = None,
    figure_text: str | None = None,
    unit: str | None = None,
    stance: str | None = None,
    tags: list[str] | tuple[str, ...] | None = None,
    note: str | None = None,
    quantity: str | None = None,
) -> dict[str, object]:
    """The fields an edit changes. New text is read again for its figure and stance,
    and a new text, figure or unit for its quantity, unless those are given too."""
    changes: dict[str, object] = {}
    if text is not None:
        changes["text"] = check_text(text)
        if figure_text is None:
            figure = parse_figure(changes["text"])  # type: ignore[arg-type]
            changes["figure"] = figure
            changes["unit"] = unit or (figure.unit if figure else None)
        if stance is None:
            changes["stance"] = detect_stance(changes["text"])  # type: ignore[arg-type]
    if figure_text is not None:
        figure = parse_figure_option(figure_text)
        changes["figure"] = figure
        changes["unit"] = unit or figure.unit or current.unit
    if unit is not None:
        changes["unit"] = check_name(unit, "unit")
    if source is not None:
        changes["source"] = check_source(source)
    if date_text is not None:
        changes["date"] = parse_date(date_text, today)
        changes["date_basis"] = STATEMENT  # the user fixed it
    if as_of_text is not None:
        changes["as_of"] = parse_date(as_of_text, today) if as_of_text else None
    if topic is not None:
        changes["topic"] = check_name(topic, "topic")
    if url is not None:
        changes["url"] = check_url(url) if url else None
    if stance is not None:
        changes["stance"] = check_stance(stance)
    if tags is not None:
        changes["tags"] = check_tags(tags)
    if note is not None:
        changes["note"] = check_text(note, "note") if note.strip() else None
    if quantity is not None:
        changes["quantity"] = check_quantity(quantity)
    elif "text" in changes or ({"figure", "unit"} & set(changes) and _read_from_text(current)):
        changes["quantity"] = None  # read again once the claim's topic is known
    return changes


def _read_from_text(claim: Claim) -> bool:
    """Whether the claim's quantity is the one its text gives, not one set by hand
    (which a new figure or unit leaves as it is)."""
    if not claim.quantity or claim.figure is None:
        return True
    return claim.quantity == quantity_of(claim.text, claim.unit, claim.figure, claim.topic)
