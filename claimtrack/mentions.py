"""What an article names: people with their roles, organisations, acronyms, places.

Pure: the extractor tells a Context each sentence in reading order, and asks it whom
a pronoun, a back-reference ("the agency"), a role ("the minister") or "the
government" stands for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from claimtrack import attribution as attr
from claimtrack.claims import BODY_KINDS, BODY_MODIFIERS
from claimtrack.figures import Figure, LazyPattern
from claimtrack.places import demonyms, place_names
from claimtrack.quantities import is_side

_NAME = r"[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,3}"
_APPOSITIVE_ROLE = LazyPattern(
    rf"({_NAME})(?:\s*\([A-Z]{{2,8}}\))?,\s+(?:(?:a|an|the)\s+|(?=(?:"
    + "|".join(sorted(attr.ROLES | {"deputy"}, key=len, reverse=True))
    + r")\s))([^,;.]{3,80}?)(?:,|\.|;|$| said| which| that| who)"
)
# A body named in one word or an acronym, then what it is: "The LWF, the country's
# largest union,", "Tarvo, a rights group,".
_APPOSITIVE_BODY = LazyPattern(
    r"(?:^|(?<=[\s(“\"]))(?:The\s+)?([A-Z][A-Za-z&-]{1,30}),\s+(?:a|an|the)\s+([^,;.]{3,80}?)"
    r"(?:,|\.|;|$)"
)
# A role and whom it is held for, written before the name it describes: "the agency's
# spokesman, Karel Holt,", "a spokeswoman for the Harbour Trust, Ana Obi,".
_ROLE_THEN_NAME = LazyPattern(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?:((?:[\w.&-]+\s+){0,4}?[\w.&-]+)['’]s\s+)?("
    + "|".join(sorted(attr.ROLES, key=len, reverse=True))
    + r")(?:\s+(?:for|of|at)\s+(?:the\s+)?((?:[\w.&-]+\s+){0,4}?[\w.&-]+))?,\s+"
    + rf"({_NAME}),"
)
# A name with what it is written before it: "Israeli company Crowd Solutions",
# "rights group Lantern Watch", so that "the company", "the group" find it; the words
# before the head are kept, so that "aid groups" is not the rights group.
_DESCRIBED_BEFORE = LazyPattern(rf"\b((?:[A-Za-z]+\s+){{0,2}})([a-z]+)\s+({_NAME})")
# ... and a one-word name: "health data firm Airlytic estimated"
_DESCRIBED_ONE = LazyPattern(
    r"\b((?:[A-Za-z]+\s+){0,2})([a-z]+)\s+([A-Z][a-z'’-]{2,})\b(?!\s+[A-Z])"
)
# A state or province the article names: what "the state government" governs.
_REGION = LazyPattern(
    r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+(?:state|province|region)\b"
    r"|\b(?:state|province|region)\s+of\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
)
_REGIONAL_BODY = LazyPattern(
    r"(?:the\s+)?(?:state|provincial|regional)\s+(government|authorities|police|officials|"
    r"administration|ministry|health\s+department|disaster\s+agency)",
    re.I,
)
# The national body an article's "the government" is, where it names one nation's:
# "Norlandian officials", "Norland's junta".
_NATIONAL_BODY = LazyPattern(
    r"(?:the\s+)?((?:ruling|governing|military|central|federal|national|interim|transitional)"
    r"\s+){0,2}(government|junta|regime)",
    re.I,
)
# The people who speak for a nation where the article names one: "officials said".
_NATIONAL_PEOPLE = LazyPattern(r"(?:the\s+)?(?:officials|authorities|military|army|navy)", re.I)
# A sentence that opens with where it is: "In Washington, ...", "At the United Nations, ..."
_ELSEWHERE = LazyPattern(r"\s*(?:In|At|From)\s+(?:the\s+)?[A-Z]")
# A capitalised adjective of a people: "Philippine", "Bangladeshi", "Ethiopian"
_ADJECTIVE = LazyPattern(r"\b[A-Z][a-z]{3,}(?:an|ian|ese|ish|i|ine|ic)\b")
# Words that describe a nation's body, not name it: "the ruling junta" is the junta.
_DESCRIBING = LazyPattern(r"\b(?:ruling|governing)\s+", re.I)
_NATION_BEFORE = LazyPattern(
    r"\b((?:North\s+|South\s+)?[A-Z][a-z]{2,})(['’]s)?\s+(?:military\s+|central\s+|federal\s+)?"
    r"(?:government|junta|authorities|military|army|president|prime\s+minister|officials|"
    r"police|ministry|parliament|state\s+media|state\s+television)\b"
)
# A sentence that opens with a person and whom they speak for: "Tomas Berg of the Lumen
# group, who ..., said".
_NAME_OF = LazyPattern(rf"[“\"‘']?({_NAME})\s+(?:of|from|at)\s+(?:the\s+)?[A-Z]")
# The organisation a role is held for, in an appositive: "the Defence Ministry's
# spokesman", "a spokesman for the Harbour Trust", "head of the Lumen group".
_ROLE_OWNER = LazyPattern(
    r"^(?:the\s+|a\s+|an\s+)?((?:[A-Z][\w.&-]*\s+){0,5}[A-Z][\w.&-]*)['’]s\s+"
    # a name and the kind of body it is: "head of the Lora election board"
    r"|\b(?:of|for|at)\s+(?:the\s+)?((?:[A-Z][\w.&-]*\s+){1,4}(?:[a-z]+\s+){0,2}(?:"
    + "|".join(sorted(attr.BODY_HEADS, key=len, reverse=True))
    + r"))\b"
    r"|\b(?:of|for|at)\s+(?:the\s+)?((?:[A-Z][\w.&-]*\s+(?:(?:of|for|and)\s+)?){0,5}[A-Z][\w.&-]*)"
    # a body written in lower case: "a spokeswoman for the coast guard"
    r"|\b(?:of|for|at)\s+the\s+((?:[a-z]+\s+){0,3}(?:"
    + "|".join(sorted(attr.BODY_HEADS, key=len, reverse=True))
    + r"))\b"
)
_ORGANISATION = LazyPattern(
    r"(?:[A-Z][\w'’.-]*\s+(?:(?:of|on|for|and)\s+(?:the\s+)?)?){1,6}[A-Z][\w'’-]*"
)
_NAME_JOINERS = {"of", "on", "for", "and", "the"}  # "Commission on Human Rights"
# A body named by its place or its leader and a lower-case kind: "the Norland government",
# "the Lora health ministry", "Tarn state authorities", "the Obi administration"; the
# words between are the kind's own ("health"), never a verb ("Witnesses say police").
_PLACED_BODY = LazyPattern(
    r"(?<![\w'’-])((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*(?:['’]s)?)\s+"
    rf"((?:(?:{'|'.join(sorted(BODY_MODIFIERS))})\s+){{0,2}}"
    rf"(?:{'|'.join(sorted(BODY_KINDS))}|coast\s+guard))\b"
)
_ACRONYM = LazyPattern(r"((?:[A-Z][\w'’-]*\s+(?:of\s+|on\s+|for\s+|and\s+)?){1,7})\(([A-Z]{2,8})\)")


@dataclass
class Person:
    name: str
    roles: set[str]
    position: int  # the sentence that first names the person
    organisation: str | None = None  # whom the person speaks for, where the text says
    pronoun: str | None = None  # "he" or "she", once the text calls them so


# What a news outlet is called when the text names it again: "the outlet counted".
_MEDIA = tuple("outlet newspaper paper broadcaster publication channel website site portal".split())
# Titles that say which pronoun the text will use for the person.
_HONORIFICS = {"mr": "he", "mrs": "she", "ms": "she"}


def _owner(words: list[str], title: int) -> str | None:
    """The organisation written before a title: "Russian Defense Ministry Spokesman",
    "Norlandian border guard press officer" (a body in lower case, its nation before it)."""
    owner: list[str] = []
    before = words[:title]
    if before and before[-1].lower() in _ROLE_QUALIFIERS:
        before = before[:-1]  # "press officer", "media adviser"
    body = bool(before) and before[-1] in attr.BODY_HEADS
    for word in reversed(before):
        if word.lower() in attr.TITLES:
            break
        if not word[:1].isupper():
            # a lower-case body of two words at most, right before the title
            lower_body = body and word.isalpha() and len(owner) < 2
            if not lower_body or not all(w.islower() for w in owner) or word in _NOT_BODY_WORDS:
                break
        owner.insert(0, word)
    while owner and owner[0] in ("The", "A", "An"):
        owner = owner[1:]
    if owner and owner[-1].lower().rstrip("s") in attr.CLAIMANT_HEADS:
        return " ".join(owner)
    return None


# Bodies named by a common noun alone, which say which one only with a name before
_GENERIC_BODIES = {"agency", "ministry", "office", "department", "authority", "commission",
                   "council", "board", "service", "bureau", "directorate", "organisation",
                   "organization", "group", "committee", "company", "firm", "trust", "fund"}  # fmt: skip
# What qualifies a role, between its body and the title: "border guard press officer"
_ROLE_QUALIFIERS = {"press", "media", "communications", "public"}
_NOT_BODY_WORDS = {"the", "a", "an", "and", "of", "said", "says", "told", "by", "to", "for"}


class Context:
    """What the article names: people with their roles, organisations, reports."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.organisations: dict[str, None] = {}  # in the order named: a set that keeps it
        self.acronyms: dict[str, str] = {}
        self.descriptions: dict[str, set[str]] = {}  # organisation -> what it is described as
        self.mentions: dict[int, list[tuple[str, str, str | None]]] = {}  # by sentence
        self.last_person: str | None = None
        self.recent_people: list[Person] = []  # the few named last, the latest last
        self.regions: list[str] = []  # "Uttar Pradesh state", "the province of Sindh"
        self.nations: list[str] = []  # each mention of a nation's body: "Norland's junta"
        self.countries: list[str] = []  # each mention of a country's name
        # the capitalised adjectives the article writes ("Philippine"), for what it calls
        # a country's people
        self.adjectives: set[str] = set()
        self.states: list[str] = []  # ... and of a state's, a province's or a region's
        self.last_counted: Figure | None = None  # the last figure with a counted noun
        self.last_counted_in = ""  # ... and the sentence it was read in
        # each value the article gave with a counted noun, and where: "Six thousand is far
        # too high" names the 6,000 dead told before
        self.counted_values: dict[float, tuple[str, Figure]] = {}
        self.last_organisation: str | None = None
        self.last_plural: str | None = None
        self.last_report: str | None = None
        self.reports: dict[str, str] = {}  # a report noun -> who published the last one
        self.roles_said: list[str] = []  # roles that spoke with no one named in them

    @classmethod
    def of_article(cls, sentences: list[str]) -> Context:
        """The context a reading of the article starts with: the people of the whole
        article, with where each is first named, so that a role given before the name
        ("the adviser ..., said Jane Roe, an adviser") resolves; and the places and
        descriptions it names anywhere. What is named last is learned as it is read."""
        learned = cls()
        for position, sentence in enumerate(sentences):
            learned.learn(sentence, position)
        context = cls()
        context.people = [
            Person(p.name, set(p.roles), p.position, p.organisation, p.pronoun)
            for p in learned.people
        ]
        context.descriptions = learned.descriptions
        context.regions = learned.regions
        context.nations = learned.nations
        context.countries = learned.countries
        context.adjectives = learned.adjectives
        context.states = learned.states
        context.mentions = learned.mentions
        return context

    def learn(self, sentence: str, position: int) -> None:
        """People named with a title or an appositive role, and acronyms."""
        # Words and the punctuation between them: a name never runs across a comma.
        words = re.findall(r"[\w.'’-]+|[,;:()“”\"]", sentence)
        for index, word in enumerate(words[:-1]):
            if word.lower() not in attr.TITLES:
                continue
            name = []
            for following in words[index + 1 : index + 5]:
                bare = following.rstrip(".")
                if following.lower() in attr.TITLES:
                    if name:
                        break
                    continue
                if not (bare[:1].isupper() and (bare[1:].islower() or len(bare) == 1)):
                    break
                name.append(following)
            if name and (len(name) >= 2 or word.lower() in attr.ROLES):
                roles = {word.lower().rstrip(".")} & attr.ROLES
                self.mention(" ".join(name).rstrip("."), roles, position, _owner(words, index))
                pronoun = _HONORIFICS.get(word.lower().rstrip("."))
                named = self.person_named(" ".join(name).rstrip("."))
                if pronoun and named is not None:
                    named.pronoun = pronoun
        for match in _APPOSITIVE_ROLE.finditer(sentence) if ", " in sentence else ():
            name = match.group(1).split()
            if name[0] in ("The", "A", "An"):
                name = name[1:]
            titled = [i for i, w in enumerate(name[:-2]) if w.lower() in attr.TITLES]
            if titled:
                name = name[titled[-1] + 1 :]  # "Lora Governor Ana Obi, a former ...": Ana Obi
            if not name or any(w.lower() in attr.NOT_NAMES for w in name):
                continue
            # what the name is, from the description's head: "a military adviser to
            # president X" (a person, an adviser); "the main group of undertakers" (an
            # organisation of undertakers)
            described = match.group(2).lower()
            head_words = re.split(r"\s+(?:to|of|for|at|in|with|which|that)\s+", described)[
                0
            ].split()
            if not head_words:
                continue
            nouns = {w.strip("'’s") for w in re.findall(r"[a-z][a-z'’-]+", described)}
            if head_words[-1].rstrip("s") in attr.CLAIMANT_HEADS - attr.ROLES:
                # a body may have a name of one word: "The LWF, the country's largest union"
                self.descriptions[" ".join(name)] = nouns
                continue
            if len(name) < 2:
                continue  # a person is named in two words or more
            roles = {w for w in head_words[-2:] if w.isalpha()}
            if roles:
                # whom the role is held for: "the Defence Ministry's spokesman", "head
                # of the Lumen group"
                whose = _ROLE_OWNER.search(match.group(2))
                owner = next((g for g in whose.groups() if g), None) if whose else None
                self.mention(" ".join(name), roles, position, owner)
        for match in _APPOSITIVE_BODY.finditer(sentence) if ", " in sentence else ():
            name, described = match.group(1), match.group(2).lower()
            head = re.split(r"\s+(?:to|of|for|at|in|with|which|that)\s+", described)[0].split()
            if (
                head
                and head[-1].rstrip("s") in attr.CLAIMANT_HEADS - attr.ROLES
                and name.lower() not in attr.NOT_NAMES
                and name not in self.descriptions
            ):
                nouns = {w.strip("'’s") for w in re.findall(r"[a-z][a-z'’-]+", described)}
                self.descriptions[name] = nouns
        for match in _ROLE_THEN_NAME.finditer(sentence) if ", " in sentence else ():
            owner = match.group(1) or match.group(3)
            if owner is None or any(w.lower() in attr.NOT_NAMES for w in match.group(4).split()):
                continue
            if owner.islower() and owner.split()[-1] not in attr.BODY_HEADS:
                continue  # "the mayor's spokesman" speaks for a person
            # "the agency's spokesman": which agency is read in reading order (`replay`)
            self.mention(match.group(4), {match.group(2)}, position, owner)
        for match in (*_DESCRIBED_BEFORE.finditer(sentence), *_DESCRIBED_ONE.finditer(sentence)):
            before, head, name = (
                match.group(1).lower().split(),
                match.group(2),
                match.group(3).split(),
            )
            if name[0] in ("The", "A", "An") or any(w.lower() in attr.NOT_NAMES for w in name):
                continue
            if (
                head.rstrip("s") in attr.BACK_REFERENCES - attr.ROLES
                and name[-1].lower() not in attr.BACK_REFERENCES
            ):
                self.descriptions.setdefault(" ".join(name), set()).update((*before, head))
        for match in _NATION_BEFORE.finditer(sentence):
            nation = match.group(1)
            if nation.split()[-1] not in attr.NOT_NAMES and (
                match.group(2) or is_side(nation.lower())
            ):
                self.nations.append(nation)
        countries, _ = place_names()
        for place in _places_in(sentence):
            (self.countries if place in countries else self.states).append(place)
        self.adjectives.update(_ADJECTIVE.findall(sentence))
        if " state" in sentence or " provinc" in sentence or " region" in sentence:
            for match in _REGION.finditer(sentence):
                words = (match.group(1) or match.group(2)).split()
                while words and words[0].lower() in attr.NOT_NAMES:
                    words = words[1:]
                if words and " ".join(words) not in self.regions:
                    self.regions.append(" ".join(words))
        opening = _NAME_OF.match(sentence)
        named = opening.group(1).split() if opening else []
        if attr.looks_like_person(named) and not any(w.lower() in attr.NOT_NAMES for w in named):
            whose = _ORGANISATION.match(sentence, opening.end() - 1)  # type: ignore[union-attr]
            self.mention(" ".join(named), set(), position, whose.group() if whose else None)
        for match in _ACRONYM.finditer(sentence) if "(" in sentence else ():
            full = " ".join(match.group(1).split())
            while full.split()[0].lower() in ("the", "a"):
                full = full.split(" ", 1)[1]
            self.acronyms[match.group(2).lower()] = full
            self.mentions.setdefault(position, []).append(("acronym", match.group(2).lower(), full))

    def mention(
        self, name: str, roles: set[str], position: int, organisation: str | None = None
    ) -> None:
        self.person(name, roles, position, organisation)
        self.mentions.setdefault(position, []).append(("person", name, organisation))

    def replay(self, position: int) -> None:
        """What `learn` found in a sentence, told again in reading order: the second
        pass over an article need not read its sentences for names twice."""
        for kind, name, extra in self.mentions.get(position, ()):
            if kind == "acronym":
                self.acronyms[name] = extra  # type: ignore[assignment]
            else:
                known = self.person_named(name)
                if (
                    extra
                    and (extra.islower() or extra.lower() in attr.BODY_HEADS)
                    and (known is None or known.organisation == extra)
                ):
                    # "the agency's spokesman", "Ministry spokesman X": the agency, the
                    # ministry named last before the sentence
                    named = self._named_with(extra.lower())
                    # a bare "agency" the article never named is nobody's; "police" are
                    # the police
                    generic = " " not in extra and extra.lower() in _GENERIC_BODIES
                    extra = named or (None if generic else extra)
                    if known is not None:
                        known.organisation = extra
                self.person(name, set(), position, extra)

    def organisations_in(self, sentence: str) -> None:
        """Organisations the sentence names, so that a later "the agency" or "the
        board" finds them even when they said nothing: "The Atlas Relief Agency opened
        three depots. The agency said ..."."""
        heads = set(sentence.lower().replace(",", " ").replace(".", " ").split())
        if heads.isdisjoint(attr.CLAIMANT_HEADS):
            return
        for match in _ORGANISATION.finditer(sentence):
            before = sentence[: match.start()].rstrip()
            if before.endswith((",", ", the")) and sentence.startswith((",", " and "), match.end()):
                continue  # "..., Chile, the Andean Federation, Peru, ...": a list
            words = match.group(0).split()
            while words and words[0].lower() in attr.NOT_NAMES:
                words = words[1:]
            for index, word in enumerate(words[1:], 1):
                if word.lower() in attr.NOT_NAMES and word.lower() not in _NAME_JOINERS:
                    # "the Lowland Health Council on Monday": the name ends
                    words = words[: index - 1 if words[index - 1] in ("on", "of") else index]
                    break
            if words and words[0].lower().rstrip(".") in attr.TITLES:
                continue  # "President Ana Obi": a person with a title
            if any(w.lower().rstrip("s") in attr.CLAIMANT_HEADS for w in words[-3:]):
                self.remember(" ".join(words), False)
        for match in _PLACED_BODY.finditer(sentence):
            words = match.group(1).split()
            while words and words[0].lower() in attr.NOT_NAMES:
                words = words[1:]
            if words and words[0].lower().rstrip(".") not in attr.TITLES:
                self.remember(" ".join([*words, *match.group(2).split()]), False)

    def person(
        self, name: str, roles: set[str], position: int, organisation: str | None = None
    ) -> None:
        known = self.person_named(name)
        if known is not None:
            known.roles |= roles
            known.organisation = known.organisation or organisation
        else:
            known = Person(name, roles, position, organisation)
            self.people.append(known)
        self.last_person = known.name
        if known in self.recent_people:
            self.recent_people.remove(known)
        self.recent_people = [*self.recent_people[-5:], known]

    def spokesperson(self, organisation: str, pronoun: str | None, position: int) -> None:
        """An unnamed person who spoke for an organisation ("a spokesman said"): a
        "he said" after it is that organisation's word too."""
        speaker = Person(organisation, set(), position, organisation, pronoun)
        self.recent_people = [*[p for p in self.recent_people if p.name != organisation][-5:],
                              speaker]  # fmt: skip

    def person_named(self, name: str) -> Person | None:
        return next((p for p in self.people if p.name == name or p.name.endswith(" " + name)), None)

    def called(self, pronoun: str, besides: str | None = None) -> str | None:
        """Whom "he" or "she" stands for: the person named last, passing over one the
        text has already called by the other pronoun ("..., she said. ... He said" is
        someone else), and `besides`, the one the pronoun's clause is about, and from
        then on called so."""
        for person in reversed(self.recent_people):
            if besides and (person.name == besides or person.name.endswith(" " + besides)):
                continue
            if person.pronoun in (None, pronoun):
                person.pronoun = pronoun
                return person.name
        return None

    def remember(self, name: str, person: bool) -> None:
        if person:
            self.person(name, set(), 10**9)
            return
        if name.split()[-1].lower().endswith("s") and name.islower():
            self.last_plural = name
        self.last_organisation = name
        self.organisations.setdefault(name)

    def full_name(self, name: str) -> str:
        """'Petrenko' after 'Ivan Petrenko'; 'NHRB' for its full name."""
        for known in self.people:
            if known.name != name and known.name.endswith(" " + name):
                return known.name
        if name.islower():
            # "the spy agency" after "South Korea's spy agency"
            for earlier in reversed(self.organisations):
                if earlier != name and earlier.lower().endswith(" " + name):
                    return earlier
        return self.acronyms.get(name.lower(), name)

    def organisation_named(self, noun: str) -> str | None:
        """'the board' after 'the Board of Audit of Norland'; 'the agency' after "South
        Korea's spy agency"."""
        described = self.described(noun)
        if described is not None:
            return described  # "the company" after "Israeli company Crowd Solutions"
        if noun in ("agency", "organisation", "organization", "group", "body", *_MEDIA):
            return self.last_organisation  # "the agency": whichever was named last
        for earlier in reversed(self.organisations):
            if noun in earlier.lower().replace("'s", "").split():
                return earlier
        return None

    def _named_with(self, body: str) -> str | None:
        """The organisation named last whose name holds every word of `body`: whom
        "the agency's spokesman" speaks for; none when the article named no agency."""
        words = set(body.split())
        return next(
            (o for o in reversed(self.organisations) if words <= set(o.lower().split())), None
        )

    def described(self, head: str, modifiers: Iterable[str] = ()) -> str | None:
        """The one organisation the article describes by this noun: "the main group of
        undertakers" makes "France's undertakers" that group. Words written before the
        noun must meet the description where there are any: "aid groups" are not
        "rights group X", "the human rights group" is."""
        noun = head.lower().rstrip("s")
        wanted = {w.lower().rstrip("s") for w in modifiers}
        matches = [
            n
            for n, words in self.descriptions.items()
            if noun in (described := {w.rstrip("s") for w in words})
            and (not wanted or wanted & described)
        ]
        return matches[0] if len(matches) == 1 else None

    def described_role(self, role: str) -> str:
        """A role no one is named in, as the article described it in full before: 'the
        director general' after "the country's director general of health services"
        spoke. Each such role is remembered as it is read."""
        words = role.lower().removeprefix("the ").split()
        if not words:
            return role
        for earlier in reversed([*self.organisations, *self.roles_said]):
            lowered = earlier.lower().split()
            if len(lowered) > len(words) and any(
                lowered[i : i + len(words)] == words for i in range(len(lowered))
            ):
                return earlier
        if role not in self.roles_said:
            self.roles_said.append(role)
        return role

    def role(self, description: str, position: int) -> str | None:
        """The person a role names: the most recent one with it, else the only one."""
        head = description.lower().split()[-1]
        # "prosecutor" is held by a "prosecutor-general"
        holders = [p for p in self.people if head in {r.split("-")[0] for r in p.roles} | p.roles]
        before = [p for p in holders if p.position <= position]
        if before:
            return before[-1].name
        if len(holders) == 1:
            return holders[0].name
        return None

    def governed(self, name: str, sentence: str = "") -> str:
        """'the state government' of an article about one state: that state's, and
        'the government' of an article about one nation: that nation's."""
        if _REGIONAL_BODY.fullmatch(name):
            region = self.regions[0] if len(self.regions) == 1 else _most_named(self.states)
            if region is not None:
                return f"{region} {name.removeprefix('the ').removeprefix('The ')}"
        return self.national(name, sentence)

    def national(self, name: str, sentence: str = "") -> str:
        """'the government' of an article about one nation: that nation's. The nation is
        the only one whose bodies the article names ("Spanish officials"), else the
        country it names most, at least twice and twice as often as any other."""
        if _NATIONAL_PEOPLE.fullmatch(name):
            # "officials", "the military": the nation's, called as its people are, unless
            # the sentence puts them elsewhere ("In Washington, officials said")
            people = self.people_of()
            if people is None or _ELSEWHERE.match(sentence):
                return name
            return f"{people} {name.removeprefix('the ').removeprefix('The ').lower()}"
        if not _NATIONAL_BODY.fullmatch(name):
            return name
        # the country's name where the article writes no adjective of it: "Myanmar junta"
        nation = self.people_of(written_only=True) or _most_named(self.countries)
        if nation is None:
            return name
        return f"{nation} {_DESCRIBING.sub('', name.removeprefix('the ').removeprefix('The '))}"

    def people_of(self, written_only: bool = False) -> str | None:
        """What the article's one nation's people are called: the only nation whose
        bodies it names ("Norlandian officials"), else the demonym of the country it
        names most, as the article writes it ("Philippine") where it does;
        `written_only`, only where it does."""
        if len(set(self.nations)) == 1:
            return self.nations[0]
        if self.nations:
            return None
        country = _most_named(self.countries)
        named = set(self.countries)
        if country is None and len(named) == 1:
            # the one country named, once, with its adjective written too
            (only,) = named
            if self._adjective_of(only):
                country = only
        if country is None:
            return None
        return self._adjective_of(country) or (None if written_only else demonyms().get(country))

    def _adjective_of(self, country: str) -> str | None:
        """The adjective of the country the article writes: its demonym, else a word of
        the country's stem that is no other country's demonym ("Philippine")."""
        known = demonyms()
        if known.get(country) in self.adjectives:
            return known[country]
        others = set(known.values()) - {known.get(country)}
        stem = country[: max(4, min(5, len(country) - 1))]
        written = sorted(
            a for a in self.adjectives if a.startswith(stem) and a != country and a not in others
        )
        return written[0] if written else None


def _most_named(mentions: list[str]) -> str | None:
    """The place an article names most, at least twice and twice as often as any other."""
    if not mentions:
        return None
    (first, times), *others = Counter(mentions).most_common(2)
    return first if times >= 2 and (not others or times >= 2 * others[0][1]) else None


def _places_in(sentence: str) -> list[str]:
    """The country and state names a sentence holds, in one pass: runs of capitalised
    words looked up, the longest name first ("South Africa", not "Africa")."""
    countries, states = place_names()
    found = []
    for run in _CAPITALISED_RUN.finditer(sentence):
        words = run.group().split()
        start = 0
        while start < len(words):
            for end in range(min(len(words), start + 4), start, -1):
                name = " ".join(words[start:end])
                if name.endswith(("'s", "’s")):
                    name = name[:-2]  # "Bangladesh's worst disaster"
                if name in countries or name in states:
                    found.append(name)
                    start = end
                    break
            else:
                start += 1
    return found


_CAPITALISED_RUN = LazyPattern(r"\b[A-Z][\w'’-]*(?:\s+(?:and\s+|of\s+|the\s+)?[A-Z][\w'’-]*)*")
