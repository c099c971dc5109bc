"""Who says it: the attributions in one clause of news copy, and the claimants they name.

Pure: a clause's text in, attributions out, each with where it stands, so that
the extractor can give every figure the attribution that governs it. The forms
read are the ones wire copy uses: a subject before a reporting verb ("the
Pentagon said", "X on Tuesday estimated", "X put the toll at"), the turned-round
"..., said X", "according to X", passives ("was reported by X", "an estimate
made by X"), "a claim by X", possessives ("X's figures", "X's count of"), and
pronouns and back-references ("he said", "the agency said", "their statement"),
which the caller resolves against what the article has named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claimtrack.claims import BODY_KINDS
from claimtrack.figures import NUMBER_WORDS, SCALE_WORDS, LazyPattern, compile_patterns
from claimtrack.places import place_names
from claimtrack.quantities import UNIT_SYNONYMS, is_side

# Reporting verbs and the stance each one gives.
VERBS: dict[str, str] = {}
for _stance, _words in {
    "asserts": "said says say told tells tell telling added adding stated states wrote writes "
    "announced announces noted notes warned warns put puts indicated indicates insisted "
    "insists argued argues explained declared declares testified posted tweeted "
    "concluded concludes judged judges determined ruled revealed "
    "reveals disclosed discloses placed places pegged pegs insisting saying noting "
    "add announce note warn insist argue explain declare conclude judge determine "
    "reveal disclose place peg write putting placing pegging informed informs assured assures "
    "remarked commented underlined specified highlighted",
    "confirms": "confirmed confirms confirm confirming acknowledged acknowledges verified "
    "conceded concedes admitted admits acknowledge verify concede admit",
    "alleges": "alleged alleges allege alleging accused accuses",
    "claims": "claimed claims claim claiming",
    "estimates": "estimated estimates estimate estimating assessed assesses calculated "
    "calculates counted counts tallied projected projects projecting forecast forecasts "
    "predicted predicts expects expected reckoned reckons figured figures assess calculate "
    "tally project predict expect reckon expecting forecasting predicting believes believed "
    "believe worries worried worry",
    "reports": "reported reports reporting documented documents recorded records registered "
    "registers listed lists cited cites logged report document record register list cite "
    "identified identifies",
    "denies": "denied denies deny denying rejected rejects dismissed dismisses refuted "
    "refutes disputed disputes disputing rejecting dismissing reject dismiss refute dispute",
}.items():
    VERBS.update(dict.fromkeys(_words.split(), _stance))
# Regular verbs in every form: "adds", "added", "adding" from "add". The base forms
# are nouns and modifiers as often ("the state emergency agency", "the budget office").
_BASE_FORMS: set[str] = set()
for _base, _stance in {
    "add": "asserts", "note": "asserts", "warn": "asserts", "insist": "asserts",
    "state": "asserts", "announce": "asserts", "conclude": "asserts", "reveal": "asserts",
    "disclose": "asserts", "find": "asserts", "suggest": "estimates", "extrapolate": "estimates",
    "calculate": "estimates", "project": "estimates", "predict": "estimates",
    "forecast": "estimates", "propose": "asserts", "budget": "estimates", "report": "reports",
    "record": "reports", "document": "reports", "register": "reports", "confirm": "confirms",
    "acknowledge": "confirms", "concede": "confirms", "admit": "confirms", "claim": "claims",
    "allege": "alleges", "deny": "denies", "reject": "denies", "dispute": "denies",
    "dismiss": "denies", "refute": "denies", "estimate": "estimates", "count": "estimates",
    "tally": "estimates", "assess": "estimates", "reckon": "estimates", "figure": "estimates",
    "fear": "estimates", "inform": "asserts", "quote": "reports", "anticipate": "estimates",
    "indicate": "reports", "mention": "reports", "approximate": "estimates",
    "value": "estimates", "revise": "reports", "update": "reports", "adjust": "reports",
    "assert": "asserts", "maintain": "asserts", "contend": "asserts",
    "stress": "asserts", "reiterate": "asserts", "affirm": "asserts", "boast": "asserts",
    "remind": "asserts", "pronounce": "asserts", "emphasise": "asserts", "emphasize": "asserts",
}.items():  # fmt: skip
    _stem = _base[:-1] if _base.endswith("e") else _base
    _forms = {_base, _base + "s", _stem + "ed", _stem + "ing"}
    if _base.endswith("y") and _base[-2] not in "aeiou":
        _forms = {_base, _base[:-1] + "ies", _base[:-1] + "ied", _base + "ing"}
    if _base.endswith(("ss", "sh", "ch")):
        _forms |= {_base + "es"}
    for _form in _forms:
        VERBS.setdefault(_form, _stance)
    _BASE_FORMS.add(_base)
VERBS.update({"found": "asserts", "finds": "asserts", "shows": "reports", "showed": "reports",
              "show": "reports"})  # fmt: skip
# A pledge is its giver's figure: "the oil firm Tarco pledged €100 million".
VERBS.update(dict.fromkeys("pledged pledges donated donates".split(), "asserts"))
DENIAL_VERBS = {verb for verb, stance in VERBS.items() if stance == "denies"}
# Verbs that are reporting verbs only in front of a report: "offered its first
# estimate of", "released a list of 420 names", "published figures showing", "obtained
# a register of 4,000 names" (the reader tells what it holds).
_GIVING_VERBS = set("offered offers gave gives released releases issued issues published "
                    "publishes provided provides presented presents raised raises lowered "
                    "lowers revised revises updated updates upped cut increased increases "
                    "decreased decreases reduced reduces lifted lifts had has obtained "
                    "obtains acquired".split())  # fmt: skip
_REPORT_NOUNS = set(
    """estimate estimates figure figures toll tolls tally tallies count counts number numbers
    data statistics list names report reports statement statements assessment
    assessments projection projections calculation calculations census survey study
    analysis breakdown update estimations correction revision document documents memo
    memos dossier briefing""".split()
)
# Words that may stand between a subject and its verb: "has previously denied".
_REFLEXIVES = {"itself", "themselves", "himself", "herself"}
_BETWEEN = _REFLEXIVES | set(
    """has have had also previously earlier later again reportedly now already since then
    would will further separately officially publicly initially first did does both jointly
    privately repeatedly firmly flatly categorically angrily confidently conservatively
    independently unofficially provisionally tentatively subsequently however though
    nevertheless meanwhile instead too likewise""".split()
)
# Heads of a claimant that is not a proper name: "fire officials", "the air force".
CLAIMANT_HEADS = set(
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
    consulate mission board bank firm institute centre center university foundation staff
    survivors eyewitnesses relatives economists auditors engineers lawyers statisticians
    epidemiologists pollsters demographers academics elders
    activists campaigners volunteers observers critics opponents protesters trust fund watch
    forum project initiative movement league front programme program collective platform
    opposition management employers bosses hall
    association federation society alliance coalition network tribunal secretariat
    bureau directorate panel party television radio broadcaster newspaper media channel
    tv reporter reporters correspondent correspondents journalist journalists portal outlet
    website magazine tabloid""".split()
)
# Heads of a body (not of a person or a group of people) that someone can speak for:
# the kinds of public body, and others.
BODY_HEADS = BODY_KINDS | set(
    """navy force forces office service company utility court regulator watchdog committee
    parliament group organisation organization charity hospital guard union brigade
    battalion junta regime embassy consulate mission board bank firm institute centre
    center university foundation trust fund project movement league front party
    association federation society alliance coalition network tribunal secretariat bureau
    directorate panel observatory""".split()
)
# Who reports for a news organisation: "a Harbor Wire reporter" speaks for it, but an
# unnamed one after a comma ("..., a reporter said") for no one else named there.
_PRESS = {"reporter", "reporters", "correspondent", "correspondents", "journalist", "journalists"}
# A word that names a role a person holds: "the governor", "a military adviser".
ROLES = set(
    """president vice-president minister secretary secretary-general governor mayor spokesman
    spokeswoman spokesperson envoy ambassador chancellor director commissioner senator
    representative king queen prince premier leader commander general colonel judge chief
    chairman chairwoman chair head ceo adviser advisor coordinator co-chairman co-chair
    counsel attorney lawyer official officer superintendent inspector collector magistrate
    administrator prosecutor prosecutor-general attorney-general coroner auditor
    auditor-general ombudsman rapporteur""".split()
)
# Titles before a name, dotted or not: "Maj. Gen. Ivan Petrenko", "Maj Gen Petrenko".
TITLES = ROLES | set(
    """prime sen sen. rep rep. lt lt. gen gen. col col. adm adm. maj maj. major lieutenant
    brigadier brig brig. captain capt capt. sergeant sgt sgt. admiral dr dr. mr mr. mrs
    mrs. ms ms. prof prof. professor deputy acting former""".split()
)
# The people who speak for an organisation without being named.
_SPEAKERS = set(
    """spokesman spokeswoman spokesperson spokespeople official officials source sources
    representative representatives member members head chief director staff worker
    workers employee employees officer officers""".split()
)
_FUNCTION_CAPITALS = set(
    """while but and although however meanwhile as when if after before since because so yet
    still also in on at the a an this that these those it its his her their our we i you he
    she they there here with without for from by of to then even additionally moreover though
    whilst whereas unlike nor what how why where which whose does""".split()
)
_INDEFINITE = {"a", "an", "one", "some", "another", "any"}
PRONOUNS = {"he": "person", "she": "person", "it": "organisation", "they": "plural",
            "we": "speaker", "i": "speaker"}  # fmt: skip
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}


def _pronoun_object(word: str, stance: str, start: int, end: int) -> Attribution:
    """ "according to him", "quoted her as saying": whom the pronoun stands for."""
    return Attribution(None, stance, "pronoun", start, end, False,
                       pronoun=_OBJECT_PRONOUNS[word.lower()])  # fmt: skip


POSSESSIVES = {"his": "person", "her": "person", "its": "organisation", "their": "plural",
                "our": "speaker", "my": "speaker"}  # fmt: skip
# Lower-case nouns that, after "the", mean an organisation named before.
BACK_REFERENCES = set(
    """agency ministry organisation organization group office company utility department
    charity service body watchdog board committee commission council bank firm institute
    union government authority authorities court panel party centre center university
    foundation association federation alliance coalition network bureau police military
    army report statement study survey outlet newspaper paper broadcaster publication
    channel junta regime website site portal""".split()
)
_REPORTS = {"report", "statement", "study", "survey", "analysis", "assessment", "release",
            "estimate", "tally", "count", "investigation", "review", "audit", "census",
            "poll", "document", "memo", "dossier", "briefing"}  # fmt: skip
_DOCUMENTS = _REPORT_NOUNS | _REPORTS
# What "according to their ..." may name: a record of theirs, not "their DNA results".
_RECORDS = _DOCUMENTS | {"records", "record", "sources", "account", "accounts", "information",
                         "calculations", "reckoning", "findings"}  # fmt: skip
_WEEKDAYS = set("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = set(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
_TIME_WORDS = _WEEKDAYS | {
    "yesterday", "today", "tonight", "morning", "afternoon", "evening", "night", "earlier",
    "later", "late", "early", "last", "this", "week", "month", "year",
}  # fmt: skip
# What says when after a name: "last spring", "this week", "earlier this year".
_WHEN_WORDS = {"last", "this", "next", "earlier", "later", "late", "early"}
_PERIODS = _WEEKDAYS | _MONTHS | {"spring", "summer", "autumn", "fall", "winter", "week",
                                  "month", "year", "weekend", "night", "morning", "this"}  # fmt: skip
# What stands before a day or month that says when ("late on Sunday", "in March").
_WHEN = {"on", "in", "since", "by", "last", "this", "next", "early", "late", "mid", "until",
         "through", "during", "from", "before", "after"}  # fmt: skip
# Capitalised words that never begin or make up a name: "On Wednesday, the ...".
NOT_NAMES = _FUNCTION_CAPITALS | _WEEKDAYS | _MONTHS | {"update", "meanwhile", "then"}
# Words that leave a generic source as unnamed as it was: "various sources".
_VAGUE_WHO = set(
    """various several many some multiple other others unnamed anonymous informed
    unofficial numerous different local""".split()
)
_GENERIC_SOURCES = set(
    """information figures data estimates reports report statistics numbers news media
    sources accounts counts tallies witnesses residents locals""".split()
)

# Abbreviations written with a dot inside a name: the titles' ("Dr.", "Gen.") and a
# company's or a generation's ("& Co.", "Jr.").
_DOTTED = sorted(
    {w[:-1].capitalize() for w in TITLES if w.endswith(".")}
    | {"Co", "Inc", "Corp", "Ltd", "Jr", "Sr"},
    key=len,
    reverse=True,
)
TOKEN = LazyPattern(
    # an initial before a name ("Roger G. Kennedy") is a word of the name, and so is
    # an abbreviated title or company form with its dot ("Dr. Amina Yusuf", "Clark & Co.")
    r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s[A-Z][a-z])"
    rf"|(?:{'|'.join(_DOTTED)})\."
    r"|[^\W\d_][\w'’.-]*[\w]|[^\W\d_]|\d(?:[\d,.]*\d)?"
    r"|[“”\"(),;:]|--(?!-)|[^\s\w]",
    re.UNICODE,
)
Token = tuple[str, int, int]


@dataclass
class Attribution:
    """Who gives what follows (or precedes) a reporting verb, and with what stance.

    `claimant` is None for a source that names nobody ("reports that ..."): what
    it governs is unattributed, not inherited from elsewhere."""

    claimant: str | None
    stance: str
    kind: str  # subject, end, according, passive, possessive, pronoun, reference, role, unnamed
    start: int  # where its words begin, in the clause
    end: int  # where its reporting verb ends: what follows is what it says
    person: bool
    denial_marker: bool = False  # "falsely said": the claim is reported to be denied
    pronoun: str | None = None  # the pronoun or back-reference still to be resolved
    form: str = ""  # how it was written ("passive", "record", ...) when kind is "reference"


def tokens(text: str) -> list[Token]:
    # "--" is how plain-text copy writes a dash: read as one
    return [
        (m.group() if m.group() != "--" else "—", m.start(), m.end()) for m in TOKEN.finditer(text)
    ]


def is_capital(word: str) -> bool:
    # "U.N." too: its first letter is a capital; and "al-Thawadi", "el-Sisi"
    return word[:1].isupper() or (word[:3] in _NAME_PARTICLES and word[3:4].isupper())


_NAME_PARTICLES = {"al-", "el-", "ad-", "as-", "ar-", "an-"}
# The small words a long organisation's name holds: "the Bureau for the Protection
# of the Lakes and Rivers" (and which its initials pass over: "CPJ")
NAME_JOINS = {"the", "of", "for", "and", "to", "on", "in", "&"}
# Bodies named for what they aim at: "the Committee to Protect Journalists"
_NAMED_FOR_AN_AIM = {"committee", "campaign", "coalition", "movement", "alliance", "league",
                     "society", "fund", "foundation", "council", "initiative"}  # fmt: skip
# Small words inside a person's name: "Eduardo del Rosario", "Ursula von der Leyen"
NAME_LINKS = {"del", "de", "da", "di", "van", "von", "der", "den", "bin", "binti", "dos", "das",
              "du", "ibn", "la", "le"}  # fmt: skip


def _is_head(lower: str) -> bool:
    return (
        lower in CLAIMANT_HEADS
        or lower.rstrip("s") in CLAIMANT_HEADS
        or (lower.endswith("ies") and lower[:-3] + "y" in CLAIMANT_HEADS)  # "aid agencies"
        or lower in TITLES
        or (lower.endswith("s") and lower[:-1] in ROLES)  # "union leaders", "the generals"
        or lower in _REPORTS  # "the report said": resolved to whose report it is
    )


