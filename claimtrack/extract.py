"""Candidate claims in an article: who gives which figure, or who denies what.

Pure: article text in, candidates out; the publication date and the known
sources are passed in. How an article is read:

1. Paragraphs and sentences, and what spans them: a quotation over several
   sentences, a bulleted list, a headline.
2. In each sentence, every figure (figures.locate_figures) and every attribution
   (attribution.attributions): "the ministry said", "..., said X", "according to
   X", "an estimate made by X", "a claim by X", "X's figures", "he said".
3. Each figure goes to the attribution that governs its part of the sentence: the
   nearest one before it in its clause (so "X said Y had counted N" gives N to Y),
   else the one after it ("N, police said"), else what the clause inherits: a
   continuation ("..., adding that") and a clause with no source of its own
   ("..., while 572 were captured") take the sentence's; "reports that ..."
   takes nobody. A quotation's sentences take the speaker named where it closes;
   a bullet's take its first attributed sentence's.
4. Figures that are no claim of the speaker are left out: figures compared with
   ("than 12,000") unless a source of their own is named (a count's own earlier
   figure, "up from 300", is a claim, proposed at low confidence), a whole a part
   is taken from, alternatives ("30,000, 35,000 or perhaps 40,000"), and figures
   in a relative clause that only describes ("protests which spread to 35
   counties").
5. Pronouns, back-references ("the agency", "the board", "the report"), roles
   ("the President", "a military adviser") and possessives ("their statement")
   are resolved against the people and organisations the article names; an
   unnamed person speaking for no organisation names nobody, and days, dates,
   places and bylines never do.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from claimtrack import attribution as attr
from claimtrack import mentions, sentences
from claimtrack.attribution import DENIAL_VERBS, Attribution
from claimtrack.claims import (
    REPORT,
    STATEMENT,
    Appearance,
    Claim,
    check_stance,
    check_text,
    quantity_of,
    source_key,
)
from claimtrack.dates import ClaimDate, parse_date, resolve_phrase
from claimtrack.errors import ParseError
from claimtrack.figures import (
    AT_LEAST,
    CURRENCIES,
    EXACT,
    MEASURES,
    RANGE,
    VAGUE,
    Figure,
    LazyPattern,
    Located,
    compile_patterns,
    locate_figures,
    normalise_unit,
    parse_figure_option,
)
from claimtrack.limits import MAX_TEXT
from claimtrack.mentions import Context
from claimtrack.places import demonyms, place_names
from claimtrack.quantities import as_part, from_key, infer_quantity
from claimtrack.sentences import Clause, Sentence, clauses_of, read, relative_spans

__all__ = ["DENIAL_VERBS", "Candidate", "extract_claims"]


# What a user may change in a candidate before it is saved.
EDITABLE = ("source", "figure", "stance", "date", "unit", "text")


def unknown_field(field: str) -> str | None:
    """What is wrong with a field name to edit, or None for one that can be."""
    if field in EDITABLE:
        return None
    return f"unknown field {field!r}; use {', '.join(EDITABLE[:-1])} or {EDITABLE[-1]}"


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
    part: bool = False  # a part of a larger count the sentence gives: "including 800 children"
    quote: str | None = None  # the article's sentence, once the user has edited the text
    speaks_for: str | None = None  # whom the article says the claimant speaks for
    # the line of the article it was read in: a deck the body repeats word for word
    # gives way to the body's telling
    paragraph: int = field(default=0, compare=False, repr=False)
    at: int = field(default=-1, compare=False, repr=False)  # where the figure stands in it
    # the sentence and figure of the count this figure goes on with ("the WHO puts the
    # number at 20,000" after "12,400 people have been infected"): it measures that
    counts_as: tuple[str, Figure] | None = field(default=None, compare=False, repr=False)

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
            quantity=self._quantity(topic),
            speaks_for=self.speaks_for,
        )

    def _quantity(self, topic: str | None) -> str | None:
        """A part of a larger count measures a part of its quantity, never the
        whole; a figure that goes on with a count measures what that count does; any
        other claim's quantity is read when it is filed."""
        if self.figure is None:
            return None
        if self.part:
            return as_part(quantity_of(self.sentence, self.unit, self.figure, topic))
        if self.counts_as is not None:
            # ... unless its own words say in which state: "40 others are missing",
            # "the crowd was larger than the agency's estimate of 400,000"
            own = quantity_of(self.sentence, None, replace(self.figure, unit=None), topic)
            if own and from_key(own).state:
                return own
            sentence, figure = self.counts_as
            return quantity_of(sentence, figure.unit, figure, topic) or own or None
        return None

    def edited(self, field: str, value: str, today: date) -> Candidate:
        """The candidate with one field changed by the user, checked like `add`."""
        if field == "source":
            return replace(self, claimant=check_text(value, "source"), speaks_for=None)
        if field == "figure":
            figure = parse_figure_option(value)
            return replace(self, figure=figure, unit=figure.unit or self.unit, counts_as=None)
        if field == "stance":
            return replace(self, stance=check_stance(value))
        if field == "date":
            return replace(self, date=parse_date(value, today))
        if field == "unit":
            return replace(self, unit=check_text(value, "unit"), counts_as=None)
        if field == "text":
            text = check_text(value)
            return replace(self, sentence=text, quote=self.quote or self.sentence, counts_as=None)
        raise ParseError(unknown_field(field) or field)

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


# --- the extractor -------------------------------------------------------------------------


@dataclass
class _Assigned:
    located: Located
    attribution: Attribution
    clause: str
    inherited: bool
    offset: int = 0  # where the clause starts in its sentence


_compiled = False


def extract_claims(
    text: str,
    published: date | None = None,
    known_sources: dict[str, str] | None = None,
) -> list[Candidate]:
    """Every candidate claim in the article, in reading order, each proposed once."""
    if not _compiled:
        for module in (globals(), vars(sentences), vars(mentions)):
            compile_patterns(module)
    known = known_sources or {}
    # What copy mistyped, read as meant and given back as written in what is proposed
    as_written = text
    text = _repaired(as_written)
    article = read(text)
    context = Context.of_article([sentence.text for sentence in article])
    found: list[Candidate] = []
    pending: list[tuple[Sentence, list[_Assigned | Located]]] = []
    quote_speaker: Attribution | None = None
    # the speaker of a quotation that opened after their name ("…," she said. "A. B."):
    # its later sentences are theirs too
    speaking_on: Attribution | None = None
    spoken_from = 0  # where that quotation's sentences start in `pending`
    bullet_attribution: Attribution | None = None
    last_source: Attribution | None = None  # the source the last sentence's figures took
    unclaimed: tuple[Sentence, list[Located]] | None = None  # the last sentence's, if nobody's
    corrector: Attribution | None = None  # who the last sentence said corrected a count
    paragraph = -1
    for position, sentence in enumerate(article):
        if (
            pending[spoken_from:]
            and speaking_on is not None
            and (sentence.paragraph != paragraph or not sentence.quote_open)
        ):
            # a quotation that closed with no name: it went on from its speaker's
            found += _spoken_by(pending[spoken_from:], speaking_on, published, known, context)
            pending = pending[:spoken_from]
        if sentence.paragraph != paragraph:
            paragraph, pending, quote_speaker, speaking_on = sentence.paragraph, [], None, None
            spoken_from = 0
            if not sentence.bullet:
                bullet_attribution = None
        context.replay(position)
        assigned, loose, closing = _read_sentence(sentence, context, position)
        # A quotation's sentences take the speaker named where it closes.
        if closing is not None:
            quote_speaker = closing
            found += _spoken_by(pending, closing, published, known, context)
            pending = []
        opens = not sentence.quote_open and sentence.text.lstrip().startswith(("“", '"'))
        if opens:
            speaking_on, spoken_from = quote_speaker, len(pending)
        if loose and (sentence.quote_open or opens):
            pending.append((sentence, loose))  # for whoever closes the quotation
            loose = []
        if loose and sentence.bullet and bullet_attribution is not None:
            assigned += [_Assigned(loc, bullet_attribution, sentence.text, True) for loc in loose]
        if (
            loose
            and not assigned
            and last_source is not None
            and (
                _GOES_ON.match(sentence.text)
                or _RECORDED_UNSAID.search(sentence.text)
                or _OF_THAT.search(sentence.text)
            )
        ):
            # "Of these, 12 were children.": the count the source gave, broken down
            assigned = [_Assigned(loc, last_source, sentence.text, True) for loc in loose]
            loose = []
        if loose and not assigned and _NEW_FIGURE.match(sentence.text):
            # "X issued a statement correcting the toll. The new figure is 253.": the
            # figure of the body the sentence before had correct or publish its count
            source = corrector
            if source is not None:
                assigned = [_Assigned(loc, source, sentence.text, True) for loc in loose]
                loose = []
        corrector = _corrector(sentence, context)
        if not assigned and not loose and unclaimed is not None and _GIVES_IT.search(sentence.text):
            # "The figure was confirmed by X.": the figures before were X's
            source = _source_named(sentence, context, position)
            if source is not None:
                earlier, figures = unclaimed
                given = [_Assigned(loc, source, earlier.text, True) for loc in figures]
                found += _candidates(given, earlier, published, known, context)
        unclaimed = (sentence, loose) if loose and not assigned else None
        if assigned:
            last_source = assigned[-1].attribution
        elif loose:
            last_source = None
        if assigned and sentence.bullet:
            last = assigned[-1].attribution
            if not assigned[-1].inherited or bullet_attribution is None:
                bullet_attribution = last
        if not sentence.bullet and sentence.text.rstrip().endswith(":"):
            # "According to the ministry's data, ... The effect was as follows:": the
            # list it opens gives the paragraph's source's figures
            bullet_attribution = _paragraph_source(article, position, context)
        found += _candidates(assigned, sentence, published, known, context)
        for item in assigned:
            if item.attribution.claimant and not item.inherited:
                context.remember(item.attribution.claimant, item.attribution.person)
        if not sentence.headline:
            context.organisations_in(sentence.text)  # a title capitalises every word
            if (owner := attr.opening_report_owner(sentence.text)) is not None:
                # "A Lora Times review analysed ... It found ...": the review's, its owner's
                context.remember(owner, False)
                context.last_report = owner
            for name, noun in attr.publishers(sentence.text):
                name = context.full_name(name)
                if not (context.reports.get(noun) or "").endswith(name):  # read in full above
                    context.last_report = context.reports[noun] = name
    if pending[spoken_from:] and speaking_on is not None:
        found += _spoken_by(pending[spoken_from:], speaking_on, published, known, context)
    affiliations = {p.name: p.organisation for p in context.people if p.organisation}
    kept = _deduplicate(found, affiliations)
    for candidate in kept:
        organisation = affiliations.get(candidate.claimant)
        if organisation and not _same_claimant(organisation, candidate.claimant):
            candidate.speaks_for = _as_known(organisation, known)
    out = [_within_limit(c) for c in kept]
    if text != as_written:
        # each sentence as the article wrote it
        written_as: dict[str, str] = {}
        for written in read(as_written):
            read_as = _repaired(written.text)
            written_as[read_as] = written.text
            written_as[" ".join(read_as.split())] = " ".join(written.text.split())
        out = [replace(c, sentence=written_as.get(c.sentence, c.sentence)) for c in out]
    return out


# Quotation marks typed as two single marks, and the double mark each stands for
_TYPED_QUOTES = (("’’", "”"), ("‘‘", "“"), ("''", '"'), ("``", '"'))
# A space lost after a count written with thousands: "some 45,000according to"
_LOST_SPACE = LazyPattern(r"(?<=\d,\d{3})(?=[a-z]{4,}\b)")


