"""Commands that record and read single claims: add, list, show, edit, rate, rm, restore, history."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import typer

from claimtrack.cli.app import app
from claimtrack.cli.helpers import (
    AS_OF_HELP,
    DATE_HELP,
    FIGURE_HELP,
    QUANTITY_HELP,
    SOURCE_HELP,
    STANCE_HELP,
    check_limit,
    current_date,
    echo_json,
    new_console,
    one_format,
    open_store_of,
    query_claims,
    show,
    utc_now,
    write_output,
)
from claimtrack.errors import ClaimtrackError

if TYPE_CHECKING:
    from claimtrack.claims import Claim


@app.command("add")
def claims_add(
    ctx: typer.Context,
    text: str = typer.Argument(..., help="The claim, in words, as reported."),
    source: str = typer.Option(..., "--source", "-s", help=SOURCE_HELP),
    date_text: str | None = typer.Option(
        None, "--date", "-d", help=DATE_HELP + " [default: today]"
    ),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP),
    topic: str | None = typer.Option(None, "--topic", "-t", help="Topic [default: best match]."),
    url: str | None = typer.Option(None, "--url", help="Where it was published (http/https)."),
    figure: str | None = typer.Option(None, "--figure", "-f", help=FIGURE_HELP),
    unit: str | None = typer.Option(None, "--unit", help="What is counted, e.g. troops."),
    quantity: str | None = typer.Option(None, "--quantity", "-m", help=QUANTITY_HELP),
    stance: str | None = typer.Option(None, "--stance", help=STANCE_HELP),
    tag: list[str] = typer.Option([], "--tag", help="A tag; repeat for more."),
    note: str | None = typer.Option(None, "--note", help="A private note."),
    as_json: bool = typer.Option(False, "--json", help="Print the stored claim as JSON."),
) -> None:
    """Add a claim; prints what was stored, including the figure read from the text.

    \b
    Example:
      claimtrack add "Zelensky alleges North Korea is mobilizing up to 10,000 soldiers" \\
        --source "Volodymyr Zelensky" --date 2024-10-25 --url https://example.org/a
    """
    from claimtrack.claims import build_claim

    claim = build_claim(
        text,
        source,
        today=current_date(),
        date_text=date_text,
        as_of_text=as_of,
        topic=topic,
        url=url,
        figure_text=figure,
        unit=unit,
        stance=stance,
        tags=tag,
        note=note,
        quantity=quantity,
    )
    stored, filing = open_store_of(ctx).add_claim(claim)
    if as_json:
        echo_json(stored.to_json())
        return
    from claimtrack.render import added_text

    typer.echo(added_text(stored, filing))


@app.command("list")
def claims_list(
    ctx: typer.Context,
    topic: str | None = typer.Option(None, "--topic", "-t", help="Only this topic."),
    source: str | None = typer.Option(None, "--source", "-s", help="Only this source."),
    since: str | None = typer.Option(None, "--since", help="Only claims dated on or after."),
    until: str | None = typer.Option(None, "--until", help="Only claims dated on or before."),
    search: str | None = typer.Option(
        None, "--search", "-q", help='Words (or "a phrase") in the text, source or topic.'
    ),
    fts: bool = typer.Option(
        False,
        "--fts",
        help="Read --search as the engine's own query over the text: FTS5 on SQLite (OR, NOT, "
        "NEAR, x*), tsquery on PostgreSQL (|, !, <->, x:*).",
    ),
    by: str | None = typer.Option(None, "--by", help="Only claims added by this person."),
    limit: int | None = typer.Option(None, "--limit", "-n", help="At most N claims."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
    as_csv: bool = typer.Option(False, "--csv", help="Print CSV."),
) -> None:
    """List claims, newest first.

    \b
    Example:
      claimtrack list --topic "North Korean troops in Russia" --since 2024-10-01 --limit 20
      claimtrack list --search "Zelensky 10,000"
    """
    one_format(json=as_json, csv=as_csv)
    limit = check_limit(limit)
    if fts and not search:
        raise ClaimtrackError("--fts reads the --search query; give --search too")
    claims = query_claims(
        open_store_of(ctx), topic, source, since, until, search=search, fts=fts, limit=limit, by=by
    )
    if not (as_json or as_csv):
        first = next(claims, None)
        if first is None:
            typer.echo(no_claims_line(search, topic, source, since, until, by, limit is not None))
            return
        claims = itertools.chain([first], claims)
    if as_json:
        echo_json([claim.to_json() for claim in claims])
    elif as_csv:
        from claimtrack.render import claims_csv

        write_output(claims_csv(claims), None)
    else:
        from claimtrack.render import claims_table

        console = new_console()
        console.print(claims_table(claims, console.width))


def no_claims_line(search: str | None, *filters: object) -> str:
    from claimtrack.escape import inert

    if search:
        return inert(f"No claims match {search!r}.")
    if any(filters):
        return "No claims match these filters."
    return "No claims yet; add one with `claimtrack add`."


@app.command("show")
def claims_show(
    ctx: typer.Context,
    claim_id: int = typer.Argument(..., metavar="ID", help="The claim's id."),
    as_json: bool = typer.Option(False, "--json", help="Print the claim as JSON."),
) -> None:
    """Show one claim in full, with its conflicts and the decisions on them.

    \b
    Example:
      claimtrack show 3 --json
    """
    store = open_store_of(ctx)
    claim = store.get_claim(claim_id)
    if as_json:
        echo_json(claim.to_json())
        return
    from claimtrack.render import claim_detail

    show(
        claim_detail(claim, store.stored_rows(claim_id=claim_id), store.decisions_on(claim_id)),
        crop=False,
    )


@app.command("edit")
def claims_edit(
    ctx: typer.Context,
    claim_ids: list[int] = typer.Argument(..., metavar="ID...", help="The claims' ids."),
    text: str | None = typer.Option(None, "--text", help="New text (figure and stance re-read)."),
    source: str | None = typer.Option(None, "--source", "-s", help=SOURCE_HELP),
    date_text: str | None = typer.Option(None, "--date", "-d", help=DATE_HELP),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP + " '' clears it."),
    topic: str | None = typer.Option(None, "--topic", "-t", help="Move to this topic."),
    url: str | None = typer.Option(None, "--url", help="Where it was published; '' clears it."),
    figure: str | None = typer.Option(None, "--figure", "-f", help=FIGURE_HELP),
    unit: str | None = typer.Option(None, "--unit", help="What is counted, e.g. troops."),
    quantity: str | None = typer.Option(
        None, "--quantity", "-m", help=QUANTITY_HELP + " '' clears it."
    ),
    stance: str | None = typer.Option(None, "--stance", help=STANCE_HELP),
    tag: list[str] | None = typer.Option(None, "--tag", help="Replace the tags; repeat."),
    note: str | None = typer.Option(None, "--note", help="A private note; '' clears it."),
    as_json: bool = typer.Option(False, "--json", help="Print the updated claims as JSON."),
) -> None:
    """Change one claim, or several at once; earlier versions stay in the history.

    \b
    Example:
      claimtrack edit 3 --figure "up to 12,000" --date 2024-10-30
      claimtrack edit 3 4 5 --unit missing --topic "Missing after the floods"
    """
    from claimtrack.claims import edit_changes

    ids = list(dict.fromkeys(claim_ids))  # each once, in the order given
    if text is not None and len(ids) > 1:
        raise ClaimtrackError("--text changes one claim at a time; give one id")
    today = current_date()

    def changes_of(current: Claim) -> dict[str, object]:
        changes = edit_changes(
            current,
            today=today,
            text=text,
            source=source,
            date_text=date_text,
            as_of_text=as_of,
            topic=topic,
            url=url,
            figure_text=figure,
            unit=unit,
            stance=stance,
            tags=tag,
            note=note,
            quantity=quantity,
        )
        if not changes:
            raise ClaimtrackError("nothing to change; give at least one option such as --text")
        return changes

    results = open_store_of(ctx).update_claims(ids, changes_of)
    if as_json:
        claims = [after.to_json() for _, after in results]
        echo_json(claims[0] if len(ids) == 1 else claims)
        return
    if len(ids) == 1:
        from claimtrack.render import claim_detail

        claim = results[0][1]
        typer.echo(f"Updated claim #{claim.id}.")
        show(claim_detail(claim), crop=False)
        return
    from claimtrack.render import bulk_edit_line

    typer.echo(bulk_edit_line(results))


@app.command("rate")
def claims_rate(
    ctx: typer.Context,
    claim_id: int = typer.Argument(..., metavar="ID", help="The claim's id."),
    verdict: str = typer.Argument(
        ...,
        help="unverified, corroborated, disputed, false, misleading or retracted.",
    ),
    explanation: str | None = typer.Option(None, "--explanation", "-e", help="Why."),
    as_json: bool = typer.Option(False, "--json", help="Print the updated claim as JSON."),
) -> None:
    """Record a verdict on a claim.

    \b
    Example:
      claimtrack rate 5 disputed --explanation "No other source puts the figure above 3,000"
    """
    from claimtrack.claims import check_text, check_verdict

    changes = {
        "verdict": check_verdict(verdict),
        "verdict_explanation": (
            check_text(explanation, "explanation") if explanation and explanation.strip() else None
        ),
        "verdict_at": utc_now(),
    }
    claim = open_store_of(ctx).update_claim(claim_id, changes)
    if as_json:
        echo_json(claim.to_json())
        return
    typer.echo(f"Claim #{claim.id} is now rated {claim.verdict}.")


@app.command("rm")
def claims_rm(
    ctx: typer.Context,
    claim_id: int = typer.Argument(..., metavar="ID", help="The claim's id."),
) -> None:
    """Remove a claim (undo with `claimtrack restore ID`).

    \b
    Example:
      claimtrack rm 3
    """
    claim = open_store_of(ctx).delete_claim(claim_id)
    typer.echo(f"Removed claim #{claim.id}; `claimtrack restore {claim.id}` brings it back.")


@app.command("restore")
def claims_restore(
    ctx: typer.Context,
    claim_id: int = typer.Argument(..., metavar="ID", help="The claim's id."),
) -> None:
    """Bring back a removed claim.

    \b
    Example:
      claimtrack restore 3
    """
    claim = open_store_of(ctx).restore_claim(claim_id)
    typer.echo(f"Restored claim #{claim.id}.")


@app.command("history")
def claims_history(
    ctx: typer.Context,
    claim_id: int = typer.Argument(..., metavar="ID", help="The claim's id."),
    as_json: bool = typer.Option(False, "--json", help="Print the versions as JSON."),
) -> None:
    """Show a claim as first added, then what each change did, field by field.

    \b
    Example:
      claimtrack history 3
    """
    store = open_store_of(ctx)
    versions = store.history(claim_id)
    current = store.get_claim(claim_id, deleted=True)
    if as_json:
        echo_json(
            {
                "versions": versions,
                "current": current.to_json(),
                "removed": bool(current.deleted_at),
            }
        )
        return
    from claimtrack.render import history_view

    show(history_view(versions, current))
