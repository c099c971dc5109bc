"""The store in Datasette: read-only, every table and column described, facets on
what readers sort a story by, and canned queries for the questions they ask first.

Datasette opens a database it may change with SQLite's read-only mode and runs
only SELECT statements; claimtrack adds no plugin that writes.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from claimtrack.errors import ClaimtrackError

CLAIM_COLUMNS = {
    "id": "The claim's number, as claimtrack shows it (#12).",
    "text": "What was said, as written in the source.",
    "source_id": "Who made the claim (the claimant).",
    "topic_id": "The story the claim belongs to.",
    "date": "When it was said: ISO text at its precision (2024-10-23, 2024-10 or 2024).",
    "date_precision": "day, month or year.",
    "as_of": "The date the figure describes, when it differs from the date said.",
    "as_of_precision": "day, month or year.",
    "url": "Where it was published (http or https).",
    "figure_low": "The figure's lower bound (0 for an 'up to').",
    "figure_high": "The figure's upper bound; empty for an open bound ('at least').",
    "figure_qualifier": "exact, approx, at_most, at_least, range or vague.",
    "figure_text": "The words the figure was read from.",
    "unit": "What the figure counts, as written (soldiers).",
    "unit_norm": "The unit through the synonym table (soldiers, forces -> troops).",
    "stance": "asserts, confirms, alleges, claims, estimates, reports or denies.",
    "tags": "Tags, as a JSON list.",
    "note": "The user's note.",
    "verdict": "unverified, corroborated, disputed, false, misleading or retracted.",
    "verdict_explanation": "Why the verdict was given.",
    "verdict_at": "When the verdict was given (UTC).",
    "created_at": "When the claim was added (UTC).",
    "updated_at": "When the claim last changed (UTC); an edit re-opens its reviewed pairs.",
    "deleted_at": "When it was removed with `rm` (claims are never deleted).",
    "date_basis": "'statement' when the date is the statement's; 'report' when it is only "
    "the date of the article the claim was read in.",
    "appearances": "The articles that reported the claim (JSON: url, quote, published, read_at).",
    "added_by": "Who stored the claim (--user, $CLAIMTRACK_USER or the login name).",
    "verdict_by": "Who gave the verdict.",
    "quantity": "What the figure measures, as a key: counted[:state][(group)][@place], "
    "e.g. people:missing@derna; empty when it measures nothing. Claims are compared "
    "only within one topic and one quantity.",
}
VIEW_COLUMNS = {
    **{k: v for k, v in CLAIM_COLUMNS.items() if k in ("id", "date", "as_of", "text", "url")},
    "source": "Who made the claim, by name.",
    "topic": "The story, by name.",
    "quantity": "What the figure measures (its quantity's key, e.g. people:missing).",
    **{
        k: CLAIM_COLUMNS[k]
        for k in (
            "figure_text", "figure_low", "figure_high", "figure_qualifier", "unit", "stance",
            "verdict", "verdict_explanation", "note", "date_precision", "source_id", "topic_id",
            "created_at", "updated_at",
        )
    },
}  # fmt: skip

TABLES: dict[str, dict[str, Any]] = {
    "live_claims": {
        "title": "Claims",
        "description": "Every claim not removed, with its source and topic by name.",
        "columns": VIEW_COLUMNS,
        "facets": ["source", "topic", "quantity", "verdict"],
        "sort": "date",
    },
    "claims": {
        "title": "Claims (stored rows)",
        "description": "Every claim as stored, removed ones too (deleted_at is set).",
        "columns": CLAIM_COLUMNS,
        "facets": ["source_id", "topic_id", "unit_norm", "verdict"],
        "label_column": "text",
    },
    "sources": {
        "title": "Sources",
        "description": "The claimants; 'U.S.' and 'us' are one source.",
        "columns": {
            "id": "The source's number.",
            "name": "The name as first given.",
            "key": "The normalised name that identifies the source.",
            "created_at": "When the source first appeared (UTC).",
            "speaks_for_id": "The source it speaks for (a spokesman's ministry), or null: "
            "their claims are one voice (`claimtrack sources affiliate`).",
        },
        "label_column": "name",
    },
    "source_aliases": {
        "title": "Source aliases",
        "description": "Other names a source goes by (`claimtrack sources alias`).",
        "columns": {
            "key": "The alias, normalised.",
            "alias": "The alias as given.",
            "source_id": "The source it names.",
        },
    },
    "topics": {
        "title": "Topics",
        "description": "The stories claims are filed under.",
        "columns": {
            "id": "The topic's number.",
            "name": "The topic's name.",
            "key": "The normalised name.",
            "created_at": "When the topic was started (UTC).",
            "cumulative": "No longer read: kinds are set in quantity_kinds.",
        },
        "label_column": "name",
    },
    "topic_terms": {
        "title": "Topic vocabulary",
        "description": "The words that tie a new claim to a topic.",
        "columns": {"term": "A word, stemmed to five letters.", "topic_id": "The topic."},
    },
    "reviews": {
        "title": "Reviews",
        "description": "Decisions on conflicts: dismissed or confirmed, by whom and why. A "
        "decision holds while its claims keep the figure, quantity, date, source and stance "
        "it was made on.",
        "columns": {
            "id": "The review's number.",
            "claim_a": "The first of its claims.",
            "claim_b": "The second of its claims.",
            "kind": "contradiction, discrepancy or denial.",
            "decision": "dismissed or confirmed.",
            "note": "Why.",
            "reviewer": "Who decided.",
            "created_at": "When (UTC).",
            "a_updated_at": "Older reviews: claim_a's updated_at at the time.",
            "b_updated_at": "Older reviews: claim_b's updated_at at the time.",
            "conflict": "The conflict's key (conflicts.key): '3-7', or 'denial-5'.",
            "claims": "All its claims (JSON), a denial first.",
            "basis": "Each claim's fingerprint then (JSON): what the decision rests on.",
            "settings": "The options it was made under, when not the stored ones.",
            "replaces": "The review it replaced (--force).",
            "undone_at": "When it was undone (review --undo); empty while it stands.",
        },
    },
    "conflicts": {
        "title": "Conflicts",
        "description": "The conflicts between claims, kept up to date by every write: "
        "contradictions and discrepancies between two figures of one quantity, and "
        "denials with every claim they answer.",
        "columns": {
            "id": "The row's number.",
            "key": "The conflict's key, which reviews name: '3-7' for a pair, 'denial-5' for a "
            "denial and what it answers.",
            "topic_id": "The topic.",
            "topic": "The topic, by name.",
            "quantity": "The quantity compared (its key); empty for a denial of a whole topic.",
            "quantity_kind": "level, cumulative or event: how the quantity moves in time.",
            "kind": "contradiction, discrepancy or denial.",
            "severity": "0 for a contradiction, 1 a discrepancy, 2 a denial.",
            "claim_a": "The first claim (the denial, for a denial).",
            "claim_b": "The second claim.",
            "claims": "All its claims (JSON), a denial first.",
            "reason": "Why, in words.",
            "ratio": "How far apart the figures are (higher over lower).",
            "status": "open, dismissed or confirmed.",
            "review_id": "The decision that holds (reviews.id); empty when open.",
            "listing": "The row as `claimtrack conflicts --json` prints it.",
        },
        "facets": ["topic", "kind", "status", "quantity"],
        "sort": "topic",
    },
    "quantity_kinds": {
        "title": "Quantity kinds",
        "description": "How a topic's quantities move in time, where set by hand "
        "(`claimtrack topics set`); others follow their state's default.",
        "columns": {
            "topic_id": "The topic.",
            "quantity": "The quantity's key, or * for every quantity of the topic.",
            "kind": "level, cumulative or event.",
        },
    },
    "claim_history": {
        "title": "Claim history",
        "description": "Every earlier version of a claim, with the action that replaced it.",
        "columns": {
            "id": "The version's number.",
            "claim_id": "The claim.",
            "action": "edit, rm, restore or merge.",
            "data": "The earlier version, as claim JSON.",
            "recorded_at": "When it was replaced (UTC).",
            "recorded_by": "Who replaced it.",
        },
    },
}

QUERIES = {
    "latest_figures": {
        "title": "The latest figure of each source",
        "description": "Each source's most recent figure for each topic and quantity "
        "(denials left out); leave the topic empty for every topic.",
        "sql": (
            "SELECT topic, quantity, source, coalesce(as_of, date) AS describes, figure_text, "
            "figure_low, figure_high, figure_qualifier, id AS claim FROM (SELECT *, "
            "row_number() OVER (PARTITION BY topic_id, quantity, source_id "
            "ORDER BY coalesce(as_of, date) DESC, id DESC) AS newest FROM live_claims "
            "WHERE figure_qualifier IS NOT NULL AND stance != 'denies' "
            "AND (:topic = '' OR topic = :topic)) WHERE newest = 1 "
            "ORDER BY topic, quantity, figure_low"
        ),
    },
    "topic_timeline": {
        "title": "A topic's timeline",
        "description": "The claims of one topic in the order of the dates they describe.",
        "sql": (
            "SELECT coalesce(as_of, date) AS describes, source, figure_text, quantity, stance, "
            "verdict, text, url, id AS claim FROM live_claims WHERE topic = :topic "
            "ORDER BY describes, id"
        ),
    },
}


def metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for a claimtrack database served under the name DATABASE."""
    return {
        "title": "claimtrack",
        "description": "Claims with competing figures: who said what number, when, and where.",
        "databases": {
            database: {
                "description": "A claimtrack store, read-only.",
                # The schema's own bookkeeping is no part of the story.
                "tables": {**TABLES, "_sqlite_migrations": {"hidden": True}},
                "queries": QUERIES,
            }
        },
    }


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, or one clear error when the address cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM)
    try:
        listening.bind((host, port))
        listening.listen(128)
    except OSError as error:
        listening.close()
        if error.errno in (98, 48):  # EADDRINUSE on Linux and macOS
            raise ClaimtrackError(
                f"port {port} on {host} is in use; choose another with --port"
            ) from None
        raise ClaimtrackError(f"cannot listen on {host}:{port}: {error.strerror}") from None
    return listening


def datasette_app(path: Path) -> Any:
    """The Datasette ASGI application serving the database at PATH."""
    try:
        from datasette.app import Datasette
    except ImportError:
        raise ClaimtrackError("serve needs Datasette: pip install 'claimtrack[web]'") from None
    served = Datasette(
        [str(path)],
        metadata=metadata(path.stem),
        settings={"default_page_size": 100, "allow_download": False},
    )
    return served.app()


def run(app: Any, listening: socket.socket) -> None:
    """Serve until interrupted."""
    import os

    import rich
    import uvicorn

    # With rich installed, Datasette prints every error it handles (a reader's bad
    # SQL, a missing page) as a full traceback with locals; the page says enough.
    rich.reconfigure(file=open(os.devnull, "w"))  # noqa: SIM115  (lives as long as the server)

    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    try:
        uvicorn.Server(config).run(sockets=[listening])
    finally:
        listening.close()
