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


@app.command("copy")
def db_copy(
    source: str = typer.Argument(..., metavar="SRC", help="The store to copy: a file or a URL."),
    target: str = typer.Argument(..., metavar="DST", help="The store to copy into."),
) -> None:
    """Copy a whole store into another, SQLite to PostgreSQL or back, ids and all.

    Claims with their quantities, their history, reviews, sources with their
    aliases and affiliations, topics and their kinds, and the stored conflicts
    all go across in one transaction on DST; run again, it adds nothing.

    \b
    Example:
      claimtrack copy claims.db postgresql://maria@db.example.org/newsdesk
    """
    from claimtrack.db import is_url, open_store

    if not is_url(source) and not Path(source).is_file():
        raise ClaimtrackError(f"there is no store at {source}")
    origin = open_store(source)
    try:
        destination = open_store(target)
        try:
            if origin.name == destination.name:
                raise ClaimtrackError("SRC and DST are the same store")
            added = destination.copy_from(origin)
        finally:
            destination.close()
    finally:
        origin.close()
    counts = ", ".join(f"{n} {COPIED_WORDS[table]}" for table, n in added.items() if n)
    typer.echo(f"Copied {counts}." if counts else "Nothing to copy: DST holds it all already.")


# What a person calls the rows of each copied table.
COPIED_WORDS = {
    "sources": "sources",
    "source_aliases": "aliases",
    "topics": "topics",
    "topic_terms": "topic words",
    "claims": "claims",
    "claim_history": "earlier versions",
    "reviews": "reviews",
    "quantity_kinds": "kinds set by hand",
    "conflicts": "stored conflicts",
}


@app.command("check")
def db_check(
    ctx: typer.Context,
    repair: bool = typer.Option(
        False,
        "--repair",
        help="Rebuild the full-text indexes and the stored conflicts; remove the decisions "
        "that cannot be read.",
    ),
) -> None:
    """Check the database: integrity, search index, schema, links and conflicts.

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
                "indexes and the stored conflicts, and would write to the damaged file: "
                "go back to a backup"
            )
        removed = store.remove_unreadable_decisions()
        if removed:
            typer.echo(f"Removed {removed} decision(s) or kind(s) that could not be read.")
        store.rebuild_search_index()
        typer.echo("Rebuilt the full-text indexes.")
        typer.echo(f"Rebuilt the stored conflicts: {store.rebuild_conflicts()}.")
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
    """List topics with live claims, their quantities and how each is compared.

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
    from claimtrack.quantities import label_of
    from claimtrack.render import records_table

    for record in records:
        quantities = record["quantities"]
        record["measures"] = [f"{label_of(q)} ({k})" for q, k in quantities.items()]  # type: ignore[union-attr]
    show(records_table(records, ("id", "name", "claims", "first", "last", "measures")))


@topics_app.command("set")
def topics_set(
    ctx: typer.Context,
    topic: str = typer.Argument(..., help="The topic's name."),
    kind: str | None = typer.Option(
        None,
        "--kind",
        help="level (moves both ways), cumulative (only grows), event (one number for one "
        "event), or auto (the default of each quantity's state).",
    ),
    quantity: str | None = typer.Option(
        None, "--quantity", "-m", help="Only this quantity [default: all of the topic's]."
    ),
    cumulative: bool | None = typer.Option(
        None,
        "--cumulative/--no-cumulative",
        help="Same as --kind cumulative / --kind auto.",
    ),
) -> None:
    """Set how a topic's quantities move in time, which decides what is compared.

    \b
    Example:
      claimtrack topics set "Floods in Derna" --kind level --quantity "people missing"
    """
    from claimtrack.claims import check_quantity_key
    from claimtrack.escape import inert
    from claimtrack.quantities import KIND_WORDS, KINDS, label_of, parse_quantity

    if cumulative is not None:
        if kind is not None:
            raise ClaimtrackError("give --kind or --cumulative/--no-cumulative, not both")
        kind = "cumulative" if cumulative else "auto"
    if kind is None:
        raise ClaimtrackError("nothing to change; give --kind (or --cumulative/--no-cumulative)")
    if kind not in (*KINDS, "auto"):
        raise ClaimtrackError(f"unknown kind {kind!r}; use one of: {', '.join(KINDS)}, auto")
    key = check_quantity_key(parse_quantity(quantity).key) if quantity is not None else None
    name = open_store_of(ctx).set_kind(topic, None if kind == "auto" else kind, key)
    what = f"{label_of(key)} ({key})" if key else "every quantity"
    state = (
        "now follows the default of its state"
        if kind == "auto"
        else f"is now {kind}: {KIND_WORDS[kind]}"
    )
    typer.echo(inert(f"Topic {name!r}: {what} {state}."))


@topics_app.command("rename")
def topics_rename(
    ctx: typer.Context,
    old: str = typer.Argument(..., help="The topic's name."),
    new: str = typer.Argument(..., help="Its new name."),
) -> None:
    """Rename a topic; its claims, settings and conflicts follow.

    \b
    Example:
      claimtrack topics rename "People in Derna" "Floods in Derna"
    """
    from claimtrack.claims import check_name
    from claimtrack.escape import inert

    before, after = open_store_of(ctx).rename_topic(old, check_name(new, "new name"))
    typer.echo(inert(f"Renamed topic {before!r} to {after!r}."))


@topics_app.command("merge")
def topics_merge(
    ctx: typer.Context,
    source: str = typer.Argument(..., metavar="FROM", help="The topic to empty."),
    target: str = typer.Argument(..., metavar="INTO", help="The topic its claims join."),
) -> None:
    """Move every claim of topic FROM into INTO, which keeps its name and settings.

    \b
    Example:
      claimtrack topics merge "Abdulmenam al-Ghaithi" "Floods in Derna"
    """
    from claimtrack.escape import inert

    before, after, moved = open_store_of(ctx).merge_topics(source, target)
    typer.echo(inert(f"Merged topic {before!r} into {after!r}: {moved} claim(s) moved."))


@sources_app.callback(invoke_without_command=True)
def sources_list(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """List sources with their claim counts, whom they speak for, and aliases.

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

    show(records_table(records, ("id", "name", "claims", "speaks_for", "aliases")))


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


@sources_app.command("affiliate")
def sources_affiliate(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="Who speaks, e.g. 'Igor Petrov'."),
    organisation: str | None = typer.Argument(
        None, metavar="[ORG]", help="Whom NAME speaks for, e.g. 'Defence Ministry'."
    ),
    none: bool = typer.Option(False, "--none", help="NAME speaks for nobody but itself."),
) -> None:
    """Say that source NAME speaks for source ORG: their claims are one voice.

    A spokesman's figure is then never a conflict with his ministry's, and a
    denial never counts against claims of its own voice. Both sources are
    created if new; --none clears it.

    \b
    Example:
      claimtrack sources affiliate "Igor Petrov" "Defence Ministry"
    """
    from claimtrack.escape import inert

    if none == (organisation is not None):
        raise ClaimtrackError("give exactly one of ORG or --none")
    stored, before, after = open_store_of(ctx).affiliate(name, organisation)
    if after is not None:
        was = f" (was {before!r})" if before and before != after else ""
        typer.echo(inert(f"{stored!r} now speaks for {after!r}{was}."))
    elif before is not None:
        typer.echo(inert(f"{stored!r} no longer speaks for {before!r}."))
    else:
        typer.echo(inert(f"{stored!r} spoke for nobody else; nothing changed."))