def _repaired(text: str) -> str:
    """The text as its writer meant it: quotation marks typed as two single ones read
    as the double mark, a space lost after a count put back."""
    for written, read_as in _TYPED_QUOTES:
        if written in text:
            text = text.replace(written, read_as)
    return _LOST_SPACE.sub(" ", text) if any(c.isdigit() for c in text) else text


def _spoken_by(
    pending: list[tuple[Sentence, list[Located]]],
    speaker: Attribution,
    published: date | None,
    known: dict[str, str],
    context: Context,
) -> list[Candidate]:
    """The figures of a quotation's sentences, for its speaker: the one who closes it,
    else the one it went on from."""
    out = []
    for earlier, items in pending:
        given = [_Assigned(loc, speaker, earlier.text, True) for loc in items]
        out += _candidates(given, earlier, published, known, context)
    return out


# A sentence that says who gave the figures of the one before: "The toll was confirmed
# by X", "These figures were released by X", "X confirmed the toll".
_GIVES_IT = LazyPattern(
    r"^(?:(?:The|This|That|These|Those)\s+(?:(?:death|latest|new|official)\s+)?"
    r"(?:toll|figures?|numbers?|count|tally|total|estimates?)?\s*(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:\w+\s+)?(?:confirmed|given|announced|released|provided|reported|issued|published)\b"
    r"|[^,.;]{0,60}\b(?:confirmed|gave|announced|released|provided)\s+(?:the|this|that|these)\s+"
    r"(?:(?:death|latest|new)\s+)?(?:toll|figures?|numbers?|count|tally|total)\b"
    # "That toll may be final, a spokesman said": the toll just given
    r"|(?:This|That|These|Those)\s+(?:death\s+)?(?:toll|figures?|numbers?|count|tally|total)\b"
    # "The prosecutor's office announced this on Monday"
    r"|[^,.;]{0,60}\b(?:confirmed|gave|announced|released|provided|reported)\s+(?:this|these)"
    r"(?=\s+(?:on|in|at|after|when|as|via|through|to|from)\b|\s*[.,;:]|\s*$))"
)


# "The new figure is 253": the count a body has just corrected or published
_NEW_FIGURE = LazyPattern(
    r"(?:The|This|That)\s+(?:new|latest|revised|updated|corrected|official)\s+"
    r"(?:death\s+)?(?:figure|toll|count|total|tally|number|estimate)\s+(?:is|was|stands|stood)\b"
)
# ... and what the sentence before it says of the count: "X corrected the toll", "X
# issued a statement correcting the toll", "X released new figures"
_CORRECTS = LazyPattern(
    r"\b(?:corrected|correcting|revised|revising|updated|updating|issued|released|published|"
    r"announced|lowered|lowering|raised|raising)\b"
)


def _corrector(sentence: Sentence, context: Context) -> Attribution | None:
    """Who a sentence says corrected or published a count, when it says so."""
    found = attr.bodies_before(sentence.text, _CORRECTS)
    if not found:
        return None
    return Attribution(context.full_name(found[0][0]), "reports", "subject", 0, 0, False)


def _source_named(sentence: Sentence, context: Context, position: int) -> Attribution | None:
    """The named source of a sentence that gives no figure of its own."""
    for found in attr.attributions(sentence.text):
        resolved = _resolve(found, context, position, sentence.text, sentence.quote_open)
        if resolved.claimant and resolved.kind not in ("unnamed", "possessive"):
            return resolved
    return None


def _paragraph_source(
    article: list[Sentence], position: int, context: Context
) -> Attribution | None:
    """The last source the paragraph of sentence `position` names, up to that sentence."""
    paragraph = article[position].paragraph
    while position >= 0 and article[position].paragraph == paragraph:
        if (source := _source_named(article[position], context, position)) is not None:
            return source
        position -= 1
    return None


# A sentence that goes on breaking down the count the sentence before gave: "Of
# these, ...", "Four of them ...", "Another 30,000 ...", "Two others ...", "The rest ...",
# "The new figure is 253".
_GOES_ON = LazyPattern(
    r"(?:(?:Of|Among)\s+(?:these|those|them|whom)\b"
    r"|(?:[\w-]+\s+){1,3}of\s+(?:these|those|them)\b"
    r"|(?:Another|A\s+further)\s"
    r"|(?:[\w,-]+\s+){1,2}(?:others|more)\b"
    r"|The\s+(?:remaining|rest|other)\b"
    r"|The\s+(?:new|latest|revised|updated|corrected)\s+(?:figure|toll|count|total|tally)\b)"
)


# What puts a figure aside for another the source gives: "290, not 359", "rather than
# 359", "instead of the 359 reported"
_NOT_THIS = LazyPattern(
    r"(?:,\s*|\band\s+)not\s+(?:the\s+)?(?:(?:some|about|around|nearly|over)\s+)?$"
    r"|\b(?:rather\s+than|instead\s+of)\s+(?:the\s+)?(?:(?:some|about|around)\s+)?$"
)


_NOT_BEFORE = LazyPattern(r"\bnot\s+(?:the\s+)?$")
_BUT_AFTER = LazyPattern(r"[^,.;]{0,20}?\bbut\b")


def _put_aside(text: str, located: Located) -> bool:
    """Whether the source sets the figure aside for another it gives."""
    start = located.start
    return bool(_NOT_THIS.search(text, max(0, start - 24), start)) or bool(
        _NOT_BEFORE.search(text, max(0, start - 8), start) and _BUT_AFTER.match(text, located.end)
    )


# a participle and "by" after a figure: "the 120 given by", "the 300 announced by"
_BY_AFTER = LazyPattern(r"\s+(?:\w+ed|given|shown|put\s+forward|made\s+public)\s+by\b")

# A count changed by its source, its new figure still to come: "has lifted its toll for
# the floods" ... "to 60"
_CHANGING_VERB = (
    r"\b(?:raised|lowered|revised|increased|reduced|updated|lifted|cut|brought|pushed|put)\s+"
)
# ... its new figure still to come, with no other clause or figure between: "has lifted
# its toll for the floods that hit the coast" ... "to 60"
_STILL_TO_COME = r"\b(?=(?:(?!\b(?:and|as|while|but|after|when)\b)[^.;\d$€£])*$)"
_CHANGED_COUNT = LazyPattern(
    _CHANGING_VERB + r"(?:the|its|their|his|her)\s+(?:[\w'’-]+\s+){0,2}(?:tolls?|counts?|"
    r"tall(?:y|ies)|estimates?|figures?|numbers?)" + _STILL_TO_COME
)
_CHANGED_TOLL = LazyPattern(
    _CHANGING_VERB
    + r"(?:the|its|their|his|her)\s+(?:[\w'’-]+\s+)?(?:death\s+)?toll"
    + _STILL_TO_COME
)
_TO_BEFORE = LazyPattern(
    r"\bto\s+(?:about\s+|around\s+|some\s+|nearly\s+|more\s+than\s+|at\s+least\s+)?$"
)
# one person shown doing something: "a video showed one rioter scaling a fence"
_SHOWN_BEFORE = LazyPattern(
    r"\b(?:showed|shows|show|shown|saw|see|sees|seen|filmed|pictured|depicted|captured)\s+$", re.I
)
_DOING_AFTER = LazyPattern(
    r"\s+[a-z]+\s+(?!(?:being|during|including|following|according|regarding|concerning)\b)"
    r"[a-z]{3,}ing\b"
)
# one person who speaks: "one survivor said", "one resident recalled how"
_SPEAKING_AFTER = LazyPattern(r"\s+[a-z]+\s+([a-z]+)\b")
_TELLING = {"described", "describes", "recalled", "recalls", "recounted", "recounts"}
# a figure the sentence talks about: "Six thousand, in my view, is far too high", "40,000
# is not right"
_TALKED_ABOUT = LazyPattern(r"\s*(?:,|[”\"]|\s(?:is|was|are|were|would\s+be)\b)")
_ANOTHER_BEFORE = LazyPattern(r"\b(?:another|a\s+further|further)\s+$", re.I)


def _state_of(text: str, figure: Figure) -> str | None:
    """The state a figure's count is in ("missing", "dead"), as its sentence says."""
    quantity = infer_quantity(text, figure.unit, figure.phrase, figure_text=figure.text)
    return quantity.state if quantity else None


# what a witness saw, right before its figure: "saw seven bodies", "had seen 40 dead"
_SEEN_BEFORE = LazyPattern(
    r"\b(?:I|he|she|we|they|witnesses|residents)\s+(?:\w+\s+){0,2}?(?:had\s+|have\s+)?"
    r"(?:saw|seen|witnessed|watched|spotted|counted)\s+$",
    re.I,
)
_BODIES = {"bodies", "dead", "corpses", "deaths", "body"}

# "$4bn of this money was lent by ...", "half of that sum": a part of what came before
_OF_THAT = LazyPattern(
    r"\bof\s+(?:this|that|these|those)\s+(?:money|sum|amount|total|figure|funds?|spending|"
    r"budget|cash|number|count|tally)\b"
)


# "Then 31 cases were registered at the clinics": a record kept by no
# one the sentence names, so by the source the count before came from
_RECORDED_UNSAID = LazyPattern(
    r"\b(?:were|was|have\s+been|had\s+been)\s+(?:also\s+)?(?:recorded|counted|registered|"
    r"documented|tallied)\b(?![^.;]*\bby\b)"
)


def _within_limit(candidate: Candidate) -> Candidate:
    """A claim's text is at most MAX_TEXT characters: a longer sentence (a table
    flattened into one line) gives each of its figures the words around it, so that
    thousands of proposals do not each carry the whole sentence."""
    sentence = candidate.sentence
    if len(sentence) <= MAX_TEXT:
        return candidate
    figure = candidate.figure
    at = candidate.at
    if at < 0 and figure is not None and figure.text:
        at = sentence.find(figure.text)
    start = max(0, at - _AROUND) if at >= 0 else 0
    end = min(len(sentence), (at if at >= 0 else 0) + _AROUND)
    start = sentence.rfind(" ", 0, start) + 1 if start else 0
    cut = sentence.find(" ", end)
    end = len(sentence) if cut < 0 else cut
    window = (
        ("…" if start else "") + sentence[start:end].strip() + ("…" if end < len(sentence) else "")
    )
    return replace(candidate, sentence=window, quote=window)


_AROUND = 300  # characters either side of a figure kept from an over-long sentence