_MEDIUM_OWNERS = {"a", "an", "its", "his", "her", "their", "the"}
# Where someone said something, between a subject and its verb: "in a statement".
_MEDIUMS = {"post", "statement", "interview", "tweet", "video", "message", "letter",
            "briefing", "speech", "broadcast", "report", "column", "conference", "address",
            "appearance", "hearing"}  # fmt: skip


def _in_a_medium(toks: list[Token], at: int) -> int | None:
    """Where "in a Facebook post", "in an interview", "in its statement" opens, when it
    ends at AT."""
    k = at - 1
    while k >= 0 and at - k <= 4 and toks[k][0].isalpha():
        if toks[k][0].lower() in _MEDIUM_OWNERS:
            return k - 1 if k >= 1 and toks[k - 1][0].lower() == "in" else None
        k -= 1  # "Facebook", "latest"
    return None


_LY_NOUNS = {"family", "assembly", "rally", "ally", "supply", "monopoly", "anomaly", "weekly",
             "daily", "monthly", "quarterly", "fortnightly"}  # fmt: skip


_BEFORE_A_DAY = {"on", "late", "early", "last", "this", "earlier"}  # "earlier on Tuesday"


_TOLD_TO = {"told", "asked", "ordered", "urged", "forced"}
_AS_RECENTLY = {"recently", "early", "late", "lately"}
# What "as recently as" can be followed by: when
_AS_RECENTLY_WHEN = _WEEKDAYS | _MONTHS | {"yesterday", "today", "last", "this", "week", "month",
                                         "year", "weekend", "morning", "night"}  # fmt: skip


def _skip_adverbials(toks: list[Token], j: int) -> int:
    """Skip what stands between a subject and its verb: "has previously", "on
    Wednesday", "late on Tuesday", ", in a statement,"."""
    while j >= 0:
        lower = toks[j][0].lower()
        if lower in _BETWEEN:
            j -= 1
            continue
        if lower == "far" and j >= 1 and toks[j - 1][0].lower() in ("so", "thus"):
            j -= 2  # "Authorities have so far confirmed"
            continue
        if lower in _MEDIUMS and (opening := _in_a_medium(toks, j)) is not None:
            j = opening - 1  # "X in a radio interview on Sunday said": where, not who
            continue
        if (
            lower.endswith("ly")
            and len(lower) > 4
            and toks[j][0].islower()
            and not (_is_head(lower) or lower in _RECORDS or lower in _LY_NOUNS)
            and j >= 1
            and (
                _is_head(toks[j - 1][0].lower())
                or is_capital(toks[j - 1][0])
                or toks[j - 1][0].lower() in _BETWEEN  # "has finally acknowledged"
            )
        ):
            j -= 1  # "the health ministry recently published": an adverb after its subject
            continue
        if (
            j >= 3
            and toks[j][0].islower()
            and toks[j - 1][0] == "to"
            and toks[j - 2][0].lower() in _TOLD_TO
        ):
            j -= 3  # "the residents told to leave said": who they are, then the subject
            continue
        if (
            lower == "as"
            and j >= 2
            and toks[j - 2][0].lower() == "as"
            and (toks[j - 1][0].lower() in _AS_RECENTLY)
        ):
            j -= 3  # "X had as late as March said": when, not who
            continue
        if (
            j >= 3
            and toks[j - 1][0].lower() == "as"
            and toks[j - 3][0].lower() == "as"
            and toks[j - 2][0].lower() in _AS_RECENTLY
            and (lower in _AS_RECENTLY_WHEN or (lower.isdigit() and len(lower) == 4))
        ):
            j -= 1  # "as late as March", "as early as 2019": the time, then the rest
            continue
        if (
            lower in ("time", "year", "day", "week")
            and j >= 3
            and toks[j - 3][0].lower() == "for"
            and toks[j - 2][0].lower() in ("the", "a")
        ):
            j -= 4  # "X for the first time released", "for a second year"
            continue
        if (
            lower in ("week", "month", "year", "weekend")
            and j >= 1
            and (toks[j - 1][0].lower() in ("last", "this"))
        ):
            j -= 2  # "Verisk last week estimated", "the agency earlier this week counted"
            continue
        if (
            lower == ","
            and j >= 2
            and toks[j - 1][0].lower() in _WEEKDAYS | {"yesterday", "today", "tonight"}
            and all(t[0] != "," for t in toks[max(0, j - 30) : j])  # unpaired: no aside
        ):
            j -= 1  # "X late on Friday, had told us": a stray comma after when
            continue
        if lower in _WEEKDAYS or lower in ("yesterday", "today", "tonight"):
            j -= 1
            while j >= 0 and toks[j][0].lower() in _BEFORE_A_DAY:
                j -= 1
            continue
        if (
            lower in ("morning", "afternoon", "evening", "night")
            and j >= 1
            and (toks[j - 1][0].lower() in _WEEKDAYS | {"this", "last", "on"})
        ):
            j -= 1
            continue
        if (lower in _MONTHS or (lower.isdigit() and len(lower) == 4)) and j >= 1:
            # "a report released in May", "published in June 2024": when, not who
            k = j - 1
            if lower.isdigit() and toks[k][0].lower() in _MONTHS:
                k -= 1
            if k >= 1 and toks[k][0].lower() == "in" and toks[k - 1][0].lower() in _PUBLISHED:
                j = k - 1
                continue
        if lower.isdigit() and len(lower) <= 2 and j >= 1 and toks[j - 1][0].lower() in _MONTHS:
            j -= 2
            if j >= 0 and toks[j][0].lower() == "on":
                j -= 1
            continue
        if lower in _PUBLISHED and j >= 1 and toks[j - 1][0].lower() in _DOCUMENTS:
            j -= 1  # "a UN report released on Thursday estimated": the report speaks
            continue
        if lower in ("–", "—") and (opening := _dash_opening(toks, j)) is not None:
            j = opening - 1  # "X – according to Y – maintained": an aside, then its subject
            continue
        break
    return j


def _dash_opening(toks: list[Token], k: int, reach: int = 20) -> int | None:
    """Where the dash that opens an aside closed by the dash at `k` stands."""
    for m in range(k - 1, max(-1, k - reach), -1):
        if toks[m][0] == toks[k][0]:
            return m if m >= 1 else None
        if toks[m][0] in (".", ";"):
            return None
    return None


# Participles that name who read a report, not who wrote it.
_READ_BY = {"seen", "obtained", "reviewed", "leaked"}


# Participles that say how a report came out: "a report released on Monday", "a study
# published by the institute".
_PUBLISHED = (
    set(
        """released published issued compiled presented submitted posted circulated prepared
    commissioned updated unveiled""".split()
    )
    | _READ_BY
)


def _agent_of_report(toks: list[Token], j: int) -> tuple[str, bool] | None | bool:
    """'a report released by the UN (on Monday) said': the agent the report is by;
    'an AFP count based on hospital figures puts': whose count it is, None when
    nobody's. False when the subject is no such report."""
    for by in range(j, max(j - 7, 1), -1):
        word = toks[by][0]
        if word not in ("by", "on", "from") or toks[by - 2][0].lower() not in _REPORT_NOUNS:
            continue
        participle = toks[by - 1][0].lower()
        if word == "by" and participle in _READ_BY:
            # "a Treasury memo seen by the paper": the memo's owner, not its reader
            return _owner_of_report(toks, by - 2)
        if word == "by" and participle in _PUBLISHED:
            return clean_name([t[0] for t in toks[by + 1 : j + 1]])
        if participle in ("based", "drawn", "compiled"):
            if any(is_capital(t[0]) for t in toks[by + 1 : j + 1]):
                return False  # "the count based on the Wire's report": the report's owner
            return noun_phrase_before(toks, by - 1)
    return False


_NO_OWNER_WORDS = _INDEFINITE | _FUNCTION_CAPITALS


def _owner_of_report(toks: list[Token], noun: int) -> tuple[str, bool] | None:
    """'a Treasury memo': the Treasury, the name written before the report; None
    when no name is."""
    k = noun - 1
    while (
        k >= 0
        and is_capital(toks[k][0])
        # "The document seen by the Post": no name before it
        and toks[k][0].lower() not in _NO_OWNER_WORDS
    ):
        k -= 1
    owner = [t[0] for t in toks[k + 1 : noun]]
    return (" ".join(owner), False) if owner else None


def _is_place(words: list[str]) -> bool:
    countries, states = place_names()
    name = " ".join(words).removeprefix("the ").removeprefix("The ")
    return name in countries or name in states


def _owned_by_a_name(toks: list[Token], noun: int) -> bool:
    """'a Reuters tally', 'an Associated Press count': a name's, so a source."""
    k = noun - 1
    while k >= 0 and is_capital(toks[k][0]) and toks[k][0].lower() not in _INDEFINITE:
        k -= 1
    return noun - 1 > k >= 0 and toks[k][0].lower() in _INDEFINITE


def _before_brackets(toks: list[Token], k: int, reach: int = 16) -> int:
    """Where the words before a closing bracket at `k` resume, its opening bracket
    a few words back; `k` itself when no bracket closes there."""
    if k < 1 or toks[k][0] != ")":
        return k
    for m in range(k - 1, max(-1, k - reach), -1):
        if toks[m][0] == ")":
            return k
        if toks[m][0] == "(":
            return m - 1
    return k


def _participle_aside(toks: list[Token], comma: int) -> int | None:
    """The comma that opens a participle aside ending at `comma` ("..., reporting
    from Lora,"), or None."""
    k = comma - 1
    while k >= 0 and toks[k][0] != "," and comma - k < 10:
        k -= 1
    if k < 1 or toks[k][0] != "," or comma - k < 3:
        return None
    first, second = toks[k + 1][0].lower(), toks[k + 2][0].lower()
    if first.endswith("ing") and second in ("from", "in", "at", "on", "to", "near"):
        return k
    return None


_ADVERBIAL_OPENERS = {"after", "before", "while", "upon", "when", "since", "on"}


def _first_token(toks: list[Token], end: int, name: str) -> int | None:
    """Where a name read back from END starts: the token of its first word."""
    first = name.split()[0]
    return next((i for i in range(end, -1, -1) if toks[i][0] == first), None)


def _past_participle_clause(toks: list[Token], end: int, name: str) -> tuple[str, bool] | None:
    """The subject before an adverbial clause whose object the name before the verb
    is: "Ilse Dorn, however, after visiting the hospital in Varno on Friday said":
    Ilse Dorn, not the hospital."""
    start = _first_token(toks, end, name)
    k = (start or 0) - 1
    while start is not None and k >= 0 and toks[k][0] not in (",", ";"):
        if toks[k][0].lower() in _ADVERBIAL_OPENERS and toks[k + 1][0].endswith("ing"):
            comma = k - 1
            if comma < 1 or toks[comma][0] != ",":
                return None
            while (
                comma >= 2 and toks[comma - 1][0].lower() in _BETWEEN and toks[comma - 2][0] == ","
            ):
                comma -= 2  # ", however, after visiting"
            return noun_phrase_before(toks, comma)
        k -= 1
    return None


def _unclosed_apposition(
    toks: list[Token], end: int, named: tuple[str, bool]
) -> tuple[str, bool] | None:
    """The person an apposition describes when its closing comma is left out: "Omar
    Kessel, a member of the Student League said" (Omar Kessel, not the League)."""
    if named[1]:
        return None
    start = _first_token(toks, end, named[0])
    k = (start or 0) - 1
    while start is not None and k >= 1 and start - k < 14 and toks[k][0] not in (";", "“", "”"):
        if toks[k][0] == ",":
            role = [t[0].lower() for t in toks[k + 1 : k + 3]]
            if (
                role[:1] in (["a"], ["an"], ["the"])
                and role[1:2]
                and (role[1] in ROLES or role[1] in _SPEAKERS)
            ):
                person = noun_phrase_before(toks, k, common=False)
                return person if person is not None and person[1] else None
            return None
        k -= 1
    return None


def _holder_of_role(toks: list[Token], comma: int) -> tuple[str, bool] | None:
    """The person an appositive role ending at `comma` describes: Ivo Lanz in "Ivo
    Lanz, the chief of the group Varn, ..."; None when the words before the comma are
    no such role."""
    k = comma - 1
    while k >= 0 and toks[k][0] not in (",", "(", ")", "“", "”", '"') and comma - k < 12:
        k -= 1
    if k < 1 or toks[k][0] != ",":
        return None
    role = [t[0].lower() for t in toks[k + 1 : comma]]
    while role and role[0] in ("the", "a", "an", "its", "their"):
        role = role[1:]
    if not role or (role[0] not in ROLES and role[0] not in TITLES):
        return None
    person = noun_phrase_before(toks, k, common=False)
    return person if person is not None and person[1] else None


def _opens_clause_at(toks: list[Token], k: int) -> bool:
    """Whether the words after index K (a determiner before them passed over) open
    their clause."""
    if k >= 0 and toks[k][0].lower() in _DETERMINERS:
        k -= 1
    return k < 0 or toks[k][0] in (",", ";", ":", "“", '"')


