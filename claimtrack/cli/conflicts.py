"""Commands on conflicts: list them, and record decisions on them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from claimtrack.cli.app import app
from claimtrack.cli.helpers import (
    FACTOR_HELP,
    TOLERANCE_HELP,
    WINDOW_HELP,
    conflict_settings,
    echo_json,
    only_wanted,
    open_store_of,
    show,
    stored_conflicts,
    story_sections,
    utc_now,
)
from claimtrack.errors import ClaimtrackError, NotFoundError

if TYPE_CHECKING:
    from claimtrack.conflicts import Conflict, Review, Row, Section
    from claimtrack.db import Store


@app.command("conflicts")
def conflicts_list(
    ctx: typer.Context,
    topic: str | None = typer.Option(None, "--topic", "-t", help="Only this topic."),
    source: str | None = typer.Option(None, "--source", "-s", help="Only those with this source."),
    kind: str | None = typer.Option(
        None, "--kind", "-k", help="contradiction, discrepancy or denial."
    ),
    window: int = typer.Option(2, "--window", help=WINDOW_HELP),
    tolerance: float = typer.Option(10.0, "--tolerance", help=TOLERANCE_HELP),
    factor: float = typer.Option(1.5, "--factor", help=FACTOR_HELP),
    show_all: bool = typer.Option(False, "--all", help="Include dismissed conflicts."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """List claims whose figures conflict, with the reason, by topic.

    The stored conflicts are read; other --window, --tolerance or --factor
    values compute them afresh.

    \b
    Example:
      claimtrack conflicts --topic "North Korean troops in Russia" --window 3
    """
    from claimtrack.claims import source_key
    from claimtrack.conflicts import KINDS, STORED, conflict_json

    settings = conflict_settings(window, tolerance, factor)
    if kind is not None and kind not in KINDS:
        raise ClaimtrackError(f"unknown kind {kind!r}; use one of: {', '.join(KINDS)}")
    store = open_store_of(ctx)
    wanted_source = None
    if source:
        found = store.find_source(source)
        if not found:
            raise NotFoundError(f"no source named {source!r}")
        wanted_source = source_key(found[1])
    if as_json and settings == STORED:
        from claimtrack.cli.helpers import write_output
        from claimtrack.render import json_array_lines

        batches = store.stored_json(topic, source, kind, dismissed=show_all)
        write_output(json_array_lines(batches), None)
        return

    def wanted(row: Row, section: Section | None = None) -> bool:
        conflict, status, _ = row
        if wanted_source is not None:
            members = conflict.members or [c for c in section.claims if c.id in conflict.ids]  # type: ignore[union-attr]
            if wanted_source not in {source_key(c.source) for c in members}:
                return False
        return (show_all or status != "dismissed") and (kind is None or conflict.kind == kind)

    if as_json:
        echo_json(
            [conflict_json(*row) for row in stored_conflicts(store, settings, topic) if wanted(row)]
        )
        return
    from claimtrack.render import conflicts_view

    # One pass gives each topic its claims (for the spread) and its conflicts.
    show(conflicts_view(only_wanted(story_sections(store, settings, topic=topic), wanted)))


@app.command("review")
def conflicts_review(
    ctx: typer.Context,
    ids: list[int] | None = typer.Argument(
        None,
        metavar="[ID]...",
        help="A claim, then each claim it conflicts with (a denial alone: all it answers).",
    ),
    dismiss: bool = typer.Option(False, "--dismiss", help="Not a real conflict: hide it."),
    confirm: bool = typer.Option(False, "--confirm", help="A real conflict: keep it, marked."),
    topic: str | None = typer.Option(
        None, "--topic", "-t", help="Every open conflict of this topic."
    ),
    undo: bool = typer.Option(False, "--undo", help="Undo the latest decision."),
    force: bool = typer.Option(False, "--force", help="Replace a decision already made."),
    note: str | None = typer.Option(None, "--note", help="Why, for the record."),
    by: str | None = typer.Option(
        None,
        "--by",
        help="Who decides [default: --user, $CLAIMTRACK_USER, else the role or login name].",
    ),
    window: int = typer.Option(2, "--window", help=WINDOW_HELP),
    tolerance: float = typer.Option(10.0, "--tolerance", help=TOLERANCE_HELP),
    factor: float = typer.Option(1.5, "--factor", help=FACTOR_HELP),
) -> None:
    """Record a decision on conflicts, so that they do not come back.

    A decision holds until a claim's figure, quantity, date, source or stance
    changes; a verdict or a note leaves it standing.

    \b
    Example:
      claimtrack review 1 2 --dismiss --note "different dates of deployment"
      claimtrack review 12 14 15 --confirm --by "desk editor"
      claimtrack review --topic "Floods in Derna" --dismiss
      claimtrack review --undo
    """
    if undo:
        if ids or topic or dismiss or confirm or force or note is not None or by is not None:
            raise ClaimtrackError("--undo takes no claims and no other option")
        undone = open_store_of(ctx).undo_review()
        typer.echo(f"Undid: {undone.words()}, on the {_conflict_words(undone)}.")
        return
    if dismiss == confirm:
        raise ClaimtrackError("give exactly one of --dismiss or --confirm")
    if ids and topic:
        raise ClaimtrackError("give claim ids or --topic, not both")
    if not ids and not topic:
        raise ClaimtrackError("give the claims of a conflict (A B ...) or --topic TOPIC")
    from claimtrack.claims import check_text

    note = check_text(note, "note") if note and note.strip() else None
    settings = conflict_settings(window, tolerance, factor)
    store = open_store_of(ctx)
    from claimtrack.conflicts import check_reviewer

    reviewer = check_reviewer(by, "--by") if by is not None else store.user
    if topic:
        chosen = [row for row in stored_conflicts(store, settings, topic) if row[1] == "open"]
        if not chosen:
            typer.echo(f"No open conflicts in topic {topic!r}; nothing recorded.")
            return
    else:
        chosen = _named_conflicts(store, list(ids or []), settings)
    decision = "dismissed" if dismiss else "confirmed"
    reviews, lines = [], []
    for conflict, status, standing in chosen:
        replaced = ""
        if standing is not None:
            if status == decision and note in (None, standing.note):
                lines.append(f"Already {decision}: the {_words(conflict)} ({standing.words()}).")
                continue
            if not force:
                raise ClaimtrackError(
                    f"the {_words(conflict)} is already {standing.words()}; "
                    "give --force to replace that decision"
                )
            replaced = f" It replaces: {standing.words()}."
        reviews.append(_review(store, conflict, decision, note, reviewer, settings, standing))
        lines.append(f"Recorded: the {_words(conflict)} is {decision}.{replaced}")
    store.add_reviews(reviews)
    for line in lines:
        typer.echo(line)


def _named_conflicts(store: Store, ids: list[int], settings: object) -> list[Row]:
    """The conflicts between the first claim and each other one; a denial alone
    names the conflict of everything it answers."""
    anchor, others = ids[0], ids[1:]
    if anchor in others or len(set(others)) != len(others):
        raise ClaimtrackError("a review needs two different claims")
    claim = store.get_claim(anchor)
    for other in others:
        store.get_claim(other)
    rows = [
        row
        for row in stored_conflicts(store, settings, claim.topic)  # type: ignore[arg-type]
        if anchor in row[0].ids
    ]
    if not others:
        denials = [row for row in rows if row[0].kind == "denial" and row[0].ids[0] == anchor]
        if not denials:
            raise ClaimtrackError(
                f"claim {anchor} is not a denial in conflict; give the claim(s) it conflicts with"
            )
        return denials
    chosen: dict[str, Row] = {}
    for other in others:
        match = [row for row in rows if other in row[0].others(anchor)]
        if not match:
            a, b = sorted((anchor, other))
            raise ClaimtrackError(
                f"claims {a} and {b} do not conflict under these settings; see `claimtrack conflicts`"
            )
        chosen.setdefault(match[0][0].key, match[0])
    return list(chosen.values())


def _review(
    store: Store,
    conflict: Conflict,
    decision: str,
    note: str | None,
    reviewer: str | None,
    settings: object,
    standing: Review | None,
) -> Review:
    from claimtrack.claims import claim_basis
    from claimtrack.conflicts import Review

    members = conflict.members or tuple(store.get_claim(i) for i in conflict.ids)
    return Review(
        conflict=conflict.key,
        kind=conflict.kind,
        claims=conflict.ids,
        basis=tuple(claim_basis(c) for c in members),
        decision=decision,
        note=note,
        reviewer=reviewer,
        created_at=utc_now(),
        settings=settings.differences(),  # type: ignore[attr-defined]
        replaces=standing.id if standing else None,
    )


def _words(conflict: Conflict) -> str:
    if conflict.kind == "denial":
        return f"denial {conflict.heading()}"
    a, b = conflict.pair
    return f"{conflict.kind} between #{a} and #{b}"


def _conflict_words(review: Review) -> str:
    first, *rest = review.claims
    if review.kind == "denial":
        return f"denial #{first} × " + ", ".join(f"#{i}" for i in rest)
    return f"{review.kind} between #{first} and #{rest[0]}"
