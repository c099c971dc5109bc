"""An article's sentences and the clauses of a sentence.

Pure text handling for the extractor: lines of a web page in, sentences out, each
marked as a headline, a bullet or the inside of a quotation; and a sentence cut at
the boundaries where its source may change ("; ", ", while ", ", adding that").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimtrack.attribution import AUXILIARIES, VERBS, Attribution
from claimtrack.figures import LazyPattern

_ABBREVIATIONS = set(
    """mr mrs ms dr gen lt col sgt capt sen rep gov pres st jan feb mar apr jun jul aug sep
    sept oct nov dec no vs etc inc ltd co corp u.s u.k u.n e.u a.m p.m adm maj cmdr brig
    mt ft rev prof sr jr rs""".split()
)
_DATELINE = LazyPattern(
    r"^\s*(?:[A-Z][A-Z.'’/ -]{2,}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)*"
    r"(?:,?\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2})?\s*(?:\([^)]{1,20}\))?\s*[-—–]+\s*"
    r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2}\s*\([^)]{1,30}\)\s*[-—–:]+\s*)"
)
# ... or a full stop with no space after it, as scraped copy glues two sentences
# ("... by CBS News.The company said", "... seen by AP.Another"): after a lower-case word
# or an acronym, before a capitalised one
_SENTENCE_END = LazyPattern(
    r"([.!?…])([”\"’')\]]*)\s+(?=[“\"'‘(]?[A-Z0-9])|(?<=[a-z]{2}\.)(?=[A-Z][a-z]+\s)"
    r"|(?:(?<=[^\w.][A-Z]{2}\.)|(?<=[^\w.][A-Z]{3}\.)|(?<=[^\w.][A-Z]{4}\.))(?=[A-Z][a-z]+\s)"
)
_BULLET = LazyPattern(r"^(\s*)[•*·▪◦‣–-]\s+")


_HEAD_LINES, _HEAD_LENGTH = 5, 200  # how many lines, how long, a page's head runs to
_ENDS = LazyPattern(r"[.!?][”\"’]?$")


@dataclass
class Sentence:
    text: str
    headline: bool
    paragraph: int
    bullet: int  # 0: not in a list; 1: an item; 2: an item under another
    quote_open: bool  # the sentence starts inside a quotation


def read(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    lines = _unwrapped([line.rstrip() for line in text.splitlines()])
    # The page's head: the few short lines before the first that ends as a sentence
    # does (menus, the headline, a deck, a byline), none of them the body; with no
    # such line, the first line alone.
    body = next((i for i, line in enumerate(lines) if _ENDS.search(line.strip())), 1)
    head = min(body, _HEAD_LINES)
    for index, raw in enumerate(lines):
        if _PHOTO_CREDIT.search(raw) or _FURNITURE.match(raw):
            # a photo's caption, a link to another story: they repeat or point
            # elsewhere, and no source speaks in them
            continue
        bullet = _BULLET.match(raw)
        level = 0
        if bullet:
            level = 2 if len(bullet.group(1).expandtabs()) >= 2 else 1
        line = _BULLET.sub("", raw).strip()
        line = _DATELINE.sub("", line, count=1)
        headline = (
            index < head and len(lines) > 1 and len(line) <= _HEAD_LENGTH and not _ENDS.search(line)
        ) or _title_case(line)
        open_quote = False
        for piece in _split_sentences(line):
            opened = open_quote
            for char in piece:
                if char == "“" or (char == '"' and not open_quote):
                    open_quote = True
                elif char == "”" or char == '"':
                    open_quote = False
            out.append(Sentence(piece, headline, index, level, opened))
    return out


def _unwrapped(raw: list[str]) -> list[str]:
    """The article's lines, a paragraph a line, with the line breaks of copy wrapped
    by hand ("The toll\nfrom the storm rose to 40, police said") joined: a line goes
    on into the next when that one starts in lower case, when the line ends on a word
    no sentence ends with, or when it is a long line of a paragraph already wrapped."""
    lines: list[str] = []
    joining = False
    previous = ""  # the line before, as written
    for line in raw:
        if not line.strip():
            joining = False
            previous = ""
            continue
        if joining and (
            _CONTINUES.match(line)
            or _OPEN_END.search(lines[-1])
            # a paragraph wrapped at a fixed width, as its lines joined so far show: a
            # long line runs on into the next whatever it ends with ("... Prime
            # Minister Ana" / "Obi said on Friday.")
            or (
                lines[-1] != previous
                and len(previous.strip()) >= _WRAP_WIDTH
                and not _title_case(line.strip())
            )
        ):
            lines[-1] = f"{lines[-1]} {line.strip()}"
        else:
            lines.append(line)
        joining = not _CLOSED.search(line)
        previous = line
    return lines


# The shortest line of copy wrapped at a fixed width (wire copy wraps at 60 to 80).
_WRAP_WIDTH = 50


# A line that ends a sentence or a heading, and what marks a wrapped one.
_CLOSED = LazyPattern(r"[.!?:;…”\"’')\]]\s*$|^\s*[•*·▪◦‣–-]\s")
_CONTINUES = LazyPattern(r"\s*[a-z]")
_OPEN_END = LazyPattern(
    r"\b(?:the|a|an|of|in|on|at|to|from|with|by|for|and|or|as|that|which|who|its|their|his|"
    r"her|this|these|than|into|under|over|about|some|more|most)$",
    re.I,
)


# What marks a line as a photo's caption or credit: "(AP Photo/Jo Lee)", "Photo: X",
# "REUTERS/Jo Lee", "AFP via Getty Images", "(File Photo)".
_PHOTO_CREDIT = LazyPattern(
    r"\((?:AP|AFP|EPA|Reuters|Getty)?\s*(?:File\s+)?Photo\b|\b(?:Photo(?:graph)?|Image|Picture|"
    r"Credit)s?:\s|\b(?:REUTERS|GETTY\s+IMAGES|AFP|EPA|AP)/[A-Z]|\bGetty\s+Images\b|"
    r"\bvia\s+Getty\b|\bFile\s+(?:photo|image)\b",
    re.I,
)


# Page furniture that links elsewhere: "Read more: ...", "[See more: ...]", "ALSO READ".
_FURNITURE = LazyPattern(
    r"\s*[\[(]?\s*(?:read\s+more|also\s+read|see\s+more|see\s+also|related(?:\s+stories)?|"
    r"read\s+also|watch|listen|recommended|more\s+on\s+this)\b\s*[:|\-–—]",
    re.I,
)


def _title_case(line: str) -> bool:
    """A line written as a title, wherever it stands: a headline or a sub-head ("WHO
    Counts 900 Flu Deaths, Officials Say"), not a sentence of the body."""
    if line.endswith(".") or len(line) > 160:
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _split_sentences(paragraph: str) -> list[str]:
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        # the stop itself: at the match's start, or just before it where no space follows
        stop = match.start() + 1 if match.group(1) else match.start()
        before = paragraph[start:stop]
        word = re.search(r"([\w.]+)\.$", before)
        if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        pieces.append(paragraph[start : match.end()].strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


# --- clauses -----------------------------------------------------------------------------

# Clause boundaries. A continuation ("..., adding that ...") keeps the source of the
# clause before it; a contrast (";", ", while ", "whereas") or a subordinate clause
# ("when ...") may have its own, and otherwise takes the sentence's.
_CLAUSE_SPLIT = LazyPattern(
    r"(?P<contrast>;\s+|,?\s+(?:while|whereas|whilst)\s+|,\s+(?:but|though)\s+|\s+[–—]\s+|"
    r",\s+(?:against|versus|vs\.?)\s+)"
    r"|(?P<continue>,\s+(?:adding|and\s+added|and\s+said|noting)\s+(?:that\s+)?|,\s+and\s+that\s+)"
    r"|(?P<sub>\s+when\s+|\s+although\s+|\s+because\s+"
    r"|,\s+as\s+(?!(?:many|much|well|of|part|a\s+result|expected|such|per|high|low)\b))"
)
# A relative clause describes what comes before it; its figures are not the speaker's.
_RELATIVE = LazyPattern(
    r"(?:,\s+|(?<!\bof)\s+)(?:which|who|whose)\s+"
    r"(?!said|says|say|told|estimated|estimate|estimates|reported|show|shows|showed|put|puts)"
    r"|,\s+where\s+"
    r"|\s+that\s+(?=(?:had|has|have|was|were|is|are|killed|left|hit|struck|[a-z]+ed)\b)"
)


@dataclass
class Clause:
    start: int
    end: int
    kind: str  # first, contrast, continue, sub
    attributions: list[Attribution] = field(default_factory=list)


_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    r"june|july|august|september|october|november|december"
)
# A time, not an event: "since March", "after 3 pm", "until last week" (not "after 3
# soldiers were killed", "before last week's strike").
_TIME_WORDS = (
    rf"(?:(?:early|late|mid)[\s-]+)?(?:{_MONTHS}|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|then|yesterday|"
    r"today|dawn|midnight|noon|the\s+(?:start|end|beginning|weekend)|"
    r"(?:last|this)\s+(?:week|month|year|night|morning|weekend|spring|summer|autumn|winter)"
    r"(?![’'])|(?:19|20)\d\d|\d{1,2}(?:\s*(?:a\.?m|p\.?m|:\d\d|o[’']clock)|\s+(?:"
    + _MONTHS
    + r")))\b"
)
# "Two days after the ministry published 420 names, ...": a clause that opens the
# sentence and ends at its first comma has a source of its own, or none.
_OPENING_CLAUSE = LazyPattern(
    # (not "As many as 45 people died, ...", nor "As per the report, ...")
    r"^(?!as\s+(?:many|much|high|few|little|low)\s+as\b)"
    r"(?:[\w’'-]+\s+){0,3}?(?:"
    # "Since March, ...": a time, which ends at its comma or is no opening clause at
    # all ("Since March there have been 150 deaths, according to X")
    r"(?:after|before|since|until)\s+(?=" + _TIME_WORDS + r")(?:[\w’'.-]+\s+){0,3}?[\w’'.-]+,\s+"
    r"|(?:after|before|when|while|since|as(?!\s+per\b)|although|though|"
    r"because|once|until|if|unlike|contrary\s+to|in\s+contrast\s+to)\s+"
    r"(?!" + _TIME_WORDS + r")[^,;]{3,120}?,\s+)",
    re.IGNORECASE,
)


_PARTICIPLE_PHRASE = LazyPattern(r"[a-z]+ing\b[^,;]{0,80},\s+")


def clauses_of(sentence: str) -> list[Clause]:
    out: list[Clause] = []
    start, kind = 0, "first"
    opening = _OPENING_CLAUSE.match(sentence)
    if opening:
        # a participle that follows goes with it: "As officials announced that 460 were
        # hurt, rising later to 760, the minister said ..."
        following = _PARTICIPLE_PHRASE.match(sentence, opening.end())
        end = following.end() if following else opening.end()
        out.append(Clause(0, end, "opening"))
        start = end
    for match in _CLAUSE_SPLIT.finditer(sentence):
        out.append(Clause(start, match.start(), kind))
        start, kind = match.end(), match.lastgroup or "contrast"
    out.append(Clause(start, len(sentence), kind))
    return [c for c in _resumed(_asides_joined(out, sentence), sentence)
            if sentence[c.start : c.end].strip()]  # fmt: skip


def _asides_joined(clauses: list[Clause], sentence: str) -> list[Clause]:
    """A dash-bound aside between a subject and its verb ("TVN – according to its
    analysts – maintained that ...") is no boundary: the clause it sits in is one."""
    out: list[Clause] = []
    for clause in clauses:
        if (
            len(out) >= 2
            and _dashed(sentence, out[-2], out[-1])
            and _dashed(sentence, out[-1], clause)
            and _verb_at(sentence, clause.start)
        ):
            out.pop()  # the aside
            out[-1] = Clause(out[-1].start, clause.end, out[-1].kind)
            continue
        out.append(clause)
    return out


_FIRST_WORD = LazyPattern(r"[a-z]+")


def _verb_at(sentence: str, position: int) -> bool:
    """Whether the clause at `position` opens with a verb of saying or a finite one."""
    word = _FIRST_WORD.match(sentence, position)
    return word is not None and (word.group() in VERBS or word.group() in AUXILIARIES)


def _dashed(sentence: str, before: Clause, after: Clause) -> bool:
    return sentence[before.end : after.start].strip() in ("–", "—")


# A clause set off by commas inside another ("X's estimates, when Y said N, rose to M"):
# after its closing comma a verb takes up the clause it interrupted.
_SET_OFF = LazyPattern(r",\s*$")
_TAKEN_UP = LazyPattern(
    r",\s+(?=(?:rose|fell|stood|stands|reached|was|were|is|are|had|has|climbed|dropped|"
    r"totalled|totaled|remained|ranged|grew|hit|topped|jumped|doubled)\b)"
)


def _resumed(clauses: list[Clause], sentence: str) -> list[Clause]:
    """The clauses with each comma-bound subordinate one ended where the clause it
    interrupted resumes (kind "resume", whose source is the interrupted one's)."""
    out: list[Clause] = []
    for clause in clauses:
        if clause.kind == "sub" and _SET_OFF.search(sentence, 0, _sub_start(sentence, clause)):
            taken = _TAKEN_UP.search(sentence, clause.start, clause.end)
            if taken:
                out += [
                    Clause(clause.start, taken.start(), "sub"),
                    Clause(taken.end(), clause.end, "resume"),
                ]
                continue
        out.append(clause)
    return out


def _sub_start(sentence: str, clause: Clause) -> int:
    """Where the word that opens a subordinate clause ("when") begins."""
    return sentence.rstrip().rfind(" ", 0, clause.start - 1) + 1 if clause.start else 0


# Where the main clause takes up again after a relative clause with no comma: "the
# count of marchers who passed the port had reached 9,000".
_MAIN_VERB_AGAIN = LazyPattern(
    r"\s\S+\s.*?\s(?=(?:had|has|have|was|were|is|are|stood|stands|rose|reached|grew|"
    r"remained|remains|climbed|will|would|could|may|might|topped|exceeded|passed)\s)"
)


def relative_spans(sentence: str) -> list[tuple[int, int]]:
    spans = []
    for match in _RELATIVE.finditer(sentence):
        end = sentence.find(",", match.end())
        end = len(sentence) if end < 0 else end
        again = _MAIN_VERB_AGAIN.match(sentence, match.end() - 1, end)
        if again and match.group().strip(", ").startswith(("who", "which", "that")):
            end = again.end()
        spans.append((match.start(), end))
    return spans