def noun_phrase_before(
    toks: list[Token], verb: int, common: bool = True
) -> tuple[str, bool] | None:
    """The claimant right before a reporting verb, and whether it looks like a person.
    `common`: a common noun the lexicon does not know may be the claimant ("the
    opposition says"), as it may right before a verb but not across an appositive."""
    j = _skip_adverbials(toks, verb - 1)
    agent = _agent_of_report(toks, j) if j >= 3 else False
    if agent is not False:
        return agent  # type: ignore[return-value]
    if j >= 0 and toks[j][0] == "," and j >= 1:
        # An appositive between commas: a name ("the envoy, Tom Perriello, said"), a
        # description ("The White Helmets, a rescue group ..., said") or a clause
        # ("The Harbour League, which is led by ..., said").
        k = j - 1
        k = _before_brackets(toks, k)  # "the head of Civic Coalition (KO), has claimed"
        words = []
        while k >= 0 and toks[k][0] not in (",", "“", "”", '"', "(", ")") and len(words) < 30:
            words.insert(0, toks[k][0])
            # "the insurer (P&I) for the line, said": what the brackets hold, passed over
            k = _before_brackets(toks, k - 1)
        if k < 0 or toks[k][0] != "," or not words or _is_a_clause(words):
            return None
        if len(words) > 14 and words[0].lower() not in ("who", "which"):
            return None  # a long relative clause only: "X, who has cancelled ..., announced"
        named = [w for w in words if w not in ("'", "’")]
        if not named:
            return None  # an aside of apostrophes only
        if named[0] == "the" and len(named) > 1:
            named = named[1:]  # "The organisers, the Citizens' Forum, said": the name
        inner = ("the", "of", "and", "for", "on", *NAME_LINKS)  # "the Stop the Crisis Coalition"
        if (
            is_capital(named[0])
            and all(is_capital(w) or w in inner for w in named)
            and (len(named) <= 5)
        ):
            if any(w in inner for w in named):
                return " ".join(named), False
            return clean_name(named)
        aside = _participle_aside(toks, k)
        if aside is not None:
            # "Ana Obi, reporting from Lora, a port city in the north, said": the
            # description is the place's, and the reporter speaks
            return noun_phrase_before(toks, aside, common=False)
        found = noun_phrase_before(toks, k, common=False)
        if found is not None and words[0].lower() == "which":
            holder = _holder_of_role(toks, k)
            if holder is not None:
                return holder  # "X, the chief of the group Y, which owns ..., said": X
            return found[0], False  # "The X, which organises ..., said": a body, no person
        return found
    words: list[str] = []
    while j >= 0 and len(words) < 9:
        word = toks[j][0]
        if (
            word == "-"
            and words
            and j >= 1
            and toks[j][2] == toks[j + 1][1]
            and (toks[j - 1][0][:1].isdigit() or toks[j - 1][0].lower() in NUMBER_WORDS)
        ):
            words = words[1:]  # "the 48-page report", "a 12-member panel": a measure
            break
        if words and "-" in word and word.split("-")[0].lower() in NUMBER_WORDS:
            break  # "the five-member panel"
        if word.lower() in SCALE_WORDS or word[:1].isdigit():
            # "6.4 million people officials said": the figure and its noun, then who
            if words and words[0].lower() in UNIT_SYNONYMS:
                words = words[1:]
            break
        if word == ")" and _before_brackets(toks, j) != j:
            j = _before_brackets(toks, j)  # "(NEMA)", "(a nod to its slogan)" after the name
            continue
        lower = word.lower()
        if lower in ("in", "from", "at", "across") and words and j >= 1:
            # "the military government in Ouagadougou", "officials in Kyiv"
            head = toks[j - 1][0].lower()
            if _is_head(head):
                found = noun_phrase_before(toks, j)
                if found is not None:
                    return f"{found[0]} {lower} {' '.join(words)}", False
            break
        if lower in POSSESSIVES and words:
            if j >= 2 and toks[j - 1][0].lower() == "and" and is_capital(toks[j - 2][0]):
                # "Maria Okafor and her Unity party are claiming": both, named together
                first = noun_phrase_before(toks, j - 1, common=False)
                if first is not None:
                    return f"{first[0]} and {word} {' '.join(words)}", False
            words.insert(0, word)  # "its local networks": resolved by the caller
            break
        if lower == "whose" and words and j >= 2 and toks[j - 1][0] == ",":
            return noun_phrase_before(toks, j - 1)  # "the Centre, whose analysts said": its
        # "Bill and Melinda Gates", "Rio de Janeiro": a small word inside a name
        connector = (
            lower in ("on", "and", "&", *NAME_LINKS) and bool(words) and is_capital(words[0])
        )
        if words and is_capital(words[0]) and j >= 1 and is_capital(toks[j - 1][0]):
            # a small word inside a name: "Doctors Without Borders", "the Committee to
            # Protect Journalists"
            connector = (
                connector
                or (is_capital(word) and lower in _FUNCTION_CAPITALS)
                or (lower == "to" and toks[j - 1][0].lower() in _NAMED_FOR_AN_AIM)
            )
        if (
            lower == "and"
            and words
            and all(w.islower() for w in words)
            and _is_head(words[-1])
            and (first := noun_phrase_before(toks, j)) is not None
            and not first[1]
            and _opens_clause_at(toks, j - 1 - len(first[0].split()))
            and (named := clean_name(words)) is not None
        ):
            # "Police and organisers put the crowd at 300,000 and 800,000 respectively":
            # both, named together, where the first opens the clause
            return f"{first[0]} and {named[0]}", False
        if lower in _FUNCTION_CAPITALS and lower not in ("of", "for", "the") and not connector:
            break
        if lower in ("of", "for") or connector:
            # "Ministry of Health", "Commission on Human Rights", "Bill and Melinda Gates"
            before = toks[j - 1][0] if j else ""
            if (
                not words
                or j == 0
                or not (is_capital(before) or (not connector and _is_head(before.lower())))
            ):
                break
            words.insert(0, word)
            j -= 1
            continue
        if lower == "the":
            words.insert(0, word)
            if (
                j >= 2
                and toks[j - 1][0].lower() in ("of", "for")
                and is_capital(toks[j - 2][0])
                and len(words) > 1
                and is_capital(words[1])
            ):
                # "Ilse Baker of the Harbour Trust", "the Ministry of the Interior", "the
                # Lowland Office for the Coordination of Relief"
                j -= 1
                continue
            if (
                j >= 2
                and toks[j - 1][0].lower() == "and"
                and (is_capital(words[-1]) or _is_head(words[-1].lower()))
            ):
                # "the union and the ministry put ...": both, named together, where
                # the first opens the clause ("Rain fell on Lora and the ministry said")
                first = noun_phrase_before(toks, j - 1, common=False)
                named = clean_name(words)
                k = j - 2 - (len(first[0].split()) if first else 0)
                if (
                    first is not None
                    and not first[1]
                    and named is not None
                    and _opens_clause_at(toks, k)
                ):
                    return f"{first[0]} and {named[0]}", False
            break
        if lower in _INDEFINITE:
            break  # "a Red Cross spokesperson", "analysts at one bank": see below
        if (
            word in ("'", "’")
            and words
            and j >= 1
            and toks[j - 1][0].endswith("s")
            and (
                (is_capital(words[0]) and is_capital(toks[j - 1][0]))
                # "the teachers' union", "the farmers' association": whose body it is
                or (len(words) == 1 and _is_head(words[0].lower()) and toks[j - 1][0].islower())
            )
        ):
            words.insert(0, toks[j - 1][0] + word)  # "the Lerin Coroners' Office"
            j -= 2
            continue
        if not word[:1].isalpha():
            break
        if words and lower in _WEEKDAYS | _MONTHS and j >= 1 and toks[j - 1][0].lower() in _WHEN:
            break  # "On Sunday police said", "In March officials said": when, not who
        is_head = _is_head(lower)
        if not words and lower in _PUBLISHED_FIGURES and j >= 1:
            # "the official data shows", "the latest figures show": those published last
            k = j - 1
            while k >= 0 and (toks[k][0].islower() or k == 0) and _adjective(toks[k][0].lower()):
                k -= 1
            if k < 0 or toks[k][0].lower() == "the":
                return "the " + lower, False
        if not words and not is_capital(word) and not is_head:
            return _post_modified(toks, j, common)
        if not is_capital(word) and words and not (is_head or _is_modifier(word)):
            break
        if words and word in _FIGURE_NOUNS:
            break  # "a figure police put at 35,000" (not "the Electoral Count Board")
        words.insert(0, word)
        j -= 1
    if j >= 0 and toks[j][0].lower() in _INDEFINITE:
        # "a Red Cross spokesperson", "an embassy official": the organisation speaks
        found = _speaker_for(words)
        # where the name ends the words: "industry body | Tradecham"
        name_at = len(words) - next(
            (i for i, w in enumerate(reversed(words)) if not is_capital(w)), len(words)
        )
        if found is None and 0 < name_at < len(words) and all(w.islower() for w in words[:name_at]):
            # "another industry body Tradecham put": the name its description goes with
            found = clean_name(words[name_at:])
        if (
            found is None
            and len(words) >= 3
            and words[0].lower() in _SPEAKERS
            and words[1] in ("for", "of", "at", "from")
            and is_capital(words[2])
        ):
            return " ".join(words[2:]), False  # "a spokesperson for Northline Rail"
        if (
            found is None
            and len(words) == 1
            and words[0].lower() in _SPEAKERS
            and j >= 1
            and toks[j - 1][0] == ","
        ):
            # "The Coastal Guard rescued 312 people, a spokesperson said": its
            return _opening_organisation(toks, j - 1)
        return found
    if not words:
        return None
    lone = words[0].lower() if len(words) == 1 else ""
    if j < 0 and lone in _SPEAKERS - {"staff"} and not lone.endswith("s"):
        return None  # "Official recorded losses stood at": an adjective, no one
    if (
        len(words) >= 2
        and words[-1].lower() in _PRESS
        and (j >= 0 or words[0].isupper())
        and not _is_place(words[:-1])
        and not any(is_side(w.lower()) or w.lower().endswith("ern") for w in words[:-1])
    ):
        # "BBC reporters counted", "the Harbor Wire correspondents saw": the outlet's
        # (a first word of the sentence may be capital only for that: "Local
        # reporters"); not whose or where they are ("Western journalists")
        return _speaker_for(words) or clean_name(words)
    return clean_name(words)


# Bodies an unnamed member speaks for though written in lower case, and the ranks
# that may stand before them.
_SPEAKING_BODIES = {"police", "army", "military", "navy", "government", "ministry", "hospital",
                    "embassy", "coastguard", "company", "union", "junta", "regime"}  # fmt: skip
_RANKS = {"senior", "junior", "top", "local", "regional", "district", "state", "federal",
          "provincial", "high-ranking", "former"}  # fmt: skip


def _clause_subject(toks: list[Token]) -> tuple[str, bool] | None:
    """The name a clause opens with, as its subject, when a verb follows it: "Interior
    Minister Ana Obi went to parliament ..." (Ana Obi)."""
    words = []
    for word, _, _ in toks[:10]:
        if is_capital(word) or (words and word in ("of", "for", "the")):
            words.append(word)
            continue
        break
    if len(words) < 2 or len(words) == len(toks) or words[0].lower() in NOT_NAMES:
        return None
    if not toks[len(words)][0].islower():
        return None
    return clean_name(words)


def opening_report_owner(text: str) -> str | None:
    """The owner of the report a sentence opens with, whatever its verb: "A Lora Times
    review, published Sunday, analysed ..." (Lora Times), for an "it found" after it."""
    toks = tokens(text[:120])
    if len(toks) < 3 or toks[0][0] not in ("A", "An", "The"):
        return None
    words = []
    for word, _, _ in toks[1:6]:
        if not is_capital(word):
            break
        words.append(word)
    at = 1 + len(words)
    if not words or at >= len(toks) or report_noun(toks[at][0]) not in _REPORTS:
        return None
    if words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]
    return None if _is_place(words) else " ".join(words)


def opening_speaker(text: str) -> tuple[str, bool] | None:
    """The name a sentence opens with as its subject, with an aside between commas
    after it, when a verb follows: "Governor Ana Obi, a former minister, queried the
    tally, stating ..." (Ana Obi), for a participle that has no other subject."""
    toks = tokens(text[:300])
    found = _clause_subject(toks)
    if found is not None:
        return found
    comma = next((i for i, t in enumerate(toks[:8]) if t[0] == ","), None)
    if comma is None or comma < 2:
        return None
    close = next(
        (i for i in range(comma + 1, min(len(toks), comma + 16)) if toks[i][0] == ","), None
    )
    if close is None or close + 1 >= len(toks) or not toks[close + 1][0].islower():
        return None
    if toks[comma + 1][0].lower() in ("who", "which", "whose"):
        return None  # a relative clause: the verb may be its own
    return _clause_subject([*toks[:comma], *toks[close + 1 :]])


def _opening_organisation(toks: list[Token], end: int) -> tuple[str, bool] | None:
    """The organisation a clause opens with, as its subject: "The Coastal Guard
    rescued ...", never a person, a place or a figure."""
    words = []
    start = 1 if toks and toks[0][0] in ("The", "the") else 0
    for word, _, _ in toks[start:end]:
        if not (is_capital(word) or (words and word in ("of", "for", "&", "and"))):
            break
        words.append(word)
    while words and not is_capital(words[-1]):
        words.pop()
    if words and start + len(words) < len(toks) and toks[start + len(words)][0] == ":":
        return None  # "NEW: 83 bodies are found", "Police: 40 dead": a label, no subject
    if not words and start < end - 1:
        # "The coastguard rescued ...": a body written in lower case, as its subject
        body, verb = toks[start][0], toks[start + 1][0]
        if body in _SPEAKING_BODIES and (verb in VERBS or verb.endswith("ed")):
            return body, False
    if not words or words[0].lower() in NOT_NAMES or looks_like_person(words):
        return None
    if not (start or _is_head(words[-1].lower()) or words[-1].isupper()):
        return None  # "Kenya rescued ...": a place, unless "the" or a body's name says so
    return " ".join(words), False


def opening_body(text: str) -> str | None:
    """The body a sentence opens with as its subject: "The opposition held ...", "The
    Harbour Trust said ...", never a person or a place."""
    toks = tokens(text[:200])  # a subject opens the sentence: its first words say
    if len(toks) < 3:
        return None
    if toks[0][0] == "The" and toks[1][0].islower():
        # "The opposition held ...", "The port authority handled ...": up to a verb
        words = []
        for word, _, _ in toks[1:5]:
            if not word.islower() or word in VERBS or word.endswith("ed"):
                break
            words.append(word)
        # the longest run of words that ends in a body's noun
        ends = [i for i, w in enumerate(words) if _is_head(w) and w not in _SPEAKERS]
        return " ".join(words[: ends[-1] + 1]) if ends else None
    found = _opening_organisation(toks, len(toks))
    return found[0] if found is not None else None


def _speaker_for(words: list[str]) -> tuple[str, bool] | None:
    """An unnamed person speaking for a named organisation is that organisation: "a
    Red Cross spokesperson", and "a company spokesperson" after the company is named."""
    press = words[-1].lower() in _PRESS if words else False
    if (
        2 <= len(words) <= 3
        and all(w.islower() for w in words)
        and words[-1] in CLAIMANT_HEADS - ROLES - _SPEAKERS - _SPEAKING_BODIES - _RECORDS
        and words[-1] not in _PRESS
    ):
        return " ".join(words), False  # "one opposition party said": a body, unnamed
    if (
        len(words) >= 2
        and words[-1].lower() in ROLES - _SPEAKERS
        and any(is_capital(w) and is_side(w.lower()) for w in words[:-1])
        and all(is_side(w.lower()) or w.islower() for w in words[:-1])
    ):
        # "a Varnian prosecutor said": a nation's office holder, whom the article may
        # name later (see is_role_only)
        return " ".join(words), True
    if len(words) >= 2 and (
        words[-1].lower() in _SPEAKERS or press or words[-1].lower() in _REPORTS
    ):
        # "a Red Cross spokesperson"; "a Harbor Wire report", "a Keefe & Lowe estimate"
        organisation = [w for w in words[:-1] if w not in ("the", "The", "press", "news")]
        named = next((i for i, w in enumerate(organisation) if is_capital(w)), 0)
        if named and all(w.islower() for w in organisation[:named]):
            organisation = organisation[named:]  # "a leaked Treasury memo"
        if organisation and all(is_capital(w) or w == "&" for w in organisation):
            return " ".join(organisation), False
        if press:
            return None  # "a local reporter": for no one named
        if (
            organisation
            and is_capital(organisation[0])
            and organisation[-1].lower() in CLAIMANT_HEADS
            and all(is_capital(w) or w.lower() in CLAIMANT_HEADS for w in organisation)
        ):
            return " ".join(organisation), False  # "a Rail Corp board report"
        organisation = [
            w for w in organisation if w.lower() not in _NOUN_ADJECTIVES
        ] or organisation
        bodies = [w for w in organisation if w.lower() in _SPEAKING_BODIES]
        if bodies and all(w.lower() in _RANKS or w in bodies for w in organisation):
            return bodies[-1].lower(), False  # "a senior police officer": the police
        sides = [w for w in organisation if is_capital(w) and is_side(w.lower())]
        if bodies and sides and all(w in bodies or w in sides or w.lower() in _RANKS
                                    for w in organisation):  # fmt: skip
            return f"{sides[-1]} {bodies[-1].lower()}", False  # "a Thai military spokesman"
        if len(organisation) == 1 and organisation[0].lower() in BACK_REFERENCES:
            return "the " + organisation[0].lower(), False
        if (
            organisation
            and all(
                w.islower()
                or (i == 0 and (is_side(w.lower()) or (is_capital(w) and len(organisation) > 1)))
                for i, w in enumerate(organisation)
            )
            and _is_head(organisation[-1])
        ):
            # "a fire service spokesman", "a Norlandian border guard spokeswoman": the body
            return " ".join(organisation), False
    return None


