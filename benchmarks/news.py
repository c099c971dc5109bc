"""The real-news yardstick: labelled excerpts of real reports kept beside the project.

The excerpts are third-party text, read from the folder at run time and never
copied into the repository. This module loads them, holds the one split into a
development and a held-out part, and decides when a proposed claim matches a
labelled one. `extraction_quality.py` and `conflict_quality.py` use it.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Beside the project, as in CI; CLAIMTRACK_NEWS_DEV points elsewhere.
FOLDER = Path(os.environ.get("CLAIMTRACK_NEWS_DEV") or ROOT.parent / "shared" / "news-dev")

# The split, made once by story before any rule was changed, balancing kinds of
# story (crowds, tolls, money, war) and the number of labels. Rules are developed
# on DEVELOPMENT only; HELD_OUT is measured, never read closely or tuned on.
DEVELOPMENT = (
    "Kenya protest deaths",
    "Million Man March crowd",
    "Hurricane Harvey losses",
    "Russian losses in Ukraine",
    "Beirut blast damage",
    "Tokyo Olympics cost",
)
HELD_OUT = (
    "Haiti earthquake toll",
    "Bersih 4 rally crowd",
    "Hurricane Helene losses",
    "Pylos shipwreck",
    "Rohingya refugee count",
    "London anti-war march crowd",
    "Sudan war death toll",
    "Spain general strike 1994",
    "Border wall cost",
)
PARTS: dict[str, tuple[str, ...]] = {"development": DEVELOPMENT, "held-out": HELD_OUT}

# Where a page gives no publication date, what a user who read it would type
# (from its title, its URL or the story's known date), at the precision known.
KNOWN_PUBLICATION = {
    "08-harvey-loss-roundup.txt": "2017-09-08",
    "13-rohingya-registration-count.txt": "2018-01",
    "17-sudan-acled-death-toll.txt": "2024-08",
    "18-spain-general-strike-1994.txt": "1994-01",
    "20-border-wall-cost.txt": "2017-02",
}


def ready(folder: Path | None = None) -> bool:
    """Whether there are labelled excerpts to score (in FOLDER, when given); says
    so when there are none."""
    if folder is not None:
        use_folder(folder)
    if not available():
        print(f"Real news: skipped, no labelled excerpts at {FOLDER}")
        return False
    return True


def available() -> bool:
    return (FOLDER / "labels.jsonl").is_file() and (FOLDER / "stories.json").is_file()


@dataclass(frozen=True)
class Article:
    name: str
    story: str
    url: str | None
    published: str | None  # as a user would give it to --published
    body: str


@dataclass(frozen=True)
class Label:
    index: int  # the line of labels.jsonl, as pairs.jsonl counts them
    article: str
    quote: str
    claimant: str
    topic: str
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    claim_date: str | None
    stance: str

    @property
    def countable(self) -> bool:
        """Counted for recall: attributed to a source, with a figure to compare."""
        return self.qualifier != "vague" and not self.claimant.startswith("unattributed")


@dataclass(frozen=True)
class Pair:
    a: int
    b: int
    conflict: bool


def stories() -> dict[str, list[str]]:
    return json.loads((FOLDER / "stories.json").read_text(encoding="utf-8"))


def use_folder(folder: Path) -> None:
    """Score another labelled folder of the same layout, whole: every story in it
    counts as development (for sets gathered after the split was made)."""
    global FOLDER
    FOLDER = folder
    PARTS.clear()
    PARTS["development"] = tuple(stories()) if available() else ()


def part_of(story: str) -> str:
    for part, names in PARTS.items():
        if story in names:
            return part
    raise SystemExit(f"story {story!r} is in neither part of the split; add it to one")


def articles(part: str | None = None) -> list[Article]:
    found = []
    for story, names in stories().items():
        if part is not None and part_of(story) != part:
            continue
        for name in names:
            raw = (FOLDER / name).read_text(encoding="utf-8")
            header, _, body = raw.partition("\n\n")
            fields = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
            published = fields.get("published")
            if not published or published == "unknown":
                published = KNOWN_PUBLICATION.get(name)
            url = fields.get("url")
            found.append(Article(name, story, url if url and url != "unknown" else None,
                                 published, body))  # fmt: skip
    return found


def labels() -> list[Label]:
    out = []
    for index, line in enumerate((FOLDER / "labels.jsonl").read_text().splitlines()):
        row = json.loads(line)
        out.append(Label(index=index, **row))
    return out


def pairs() -> list[Pair]:
    return [
        Pair(row["a"], row["b"], row["conflict"])
        for row in map(json.loads, (FOLDER / "pairs.jsonl").read_text().splitlines())
    ]


# --- matching ------------------------------------------------------------------------


def _normal(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def same_sentence(proposed: str, label: Label) -> bool:
    """The proposal's sentence is the labelled one (either may hold the other, since
    sentence splitters differ at quotation marks)."""
    a, b = _normal(proposed), _normal(label.quote)
    return bool(a) and (a in b or b in a)


def _close(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-6 * max(1.0, abs(x), abs(y))


def same_bound(low: float | None, high: float | None, label: Label) -> bool:
    """One of the proposal's bounds equals one of the label's."""
    mine = [v for v in (low, high) if v is not None and v != 0 and v != float("inf")]
    theirs = [v for v in (label.low, label.high) if v is not None]
    return any(_close(x, y) for x in mine for y in theirs)


# Words that alone name nobody in particular: "officials" for a named ministry.
_GENERIC = set(
    """officials official authorities authority government ministry office spokesman
    spokeswoman spokesperson sources source group groups organizers agency
    department minister president analysts experts report reports statement data figures
    military army he she they it its side country state leaders leader""".split()
)
_CONNECTORS = {"the", "of", "for", "on", "and", "in", "at", "via", "s", "a", "an"}


# British and American spellings of one name: "Defence Ministry", "Defense Ministry";
# "coast guard" and "coastguard" are folded in _words.
_SPELLINGS = {"defence": "defense", "centre": "center", "labour": "labor",
              "programme": "program"}  # fmt: skip


# A country and its adjective name one government or people: "Spain's unions" and
# "Spanish unions", "India" and "the Indian government".
_DEMONYMS = {
    "spain": "spanish", "india": "indian", "pakistan": "pakistani", "russia": "russian",
    "ukraine": "ukrainian", "kenya": "kenyan", "france": "french", "china": "chinese",
    "japan": "japanese", "israel": "israeli", "britain": "british", "germany": "german",
    "georgia": "georgian", "myanmar": "burmese", "poland": "polish", "italy": "italian",
    "greece": "greek", "turkey": "turkish", "iran": "iranian", "iraq": "iraqi",
    "syria": "syrian", "lebanon": "lebanese", "sudan": "sudanese", "haiti": "haitian",
    "malaysia": "malaysian", "bangladesh": "bangladeshi", "nigeria": "nigerian",
    "mexico": "mexican", "canada": "canadian", "america": "american", "scotland": "scottish",
    "catalonia": "catalan", "catalonian": "catalan", "thailand": "thai",
    "cambodia": "cambodian", "venezuela": "venezuelan", "argentina": "argentine",
    "argentinian": "argentine", "indonesia": "indonesian", "korea": "korean",
    "philippines": "filipino", "vietnam": "vietnamese", "brazil": "brazilian",
    "colombia": "colombian", "peru": "peruvian", "chile": "chilean", "egypt": "egyptian",
    "ethiopia": "ethiopian", "afghanistan": "afghan", "nepal": "nepali", "qatar": "qatari",
    "mozambique": "mozambican", "australia": "australian", "zealand": "zealander",
    "congo": "congolese", "rwanda": "rwandan", "burundi": "burundian", "uganda": "ugandan",
    "somalia": "somali", "yemen": "yemeni", "libya": "libyan", "tunisia": "tunisian",
}  # fmt: skip


# "-ise" and "-ize" spell one word ("Organisers", "Organizers"): both sides are folded alike.
_ISE = re.compile(r"(?<=[a-z]{3})is(?=(?:e|es|ed|er|ers|ing|ation|ations)$)")


@cache
def _demonyms() -> dict[str, str]:
    """Every country's name and its people's adjective, lower case, single words: the
    product's own table, with the hand-made one above for the forms it lacks."""
    from claimtrack.places import demonyms

    table = {
        country.casefold(): adjective.casefold()
        for country, adjective in demonyms().items()
        if " " not in country and " " not in adjective
    }
    return {**table, **_DEMONYMS}


