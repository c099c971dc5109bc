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