def _post_modified(toks: list[Token], end: int, common: bool = True) -> tuple[str, bool] | None:
    """A claimant with a short place or remit after it: 'officials in both
    countries say', 'the UN's coordinator for the country said', 'a spokesman for
    the ministry said' (the ministry)."""
    for k in range(end, max(end - 5, 0), -1):
        if toks[k][0].lower() in ("and", "but", "while") and k < end:
            break  # "a tally of 4,800 and the union stated": the subject starts after "and"
        on = toks[k][0].lower() == "on" and k + 1 <= end and toks[k + 1][0].lower() == "the"
        if (on or toks[k][0].lower() in ("in", "from", "at", "across", "for", "of")) and k >= 1:
            head = toks[k - 1][0]
            lower = head.lower()
            if toks[k][0].lower() in ("for", "of", "at", "from") and lower in _SPEAKERS:
                # "a spokesman for the Norlandian Defence Ministry", "the head of the NHB"
                owner = [t[0] for t in toks[k + 1 : end + 1]]
                found = clean_name(owner) if owner else None
                if found and (any(is_capital(w) for w in owner) or _is_head(owner[-1].lower())):
                    return found[0], False
                bodies = [w.lower() for w in owner if w.lower() in _SPEAKING_BODIES]
                return (bodies[0], False) if bodies else None  # "at the navy command centre"
            if _is_head(lower) or is_capital(head):
                found = noun_phrase_before(toks, k)
                if found is None:
                    return None
                if lower in _PRESS | _SPEAKERS and found[0].split()[-1].lower() != lower:
                    return found  # "Harbor Wire reporters on the ground": the agency, wherever they are
                if found[1] and toks[k][0].lower() == "of":
                    return found  # "Ana Obi of Norland's Lora province": the person
                place = [t[0] for t in toks[k : end + 1]]
                if any(word.lower() in _INDEFINITE for word in place):
                    return None  # "analysts at one bank": nobody named
                if on and any(word.lower() in _PERIODS | _TIME_WORDS | {"day"} for word in place):
                    return found  # "officials on the same day": when, not where
                return f"{found[0]} {' '.join(place)}", False
    return _common_noun_subject(toks, end) if common else None


# Nouns that name a figure, not anyone who could give one: "the toll said" never occurs,
# but "the figure", "the number" before a verb are no sources.
_NOT_SOURCES = set(
    """figure figures number numbers toll count total tally crowd estimate estimates data
    rate share amount sum cost price level percentage majority minority rest studies
    research analyses surveys models projections calculations statistics
    findings results records documents reports claims bodies deaths injuries casualties
    cases homes houses buildings situation evidence signs indications circumstances facts
    reality picture trend trends scale extent magnitude""".split()
)
# Events: "Norland Pit Blast Counts 41 Dead" in a title is no one's claim.
_EVENTS = set(
    """collapse blast explosion fire fires quake earthquake flood floods storm cyclone
    hurricane typhoon attack attacks crash stampede disaster tragedy war violence clashes
    fighting riots bombing bombings landslide tsunami wildfire wildfires accident shooting
    flooding shelling rains downpour downpours heatwave eruption outbreak epidemic drought
    famine unrest crackdown mudslide mudslides avalanche sinking shipwreck election elections
    vote referendum ballot runoff strike strikes march marches rally rallies protest protests
    demonstration demonstrations""".split()
)


_FIGURE_NOUNS = {"figure", "number", "toll", "count", "estimate", "total"}
# Office holders a body's possessive names without a name of their own: "the Fire
# Department's marshal"
_PERSON_ROLES = {"marshal", "statistician", "inspector", "engineer", "surgeon", "doctor",
                 "physician", "epidemiologist", "analyst", "economist", "researcher"}  # fmt: skip


def _common_noun_subject(toks: list[Token], end: int) -> tuple[str, bool] | None:
    """A claimant the lexicon does not know, written as a common noun: "the opposition
    says", "the airline said", "city engineers had calculated". Either "the" and one
    to three lower-case words, or a modifier and a plural noun; never the counted noun
    of a figure ("300 people said")."""
    words: list[str] = []
    k = end
    while k >= 0 and len(words) < 3:
        word = toks[k][0]
        verb = word in VERBS and word not in _NOUN_VERBS and word not in _REPORT_NOUNS
        if verb and word in _BASE_FORMS and k >= 1 and toks[k - 1][0].lower() in _DETERMINERS:
            verb = False  # "the state auditor said": a base form after "the" is a noun
        if not re.fullmatch(r"[a-z][a-z'’-]+", word) or verb or word in _AUXILIARIES:
            break
        if word in _FUNCTION_CAPITALS and word != "the":
            break
        if word in NUMBER_WORDS:
            break  # "300 people said": the figure's noun is no subject
        if words and word in _FIGURE_NOUNS:
            # "a figure police put at 35,000": the figure is what police put
            return (" ".join(words), False) if _is_head(words[-1]) else None
        if word == "the" or word in ("puts", "pegs"):
            break  # "... estimate puts expected losses at": no noun phrase ends in "puts"
        if word.endswith("ed") and words and words[0] not in CLAIMANT_HEADS:
            break  # "the investigation uncovered evidence": a verb, not "the armed forces"
        if (
            word.endswith("ing")
            and words
            and words[-1].endswith("s")
            and words[-1] not in CLAIMANT_HEADS
            and k >= 1
        ):
            # "analysts using aerial photographs estimated": the analysts, not the ruling
            # party's "ruling"
            return noun_phrase_before(toks, k)
        words.insert(0, word)
        k -= 1
    if words and words[-1] in _REPORT_NOUNS and len(words) >= 2 and words[-2] not in _NOT_SOURCES:
        # "earlier police reports listed": the reports' owner speaks
        owner = [w for w in words[:-1] if w not in _NOUN_ADJECTIVES and not _adjective(w)]
        whose = [i for i, w in enumerate(owner) if w.endswith(("'s", "’s", "s'", "s’"))]
        if whose:
            owner = owner[: whose[-1] + 1]  # "the agency's situation report": the agency's
        if owner:
            owner[-1] = re.sub(r"['’]s?$", "", owner[-1])  # "the health ministry's figures"
            return " ".join(owner), False
        if k >= 0 and toks[k][0].lower() == "the" and report_noun(words[-1]) in _REPORTS:
            return report_noun(words[-1]), False  # "the medical reports": those named before
        return None
    if words and k >= 1 and _NAME_WORD.fullmatch(toks[k][0]):
        # "the Obi campaign stated", "the Lora municipality said", "Norland's LWF labour
        # confederation reckoned": a name before the common noun that says what kind of
        # body it is, after "the" or a place's possessive (no part of the name)
        m = k
        while (
            m >= 0
            and _NAME_WORD.fullmatch(toks[m][0])
            and toks[m][0] != "The"
            and toks[m][0].lower() not in _WEEKDAYS | _MONTHS
            and k - m < 3
        ):
            m -= 1
        opener = toks[m][0] if m >= 0 else ""
        kind = words[-1]
        if (
            m < k
            and (opener in ("the", "The") or _PLACE_POSSESSIVE.fullmatch(opener))
            and (
                _is_head(kind)
                or kind in _NAMED_FOR_AN_AIM
                # a kind of body the lexicon does not know: not what is counted or said
                or (
                    kind not in _NOT_SOURCES | _EVENTS | _DOCUMENTS | _NOT_A_SPEAKER
                    and not kind.endswith(("ing", "ed"))
                )
            )
        ):
            return " ".join([t[0] for t in toks[m + 1 : k + 1]] + words), False
    before = toks[k][0].lower() if k >= 0 else ""
    if (
        len(words) == 1
        and before == "the"
        and (words[0] in _PUBLISHED_FIGURES or report_noun(words[0]) in _REPORTS)
    ):
        # "The estimates show", "The reports said": the ones published before
        return "the " + words[0], False
    if not words or words[-1] in _NOT_SOURCES or words[-1] in PRONOUNS:
        return None
    if before in ("of", "from", "in", "on", "with", "about", "for"):
        return None  # "in the light of early market loss estimates": no subject
    if before == "the":
        if len(words) == 1 and _adjective(words[0]) and toks[end + 1][0] in _REPORT_NOUNS:
            return None  # "the medical reports": no subject and verb, a noun
        if k >= 1 and toks[k - 1][0].endswith("ing") and toks[k - 1][0].islower():
            # "a spokesman at the command centre leading the search said": whoever
            # leads, not the search
            return noun_phrase_before(toks, k - 1)
        return " ".join(words), False
    if k >= 0 and re.fullmatch(r"[A-Z][\w.-]*['’]s", toks[k][0]) and words[-1].endswith("s"):
        return f"{toks[k][0]} {' '.join(words)}", False  # "France's undertakers said"
    if (
        k >= 0
        and re.fullmatch(r"[A-Z][\w.-]*['’]s", toks[k][0])
        and words[-1] in ROLES | _PERSON_ROLES
    ):
        # "the Lora Fire Department's fire marshal said": the body its unnamed officer
        # speaks for
        owner = [toks[k][0][:-2]]
        m = k - 1
        while m >= 0 and is_capital(toks[m][0]) and toks[m][0] != "The" and len(owner) < 6:
            owner.insert(0, toks[m][0])
            m -= 1
        if not _is_place(owner) and (_is_head(owner[-1].lower()) or len(owner) >= 2):
            return " ".join(owner), False
    plural = words[-1].endswith("s") and not words[-1].endswith("ss")
    if (
        k == 0
        and plural
        and re.fullmatch(r"[A-Z][a-z]+", toks[0][0])
        and before not in _FUNCTION_CAPITALS
    ):
        if before in _QUANTIFIERS or before in NUMBER_WORDS:
            return " ".join(words), False  # "Some residents said", "Two residents said"
        return f"{toks[0][0]} {' '.join(words)}", False  # "Village elders said": its subject
    if len(words) >= 2 and plural and not re.match(r"\d", before):
        return " ".join(words), False
    if len(words) == 1 and (k < 0 or before in _CLAUSE_OPENERS) and words[0] not in _NOT_A_SPEAKER:
        return words[0], False  # "...; management says", "but residents told": a clause's subject
    return None


# A word of a name: "Obi", "Lora", an acronym ("LWF"); and a place's possessive before a
# body's name ("Norland's").
_NAME_WORD = LazyPattern(r"[A-Z][a-z][\w-]*|[A-Z]{2,6}")
_PLACE_POSSESSIVE = LazyPattern(r"[A-Z][a-z]+['’]s")
_QUANTIFIERS = {"some", "most", "many", "several", "few", "other", "all", "both", "more"}
# What opens a clause whose subject may be one common noun.
_CLAUSE_OPENERS = {";", "but", "while", "whereas", "though", "although"}
# Common nouns that never speak for anyone: what is counted, and what is said
_NOT_A_SPEAKER = _NOT_SOURCES | _GENERIC_SOURCES | {
    "people", "others", "many", "some", "most", "all", "both", "few", "several", "none",
    "one", "each", "everyone", "nobody", "someone", "they", "it", "this", "that",
}  # fmt: skip


_ADJECTIVE_END = LazyPattern(r"(?:al|ic|ive|ous|ary|ful|ible|able)$")


def _adjective(word: str) -> bool:
    """A lower-case word that qualifies a noun and names no one: 'medical',
    'forensic', 'provisional' (not 'hospital', 'tribunal': heads of their own)."""
    return word in _NOUN_ADJECTIVES or (bool(_ADJECTIVE_END.search(word)) and not _is_head(word))


def _is_modifier(word: str) -> bool:
    """A lower-case word that can qualify the claimant after it: 'regional governors'
    (but not 'said' in "... said city officials")."""
    bare = word[:-2] if word.endswith(("'s", "’s")) else word
    return (
        bare.replace("-", "").isalpha()
        and bare.islower()
        and len(bare) > 2
        and (bare not in VERBS or bare in _BASE_FORMS)
        and bare not in _AUXILIARIES
    )


def _is_a_clause(words: list[str]) -> bool:
    """Words between commas with a finite verb of their own before any relative word
    are a clause ("According to X, 512 people were hurt, reported Y"), not an
    appositive naming the subject ("a group that has 3,000 members")."""
    for word in words:
        lower = word.lower()
        if lower in _RELATIVE_WORDS:
            return False
        if lower in _FINITE:
            return True
    return False


_RELATIVE_WORDS = {"which", "who", "whom", "whose", "that", "where", "when"}
_FINITE = {"was", "were", "is", "are", "has", "have", "had", "will", "would"}
_BE = ("was", "were", "is", "are", "be", "been")
_AUXILIARIES = set(
    """had has have was were is are be been being will would could should may might must
    do does did can shall not""".split()
)
is_head = _is_head  # for the sentence reader: a common noun that heads a claimant
AUXILIARIES = _AUXILIARIES  # for the sentence reader: a clause that opens with one goes on


# a place named by a common noun, owning a body: no part of the body's name
_PLACE_OWNERS = {
    f"{place}'s"
    for place in "country nation state city region province island kingdom republic "
    "territory county district capital town village".split()
}


# The divisions of a country a person in office may be of: "the governor of Lora province"
_DIVISIONS = {"province", "state", "region", "county", "district", "city", "municipality",
              "governorate", "oblast", "prefecture"}  # fmt: skip


def clean_name(words: list[str]) -> tuple[str, bool] | None:
    """A claimant's name from the words before its verb: titles before a name
    dropped, descriptions before a name dropped, report nouns after it dropped."""
    while len(words) > 1 and words[-1].lower() in _REFLEXIVES:
        words = words[:-1]  # "according to the party itself": the party
    article = bool(words) and words[0].lower() == "the"  # "the London School of X": no one
    while words and words[0].lower() in ("the", "of", "for"):
        words = words[1:]
    if len(words) > 1 and words[0].lower() in NUMBER_WORDS and words[1].islower():
        words = words[1:]  # "Two residents said": residents; how many is no part of who
    based = [
        i for i, w in enumerate(words[:-1]) if w.lower().endswith(("-based", "-headquartered"))
    ]
    if based:
        # "the Lund-based Tern Institute", "London-based Harbour Watch": where it is,
        # not its name
        words = words[based[-1] + 1 :]
    if (
        len(words) > 1
        and words[0].lower().replace("’", "'") in _PLACE_OWNERS
        and words[-1].lower() in BODY_HEADS
    ):
        words = words[1:]  # "the country's election commission": the country is no part of it
    whose = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s")) and w.islower()]
    if whose and words[-1].islower() and words[-1] in _DOCUMENTS:
        words = words[: whose[-1] + 1]  # "the agency's latest situation report": the agency's
    named_whose = [i for i, w in enumerate(words[1:-1], 1) if w.endswith(("'s", "’s"))]
    if named_whose and words[-1].islower() and words[-1] in _DOCUMENTS:
        # "City Hall's CCTV analysis": City Hall's; a first word's is a name of its own
        # ("Moody's Analytics estimate")
        at = named_whose[-1]
        words = [*words[:at], words[at][:-2]]
    while (
        len(words) > 1
        and (words[-1].lower() in _REPORT_NOUNS | {"news"} or words[-2:] == ["news", "service"])
        and (words[-1].islower())
    ):
        if all(_adjective(w) and w not in POSSESSIVES for w in words[:-1]):
            # "the medical reports", "the latest figures", "the same report": the report
            # or figures named before, which no one's name qualifies
            if report_noun(words[-1]) in _REPORTS:
                return report_noun(words[-1]), False
            if words[-1] in _PUBLISHED_FIGURES:
                return "the " + words[-1], False
        words = words[:-1]  # "police reports", "Ukrinform news service"
    if words and re.fullmatch(r"[A-Z][A-Z&.]+['’]s", words[-1]):
        words = [*words[:-1], words[-1][:-2]]  # "METI's estimate put": an acronym's own
    if words and words[-1].endswith(("'s", "’s")) and len(words[-1]) > 3 and words[-1].islower():
        # "the health ministry's", "the panel's report": the panel; a name keeps it
        # ("Moody's noted")
        words = [*words[:-1], words[-1][:-2]]
    while (
        len(words) > 1
        and words[0].lower() in ("earlier", "latest", "new", "official", "unofficial",
                                 "preliminary", "initial", "final", "rough", "nearby",
                                 "neighbouring", "neighboring")
        # a place's own word stays: "the New York Times", "New Zealand police"
        and not (words[0] == "New" and is_capital(words[1]))
    ):  # fmt: skip
        words = words[1:]
    if not words:
        return None
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return None
    if "of" in words:
        # "Ivo Marn of the Harbour Trust": the person, who speaks for it
        at = words.index("of")
        organisation = [w for w in words[at + 1 :] if w != "the"]
        name = words[:at]
        while len(name) > 2 and name[0].lower() in TITLES:
            name = name[1:]  # "Ms Ilse Baker of the Harbour Trust"
        named = organisation and (
            all(map(is_capital, organisation))
            or (
                any(map(is_capital, organisation))
                and organisation[-1].lower() in CLAIMANT_HEADS | _DIVISIONS
            )
        )  # "of Human Rights Watch", "of the Lumen group", "of Norland's Lora province"
        if looks_like_person(name) and named and not article:
            return " ".join(name), True
    if "of" in words and words[0].lower() in TITLES:
        # "Superintendent of Police Anil Kumar", "Minister of Health Ana Obi": the person
        rest = words[words.index("of") + 1 :]
        if len(rest) >= 3 and all(map(is_capital, rest)) and looks_like_person(rest[-2:]):
            return " ".join(rest[-2:]), True
    # A title or a description before a proper name: keep the name.
    last_title = max((i for i, w in enumerate(words) if w.lower() in TITLES), default=-1)
    tail = words[last_title + 1 :]
    if (
        last_title >= 0
        and tail
        and all(is_capital(w) or w in NAME_LINKS for w in tail)
        # "the Relief Commissioner Office": a title in a body's name
        and not (len(tail) == 1 and tail[0].lower() in CLAIMANT_HEADS)
    ):
        return " ".join(tail), len(tail) >= 2 or not _is_head(tail[0].lower())
    connectors = ("of", "for", "and", "&", "'s", "on", *NAME_LINKS)
    lower_at = max(
        (
            i
            for i, w in enumerate(words)
            if not is_capital(w)
            and w.lower() not in connectors
            # "Ministry of the Interior", "Office for the Coordination of ..."
            and not (w == "the" and words[i - 1].lower() in ("of", "for", "on"))
            and not (
                w == "to" and 0 < i < len(words) - 1 and words[i - 1].lower() in _NAMED_FOR_AN_AIM
            )
        ),
        default=-1,
    )
    tail = words[lower_at + 1 :]
    if (
        0 <= lower_at < len(words) - 1
        # "industry body Merin Chamber of Commerce": links only inside the name
        and all(
            is_capital(w) or w == "&" or (0 < i < len(tail) - 1 and w.lower() in connectors)
            for i, w in enumerate(tail)
        )
        and (words[lower_at].lower() not in POSSESSIVES)
    ):
        return " ".join(tail), not article and looks_like_person(tail)
    name = " ".join(words).replace(" 's", "'s").removesuffix(" '").removesuffix(" ’")
    return name, not article and looks_like_person(words)  # "the Red Crescent": no one