def _words(name: str) -> set[str]:
    # accents folded: "Funèbres" as written in one article, "Funebres" in another
    text = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore")
    text = text.decode().casefold().replace(".", "").replace("coast guard", "coastguard")
    text = re.sub(r"'s\b", "", text)
    # hyphens folded too: "al-Thawadi" as one outlet writes it, "Al Thawadi" in another
    words = [_ISE.sub("iz", w) for w in re.findall(r"[^\W_]+", text)]
    return {
        _demonyms().get(_SPELLINGS.get(w, w), _SPELLINGS.get(w, w))
        for w in words
        if w not in _CONNECTORS
    }


def _acronym_of(short: str, name: str) -> bool:
    """'UN' or 'U.N.' for 'United Nations', 'IAEA' for 'International Atomic Energy Agency',
    'UNVRA' for 'UN Velm Relief Agency' (an acronym inside the name gives all its
    letters)."""
    letters = re.sub(r"[^A-Za-z]", "", short)
    initials = "".join(
        w if w.isupper() else w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper()
    )
    return len(letters) >= 2 and letters.isupper() and letters == initials


def same_claimant(proposed: str, label: Label) -> bool:
    """The proposal names the labelled claimant: a part of the name (a surname)
    counts, a word that alone names nobody in particular does not."""
    main, _, bracket = label.claimant.partition(" (")
    got, main_words = _words(proposed), _words(main)
    every = main_words | _words(bracket)
    if not got:
        return False
    if (
        main_words <= got
        or _acronym_of(proposed, main)
        or _acronym_of(proposed, bracket)
        or _acronym_of(main, proposed)  # the label gives the acronym, the proposal the name
    ):
        return True
    if not got <= every:
        return False
    return bool(got - _GENERIC) or main_words <= _GENERIC