def _read_sentence(
    sentence: Sentence, context: Context, position: int
) -> tuple[list[_Assigned], list[Located], Attribution | None]:
    """The sentence's figures with the attributions that govern them, the figures no
    attribution governs, and the speaker of a quotation the sentence closes."""
    text = sentence.text
    # "Have we given 100 crore doses?": a question asks, it claims nothing
    asked = bool(_ASKS.match(text)) and (
        text.rstrip().rstrip("\"”’'").endswith("?") or bool(_QUOTED_QUESTION.search(text))
    )
    figures = [] if asked else [f for f in locate_figures(text) if f.figure is not None]
    clauses = clauses_of(text)
    raw = []
    for clause in clauses:
        for found in attr.attributions(text[clause.start : clause.end]):
            found.start += clause.start
            found.end += clause.start
            raw.append((found.start, clause, found))
    # Resolved in reading order, each named source remembered at once, so that
    # "X ..., saying its networks had counted" finds X.
    main: Attribution | None = None  # the last named source before: a participle's subject
    main_clause: Clause | None = None
    for _, clause, found in sorted(raw, key=lambda item: item[0]):
        if found.kind == "participle":
            if main is None and (opening := attr.opening_body(text[clause.start : found.start])):
                # "The Treasury objects to X's estimates, and says ...": the body the
                # clause opens with, which said nothing before
                found = Attribution(opening, found.stance, "subject", found.start, found.end, False)
            elif main is None and (speaker := attr.opening_speaker(text[: found.start])):
                # "Governor Ana Obi queried the tally, stating that ...": the name the
                # sentence opens with, whose verb is no verb of saying
                found = Attribution(speaker[0], found.stance, "subject", found.start,
                                    found.end, speaker[1])  # fmt: skip
            elif main is None or (main_clause is not clause and main_clause.kind == "opening"):  # type: ignore[union-attr]
                continue  # "While X reported N, the inquiry found ..., confirming M": not X
            else:
                found = replace(main, stance=found.stance, start=found.start, end=found.end,
                                kind="participle")  # fmt: skip
        resolved = _resolve(found, context, position, text, sentence.quote_open, main)
        if resolved.claimant and resolved.kind not in ("unnamed", "participle", "possessive"):
            main, main_clause = resolved, clause
        clause.attributions.append(resolved)
        if resolved.claimant and resolved.kind in ("subject", "according", "end", "passive",
                                                   "record"):  # fmt: skip
            context.remember(resolved.claimant, resolved.person)
            # "a spokesman for X" stands before X's name, "an X spokesman" within it
            unnamed = _UNNAMED_SPEAKER.search(text, max(0, resolved.start - 30), resolved.end)
            if unnamed and not resolved.person:
                pronoun = {"man": "he", "woman": "she"}.get(unnamed.group(1))
                context.spokesperson(resolved.claimant, pronoun, position)
            if (
                resolved.kind in ("according", "passive")
                or attr.names_a_report(text[resolved.start : resolved.end])
                or attr.publishes(text, resolved.end)
            ):
                context.last_report = resolved.claimant
                # the report nouns of its own words, not of a clause after its name
                # ("counted by the ministry, the report said")
                reach = re.split(r"[,;.]", text[resolved.end : resolved.end + 40], maxsplit=1)[0]
                for word in text[resolved.start : resolved.end + len(reach)].split()[:12]:
                    if word.strip(".,;:’'\"").lower() in attr.REPORT_WORDS:
                        noun = attr.report_noun(word.strip(".,;:’'\""))
                        context.reports[noun] = resolved.claimant
    for clause in clauses:
        clause.attributions.sort(key=lambda a: (a.end, a.start))
    every = [a for c in clauses for a in c.attributions]
    # the sources of one figure each ("95% as the board had claimed"), read once
    said_as_one = {id(a) for a in every if _said_as(a, text)} if " as " in text else set()
    closing = None
    quote_end = max(text.rfind("”"), text.rfind('"') if text.count('"') else -1)
    if quote_end >= 0:
        after = [a for a in every if a.start >= quote_end and a.claimant]
        closing = after[0] if after else None
    relative = relative_spans(text)
    sentence_end = _sentence_source(clauses, text)
    listed_last = _last_listed(figures, text)
    starts = [f.start for f in figures]  # in reading order
    assigned: list[_Assigned] = []
    loose: list[Located] = []
    previous: Attribution | None = None
    previous_figure: Located | None = None
    interrupted: Attribution | None = None  # the source of the clause a "sub" one breaks
    for index, clause in enumerate(clauses):
        own = clause.attributions
        piece = text[clause.start : clause.end]
        inherited: Attribution | None = None
        if clause.kind == "sub":
            interrupted = previous or sentence_end
        if not own:
            if clause.kind == "resume":
                inherited = interrupted  # "X's estimates, when Y said N, rose to M": X's
            elif clause.kind == "continue" or (
                clause.kind in ("contrast", "sub")
                # "X said that while Lora saw N, ...": what X said, whoever acts in it
                and (not _new_actor(text, clause) or _THAT_BEFORE.search(text, 0, clause.start))
            ):
                inherited = previous or sentence_end
            elif clause.kind == "first":
                inherited = sentence_end or _closing_speaker(clauses[index + 1 :], text)
        near = _Near(own, clause, text, starts)
        for located in figures[bisect_left(starts, clause.start) : bisect_left(starts, clause.end)]:
            # "two army sources had confirmed", "Two residents said": who speaks, not
            # what they count
            skip = _not_a_claim(located, previous_figure, text, relative, near) or any(
                a.kind in ("subject", "record")
                and a.start <= located.end + 1
                and located.end <= a.end
                for a in near.around(located.start, located.end + 1)
            )
            if not skip and (located.figure.unit or "").lower() in attr.CLAIMANT_HEADS:
                # "Norland's two main unions, KLT and SDA, said": the speakers, named
                skip = any(
                    a.kind == "subject" and _NAMED_NEXT.fullmatch(text, located.end, a.start)
                    for a in near.around(located.end, located.end + _NAMED_REACH)
                ) or _speakers_counted(text, located)
            previous_figure = located
            if skip:
                continue

            # a verb may end inside the figure's qualifier: "X estimated $35bn" reads
            # "estimated $35bn" as one figure
            before = near.before(located)
            # "93% as the poll board had claimed": that figure's source, and no other's
            said_as = [a for a in near.after(located, located.end + _TIGHT_REACH)
                       if id(a) in said_as_one and _AS_SAID.fullmatch(text, located.end, a.start)]  # fmt: skip
            after = next((a for a in near.after(located) if id(a) not in said_as_one), None)
            given = None if id(inherited) in said_as_one else inherited
            chosen = said_as[0] if said_as else before or after or given
            # figures listed together share what closes the list: "40% and 65% full,
            # according to X"
            last = listed_last[located.start]
            tight = next(
                (
                    a
                    for a in near.after(located, last.end + _TIGHT_REACH)
                    if (
                        {"according", "after", "possessive"} & {a.kind, a.form}
                        and a.start - last.end <= 14
                        # not across "although": "put it at 90,000 although, according to X"
                        and not _CONTRAST.search(text, last.end, a.start)
                    )
                    or ("passive" in (a.kind, a.form) and a.start - last.end <= 30)
                    or _relative_source(a, last, text)
                ),
                None,
            )
            if tight and not said_as and id(tight) not in said_as_one:
                chosen = tight  # "12,000 according to the police, 48,000 according to ..."
            if chosen is not None and (
                "record" in (chosen.kind, chosen.form)
                # a passive far from the figure gives another noun: "N job cuts will
                # follow the cuts announced by X, unions said"
                or ("passive" in (chosen.kind, chosen.form) and chosen.start - located.end > 30)
            ):
                # a source turned round after a comma: "X has recorded N, the WHO said"
                chosen = near.speaker_after(located) or chosen  # the WHO's claim
            if (
                chosen is not None
                and (
                    (chosen.kind == "pronoun" and chosen.claimant is None)
                    or (chosen.kind == "reference" and closing is not None)
                )
                and _inside_quote(text, chosen.start, sentence.quote_open)
            ):
                # "they said" inside a quotation: the speaker reports it, and denies
                # it where it was "falsely" said; "this study concludes" is the
                # speaker's own study
                inner = chosen
                chosen = closing or near.last_after(located)
                if chosen is not None and inner.denial_marker:
                    chosen = replace(chosen, stance="denies")
            if (
                chosen is not None
                and (chosen.claimant or "").lower().removeprefix("the ") in _OWN_POLITY
                and (speaker := _speaker_before(every, chosen, text)) is not None
            ):
                chosen = speaker  # "Ivo Lanz said the state had counted N": his word
            if chosen is None:
                loose.append(located)
                continue
            if chosen.claimant is None:
                continue  # an unnamed source, or a pronoun nothing resolves
            assigned.append(_Assigned(located, chosen, piece, chosen is inherited, clause.start))  # fmt: skip
        if own:
            previous = own[-1]
        # A denial with no figure of its own in the clause: "..., Israel disputes figures".
        # When it points back at a figure another source gave ("..., however, Pakistan
        # denied this"), it denies that figure.
        denial = next((a for a in own if a.stance == "denies" and a.claimant), None)
        if denial is not None and _DENIED_BEFORE.search(text, 0, denial.start):
            denial = None  # "confirming figures that it had once denied": denied no more
        if denial is not None and not any(item.attribution is denial for item in assigned):
            denied = None
            named = _DENIED_NAMED.match(text, denial.end)
            if named:
                # "denied the 900 figure", "dismissed reports that 3,000 jobs would go": the
                # figure it names, which is no claim of its own
                denied = next((f for f in figures if named.start() < f.start <= named.end()), None)
            elif _POINTS_BACK.match(text, denial.end):
                earlier = [i for i in assigned if i.located is not None
                           and i.attribution.claimant != denial.claimant]  # fmt: skip
                denied = earlier[-1].located if earlier else None
            assigned.append(_Assigned(denied, denial, piece, False, clause.start))  # type: ignore[arg-type]
    if _RESPECTIVELY.search(text):
        assigned = _each_its_own(assigned)
    return assigned, loose, closing


# The polity a person in office speaks for, named only by its kind: "the state has
# recorded", "the city counted"
_OWN_POLITY = {"state", "city", "country", "nation", "province", "county", "region"}


def _speaker_before(every: list[Attribution], nested: Attribution, text: str) -> Attribution | None:
    """The named person whose verb of saying has the bare polity's clause for its
    object: "Ivo Lanz said (that) the state had recorded"; not "Ana Obi said the plan
    failed, while the state said"."""
    return next(
        (
            a
            for a in every
            if a.claimant and a.person and _SAID_THE.fullmatch(text, a.end, nested.start)
        ),
        None,
    )


_SAID_THE = LazyPattern(r"\s+(?:that\s+)?(?:the\s+)?")


# "93% as the poll board had claimed": the figure is the one that board gave
# (past the figure's noun: "not 60 people as the army had claimed")
_AS_SAID = LazyPattern(r"(?:\s+[a-z]+){0,2}\s*,?\s+as\s+(?:(?:the|an?)\s+)?(?:[\w'’-]+\s+){0,3}")
_AS_BEFORE = LazyPattern(
    r"(?:\d%?|\b(?:percent|per\s+cent))(?:\s+[a-z]+){0,2}\s*,?\s+as\s+(?:(?:the|an?)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}$"
)


def _said_as(attribution: Attribution, text: str) -> bool:
    """The attribution is a figure's "as X had claimed", which gives no other figure."""
    if attribution.kind not in _SPEAKING or " " not in text[attribution.start : attribution.end]:
        return False  # "not 340 as first reported": no source of its own
    return bool(_AS_BEFORE.search(text, max(0, attribution.start - 48), attribution.start))


