"""Commands that look after the store: backup, check, topics and sources."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from claimtrack.cli.app import app
from claimtrack.cli.helpers import (
    echo_json,
    open_store_of,
    show,
)
from claimtrack.errors import ClaimtrackError, DatabaseError

if TYPE_CHECKING:
    pass


@app.command("backup")
def db_backup(
    ctx: typer.Context,
    target: Path = typer.Argument(..., metavar="PATH", help="The new backup file."),
) -> None:
    """Copy the database safely, even while other terminals are writing to it.

    \b
    Example:
      claimtrack backup ~/claims-2024-11-01.db
    """
    from claimtrack.escape import inert

    open_store_of(ctx).backup(target)
    typer.echo(f"Backed up to {inert(target)}.")


@app.command("check")
def db_check(
    ctx: typer.Context,
    repair: bool = typer.Option(False, "--repair", help="Rebuild the full-text indexes."),
) -> None:
    """Check the database: integrity, full-text index, schema version and links.

    \b
    Example:
      claimtrack check
    """
    from claimtrack.escape import inert

    store = open_store_of(ctx)
    if repair:
        intact, words = store.integrity()
        if not intact:  # writing to a damaged file can only spread the damage
            raise DatabaseError(
                f"the database is damaged ({words}); --repair rebuilds only the search "
                "index and would write to the damaged file: go back to a backup"
            )
        store.rebuild_search_index()
        typer.echo("Rebuilt the full-text indexes.")
    results = store.check()
    for what, ok, words in results:
        typer.echo(inert(f"{what + ':':17}{words if ok else 'PROBLEM: ' + words}"))
    problems = sum(not ok for _, ok, _ in results)
    if problems:
        raise DatabaseError(f"the database has {problems} problem(s); see above")


topics_app = typer.Typer(no_args_is_help=False)


sources_app = typer.Typer(no_args_is_help=False)
app.add_typer(topics_app, name="topics")
app.add_typer(sources_app, name="sources")


@topics_app.callback(invoke_without_command=True)
def topics_list(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """List topics with their claim counts.

    \b
    Example:
      claimtrack topics --json
    """
    if ctx.invoked_subcommand:
        return
    records = open_store_of(ctx).topics()
    if as_json:
        echo_json(records)
        return
    from claimtrack.render import records_table

    show(records_table(records, ("id", "name", "claims", "first", "last", "cumulative")))


@topics_app.command("set")
def topics_set(
    ctx: typer.Context,
    topic: str = typer.Argument(..., help="The topic's name."),
    cumulative: bool | None = typer.Option(
        None,
        "--cumulative/--no-cumulative",
        help="Its figures are running totals that can only grow (a death toll).",
    ),
) -> None:
    """Change a topic's settings.

    \b
    Example:
      claimtrack topics set "Deaths in Kursk" --cumulative
    """
    from claimtrack.escape import inert

    if cumulative is None:
        raise ClaimtrackError("nothing to change; give --cumulative or --no-cumulative")
    name = open_store_of(ctx).set_cumulative(topic, cumulative)
    state = "cumulative (figures can only grow)" if cumulative else "not cumulative"
    typer.echo(inert(f"Topic {name!r} is now {state}."))


@sources_app.callback(invoke_without_command=True)
def sources_list(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """List sources with their claim counts and aliases.

    \b
    Example:
      claimtrack sources --json
    """
    if ctx.invoked_subcommand:
        return
    records = open_store_of(ctx).sources()
    if as_json:
        echo_json(records)
        return
    from claimtrack.render import records_table

    show(records_table(records, ("id", "name", "claims", "aliases")))


@sources_app.command("alias")
def sources_alias(
    ctx: typer.Context,
    alias: str = typer.Argument(..., help="The other name, e.g. 'United States'."),
    name: str = typer.Argument(..., help="An existing source, e.g. 'US'."),
) -> None:
    """Make ALIAS another name of source NAME; claims under ALIAS move to NAME.

    \b
    Example:
      claimtrack sources alias "United States" US
    """
    from claimtrack.escape import inert

    target, moved = open_store_of(ctx).add_alias(alias, name)
    extra = f"; {moved} claim(s) moved to it" if moved else ""
    typer.echo(inert(f"{alias.strip()!r} now means source {target!r}{extra}."))
