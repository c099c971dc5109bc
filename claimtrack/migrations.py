"""The schema, as named, append-only steps. Never edit a step that has shipped:
add a new one. `db.open_store` applies the pending ones under a write lock."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "claimtrack"
migrations = Migrations(MIGRATION_SET)


@migrations(name="m001_claims")
def m001_claims(db: Database) -> None:
    db["sources"].create(
        {"id": int, "name": str, "key": str, "created_at": str},
        pk="id",
        not_null={"name", "key", "created_at"},
    )
    db["sources"].create_index(["key"], unique=True)
    db["source_aliases"].create(
        {"key": str, "alias": str, "source_id": int},
        pk="key",
        not_null={"alias", "source_id"},
        foreign_keys=[("source_id", "sources", "id")],
    )
    db["topics"].create(
        {"id": int, "name": str, "key": str, "created_at": str},
        pk="id",
        not_null={"name", "key", "created_at"},
    )
    db["topics"].create_index(["key"], unique=True)
    # The vocabulary of each topic, so that a new claim finds its topic with
    # one indexed look-up instead of reading every claim.
    db.execute(
        "CREATE TABLE topic_terms (term TEXT NOT NULL, topic_id INTEGER NOT NULL "
        "REFERENCES topics(id), PRIMARY KEY (term, topic_id)) WITHOUT ROWID"
    )
    db["claims"].create(
        {
            "id": int,
            "text": str,
            "source_id": int,
            "topic_id": int,
            "date": str,
            "date_precision": str,
            "as_of": str,
            "as_of_precision": str,
            "url": str,
            "figure_low": float,
            "figure_high": float,
            "figure_qualifier": str,
            "figure_text": str,
            "unit": str,
            "unit_norm": str,
            "stance": str,
            "tags": str,
            "note": str,
            "created_at": str,
            "updated_at": str,
            "deleted_at": str,
        },
        pk="id",
        not_null={"text", "source_id", "topic_id", "date", "date_precision", "stance", "tags"},
        defaults={"tags": "[]"},
        foreign_keys=[("source_id", "sources", "id"), ("topic_id", "topics", "id")],
    )
    db["claims"].create_index(["topic_id", "date"])
    db["claims"].create_index(["source_id"])
    db["claims"].create_index(["date"])
    db["claims"].enable_fts(["text"], create_triggers=True, tokenize="porter")
    db["claim_history"].create(
        {"id": int, "claim_id": int, "action": str, "data": str, "recorded_at": str},
        pk="id",
        not_null={"claim_id", "action", "data", "recorded_at"},
    )
    db["claim_history"].create_index(["claim_id"])


@migrations(name="m002_reviews_and_cumulative_topics")
def m002_reviews_and_cumulative_topics(db: Database) -> None:
    db["topics"].add_column("cumulative", int, not_null_default=0)
    # A decision on a pair of claims. The claims' updated_at at the time is kept:
    # an edit to either claim after the review opens the pair again.
    db["reviews"].create(
        {
            "id": int,
            "claim_a": int,
            "claim_b": int,
            "kind": str,
            "decision": str,
            "note": str,
            "reviewer": str,
            "created_at": str,
            "a_updated_at": str,
            "b_updated_at": str,
        },
        pk="id",
        not_null={"claim_a", "claim_b", "kind", "decision", "created_at"},
        foreign_keys=[("claim_a", "claims", "id"), ("claim_b", "claims", "id")],
    )
    db["reviews"].create_index(["claim_a", "claim_b"])


@migrations(name="m003_verdicts")
def m003_verdicts(db: Database) -> None:
    db["claims"].add_column("verdict", str, not_null_default="unverified")
    db["claims"].add_column("verdict_explanation", str)
    db["claims"].add_column("verdict_at", str)


@migrations(name="m004_report_dates_and_appearances")
def m004_report_dates_and_appearances(db: Database) -> None:
    # 'report' when the date is only that of the article the claim was read in.
    db["claims"].add_column("date_basis", str, not_null_default="statement")
    # The articles that reported the claim, as JSON; NULL for none, like most claims.
    db["claims"].add_column("appearances", str)


@migrations(name="m020_search_source_and_topic_names")
def m020_search_source_and_topic_names(db: Database) -> None:
    # Searches match a word in a claim's text, its source's name or its topic's
    # name. Indexing the names on their own tables, not on every claim, keeps
    # the claims' index (and a large import) as it was.
    db["sources"].enable_fts(["name"], create_triggers=True, tokenize="porter")
    db["topics"].enable_fts(["name"], create_triggers=True, tokenize="porter")


@migrations(name="m040_live_claims_view")
def m040_live_claims_view(db: Database) -> None:
    # The claims not removed, with their source and topic by name: what `serve`
    # publishes and facets. "quantity" is the normalised unit for now.
    db.execute(
        "CREATE VIEW live_claims AS SELECT c.id, c.date, c.as_of, s.name AS source, "
        "t.name AS topic, c.unit_norm AS quantity, c.figure_text, c.figure_low, c.figure_high, "
        "c.figure_qualifier, c.unit, c.stance, c.verdict, c.verdict_explanation, c.text, c.url, "
        "c.note, c.date_precision, c.source_id, c.topic_id, c.created_at, c.updated_at "
        "FROM claims c JOIN sources s ON s.id = c.source_id JOIN topics t ON t.id = c.topic_id "
        "WHERE c.deleted_at IS NULL"
    )


# Steps m010-m013 change the schema only (they follow m040: steps are applied in
# the order they are written, whatever their numbers). What they need computed from the
# claims (their quantities, the stored conflicts, the fingerprints of old
# reviews) is done by the store's `upgrade` right after the pending steps, in the
# same transaction, once every column the claim reader asks for exists.


@migrations(name="m010_quantities")
def m010_quantities(db: Database) -> None:
    # The key of what a claim's figure measures (see claimtrack.quantities);
    # NULL when it measures nothing. Claims are compared within one quantity.
    db["claims"].add_column("quantity", str)
    db["claims"].create_index(["topic_id", "quantity"])
    # Denials are few; refreshing a topic asks whether it has any.
    db.execute(
        "CREATE INDEX claims_denials ON claims (topic_id) "
        "WHERE stance = 'denies' AND deleted_at IS NULL"
    )
    # m040's view showed the normalised unit as the quantity, for want of one.
    view = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'live_claims'"
    ).fetchone()
    db.execute("DROP VIEW live_claims")
    db.execute(view[0].replace("c.unit_norm AS quantity", "c.quantity"))


@migrations(name="m011_quantity_kinds")
def m011_quantity_kinds(db: Database) -> None:
    # How a topic's quantity moves in time (level, cumulative, event), when it
    # is set rather than taken from the quantity's state; quantity '*' is the
    # whole topic. A cumulative topic of m002 becomes a whole-topic setting.
    db.execute(
        "CREATE TABLE quantity_kinds (topic_id INTEGER NOT NULL REFERENCES topics(id), "
        "quantity TEXT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (topic_id, quantity))"
    )
    db.execute(
        "INSERT INTO quantity_kinds (topic_id, quantity, kind) "
        "SELECT id, '*', 'cumulative' FROM topics WHERE cumulative = 1"
    )


@migrations(name="m012_reviews_that_stick")
def m012_reviews_that_stick(db: Database) -> None:
    # A review now names its conflict by key ('3-7' for a pair, 'denial-5' for
    # a denial and the claims it answers), lists all its claims and their
    # fingerprints then (what the decision rests on), the options it was made
    # under when not the stored ones, the review it replaced, and when it was
    # undone. claim_a and claim_b stay: the first two of its claims.
    reviews = db["reviews"]
    for column in ("conflict", "claims", "basis", "settings", "undone_at"):
        reviews.add_column(column, str)
    reviews.add_column("replaces", int)
    db.execute(
        "UPDATE reviews SET claims = CASE WHEN kind = 'denial' AND "
        "(SELECT stance FROM claims WHERE id = claim_b) = 'denies' "
        "THEN json_array(claim_b, claim_a) ELSE json_array(claim_a, claim_b) END"
    )
    db.execute(
        "UPDATE reviews SET conflict = CASE WHEN kind = 'denial' "
        "THEN 'denial-' || json_extract(claims, '$[0]') ELSE claim_a || '-' || claim_b END"
    )
    reviews.create_index(["conflict"])


@migrations(name="m013_stored_conflicts")
def m013_stored_conflicts(db: Database) -> None:
    # The conflicts under the stored settings, kept up to date by every write,
    # so that listing costs the same at any size; SQL clients read them here.
    # `listing` is the row as `conflicts --json` prints it: at a million claims,
    # building 100,000 JSON objects on every listing took longer than the rest.
    db.execute(
        """CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            topic_id INTEGER NOT NULL REFERENCES topics(id),
            topic TEXT NOT NULL,
            quantity TEXT,
            quantity_kind TEXT,
            kind TEXT NOT NULL,
            severity INTEGER NOT NULL,
            claim_a INTEGER NOT NULL REFERENCES claims(id),
            claim_b INTEGER NOT NULL REFERENCES claims(id),
            claims TEXT NOT NULL,
            reason TEXT NOT NULL,
            ratio REAL,
            status TEXT NOT NULL DEFAULT 'open',
            review_id INTEGER REFERENCES reviews(id),
            listing TEXT
        )"""
    )
    db.execute("CREATE INDEX conflicts_listing ON conflicts (topic, severity, claim_a, claim_b)")
    db.execute("CREATE INDEX conflicts_group ON conflicts (topic_id, quantity)")


@migrations(name="m050_people")
def m050_people(db: Database) -> None:
    # Who stored each claim and who gave its verdict; who made each change.
    db["claims"].add_column("added_by", str)
    db["claims"].add_column("verdict_by", str)
    db["claim_history"].add_column("recorded_by", str)
    db["claims"].create_index(["added_by"])


@migrations(name="m030_listings_escape_invisible_characters")
def m030_listings_escape_invisible_characters(db: Database) -> None:
    # The stored conflicts' listings are escaped as `conflicts --json` prints
    # them, which now also escapes zero-width, tag and other invisible
    # characters: `db.Store.upgrade` writes again the few listings holding one.
    pass


@migrations(name="m070_conflicts_listed_from_their_index")
def m070_conflicts_listed_from_their_index(db: Database) -> None:
    # conflicts --json reads every listing in the listing's order: with the status
    # and the listing in that order's index, it is read from the index alone
    # instead of a look-up in the table a conflict (64 -> 25 ms for 11,589
    # conflicts, 100,000 claims). The older index is a prefix of this one.
    db.execute("DROP INDEX IF EXISTS conflicts_listing")
    db.execute(
        "CREATE INDEX IF NOT EXISTS conflicts_listed ON conflicts "
        "(topic, severity, claim_a, claim_b, status, listing)"
    )


@migrations(name="m110_sources_speak_for_others")
def m110_sources_speak_for_others(db: Database) -> None:
    # A source may speak for another (a spokesman for his ministry): the two are
    # one voice when claims are compared. Stored once a source, not a claim.
    # Deferred, so that `copy` may insert a source before the one it speaks for.
    if "speaks_for_id" in db["sources"].columns_dict:
        return  # a step recorded as not applied, applied again
    db.execute(
        "ALTER TABLE sources ADD COLUMN speaks_for_id INTEGER "
        "REFERENCES sources(id) DEFERRABLE INITIALLY DEFERRED"
    )


@migrations(name="m120_story_names")
def m120_story_names(db: Database) -> None:
    # No schema change: topics learn the names of their stories (the `name:` terms
    # of topic_terms) from their claims, computed in Store.upgrade.
    pass
