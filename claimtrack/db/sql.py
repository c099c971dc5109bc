"""The SQL both engines share: reading and writing claims, sources, topics,
history and reviews, and the transaction around each write.

Statements are written once, in the SQL that SQLite and PostgreSQL both accept,
with `?` marks (the PostgreSQL engine's connection turns them into its own).
What an engine does differently (opening, the write lock, full-text search, the
bulk load, backups and checks) its subclass says, in sqlite.py and postgresql.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import chain, groupby
from typing import TYPE_CHECKING, Any

from claimtrack.claims import (
    ARTICLE_MATCH,
    GOOD_MATCH,
    NAME_TERM,
    STATEMENT,
    Appearance,
    Claim,
    ClaimRefused,
    article_topic_name,
    check_claim,
    check_source,
    claim_basis,
    claim_problems,
    distinct_topic_name,
    match_score,
    name_terms,
    probe_terms,
    quantity_of,
    settle_quantity,
    source_key,
    topic_key,
    topic_terms,
)
from claimtrack.dates import DAY, ClaimDate
from claimtrack.errors import ClaimtrackError, DatabaseError, NotFoundError
from claimtrack.figures import Figure
from claimtrack.limits import (
    MAX_ID,
    TIMESTAMP_FORMAT,
    seconds_setting,
    storable,
    timestamp,
    timestamp_problem,
    utc_now,
)
from claimtrack.quantities import bare_quantity, in_topic, loose_quantity, settle_keys
from claimtrack.search import search_phrases

if TYPE_CHECKING:
    from claimtrack.conflicts import Conflict, Review, Row

ORDERS = {
    "newest": "c.date DESC, c.id DESC",
    "topic": "t.name, t.id, c.date, c.id",
    "grouped": "c.topic_id, c.date, c.id",
}
VOCABULARY_SAMPLE = 20  # claims a topic learns its words from, in one import
TEXTS_BATCH = 2_000  # listings fetched, and written, at a time
KNOWN_MIGRATIONS = (
    "m001_claims",
    "m002_reviews_and_cumulative_topics",
    "m003_verdicts",
    "m004_report_dates_and_appearances",
    "m020_search_source_and_topic_names",
    "m040_live_claims_view",
    "m010_quantities",
    "m011_quantity_kinds",
    "m012_reviews_that_stick",
    "m013_stored_conflicts",
    "m050_people",
    "m030_listings_escape_invisible_characters",
    "m070_conflicts_listed_from_their_index",
    "m110_sources_speak_for_others",
    "m120_story_names",
)

# What `claimtrack copy` carries, table by table (parents first), and each
# table's key: everything but the search indexes, which each engine builds.
COPIED_TABLES = {
    "sources": (("id",), ("id", "name", "key", "created_at", "speaks_for_id")),
    "source_aliases": (("key",), ("key", "alias", "source_id")),
    "topics": (("id",), ("id", "name", "key", "created_at", "cumulative")),
    "topic_terms": (("term", "topic_id"), ("term", "topic_id")),
    "claims": (("id",), (
        "id", "text", "source_id", "topic_id", "date", "date_precision", "as_of",
        "as_of_precision", "url", "figure_low", "figure_high", "figure_qualifier", "figure_text",
        "unit", "unit_norm", "stance", "tags", "note", "created_at", "updated_at", "deleted_at",
        "verdict", "verdict_explanation", "verdict_at", "date_basis", "appearances", "added_by",
        "verdict_by", "quantity",
    )),
    "claim_history": (("id",), (
        "id", "claim_id", "action", "data", "recorded_at", "recorded_by",
    )),
    "reviews": (("id",), (
        "id", "claim_a", "claim_b", "kind", "decision", "note", "reviewer", "created_at",
        "a_updated_at", "b_updated_at", "conflict", "claims", "basis", "settings", "undone_at",
        "replaces",
    )),
    "quantity_kinds": (("topic_id", "quantity"), ("topic_id", "quantity", "kind")),
    # By key: their ids are the target's own, and each engine renders the listings.
    "conflicts": (("key",), (
        "key", "topic_id", "topic", "quantity", "quantity_kind", "kind", "severity", "claim_a",
        "claim_b", "claims", "reason", "ratio", "status", "review_id",
    )),
}  # fmt: skip

# The claim columns read back, in the order claim_from_row unpacks them.
CLAIM_COLUMNS = (
    "id", "text", "date", "date_precision", "as_of", "as_of_precision", "url", "figure_low",
    "figure_high", "figure_qualifier", "figure_text", "unit", "stance", "tags", "note",
    "verdict", "verdict_explanation", "verdict_at", "created_at", "updated_at", "deleted_at",
    "date_basis", "appearances", "added_by", "verdict_by", "quantity",
)  # fmt: skip


def busy_timeout() -> float:
    """Seconds to wait for another writer; CLAIMTRACK_BUSY_TIMEOUT overrides."""
    return seconds_setting("CLAIMTRACK_BUSY_TIMEOUT", 10.0, zero=True)


# A kind set by hand that claimtrack does not know is not used (`check` names it).
_KNOWN_KIND = "kind IN ('level', 'cumulative', 'event')"
UNREADABLE_ROW = (
    "a stored conflict or decision cannot be read (was it changed outside claimtrack?); "
    "`claimtrack check` names it and `claimtrack check --repair` rebuilds the conflicts "
    "and removes the decisions that cannot be read"
)


@dataclass(frozen=True)
class Filing:
    """Where `add` filed a claim without --topic, and why."""

    topic: str
    created: bool
    score: float


@dataclass(frozen=True)
class Features:
    """What an engine can do, so that callers ask "can it?", not "which engine?"."""

    engine: str  # its name in messages: "SQLite", "PostgreSQL"
    search_syntax: str  # what `list --search --fts` reads
    sqlite_file: bool  # the store is one SQLite file (Datasette can serve it)


class Store:
    """The storage interface the rest of claimtrack uses, and the SQL behind it."""

    features: Features
    # What the engine raises for a search query it cannot read.
    query_error: type[Exception] = Exception
    # What the engine raises for a statement it cannot run on what is stored.
    engine_error: type[Exception] = Exception

    def __init__(  # type: ignore[no-untyped-def]
        self, conn, clock: Callable[[], str] = utc_now, today: Callable[[], date] = date.today
    ) -> None:
        self.conn = conn
        self.clock = clock
        self.today = today
        # Who this command writes as: recorded with each claim, change and verdict.
        self.user: str | None = self.default_user()

    def default_user(self) -> str | None:
        """Who writes when no one is named: the login name."""
        import getpass

        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return None

    def close(self) -> None:
        self.conn.close()

    @property
    def name(self) -> str:
        """The store as a person names it: a file's path, a URL without its password."""
        raise NotImplementedError

    def _begin(self) -> None:
        """Start a write transaction, holding the engine's write lock."""
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: everything in it lands, or nothing does."""
        self._begin()
        try:
            yield
        except BaseException:
            # The engine may have rolled back already (a full disk, a lost
            # connection): a second ROLLBACK would then hide the first error.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # --- sources and topics ---------------------------------------------------------

    def find_source(self, name: str) -> tuple[int, str] | None:
        key = source_key(name)
        row = self.conn.execute(
            "SELECT s.id, s.name FROM source_aliases a JOIN sources s ON s.id = a.source_id "
            "WHERE a.key = ? UNION ALL SELECT id, name FROM sources WHERE key = ? LIMIT 1",
            (key, key),
        ).fetchone()
        return (row[0], row[1]) if row else None

    def ensure_source(self, name: str) -> tuple[int, str]:
        found = self.find_source(name)
        if found:
            return found
        cursor = self.conn.execute(
            "INSERT INTO sources (name, key, created_at) VALUES (?, ?, ?) RETURNING id",
            (name.strip(), source_key(name), self.clock()),
        )
        return cursor.fetchone()[0], name.strip()

    def find_topic(self, name: str) -> tuple[int, str] | None:
        key = topic_key(name)
        if not storable(key):
            return None  # no stored name holds a lone surrogate
        row = self.conn.execute("SELECT id, name FROM topics WHERE key = ?", (key,)).fetchone()
        return (row[0], row[1]) if row else None

    def no_topic(self, name: str) -> NotFoundError:
        """The error for a topic that is not there, naming the nearest ones: a typo
        ("Mill fier") or a part of the name ("Rana Plaza") finds them."""
        near = self.similar_topics(name, cutoff=0.6, by_words=True)
        hint = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
        return NotFoundError(f"no topic named {name!r}{hint}")

    def similar_topics(self, name: str, cutoff: float = 0.8, by_words: bool = False) -> list[str]:
        """The two topic names nearest to `name` but not it, nearest first: what a
        typo may have meant; `by_words`, first the names that hold every word of it."""
        import difflib  # only for a name that is not there

        wanted = topic_key(name)
        names = {topic_key(row[0]): row[0] for row in self.conn.execute("SELECT name FROM topics")}
        names.pop(wanted, None)
        near = difflib.get_close_matches(wanted, sorted(names), n=2, cutoff=cutoff)
        ratio = {k: difflib.SequenceMatcher(None, wanted, k).ratio() for k in near}
        found = sorted(near, key=lambda k: (-ratio[k], k))
        # every word typed, in a longer name: "Italy Gaza" for "Italy Gaza flotilla strike"
        words = set(wanted.split())
        holding = sorted(
            (k for k in names if by_words and words <= set(k.split())), key=lambda k: (len(k), k)
        )
        return [names[k] for k in dict.fromkeys([*holding, *found])][:2]

    def ensure_topic(self, name: str) -> tuple[int, str, bool]:
        found = self.find_topic(name)
        if found:
            return found[0], found[1], False
        cursor = self.conn.execute(
            "INSERT INTO topics (name, key, created_at) VALUES (?, ?, ?) RETURNING id",
            (name.strip(), topic_key(name), self.clock()),
        )
        return cursor.fetchone()[0], name.strip(), True

    def _best_topic(
        self,
        terms: set[str],
        vocabulary: TopicVocabulary | None = None,
        threshold: float = GOOD_MATCH,
    ) -> tuple[int, str, float] | None:
        if not terms:
            return None
        if vocabulary is not None:
            return vocabulary.best(terms)
        probes = sorted(probe_terms(terms))
        marks = ",".join("?" * len(probes))
        # A claim that names its story is for a topic that names none, or that it
        # shares a name with either way (see match_score): one whose name terms
        # the probes found, or that holds one of the claim's names as a word.
        names = sorted(
            t[len(NAME_TERM) :] for t in terms if t.startswith(NAME_TERM) and t != NAME_TERM
        )
        veto = (
            f"HAVING max(CASE WHEN term = '{NAME_TERM}' THEN 1 ELSE 0 END) = 0 "
            f"OR sum(CASE WHEN term > '{NAME_TERM}' AND term LIKE '{NAME_TERM}%' THEN 1 "
            f"WHEN term IN ({','.join('?' * len(names))}) THEN 1 ELSE 0 END) > 0 "
            if NAME_TERM in terms
            else ""
        )
        rows = self.conn.execute(
            f"SELECT topic_id, count(*) AS shared FROM topic_terms WHERE term IN ({marks}) "
            f"GROUP BY topic_id {veto}ORDER BY shared DESC, topic_id LIMIT 10",
            [*probes, *(names if veto else [])],
        ).fetchall()
        best: tuple[int, str, float] | None = None
        for topic_id, _ in rows:
            vocabulary = {
                r[0]
                for r in self.conn.execute(
                    f"SELECT term FROM topic_terms WHERE topic_id = ? AND term IN ({marks})",
                    (topic_id, *probes),
                )
            }
            score = match_score(terms, vocabulary)
            if score >= threshold and (best is None or score > best[2]):
                name = self.conn.execute(
                    "SELECT name FROM topics WHERE id = ?", (topic_id,)
                ).fetchone()[0]
                best = (topic_id, name, score)
        return best

    def _learn_terms(self, topic_id: int, terms: Iterable[str]) -> None:
        self._learn_terms_of([(term, topic_id) for term in terms])

    def _learn_terms_of(self, pairs: list[tuple[str, int]]) -> None:
        self.conn.executemany(
            "INSERT INTO topic_terms (term, topic_id) VALUES (?, ?) ON CONFLICT DO NOTHING", pairs
        )

    def file_topic(
        self, claim: Claim, vocabulary: TopicVocabulary | None = None
    ) -> tuple[int, str, Filing | None]:
        """The topic a claim goes to: the one named, else the best match, else a new one."""
        if claim.topic:
            topic_id, name, _ = self.ensure_topic(claim.topic)
            return topic_id, name, None
        terms = topic_terms(claim.text, claim.unit_norm)
        best = self._best_topic(terms, vocabulary)
        if best:
            return best[0], best[1], Filing(best[1], False, best[2])
        name = article_topic_name([claim])
        if not name_terms(claim.text):
            # a name no place or event of its own makes ("Protests"), which another
            # story has already, is not this claim's story: its words did not match
            name = distinct_topic_name(name, claim.date, self._topic_taken)
        topic_id, name, created = self.ensure_topic(name)
        if vocabulary is not None:
            vocabulary.names[topic_id] = name
        return topic_id, name, Filing(name, created, 0.0)

    def _topic_taken(self, name: str) -> bool:
        return self.find_topic(name) is not None

    def article_topic(self, claims: Sequence[Claim], headline: str | None = None) -> str:
        """The one topic the claims of one article go to, as an article tells one
        story: the topic the most of them match closely (ARTICLE_MATCH), when more
        than a third of them do; else a new one, named from the headline or the
        claims (article_topic_name) and distinct from another story's name."""
        # The story's names, wherever the article gives them, go with each claim:
        # "Rescuers said 300 homes were under water" is in the place it named.
        named = set().union(
            *(name_terms(text) for text in [headline or "", *(c.text for c in claims)])
        )
        named |= {term[len(NAME_TERM) :] for term in named} - {""}
        votes: dict[int, list[float]] = {}
        names: dict[int, str] = {}
        for claim in claims:
            terms = topic_terms(claim.text, claim.unit_norm) | named
            best = self._best_topic(terms, None, ARTICLE_MATCH)
            if best is not None:
                votes.setdefault(best[0], []).append(best[2])
                names[best[0]] = best[1]
        if votes:
            chosen = max(votes, key=lambda topic_id: (sum(votes[topic_id]), -topic_id))
            if len(votes[chosen]) * 3 > len(claims):
                return names[chosen]
        # matching none, the article is a story of its own, whatever its name
        name = article_topic_name(claims, headline)
        return distinct_topic_name(name, claims[0].date, self._topic_taken)

    # --- claims -------------------------------------------------------------------

    _SELECT = (
        f"SELECT {', '.join('c.' + c for c in CLAIM_COLUMNS)}, s.name, t.name, "
        "(SELECT v.name FROM sources v WHERE v.id = s.speaks_for_id) FROM claims c "
        "JOIN sources s ON s.id = c.source_id JOIN topics t ON t.id = c.topic_id"
    )

    def add_claim(self, claim: Claim) -> tuple[Claim, Filing | None]:
        # Work that needs no lock is done before taking it: other writers wait
        # for the lock, not for a module import or a quantity read from the text.
        import claimtrack.conflicts  # noqa: F401

        if claim.topic:
            claim = settle_quantity(claim, claim.topic)
        with self.transaction():
            stored, filing = self._insert(claim)
        return stored, filing

    def _insert(self, claim: Claim) -> tuple[Claim, Filing | None]:
        now = self.clock()
        check_claim(claim, self.today(), now)
        source_id, _ = self.ensure_source(claim.source)
        topic_id, topic, filing = self.file_topic(claim)
        known = self._topic_quantities(topic_id) if claim.figure is not None else set()
        claim = self._read_quantity(claim, topic, topic_id, known)
        row = _claim_row(claim, source_id, topic_id)
        row["created_at"] = claim.created_at or now
        row["updated_at"] = claim.updated_at or now
        row["added_by"] = claim.added_by or self.user
        columns = ", ".join(row)
        cursor = self.conn.execute(
            f"INSERT INTO claims ({columns}) VALUES ({', '.join('?' * len(row))}) RETURNING id",
            list(row.values()),
        )
        claim_id = cursor.fetchone()[0]
        self._learn_terms(topic_id, topic_terms(claim.text, claim.unit_norm))
        touched = {(topic_id, claim.quantity)}
        if claim.quantity and claim.quantity not in known:
            touched |= self._settle_stored(topic_id, known | {claim.quantity})
        self._refresh_conflicts(touched)
        return self.get_claim(claim_id), filing

    def _read_quantity(
        self, claim: Claim, topic: str, topic_id: int | None, known: set[str] | None = None
    ) -> Claim:
        """The claim with its quantity read from its text, if not given, and settled
        by what the topic's other claims say (see settle_keys); `known`: the topic's
        quantities, when the caller has read them."""
        if claim.quantity is not None:
            return claim
        claim = settle_quantity(claim, topic)
        if claim.figure is None or topic_id is None:
            return claim
        if known is None:
            known = self._topic_quantities(topic_id)
        (key,) = settle_keys([claim.quantity or ""], known)
        return claim.with_changes(quantity=key)

    def _settle_stored(self, topic_id: int, keys: set[str]) -> set[tuple[int, str | None]]:
        """A topic's stored claims of a loose quantity (no state, no place: a bare
        "people", or none) read from their text, settled again by the topic's
        quantities now that it has a new one, so that a story reads the same whichever
        article came first (see settle_keys). A quantity set by hand to something
        its text does not read is kept. Returns the groups that changed."""
        touched: set[tuple[int, str | None]] = set()
        for key in [k for k in keys if loose_quantity(k)] + [""]:
            (settled,) = settle_keys([bare_quantity(key)], keys - {key})
            if settled == key or (not key and not settled):
                continue
            where = (
                "quantity = ?"
                if key
                else "(quantity IS NULL OR quantity = '') AND figure_qualifier IS NOT NULL"
            )
            ids = [
                row[0]
                for row in self.conn.execute(
                    f"SELECT id FROM claims WHERE topic_id = ? AND {where} AND deleted_at IS NULL",
                    [topic_id, key] if key else [topic_id],
                )
            ]
            read = [
                claim.id
                for claim in map(self.get_claim, ids)
                if quantity_of(claim.text, claim.unit, claim.figure, claim.topic)
                in (key, bare_quantity(key))
            ]
            self.conn.executemany(
                "UPDATE claims SET quantity = ? WHERE id = ?", [(settled, i) for i in read]
            )
            if read:
                touched |= {(topic_id, key or None), (topic_id, settled)}
        return touched

    def topic_quantities(self, topic: str) -> set[str]:
        """The quantities a topic's claims measure."""
        found = self.find_topic(topic)
        return self._topic_quantities(found[0]) if found else set()

    def _topic_quantities(self, topic_id: int) -> set[str]:
        # A skip scan of the (topic, quantity) index: one probe a distinct quantity,
        # however many claims the topic holds.
        rows = self.conn.execute(
            "WITH RECURSIVE q(v) AS ("
            " SELECT MIN(quantity) FROM claims WHERE topic_id = ? AND quantity > ''"
            " UNION ALL SELECT (SELECT MIN(quantity) FROM claims"
            "  WHERE topic_id = ? AND quantity > q.v) FROM q WHERE q.v IS NOT NULL"
            ") SELECT v FROM q WHERE v IS NOT NULL",
            (topic_id, topic_id),
        )
        return {row[0] for row in rows}

    def save_reported(self, claims: Iterable[Claim]) -> list[tuple[Claim, str]]:
        """Store claims read from articles, in one transaction; each comes back as
        stored with its status: "new"; "stored" when it is here already; or
        "appeared" when the same claim (same source, figure, quantity, or unit where
        either has none, and date; for a claim without a figure, the same text) came
        from another article, which then joins its appearances instead of making a
        second claim. What the claim says is unchanged, so it keeps its history and
        its reviews stand.
        """
        saved = []
        with self.transaction():
            today, now = self.today(), self.clock()
            voiced: set[tuple[int, str | None]] = set()
            for claim in claims:
                check_claim(claim, today, now)
                if claim.speaks_for:
                    voiced |= self._affiliate_if_unset(claim.source, claim.speaks_for)
                found = self._same_reported(claim)
                if found is None and (earlier := self._read_before(claim)) is not None:
                    # the same figure of the same sentence of the same page, edited since
                    # (its source or date corrected): read before, not a new claim
                    saved.append((self.get_claim(earlier, deleted=True), "stored"))
                    continue
                if found is None:
                    saved.append((self._insert(claim)[0], "new"))
                    continue
                stored = self.get_claim(found, deleted=True)
                new = [a for a in claim.appearances if a.url and a.url not in stored.urls]
                if stored.deleted_at or not new:
                    saved.append((stored, "stored"))
                    continue
                self.conn.execute(
                    "UPDATE claims SET appearances = ?, url = coalesce(url, ?) WHERE id = ?",
                    (_appearances_text(stored.appearances + tuple(new)), new[0].url, found),
                )
                saved.append((self.get_claim(found), "appeared"))
            self._refresh_conflicts(voiced)
        return saved

    def _read_before(self, claim: Claim) -> int | None:
        """A stored claim that has one of this claim's appearances (the same address
        and quote) and the figure as written there, whatever was edited since."""
        read = {(a.url, a.quote) for a in claim.appearances if a.url and a.quote}
        if not read or claim.figure is None:
            return None
        # a filter only (the address as the stored JSON writes it; LIKE's wildcards in
        # it match more, never less): the pairs are compared exactly below
        written = json.dumps(next(iter(read))[0])[1:-1]
        rows = self.conn.execute(
            "SELECT id, appearances FROM claims WHERE figure_text = ? AND appearances LIKE ?",
            (claim.figure.text, f"%{written}%"),
        )
        for claim_id, appearances in rows.fetchall():
            stored = {(a["url"], a["quote"]) for a in json.loads(appearances or "[]")}
            if read & stored:
                return int(claim_id)
        return None

    def _same_reported(self, claim: Claim) -> int | None:
        source = self.find_source(claim.source)
        if source is None:
            return None
        figure = claim.figure
        sql = (
            "SELECT id FROM claims WHERE source_id = ? AND date = ? "
            "AND figure_low IS NOT DISTINCT FROM ? AND figure_high IS NOT DISTINCT FROM ? "
            "AND figure_qualifier IS NOT DISTINCT FROM ? "
            # what it measures, where both say: one quantity in other words ("people",
            # "protesters" attending) is one claim, two quantities are two
            "AND CASE WHEN quantity > '' AND ? > '' THEN quantity = ? "
            "ELSE unit_norm IS NOT DISTINCT FROM ? END "
            "AND (stance = 'denies') = ?"
        )
        params: list[object] = [
            source[0],
            claim.date.iso,
            figure.low if figure else None,
            figure.high if figure else None,
            figure.qualifier if figure else None,
            claim.quantity or "",
            claim.quantity or "",
            claim.unit_norm,
            claim.stance == "denies",
        ]
        if figure is None:
            sql += " AND text = ?"
            params.append(claim.text)
        row = self.conn.execute(sql + " ORDER BY deleted_at IS NOT NULL, id LIMIT 1", params)
        found = row.fetchone()
        return found[0] if found else None

    def get_claim(self, claim_id: int, *, deleted: bool = False) -> Claim:
        if not 0 < claim_id <= MAX_ID:
            raise NotFoundError(f"no claim with id {claim_id}")
        row = self._tuples().execute(self._SELECT + " WHERE c.id = ?", (claim_id,)).fetchone()
        if row is None:
            self._not_found_or_damaged(claim_id)
        claim = claim_from_row(row)
        if claim.deleted_at and not deleted:
            raise NotFoundError(f"no claim with id {claim_id}")
        return claim

    def _not_found_or_damaged(self, claim_id: int) -> None:
        """Say a claim does not exist; an engine that can tell a damaged table from
        a missing row says which."""
        raise NotFoundError(f"no claim with id {claim_id}")

    def _tuples(self):  # type: ignore[no-untyped-def]
        """Something to execute on that gives rows as plain tuples."""
        return self.conn

    def list_claims(
        self,
        *,
        topic: str | None = None,
        source: str | None = None,
        since: str | None = None,
        until: str | None = None,
        search: str | None = None,
        fts: bool = False,
        limit: int | None = None,
        order: str = "newest",
        by: str | None = None,
    ) -> Iterator[Claim]:
        """Claims not removed, in one of ORDERS: newest first; by topic name, then
        date; or grouped by topic in the index's order, which needs no sort.

        `search` holds words to find, each in the text, the source or the topic;
        with `fts`, an FTS5 query over the text.

        The filters are checked at once; the claims come lazily.
        """
        where, params = self._filters(topic, source, since, until)
        if by is not None:
            where.append("c.added_by = ?")
            params.append(by)
        if search and not storable(search):
            raise ClaimtrackError("the search query is not valid Unicode text")
        if search and fts:
            where.append(self._QUERY_IN_TEXT)
            params.append(search)
        elif search:
            phrases = search_phrases(search)
            where.extend([self._PHRASE_IN_CLAIM] * len(phrases) or ["1 = 0"])
            params.extend(phrase for phrase in phrases for _ in range(3))
        sql = f"{self._SELECT} WHERE {' AND '.join(where)} ORDER BY {ORDERS[order]}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        # Checked above, before the first row: a bad filter fails before any output.
        try:
            rows = self._tuples().execute(sql, params)
        except self.query_error as error:
            if search and fts:  # the engine reads the query when the statement starts
                raise ClaimtrackError(f"the search query is not valid: {error}") from None
            raise
        return (claim_from_row(row) for row in rows)

    def _filters(
        self, topic: str | None, source: str | None, since: str | None, until: str | None
    ) -> tuple[list[str], list[object]]:
        """The WHERE terms, and their parameters, of the claims not removed that match."""
        where, params = ["c.deleted_at IS NULL"], []
        if topic:
            found = self.find_topic(topic)
            if not found:
                raise self.no_topic(topic)
            where.append("c.topic_id = ?")
            params.append(found[0])
        if source:
            found_source = self.find_source(source)
            if not found_source:
                raise NotFoundError(f"no source named {source!r}")
            where.append("c.source_id = ?")
            params.append(found_source[0])
        if since:
            where.append("c.date >= ?")
            params.append(since)
        if until:
            # A month "2024-10" sorts before its days: compare on the prefix.
            where.append("substr(c.date, 1, ?) <= ?")
            params.extend([len(until), until])
        return where, params

    def topic_spans(
        self,
        *,
        topic: str | None = None,
        source: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[tuple[str, str, str]]:
        """(topic, first date, last date) of the claims that match, by topic name."""
        where, params = self._filters(topic, source, since, until)
        return [
            (row[0], row[1], row[2])
            for row in self.conn.execute(
                "SELECT t.name, min(c.date), max(c.date) FROM claims c "
                f"JOIN topics t ON t.id = c.topic_id WHERE {' AND '.join(where)} "
                "GROUP BY t.id ORDER BY t.name, t.id",
                params,
            )
        ]

    def update_claim(self, claim_id: int, changes: dict[str, object]) -> Claim:
        """Apply changes to a claim; the previous version goes to the history."""
        with self.transaction():
            return self._update(self.get_claim(claim_id), changes)

    def update_claims(
        self, claim_ids: Iterable[int], changes_of: Callable[[Claim], dict[str, object]]
    ) -> list[tuple[Claim, Claim]]:
        """Change several claims in one transaction, each by the changes made from
        its current version; (before, after) for each, in order."""
        with self.transaction():
            currents = [self.get_claim(claim_id) for claim_id in claim_ids]
            return [(current, self._update(current, changes_of(current))) for current in currents]

    def _update(self, current: Claim, changes: dict[str, object]) -> Claim:
        updated = current.with_changes(**changes)
        # The quantity is read again (a new text, figure or unit asks for it) as
        # the claim's topic sees it, before telling whether anything changed.
        topic = str(updated.topic)
        found = self.find_topic(topic)
        updated = self._read_quantity(updated, topic, found[0] if found else None)
        if "topic" in changes and updated.quantity:
            updated = updated.with_changes(quantity=in_topic(updated.quantity, topic))
        if updated == current:
            return current
        # Only what changes enters the store; a value an older version let in
        # must not stop the edit that replaces it.
        for field_name, problem in claim_problems(updated, self.today(), self.clock()):
            if field_name in changes:
                raise ClaimRefused(field_name, problem)
        self._record(current, "edit")
        source_id, _ = self.ensure_source(updated.source)
        topic_id, _, _ = self.ensure_topic(topic)
        row = _claim_row(updated, source_id, topic_id)
        row["updated_at"] = self._later_than(current.updated_at)
        if "verdict" in changes:
            row["verdict_by"] = self.user
        assignments = ", ".join(f"{name} = ?" for name in row)
        self.conn.execute(
            f"UPDATE claims SET {assignments} WHERE id = ?", [*row.values(), current.id]
        )
        self._learn_terms(topic_id, topic_terms(updated.text, updated.unit_norm))
        old_topic_id = self.find_topic(str(current.topic))[0]  # type: ignore[index]
        self._refresh_conflicts({(old_topic_id, current.quantity), (topic_id, updated.quantity)})
        return self.get_claim(current.id)  # type: ignore[arg-type]

    def _later_than(self, previous: str | None) -> str:
        # updated_at only grows, even across a clock step back or two edits in one
        # microsecond: reviews compare it to tell whether a claim changed.
        now = self.clock()
        if not previous or now > previous or timestamp_problem(previous, now):
            return now  # a time stamp an older version let in, in the future or no time at all
        later = datetime.strptime(previous, TIMESTAMP_FORMAT) + timedelta(microseconds=1)
        return timestamp(later)

    def delete_claim(self, claim_id: int) -> Claim:
        with self.transaction():
            current = self.get_claim(claim_id)
            self._record(current, "rm")
            self.conn.execute(
                "UPDATE claims SET deleted_at = ? WHERE id = ?", (self.clock(), claim_id)
            )
            self._refresh_conflicts({(self._topic_id_of(claim_id), current.quantity)})
            return current

    def restore_claim(self, claim_id: int) -> Claim:
        with self.transaction():
            current = self.get_claim(claim_id, deleted=True)
            if not current.deleted_at:
                raise ClaimtrackError(f"claim {claim_id} is not removed; nothing to restore")
            self._record(current, "restore")
            self.conn.execute(
                "UPDATE claims SET deleted_at = NULL, updated_at = ? WHERE id = ?",
                (self._later_than(current.updated_at), claim_id),
            )
            self._refresh_conflicts({(self._topic_id_of(claim_id), current.quantity)})
            return self.get_claim(claim_id)

    def _record(self, claim: Claim, action: str) -> None:
        self.conn.execute(
            "INSERT INTO claim_history (claim_id, action, data, recorded_at, recorded_by) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                claim.id,
                action,
                json.dumps(claim.to_json(), sort_keys=True),
                self.clock(),
                self.user,
            ),
        )

    def history(self, claim_id: int) -> list[dict[str, object]]:
        """Earlier versions, oldest first; each with the action that replaced it, and
        when and by whom."""
        self.get_claim(claim_id, deleted=True)
        return [
            {"action": action, "recorded_at": at, "recorded_by": by, "claim": json.loads(data)}
            for action, at, by, data in self.conn.execute(
                "SELECT action, recorded_at, recorded_by, data FROM claim_history "
                "WHERE claim_id = ? ORDER BY id",
                (claim_id,),
            )
        ]

    def live_claims(self, topic: str | None = None) -> Iterator[Claim]:
        """Every claim not removed, grouped by topic: the input of conflict detection.

        Topic groups come in the order of the (topic, date) index: at a million
        claims, sorting them by topic name would cost SQLite seconds and memory."""
        return self.list_claims(topic=topic, order="grouped")

    def _topic_id_of(self, claim_id: int) -> int:
        return self.conn.execute(
            "SELECT topic_id FROM claims WHERE id = ?", (claim_id,)
        ).fetchone()[0]

    # --- how quantities move in time ----------------------------------------------

    def quantity_kinds(self) -> dict[str, dict[str, str]]:
        """The kinds set by hand: topic name -> quantity key ('*': the whole topic) -> kind."""
        kinds: dict[str, dict[str, str]] = {}
        for name, quantity, kind in self.conn.execute(
            "SELECT t.name, k.quantity, k.kind FROM quantity_kinds k JOIN topics t ON t.id = k.topic_id "
            f"WHERE {_KNOWN_KIND}"
        ):
            kinds.setdefault(name, {})[quantity] = kind
        return kinds

    def _kinds_of(self, topic_ids: Iterable[int]) -> dict[int, dict[str, str]]:
        kinds: dict[int, dict[str, str]] = {}
        for topic_id, quantity, kind in self.conn.execute(
            "SELECT topic_id, quantity, kind FROM quantity_kinds "
            f"WHERE topic_id IN ({self._json_values('?', ids=True)}) AND {_KNOWN_KIND}",
            (json.dumps(sorted(set(topic_ids))),),
        ):
            kinds.setdefault(topic_id, {})[quantity] = kind
        return kinds

    def set_kind(self, topic: str, kind: str | None, quantity: str | None = None) -> str:
        """Set how a topic's quantity (or, without one, all of them) moves in time;
        None goes back to the default of each quantity's state."""
        with self.transaction():
            found = self.find_topic(topic)
            if not found:
                raise self.no_topic(topic)
            key = quantity or "*"
            if kind is None:
                self.conn.execute(
                    "DELETE FROM quantity_kinds WHERE topic_id = ? AND quantity = ?",
                    (found[0], key),
                )
            else:
                self.conn.execute(
                    "INSERT INTO quantity_kinds (topic_id, quantity, kind) VALUES (?, ?, ?) "
                    "ON CONFLICT (topic_id, quantity) DO UPDATE SET kind = excluded.kind",
                    (found[0], key, kind),
                )
            self._refresh_conflicts(self._groups("topic_id = ?", (found[0],)))
            return found[1]

    def _groups(self, where: str, params: tuple[object, ...]) -> set[tuple[int, str | None]]:
        """The (topic, quantity) groups of the claims that match, removed ones too."""
        return {
            (row[0], row[1])
            for row in self.conn.execute(
                f"SELECT DISTINCT topic_id, quantity FROM claims WHERE {where}", params
            )
        }

    # --- reviews ------------------------------------------------------------------

    _REVIEW_COLUMNS = (
        "conflict, kind, claims, basis, decision, note, reviewer, created_at, settings, "
        "replaces, id"
    )

    def reviews(self) -> dict[str, Review]:
        """The latest decision on each conflict that has not been undone."""
        return {r.conflict: r for r in self.all_reviews() if not r.undone_at}

    def all_reviews(self) -> list[Review]:
        return [
            _review(row)
            for row in self._tuples().execute(
                f"SELECT {self._REVIEW_COLUMNS}, undone_at FROM reviews ORDER BY id"
            )
        ]

    def _standing(self, keys: Iterable[str]) -> dict[str, Review]:
        """The latest decision not undone on each of these conflicts."""
        if not self.conn.execute("SELECT 1 FROM reviews LIMIT 1").fetchone():
            return {}
        rows = self._tuples().execute(
            f"SELECT {self._REVIEW_COLUMNS}, undone_at FROM reviews WHERE undone_at IS NULL "
            f"AND conflict IN ({self._json_values('?')}) ORDER BY id",
            (json.dumps(sorted(set(keys))),),
        )
        return {review.conflict: review for review in map(_review, rows)}

    def add_reviews(self, reviews: Sequence[Review]) -> list[int]:
        """Record decisions, all or none; the stored conflicts take them at once."""
        with self.transaction():
            ids = [self._insert_review(review) for review in reviews]
            self._restatus({r.conflict for r in reviews})
        return ids

    def _insert_review(self, review: Review) -> int:
        claims = list(review.claims)
        cursor = self.conn.execute(
            "INSERT INTO reviews (claim_a, claim_b, kind, decision, note, reviewer, created_at, "
            "conflict, claims, basis, settings, replaces) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "RETURNING id",
            (
                claims[0],
                claims[1],
                review.kind,
                review.decision,
                review.note,
                review.reviewer,
                review.created_at,
                review.conflict,
                json.dumps(claims),
                None if review.basis is None else json.dumps(list(review.basis)),
                review.settings,
                review.replaces,
            ),
        )
        return cursor.fetchone()[0]

    def undo_review(self) -> Review:
        """Undo the latest decision still standing; the one it replaced holds again."""
        with self.transaction():
            row = (
                self._tuples()
                .execute(
                    f"SELECT {self._REVIEW_COLUMNS}, undone_at FROM reviews WHERE undone_at IS NULL "
                    "ORDER BY id DESC LIMIT 1"
                )
                .fetchone()
            )
            if row is None:
                raise ClaimtrackError("there is no decision to undo")
            review = _review(row)
            self.conn.execute(
                "UPDATE reviews SET undone_at = ? WHERE id = ?", (self.clock(), review.id)
            )
            self._restatus({review.conflict})
            return review

    def decisions_on(self, claim_id: int) -> list[Review]:
        """Every decision standing on a conflict this claim took part in, oldest first."""
        rows = self._tuples().execute(
            f"SELECT {self._REVIEW_COLUMNS}, undone_at FROM reviews WHERE undone_at IS NULL "
            f"AND ? IN ({self._json_values('reviews.claims', ids=True)}) ORDER BY id",
            (claim_id,),
        )
        latest = {review.conflict: review for review in map(_review, rows)}
        return sorted(latest.values(), key=lambda r: r.id or 0)

    # --- bulk import ----------------------------------------------------------------

    def identities(self) -> set[tuple[object, ...]]:
        """The identity of every claim, removed ones too (see `claim_identity`)."""
        return {
            tuple(row)
            for row in self.conn.execute(
                "SELECT s.key, c.date, c.text, c.figure_low, c.figure_high, c.figure_qualifier, "
                "c.unit_norm FROM claims c JOIN sources s ON s.id = c.source_id"
            )
        }

    def canonical_source_key(self, name: str) -> str:
        found = self.find_source(name)
        return source_key(found[1]) if found else source_key(name)

    def not_stored(self, claims: Iterable[tuple[Claim, int | None]]) -> NewClaims:
        """The claims not stored yet (see `claim_identity`), lazily; repeats within the
        stream count as already stored."""
        return NewClaims(self, claims)

    def import_claims(
        self,
        claims: Iterable[tuple[Claim, int | None]],
        file_ids: list[int] = (),  # type: ignore[assignment]
        reviews: list[dict[str, object]] = (),  # type: ignore[assignment]
        aliases: list[tuple[str, str]] = (),  # type: ignore[assignment]
        kinds: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
        speaking: list[tuple[str, str]] = (),  # type: ignore[assignment]
        progress: Callable[[int], None] | None = None,
        checked: bool = False,
    ) -> int:
        """Insert new claims in one transaction, by the engine's bulk load.

        A claim keeps its id from the file (file_ids lists them all, known
        before the claims are) when that id is free here, so a round trip into
        an empty database keeps every id; the others are numbered after the
        highest. Reviews follow their claims' ids; kinds are (topic, quantity key
        or '*', kind). The stored conflicts of every quantity the claims join are
        brought up to date in the same transaction. Returns how many were added.
        Each claim passes `check_claim` here unless the caller says it already
        has (the importer checks in its second process, naming file and line).
        """
        with self.transaction():
            taken = {row[0] for row in self.conn.execute("SELECT id FROM claims")}
            wanted = set(file_ids)
            free = wanted - taken if len(wanted) == len(file_ids) else set()
            next_id = max(taken | free, default=0)
            sources: dict[str, tuple[int, str]] = {}
            topics: dict[str, tuple[int, str]] = {}
            groups: set[tuple[int, str | None]] = set()
            # The claims of topics this import creates: their conflicts are found
            # from these, instead of reading every claim back.
            fresh: dict[int, list[Claim]] = {}
            new_ids: dict[int, int] = {}
            terms: set[tuple[str, int]] = set()
            seen: dict[int, int] = {}
            affiliations: dict[str, str] = {}  # source -> what the file says it speaks for
            inserted: list[int] = []
            inserted_in: dict[int, list[int]] = {}  # topic -> the ids inserted into it
            now = self.clock()
            today = self.today()
            vocabulary = TopicVocabulary(self.conn)

            def rows() -> Iterator[dict[str, object]]:
                nonlocal next_id
                for claim, original_id in claims:
                    if not checked:
                        check_claim(claim, today, now)
                    key = source_key(claim.source)
                    if key not in sources:
                        sources[key] = self.ensure_source(claim.source)
                    if claim.speaks_for:
                        affiliations.setdefault(sources[key][1], claim.speaks_for)
                    if claim.topic:
                        known = topics.get(topic_key(claim.topic))
                        if known is None:
                            topic_id, topic, created = self.ensure_topic(claim.topic)
                            known = topics[topic_key(claim.topic)] = (topic_id, topic)
                            if created:
                                fresh[topic_id] = []
                        topic_id, topic = known
                    else:
                        topic_id, topic, filing = self.file_topic(claim, vocabulary)
                        if filing and filing.created:
                            fresh[topic_id] = []
                    if claim.quantity is None:
                        # Set in place: the import's own object (see below).
                        claim.quantity = quantity_of(claim.text, claim.unit, claim.figure, topic)
                    groups.add((topic_id, claim.quantity or None))
                    # A topic's vocabulary settles after a few claims: learning from
                    # the first VOCABULARY_SAMPLE of each keeps large imports fast.
                    seen[topic_id] = seen.get(topic_id, 0) + 1
                    if seen[topic_id] <= VOCABULARY_SAMPLE:
                        claim_terms = topic_terms(claim.text, claim.unit_norm)
                        if claim.topic:
                            terms.update((t, topic_id) for t in claim_terms)
                        else:
                            self._learn_terms(topic_id, claim_terms)
                            vocabulary.learn(topic_id, claim_terms)
                    if original_id in free:
                        claim_id = original_id
                    else:
                        next_id += 1
                        claim_id = next_id
                    if original_id is not None:
                        new_ids[original_id] = claim_id
                    row = _claim_row(claim, sources[key][0], topic_id)
                    row["id"] = claim_id
                    row["created_at"] = claim.created_at or now
                    row["updated_at"] = claim.updated_at or now
                    row["added_by"] = claim.added_by or self.user
                    inserted.append(claim_id)
                    inserted_in.setdefault(topic_id, []).append(claim_id)
                    if progress and len(inserted) % 500 == 0:
                        progress(500)
                    if topic_id in fresh:
                        # The import's own object, seen by nothing else: set in
                        # place, it is the claim as stored, without a copy a row.
                        claim.id, claim.source, claim.topic = claim_id, sources[key][1], topic
                        fresh[topic_id].append(claim)
                    yield row

            self._bulk_insert(rows(), inserted)
            for name, organisation in speaking:  # a sources section: claimless ones too
                affiliations.setdefault(name, organisation)
            for name, organisation in affiliations.items():
                groups |= self._affiliate_if_unset(name, organisation)
            voices = self._voices()
            if voices or affiliations:  # the conflicts of new topics are found from these
                for claim in chain.from_iterable(fresh.values()):
                    claim.speaks_for = voices.get(claim.source)
            if progress:
                progress(len(inserted) % 500)
            self.conn.executemany(
                "INSERT INTO topic_terms (term, topic_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                sorted(terms),
            )
            for alias, name in aliases:
                target = self.find_source(name)
                if target and not self.find_source(alias):
                    self.conn.execute(
                        "INSERT INTO source_aliases (key, alias, source_id) VALUES (?, ?, ?)",
                        (source_key(alias), alias, target[0]),
                    )
            for topic, quantity, kind in kinds:
                found = self.find_topic(topic)
                if found:
                    self.conn.execute(
                        "INSERT INTO quantity_kinds (topic_id, quantity, kind) "
                        "VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        (found[0], quantity, kind),
                    )
                    groups |= self._groups("topic_id = ?", (found[0],))
            for review in reviews:
                self._import_review(review, new_ids)
            self._ids_given()
            groups |= self._settle_imported(groups, inserted_in, fresh)
            # a topic stored before may hold loose quantities the new claims settle
            for topic_id in {t for t, _ in groups} - set(fresh):
                groups |= self._settle_stored(topic_id, self._topic_quantities(topic_id))
            self._refresh_conflicts(groups, fresh)
        return len(inserted)

    def _bulk_insert(self, rows: Iterator[dict[str, object]], inserted: list[int]) -> None:
        """Insert the claims' rows (all with an id), the search index kept in step."""
        raise NotImplementedError

    def _settle_imported(
        self,
        groups: set[tuple[int, str | None]],
        inserted_in: dict[int, list[int]],
        fresh: dict[int, list[Claim]],
    ) -> set[tuple[int, str | None]]:
        """The imported claims' under-specified quantities, settled by what their
        topics' claims say (see settle_keys): one pass a topic, after the rows are in,
        so a large import reads no quantity twice. Returns the groups they join."""
        by_topic: dict[int, set[str]] = {}
        for topic_id, quantity in groups:
            if quantity:
                by_topic.setdefault(topic_id, set()).add(quantity)
        joined: set[tuple[int, str | None]] = set()
        for topic_id, keys in by_topic.items():
            ordered = sorted(keys)
            settled = settle_keys(ordered, self._topic_quantities(topic_id))
            # the topic's own new claims, not the whole import's, each time
            ids = json.dumps(inserted_in.get(topic_id, []))
            for old, new in zip(ordered, settled, strict=True):
                if new == old:
                    continue
                self.conn.execute(
                    "UPDATE claims SET quantity = ? WHERE topic_id = ? AND quantity = ? "
                    f"AND id IN ({self._json_values('?', ids=True)})",
                    (new, topic_id, old, ids),
                )
                joined.add((topic_id, new))
                for claim in fresh.get(topic_id, ()):
                    if claim.quantity == old:
                        claim.quantity = new
        return joined

    def _ids_given(self, tables: Iterable[str] = ("claims",)) -> None:
        """After rows were inserted with ids of their own: the next ids follow them."""

    # --- moving between stores ------------------------------------------------------

    def table_rows(self, table: str) -> list[tuple]:  # type: ignore[type-arg]
        """Every row of one of COPIED_TABLES, in key order."""
        key, columns = COPIED_TABLES[table]
        return self.conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY {', '.join(key)}"
        ).fetchall()

    def copy_from(self, other: Store) -> dict[str, int]:
        """Add what OTHER holds and this store lacks, with its ids, in one transaction;
        rows by table. A row already here must be the same row: a store that holds
        other claims under the same ids is refused, and nothing is written."""
        added = {}
        with self.transaction():
            for table, (key, columns) in COPIED_TABLES.items():
                width = len(key)
                here = {tuple(row[:width]): tuple(row) for row in self.table_rows(table)}
                new = []
                for row in other.table_rows(table):
                    found = here.get(tuple(row[:width]))
                    if found is None:
                        new.append(tuple(row))
                    elif found != tuple(row):
                        what = ", ".join(str(v) for v in row[:width])
                        raise ClaimtrackError(
                            f"the target holds a different row {what} in {table}; "
                            "copy into an empty store, or one copied from this source"
                        )
                if new:
                    self._insert_rows(table, columns, new)
                added[table] = len(new)
            self._ids_given([t for t, (key, _) in COPIED_TABLES.items() if key == ("id",)])
            if added["conflicts"]:
                self._render_listings("listing IS NULL", ())
        return added

    def _insert_rows(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:  # type: ignore[type-arg]
        marks = ", ".join("?" * len(columns))
        self.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def _import_review(self, review: dict[str, object], new_ids: dict[int, int]) -> None:
        """A decision from a file, on claims the same file brought in. A file written
        before reviews kept fingerprints gives the claims' time stamps instead: the
        decision holds if those match the claims as imported."""
        from claimtrack.conflicts import Review

        listed = review.get("claims") or []
        if len(listed) < 2 or not all(p in new_ids for p in listed):  # type: ignore[union-attr]
            return  # the review's claims were already here, or not in the file
        kind = str(review.get("kind"))
        claims = [new_ids[p] for p in listed]  # type: ignore[union-attr]
        if len(set(claims)) < len(claims):
            return  # a review of a claim with itself decides nothing
        basis = review.get("basis")
        if not isinstance(basis, list) or len(basis) != len(claims):
            stamps = list(review.get("claims_updated_at") or [])  # type: ignore[call-overload]
            current = [self.get_claim(c, deleted=True) for c in claims]
            same = stamps == [c.updated_at for c in current]
            basis = [claim_basis(c) for c in current] if same else None
            if kind == "denial" and current[0].stance != "denies":
                claims, basis = claims[::-1], basis[::-1] if basis else None
        # Renumbered claims keep their decision: a pair in id order, a denial first.
        paired = list(zip(claims, basis or [None] * len(claims), strict=True))
        first = paired[:1] if kind == "denial" else []
        paired = first + sorted(paired[len(first) :], key=lambda p: p[0])
        claims = [c for c, _ in paired]
        basis = None if basis is None else [b for _, b in paired]
        key = f"denial-{claims[0]}" if kind == "denial" else f"{claims[0]}-{claims[1]}"
        review_id = self._insert_review(
            Review(
                conflict=key,
                kind=kind,
                claims=tuple(claims),
                basis=None if basis is None else tuple(str(b) for b in basis),  # type: ignore[union-attr]
                decision=str(review.get("decision")),
                note=review.get("note"),  # type: ignore[arg-type]
                reviewer=review.get("reviewer"),  # type: ignore[arg-type]
                created_at=str(review.get("created_at") or self.clock()),
                settings=review.get("settings"),  # type: ignore[arg-type]
            )
        )
        if review.get("undone_at"):
            self.conn.execute(
                "UPDATE reviews SET undone_at = ? WHERE id = ?", (review["undone_at"], review_id)
            )

    def integrity(self) -> tuple[bool, str]:
        """Whether the store's files are sound, in words; a server keeps its own
        files sound, so only a file engine has anything to say here."""
        return True, "ok"

    def remove_unreadable_decisions(self) -> int:
        """Remove the reviews and kinds `check` says cannot be read; how many. An
        engine that types its columns holds none."""
        return 0

    # --- listings -------------------------------------------------------------------

    def topics(self) -> list[dict[str, object]]:
        """Topics with live claims: counts, dates, the kinds set by hand, and each
        quantity's kind as compared."""
        from claimtrack.conflicts import WHOLE_TOPIC, quantity_kind

        set_by_hand = self._kinds_of(r[0] for r in self.conn.execute("SELECT id FROM topics"))
        measured: dict[int, list[str]] = {}
        for topic_id, quantity in self.conn.execute(
            "SELECT DISTINCT topic_id, quantity FROM claims WHERE deleted_at IS NULL "
            "AND quantity IS NOT NULL ORDER BY topic_id, quantity"
        ):
            measured.setdefault(topic_id, []).append(quantity)
        records = []
        names = ("id", "name", "claims", "first", "last")
        for row in self.conn.execute(
            "SELECT t.id, t.name, count(c.id) AS claims, min(c.date) AS first, "
            "max(c.date) AS last FROM topics t JOIN claims c "
            "ON c.topic_id = t.id AND c.deleted_at IS NULL GROUP BY t.id ORDER BY t.name"
        ):
            kinds = set_by_hand.get(row[0], {})
            records.append(
                {
                    **dict(zip(names, row, strict=True)),
                    "cumulative": kinds.get(WHOLE_TOPIC) == "cumulative",
                    "kinds": kinds,
                    "quantities": {q: quantity_kind(q, kinds) for q in measured.get(row[0], [])},
                }
            )
        return records

    def rename_topic(self, old: str, new: str) -> tuple[str, str]:
        with self.transaction():
            found = self.find_topic(old)
            if not found:
                raise self.no_topic(old)
            clash = self.find_topic(new)
            if clash and clash[0] != found[0]:
                raise ClaimtrackError(
                    f"a topic named {clash[1]!r} exists; `claimtrack topics merge` joins them"
                )
            name = new.strip()
            self.conn.execute(
                "UPDATE topics SET name = ?, key = ? WHERE id = ?",
                (name, topic_key(name), found[0]),
            )
            self.conn.execute("UPDATE conflicts SET topic = ? WHERE topic_id = ?", (name, found[0]))
            self._render_listings("topic_id = ?", (found[0],))
            touched = self._own_places(found[0], name)
            if touched:
                self._refresh_conflicts(touched)
            return found[1], name

    def _own_places(self, topic_id: int, name: str) -> set[tuple[int, str | None]]:
        """Drop the places a topic's new name holds from its claims' quantities;
        the groups that changed."""
        touched: set[tuple[int, str | None]] = set()
        for claim_id, quantity in self.conn.execute(
            "SELECT id, quantity FROM claims WHERE topic_id = ? AND quantity LIKE '%@%'",
            (topic_id,),
        ).fetchall():
            own = in_topic(quantity, name)
            if own != quantity:
                self.conn.execute("UPDATE claims SET quantity = ? WHERE id = ?", (own, claim_id))
                touched |= {(topic_id, quantity), (topic_id, own)}
        return touched

    def merge_topics(self, source: str, target: str) -> tuple[str, str, int]:
        """Move every claim of topic SOURCE (removed ones too) into TARGET, with its
        vocabulary and kinds (TARGET's win); SOURCE is gone afterwards."""
        with self.transaction():
            found, into = self.find_topic(source), self.find_topic(target)
            if not found:
                raise self.no_topic(source)
            if not into:
                raise self.no_topic(target)
            if found[0] == into[0]:
                raise ClaimtrackError(f"cannot merge topic {found[1]!r} into itself")
            touched = self._groups("topic_id = ?", (found[0],))
            moved = [self.get_claim(r[0], deleted=True) for r in self.conn.execute(
                "SELECT id FROM claims WHERE topic_id = ?", (found[0],))]  # fmt: skip
            for claim in moved:
                self._record(claim, "merge")
                self.conn.execute(
                    "UPDATE claims SET topic_id = ?, updated_at = ? WHERE id = ?",
                    (into[0], self._later_than(claim.updated_at), claim.id),
                )
            self.conn.execute(
                "INSERT INTO topic_terms (term, topic_id) "
                "SELECT term, ? FROM topic_terms WHERE topic_id = ? ON CONFLICT DO NOTHING",
                (into[0], found[0]),
            )
            kinds = self.conn.execute(
                "INSERT INTO quantity_kinds (topic_id, quantity, kind) "
                "SELECT ?, quantity, kind FROM quantity_kinds WHERE topic_id = ? "
                "ON CONFLICT DO NOTHING",
                (into[0], found[0]),
            )
            if kinds.rowcount:  # a kind for the whole topic reaches TARGET's own claims too
                touched |= self._groups("topic_id = ?", (into[0],))
            touched |= {(into[0], q) for _, q in touched} | self._own_places(into[0], into[1])
            self._refresh_conflicts(touched)
            for table in ("topic_terms", "quantity_kinds"):
                self.conn.execute(f"DELETE FROM {table} WHERE topic_id = ?", (found[0],))
            self.conn.execute("DELETE FROM topics WHERE id = ?", (found[0],))
            return found[1], into[1], len(moved)

    def sources(self) -> list[dict[str, object]]:
        result = []
        for source_id, name, claims, speaks_for in self.conn.execute(
            "SELECT s.id, s.name, count(c.id) AS claims, "
            "(SELECT v.name FROM sources v WHERE v.id = s.speaks_for_id) FROM sources s "
            "LEFT JOIN claims c ON c.source_id = s.id AND c.deleted_at IS NULL "
            "GROUP BY s.id ORDER BY s.name"
        ).fetchall():
            aliases = [
                r[0]
                for r in self.conn.execute(
                    "SELECT alias FROM source_aliases WHERE source_id = ? ORDER BY alias",
                    (source_id,),
                )
            ]
            result.append(
                {
                    "id": source_id,
                    "name": name,
                    "claims": claims,
                    "speaks_for": speaks_for,
                    "aliases": aliases,
                }
            )
        return result

    def known_sources(self) -> dict[str, str]:
        """Every name a source goes by (its own and its aliases), by key -> its name."""
        known = {}
        for record in self.sources():
            for name in (record["name"], *record["aliases"]):  # type: ignore[misc]
                known[source_key(str(name))] = str(record["name"])
        return known

    def add_alias(self, alias: str, name: str) -> tuple[str, int]:
        """Make ALIAS another name of source NAME; claims filed under ALIAS move over."""
        with self.transaction():
            target = self.find_source(name)
            if target is None:
                raise NotFoundError(f"no source named {name!r}; add a claim from it first")
            alias = check_source(alias, "alias")
            key = source_key(alias)
            if key == source_key(target[1]):
                raise ClaimtrackError(f"{alias!r} is already the name of {target[1]!r}")
            moved = 0
            existing = self.conn.execute("SELECT id FROM sources WHERE key = ?", (key,)).fetchone()
            if existing and existing[0] != target[0]:
                touched = self._groups("source_id = ?", (existing[0],))
                moved = self.conn.execute(
                    "UPDATE claims SET source_id = ? WHERE source_id = ?", (target[0], existing[0])
                ).rowcount
                self.conn.execute(
                    "UPDATE source_aliases SET source_id = ? WHERE source_id = ?",
                    (target[0], existing[0]),
                )
                touched |= self._join_affiliations(existing[0], target[0])
                self.conn.execute("DELETE FROM sources WHERE id = ?", (existing[0],))
                self._refresh_conflicts(touched)
            self.conn.execute(
                "INSERT INTO source_aliases (key, alias, source_id) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET alias = excluded.alias, "
                "source_id = excluded.source_id",
                (key, alias.strip(), target[0]),
            )
            return target[1], moved

    def _join_affiliations(self, merged: int, into: int) -> set[tuple[int, str | None]]:
        """Source MERGED becomes a name of INTO: those that spoke for it speak for INTO,
        and INTO takes its affiliation if it has none (not one for itself). The groups
        whose voices changed; refused where that would make two levels."""
        self.conn.execute(
            "UPDATE sources SET speaks_for_id = ? WHERE speaks_for_id = ?", (into, merged)
        )
        self.conn.execute(
            "UPDATE sources SET speaks_for_id = coalesce(speaks_for_id, "
            "(SELECT speaks_for_id FROM sources WHERE id = ?)) WHERE id = ?",
            (merged, into),
        )
        self.conn.execute(
            "UPDATE sources SET speaks_for_id = NULL WHERE id = ? AND speaks_for_id = ?",
            (into, into),
        )
        self._one_level(into)
        return self._groups(
            "source_id IN (SELECT id FROM sources WHERE speaks_for_id = ?)", (into,)
        )

    def _one_level(self, source_id: int) -> None:
        """Refuse a source that speaks for another while others speak for it."""
        row = self.conn.execute(
            "SELECT s.name, v.name, (SELECT min(o.name) FROM sources o "
            "WHERE o.speaks_for_id = s.id) FROM sources s JOIN sources v "
            "ON v.id = s.speaks_for_id WHERE s.id = ?",
            (source_id,),
        ).fetchone()
        if row is not None and row[2] is not None:
            name, voice, speaker = row
            raise ClaimtrackError(
                f"{name!r} speaks for {voice!r} and {speaker!r} speaks for {name!r}: a source "
                "speaks only for one that speaks for nobody else"
            )

    def affiliate(self, name: str, organisation: str | None) -> tuple[str, str | None, str | None]:
        """Make source NAME speak for source ORGANISATION (None: for nobody else), both
        created if new and aliases followed; the conflicts of every topic with NAME's
        claims are brought up to date. Returns (NAME, before, after) as stored."""
        name = check_source(name)
        with self.transaction():
            if organisation is None:
                found = self.find_source(name)
                if found is None:
                    raise NotFoundError(f"no source named {name!r}")
            else:
                found = self.ensure_source(name)
            before = self._speaks_for(found[0])
            target = (
                None if organisation is None else self.ensure_source(check_source(organisation))
            )
            self._refresh_conflicts(self._set_affiliation(found, target))
            return found[1], before, target[1] if target else None

    def _speaks_for(self, source_id: int) -> str | None:
        row = self.conn.execute(
            "SELECT v.name FROM sources s JOIN sources v ON v.id = s.speaks_for_id WHERE s.id = ?",
            (source_id,),
        ).fetchone()
        return row[0] if row else None

    def _set_affiliation(
        self, source: tuple[int, str], target: tuple[int, str] | None
    ) -> set[tuple[int, str | None]]:
        """Store what SOURCE speaks for; the groups whose conflicts it changes."""
        if target is not None and target[0] == source[0]:
            raise ClaimtrackError(f"{source[1]!r} cannot speak for itself")
        self.conn.execute(
            "UPDATE sources SET speaks_for_id = ? WHERE id = ?",
            (target[0] if target else None, source[0]),
        )
        if target is not None:
            self._one_level(source[0])
            self._one_level(target[0])
        return self._groups("source_id = ?", (source[0],))

    def _affiliate_if_unset(self, name: str, organisation: str) -> set[tuple[int, str | None]]:
        """What an article or a file says a source speaks for, where the store says
        nothing yet and it keeps one level; otherwise the store's word stands. The
        groups whose conflicts it changes."""
        source, target = self.ensure_source(name), self.ensure_source(organisation)
        if source[0] == target[0] or self._speaks_for(source[0]) is not None:
            return set()
        two_levels = self.conn.execute(
            "SELECT 1 FROM sources WHERE (id = ? AND speaks_for_id IS NOT NULL) "
            "OR speaks_for_id = ? LIMIT 1",
            (target[0], source[0]),
        ).fetchone()
        return self._set_affiliation(source, target) if two_levels is None else set()

    def _voices(self) -> dict[str, str]:
        """Source name -> the name of the source it speaks for, for those that do."""
        return dict(
            self.conn.execute(
                "SELECT s.name, v.name FROM sources s JOIN sources v ON v.id = s.speaks_for_id"
            ).fetchall()
        )

    # --- stored conflicts -----------------------------------------------------------

    def _refresh_conflicts(
        self,
        groups: Iterable[tuple[int, str | None]],
        known: dict[int, list[Claim]] | None = None,
    ) -> None:
        """Bring the stored conflicts of these (topic, quantity) groups up to date,
        and the denials of their topics: inside the caller's transaction. `known`
        gives the live claims of some topics already, so they are not read."""
        wanted: dict[int, set[str]] = {}
        for topic_id, quantity in groups:
            wanted.setdefault(topic_id, set()).add(quantity or "")
        if not wanted:
            return
        known = known or {}
        kinds = self._kinds_of(wanted)
        found: list[tuple[int, Conflict]] = []
        unread = sorted(set(wanted) - set(known))
        for topic_id, claims in chain(known.items(), self._claims_of_topics(unread)):
            found += [
                (topic_id, conflict)
                for conflict in self._topic_found(claims, wanted[topic_id], kinds.get(topic_id))
            ]
        for topic_id, quantities in wanted.items():
            self.conn.execute(
                "DELETE FROM conflicts WHERE topic_id = ? AND kind = 'denial'", (topic_id,)
            )
            self.conn.executemany(
                "DELETE FROM conflicts WHERE topic_id = ? AND kind != 'denial' "
                "AND quantity IS NOT DISTINCT FROM ?",
                [(topic_id, q or None) for q in quantities],
            )
        self._store_conflicts(found)

    def _topic_found(
        self, claims: list[Claim], quantities: set[str] | None, kinds: dict[str, str] | None
    ) -> list[Conflict]:
        """The conflicts of one topic's claims: its denials, and the figures of the
        quantities asked for (None: all of them)."""
        from claimtrack.conflicts import (
            STORED,
            denial_conflicts,
            figure_conflicts,
            figure_groups,
            moment_order,
            quantity_kind,
        )

        claims.sort(key=moment_order)
        found = denial_conflicts(claims, STORED)
        for quantity, group in figure_groups(claims).items():
            if quantities is None or quantity in quantities:
                found += figure_conflicts(group, quantity_kind(quantity, kinds), STORED)
        return found

    def _claims_of_topics(
        self, topic_ids: list[int] | None = None
    ) -> Iterator[tuple[int, list[Claim]]]:
        """Each topic's live claims, a topic at a time (None: every topic)."""
        where, params = "", ()
        if topic_ids is not None:
            where, params = (
                f"AND c.topic_id IN ({self._json_values('?', ids=True)})",
                (json.dumps(topic_ids),),
            )
        rows = self._tuples().execute(
            f"SELECT c.topic_id, {self._SELECT[len('SELECT ') :]} WHERE c.deleted_at IS NULL "
            f"{where} ORDER BY c.topic_id",
            params,
        )
        for topic_id, group in groupby(rows, key=lambda row: row[0]):
            yield topic_id, [claim_from_row(row[1:]) for row in group]

    def _store_conflicts(self, found: list[tuple[int, Conflict]]) -> None:
        """Insert these conflicts' rows, each with its listing."""
        raise NotImplementedError

    def _conflict_rows(self, found: list[tuple[int, Conflict]]) -> list[tuple[object, ...]]:
        """The conflicts as table rows, each with the decision that holds for it, in
        the listing's order."""
        from claimtrack.conflicts import OPEN, SEVERITY, holds

        standing = self._standing(c.key for _, c in found) if found else {}
        rows = []
        for topic_id, conflict in found:
            review = standing.get(conflict.key)
            held = review is not None and holds(review, conflict.members)
            rows.append(
                (
                    conflict.key,
                    topic_id,
                    conflict.topic,
                    conflict.quantity or None,
                    conflict.quantity_kind,
                    conflict.kind,
                    SEVERITY[conflict.kind],
                    conflict.ids[0],
                    conflict.ids[1],
                    f"[{', '.join(map(str, conflict.ids))}]",  # json.dumps's, a tenth the cost
                    conflict.reason,
                    conflict.ratio,
                    review.decision if held else OPEN,  # type: ignore[union-attr]
                    review.id if held else None,  # type: ignore[union-attr]
                )
            )
        # In the listing's order, the index that holds the listings grows at its end
        # instead of splitting pages all over (571,120 conflicts: 72 s -> 23 s).
        rows.sort(key=lambda row: (row[2], row[6], row[7], row[8]))
        return rows

    def _all_found(self) -> Iterator[tuple[int, Conflict]]:
        kinds = self._kinds_of(r[0] for r in self.conn.execute("SELECT id FROM topics"))
        for topic_id, claims in self._claims_of_topics():
            for conflict in self._topic_found(claims, None, kinds.get(topic_id)):
                yield topic_id, conflict

    def _restatus(self, keys: set[str]) -> None:
        """Give the stored conflicts with these keys the decision that holds for them."""
        from claimtrack.conflicts import OPEN, holds

        standing = self._standing(keys)
        for key, claims in self.conn.execute(
            f"SELECT key, claims FROM conflicts WHERE key IN ({self._json_values('?')})",
            (json.dumps(sorted(keys)),),
        ).fetchall():
            review = standing.get(key)
            try:
                members = [self.get_claim(i) for i in json.loads(claims)]
            except (ValueError, TypeError):
                raise DatabaseError(UNREADABLE_ROW) from None
            held = review is not None and holds(review, members)
            self.conn.execute(
                "UPDATE conflicts SET status = ?, review_id = ? WHERE key = ?",
                (review.decision if held else OPEN, review.id if held else None, key),  # type: ignore[union-attr]
            )
        self._render_listings(f"key IN ({self._json_values('?')})", (json.dumps(sorted(keys)),))

    def rebuild_conflicts(self) -> int:
        with self.transaction():
            return self._rebuild_conflicts()

    def _rebuild_conflicts(self) -> int:
        self.conn.execute("DELETE FROM conflicts")
        found = list(self._all_found())
        self._store_conflicts(found)
        return len(found)

    _CONFLICT_COLUMNS = (
        "key, topic_id, topic, quantity, quantity_kind, kind, severity, claim_a, claim_b, "
        "claims, reason, ratio, status, review_id"
    )

    def _stale_conflicts(self) -> int:
        """How many stored conflicts differ from what the claims give now: missing,
        left over, or changed."""
        fresh = {row[0]: row for row in self._conflict_rows(list(self._all_found()))}
        stored = {
            row[0]: row
            for row in self._tuples().execute(f"SELECT {self._CONFLICT_COLUMNS} FROM conflicts")
        }
        stale = {key for key in fresh.keys() | stored.keys() if fresh.get(key) != stored.get(key)}
        stale |= {
            key for key, listing, now in self._listings_now() if now is None or listing != now
        }
        return len(stale)

    def _conflicts_check(self) -> tuple[str, bool, str]:
        """`check`'s line on the stored conflicts, for a store whose schema is current."""
        try:
            stale = self._stale_conflicts()
            stored = self.conn.execute("SELECT count(*) FROM conflicts").fetchone()[0]
        except DatabaseError as error:
            return "conflicts", False, f"cannot be checked: {error.message}"
        except self.engine_error as error:
            return "conflicts", False, f"cannot be checked: {error}"
        except (ArithmeticError, ValueError, TypeError):  # what a bad stored value breaks
            return (
                "conflicts",
                False,
                "cannot be compared with the claims until their values are fixed",
            )
        return (
            "conflicts",
            not stale,
            f"up to date ({stored} stored)"
            if not stale
            else f"{stale} stored conflict(s) out of step with the claims; "
            "`claimtrack check --repair` rebuilds them",
        )

    def stored_rows(self, topic: str | None = None, *, claim_id: int | None = None) -> list[Row]:
        """The stored conflicts (of a topic, or with a claim), each with its status
        and the decision that holds, sorted by topic, severity and ids."""
        where, params = ["1 = 1"], []
        if topic is not None:
            found = self.find_topic(topic)
            if not found:
                return []
            where.append("c.topic_id = ?")
            params.append(found[0])
        if claim_id is not None:
            where.append(
                "c.topic_id = (SELECT topic_id FROM claims WHERE id = ?) "
                f"AND ? IN ({self._json_values('c.claims', ids=True)})"
            )
            params += [claim_id, claim_id]
        return [
            _stored_row(row)
            for row in self._tuples().execute(
                "SELECT c.kind, c.claims, c.reason, c.ratio, c.topic, c.quantity, "
                f"c.quantity_kind, c.status, {', '.join('r.' + c for c in self._REVIEW_COLUMNS.split(', '))}, "
                "r.undone_at FROM conflicts c LEFT JOIN reviews r ON r.id = c.review_id "
                f"WHERE {' AND '.join(where)} ORDER BY c.topic, c.severity, c.claim_a, c.claim_b",
                params,
            )
        ]

    def stored_json(
        self,
        topic: str | None = None,
        source: str | None = None,
        kind: str | None = None,
        dismissed: bool = False,
    ) -> Iterator[list[bytes]]:
        """The stored conflicts' listings, a batch at a time: JSON objects as UTF-8
        bytes, ready to write. At a million claims there are 100,000 of them (50
        MB); building them, or even decoding and encoding them again, or handing
        them on one at a time, would cost more than reading them."""
        where, params = [], []
        if not dismissed:
            where.append("c.status != 'dismissed'")
        if kind:
            where.append("c.kind = ?")
            params.append(kind)
        if topic is not None:
            found = self.find_topic(topic)
            if not found:
                raise self.no_topic(topic)
            where.append("c.topic_id = ?")
            params.append(found[0])
        if source is not None:
            found_source = self.find_source(source)
            if not found_source:
                raise NotFoundError(f"no source named {source!r}")
            where.append(
                "EXISTS (SELECT 1 FROM claims m WHERE m.source_id = ? "
                f"AND m.id IN ({self._json_values('c.claims', ids=True)}))"
            )
            params.append(found_source[0])
        sql = (
            f"SELECT c.listing FROM conflicts c WHERE {' AND '.join(where) or '1 = 1'} "
            "ORDER BY c.topic, c.severity, c.claim_a, c.claim_b"
        )
        return self._texts_as_bytes(sql, params)

    def _texts_as_bytes(self, sql: str, params: list[object]) -> Iterator[list[bytes]]:
        """The first column of a query's rows, text as UTF-8 bytes, in batches of
        TEXTS_BATCH."""
        raise NotImplementedError

    def _render_listings(self, where: str, params: tuple[object, ...]) -> None:
        """Write the listings (the JSON `conflicts --json` prints) of these conflicts."""
        raise NotImplementedError

    def _listings_now(self) -> Iterator[tuple[str, str, str]]:
        """(key, listing, the listing as rendered now) of every stored conflict."""
        raise NotImplementedError

    def _json_values(self, json_list: str, *, ids: bool = False) -> str:
        """A subquery of the values of a JSON list (a column, or `?`): ids as integers."""
        raise NotImplementedError

    # --- upgrades -------------------------------------------------------------------

    def upgrade(self, applied_now: set[str]) -> None:
        """What schema steps need computed from the claims, inside their transaction."""
        # Both engines name these steps alike after their numbers (m010_quantities
        # on SQLite is p002_quantities on PostgreSQL).
        done = {name.split("_", 1)[1] for name in applied_now}
        if "quantities" in done:
            self._fill_quantities()
        if "reviews_that_stick" in done:
            self._settle_legacy_reviews()
        if "story_names" in done:
            self._learn_story_names()
        if "stored_conflicts" in done:
            self._rebuild_conflicts()
        elif "m030_listings_escape_invisible_characters" in applied_now:
            from claimtrack.escape import JSON_UNSEEN_GLOB

            self._render_listings("listing GLOB ?", (JSON_UNSEEN_GLOB,))

    def _learn_story_names(self) -> None:
        """Each topic's story names, from its live claims (see match_score)."""
        learned = set()
        for text, topic_id in self.conn.execute(
            "SELECT text, topic_id FROM claims WHERE deleted_at IS NULL"
        ).fetchall():
            learned.update((term, topic_id) for term in name_terms(text))
        self._learn_terms_of(sorted(learned))

    def _fill_quantities(self) -> None:
        rows = (
            self._tuples()
            .execute(f"{self._SELECT} WHERE c.quantity IS NULL AND c.figure_qualifier IS NOT NULL")
            .fetchall()
        )
        updates = []
        for row in rows:
            claim = claim_from_row(row).with_changes(quantity=None)
            settled = settle_quantity(claim, claim.topic)
            if settled.quantity:
                updates.append((settled.quantity, claim.id))
        self.conn.executemany("UPDATE claims SET quantity = ? WHERE id = ?", updates)

    def _settle_legacy_reviews(self) -> None:
        """An old review holds if its claims are as they were when it was made (their
        updated_at then and now): it gets their fingerprints, like a new one."""
        for review_id, claims, *stamps in self.conn.execute(
            "SELECT id, claims, a_updated_at, b_updated_at FROM reviews "
            "WHERE basis IS NULL AND a_updated_at IS NOT NULL"
        ).fetchall():
            ids = json.loads(claims)
            try:
                current = {c: self.get_claim(c, deleted=True) for c in ids}
            except NotFoundError:
                continue
            then = dict(zip(sorted(ids), stamps, strict=True))
            if all(then[c] == current[c].updated_at for c in ids):
                basis = [claim_basis(current[c]) for c in ids]
                self.conn.execute(
                    "UPDATE reviews SET basis = ? WHERE id = ?", (json.dumps(basis), review_id)
                )


def _claim_row(claim: Claim, source_id: int, topic_id: int) -> dict[str, object]:
    figure = claim.figure
    return {
        "text": claim.text,
        "source_id": source_id,
        "topic_id": topic_id,
        "date": claim.date.iso,
        "date_precision": claim.date.precision,
        "as_of": claim.as_of.iso if claim.as_of else None,
        "as_of_precision": claim.as_of.precision if claim.as_of else None,
        "url": claim.url,
        "figure_low": figure.low if figure else None,
        "figure_high": figure.high if figure else None,
        "figure_qualifier": figure.qualifier if figure else None,
        "figure_text": figure.text if figure else None,
        "unit": claim.unit,
        "unit_norm": claim.unit_norm,
        "stance": claim.stance,
        "tags": json.dumps(list(claim.tags)) if claim.tags else "[]",
        "note": claim.note,
        "verdict": claim.verdict,
        "verdict_explanation": claim.verdict_explanation,
        "verdict_at": claim.verdict_at,
        "date_basis": claim.date_basis,
        "appearances": _appearances_text(claim.appearances),
        "quantity": claim.quantity or None,
        "added_by": claim.added_by,
        "verdict_by": claim.verdict_by,
    }


def _appearances_text(appearances: tuple[Appearance, ...]) -> str | None:
    return json.dumps([a.to_json() for a in appearances]) if appearances else None


def claim_from_row(row: tuple) -> Claim:  # type: ignore[type-arg]
    (
        claim_id, text, day, precision, as_of, as_of_precision, url, low, high, qualifier,
        figure_text, unit, stance, tags, note, verdict, explanation, verdict_at, created_at,
        updated_at, deleted_at, date_basis, appearances, added_by, verdict_by, quantity, source,
        topic, speaks_for,
    ) = row  # fmt: skip
    return Claim(
        id=claim_id,
        text=text,
        source=source,
        topic=topic,
        date=ClaimDate(day, precision or DAY),
        as_of=ClaimDate(as_of, as_of_precision or DAY) if as_of else None,
        url=url,
        figure=Figure(low, high, qualifier, figure_text) if qualifier else None,
        unit=unit,
        stance=stance,
        tags=() if tags in (None, "[]") else tuple(json.loads(tags)),
        note=note,
        verdict=verdict,
        verdict_explanation=explanation,
        verdict_at=verdict_at,
        created_at=created_at,
        updated_at=updated_at,
        deleted_at=deleted_at,
        date_basis=date_basis or STATEMENT,
        appearances=tuple(Appearance(**a) for a in json.loads(appearances)) if appearances else (),
        added_by=added_by,
        verdict_by=verdict_by,
        quantity=quantity or "",
        speaks_for=speaks_for,
    )


def _review(row: tuple) -> Review:  # type: ignore[type-arg]
    from claimtrack.conflicts import Review

    (
        conflict,
        kind,
        claims,
        basis,
        decision,
        note,
        reviewer,
        created,
        settings,
        replaces,
        rid,
        undone,
    ) = row
    try:
        ids = tuple(json.loads(claims))
        then = None if basis is None else tuple(json.loads(basis))
    except (ValueError, TypeError):
        raise DatabaseError(UNREADABLE_ROW) from None
    return Review(
        conflict=conflict,
        kind=kind,
        claims=ids,
        basis=then,
        decision=decision,
        note=note,
        reviewer=reviewer,
        created_at=created,
        settings=settings,
        replaces=replaces,
        id=rid,
        undone_at=undone,
    )


def _review_problem(row: tuple, kinds: tuple[str, ...], now: str) -> str | None:  # type: ignore[type-arg]
    """Why a stored review could not be used by a command, or None."""
    conflict, kind, claims, basis, decision, note, reviewer, created, settings, _, _, undone = row
    try:
        ids = json.loads(claims)
        then = None if basis is None else json.loads(basis)
    except (ValueError, TypeError):
        return "its claims or basis are not JSON"
    if not isinstance(ids, list) or len(ids) < 2 or not all(type(i) is int for i in ids):
        return "its claims are not a list of claim ids"
    if then is not None and (
        not isinstance(then, list)
        or len(then) != len(ids)
        or not all(isinstance(b, str) for b in then)
    ):
        return "its basis is not a fingerprint for each claim"
    if kind not in kinds or decision not in ("dismissed", "confirmed"):
        return f"unknown kind {kind!r} or decision {decision!r}"
    if not isinstance(conflict, str):
        return "its conflict is not named"
    for name, value in (("note", note), ("reviewer", reviewer), ("settings", settings)):
        if value is not None and (not isinstance(value, str) or not storable(value)):
            return f"its {name} is not text"
    problem = timestamp_problem(created, now)
    if problem is None and undone is not None:
        problem = timestamp_problem(undone, now)
    return problem


def _stored_row(row: tuple) -> Row:  # type: ignore[type-arg]
    from claimtrack.conflicts import Conflict

    kind, claims, reason, ratio, topic, quantity, quantity_kind, status, *review = row
    try:
        ids = tuple(json.loads(claims))
    except (ValueError, TypeError):
        raise DatabaseError(UNREADABLE_ROW) from None
    conflict = Conflict(kind, ids, reason, ratio, topic, quantity or "", quantity_kind)
    return conflict, status, _review(tuple(review)) if review[0] is not None else None


class TopicVocabulary:
    """The topics' words, held in memory while an import files its claims: the same
    choice as Store._best_topic's queries, without a dozen of them a row (they were
    a quarter of a 20,000-row plain import, and grow with the store)."""

    def __init__(self, conn: Any) -> None:
        self.topics_of: dict[str, set[int]] = {}
        self.terms_of: dict[int, set[str]] = {}
        self.unnamed: set[int] = set()  # topics whose claims name no story
        for term, topic_id in conn.execute("SELECT term, topic_id FROM topic_terms"):
            self.learn(topic_id, (term,))
        self.names: dict[int, str] = dict(conn.execute("SELECT id, name FROM topics"))

    def learn(self, topic_id: int, terms: Iterable[str]) -> None:
        known = self.terms_of.get(topic_id)
        if known is None:
            known = self.terms_of[topic_id] = set()
            self.unnamed.add(topic_id)
        for term in terms:
            known.add(term)
            self.topics_of.setdefault(term, set()).add(topic_id)
        if NAME_TERM in known:
            self.unnamed.discard(topic_id)

    def best(self, terms: set[str]) -> tuple[int, str, float] | None:
        probes = probe_terms(terms)
        shared: dict[int, int] = {}
        if NAME_TERM in terms:
            # Only a topic that names no story, or shares a name with the claim, can
            # take it (see match_score): a few, not every one that holds "troops".
            names = [t for t in probes if t.startswith(NAME_TERM) and t != NAME_TERM]
            candidates = self.unnamed.union(
                *(self.topics_of.get(name, ()) for name in names),  # it names one of ours
                *(
                    self.topics_of.get(name[len(NAME_TERM) :], ())
                    for name in names
                    if name in terms
                ),
            )
            for topic_id in candidates:
                count = len(probes & self.terms_of[topic_id])
                if count:
                    shared[topic_id] = count
        else:
            for term in terms:
                for topic_id in self.topics_of.get(term, ()):
                    shared[topic_id] = shared.get(topic_id, 0) + 1
        # the ten topics sharing the most terms, fewest id first among equals
        leading = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:10]
        best: tuple[int, str, float] | None = None
        for topic_id, _ in leading:
            score = match_score(terms, probes & self.terms_of[topic_id])
            if score >= GOOD_MATCH and (best is None or score > best[2]):
                best = (topic_id, self.names[topic_id], score)
        return best


def claim_identity(claim: Claim, source: str) -> tuple[object, ...]:
    """What makes a claim the same claim: its source (normalised), date and text,
    and the figure it gives with its unit, since one sentence can give several."""
    figure = claim.figure
    return (
        source,
        claim.date.iso,
        claim.text,
        *((figure.low, figure.high, figure.qualifier) if figure else (None, None, None)),
        claim.unit_norm,
    )


class NewClaims:
    """The claims of a stream not stored yet; `present` counts the others."""

    def __init__(self, store: Store, claims: Iterable[tuple[Claim, int | None]]) -> None:
        self.store, self.claims, self.present = store, claims, 0

    def __iter__(self) -> Iterator[tuple[Claim, int | None]]:
        known = self.store.identities()
        keys: dict[str, str] = {}
        for claim, original_id in self.claims:
            if claim.source not in keys:
                keys[claim.source] = self.store.canonical_source_key(claim.source)
            identity = claim_identity(claim, keys[claim.source])
            if identity in known:
                self.present += 1
                continue
            known.add(identity)
            yield claim, original_id
