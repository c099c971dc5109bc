"""Commands on conflicts: list them, and record decisions on pairs."""

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
    from claimtrack.conflicts import Conflict


@app.command("conflicts")
def conflicts_list(
    ctx: typer.Context,
    topic: str | None = typer.Option(None, "--topic", "-t", help="Only this topic."),
    source: str | None = typer.Option(None, "--source", "-s", help="Only pairs with this source."),
    kind: str | None = typer.Option(
        None, "--kind", "-k", help="contradiction, discrepancy or denial."
    ),
    window: int = typer.Option(30, "--window", help=WINDOW_HELP),
    tolerance: float = typer.Option(10.0, "--tolerance", help=TOLERANCE_HELP),
    factor: float = typer.Option(1.5, "--factor", help=FACTOR_HELP),
    show_all: bool = typer.Option(False, "--all", help="Include dismissed pairs."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """List claims whose figures conflict, with the reason, by topic.

    \b
    Example:
      claimtrack conflicts --topic "North Korean troops in Russia" --window 60
    """
    from claimtrack.claims import source_key
    from claimtrack.conflicts import KINDS, conflict_json

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

    def wanted(conflict: Conflict, status: str) -> bool:
        return (
            (show_all or status != "dismissed")
            and (kind is None or conflict.kind == kind)
            and (
                wanted_source is None
                or wanted_source in (source_key(conflict.a.source), source_key(conflict.b.source))
            )
        )

    if as_json:
        echo_json(
            [
                conflict_json(*row)
                for row in stored_conflicts(store, settings, topic)
                if wanted(*row[:2])
            ]
        )
        return
    from claimtrack.render import conflicts_view

    # One pass gives each topic its claims (for the spread) and its conflicts.
    show(conflicts_view(only_wanted(story_sections(store, settings, topic=topic), wanted)))


@app.command("review")
def conflicts_review(
    ctx: typer.Context,
    first: int = typer.Argument(..., metavar="A", help="One claim of the pair."),
    second: int = typer.Argument(..., metavar="B", help="The other claim."),
    dismiss: bool = typer.Option(False, "--dismiss", help="Not a real conflict: hide it."),
    confirm: bool = typer.Option(False, "--confirm", help="A real conflict: keep it, marked."),
    note: str | None = typer.Option(None, "--note", help="Why, for the record."),
    window: int = typer.Option(30, "--window", help=WINDOW_HELP),
    tolerance: float = typer.Option(10.0, "--tolerance", help=TOLERANCE_HELP),
    factor: float = typer.Option(1.5, "--factor", help=FACTOR_HELP),
) -> None:
    """Record a decision on a conflicting pair, so that it does not come back.

    \b
    Example:
      claimtrack review 1 2 --dismiss --note "different dates of deployment"
    """
    from claimtrack.claims import check_name, check_text
    from claimtrack.conflicts import Review

    if dismiss == confirm:
        raise ClaimtrackError("give exactly one of --dismiss or --confirm")
    if first == second:
        raise ClaimtrackError("a review needs two different claims")
    note = check_text(note, "note") if note and note.strip() else None
    reviewer = reviewer_name()
    if reviewer is not None:
        reviewer = check_name(reviewer, "reviewer's name (the login name)")
    settings = conflict_settings(window, tolerance, factor)
    store = open_store_of(ctx)
    a, b = sorted((first, second))
    claim_a, claim_b = store.get_claim(a), store.get_claim(b)
    match = [
        conflict
        for conflict, _, _ in stored_conflicts(store, settings, claim_a.topic)
        if conflict.pair == (a, b)
    ]
    if not match:
        raise ClaimtrackError(
            f"claims {a} and {b} do not conflict under these settings; see `claimtrack conflicts`"
        )
    decision = "dismissed" if dismiss else "confirmed"
    store.add_review(
        Review(
            claim_a=a,
            claim_b=b,
            kind=match[0].kind,
            decision=decision,
            note=note,
            reviewer=reviewer,
            created_at=utc_now(),
            a_updated_at=claim_a.updated_at,
            b_updated_at=claim_b.updated_at,
        )
    )
    typer.echo(f"Recorded: the {match[0].kind} between #{a} and #{b} is {decision}.")


def reviewer_name() -> str | None:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None