def looks_like_person(words: list[str]) -> bool:
    if len(words) >= 3 and words[0][:1].isupper() and words[-1][:1].isupper():
        words = [w for w in words if w not in NAME_LINKS]  # "Eduardo del Rosario"
    return (
        2 <= len(words) <= 4
        and all(is_capital(w) and re.sub(r"[-'’.]", "", w).isalpha() for w in words)
        and not any(w.lower() in CLAIMANT_HEADS or w.lower() in TITLES for w in words)
        and not any(w.isupper() and len(w) > 1 for w in words)
    )


def is_role_only(name: str) -> bool:
    """A claimant that names a role and no one in it: 'the President', "Ukraine's
    presidential adviser"."""
    words = re.findall(r"[^\W\d_][\w'’-]*", name)
    if not words:
        return False
    head = words[-1].lower()
    return (
        head in ROLES
        and not any(
            is_capital(w)
            and w.lower() not in TITLES
            and not w.endswith(("'s", "’s"))
            and not is_side(w.lower())  # "an Uzbek prosecutor"
            for w in words
        )
        or (head in ROLES and all(w.lower() in TITLES for w in words))
    )


# What a figure measures, never who gives it, before a verb: "the toll put at".
_MEASURED = {"toll", "crowd", "cost", "number", "count", "total", "tally", "turnout", "bill"}
_AFTER_A_NAME = {"from", "to", "with", "range", "ranges", "ranged", "stood", "stands", "put"}
_SHOWED = ("showed", "show", "shows", "suggest", "suggested", "indicate", "indicated",
           "revealed", "reveal", "found", "put", "published")  # fmt: skip


_TOLD = {"told", "tells", "tell", "informed", "informs", "briefed", "assured", "warned"}


def _name_after(toks: list[Token], verb: int) -> tuple[str, bool] | None:
    """Attribution turned round after a quote or a clause: '..., said Tom Fletcher,
    the UN's ...', '... there, said Health Minister Hamad Hassan.'"""
    if verb == 0 or toks[verb - 1][0] not in (",", "”", '"', "’", "'"):
        return None
    if toks[verb][0].lower() in _TOLD:
        return None  # "..., told British TV that": whom it was told, not who told it
    first = verb + 1
    if (
        first + 2 < len(toks)
        and toks[first][0].lower() == "one"
        and toks[first + 1][0].lower() == "of"
    ):
        # "..., said one of the rescuers, Ana Obi": the person the group is named by,
        # else the group
        comma = next(
            (k for k in range(first + 2, min(len(toks), first + 9)) if toks[k][0] == ","), None
        )
        group = [
            t[0]
            for t in toks[first + 2 : comma if comma is not None else first + 6]
            if t[0] not in (".", ";", "”", '"') and t[0].lower() not in NUMBER_WORDS
        ]
        named = [t[0] for t in toks[comma + 1 : comma + 5]] if comma is not None else []
        name = []
        for word in named:
            if not is_capital(word):
                break
            name.append(word)
        if looks_like_person(name):
            return " ".join(name), True
        if group and _is_head(group[-1].lower()):
            return clean_name(group)
        return None
    unnamed = _unnamed_speaker_after(toks, first)
    if unnamed is not None:
        return unnamed  # "..., said a spokesman for the Red Cross."
    described = first
    while described < min(len(toks), first + 3) and _is_modifier(toks[described][0]):
        described += 1  # "..., says rights group Terra Viva.": the description goes
    if described > first and described < len(toks) and is_capital(toks[described][0]):
        first = described
    words = []
    for at, (word, _, _) in enumerate(toks[first : first + 10], first):
        if word in ("of", "for") and words and at + 1 < len(toks) and is_capital(toks[at + 1][0]):
            words.append(word)  # "said Superintendent of Police Anil Kumar"
            continue
        if not is_capital(word) or word.lower() in _FUNCTION_CAPITALS | _WEEKDAYS:
            break  # "..., said Tuesday that": when, not who
        words.append(word)
    if not words and verb + 2 < len(toks) and toks[verb + 1][0].lower() == "the":
        # ", said the agency.", ", said the ministry's spokesman,"
        rest = []
        for word, _, _ in toks[verb + 2 : verb + 6]:
            if word in (",", ".", ";", "”", '"'):
                return clean_name(["the", *rest]) if rest else None
            rest.append(word)
        return (
            None
            if len(rest) > 3 or verb + 2 + len(rest) < len(toks)
            else (clean_name(["the", *rest]) if rest else None)
        )
    if not words and described > first and _is_head(toks[described - 1][0].lower()):
        # "..., said police on Monday.", "..., said local officials.": a common noun
        # claimant, where nothing but the time or the sentence's end follows it
        following = toks[described][0].lower() if described < len(toks) else "."
        if following in _AFTER_A_CLAIMANT or following in _WEEKDAYS:
            return clean_name([t[0] for t in toks[first:described]])
    return clean_name(words) if words else None


_AFTER_A_CLAIMANT = {".", ",", ";", "on", "in", "late", "early", "yesterday", "today", "tonight"}
# Where an unnamed speaker's words end after its verb: "..., said a spokesman for the
# Red Cross, who ...", "according to a UN official who asked not to be named".
_CLAUSE_MARKS = {",", ";", ":", "“", "”", '"', "(", ")", "—", "–", "-"}
_SPEAKER_ENDS = (_CLAUSE_MARKS - {"-"}) | {".", *_RELATIVE_WORDS}


def _unnamed_speaker_after(toks: list[Token], first: int) -> tuple[str, bool] | None:
    """An unnamed speaker written after its verb or "according to" ("said a UN
    official", "according to an official at the ministry"), read as it would be
    before the verb, where a speaker for a body is that body."""
    if first >= len(toks) or toks[first][0].lower() not in _INDEFINITE:
        return None
    end = next(
        (k for k in range(first, min(len(toks), first + 12)) if toks[k][0] in _SPEAKER_ENDS),
        None,
    )
    words = [t[0] for t in toks[first : end if end is not None else first + 12]]
    if len(words) < 2 or any(w[:1].isdigit() for w in words):
        return None
    own = next((i for i, w in enumerate(words) if w.lower() in _PREPOSITIONS), len(words))
    if not any(w.lower() in _SPEAKERS | ROLES for w in words[:own]):
        return None  # "a person familiar with the plans": for no one named
    if end is not None and toks[end][0] == ",":
        # "... according to a health department official, Dr Anvar.": the one named
        name = []
        for word, _, _ in toks[end + 1 : end + 5]:
            if not is_capital(word):
                break
            name.append(word)
        after = end + 1 + len(name)
        bare = [w for w in name if w.lower().rstrip(".") not in TITLES]  # "Dr Anvar"
        person = looks_like_person(bare) or (len(bare) == 1 and len(name) > 1)
        if person and (after >= len(toks) or toks[after][0] in _SPEAKER_ENDS):
            return " ".join(bare), True
    turned = tokens(" ".join([*words, "said"]))
    return noun_phrase_before(turned, len(turned) - 1)


_NAME_WINDOW = 300


def _capital_follows(toks: list[Token], at: int) -> bool:
    """Whether a name goes on at AT: "Policy", "the Lakes" (after "for")."""
    if at < len(toks) and toks[at][0] == "the":
        at += 1
    return at < len(toks) and is_capital(toks[at][0])


def noun_phrase_after(text: str) -> tuple[str, bool] | None:
    """The claimant after 'according to' or 'by': up to the next comma or verb."""
    toks = tokens(text)
    words = []
    for index, (word, _, _) in enumerate(toks):
        if word in (",", ".", ";", ":", "“", "”", '"'):
            break
        if (
            word.lower() in VERBS
            and not (words and is_capital(word))
            # a base form first is a modifier: "by state media", "state television"
            and not (
                not words
                and word.lower() in _BASE_FORMS
                and index + 1 < len(toks)
                and toks[index + 1][0].isalpha()
            )
            and not (words and words[0].lower() in _INDEFINITE and word.lower() in _REPORTS)
            and not (
                # "the latest figures", "the medical reports": the noun, not a verb
                words
                and word.lower() in _REPORT_NOUNS
                and all(w.lower() in _DETERMINERS or _adjective(w.lower()) for w in words)
            )
        ):
            break  # "by the ministry said", but "by the Tern Project", "a police estimate"
        if (
            word == "to"
            and words
            and words[-1].lower() in _NAMED_FOR_AN_AIM
            and index + 1 < len(toks)
            and is_capital(toks[index + 1][0])
        ):
            words.append(word)  # "the Committee to Protect Journalists"
            continue
        if word.lower() in _AUXILIARIES or word.lower() in _AFTER_A_NAME or word[0].isdigit():
            break  # "the 2,000 cited by the army is far too high", "by X range from"
        if word in ("(", ")", "-", "—", "–"):
            break
        following = toks[index + 1][0].lower() if index + 1 < len(toks) else ""
        if words and (
            word.lower() in _WEEKDAYS or (word.lower() in _WHEN_WORDS and following in _PERIODS)
        ):
            break  # "by ministers last spring", "by the board on Monday": when, not who
        if word.lower() in ("that", "which", "who", "as", "in", "on", "at", "when", *_SHOWED):
            break
        if words and word.lower() in ("by", "until", "since"):
            break  # "counted by the ministry by then": when, not a longer name
        if word in ("for", "over") and not (
            words and is_capital(words[-1]) and _capital_follows(toks, index + 1)
        ):
            break  # "given by the administration for an attack", not "the Centre for Policy"
        if word.lower() in _LINKING_VERBS or (
            words
            and word.islower()
            and word.endswith("ed")
            and (
                _is_head(words[-1].lower())
                or is_capital(words[-1])
                or (
                    words[-1].islower()
                    and words[-1] not in _DETERMINERS
                    and not words[-1].endswith("ly")
                )
            )
        ):
            # "the 1,500 deaths given by the authorities appeared to include ...", "a
            # list released by the carrier named 149 passengers", "the sheets analysed by
            # the Lora Times accounted for 74 percent"
            break
        if word.lower() in _GIVING_VERBS or word.lower() in ("give", "gives", "put", "puts"):
            break  # "figures from the electoral tribunal give the party 54%"
        if word.lower() in ("and", "or") and words:
            following = toks[index + 1][0] if index + 1 < len(toks) else ""
            if word == "and" and is_capital(words[-1]) and is_capital(following):
                words.append(word)  # "the Armed Conflict Location and Event Data project"
                continue
            break
        words.append(word)
        if len(words) > 8 and not all(is_capital(w) or w in NAME_JOINS for w in words):
            return None
        if len(words) > 14:
            return None
    if (
        words
        and words[0].lower() in _QUANTIFIERS
        and len(words) > 1
        and _is_head(words[-1].lower())
    ):
        return clean_name(words[1:])  # "according to some organizers": the organizers
    if not words or words[0].lower() in _INDEFINITE:
        if not words:
            return None
        # "according to a UN official", "... to an official at the ministry"
        return _unnamed_speaker_after(toks, 0) or _speaker_for(words[1:])
    return clean_name(words)


# How a report was made, between it and its maker: "a count commissioned by X".
_MADE = (
    r"(?:released|published|compiled|issued|provided|given|gathered|commissioned|"
    r"conducted|produced|carried\s+out|prepared)"
)
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those"}
# The words before a noun that say which or how many, not what kind: "some aid groups"
PICKING_WORDS = _DETERMINERS | _QUANTIFIERS | {"same", "very", "latter", "former", "whole"}
_LINKING_VERBS = {"appeared", "appears", "appear", "seemed", "seems", "seem", "remained",
                  "remains", "proved", "proves"}  # fmt: skip