@dataclass
class Score:
    proposed: int = 0
    neutral: int = 0  # proposals the labels leave uncounted: vague figures, no figure
    right: int = 0
    located: int = 0  # sentence and figure found, claimant right or not
    countable: int = 0
    found: int = 0

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        judged = self.proposed - self.neutral
        return self.right / judged if judged else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.countable if self.countable else 1.0

    @property
    def claimant_accuracy(self) -> float:
        return self.right / self.located if self.located else 1.0

    def line(self) -> str:
        return (
            f"recall {self.found}/{self.countable} ({self.recall:.0%}), precision "
            f"{self.right}/{self.proposed - self.neutral} ({self.precision:.0%}), claimant "
            f"{self.right}/{self.located} ({self.claimant_accuracy:.0%})"
        )


@dataclass(frozen=True)
class Proposal:
    sentence: str
    claimant: str
    low: float | None
    high: float | None
    qualifier: str | None
    ref: object = None  # what the caller wants back (a candidate, a stored claim id)


def match(proposals: list[Proposal], article_labels: list[Label]):
    """Pair proposals with labels, each used once: (score, {proposal index: label},
    [(proposal, label or None, verdict)]) where verdict is right, claimant, neutral
    or wrong."""
    score = Score(proposed=len(proposals), countable=sum(lb.countable for lb in article_labels))
    free = list(article_labels)
    matched: dict[int, Label] = {}
    report = []
    for i, proposal in enumerate(proposals):
        if proposal.qualifier is None:
            # A denial with no figure: the labels hold figure claims only, so it is
            # neither right nor wrong here.
            score.neutral += 1
            report.append((proposal, None, "neutral"))
            continue
        located = [
            lb
            for lb in free
            if same_sentence(proposal.sentence, lb) and same_bound(proposal.low, proposal.high, lb)
        ]
        right = [lb for lb in located if same_claimant(proposal.claimant, lb)]
        countable_right = [lb for lb in right if lb.countable]
        if countable_right:
            label = countable_right[0]
            free.remove(label)
            matched[i] = label
            score.right += 1
            score.located += 1
            score.found += 1
            report.append((proposal, label, "right"))
            continue
        vague = [
            lb
            for lb in free
            if lb.qualifier == "vague"
            and proposal.qualifier == "vague"
            and same_sentence(proposal.sentence, lb)
        ]
        if vague:
            free.remove(vague[0])
            score.neutral += 1
            report.append((proposal, vague[0], "neutral"))
            continue
        countable_located = [lb for lb in located if lb.countable]
        if countable_located:
            score.located += 1
            report.append((proposal, countable_located[0], "claimant"))
            continue
        report.append((proposal, located[0] if located else None, "wrong"))
    for label in free:
        if label.countable:
            report.append((None, label, "missed"))
    return score, matched, report
