"""Candidate claims in an article: who says what figure, or who denies what.

Pure: article text in, candidates out; the publication date and the known
sources are passed in. A candidate needs a named claimant and either a counted
figure or a denial. Claimants are found the ways wire copy attributes: a
subject before a reporting verb ("the Pentagon said"), attribution at the end
("..., officials said"), "according to X", the passive ("it was reported by
X"), an appositive ("the envoy, Tom Perriello, said") and "he/she said" after
a named person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from claimtrack.claims import (
    REPORT,
    STATEMENT,
    Appearance,
    Claim,
    check_stance,
    check_text,
    source_key,
)
from claimtrack.dates import ClaimDate, parse_date, resolve_phrase
from claimtrack.errors import ParseError
from claimtrack.figures import (
    UNIT_SYNONYMS,
    Figure,
    LazyPattern,
    find_figures,
    parse_figure,
    parse_figure_option,
)

# Reporting verbs and the stance each one gives.
_VERBS: dict[str, str] = {}
for _stance, _words in {
    "asserts": "said says say told tells tell telling added adding stated states wrote writes "
    "announced announces noted notes warned warns put puts indicated indicates insisted "
    "insists argued argues explained declared declares testified posted tweeted "
    "believes believed",
    "confirms": "confirmed confirms confirm confirming acknowledged acknowledges verified",
    "alleges": "alleged alleges allege alleging accused accuses",
    "claims": "claimed claims claim claiming",
    "estimates": "estimated estimates estimate estimating assessed assesses calculated counted "
    "counts tallied",
    "reports": "reported reports reporting",
    "denies": "denied denies deny denying rejected rejects dismissed dismisses refuted "
    "refutes disputed disputes",
}.items():
    _VERBS.update(dict.fromkeys(_words.split(), _stance))
DENIAL_VERBS = {verb for verb, stance in _VERBS.items() if stance == "denies"}

# Words that may stand between a subject and its verb: "has previously denied".
_BETWEEN = set("has have had also previously earlier later again reportedly now already "
               "has since then would will".split())  # fmt: skip
# Heads of a claimant that is not a proper name: "fire officials", "the air force".
_CLAIMANT_HEADS = set(
    """officials official authorities authority governors governor ministry ministries police
    military army navy force forces agency office spokesman spokeswoman spokesperson
    spokespeople examiner government service department council commission operator company
    utility court prosecutors prosecutor mayor minister president administration analysts
    experts investigators officers commander commanders intelligence regulator coroner
    watchdog committee parliament lawmakers legislators senators sources source group groups
    organisation organization charity hospital hospitals doctors medics rescuers workers
    firefighters team researchers scientists survey poll monitor observatory envoy guard
    guards coastguard union unions brigade battalion monitors inspectors organisers
    organizers diplomats junta regime rebels militants insurgents separatists embassy
    consulate mission""".split()
)
# "The agency" alone means the organisation last named.
_BACK_REFERENCES = set(
    "agency ministry organisation organization group office company utility department "
    "charity service body watchdog".split()
)
_TITLES = set(
    """president vice-president prime minister secretary secretary-general general governor
    mayor spokesman spokeswoman spokesperson envoy ambassador chancellor director commissioner
    senator sen. rep. representative king queen prince premier leader commander colonel col.
    gen. lt. adm. admiral judge justice dr. mr. mrs. ms. ceo chairman chairwoman chair head
    chief minister coordinator""".split()
)
_FUNCTION_CAPITALS = set(
    """while but and although however meanwhile as when if after before since because so yet
    still also in on at the a an this that these those it its his her their our we i you he
    she they there here with without for from by of to""".split()
)
_INDEFINITE = {"a", "an", "one", "some", "another", "any"}
_PRONOUNS = {"he": "person", "she": "person", "it": "organisation", "they": "plural"}

_ABBREVIATIONS = set(
    """mr mrs ms dr gen lt col sgt capt sen rep gov pres st jan feb mar apr jun jul aug sep
    sept oct nov dec no vs etc inc ltd co corp u.s u.k u.n e.u a.m p.m adm maj cmdr""".split()
)
_TOKEN = LazyPattern(
    r"(?:[A-Z]\.){2,}|[^\W\d_][\w'’.-]*[\w]|[^\W\d_]|\d[\d,.]*|[“”\"(),;:]|[^\s\w]", re.UNICODE
)
_DATELINE = LazyPattern(
    r"^\s*(?:[A-Z][A-Z.'’/ -]{2,}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)*"
    r"(?:,?\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2})?\s*(?:\([^)]{1,20}\))?\s*[-—–]+\s+)"
)
_SENTENCE_END = LazyPattern(r"([.!?])([”\"’')\]]*)\s+(?=[“\"'‘(]?[A-Z0-9])")
# Clause boundaries. A continuation ("..., adding that ...") keeps the claimant of
# the clause before it; a contrast or a new sentence part ("; ", ", while ") needs
# its own.
_CLAUSE_SPLIT = LazyPattern(
    r"(;\s+|,\s+(?:while|whereas)\s+)"
    r"|(,\s+(?:adding|and\s+added|and\s+said)\s+(?:that\s+)?|,\s+and\s+that\s+)"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_PHRASE = LazyPattern(
    rf"""(?<!since\s)(?<!until\s)(?<!from\s)(?<!after\s)(?<!before\s)\b(
        (?:on\s+|last\s+|this\s+past\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?
      | yesterday | today | last\s+night
      | (?:last|this|earlier\s+this)\s+(?:week|month|year)
      | (?:on\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?(?:,?\s+\d{{4}})?
      | (?:on\s+)?{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?
      | in\s+{_MONTH}(?:\s+\d{{4}})?
      | in\s+(?:19|20)\d\d
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
_ACCORDING = LazyPattern(
    r"\b(?:according\s+to|as\s+reported\s+by)\s+"
    r"(?:(?:the\s+)?(?:latest\s+|new\s+|official\s+)?(?:estimates?|figures?|data|counts?|"
    r"statements?|a\s+statement|reports?|a\s+report|tall(?:y|ies)|a\s+tally)\s+(?:by|from|of)\s+)?",
    re.I,
)
_FIGURES_FROM = LazyPattern(
    r"\b(?:figures|data|statistics|numbers|estimates|a\s+tally|tallies|a\s+count)\s+"
    r"(?:from|by|compiled\s+by|released\s+by|published\s+by)\s+",
    re.I,
)
# "..., a figure Kyiv disputes": a second claimant denies the first one's figure.
_DISPUTED_BY = LazyPattern(
    r"\ba\s+(?:figure|claim|number|estimate|toll|count)\s+(?:that\s+)?(?:the\s+)?"
    r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+(?:disputes|disputed|denies|denied|rejects|rejected)\b"
)
_PASSIVE = LazyPattern(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+"
    r"(reported|confirmed|announced|estimated|claimed|denied|said|stated|disclosed)\s+by\s+",
    re.I,
)


@dataclass
class Candidate:
    claimant: str
    stance: str
    figure: Figure | None
    unit: str | None
    date: ClaimDate | None
    sentence: str
    confidence: float
    headline: bool = False
    quote: str | None = None  # the article's sentence, once the user has edited the text

    def to_claim(
        self,
        report: ClaimDate | None,
        url: str | None,
        read_at: str | None = None,
        topic: str | None = None,
    ) -> Claim:
        """The claim to store. With no date in the sentence it takes `report`, the
        article's date, marked as the date of the report; the article becomes its
        first appearance."""
        claim_date = self.date or report
        if claim_date is None:
            raise ParseError("neither the sentence nor the article gives a date")
        appearance = Appearance(
            url=url,
            quote=self.quote or self.sentence,
            published=report.iso if report else None,
            read_at=read_at,
        )
        return Claim(
            text=self.sentence,
            source=self.claimant,
            date=claim_date,
            date_basis=STATEMENT if self.date else REPORT,
            topic=topic,
            url=url,
            figure=self.figure,
            unit=self.unit,
            stance=self.stance,
            appearances=(appearance,),
        )

    def edited(self, field: str, value: str, today: date) -> Candidate:
        """The candidate with one field changed by the user, checked like `add`."""
        if field == "source":
            return replace(self, claimant=check_text(value, "source"))
        if field == "figure":
            figure = parse_figure_option(value)
            return replace(self, figure=figure, unit=figure.unit or self.unit)
        if field == "stance":
            return replace(self, stance=check_stance(value))
        if field == "date":
            return replace(self, date=parse_date(value, today))
        if field == "unit":
            return replace(self, unit=check_text(value, "unit"))
        if field == "text":
            return replace(self, sentence=check_text(value), quote=self.quote or self.sentence)
        raise ParseError(f"unknown field {field!r}; use source, figure, stance, date, unit or text")

    def to_json(
        self, report: ClaimDate | None = None, url: str | None = None, topic: str | None = None
    ) -> dict[str, object]:
        """The claim saving would store, in the claim JSON contract without an id,
        plus the sentence and the confidence. With no date at all its date fields
        are null (and saving refuses)."""
        if self.date is None and report is None:
            # A stand-in date builds the claim; its date fields then say "unknown".
            dated = replace(self, date=ClaimDate("0001", "year"))
            data = dated.to_claim(None, url, None, topic).to_json()
            data.update(date=None, date_precision=None, date_basis=None)
        else:
            data = self.to_claim(report, url, None, topic).to_json()
        del data["id"]
        return {**data, "sentence": self.sentence, "confidence": round(self.confidence, 2)}


@dataclass
class _Attribution:
    claimant: str
    stance: str
    kind: str  # "subject", "according", "passive", "pronoun", "reference"
    verb_end: int  # where the reporting verb ends in the clause, for its date
    person: bool


# --- sentences ---------------------------------------------------------------------------


def sentences(text: str) -> list[tuple[str, bool]]:
    """(sentence, is_headline) in reading order; datelines and bullets removed.

    Every line is a paragraph (text from web pages has one line a paragraph);
    the first line is a headline when it has no final stop and more follows."""
    out: list[tuple[str, bool]] = []
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        line = re.sub(r"^[•*·▪–-]\s+", "", line)
        line = _DATELINE.sub("", line, count=1)
        headline = index == 0 and len(lines) > 1 and not re.search(r"[.!?][”\"’]?$", line)
        out.extend((sentence, headline) for sentence in _split_sentences(line))
    return out


def _split_sentences(paragraph: str) -> list[str]:
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        before = paragraph[start : match.start() + 1]
        word = re.search(r"([\w.]+)\.$", before)
        if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        pieces.append(paragraph[start : match.end()].strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


# --- claimants ---------------------------------------------------------------------------


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _is_capital(word: str) -> bool:
    return word[:1].isupper() or bool(re.fullmatch(r"(?:[A-Z]\.){2,}", word))


def _noun_phrase_before(tokens: list[tuple[str, int, int]], verb: int) -> tuple[str, bool] | None:
    """The claimant right before a reporting verb, and whether it looks like a person."""
    j = verb - 1
    while j >= 0 and tokens[j][0].lower() in _BETWEEN:
        j -= 1
    if j >= 0 and tokens[j][0] == "," and j >= 1:
        # An appositive between commas: a name ("the envoy, Tom Perriello, said")
        # or a description ("The White Helmets, a rescue group ..., said").
        k = j - 1
        words = []
        while k >= 0 and tokens[k][0] not in (",", "“", "”", '"', "(", ")") and len(words) < 10:
            words.insert(0, tokens[k][0])
            k -= 1
        if k < 0 or tokens[k][0] != "," or not words:
            return None
        if all(_is_capital(w) for w in words) and len(words) <= 5:
            return _clean_name(words)
        # A description: the claimant is named before it ("Jane Roe, the
        # agency's envoy, said") or stands before a relative clause.
        return _noun_phrase_before(tokens, k)
    words: list[str] = []
    while j >= 0 and len(words) < 9:
        word = tokens[j][0]
        if word == ")" and j >= 2 and tokens[j - 2][0] == "(":
            j -= 3  # "(NEMA)" after the name
            continue
        lower = word.lower()
        if lower in ("in", "from", "at", "across") and words and j >= 1:
            # "the military government in Ouagadougou", "officials in Kyiv"
            head = tokens[j - 1][0]
            if head.lower() in _CLAIMANT_HEADS or head.lower().rstrip("s") in _CLAIMANT_HEADS:
                found = _noun_phrase_before(tokens, j)
                if found is not None:
                    return f"{found[0]} {lower} {' '.join(words)}", False
            break
        if lower in _FUNCTION_CAPITALS and lower not in ("of", "for", "the"):
            break
        if lower in ("of", "for"):
            if not words or j == 0 or not _is_capital(tokens[j - 1][0]):
                break
            words.insert(0, word)
            j -= 1
            continue
        if lower == "the":
            words.insert(0, word)
            break
        if not re.match(r"[^\W\d_]", word):
            break
        is_head = (
            lower in _CLAIMANT_HEADS or lower.rstrip("s") in _CLAIMANT_HEADS or lower in _TITLES
        )
        if not words and not _is_capital(word) and not is_head:
            return _post_modified(tokens, j)
        if (
            not _is_capital(word)
            and words
            and not (lower in _CLAIMANT_HEADS or _is_modifier(word, words))
        ):
            break
        words.insert(0, word)
        j -= 1
    if j >= 0 and tokens[j][0].lower() in _INDEFINITE:
        return None
    if not words:
        return None
    return _clean_name(words)


def _post_modified(tokens: list[tuple[str, int, int]], end: int) -> tuple[str, bool] | None:
    """A claimant with a short place or remit after it: 'officials in both
    countries say', 'the UN's coordinator for the country said'."""
    for k in range(end, max(end - 4, 0), -1):
        if tokens[k][0].lower() in ("in", "from", "at", "across", "for") and k >= 1:
            head = tokens[k - 1][0]
            lower = head.lower()
            if lower in _CLAIMANT_HEADS or lower in _TITLES or _is_capital(head):
                found = _noun_phrase_before(tokens, k)
                if found is None:
                    return None
                place = [t[0] for t in tokens[k : end + 1]]
                if any(word.lower() in _INDEFINITE for word in place):
                    return None  # "analysts at one bank": nobody named
                return f"{found[0]} {' '.join(place)}", False
    return None


def _is_modifier(word: str, following: list[str]) -> bool:
    """A lower-case word that can qualify the claimant after it: 'regional governors'."""
    bare = re.sub(r"['’]s$", "", word)
    return bool(following) and bare.isalpha() and bare.islower() and len(bare) > 2


def _clean_name(words: list[str]) -> tuple[str, bool] | None:
    while words and words[0].lower() in ("the", "of", "for"):
        words = words[1:]
    if not words:
        return None
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return None
    # A title or a description before a proper name: keep the name.
    last_title = max((i for i, w in enumerate(words) if w.lower() in _TITLES), default=-1)
    tail = words[last_title + 1 :]
    if last_title >= 0 and tail and all(_is_capital(w) for w in tail):
        return " ".join(tail), len(tail) >= 2
    connectors = ("of", "for", "and", "'s")
    lower_at = max(
        (i for i, w in enumerate(words) if not _is_capital(w) and w.lower() not in connectors),
        default=-1,
    )
    tail = words[lower_at + 1 :]
    if 0 <= lower_at < len(words) - 1 and all(_is_capital(w) for w in tail):
        return " ".join(tail), _looks_like_person(tail)
    name = " ".join(words).replace(" 's", "'s")
    return name, _looks_like_person(words)


def _looks_like_person(words: list[str]) -> bool:
    return (
        2 <= len(words) <= 4
        and all(_is_capital(w) and re.sub(r"[-'’]", "", w).isalpha() for w in words)
        and not any(w.lower() in _CLAIMANT_HEADS or w.lower() in _TITLES for w in words)
        and not any(w.isupper() and len(w) > 1 for w in words)
    )


_SHOWED = ("showed", "show", "shows", "suggest", "suggested", "indicate", "indicated",
           "revealed", "reveal", "found", "put", "published")  # fmt: skip


def _name_after(tokens: list[tuple[str, int, int]], verb: int) -> tuple[str, bool] | None:
    """Attribution turned round after a quote: '..., said Tom Fletcher, the UN's ...'."""
    if verb == 0 or tokens[verb - 1][0] not in (",", "”", '"', "’", "'"):
        return None
    words = []
    for word, _, _ in tokens[verb + 1 : verb + 8]:
        if not _is_capital(word) or word.lower() in _FUNCTION_CAPITALS:
            break
        words.append(word)
    return _clean_name(words) if words else None


def _noun_phrase_after(text: str) -> tuple[str, bool] | None:
    """The claimant after 'according to' or 'by': up to the next comma or verb."""
    tokens = _tokens(text)
    words = []
    for word, _, _ in tokens:
        if word in (",", ".", ";", ":", "“", "”", '"') or word.lower() in _VERBS:
            break
        if word == "(":
            break
        if word.lower() in ("that", "which", "who", "as", "in", "on", "at", "when", *_SHOWED):
            break
        if word.lower() in ("and", "or") and words:
            break
        words.append(word)
        if len(words) > 8:
            return None
    if not words or words[0].lower() in _INDEFINITE:
        return None
    return _clean_name(words)


# --- the extractor -------------------------------------------------------------------------


class _Context:
    """What the article has named so far, to resolve 'he said' and 'the agency'."""

    def __init__(self) -> None:
        self.last_person: str | None = None
        self.last_organisation: str | None = None
        self.organisations: list[str] = []

    def remember(self, name: str, person: bool) -> None:
        if person:
            self.last_person = name
        else:
            self.last_organisation = name
            self.organisations.append(name)

    def notice_people(self, sentence: str) -> None:
        """A titled name makes 'he said' resolvable even when that person said
        nothing yet: 'Colonel Tom Reed briefed the press. He said ...'."""
        words = re.findall(r"[\w.'’-]+", sentence)
        for index, word in enumerate(words[:-1]):
            if word.lower() not in _TITLES:
                continue
            name = []
            for following in words[index + 1 : index + 4]:
                if not (following[:1].isupper() and following[1:].islower()):
                    break
                if following.lower() in _TITLES:
                    name = []
                    break
                name.append(following)
            if name:
                self.last_person = " ".join(name)

    def shortened(self, name: str) -> str | None:
        """'the spy agency' after "South Korea's spy agency": the same claimant."""
        for earlier in reversed(self.organisations):
            if earlier != name and earlier.lower().endswith(" " + name.lower()):
                return earlier
        return None


def _attribution(clause: str, context: _Context) -> _Attribution | None:
    according = _ACCORDING.search(clause)
    if according:
        found = _noun_phrase_after(clause[according.end() :])
        if found:
            return _Attribution(found[0], "reports", "according", according.end(), found[1])
    figures_from = _FIGURES_FROM.search(clause)
    if figures_from:
        found = _noun_phrase_after(clause[figures_from.end() :])
        if found:
            return _Attribution(found[0], "reports", "according", figures_from.end(), found[1])
    passive = _PASSIVE.search(clause)
    if passive:
        found = _noun_phrase_after(clause[passive.end() :])
        if found:
            stance = _VERBS.get(passive.group(1).lower(), "asserts")
            return _Attribution(found[0], stance, "passive", passive.end(), found[1])
    tokens = _tokens(clause)
    for index, (word, _, end) in enumerate(tokens):
        stance = _VERBS.get(word.lower())
        if stance is None or index == 0:
            continue
        previous = tokens[index - 1][0].lower()
        if previous in ("an", "the", "was", "were", "is", "are", "be", "been", "to"):
            continue  # "an estimated 5", "was reported": not a subject's verb
        if previous in _PRONOUNS or (
            previous in _BETWEEN and index >= 2 and tokens[index - 2][0].lower() in _PRONOUNS
        ):
            pronoun = previous if previous in _PRONOUNS else tokens[index - 2][0].lower()
            if _PRONOUNS[pronoun] == "person" and context.last_person:
                return _Attribution(context.last_person, stance, "pronoun", end, True)
            continue
        found = _noun_phrase_before(tokens, index) or _name_after(tokens, index)
        if found is None:
            continue
        name, person = found
        if name in _BACK_REFERENCES and context.last_organisation:
            # lower case: "the agency", not "the Agency for ..."
            return _Attribution(context.last_organisation, stance, "reference", end, False)
        fuller = context.shortened(name) if name.islower() else None
        if fuller:
            return _Attribution(fuller, stance, "reference", end, False)
        return _Attribution(name, stance, "subject", end, person)
    return None


def _claim_date(clause: str, verb_end: int, published: date | None) -> ClaimDate | None:
    if published is None:
        return None
    phrases = list(_DATE_PHRASE.finditer(clause))
    if not phrases:
        return None
    # A date right after the reporting verb ("said on Tuesday") is the claim's own.
    adjacent = [m for m in phrases if 0 <= m.start() - verb_end <= 2]
    chosen = adjacent[0] if adjacent else phrases[0]
    return resolve_phrase(chosen.group(1), published)


def _clauses(sentence: str) -> list[tuple[str, bool]]:
    """(clause, continues the one before) pairs."""
    out: list[tuple[str, bool]] = []
    start, continues = 0, False
    for match in _CLAUSE_SPLIT.finditer(sentence):
        out.append((sentence[start : match.start()], continues))
        start, continues = match.end(), match.group(2) is not None
    out.append((sentence[start:], continues))
    return [(clause, flag) for clause, flag in out if clause.strip()]


def extract_claims(
    text: str,
    published: date | None = None,
    known_sources: dict[str, str] | None = None,
) -> list[Candidate]:
    """Every candidate claim in the article, in reading order, each proposed once."""
    known = known_sources or {}
    context = _Context()
    found: list[Candidate] = []
    for sentence, headline in sentences(text):
        context.notice_people(sentence)
        inherited: _Attribution | None = None
        for clause, continues in _clauses(sentence):
            attribution = _attribution(clause, context) or (inherited if continues else None)
            if attribution is None:
                continue
            inherited = attribution
            if attribution.kind not in ("pronoun", "reference"):
                context.remember(attribution.claimant, attribution.person)
            found += _candidates(clause, sentence, attribution, headline, published, known)
            disputed = _DISPUTED_BY.search(clause)
            if disputed:
                denier = _Attribution(disputed.group(1), "denies", "subject", disputed.end(), False)
                found += _candidates(
                    disputed.group(0), sentence, denier, headline, published, known
                )
    return _deduplicate(found)


def _candidates(
    clause: str,
    sentence: str,
    attribution: _Attribution,
    headline: bool,
    published: date | None,
    known: dict[str, str],
) -> list[Candidate]:
    """The clause's claims: its counted figure, others beside it, or a denial."""
    main = parse_figure(clause)
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", clause)}
    denial = attribution.stance == "denies" or bool(words & DENIAL_VERBS)
    if main is None and not denial:
        return []
    figures: list[Figure | None] = [main]
    if main is not None:
        figures += _companions(clause, main)
    claimant = known.get(source_key(attribution.claimant), attribution.claimant)
    claim_date = _claim_date(clause, attribution.verb_end, published)
    found = []
    for figure in figures:
        stance = attribution.stance
        if denial and (figure is None or attribution.stance == "denies"):
            stance = "denies"
        found.append(
            Candidate(
                claimant=claimant,
                stance=stance,
                figure=figure,
                unit=figure.unit if figure else None,
                date=claim_date,
                sentence=" ".join(sentence.split()),
                confidence=_confidence(attribution, figure, headline, known),
                headline=headline,
            )
        )
    return found


_BASELINE = LazyPattern(r"\b(?:from|than|compared|versus|vs)\b", re.I)


def _companions(clause: str, main: Figure) -> list[Figure]:
    """Other figures stated beside the main one: '1.28 million ... and 57,000 in the
    capital' (the same count elsewhere), '120 missiles and 90 drones' (another count)
    or 'including 56 children' (a part of it). A bare number that only qualifies
    the first ('a toll of 30') is not one."""
    found: list[Figure] = []
    rest = clause[clause.find(main.text) + len(main.text) :]
    for figure in find_figures(rest):
        joined = re.search(
            rf"(\band|\bincluding|\bwith|,)\s+(?:\w+\s+){{0,2}}{re.escape(figure.text)}", rest
        )
        if not joined or _BASELINE.search(joined.group(0)):
            continue  # "up from 11.7 million a year earlier" is the old figure
        known_unit = figure.unit is not None and figure.unit.lower() in UNIT_SYNONYMS
        same_kind = figure.unit is None or figure.unit.lower() in ("others", "more", "additional")
        if same_kind and main.unit:
            found.append(replace(figure, unit=main.unit, phrase=main.phrase))
        elif known_unit or "including" in joined.group(0):
            found.append(figure)
    return found


def _confidence(
    attribution: _Attribution, figure: Figure | None, headline: bool, known: dict[str, str]
) -> float:
    confidence = 0.5
    confidence += {"subject": 0.2, "according": 0.15, "passive": 0.15}.get(attribution.kind, 0.05)
    if figure is not None:
        confidence += 0.15 if figure.unit else 0.05
        if figure.qualifier != "exact":
            confidence += 0.05
    else:
        confidence += 0.1
    if source_key(attribution.claimant) in known:
        confidence += 0.1
    if headline:
        confidence -= 0.15
    return min(confidence, 0.99)


def _acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w[0].isupper()).lower()


def _same_claimant(a: str, b: str) -> bool:
    key_a, key_b = source_key(a), source_key(b)
    if key_a == key_b:
        return True
    compact_a, compact_b = key_a.replace(" ", ""), key_b.replace(" ", "")
    return compact_a == _acronym(b) or compact_b == _acronym(a)


def _same_figure(a: Figure | None, b: Figure | None) -> bool:
    """The same number, with or without its hedge: '12,000' and 'about 12,000'."""
    if a is None or b is None:
        return a is b
    return a.stated == b.stated


def _summarises(headline: Figure, body: Figure | None) -> bool:
    """A headline figure the body states more exactly: the same number without its
    qualifier ('1 million' for 'about 1 million'), or a vague word ('dozens' for 51)."""
    if body is None:
        return False
    if headline.stated == body.stated:
        return True
    return headline.qualifier == "vague" and headline.low <= body.stated <= headline.upper


def _deduplicate(candidates: list[Candidate]) -> list[Candidate]:
    """One proposal a claim: a headline repeats the body, a quote repeats the lede."""
    body = [c for c in candidates if not c.headline]
    kept: list[Candidate] = []
    for candidate in candidates:
        if (
            candidate.headline
            and candidate.figure is not None
            and any(_summarises(candidate.figure, other.figure) for other in body)
        ):
            continue  # the headline summarises a claim the body states in full
        duplicate = next(
            (
                other
                for other in kept
                if _same_claimant(other.claimant, candidate.claimant)
                and _same_figure(other.figure, candidate.figure)
            ),
            None,
        )
        if duplicate is not None:
            if candidate.confidence > duplicate.confidence:
                kept[kept.index(duplicate)] = candidate
            continue
        kept.append(candidate)
    return kept