_ACCORDING = LazyPattern(
    r"\b(?:according\s+to|as\s+per|as\s+reported\s+by)\s+"
    rf"(?:(?:the\s+|an?\s+|(?:today|yesterday|tonight|{'|'.join(sorted(_WEEKDAYS))})['’]s\s+)?"
    r"(?-i:[a-z]+\s+){0,2}?"  # a few words in lower case: "a crowd count commissioned by"
    r"(?:estimates?|figures?|data|counts?|statements?|reports?|tall(?:y|ies)|surveys?|polls?)\s+"
    rf"(?:{_MADE}\s+)?(?:by|from|of)\s+)?",
    re.I,
)
# "based on army counts", "based on the ministry's figures": whose count it is
_BASED_ON = LazyPattern(
    r"(?:^|(?<=,\s)|(?<=;\s))based\s+on\s+(?=(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,3}?\s+(?:calculations?|"
    r"estimates?|figures?|counts?|data|tall(?:y|ies)|statistics|records)\b)",
    re.I,
)
_THE_REPORT = LazyPattern(
    r"the\s+((?:[a-z]+\s+){0,2}?)(reports?|study|survey|analysis|assessment|data|figures|"
    r"statistics|findings)\b"
    r"(?!\s+(?:by|from|of)\b)",
    re.I,
)
# "For the Interior Ministry, 400,000 marched; for the unions, 1.3 million": a clause's
# opening "for X," gives X's count
_FOR_SOURCE = LazyPattern(r"(?:^|(?<=;\s)|(?<=,\s))[Ff]or\s+(?=[^,;]{2,60},)")
# "from about one million by city hall to 100,000 by state media": a figure and, right
# after it, whose
_BY_RIGHT_AFTER = LazyPattern(
    r"(?:(?<=\d)|(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))"
    r"\s+by\s+(?=(?:the\s+)?[A-Za-z])(?!(?:an?|the)\s+(?:wide\s+)?margin|"
    # when, not who: "22 by the evening of June 20", "40 by Monday"
    r"(?:the\s+)?(?:end|evening|morning|afternoon|night|weekend|time|middle|start|close|"
    r"midday|noon|midnight|dawn|dusk|nightfall|tonight|tomorrow|then|now|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|"
    # (not a name that holds one: "by the Morning Star newspaper")
    r"august|september|october|november|december)\b(?!\s+(?-i:[A-Z]))|mid-[a-z]+\b|"
    r"(?-i:[a-z]+ing)\b|(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?['’]s?\s)",
    re.I,
)
# ", per the health ministry", "per Reuters": never "per cent" or "per day"
_PER = LazyPattern(r"\bper\s+(?=the\s|[A-Z])")
# "figures from X", "a different count from X", "suggestions from X that", "a poll
# conducted by X": what X gave, a few words qualifying it
_FIGURES_FROM = LazyPattern(
    r"\b(?:(?-i:[a-z]+\s+)?(?:figures|data|statistics|numbers|estimates|tallies|claims|"
    r"suggestions|projections|forecasts|counts|information)|"
    r"an?\s+(?-i:[a-z]+\s+){0,2}?(?:estimate|tally|count|claim|statement|report|assessment|"
    r"investigation|study|survey|analysis|review|audit|census|poll|projection|forecast))\s+"
    rf"(?:from|(?:{_MADE}\s+)?by)\s+",
    re.I,
)
_OWNER_BEFORE = LazyPattern(r"(?<=\w\s)[A-Z][\w'’-]*\s+$")
# "a count, of 45,000 people, released on Sunday by X"; "the $2.1 billion given as
# the closing tally by X": a participle, a few words, "by" and the source.
_MADE_BY = LazyPattern(
    r"\b(?:made|given|released|produced|published|provided|issued|compiled|offered|presented|"
    r"reported|estimated|announced|calculated|put\s+forward|cited|recorded|counted|"
    r"documented|confirmed|claimed|acknowledged|admitted|registered|verified|obtained|seen|"
    # the "by" of another participle in between is that one's: "reported two of the
    # jets downed by X" is not X's report
    r"reviewed|examined|analysed|analyzed)\b(?:(?![a-z]+(?:ed|en|wn)\s+by\b)[^,;:.]){0,40}?"
    r"\bby\s+",
    re.I,
)
# "X's figures", "X's latest count", "her office's official estimate of"
_POSSESSIVE = LazyPattern(
    r"(?:((?:[A-Z][\w.'’-]*\s+|&\s+|(?<=[a-z]\s)of\s+(?:the\s+)?){0,4}[A-Z][\w.-]*"
    r"|\b(?:his|her|its|their)\s+[a-z]+|"
    r"\b(?:the\s+)?[a-z]+)['’]s?|\b(his|her|its|their))\s+(?:[a-z]+\s+){0,2}?"
    r"(?:count|counts|tally|figures?|estimates?|toll|data|numbers?|statistics|calculations?|"
    r"projections?|forecasts?|assessments?|claims?)\b"
)
# What a source calls a figure it denies without a verb of denial: "wrong", "a lie",
# "too high".
_WRONG = (
    r"(?:wrong|inaccurate|false|untrue|incorrect|exaggerated|inflated|misleading|baseless|"
    r"unfounded|fabricated|a\s+lie|lies|nonsense|not\s+true|too\s+(?:much|high|many|low|few)|"
    r"an?\s+(?:gross\s+)?(?:exaggeration|fabrication|invention|fiction))"
)
_CALLED_WRONG = LazyPattern(
    r"\s+(?:that\s+)?[^.;]{0,60}?\b(?:figures?|claims?|numbers?|tolls?|counts?|estimates?|"
    r"tall(?:y|ies)|reports?)\b[^.;]{0,40}?\b(?:was|were|is|are|had\s+been|have\s+been)\s+"
    rf"(?:\w+\s+)?{_WRONG}\b",
    re.I,
)
# A quotation that ends calling its figure false, its speaker named after it: "“The forty
# dead they announced are a lie,” said X"; not what "that" or "which" is ("... and that
# is too many").
_QUOTE_CALLED_WRONG = LazyPattern(
    r"[“\"][^“”\"]{0,80}?(?<!\bthat)(?<!\bwhich)(?<!\bit)(?<!\bthis)\s(?:is|was|are|were)\s+"
    rf"(?:\w+\s+)?{_WRONG}[,.!]?\s*[”\"’']\s*,?\s*(?:the\s+|an?\s+)?$",
    re.I,
)
# A figure noun right before a name: "the figure X released", "the toll the agency gave"
_FIGURE_BEFORE_NAME = LazyPattern(
    r"\b(?:figures?|tolls?|counts?|numbers?|estimates?|tall(?:y|ies))\s+(?:the\s+)?$", re.I
)


def _names_a_source(words: list[str]) -> bool:
    """Whether capitalised words before an estimate name who gave it: an acronym ("UN",
    "U.N."), a body's head ("Harbour Trust"), or two names and more that are no place or
    event ("Red Cross"); not "Christmas", "Gaza", "Hurricane Ida"."""
    if len(words) == 1 and re.fullmatch(r"(?:[A-Z]\.?){2,6}", words[0]):
        return True
    if any(w.lower() in _EVENTS for w in words) or _is_place(words):
        return False
    return words[-1].lower() in CLAIMANT_HEADS or len(words) >= 2


def _quote_called_wrong(clause: str, before: int) -> bool:
    """Whether the quotation that ends right before `before` calls its figure false."""
    closing = clause[max(0, before - 9) : before]
    return ("”" in closing or '"' in closing) and bool(
        _QUOTE_CALLED_WRONG.search(clause, max(0, before - 100), before)
    )