# What a source now confirms that it denied before: "..., confirming figures that it
# had once denied", "admitted the figures it had denied"
_DENIED_BEFORE = LazyPattern(
    r"\b(?:confirm|acknowledg|admit|conced)\w*\s+(?:the\s+|what\s+)?(?:(?!but\b|and\b|yet\b)[a-z'’-]+\s+){0,3}?"
    r"(?:that\s+|which\s+)?(?:it|he|she|they)\s+$"
)
_RESPECTIVELY = LazyPattern(r"\brespectively\b")
_CONTRAST = LazyPattern(r"\b(?:although|though|but|while|whereas|yet)\b")
_JOINED_NAMES = LazyPattern(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _each_its_own(assigned: list[_Assigned]) -> list[_Assigned]:
    """Figures given "respectively" by sources named together: in "A and B reported
    14 and 15 deaths, respectively", 14 is A's and 15 is B's."""
    groups: dict[tuple[int, int], list[int]] = {}
    for index, item in enumerate(assigned):
        if item.located is not None:
            groups.setdefault((item.attribution.start, item.attribution.end), []).append(index)
    out = list(assigned)
    ends: dict[int, list[_Assigned]] = {}  # a range split into its two sources' figures
    for indexes in groups.values():
        attribution = assigned[indexes[0]].attribution
        names = _JOINED_NAMES.split(attribution.claimant or "")
        if not all(names) or _one_name(names):
            continue
        located = assigned[indexes[0]].located
        if len(names) == 2 and len(indexes) == 1 and located and located.figure.qualifier == RANGE:
            # "between 300,000 and 800,000 (police and organisers respectively)"
            ends[indexes[0]] = [
                replace(assigned[indexes[0]], located=located._replace(figure=end),
                        attribution=replace(attribution, claimant=name))
                for end, name in zip(_range_ends(located.figure), names, strict=True)
            ]  # fmt: skip
            continue
        if len(names) < 2 or len(names) != len(indexes):
            continue
        for index, name in zip(indexes, names, strict=True):
            out[index] = replace(assigned[index], attribution=replace(attribution, claimant=name))
    return [item for index, one in enumerate(out) for item in ends.get(index, [one])]


_RANGE_JOINT = LazyPattern(r"\s*(?:\band\b|\bto\b|[-–—~])\s*")
_RANGE_OPENING = LazyPattern(r"^(?:between|from)\s+", re.I)
_SCALE_WRITTEN = LazyPattern(r"(?<=\d)\s*(?:thousand|million|billion|trillion|bn|m|k)\b", re.I)


def _range_ends(figure: Figure) -> tuple[Figure, Figure]:
    """A range's two ends as figures of their own: "between 1 and 2 million" is 1
    million and 2 million."""
    parts = _RANGE_JOINT.split(_RANGE_OPENING.sub("", figure.text), maxsplit=1)
    low_text, high_text = parts if len(parts) == 2 else (figure.text, figure.text)
    scale = _SCALE_WRITTEN.search(high_text)
    if scale and not _SCALE_WRITTEN.search(low_text):
        low_text += scale.group()  # the scale both ends share
    return (
        replace(figure, high=figure.low, qualifier=EXACT, text=low_text),
        replace(figure, low=figure.high, qualifier=EXACT, text=high_text),
    )


_ACRONYM_SPEAKERS = LazyPattern(r"([A-Z]{2,6})(?:\s+(?:officials?|sources?|spokes\w+))?")


def _as_known(name: str, known: dict[str, str]) -> str:
    """A name as the store writes the known source it is: the same key, else an
    acronym of it or another spelling of it ("Defence" for "Defense"); else as read."""
    if not known:
        return name
    return (
        known.get(source_key(name))
        or _spelled_out(name, known)
        or _known_variant(name, known)
        or name
    )


def _spelled_out(claimant: str | None, known: dict[str, str]) -> str | None:
    """The known source an acronym stands for, by its initials: "DGHS" or "DGHS
    officials" for a stored "Directorate General of Health Services"; only when one
    known source has them."""
    match = _ACRONYM_SPEAKERS.fullmatch(claimant or "")
    if match is None:
        return None
    letters = match.group(1)
    found = {
        name
        for name in known.values()
        if len(name.split()) >= len(letters)
        and "".join(w[0] for w in name.split() if w.lower() not in attr.NAME_JOINS).upper()
        == letters
    }
    return found.pop() if len(found) == 1 else None


# Between the parts of a list: "30,000 in Lora, 5,000 in Vesk and 4,000 in Tarn"
_PART_LISTED = LazyPattern(
    r"(?:\s+(?:in|at|from|for)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
)
_SPELLINGS = (
    (LazyPattern(r"(?<=\w\w)is(e|es|ed|er|ers|ing|ation|ations)\b"), r"iz\1"),  # organiser
    (LazyPattern(r"(?<=\w\w)our(s|ed)?\b"), r"or\1"),  # labour, harbour
    (LazyPattern(r"(?<=\w\w)ence\b"), "ense"),  # defence
)
_EVENT_ORGANISERS = (
    LazyPattern(r"^(?:rally|march|protest|strike|demonstration|event)\s+(?=organizers?\b)"),
    LazyPattern(r"(?<=organizers) of the (?:rally|march|protest|strike|demonstration|event)s?$"),
)


@lru_cache(maxsize=65536)
def _variant_key(name: str) -> str:
    """A source's key with British and American spellings made one ("organisers",
    "organizers"; "Defence", "Defense") and the event an organiser's name gives
    dropped ("rally organizers", "organizers of the protest")."""
    key = source_key(name)
    for pattern, spelt in _SPELLINGS:
        key = pattern.sub(spelt, key)
    for pattern in _EVENT_ORGANISERS:
        key = pattern.sub("", key)
    return key


def _known_variant(claimant: str | None, known: dict[str, str]) -> str | None:
    """The known source a claimant is another spelling of, when one is."""
    if not claimant:
        return None
    wanted = _variant_key(claimant)
    found = {name for name in known.values() if _variant_key(name) == wanted}
    if not found:
        # "Egyptian health ministry" for a stored "Ministry of Health": one body's name
        # with more words, or fewer, and the same head; never a bare "police"
        words, head = _body_words(wanted)
        if head is not None:
            for name in known.values():
                other, other_head = _body_words(_variant_key(name))
                if (
                    other_head == head
                    and min(len(words), len(other)) >= 2
                    and (words <= other or other <= words)
                    # only whose it is may differ: "Egyptian health ministry", not
                    # "Velden health ministry" or "... Health and Sanitation"
                    and (words ^ other) <= _nation_words()
                ):
                    found.add(name)
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def _nation_words() -> frozenset[str]:
    """The words that say only whose a body is: countries' names and demonyms."""
    countries, _ = place_names()
    return frozenset(w for name in (*countries, *demonyms().values()) for w in name.lower().split())


@lru_cache(maxsize=4096)
def _body_words(key: str) -> tuple[frozenset[str], str | None]:
    """A body's words and its head noun, "X of Y" read as "Y X": "ministry of health"
    is {health, ministry}, headed "ministry"; a name headed by no body noun has none."""
    first, _, rest = key.partition(" of ")
    head = first.split()[-1] if first else ""
    words = frozenset(w for w in f"{rest} {first}".split() if w not in attr.NAME_JOINS)
    return words, (head if head in attr.BODY_HEADS else None)


def _one_name(names: list[str]) -> bool:
    """Whether names joined by "and" are one organisation's: "Health and Safety
    Council", a single word before a name its head noun ends (not "Lora and Vesk",
    "the union and the ministry", "Red Cross and UN")."""
    first, last = names[0].split(), names[-1].split()
    return (
        len(first) == 1
        and first[0][:1].isupper()
        and not first[0].isupper()
        and not attr.is_head(first[0].lower())
        and len(last) > 1
        and attr.is_head(last[-1].lower())
    )


_SPEAKING = ("subject", "end", "reference", "pronoun", "role")
# How far past a figure what names its speakers can stand ("unions, KLT and SDA,
# said": three words and a comma), and a source that closes a list of figures.
_NAMED_REACH = 120
_TIGHT_REACH = 40


_YEAR_AFTER = LazyPattern(r"\s*\d{4}\b")


def _first_comma(text: str, start: int, end: int) -> int:
    """The first comma in text[start:end] that is no date's ("March 3, 2019"), or -1."""
    at = text.find(",", start, end)
    while at > 0 and text[at - 1].isdigit() and _YEAR_AFTER.match(text, at + 1):
        at = text.find(",", at + 1, end)
    return at


class _Near:
    """A clause's attributions, in their order (by where they end), found around a
    figure by bisection: a clause of thousands of sources is read in linear time,
    each figure looking only at the attributions near it."""

    def __init__(
        self, attributions: list[Attribution], clause: Clause, text: str, starts: list[int]
    ) -> None:
        self.items = attributions
        self.ends = [a.end for a in attributions]
        self.span = max((a.end - a.start for a in attributions), default=0)
        self.starts = starts  # of the sentence's figures
        first = attributions[0] if attributions else None
        # "X's estimate of the damage is N": a possessive the clause opens with
        self.opening = first if first and first.start <= clause.start + 4 else None
        self.first_comma = _first_comma(text, first.end, clause.end) if first else -1
        # where the named sources that speak after a comma stand: ", the WHO said"
        self.speakers = [
            k
            for k, a in enumerate(attributions)
            if a.claimant
            and a.kind in _SPEAKING
            and _AFTER_A_COMMA.search(text, max(0, a.start - 12), a.start)
        ]

    def speaker_after(self, located: Located) -> Attribution | None:
        """The first source after the figure that speaks after a comma."""
        first = bisect_left(self.speakers, bisect_left(self.ends, located.end))
        for k in self.speakers[first:]:
            if self._follows(self.items[k], located):
                return self.items[k]
        return None

    def around(self, low: int, high: int) -> list[Attribution]:
        """Those that overlap [low, high]."""
        first = bisect_left(self.ends, low)
        last = bisect_right(self.ends, high + self.span)
        return [a for a in self.items[first:last] if a.start <= high]

    def ends_within(self, low: int, high: int) -> bool:
        k = bisect_left(self.ends, low)
        return k < len(self.ends) and self.ends[k] <= high

    def _governs(self, a: Attribution, located: Located) -> bool:
        """A possessive governs only the figure it is written with ("X's count of N",
        "N by X's count"), not one further on ("..., not in X's report, as well as
        N"), or the one its clause opens with, before any comma."""
        return a.kind != "possessive" or (
            0 <= located.start - a.end <= 25
            or 0 <= a.start - located.end <= 25
            or (a is self.opening and not 0 <= self.first_comma < located.start)
        )

    def _follows(self, a: Attribution, located: Located) -> bool:
        """After the figure; a passive governs the figure it follows ("the tally of 32
        given by X"), not one further back ("64 drowned, twice the tally of 32 given
        by X")."""
        if a.start < located.end or not self._governs(a, located) or a.form == "absolute":
            return False  # (", with police reporting ...": what follows it)
        if "passive" not in (a.kind, a.form):
            return True
        k = bisect_left(self.starts, located.end)
        return k == len(self.starts) or self.starts[k] >= a.start

    def before(self, located: Located) -> Attribution | None:
        """The last that ends before the figure, or within it ("estimated $35bn")."""
        top = bisect_right(self.ends, located.start + self.span)
        for k in range(top - 1, -1, -1):
            a = self.items[k]
            if (a.end <= located.start or a.start < located.start < a.end) and self._governs(
                a, located
            ):
                return a
        return None

    def after(self, located: Located, until: int | None = None) -> Iterator[Attribution]:
        """Those after the figure (that start by `until`), in order."""
        stop = len(self.items) if until is None else bisect_right(self.ends, until + self.span)
        for k in range(bisect_left(self.ends, located.end), stop):
            a = self.items[k]
            if (until is None or a.start <= until) and self._follows(a, located):
                yield a

    def last_after(self, located: Located) -> Attribution | None:
        for k in range(len(self.items) - 1, bisect_left(self.ends, located.end) - 1, -1):
            if self._follows(self.items[k], located):
                return self.items[k]
        return None


_DENIED_NAMED = LazyPattern(
    r"\s+(?:the\s+(?=[$€£]?\d)|(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:figure|claim|number|toll|"
    r"estimate|count|tally|assessment)s?\s+(?:of\s+|that\s+(?:[a-z]+\s+){0,2})(?=[$€£]?\d)|"
    r"(?:media\s+|the\s+|[a-z]+\s+)?(?:reports|claims|suggestions)\s+that\s+(?:[a-z]+\s+){0,7}"
    r"(?=[$€£]?\d)|"
    r"that\s+(?=[$€£]?\d))",
    re.I,
)
_NO_OBJECT = LazyPattern(r"\s*(?:[.,;)]|$)")
_AFTER_A_COMMA = LazyPattern(r",\s*(?:the\s+)?$", re.I)
# What a denial points back at: "denied this", "rejected the figure", "disputes those numbers".
_POINTS_BACK = LazyPattern(
    r"\s+(?:this|that|it|these|those|(?:the|these|those|this|that)\s+(?:claims?|figures?|"
    r"numbers?|reports?|tolls?|estimates?|counts?|allegations?|assertion))\b"
)


_LISTED_WITH = LazyPattern(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*")


def _last_listed(figures: list[Located], text: str) -> dict[int, Located]:
    """For each figure (by its start), the last of the figures listed with it ("40%,
    55% and 65%"): one pass from the end, so that a sentence of thousands of figures
    is read in linear time."""
    ordered = sorted(figures, key=lambda f: f.start)
    last: dict[int, Located] = {}
    following: Located | None = None
    for located in reversed(ordered):
        listed = (
            following is not None
            and following.start >= located.end
            and bool(_LISTED_WITH.fullmatch(text, located.end, following.start))
        )
        last[located.start] = last[following.start] if listed else located  # type: ignore[union-attr]
        following = located
    return last


def _may_count(figure: Figure, other: Figure) -> bool:
    """Whether a bare figure may count what OTHER counts: a count in the thousands is
    no share ("38 percent of voters ... The ministry put the figure at 9,500")."""
    return not (normalise_unit(other.unit) == "percent" and (figure.high or figure.low) > 1000)


def _relative_source(attribution: Attribution, located: Located, text: str) -> bool:
    """ "the $12 billion the president had cited": a relative clause left unmarked,
    whose verb has the figure for its object."""
    return (
        attribution.kind in ("subject", "role", "reference")
        and 0 <= attribution.start - located.end <= 40
        and not any(c in ",;:(" for c in text[located.end : attribution.start])
        and bool(
            _NO_OBJECT.match(text, attribution.end)
            or _OBJECT_ELSEWHERE.match(text, attribution.end)
        )
    )


# "the 12,000 troops the minister said were ready", "the 5.1 million votes the board
# said Ruiz had won": the figure is what the reported clause is about.
_OBJECT_ELSEWHERE = LazyPattern(
    r"\s+(?:(?:[A-Z][\w'’-]+\s+){1,3}|(?:he|she|they|it)\s+)?(?:had|has|have|was|were|is|are|"
    r"would|will)\s+(?:been\s+)?[a-z]+\b\s*(?:[.,;)]|$|(?:in|at|by|on|for|to|from|as)\b)"
)


_THAT_BEFORE = LazyPattern(r"\bthat\s*(?:while|although|though|whereas|even\s+as)?\s*$")


def _new_actor(text: str, clause: Clause) -> bool:
    """A contrast whose subject is someone else: "..., while Rome sent 80 medics" is
    no longer what the first source said; "..., while 572 others were captured" is."""
    words = text[clause.start : clause.end].split(None, 2)
    if len(words) >= 2 and words[0].isalpha() and words[1] in attr.VERBS:
        return True  # "..., but residents fear the toll is in the hundreds": they speak
    first = words[:1]
    return bool(first) and first[0][:1].isupper() and first[0].lower() not in ("the", "a", "an")


# What may follow the attribution that ends a sentence: when and where it was said
# ("..., the council said on its website early on Monday.").
_NAME_FOLLOWS = LazyPattern(r"\s*(?:the\s+)?")
_ONLY_WHEN_OR_WHERE = LazyPattern(
    # and the short name in brackets after a name: "..., according to the Centre (NCM)."
    r"(?:\s*\([A-Za-z.&-]{2,12}\))?"
    # whom it was told: "..., the governor told reporters."
    r"(?:\s+(?:reporters|journalists|the\s+press|the\s+media|parliament|lawmakers|[A-Z][\w.&-]+)"
    r"(?=[\s.,”\"’]|$))?"
    r"(?:\s+(?:on|in|at|late|early|via|through|during|last|this|yesterday|today|earlier|"
    r"later)\b[^,;\d]{0,60})?[\s.”\"’]*"
)


_TURNED_ROUND = LazyPattern(r",\s*(?:the\s+)?$")


def _closing_speaker(following: list[Clause], text: str) -> Attribution | None:
    """The speaker that closes the subordinate clause after the first, turned round
    after a comma: "At least 42 died when the ferry sank, the governor said, while a
    rescue group put the toll at 61" gives the 42 to the governor."""
    if not following or following[0].kind != "sub" or not following[0].attributions:
        return None
    clause, last = following[0], following[0].attributions[-1]
    if (
        last.claimant
        and _TURNED_ROUND.search(text, max(clause.start, last.start - 8), last.start)
        and not text[last.end : clause.end].strip(' ,.;”"’')
    ):
        return last
    return None


def _sentence_source(clauses: list[Clause], text: str) -> Attribution | None:
    """The source a whole sentence gives: the first clause's subject ("He said ...")
    or the attribution it ends with ("..., police said.")."""
    last = clauses[-1].attributions
    if last and last[-1].claimant:
        end = last[-1].end
        if last[-1].kind in ("according", "passive"):
            # the name follows its words: "..., according to data compiled by X (XM)."
            name = _NAME_FOLLOWS.match(text, end)
            if name and text.startswith(last[-1].claimant, name.end()):
                end = name.end() + len(last[-1].claimant)
        if end >= len(text.rstrip(' .”"’')) - 2 or _ONLY_WHEN_OR_WHERE.fullmatch(text, end):
            return last[-1]
    # an opening clause ("While X reported N, ...") has a source of its own, or none
    first = next((c for c in clauses if c.kind != "opening"), clauses[0]).attributions
    if first and first[0].kind in ("subject", "pronoun", "reference", "role") and first[0].claimant:
        return first[0]
    return None


def _inside_quote(text: str, position: int, opened: bool) -> bool:
    """Whether `position` stands inside a quotation (`opened`: one runs into the text)."""
    inside = opened
    for char in text[:position]:
        if char == "“" or (char == '"' and not inside):
            inside = True
        elif char in '”"':
            inside = False
    return inside


_OR_FOLLOWS = LazyPattern(r"\s*,?\s+or\b")
_ALTERNATIVE = LazyPattern(r"\s*(?:,|or|,?\s+or\s+(?:maybe|perhaps|even|possibly))\s*$")


def _not_a_claim(
    located: Located,
    previous: Located | None,
    text: str,
    relative: list[tuple[int, int]],
    near: _Near,
) -> bool:
    """Figures a sentence gives that are no claim of its source."""
    if located.baseline and not located.earlier:
        # unless the baseline names its own source: "the $2.1 billion put forward by X",
        # "than the $12 billion the president had cited"
        own = near.around(located.start - 30, located.end + 40)
        by_after = _BY_AFTER.match(text, located.end)
        return not any(
            (
                a.kind in ("passive", "possessive")
                or a.form == "passive"
                or by_after is not None
                and by_after.end() <= a.end  # "the 120 given by the mayor"
            )
            and abs(a.start - located.end) < 30
            for a in own
        ) and not any(
            (a.kind == "possessive" and 0 <= located.start - a.end < 8)
            or _relative_source(a, located, text)
            for a in own
        )
    if (
        located.figure.text.lower() == "one"
        and not (located.figure.unit or "s").endswith("s")
        and _SHOWN_BEFORE.search(text, max(0, located.start - 12), located.start)
        and _DOING_AFTER.match(text, located.end)
    ):
        return True  # "a video showed one rioter scaling a fence": someone seen
    if (
        located.figure.text.lower() == "one"
        and not (located.figure.unit or "s").endswith("s")
        and (speaking := _SPEAKING_AFTER.match(text, located.end))
        and (speaking.group(1) in attr.VERBS or speaking.group(1) in _TELLING)
    ):
        return True  # "One survivor recalled how ...": someone who speaks, no count
    for start, end in relative:
        if (
            start < located.start < end
            and not near.ends_within(start, end)
            and not _HARM_BEFORE.search(text, start, located.start)
            and not _DREW_BEFORE.search(text, start, located.start)
            and not (
                _TO_BEFORE.search(text, max(0, located.start - 30), located.start)
                and _CHANGED_COUNT.search(text, max(0, start - 80), start)
            )
        ):
            # "protests which spread to 35 counties", not "which fell, killing 40", nor "raised
            # the toll from the floods that hit the coast to 60" (the count's new figure)
            return True
    if (located.figure.unit or "").lower() in _MENTIONS or _MENTION_BEFORE.search(
        text, max(0, located.start - 40), located.start
    ):
        # "the 2,000 figure", "the number of 1,500": a figure talked about, unless the
        # words after it say whose it is ("the figure of 2,000 cited by the army")
        return not any(
            a.kind == "passive" and 0 <= a.start - located.end < 30
            for a in near.around(located.end, located.end + 30)
        )
    if located.figure.unit in MEASURES and previous is not None and previous.figure.unit:
        return True  # "a dozen patients ... with temperatures above 40C": a description
    if (located.figure.unit or "").lower() in _DISTANCES:
        return True  # "the rebels were 60 km from the city": where, not a count
    if (
        located.figure.unit in CURRENCIES
        and previous is not None
        and previous.figure.unit in CURRENCIES
        and _CONVERTED.fullmatch(text, previous.end, located.start)
    ):
        return True  # "5 billion rand (US$340 million)": the same amount, converted
    if _SCOPE_BEFORE.search(text, max(0, located.start - 12), located.start):
        return True  # "in two villages", "across ten provinces": where, not how many
    if _SUPPOSED_BEFORE.search(text, max(0, located.start - 40), located.start):
        return True  # "said that if more than 100,000 marched": supposed, not claimed
    figure = located.figure
    if (
        figure.unit is None
        and figure.qualifier == "exact"
        and figure.low <= 120
        and _NAME_AND_COMMA.search(text, max(0, located.start - 40), located.start)
        and _AGE_ENDS.match(text, located.end)
    ):
        return True  # "said Ana Obi, 55, who ...": an age
    if _RANK_BEFORE.search(text, max(0, located.start - 8), located.start):
        return True  # "one of the top three fires": a rank, not a count
    if _MEMBER_OF.search(text, max(0, located.start - 40), located.start) and _MEMBERS.match(
        text, located.end
    ):
        return True  # "Ana Obi, one of the union's 12 board members": who she is
    if _CHANGED_BY.search(text, max(0, located.start - 130), located.start):
        return True  # "lowered the toll by more than 100": how much a count moved
    if previous is not None and not located.figure.unit and previous.end <= located.start:
        between = text[previous.end : located.start]
        noun = previous.figure.phrase or ""
        if noun and between.lstrip().startswith(noun):
            between = between.lstrip()[len(noun) :]  # "4,000 people, 5,000 or maybe 6,000"
        # "30,000, 35,000 or perhaps 40,000": the same claim again; a bare comma only
        # where the "or" follows ("Out of 2,000 workers, 1,400 joined" is two claims)
        comma = between.strip() == ","
        if (comma and _OR_FOLLOWS.match(text, located.end)) or (
            not comma
            and (len(between) < 16 and _ALTERNATIVE.match(between + " ") or between.strip() == "or")
        ):
            return True
    return bool(_WHOLE_BEFORE.search(text, max(0, located.start - 30), located.start))


_CONVERTED = LazyPattern(r"\s*[(\[]\s*(?:about|around|roughly|some|approximately|or|nearly)?\s*")
_HARM_BEFORE = LazyPattern(
    r"\b(?:killing|injuring|wounding|leaving|claiming\s+the\s+lives\s+of)\s+"
    r"(?:at\s+least\s+|some\s+|about\s+|more\s+than\s+|over\s+|nearly\s+)?$"
)
# ... and what an event drew: "rallies that attracted more than 3 million people"
_DREW_BEFORE = LazyPattern(
    r"\b(?:attracted|attracting|drew|drawn|drawing|brought\s+out|pulled\s+in|mobili[sz]ed)\s+"
    r"(?:(?:at\s+least|some|about|around|more\s+than|over|nearly|up\s+to|as\s+many\s+as)\s+)?$"
)
_MENTIONS = {"figure", "figures", "number", "estimate", "toll", "count", "mark", "threshold",
             "target", "limit", "benchmark", "level", "barrier"}  # fmt: skip
# ... and the figures of nobody the sentence names, compared with: "twice the official
# toll of 900", "above the reported count of 1,20,000"
_MENTION_BEFORE = LazyPattern(
    r"\b(?:(?:the|this|that)\s+(?:figure|number)|the\s+(?:official|reported|government|public)\s+"
    r"(?:death\s+)?(?:toll|count|figures?|tally))\s+of\s+$",
    re.I,
)
_RANK_BEFORE = LazyPattern(r"\btop\s+$", re.I)
# one of a body's own members: "one of the union's 12 board members", "one of its nine judges"
_MEMBER_OF = LazyPattern(r"\bone\s+of\s+(?:its|their|his|her|our|(?:the\s+)?[\w-]+['’]s)\s+$", re.I)
# ... of the members a body has, not of what it counts ("one of the city's 12 hospitals")
_MEMBERS = LazyPattern(
    r"\s+(?:[a-z-]+\s+)?(?:members|judges|justices|directors|commissioners|ministers|trustees|"
    r"leaders|delegates|deputies|lawmakers|senators|councillors|councilors|partners|founders)\b"
)
_CHANGED_BY = LazyPattern(
    r"\b(?:lowered|raised|reduced|increased|cut|revised|decreased|rose|risen|fell|fallen|"
    r"dropped|climbed|grew|grown|jumped|shrank|down|up)\b[^,;.:]{0,100}\bby\s+$",
    re.I,
)
# ... but "brought in 7 million": a verb and its particle
_DISTANCES = {"km", "kms", "kilometres", "kilometers", "miles", "mile", "metres", "meters",
              "feet", "ft", "yards", "mi"}  # fmt: skip
_SCOPE_BEFORE = LazyPattern(
    r"(?<!brought )(?<!took )(?<!drew )(?<!pulled )(?<!raked )(?<!sent )(?<!poured )"
    r"\b(?:in|across|throughout|into)\s+$"
    # where the figures come from: "data from 12 hospitals", "reports from 30 districts"
    r"|\b(?:data|figures|reports|records|returns|tallies|statistics)\s+from\s+(?:the\s+)?$"
)
# A sentence that is a question from its first word: "“Have we ...?”", "Why did ...?"
_ASKS = LazyPattern(
    r"\s*[\"“‘']?\s*(?:have|has|had|did|do|does|is|are|was|were|why|how|what|who|which|can|"
    r"could|will|would|should|where|when)\b",
    re.I,
)
_QUOTED_QUESTION = LazyPattern(r"\?[\"”’']")  # "“Have we ...?” said X"
_NEXT_WORD = LazyPattern(r",?\s+([a-z]+)\b")  # (a stray comma: "One party, said")


def _speakers_counted(text: str, located: Located) -> bool:
    """ "one senior minister said", "two officials told": how many spoke, no claim."""
    phrase = located.figure.phrase or located.figure.unit or ""
    at = located.end + 1
    if not phrase or not text.startswith(phrase, at):
        return False
    verb = _NEXT_WORD.match(text, at + len(phrase))
    return (
        verb is not None
        and verb.group(1) in attr.VERBS
        # "only 600 workers reported for work": who came is the count
        and not attr.turned_up(text, verb.end(), verb.group(1))
    )


_NAMED_NEXT = LazyPattern(r"(?:\s+[a-z][\w-]*){1,3},\s*")
_SUPPOSED_BEFORE = LazyPattern(r"\b(?:[Ii]f|[Uu]nless|[Ww]hether)\s+(?:[\w'’-]+\s+){0,5}$")
_NAME_AND_COMMA = LazyPattern(r"\b[A-Z][\w'’.-]*\s+[A-Z][\w'’-]+,\s*$")  # a person's name
_AGE_ENDS = LazyPattern(r"\s*(?:,|\)|\.(?!\d)|$)")
# "... of the overall bill of $6.5 billion", "900 of the 1,300": the whole a part
# is taken from, given only to say what it is a part of.
_WHOLE_BEFORE = LazyPattern(
    r"\b(?:out\s+of|of\s+(?:the|a|an|its|their)\s+(?:total|overall|whole)\b(?:\s+[a-z]+)?"
    r"(?:\s+of)?)\s+$"
)


def _called_a_person(attribution: Attribution, context: Context) -> bool:
    known = context.person_named(attribution.claimant or "") if attribution.person else None
    return known is not None and known.pronoun is not None


def _resolve(
    found: Attribution,
    context: Context,
    position: int,
    text: str,
    opened: bool,
    subject: Attribution | None = None,
) -> Attribution:
    """An attribution with its claimant named: pronouns, back-references, roles and
    possessives resolved against what the article has named so far."""
    if found.claimant is not None and found.kind not in ("role",):
        name = context.full_name(found.claimant)
        name = context.governed(name, text)
        words = name.split()
        if (
            words
            and words[-1].islower()
            and not any(
                w[:1].isupper() and not w.endswith(("'s", "’s")) and not _HYPHENED.fullmatch(w)
                for w in words
            )
        ):
            # a description ("France's undertakers", "the researcher") the article
            # gives one name for
            name = (
                context.described(
                    words[-1],
                    (w for w in words[:-1] if w.islower() and w not in attr.PICKING_WORDS),
                )
                or context.role(name, position)
                or (
                    # "the rights group's figure": the group named before, when the
                    # words before the noun fit its name ("the national disaster
                    # agency's figure" after the police is a new source)
                    _named_before(context, words)
                    if found.kind == "possessive" and words[-1] in attr.BACK_REFERENCES
                    else None
                )
                or name
            )
        # "Dorn said" after "Ilse Dorn, prosecutor for ...": that person, whom a
        # later "he said" means
        person = found.person or (name != found.claimant and context.person_named(name) is not None)
        return replace(found, claimant=name, person=person)
    if found.kind == "pronoun" and _inside_quote(text, found.start, opened):
        return found  # "“They falsely said 90,000,” X said": X reports, and denies, it
    word = (found.pronoun or "").lower()
    claimant: str | None = None
    person = False
    if found.kind == "pronoun":
        kind = attr.PRONOUNS.get(word)
        if kind == "person":
            # "Maduro, he said, won 51%": "he" is someone else than the one it is about
            about = _NAME_BEFORE_ASIDE.search(text, 0, found.start)
            claimant, person = context.called(word, about.group(1) if about else None), True
        elif (
            kind == "organisation"
            and subject is not None
            and not _called_a_person(subject, context)
        ):
            claimant = subject.claimant  # "The Red Cross said it had registered ..."
            context.remember(claimant, False)  # called "it": an organisation from now on
        elif kind in ("organisation", "plural"):
            # "The opposition held a vote that it said ...": the body the sentence opens
            # with, when it names one before the pronoun
            opening = _opening_subject(text[: found.start])
            claimant = opening or (
                context.last_organisation
                if kind == "organisation"
                else (context.last_plural or context.last_organisation)
            )
        # "we" and "I" name the speaker of the quotation they stand in
    elif found.kind == "reference":
        if found.form == "published":
            # "the estimates show", "as per the data": only a report's owner
            claimant = context.reports.get(word) or context.last_report
        elif attr.report_words(word):
            # "the report said": whoever's report the article named (the last report
            # by that name), else (for the words that name a body too) the
            # organisation named last; "the audit put the cost at", with no owner
            # named, as written
            claimant = (
                context.reports.get(attr.report_noun(word))
                or context.last_report
                or (context.last_organisation if word in attr.BACK_REFERENCES else word)
            )
        else:
            # with nothing named before, "the ministry" is the claimant as written
            claimant = context.organisation_named(word) or context.national(word)
    elif found.kind == "possessive" or (word.split() or [""])[0] in attr.POSSESSIVES:
        owner = word.split()
        if owner and owner[0] in ("his", "her"):
            claimant = context.organisation_named(owner[1]) if len(owner) > 1 else None
            holder = _role_before(text, found.start) if claimant is None else None
            if holder is not None:
                # "a fire chief was dismissed over his estimate": the chief's
                claimant, person = context.role(holder, position) or holder, True
            elif claimant is None:
                # "his estimate", "her staff had counted": the person "he" or "she" is
                claimant, person = context.called("he" if owner[0] == "his" else "she"), True
        elif owner and owner[0] not in attr.POSSESSIVES:
            # "the government's estimate": the government named before, else as written
            claimant = context.organisation_named(owner[-1]) or owner[-1]
        elif owner:
            claimant = context.last_organisation
    elif found.kind == "role":
        holder = context.role(found.claimant or "", position)
        # "the director general" after "the country's director general of health
        # services", no one named in the role: the one described in full before
        claimant = holder or context.described_role(found.claimant or "")
        person = holder is not None

    return replace(found, claimant=claimant, person=person)


# "a spokesman for X said", "an X spokeswoman told": someone unnamed speaks for X
_UNNAMED_SPEAKER = LazyPattern(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w'’-]+\s+){0,4}?spokes(man|woman|person)\b"
)


# "UK-based", "Kremlin-backed": a name inside an adjective, no name of its own
_HYPHENED = LazyPattern(r"[A-Z][\w.]*-[a-z]+")


def _opening_subject(before: str) -> str | None:
    """The body a sentence opens with, for an "it" or "they" later in it, unless
    another name stands between ("The government expelled the Red Cross after it
    said ..." may mean either)."""
    if len(before) > 300:
        return None  # too far from the sentence's start to be about its subject
    opening = attr.opening_body(before)
    if opening is None:
        return None
    rest = before[before.find(opening) + len(opening) :]
    return None if _TWO_WORD_NAME.search(rest) else opening


_TWO_WORD_NAME = LazyPattern(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+")


def _role_before(text: str, end: int) -> str | None:
    """The role an unnamed person is described by earlier in the sentence, with no
    name after it: "a district fire chief" in "... a district fire chief was
    dismissed over his estimate"."""
    found = None
    for match in _ROLE_PHRASE.finditer(text, max(0, end - 200), end):
        words = match.group(1).split()
        roles = [i for i, w in enumerate(words) if w in attr.ROLES]
        if roles:
            found = (" ".join(words[: roles[-1] + 1]), match.start(1) + len(match.group(1)))
    if found is None or _TWO_WORD_NAME.search(text, found[1], end):
        return None
    return found[0]


_ROLE_PHRASE = LazyPattern(r"\b(?:[Aa]n?|[Tt]he)\s+((?:[a-z-]+\s+){0,3}[a-z-]+)\b")


def _named_before(context: Context, words: list[str]) -> str | None:
    """The organisation named before that a description such as "the rights group"
    stands for. A description that sets its body's reach ("the national disaster
    agency", "the county council") names a body of its own, unless the name before
    says the same."""
    named = context.organisation_named(words[-1])
    reach = {w.lower() for w in words[:-1]} & _REACH
    if named is None or not reach:
        return named
    return named if reach <= set(named.lower().split()) else None


_REACH = {"national", "state", "federal", "regional", "provincial", "local", "county", "city",
          "district", "municipal", "central", "international"}  # fmt: skip


_NAME_BEFORE_ASIDE = LazyPattern(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*),\s*$")


def _candidates(
    items: list[_Assigned],
    sentence: Sentence,
    published: date | None,
    known: dict[str, str],
    context: Context,
) -> list[Candidate]:
    found = []
    text = " ".join(sentence.text.split())
    parts = _list_of_parts(items, sentence.text)
    previous: Figure | None = None
    previous_count: tuple[str, Figure] | None = None  # what the figure before counts
    previous_part: Located | None = None  # the figure before, when a part
    clause_words: dict[str, set[str]] = {}  # by clause: an article's long clause is read once
    disputes: dict[str, re.Match[str] | None] = {}
    dates: dict[tuple[str, int], ClaimDate | None] = {}  # by clause and reporting verb
    for item in items:
        attribution = item.attribution
        if not any(c.isalpha() for c in attribution.claimant or ""):
            continue  # "$", "’": a name of no letters names no one
        figure = item.located.figure if item.located is not None else None
        if figure is not None and (figure.unit or "").lower() in _TALLIES:
            # "the 1,890 tally the board gave": a tally of what the count
            # before counts, not of tallies
            figure = replace(figure, unit=None, phrase=None)
        if (
            figure is not None
            and figure.qualifier == EXACT
            and (figure.unit or "").lower() in _BODIES
            and _SEEN_BEFORE.search(
                sentence.text, max(0, item.located.start - 40), item.located.start
            )  # type: ignore[union-attr]
        ):
            # "he saw seven bodies": what a witness saw is the least there were
            figure = replace(figure, high=None, qualifier=AT_LEAST)
        if (
            figure is not None
            and figure.unit is None
            and _TO_BEFORE.search(
                sentence.text, max(0, item.located.start - 30), item.located.start
            )  # type: ignore[union-attr]
            and _CHANGED_TOLL.search(
                sentence.text, max(0, item.located.start - 300), item.located.start
            )  # type: ignore[union-attr]
        ):
            # "lifted its toll for the riots that followed ... to 92": however
            # far back, the toll is what the figure counts
            figure = replace(figure, unit="deaths", phrase="deaths")
        counts_as = None
        is_part = bool(item.located and item.located.part)
        if (
            is_part
            and figure is not None
            and figure.unit is not None
            and previous is not None
            and previous.unit is not None
            and _ANOTHER_BEFORE.search(
                sentence.text, max(0, item.located.start - 12), item.located.start
            )  # type: ignore[union-attr]
            and _state_of(text, figure) != _state_of(text, previous)
        ):
            # "34 bodies were recovered and another 56 people remain missing": another
            # count, in a state of its own, not more of the one before
            is_part = False
        if (
            figure is not None
            and figure.unit is None
            and previous_part is not None
            and _PART_LISTED.fullmatch(sentence.text, previous_part.end, item.located.start)  # type: ignore[union-attr]
        ):
            # "including 30,000 in Lora, 5,000 in Vesk and 4,000 in Tarn": parts, each
            is_part = True
        if (
            figure is not None
            and figure.unit is None
            and previous is not None
            and _may_count(figure, previous)
            and (
                is_part
                or _SAME_KIND_AFTER.match(sentence.text, item.located.end)  # type: ignore[union-attr]
                or _NOTHING_COUNTED_AFTER.match(sentence.text, item.located.end)  # type: ignore[union-attr]
            )
        ):
            # "seven people were killed, ..., including two in Mykolaiv"; "17 killed in
            # the capital and 22 others"; "X counts 412 dead; Y says at least 1,100.": the
            # count is of the same thing as the one before
            figure = replace(figure, unit=previous.unit, phrase=previous.phrase)
            counts_as = previous_count
        elif (
            figure is not None
            and figure.unit is None
            and context.last_counted is not None
            and _may_count(figure, context.last_counted)
            and (
                _BACK_FIGURE.search(
                    sentence.text, max(0, item.located.start - 60), item.located.start
                )  # type: ignore[union-attr]
                or _SAME_KIND_AFTER.match(sentence.text, item.located.end)  # type: ignore[union-attr]
                or item.located.part  # type: ignore[union-attr]  # "Another 600 are damaged."
            )
        ):
            # "The toll stood at 47. By evening, the figure had risen to 63": the same count
            figure = replace(
                figure, unit=context.last_counted.unit, phrase=context.last_counted.phrase
            )
            counts_as = (context.last_counted_in, context.last_counted)
        elif (
            figure is not None
            and figure.unit is None
            and figure.qualifier != VAGUE
            and figure.stated in context.counted_values
            and _TALKED_ABOUT.match(sentence.text, item.located.end)  # type: ignore[union-attr]
        ):
            # "Six thousand is far too high": the figure the article gave before, named again
            counts_as = context.counted_values[figure.stated]
            figure = replace(figure, unit=counts_as[1].unit, phrase=counts_as[1].phrase)
        elif (
            figure is not None
            and figure.unit is None
            and (
                item.located.earlier  # type: ignore[union-attr]
                or (
                    previous is None
                    and _NOTHING_COUNTED_AFTER.match(sentence.text, item.located.end)
                )  # type: ignore[union-attr]
            )
        ):
            # "the toll rose from 40 to 61": the count it changed from is of the same
            # thing; "X gave a figure of 18,000, while Y said 120,000 people came" too
            later = next(
                (
                    other.located.figure
                    for other in items
                    if other.located is not None
                    and other.located.start > item.located.start  # type: ignore[union-attr]
                    and other.located.figure.unit
                ),
                None,
            )
            if later is not None and _may_count(figure, later):
                figure = replace(figure, unit=later.unit, phrase=later.phrase)
                counts_as = (text, later)
        if (
            counts_as is None
            and figure is not None
            and previous_count is not None
            and figure.unit == previous_count[1].unit
            and _PUTS_IT.search(sentence.text, max(0, item.located.start - 40), item.located.start)  # type: ignore[union-attr]
        ):
            counts_as = previous_count  # "inflation reached 9.8%; economists put it at 14%"
        if figure is not None:
            previous = figure
            previous_part = item.located if is_part else None
            previous_count = counts_as or ((text, figure) if figure.unit else None)
            if previous_count is not None:
                context.last_counted_in, context.last_counted = previous_count
                context.counted_values.setdefault(figure.stated, previous_count)
        claimant = _as_known(attribution.claimant, known)  # type: ignore[arg-type]
        if item.clause not in clause_words:
            clause_words[item.clause] = set(_LETTERS.findall(item.clause.lower()))
        words = clause_words[item.clause]
        key = (item.clause, attribution.end)
        if key not in dates:
            lead = sentence.text[max(0, item.offset - 80) : item.offset]
            dates[key] = _claim_date(item.clause, attribution, published, item.offset, lead)
        stance = attribution.stance
        if attribution.denial_marker or (figure is None and words & DENIAL_VERBS):
            stance = "denies"
        elif (
            figure is not None
            and _put_aside(sentence.text, item.located)  # type: ignore[arg-type]
            # "not 95% as the board claimed": the board's figure, which it claims
            and not (attribution.start > item.located.end and _said_as(attribution, sentence.text))  # type: ignore[union-attr]
        ):
            stance = "denies"  # "290 and not 359 as reported", "not 40 but 90"
        found.append(
            Candidate(
                claimant=claimant,
                stance=stance,
                figure=figure,
                unit=figure.unit if figure else None,
                date=dates[key],
                sentence=text,
                confidence=_confidence(
                    attribution,
                    figure,
                    sentence.headline,
                    known,
                    item.inherited,
                    item.located in parts
                    or _superseded(item)
                    or (figure is not None and _told_earlier(attribution, sentence.text))
                    # "340,00 people": a digit lost or a decimal comma, for the user to read
                    or (
                        item.located is not None
                        and bool(_BROKEN_GROUP.match(sentence.text, item.located.end))
                    ),
                ),  # fmt: skip
                headline=sentence.headline,
                part=is_part,
                paragraph=sentence.paragraph,
                at=item.located.start if item.located is not None else -1,
                counts_as=counts_as,
            )
        )
        first_time = item.clause not in disputes
        if first_time:
            disputes[item.clause] = attr.DISPUTED_BY.search(item.clause)
        disputed = disputes[item.clause]
        if disputed and figure is not None and first_time:
            denier = Attribution(disputed.group(1), "denies", "subject", 0, 0, False)
            found.append(
                Candidate(
                    denier.claimant,
                    "denies",
                    None,
                    None,  # type: ignore[arg-type]
                    _claim_date(disputed.group(0), denier, published),
                    text,
                    _confidence(denier, None, sentence.headline, known, False, False),
                    sentence.headline,
                )  # fmt: skip
            )
    return found


def _told_earlier(attribution: Attribution, text: str) -> bool:
    """A figure the source gave before the one the article reports: "Earlier police
    reports listed 19", "the ministry had initially put the toll at 30" (not "said
    earlier this week", which dates it)."""
    return any(
        _DATED_AFTER.match(text, match.end()) is None
        for match in _EARLIER_TELLING.finditer(
            text, max(0, attribution.start - 20), attribution.end + 12
        )
    )


# A number whose digit groups are broken: the digits after its comma, too few
_BROKEN_GROUP = LazyPattern(r",\d{1,2}(?![\d,])")
_EARLIER_TELLING = LazyPattern(r"\b(?:earlier|previously|initially|originally|at\s+first)\b", re.I)
_DATED_AFTER = LazyPattern(
    r"\s+(?:this|that|on|in|today|yesterday|tonight|last|the\s+same|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",  # "announced earlier Thursday"
    re.I,
)


def _superseded(item: _Assigned) -> bool:
    """A count's earlier figure, given by the sentence's source as what its count was
    before ("rose from 40 to 61"), not one whose owner is written with it ("X's
    initial estimate of $3 billion")."""
    located, attribution = item.located, item.attribution
    return (
        located is not None
        and located.earlier
        and not (
            attribution.kind in ("possessive", "passive")
            and (
                abs(attribution.end - located.start) < 30
                or abs(attribution.start - located.end) < 30
            )
        )
    )


_LETTERS = LazyPattern(r"[a-z]+")
_BACK_FIGURE = LazyPattern(
    # "the figure", "the agency's figure", "a lower estimate": the count already given
    r"(?:\b(?:the|that|this|its|their)\s+(?:[a-z]+\s+)?|['’]s\s+(?:[a-z]+\s+)?"
    r"|\ban?\s+(?:[a-z]+er|different|revised)\s+)"
    r"(?:figure|number|total|count|estimate|tally)\b[^.;]{0,40}$",
    re.I,
)
# "put it at", "estimates it closer to", "the union put the figure at 60%": the count
# just given, again
_PUTS_IT = LazyPattern(
    r"\b(?:put|puts|estimated?|estimates|placed?|places|pegged?|pegs)\s+"
    r"(?:it|the\s+(?:figure|number|share|rate|proportion|total))\b[^.;]{0,30}$"
)
_SAME_KIND_AFTER = LazyPattern(r"\s+(?:others|more|additional|further|of\s+them)\b")
_TALLIES = {"tally", "tallies", "figure", "figures", "estimate", "estimates", "count", "total"}
_NOTHING_COUNTED_AFTER = LazyPattern(
    r"\s*(?:[.;)]|,\s+(?:while|but|whereas|including|among\s+them|of\s+whom)\b"
    rf"|,?\s+according\s+to\b|\s(?:{'|'.join(sorted(_TALLIES))})\b|$)"
)


_NAMED_PART = LazyPattern(r"[A-Z][\w'’-]+(?:\s+with)?\s*(?:,|:)?\s*$")


def _list_of_parts(items: list[_Assigned], text: str) -> set[Located]:
    """'Kenya with 40 dead, Uganda with 31, Ghana with 12': three or more figures
    each given for a named part; proposed at low confidence."""
    named = [
        item.located
        for item in items
        if item.located is not None
        and _NAMED_PART.search(text, max(0, item.located.start - 30), item.located.start)
    ]
    return set(named) if len(named) >= 3 else set()


_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_PHRASE = LazyPattern(
    rf"""(?<!since\s)(?<!until\s)(?<!from\s)(?<!after\s)(?<!before\s)\b(
        (?:on\s+|last\s+|this\s+past\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?
      | yesterday | today | last\s+night | tonight | this\s+(?:morning|afternoon|evening)
      | (?:last|this|earlier\s+this)\s+(?:week|month|year)
      | (?:on\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?(?:,?\s+\d{{4}})?
      | (?:on\s+)?{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?
      | in\s+{_MONTH}(?:\s+\d{{4}})?
      | in\s+(?:19|20)\d\d
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _claim_date(
    clause: str,
    attribution: Attribution,
    published: date | None,
    offset: int = 0,
    lead: str = "",
) -> ClaimDate | None:
    """The date a clause gives its claim, read against the publication date; the
    attribution stands at `offset` more than its place in the clause, and `lead`
    holds the words just before the clause. A clause that gives none but hangs on
    a day ("lower than on January 31, when it counted 1.27 million") is of that day."""
    if published is None:
        return None
    key = published if isinstance(published, date) else (published.iso, published.precision)
    hung = _WHEN_AFTER.search(lead) if lead else None
    if hung is not None and not _first_date_phrase(clause):
        days = list(_DATE_PHRASE.finditer(lead, 0, hung.start() + 1))
        if days and days[-1].end() >= hung.start() - 1:
            return _resolved(days[-1].group(1), key)
    # The phrases near the reporting verb, else the first in the clause: a window
    # around the verb, so that a very long clause is not searched for every figure.
    verb_end = attribution.end - offset
    phrases = [
        m
        for m in _DATE_PHRASE.finditer(clause, max(0, verb_end - 12), max(0, verb_end + 40))
        if not _names_an_event(clause, m)
        # "revealed 125 died after the match on Saturday": the match's day, after what
        # was said ("said after a briefing on Monday" is when it was said)
        and not _dates_what_was_said(clause, m, verb_end)
    ]
    if not phrases:
        first = _first_date_phrase(clause)
        phrases = [first] if first else []
    if not phrases:
        return None
    # A date right by the reporting verb is the claim's own: the one after it ("said
    # on Tuesday") before one just before it ("on Tuesday said").
    near = [m for m in phrases if -12 <= m.start() - verb_end <= 2]
    near.sort(key=lambda m: m.start() < verb_end)
    chosen = near[0] if near else phrases[0]
    return _resolved(chosen.group(1), key)


_WHEN_AFTER = LazyPattern(r"\s*,?\s*when\s*$")


def _dates_what_was_said(clause: str, phrase: re.Match[str], verb_end: int) -> bool:
    """Whether a day after the reporting verb dates an event of what was said: one
    after the figure, in a clause about another event."""
    event = _EVENT_CLAUSE.search(clause, max(0, phrase.start() - 80), phrase.start())
    return event is not None and any(c.isdigit() for c in clause[verb_end : event.start()])


@lru_cache(maxsize=64)
def _first_date_phrase(clause: str) -> re.Match[str] | None:
    """The clause's first date phrase, near its start, that dates no event named
    with it nor another event's clause ("after the vote on 6 October": a day by the
    reporting verb is read before this, so "said after a briefing on Monday" keeps
    its day): once a clause, which may give thousands of figures."""
    for match in _DATE_PHRASE.finditer(clause, 0, 400):
        start = match.start()
        if not _names_an_event(clause, match) and not _EVENT_CLAUSE.search(
            clause, max(0, start - 80), start
        ):
            return match
    return None


# A day that is part of an event's name, not when anyone spoke: "the Monday blast", "a
# Friday vote", "the Easter Sunday attacks" (not "told Reuters Monday that").
_ARTICLE_BEFORE = LazyPattern(r"\b(?:the|a|an)\s+$")
_NAME_BEFORE_DAY = LazyPattern(r"\b[A-Z][a-z]+\s+$")
_NOUN_AFTER_DAY = LazyPattern(
    r"\s+(?!(?:that|the|a|an|and|to|in|on|at|of|for|it|he|she|they|we|as|after|before|when|"
    r"while|but|with|from|by|said|says|night|morning|afternoon|evening)\b)[a-z]+"
)


# A date that is one end of a span ("killed between 2 September and 9 October", "from
# 1 July to 15 August", "in July and August") gives the period a figure covers; one
# in a clause about another event ("the council, which took office after the vote
# on 6 October, said") dates that event. Neither is when anyone spoke.
_SPAN_START = LazyPattern(r"\b(?:between|from)\s+$", re.IGNORECASE)
_SPAN_END_BEFORE = LazyPattern(
    r"\b(?:between|from)\s+[\w ,.]{1,30}?\s*(?:and|to|through|till|-|–)\s*$", re.IGNORECASE
)
_SPAN_AFTER = LazyPattern(
    rf"\s*(?:and|to|through|-|–)\s*(?:{_MONTH}\b|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b)",
    re.IGNORECASE,
)
_EVENT_CLAUSE = LazyPattern(
    r"(?:,\s*which\b|\b(?:following|after|since|before)\s+(?:the|a|an|his|her|its)\s)[^,;]*$",
    re.IGNORECASE,
)


def _names_an_event(clause: str, phrase: re.Match[str]) -> bool:
    start = phrase.start()
    if _ARTICLE_BEFORE.search(clause, max(0, start - 6), start):
        return True
    if (
        _SPAN_START.search(clause, max(0, start - 9), start)
        or _SPAN_END_BEFORE.search(clause, max(0, start - 50), start)
        or _SPAN_AFTER.match(clause, phrase.end())
    ):
        return True
    return bool(_NAME_BEFORE_DAY.search(clause, max(0, start - 20), start)) and bool(
        _NOUN_AFTER_DAY.match(clause, phrase.end())
    )


@lru_cache(maxsize=1024)
def _resolved(phrase: str, published: date | tuple[str, str]) -> ClaimDate | None:
    """resolve_phrase, once a phrase and publication date: an article says "on
    Tuesday" many times."""
    when = published if isinstance(published, date) else ClaimDate(*published)
    found = resolve_phrase(phrase, when)
    return None if found is None else ClaimDate(found.iso, found.precision)


def _confidence(
    attribution: Attribution,
    figure: Figure | None,
    headline: bool,
    known: dict[str, str],
    inherited: bool,
    list_part: bool,
) -> float:
    confidence = 0.5
    confidence += {"subject": 0.2, "end": 0.2, "according": 0.15, "passive": 0.15,
                   "possessive": 0.15, "role": 0.15}.get(attribution.kind, 0.05)  # fmt: skip
    if figure is not None:
        confidence += 0.15 if figure.unit else 0.05
        if figure.qualifier != "exact":
            confidence += 0.05
    else:
        confidence += 0.1
    if attribution.claimant and source_key(attribution.claimant) in known:
        confidence += 0.1
    if headline:
        confidence -= 0.15
    if inherited:
        confidence -= 0.05
    if list_part:
        confidence = min(confidence, 0.55)
    return min(confidence, 0.99)


@lru_cache(maxsize=4096)
def _acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w[0].isupper()).lower()


@lru_cache(maxsize=16384)
def _same_claimant(a: str, b: str) -> bool:
    key_a, key_b = source_key(a), source_key(b)
    if key_a == key_b:
        return True
    compact_a, compact_b = key_a.replace(" ", ""), key_b.replace(" ", "")
    if compact_a == _acronym(b) or compact_b == _acronym(a):
        return True
    words_a, words_b = set(key_a.split()), set(key_b.split())
    if not words_a or not words_b:
        return False  # a name of punctuation only names no one
    if len(words_a) == 1 or len(words_b) == 1:
        # "unions" and "Spain's two main unions": the one word is the other's head
        short, long = (key_a, key_b) if len(words_a) == 1 else (key_b, key_a)
        return long.split()[-1].rstrip("'’") == short
    return words_a <= words_b or words_b <= words_a


def _same_figure(a: Figure | None, b: Figure | None) -> bool:
    """The same number of the same thing, with or without its hedge: '12,000 troops'
    and 'about 12,000 soldiers' (but not 90 tanks and 90 helicopters)."""
    if a is None or b is None:
        return a is b
    units = normalise_unit(a.unit), normalise_unit(b.unit)
    return a.stated == b.stated and (None in units or units[0] == units[1])


def _summarises(headline: Figure, body: Figure | None) -> bool:
    """A headline figure the body states more exactly: the same number without its
    qualifier ('1 million' for 'about 1 million'), or a vague word ('dozens' for 51)."""
    if body is None:
        return False
    if headline.stated == body.stated:
        return True
    return headline.qualifier == "vague" and headline.low <= body.stated <= headline.upper


def _deduplicate(
    candidates: list[Candidate], affiliations: dict[str, str] | None = None
) -> list[Candidate]:
    """One proposal a claim: a headline repeats the body, a quote repeats the lede, a
    spokesman repeats the ministry he speaks for."""
    affiliations = affiliations or {}

    def same_source(a: str, b: str) -> bool:
        return _same_claimant(a, b) or any(
            _same_claimant(affiliations.get(x, x), affiliations.get(y, y))
            for x, y in ((a, b), (b, a))
        )

    body = [c for c in candidates if not c.headline]
    kept: list[Candidate] = []
    by_number: dict[float | None, list[int]] = {}
    for candidate in candidates:
        if (
            candidate.headline
            and candidate.figure is not None
            and any(_summarises(candidate.figure, other.figure) for other in body)
        ):
            continue  # the headline summarises a claim the body states in full
        # Only candidates of the same stated number can be the same claim: look
        # those up, so that a long article is not compared pair by pair.
        number = candidate.figure.stated if candidate.figure else None
        same_number = by_number.setdefault(number, [])
        duplicate = next(
            (
                index
                for index in same_number
                if same_source(kept[index].claimant, candidate.claimant)
                and _same_figure(kept[index].figure, candidate.figure)
                # a denial of a figure is no telling of it: "X denied it exceeded 125"
                # and "125, X's spokesman said" are two claims
                and (kept[index].stance == "denies") == (candidate.stance == "denies")
            ),
            None,
        )
        if duplicate is not None:
            # The first telling stays (the lede before a later quote), unless a later
            # one names its source in full (below); it keeps the better confidence.
            earlier = kept[duplicate]
            if (
                (earlier.headline and not candidate.headline)
                or (
                    earlier.sentence == candidate.sentence
                    and earlier.paragraph < candidate.paragraph
                )
                or len(source_key(candidate.claimant).split())
                > len(source_key(earlier.claimant).split())
            ):
                # the body's telling, not the headline's, nor a deck's that the body
                # repeats; the one that names its source in full ("Spain's unions")
                kept[duplicate] = replace(
                    candidate, confidence=max(candidate.confidence, earlier.confidence)
                )
            elif candidate.confidence > kept[duplicate].confidence:
                kept[duplicate].confidence = candidate.confidence
            continue
        same_number.append(len(kept))
        kept.append(candidate)
    return kept