_MODIFIERS_BEFORE = LazyPattern(r"\b[Tt]he\s+((?:(?!the\b)[a-z]+\s+){1,2})$")
# "..., a figure Kyiv disputes": a second claimant denies the first one's figure.
DISPUTED_BY = LazyPattern(
    r"\ba\s+(?:figure|claim|number|estimate|toll|count)\s+(?:that\s+)?(?:the\s+)?"
    r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+(?:disputes|disputed|denies|denied|rejects|rejected)\b"
)
_PASSIVE = LazyPattern(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+"
    r"(reported|confirmed|announced|estimated|claimed|denied|said|stated|disclosed)\s+by\s+",
    re.I,
)
# "the files the agency obtained", "records that a paper saw": unowned records and
# who obtained them (an owner named with them, "a Treasury memo seen by", is theirs)
_READ_RECORDS = LazyPattern(
    r"\b(?:[Tt]he\s+)?(?:documents|records|files|papers|data|memos|figures)\s+(?:that\s+)?"
    r"(?:the\s+)?((?:[A-Z][\w'’.&-]*\s+){0,4}[A-Z][\w'’.&-]*)\s+(?:had\s+|has\s+)?"
    r"(?:obtained|saw|seen|reviewed|acquired)\b"
)
_PARENTHESIS_SOURCE = LazyPattern(
    # after the number, its scale or its counted noun: "20,000 (police)", "2 million
    # (the union)", "40,000 marchers (police)"
    r"(?<=\d)(?:\s*(?:thousand|million|billion|bn|m|k)\b|(?P<noun>\s+[a-z]+))?"
    r"\s?\((?!\d)(?!(?:Video|Videos|Photos?|Pictures|Updated?|Live|Watch|Audio|Listen|"
    r"Graphic|Map|Gallery|Opinion|Analysis|Explainer)\))"
    r"(?P<name>(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4}|(?:the\s+)?[a-z]+"
    # two sources for a range's two ends: "between 300,000 and 800,000 (police and
    # organisers respectively)"
    r"|(?:the\s+)?[\w.'’&-]+\s+and\s+(?:the\s+)?[\w.'’&-]+(?=,?\s+respectively\)))"
    r"(?:\s+(?:figures?|estimates?|count|data|est\.)|,?\s+respectively)?\)"
    # a dateline's agency, "May 1 (UPI) -- ...", is who wrote the article
    r"(?!\s*(?:--|[-–—])\s)"
)
_GAPPED_SCALE = r"(?:\s*%|\s*(?:percent|per\s+cent|thousand|million|billion|bn|m|k)\b)?"
_GAPPED = LazyPattern(
    # (a clause of its own opens with the name: "..., but | the organisers 90,000")
    r"(?:^|,\s+(?:and\s+|but\s+|while\s+|whereas\s+)?|\s+(?:and|but|while|whereas)\s+|;\s+)"
    r"(?:the\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|[a-z]+(?:\s+[a-z]+){0,2}?)|([a-z]+))\s+"
    # what the figure counts may be said again: "and the ministry about turnout of 30%"
    r"(?=(?:(?:about|of)\s+(?:[a-z]+\s+){1,4}?(?:ranging\s+|of\s+|at\s+)?)?"
    # ... or only how it compares, the figure in brackets: "but the ministry more (11,800)"
    r"(?:(?:more|fewer|less|higher|lower)\s+\()?"
    r"(?:at\s+|between\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|more\s+than\s+|over\s+"
    r"|only\s+)?[$€£]?\d[\d,.]*"
    # the counted noun left out too: "and police 12,000", not "and police 120 officers"
    rf"{_GAPPED_SCALE}(?:\s+(?:and|to)\s+[$€£]?\d[\d,.]*{_GAPPED_SCALE})?"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|while|whereas|according|in|on|at|by|for|respectively)\b))"
)
_DEMONYM_ESTIMATE = LazyPattern(
    r"\b([A-Z][a-z]+(?:an|ian|ese|ish|i|ic))\s+(?:official\s+)?(?:estimates|figures|claims|"
    r"counts|statistics|data)\s+(?:of|put|show|say)\b"
)
# Whom a report quotes: "cited the WHO as saying", "quoted the mayor as saying"
_QUOTED_AS = LazyPattern(
    r"\b(?:quoted|quotes|quoting|cited|cites|citing)\s+((?:the\s+)?(?:[\w.’'-]+\s+){0,5}?[\w.’'-]+)"
    r"\s+as\s+(?:saying|stating|telling|estimating|putting)\b"
)
# A name written before the estimate it gave, with no "'s": "a Red Cross estimate of
# 300", "the first WHO estimates of 150", "the V.R.A. death toll of 3,120".
_NAMED_ESTIMATE = LazyPattern(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:(?:initial|earlier|latest|new|previous|preliminary|first|last|"
    r"official|own|separate|independent|revised|final)\s+)?"
    r"((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)\s+(?:(?:death|casualty|crowd)\s+)?"
    r"(estimates?|counts?|tall(?:y|ies)|figures?|tolls?)"
    r"\s+of\s+(?=[\d$€£]|(?:about|around|some|nearly|more|over|up|at|as|roughly|close)\b)"
)
# Unnamed sources: what they say is nobody's claim.
UNNAMED = LazyPattern(
    r"\b(?:(?:contrary\s+to|despite|amid|after|following|denying|dismissing)\s+)?"
    r"(?:(?:media|unconfirmed|local|earlier|some|other|news|press|initial)\s+)?"
    r"(?:reports|rumou?rs|claims|accounts)\s+(?:that|of)\b"
    r"|\b(?:it\s+(?:is|was)\s+(?:believed|estimated|reported|thought|feared|said|understood)"
    r"(?:\s+that)?)\b"
    r"|\b(?:(?:media|news|local|unconfirmed|press|some)\s+)?reports\s+"
    r"(?:said|say|says|suggest|suggested|indicate|indicated)\b",
    re.I,
)
# "falsely said", "wrongly claimed": what follows is reported to be denied.
_NOT_OWNERS = ("the", "this", "that", "which")
_DENIAL_ADVERB = {"falsely", "wrongly", "incorrectly", "mistakenly", "erroneously"}


_compiled = False


def attributions(clause: str) -> list[Attribution]:
    """Every attribution in the clause, in order of where its verb ends."""
    if not _compiled:
        compile_patterns(globals())
    found: list[Attribution] = []
    lowered = clause.lower()
    for pattern, kind, stance, hint in (
        (
            _ACCORDING,
            "according",
            "reports",
            "ccording to" if "by" not in lowered and "as per" not in lowered else " ",
        ),
        (_FIGURES_FROM, "according", "reports", " by " if " from " not in lowered else " "),
        (_PER, "according", "reports", "per "),
        (_BASED_ON, "according", "reports", "based on"),
        (_BY_RIGHT_AFTER, "according", "reports", " by "),
        (_FOR_SOURCE, "according", "reports", "for "),
        (_MADE_BY, "passive", None, " by "),
        (_PASSIVE, "passive", None, " by "),
    ):
        if hint not in lowered:
            continue  # a quick look before the search
        for match in pattern.finditer(clause):
            if pattern is _FIGURES_FROM and _OWNER_BEFORE.search(clause, 0, match.start()):
                continue  # "according to Oxfam figures from the UN": Oxfam's figures
            report = _THE_REPORT.match(clause, match.end()) if kind == "according" else None
            if report and all(_adjective(w.lower()) for w in report.group(1).split()):
                # "according to the (forensic) report": the report named before,
                # whoever's it is
                noun = report_noun(report.group(2))
                found.append(Attribution(None, "reports", "reference", match.start(),
                                         report.end(), False, pronoun=noun,
                                         form="published" if noun in _PUBLISHED_FIGURES
                                         else "according"))  # fmt: skip
                continue
            # a name is read from a few hundred characters: the rest of a clause of
            # thousands of sources is no part of it
            words = noun_phrase_after(clause[match.end() : match.end() + _NAME_WINDOW])
            if not words:
                continue
            name, person = words
            if name.lower() in _OBJECT_PRONOUNS and kind == "according":
                # "according to him": whom "he" stands for
                end = clause.lower().find(name.lower(), match.end()) + len(name)
                found.append(_pronoun_object(name, "reports", match.start(), end))
                continue
            if pattern is _FOR_SOURCE and not (
                _is_head(name.split()[-1].lower()) or is_capital(name)
            ):
                continue  # "For the first time, ...": no source
            if (
                name.lower() in _GENERIC_SOURCES
                # "tallies from Sunday's election": what was counted, not who counted
                or name.split()[-1].lower() in _EVENTS
                # "according to various sources", "unnamed sources": nobody named
                or (
                    name.split()[-1] in _GENERIC_SOURCES
                    and all(w in _VAGUE_WHO for w in name.split()[:-1])
                )
                or name.lower() in _TIME_WORDS | _MONTHS
                # "verified 212 deaths by Sunday evening": when, not who
                or name.split()[0].lower() in _WEEKDAYS | _MONTHS
            ):
                continue  # "according to the latest information", "... figures from Monday"
            if name.split()[0].lower() in POSSESSIVES:
                if len(name.split()) > 1 and name.split()[-1].lower() not in _RECORDS:
                    continue  # "marked according to their DNA results": in line with
                # "according to their statement": whose, the caller resolves
                found.append(Attribution(None, "reports", "according", match.start(),
                                         match.end(), False, pronoun=name.lower()))  # fmt: skip
                continue
            verb_stance = stance or VERBS.get(match.group(0).split()[0].lower(), "reports")
            if kind == "passive" and match.lastindex:
                verb_stance = VERBS.get(match.group(1).lower(), verb_stance)
            found.append(_resolvable(name, verb_stance, kind, match.start(), match.end(), person))
    # a quick look first: every owner ends in "s" ("X's", "his", "its"), "r" ("her") or
    # a plural's apostrophe ("the organisers' count")
    possessive = "s " in clause or "r " in clause or "s'" in clause or "s’" in clause
    for match in _POSSESSIVE.finditer(clause) if possessive else ():
        owner = (match.group(1) or match.group(2)).strip()
        lower = owner.lower()
        if lower.split()[-1] in _GENERIC_SOURCES | _TIME_WORDS or lower in _NOT_OWNERS:
            continue  # "today's figures from X": X's, not today's
        words = owner.split()
        if words[0].lower() in POSSESSIVES:
            found.append(
                Attribution(
                    None,
                    "reports",
                    "possessive",
                    match.start(),
                    match.end(),
                    False,
                    pronoun=owner.lower(),
                )  # fmt: skip
            )
            continue
        head = words[-1].lower().rstrip("'’")
        if not any(is_capital(w) for w in words) and head not in BACK_REFERENCES | CLAIMANT_HEADS:
            continue
        if match.group().endswith("toll") and _is_place(words):
            continue  # "Chile's death toll rose to 140": the dead of a place, no source
        start = match.start()
        modifiers = _MODIFIERS_BEFORE.search(clause, max(0, start - 30), start)
        if words == [owner] and owner.islower() and modifiers:
            # "the health ministry's tally": the whole name, not the bare "ministry"
            words = [*modifiers.group(1).split(), owner]
            start = modifiers.start(1)
        named = clean_name(words)
        if named:
            found.append(
                _resolvable(named[0], "reports", "possessive", start, match.end(), named[1])
            )
    read = ("obtained", "saw", "seen", "reviewed", "acquired")  # the verbs it reads
    for match in _READ_RECORDS.finditer(clause) if any(v in lowered for v in read) else ():
        # "the files the agency obtained showed 3,400": what the reader found in them
        found.append(
            Attribution(match.group(1), "reports", "according", match.start(1), match.end(), False)
        )
    for match in _PARENTHESIS_SOURCE.finditer(clause) if "(" in clause else ():
        # a fact box: "12 (UN figure)", "from 3,000 (UN) to 80,000 (the Red Cross)",
        # "20,000 (police)"; a lower-case word in brackets only when it names a source
        name = match.group("name")
        if match.group("noun") and not (name.isupper() or _is_head(name.split()[-1].lower())):
            continue  # "120 people (Lora) and 40 people (Velm)": where, not who
        if " and " in name:
            # each end its own, read with "respectively" (see the extractor)
            names = [n.removeprefix("the ").removeprefix("The ") for n in name.split(" and ")]
            if not all(_is_head(n.lower()) or is_capital(n) for n in names):
                continue
            name = " and ".join(names)
        elif name.islower():
            if not _is_head(name.split()[-1]):
                continue
            name = name.split()[-1]
        name = name.removeprefix("the ")  # "(the Red Cross)"
        bracket = match.start("name") - 1  # after the figure's scale or noun: its "("
        found.append(Attribution(name, "reports", "after", bracket, match.end(), False))
    for match in _GAPPED.finditer(clause):
        # "The police counted 18,000 marchers, the organisers 90,000", "and police
        # 12,000", "the ministry at 30%": the verb left out
        name = match.group(1) or match.group(2)
        if name.islower() and not _is_head(name.split()[-1]):
            continue
        found.append(Attribution(name, "asserts", "gapped", match.start(match.lastindex or 1),
                                 match.end(), False))  # fmt: skip
    for match in _QUOTED_AS.finditer(clause) if " as " in clause else ():
        # "the report cited the mayor as saying N": the mayor's, through the report
        if match.group(1).lower() in _OBJECT_PRONOUNS:
            found.append(_pronoun_object(match.group(1), "asserts", match.start(), match.end()))
            continue
        named = clean_name(match.group(1).split())
        if named and named[0].split()[0].lower() not in _INDEFINITE | set(PRONOUNS):
            found.append(_resolvable(named[0], "asserts", "according", match.start(),
                                     match.end(), named[1]))  # fmt: skip
    for match in _NAMED_ESTIMATE.finditer(clause) if " of " in clause else ():
        name = match.group(1)
        words = name.split()
        if words[0].lower() in _TIME_WORDS | _MONTHS or not _names_a_source(words):
            continue  # "the Sunday count of 40", "the Christmas count", "the Hurricane Ida tally"
        stance = "estimates" if match.group(2).startswith("estimate") else "reports"
        found.append(_resolvable(name, stance, "possessive", match.start(1), match.end(), False))
    for match in _DEMONYM_ESTIMATE.finditer(clause):
        # "Norlandian estimates of 900 dead": whose estimate it is
        found.append(
            Attribution(
                match.group(1), "estimates", "possessive", match.start(), match.end(), False
            )  # fmt: skip
        )
    unnamed = (
        "report" in lowered
        or "it is" in lowered
        or "it was" in lowered
        or ("rumo" in lowered or "claims" in lowered or "accounts" in lowered)
    )
    for match in UNNAMED.finditer(clause) if unnamed else ():
        found.append(Attribution(None, "asserts", "unnamed", match.start(), match.end(), False))
    # "twice what the government claims": a verb whose object is "what" says whose
    # figure is compared, not whose the figures after it are
    verbs = [
        replace(v, form="absolute")
        if _WITH_BEFORE.search(clause, max(0, v.start - 12), v.start)
        else v
        for v in _verb_attributions(clause)
        if not _WHAT_BEFORE.search(clause, max(0, v.start - 14), v.start)
    ]
    if verbs and any(a.kind == "possessive" and a.pronoun in POSSESSIVES for a in found):
        # "Warsaw put its figure at": the subject's own figure, not a second source
        ends = {a.end for a in verbs}
        found = [a for a in found if not (a.kind == "possessive" and a.pronoun in POSSESSIVES
                                          and {a.start - 1, a.start - 2} & ends)]  # fmt: skip
    if verbs and any(a.kind == "unnamed" for a in found):
        # "The party claims that": a verb with its subject, not unnamed "claims that"
        found = [a for a in found if a.kind != "unnamed"
                 or not any(v.start < a.start < v.end for v in verbs)]  # fmt: skip
    found += verbs
    found.sort(key=lambda a: (a.end, a.start))
    return _said_they(clause, found)


# "40 were hurt, with police reporting a calm night": an absolute clause, whose
# speaker says what follows it, not what came before
_WITH_BEFORE = LazyPattern(r",\s+with\s+(?:the\s+)?$")
# (after another word: "What the army says is that 40 died" is the army's)
_WHAT_BEFORE = LazyPattern(r"\w\s+what\s+(?:the\s+)?$")
_THAT_GAP = LazyPattern(r"\s*(?:that\s+)?$")


def _said_they(clause: str, found: list[Attribution]) -> list[Attribution]:
    """ "Officials said they feared 10,000 died": the pronoun of a clause reported by a
    named subject is that subject, not whoever the text named before."""
    for index, item in enumerate(found[1:], 1):
        before = found[index - 1]
        if (
            item.kind == "pronoun"
            and before.claimant is not None
            and before.kind in ("subject", "end")
            and before.end <= item.start
            and _THAT_GAP.match(clause[before.end : item.start])
        ):
            found[index] = replace(item, claimant=before.claimant, kind=before.kind,
                                   person=before.person, pronoun=None)  # fmt: skip
    return found


# What "the X said" refers back to: a body named before ("the agency") or a report
# ("the investigation").
_BACK_OR_REPORT = BACK_REFERENCES | _REPORTS
# What a source publishes, so that "the estimates" are whoever published them last.
_PUBLISHED_FIGURES = {"estimates", "estimations", "figures", "data", "findings", "statistics"}
# The words that name a report, as its owner is remembered by them.
REPORT_WORDS = _REPORTS | {w + "s" for w in _REPORTS} | _PUBLISHED_FIGURES | {"toll", "tolls"}


def _resolvable(
    name: str, stance: str, kind: str, start: int, end: int, person: bool
) -> Attribution:
    """An attribution whose claimant may still be a back-reference ("the agency")."""
    lower = name.lower()
    if lower.startswith("the ") and lower[4:] in _PUBLISHED_FIGURES:
        return Attribution(None, stance, "reference", start, end, False, pronoun=lower[4:],
                           form="published")  # fmt: skip
    bare = report_noun(lower.removeprefix("the "))
    if bare in _BACK_OR_REPORT and " " not in bare:
        # "the agency", "the report", "the reports"; a possessive stays one: "the
        # government's estimate" speaks for no later figure
        return Attribution(None, stance, "possessive" if kind == "possessive" else "reference",
                           start, end, False, pronoun=bare, form=kind)  # fmt: skip
    if is_role_only(name):
        # "given by the governor": a role, still written as a passive
        form = "passive" if kind == "passive" else ""
        return Attribution(name, stance, "role", start, end, True, pronoun=name, form=form)
    return Attribution(name, stance, kind, start, end, person)


_SHARED = {"shared", "shares"}  # a verb of saying only before "that"
_SPOKE = {"spoke", "speaks", "speak", "talked", "talks", "talk"}
# Participles that change a count, spoken by the sentence's subject after a comma.
_CHANGING = {"lowering", "raising", "revising", "bringing", "taking", "pushing", "putting",
             "cutting", "updating"}  # fmt: skip
_SPEECH_WORDS: frozenset[str] = frozenset()  # VERBS and the giving verbs, on first use
# The verbs a name follows in a turned-round attribution: "..., said Omar Kessel"
# (not "..., dismissed Lumen's claim").
_TURNED_ROUND = {"said", "says", "added", "adds", "wrote", "writes", "noted", "notes",
                 "explained", "continued", "insisted", "stated", "declared"}  # fmt: skip


def _opens_a_clause(toks: list[Token], verb: int) -> bool:
    """Whether the name after a verb of saying is the subject of what was said: "X,
    head of the board, said Obi took 53 percent" (Obi took it), not "..., said Obi."."""
    at = verb + 1
    while at < len(toks) and (is_capital(toks[at][0]) or toks[at][0] in ("of", "for")):
        at += 1
    if at == verb + 1 or at >= len(toks):
        return False
    word = toks[at][0]
    return word.isalpha() and word.islower() and word not in _AFTER_A_CLAIMANT | _NAME_TAILS


# What may follow a claimant's name after its verb: a time, a place, a relative clause.
_NAME_TAILS = {"at", "of", "for", "from", "who", "whose", "which", "to", "as", "and", "told",
               "last", "this", "earlier", "later", "after", "before", "during", "when"}  # fmt: skip


def _changes_a_count(word: str) -> bool:
    """Whether a changing verb's object is a count ("raising the toll", "bringing the
    number", "lowering its estimate", "to 253"), not "raising tensions"."""
    return (
        word in _MEASURED
        or word in _REPORTS
        or word in _PUBLISHED_FIGURES
        or word in ("figure", "to")
        or word[:1].isdigit()
    )


_PUNCTUATION_SPACES = str.maketrans({c: " " for c in ".,;:!?\"“”‘’'()[]—–"})


_LIVES_TAKEN = LazyPattern(r"\s+(?:the\s+lives\s+of\b|(?:[\w,.-]+\s+){0,4}lives\b)")
# "Staff reported for duty", "46 percent reported to work", "reported sick": they came
# to work or stayed away, they said nothing
_TURNED_UP = LazyPattern(
    r"\s+(?:(?:back\s+)?(?:to|for|at)\s+(?:their\s+|the\s+)?"
    r"(?:work|duty|jobs?|posts?|shifts?|offices?|desks?|schools?|classes)|sick)"
    # ... and nothing more of the place: "reported to the school board that" tells it
    r"(?=\s*[,.;:!?)]|\s*$|\s+(?:on|in|at|for|after|before|by|with|despite|during|and|but|"
    r"yesterday|today|this|last)\b)"
)


def turned_up(text: str, end: int, verb: str) -> bool:
    """Whether "report" ending at END says who came ("600 workers reported for
    work"), not what was said."""
    return verb.startswith("report") and _TURNED_UP.match(text, end) is not None


def _verb_attributions(clause: str) -> list[Attribution]:
    global _SPEECH_WORDS
    if not _SPEECH_WORDS:
        _SPEECH_WORDS = frozenset(VERBS) | _GIVING_VERBS | _SPOKE | _CHANGING | _SHARED
    # Most clauses of an article have no reporting verb: a set look-up says so
    # before the clause is cut into tokens.
    if _SPEECH_WORDS.isdisjoint(clause.lower().translate(_PUNCTUATION_SPACES).split()):
        return []
    toks = tokens(clause)
    found: list[Attribution] = []
    title: bool | None = None  # whether the clause is a title, read when first asked
    for index, (word, start, end) in enumerate(toks):
        lower = word.lower()
        stance = VERBS.get(lower)
        if (
            stance is None
            and lower in _SPOKE
            and index + 1 < len(toks)
            and toks[index + 1][0] in ("of", "about")
        ):
            stance = "asserts"  # "the police spoke of 40,000", "unions talked about 60%"
        if (
            stance is None
            and lower in _CHANGING
            and index
            and toks[index - 1][0] == ","
            and any(_changes_a_count(t[0].lower()) for t in toks[index + 1 : index + 5])
        ):
            stance = "reports"  # "..., lowering the toll to 253": the subject's new figure
        if (
            stance is None
            and lower in _SHARED
            and index + 1 < len(toks)
            and toks[index + 1][0] in ("that", "in", "with", "on", "via")
            and "that" in {t[0] for t in toks[index + 1 : index + 6]}
        ):
            stance = "asserts"  # "X shared in court filings that ...": X says it
        if stance is None and lower in _GIVING_VERBS:
            following = {t[0].lower() for t in toks[index + 1 : index + 6]}
            # "had a tally of", "has figures showing"; not "had inflated the toll"
            owning = lower not in ("had", "has") or (
                index + 2 < len(toks)
                and (
                    toks[index + 1][0].lower() in _REPORT_NOUNS
                    or (
                        toks[index + 1][0].lower() in ("a", "an", "its", "their", "his", "her")
                        and toks[index + 2][0].lower() in _REPORT_NOUNS
                    )
                )
            )
            if owning and following & _REPORT_NOUNS:
                stance = "reports"
        if stance is None or index == 0:
            continue
        if word[0].isupper() and is_capital(toks[index - 1][0]):
            if title is None:
                title = _title_case(toks)
            if not title:
                continue  # "the United States Capitol": a name, no verb
        following = toks[index + 1][0].lower() if index + 1 < len(toks) else ""
        before = toks[index - 1][0]
        if (following in _MEASURED or following in ("figure", "figures", "death")) and not (
            _is_head(before.lower()) or is_capital(before)
        ):
            continue  # "revealed the lower estimated toll": a modifier, no verb
        if lower.endswith("ed") and following == "by" and _previous_is_noun(toks, index):
            continue  # "the cuts announced by X, unions said": a participle; "by X" gives it
        if stance == "claims" and _LIVES_TAKEN.match(clause, end):
            continue  # "the storm has claimed 12 lives": it killed, it said nothing
        if turned_up(clause, end, lower):
            continue
        if lower == "told" and following == "to":
            continue  # "the residents told to leave": they were told, they told nothing
        if (
            index >= 2
            and toks[index - 2][0].lower() == "the"
            and toks[index - 1][0] in _SUPERLATIVES
        ):
            continue  # "the biggest seen in Velm": a superlative's participle
        previous = toks[index - 1][0].lower()
        if (lower.endswith("ing") and previous == ",") or (
            previous == "and" and index >= 2 and toks[index - 2][0] == ","
        ):
            # "..., saying its networks had counted", "..., and denied targeting
            # civilians": the sentence's subject speaks again
            found.append(Attribution(None, stance, "participle", start, end, False))
            continue
        verb = index  # where the subject is looked for, before it
        if lower.endswith("ing") and previous in _BE and index >= 2:
            # "X are claiming", "X has been saying": the subject stands before the auxiliary
            verb -= 2 if previous == "been" and toks[index - 2][0].lower() in _AUXILIARIES else 1
            previous = toks[verb - 1][0].lower()
        elif previous in ("an", "the", "to", "its", "their", "his", "her", "our", "of", "a",
                          "this", "that", *_BE):  # fmt: skip
            following = toks[index + 1][0].lower() if index + 1 < len(toks) else ""
            subject = _clause_subject(toks) if previous == "to" and following == "that" else None
            if subject is not None:
                # "X travelled to the capital on Friday to say that ...": X says it
                found.append(_resolvable(subject[0], stance, "subject", toks[0][1], end,
                                         subject[1]))  # fmt: skip
            continue  # "an estimated 5", "was reported", "its estimate": not a subject's verb
        if lower in _AMBIGUOUS_BASE and (
            not _plural_subject(_subject_head(toks, index))
            or (
                index + 1 < len(toks)
                and is_capital(toks[index + 1][0])
                and not _is_head(previous.rstrip("s"))
                and not is_capital(toks[index - 1][0])
            )
        ):
            continue  # "Lagos state", "the death toll figure", "rights figure Ana Obi": nouns
        following = toks[index + 1][0].lower() if index + 1 < len(toks) else ""
        if lower in _NOUN_VERBS and following in ("", ":", ".", ";"):
            continue  # "Key figures:", "Velm estimates.": a heading's noun, no verb
        if (
            lower in _NOUN_VERBS
            and previous not in _REPORTS
            and (
                following in ("of", "by")
                # a verb after a name or a head: "The party claims that", "Moody's RMS
                # estimates that"
                or (
                    following == "that"
                    and not (
                        _is_head(previous) or is_capital(toks[index - 1][0]) or previous == ","
                    )  # "X, a business group, estimates that"
                )
                or previous in _NOUN_ADJECTIVES
                or previous in VERBS
                # "has dismissed union claims that": the object of a verb
                or (index >= 2 and toks[index - 1][0].islower() and toks[index - 2][0] in VERBS)
                or previous.endswith(("'s", "’s"))  # "Marn's estimates": whose
                or previous in _GIVING_VERBS
                or previous in _AUXILIARIES
                or (previous.endswith("ed") and toks[index - 1][0].islower())
            )
        ):
            continue  # "official estimates of", "provided figures that": nouns
        if previous in _MEASURED and not _owned_by_a_name(toks, index - 1):
            continue  # "Flood death toll put at 2,400": the toll is no source
        denial = previous in _DENIAL_ADVERB
        j = verb - 1
        if denial:
            j -= 1
        subject = toks[j][0].lower() if j >= 0 else ""
        if subject in _BETWEEN and j >= 1:
            subject = toks[j - 1][0].lower()
        if subject in PRONOUNS:
            found.append(
                Attribution(None, stance, "pronoun", toks[j][1], end, False, denial, subject)
            )
            continue
        coordinated = False  # the subject of the verb before "and"
        if toks[j][0] in ("who", "which") and j >= 2 and toks[j - 1][0] in (",", "–", "—"):
            named = noun_phrase_before(toks, j - 1)  # "X, who said ..."
        else:
            who = _restrictive_who(toks, j)
            named = (
                noun_phrase_before(toks, who)  # "a UN official who asked not to be named said"
                if who is not None
                else noun_phrase_before(toks, j + 1 if not denial else verb - 1)
            )
            if named is not None:
                named = (
                    _past_participle_clause(toks, j, named[0])
                    or _unclosed_apposition(toks, j, named)
                    or named
                )
            after = _name_after(toks, index)
            if (
                after is not None
                and toks[j][0] == ","
                and is_capital(after[0])
                and lower in _TURNED_ROUND
                and not _opens_a_clause(toks, index)
            ):
                # "..., raising tensions, said Omar Kessel": the name turned round after
                # the verb speaks, not one before an aside
                named = None
            if named is None:
                named = after
                if named is not None:
                    if _quote_called_wrong(clause, start):
                        stance = "denies"  # "“That toll of 40 is a lie,” said X"
                    found.append(_resolvable(named[0], stance, "end", start, end, named[1]))
                    continue
                same = _same_subject(toks, index, found)
                if same is not None:
                    found.append(replace(same, stance=stance, start=toks[index][1], end=end,
                                         denial_marker=denial))  # fmt: skip
                    continue
                named = _coordinated_subject(toks, index)
                coordinated = named is not None
            passive = index + 1 < len(toks) and toks[index + 1][0].lower() in ("to", "by")
            if named is None and toks[j][0] == "," and j >= 1 and not passive:
                # "One rival league, said Sunday that": a stray comma after the
                # subject that opens the sentence
                opening = noun_phrase_before(toks, j)
                start = _first_token(toks, j, opening[0]) if opening is not None else None
                if start is not None and start <= 1:
                    named = opening  # (its first word, or one after "The", opens the clause)
        if named is None:
            continue
        named = _relative_subject(toks, verb, named) or named
        name, person = named
        head = name.split(" of ")[0].split()[-1].lower()  # "organisers of the march": organisers
        if name.lower() in _NOT_A_SPEAKER - _GENERIC_SOURCES or head in _EVENTS:
            continue  # "Crowd estimates ranged": the figure, not who gives it; "People feared"
        if " of " in name and name.split()[-1].lower() in _EVENTS:
            name = name.split(" of ")[0]  # "Organisers of the Velm march": the organisers
        if name in _RELATIVE_WORDS:  # lower case: "the WHO said" is a name
            continue  # "– who said ...", a clause of its own: whom it is about is before it
        # a second verb's attribution covers that verb only: "X said N and warned ..."
        begin = start if coordinated else clause.rfind(name.split()[0], 0, start)
        begin = begin if begin >= 0 else start
        kind = "record" if lower in _RECORD_VERBS else "subject"
        if (
            j >= 2
            and toks[j][0].lower() in _SPEAKERS
            and toks[j - 1][0].lower() in _INDEFINITE
            and toks[j - 2][0] == ","
            and name.split()[-1].lower() not in _SPEAKERS
        ):
            # "..., a spokesperson said": the opening organisation speaks, from here
            begin, kind = toks[j - 1][1], "end"
        attribution = _resolvable(name, stance, kind, begin, end, person)
        attribution.denial_marker = denial
        if (
            stance != "denies"
            # "the figure X released ... was wrong": the figure is X's, X says nothing of it
            and not _FIGURE_BEFORE_NAME.search(clause, max(0, begin - 24), begin)
            and (_CALLED_WRONG.match(clause, end) or _quote_called_wrong(clause, begin))
        ):
            attribution.stance = "denies"  # "X said Y's count of 40 was wrong"
        if name.split()[0].lower() in POSSESSIVES:
            attribution = Attribution(None, stance, "possessive", begin, end, False, denial,
                                      " ".join(name.lower().split()[:2]))  # fmt: skip
        found.append(attribution)
    return found


_PREPOSITIONS = {"to", "in", "of", "for", "from", "at", "on", "with", "by", "across", "into"}
_SUPERLATIVES = set(
    """largest biggest highest lowest greatest smallest deadliest worst best longest
    strongest heaviest latest most least""".split()
)


def _restrictive_who(toks: list[Token], j: int, reach: int = 10) -> int | None:
    """Where a "who" clause with no commas, between a subject and its verb, begins:
    in "a police officer who was at the scene said", the officer speaks, not the scene."""
    for k in range(j, max(j - reach, 0), -1):
        word = toks[k][0]
        if word in _CLAUSE_MARKS:
            return None
        if word == "who":
            return k if toks[k - 1][0] not in _CLAUSE_MARKS else None
    return None


def _relative_subject(
    toks: list[Token], verb: int, named: tuple[str, bool]
) -> tuple[str, bool] | None:
    """The subject a relative clause stands between: "the company that provides the
    machines to the country said" is the company's word, not the country's."""
    first = named[0].split()[0]
    i = next((k for k in range(verb - 1, max(verb - 12, -1), -1) if toks[k][0] == first), None)
    if i is None or i < 3:
        return None
    p = i - 1 if toks[i - 1][0] in ("the", "The") else i
    if toks[p - 1][0].lower() not in _PREPOSITIONS:
        return None
    for r in range(p - 2, max(p - 12, 0), -1):
        word = toks[r][0]
        if word in (",", ";", ":", '"', "“", "”", "(", ")"):
            return None
        if word in ("that", "which", "who") and toks[r + 1][0].islower() and r >= 1:
            if toks[r + 1][0] in _DETERMINERS or toks[r + 1][0] in PRONOUNS:
                return None  # "reports that the ministry ...": what was said, not who
            return noun_phrase_before(toks, r)
    return None


def _same_subject(toks: list[Token], verb: int, found: list[Attribution]) -> Attribution | None:
    """The attribution of the reporting verb before "and", for a second one:
    "Organisers dismissed that figure and said 50,000 came" is the organisers' word,
    with the second verb's stance."""
    if not found or found[-1].kind not in ("subject", "reference"):
        return None
    between = []  # the words since the verb before, a few at most
    for k in range(verb - 1, max(verb - 12, -1), -1):
        if toks[k][1] < found[-1].end:
            break
        between.insert(0, toks[k])
    else:
        return None
    joint = next(
        (k for k in range(len(between) - 1, -1, -1) if between[k][0] in ("and", "but")), None
    )
    if joint is None or any(t[0] in (";", ":", ".") for t in between):
        return None
    if len(between) - joint > 5 or any(
        not (t[0] in _BETWEEN or t[0] == "," or t[0].endswith("ly")) for t in between[joint + 1 :]
    ):
        return None  # "... and the police said", "... and its rivals said": another subject
    return found[-1]


def _coordinated_subject(toks: list[Token], verb: int) -> tuple[str, bool] | None:
    """The subject of the verb before "and" or "but": "Ana Obi briefed reporters and,
    pressed for details, said ..." is Ana Obi's: a person the clause opens with, else a
    body ("Police declined to comment but said ...", "The Treasury objects ..., and
    says ...")."""
    joint = next(
        (k for k in range(verb - 1, max(verb - 15, 0), -1) if toks[k][0].lower() in ("and", "but")),
        None,
    )
    if joint is None or any(t[0] in (";", ":") for t in toks[joint:verb]):
        return None
    subject = _clause_subject(toks[:joint])
    if subject is not None and subject[1]:
        return subject
    # "Police declined to give a figure but said ...": a body the clause opens with
    first = 1 if toks[0][0] in ("The", "the") else 0
    if first + 1 < joint and toks[first + 1][0].islower() and _is_head(toks[first][0].lower()):
        return toks[first][0].lower() if first else toks[first][0], False
    # "The Treasury objects to X's estimates, and says ...": the body named first
    return _opening_organisation(toks, joint)


# Third-person verbs that are plural nouns too: "the ministry estimates 300" but
# "official estimates of 300", "had provided figures that ...".
_NOUN_VERBS = set(
    """estimates reports claims counts figures records lists documents notes places states
    tallies projects registers puts fears""".split()
)
_NOUN_ADJECTIVES = set(
    """official latest new earlier initial preliminary recent previous final independent
    unofficial such these those their its his her our any some other same first second
    third original full""".split()
)
# Verbs of keeping a record, and of giving: "Yemen has recorded 250,000 cases, the WHO
# said", "donors pledged $1bn, officials said" are the speaker's claims, so a source the
# clause ends with comes first.
_RECORD_VERBS = set(
    """recorded records registered registers documented documents logged counted counts
    listed lists tallied identified identifies pledged pledges donated donates""".split()
)
# Base forms that are nouns as often as verbs: a verb only after a plural subject
# ("groups report", "officials estimate", "police count").
_AMBIGUOUS_BASE = set(
    """report record list document note place estimate figure count claim project tally
    cite add register deny dispute state fear quote show budget forecast""".split()
)


def _previous_is_noun(toks: list[Token], index: int) -> bool:
    """Whether the word before a verb is a lower-case word that names no speaking
    body and follows no comma or "and" ("the recent cuts announced by"), not a
    subject that speaks."""
    before = toks[index - 1][0]
    return (
        index >= 2
        and before.islower()
        and not _is_head(before)
        and toks[index - 2][0].lower() not in (",", "and")
    )


def _title_case(toks: list[Token]) -> bool:
    """A title, every word capitalised: "Officials Say 40 Died"."""
    words = [t[0] for t in toks if t[0][:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _subject_head(toks: list[Token], verb: int) -> str:
    """The word before a verb, or the head a name after it qualifies: "economists" in
    "economists at Harwick Bank estimate"."""
    j = verb - 1
    while j >= 0 and is_capital(toks[j][0]):
        j -= 1
    head = verb - 1
    if 1 <= j < verb - 1 and toks[j][0] in ("at", "of", "from", "in", "for"):
        head = j - 1 if _is_head(toks[j - 1][0].lower()) else head  # not "people in Lagos state"
    # a sentence's first word is capitalised whatever it is: "Analysts estimate"
    return toks[head][0].lower() if head == 0 else toks[head][0]


def _plural_subject(word: str) -> bool:
    lower = word.lower()
    # a lower-case word in -s ("groups"); a name in -s ("Lagos", "Athens") is no plural
    plural = (
        word.islower()
        and lower.endswith("s")
        and not lower.endswith(("ss", "'s", "’s", "ous", "us", "is"))  # "previous", "status"
    )
    return (plural and len(lower) > 3) or lower in (
        "police", "people", "they", "we", "military", "staff", "media",
    )  # fmt: skip


def report_words(name: str) -> bool:
    """Whether a back-reference is to a report ('the report said') rather than a body."""
    return name in _REPORTS or name in _PUBLISHED_FIGURES


def names_a_report(words: str) -> bool:
    """Whether an attribution is a report's: "a Harbor Wire investigation found"."""
    return "report" in words or not _REPORTS.isdisjoint(words.lower().split())


# "X filed on Friday its forensic reports on ...", "X released its findings": a
# body publishing a report, whether or not the sentence gives a figure from it
_PUBLISHING = LazyPattern(
    r"\b(?:submitted|released|published|issued|presented|delivered|filed|unveiled|"
    r"conducted|carried\s+out|completed|compiled)\s+"
    r"(?:[\w'’-]+\s+){0,5}?(reports?|findings|study|survey|assessment|audit|review|"
    r"statement|estimates|figures|data|analysis|investigation)\b"
)


def bodies_before(text: str, verbs: re.Pattern[str]) -> list[tuple[str, re.Match[str]]]:
    """The body (not a person) each match of `verbs` has for its subject, with the
    match: "The Tarn board corrected ...", "X submitted ... reports"."""
    matches = list(verbs.finditer(text)) if " " in text else []
    if not matches:
        return []
    toks = tokens(text)
    starts = {t[1]: i for i, t in enumerate(toks)}  # the token each match's verb is
    found = []
    for match in matches:
        verb = starts.get(match.start())
        named = noun_phrase_before(toks, verb) if verb else None
        if named is not None and not named[1]:
            found.append((named[0], match))
    return found


def publishers(text: str) -> list[tuple[str, str]]:
    """(name, report noun) for each body the text says published a report."""
    return [(name, report_noun(m.group(1))) for name, m in bodies_before(text, _PUBLISHING)]


def report_noun(word: str) -> str:
    """One form for a report noun's singular and plural: 'reports' is 'report'."""
    lower = word.lower()
    return lower[:-1] if lower.endswith("s") and lower[:-1] in _REPORTS else lower


def publishes(text: str, end: int) -> bool:
    """Whether the attribution ending at `end` publishes a report: "X released new
    estimates", "X published figures", "X said in a report" (not "X confirmed a
    death toll of 40")."""
    verb = text[max(0, end - 20) : end].split()[-1:]
    return (
        bool(verb)
        and verb[0].lower() in _GIVING_VERBS
        and bool(_REPORT_NOUNS & set(text[end : end + 40].lower().split()[:4]))
    ) or bool(_IN_A_REPORT.match(text, end))


# "X said in a report", "X wrote in its annual survey": X's report, which a later
# "the report said" means
_IN_A_REPORT = LazyPattern(
    r"\s+in\s+(?:a|an|its|their|his|her|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:report|study|survey|assessment|analysis|statement|review|audit)\b"
)
