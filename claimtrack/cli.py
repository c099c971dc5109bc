"""The command line: parse arguments, call the core, pick a renderer, set the exit code.

Heavy modules (rich, sqlite-utils, dateutil) are imported inside the commands
that need them, so that `claimtrack --help` and `claimtrack add` start fast.
"""

from __future__ import annotations

import gc
import shlex
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperGroup

from claimtrack import __version__
from claimtrack.errors import ClaimtrackError, DatabaseError, ExitCode, NotFoundError

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from claimtrack.claims import Claim
    from claimtrack.conflicts import Conflict, Review, Section, Settings
    from claimtrack.db import Store
    from claimtrack.extract import Candidate


class ClaimtrackGroup(TyperGroup):
    """The one exit point: every error becomes one 'Error:' line and an exit code."""

    def main(self, args: Any = None, *a: Any, standalone_mode: bool = True, **kw: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in argv
        # A command is a short process whose claims hold no reference cycles; the
        # cyclic collector would only re-scan them (a third of `conflicts` at a
        # million claims). Reference counting still frees everything.
        collecting = gc.isenabled()
        gc.disable()
        try:
            result = super().main(argv, *a, standalone_mode=False, **kw)
        except ClaimtrackError as error:
            code, message = error.exit_code, error.message
        except sqlite3.Error as error:
            from claimtrack.db import describe_sqlite_error

            translated = describe_sqlite_error(error)
            code, message = translated.exit_code, translated.message
        except typer.Abort:
            code, message = ExitCode.INPUT, "aborted"
        except Exception as error:
            from typer._click.exceptions import ClickException

            if not isinstance(error, ClickException):
                raise
            code, message = ExitCode(error.exit_code), error.format_message()
        else:
            code = result if isinstance(result, int) else ExitCode.OK
            if standalone_mode:
                sys.exit(code)
            return code
        finally:
            if collecting:
                gc.enable()
        if debug:
            raise
        from claimtrack.escape import inert

        typer.echo(f"Error: {inert(' '.join(message.split()))}", err=True)
        if standalone_mode:
            sys.exit(int(code))
        return int(code)


app = typer.Typer(
    cls=ClaimtrackGroup,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Track competing figures in news claims: who said what number, when, and where.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimtrack {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Path | None = typer.Option(
        None,
        "--db",
        envvar="CLAIMTRACK_DB",
        help="Database file [default: claims.db in the user's app folder; env CLAIMTRACK_DB].",
        show_default=False,
    ),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback on errors."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Track competing figures in news claims: who said what number, when, and where.

    \b
    Example:
      claimtrack add "The U.S. confirms 3,000 North Korean troops are in Russia" \\
        --source US --date 2024-10-23
    """
    ctx.obj = {"db": db}


# --- helpers ------------------------------------------------------------------------


def _store(ctx: typer.Context) -> Store:
    from claimtrack.db import open_store

    store = open_store(ctx.find_root().obj["db"])
    ctx.call_on_close(store.close)
    return store


def _console(err: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=err, highlight=False, emoji=False, markup=False)


def _print(renderable: RenderableType) -> None:
    _console().print(renderable)


def _json(value: object) -> None:
    from claimtrack.render import json_text

    typer.echo(json_text(value))


def _one_format(**flags: bool) -> None:
    chosen = [name for name, on in flags.items() if on]
    if len(chosen) > 1:
        raise ClaimtrackError(f"choose one output format, not {' and '.join(chosen)}")


def _today() -> date:
    return date.today()


def _check_limit(limit: int | None) -> None:
    if limit is not None and limit < 0:
        raise ClaimtrackError(f"--limit must be 0 or more, not {limit}")


SOURCE_HELP = "Who made the claim (the claimant), e.g. 'US' or 'Volodymyr Zelensky'."
DATE_HELP = "When it was said: 2024-10-23, 23 Oct 2024, October 2024, 2024, yesterday..."
AS_OF_HELP = "The date the figure refers to, when it differs from --date."
FIGURE_HELP = "The figure, if not read from the text: '3,000', 'up to 10,000', '10-12k'."
STANCE_HELP = (
    "asserts, confirms, alleges, claims, estimates, reports or denies [default: from the verb]."
)


# --- claims ---------------------------------------------------------------------------


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
        today=_today(),
        date_text=date_text,
        as_of_text=as_of,
        topic=topic,
        url=url,
        figure_text=figure,
        unit=unit,
        stance=stance,
        tags=tag,
        note=note,
    )
    stored, filing = _store(ctx).add_claim(claim)
    if as_json:
        _json(stored.to_json())
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
    search: str | None = typer.Option(None, "--search", "-q", help="Full-text search (FTS5)."),
    limit: int | None = typer.Option(None, "--limit", "-n", help="At most N claims."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
    as_csv: bool = typer.Option(False, "--csv", help="Print CSV."),
) -> None:
    """List claims, newest first.

    \b
    Example:
      claimtrack list --topic "North Korean troops in Russia" --since 2024-10-01 --limit 20
    """
    _one_format(json=as_json, csv=as_csv)
    _check_limit(limit)
    claims = _claims(_store(ctx), topic, source, since, until, search=search, limit=limit)
    if as_json:
        _json([claim.to_json() for claim in claims])
    elif as_csv:
        from claimtrack.render import claims_csv

        _write(claims_csv(claims), None)
    else:
        from claimtrack.render import claims_table

        console = _console()
        console.print(claims_table(claims, console.width))


def _claims(
    store: Store,
    topic: str | None = None,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    **options: Any,
) -> Iterator[Claim]:
    """The claims a listing command asks for, its --since and --until read as dates."""
    today = _today()
    return store.list_claims(
        topic=topic,
        source=source,
        since=_date_bound(since, today),
        until=_date_bound(until, today),
        **options,
    )


def _date_bound(text: str | None, today: date) -> str | None:
    if text is None:
        return None
    from claimtrack.dates import parse_date

    return parse_date(text, today, future=True).iso


@app.command("show")
def claims_show(
    ctx: typer.Context,
    claim_id: int = typer.Argument(..., metavar="ID", help="The claim's id."),
    as_json: bool = typer.Option(False, "--json", help="Print the claim as JSON."),
) -> None:
    """Show one claim in full.

    \b
    Example:
      claimtrack show 3 --json
    """
    store = _store(ctx)
    claim = store.get_claim(claim_id)
    if as_json:
        _json(claim.to_json())
        return
    from claimtrack.render import claim_detail

    involved = [
        (conflict, status)
        for conflict, status, _ in _conflicts(store, _settings(), topic=claim.topic)
        if claim_id in conflict.pair
    ]
    _print(claim_detail(claim, involved))


@app.command("edit")
def claims_edit(
    ctx: typer.Context,
    claim_id: int = typer.Argument(..., metavar="ID", help="The claim's id."),
    text: str | None = typer.Option(None, "--text", help="New text (figure and stance re-read)."),
    source: str | None = typer.Option(None, "--source", "-s", help=SOURCE_HELP),
    date_text: str | None = typer.Option(None, "--date", "-d", help=DATE_HELP),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP + " '' clears it."),
    topic: str | None = typer.Option(None, "--topic", "-t", help="Move to this topic."),
    url: str | None = typer.Option(None, "--url", help="Where it was published; '' clears it."),
    figure: str | None = typer.Option(None, "--figure", "-f", help=FIGURE_HELP),
    unit: str | None = typer.Option(None, "--unit", help="What is counted, e.g. troops."),
    stance: str | None = typer.Option(None, "--stance", help=STANCE_HELP),
    tag: list[str] | None = typer.Option(None, "--tag", help="Replace the tags; repeat."),
    note: str | None = typer.Option(None, "--note", help="A private note; '' clears it."),
    as_json: bool = typer.Option(False, "--json", help="Print the updated claim as JSON."),
) -> None:
    """Change a claim; the previous version is kept in its history.

    \b
    Example:
      claimtrack edit 3 --figure "up to 12,000" --date 2024-10-30
    """
    from claimtrack.claims import edit_changes

    store = _store(ctx)
    current = store.get_claim(claim_id)
    changes = edit_changes(
        current,
        today=_today(),
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
    )
    if not changes:
        raise ClaimtrackError("nothing to change; give at least one option such as --text")
    claim = store.update_claim(claim_id, changes)
    if as_json:
        _json(claim.to_json())
        return
    from claimtrack.render import claim_detail

    typer.echo(f"Updated claim #{claim.id}.")
    _print(claim_detail(claim))


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
    from claimtrack.claims import check_verdict

    changes = {
        "verdict": check_verdict(verdict),
        "verdict_explanation": explanation.strip() if explanation and explanation.strip() else None,
        "verdict_at": _utc_now(),
    }
    claim = _store(ctx).update_claim(claim_id, changes)
    if as_json:
        _json(claim.to_json())
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
    claim = _store(ctx).delete_claim(claim_id)
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
    claim = _store(ctx).restore_claim(claim_id)
    typer.echo(f"Restored claim #{claim.id}.")


@app.command("history")
def claims_history(
    ctx: typer.Context,
    claim_id: int = typer.Argument(..., metavar="ID", help="The claim's id."),
    as_json: bool = typer.Option(False, "--json", help="Print the versions as JSON."),
) -> None:
    """Show every version of a claim, oldest first.

    \b
    Example:
      claimtrack history 3
    """
    store = _store(ctx)
    versions = store.history(claim_id)
    current = store.get_claim(claim_id, deleted=True)
    if as_json:
        _json(
            {
                "versions": versions,
                "current": current.to_json(),
                "removed": bool(current.deleted_at),
            }
        )
        return
    from claimtrack.render import history_table

    _print(history_table(versions, current))


# --- conflicts ---------------------------------------------------------------------------

WINDOW_HELP = "Compare claims at most this many days apart; 0 for any distance."
TOLERANCE_HELP = "Widen each figure by this percentage before testing overlap."
FACTOR_HELP = "Flag a figure this many times below an 'up to' maximum."


def _settings(window: int = 30, tolerance: float = 10.0, factor: float = 1.5) -> Settings:
    from claimtrack.conflicts import Settings

    return Settings(window_days=window, tolerance=tolerance / 100, factor=factor)


def _conflicts(
    store: Store, settings: Settings, topic: str | None = None
) -> list[tuple[Conflict, str, Review | None]]:
    from claimtrack.conflicts import Conflict, iter_conflicts, review_status

    found = iter_conflicts(store.live_claims(topic), settings, store.cumulative_topics())
    reviews = store.reviews()
    return [(c, *review_status(c, reviews)) for c in sorted(found, key=Conflict.sort_key)]


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

    settings = _settings(window, tolerance, factor)
    if kind is not None and kind not in KINDS:
        raise ClaimtrackError(f"unknown kind {kind!r}; use one of: {', '.join(KINDS)}")
    store = _store(ctx)
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
        _json(
            [conflict_json(*row) for row in _conflicts(store, settings, topic) if wanted(*row[:2])]
        )
        return
    from claimtrack.render import conflicts_view

    # One pass gives each topic its claims (for the spread) and its conflicts.
    _print(conflicts_view(_only(_sections(store, settings, topic=topic), wanted)))


def _only(sections: Iterable[Section], wanted: Callable[[Conflict, str], bool]) -> list[Section]:
    """The sections with only the conflicts wanted."""
    from dataclasses import replace

    return [
        replace(s, conflicts=[row for row in s.conflicts if wanted(*row[:2])]) for s in sections
    ]


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
    from claimtrack.conflicts import Review

    if dismiss == confirm:
        raise ClaimtrackError("give exactly one of --dismiss or --confirm")
    if first == second:
        raise ClaimtrackError("a review needs two different claims")
    settings = _settings(window, tolerance, factor)
    store = _store(ctx)
    a, b = sorted((first, second))
    claim_a, claim_b = store.get_claim(a), store.get_claim(b)
    match = [
        conflict
        for conflict, _, _ in _conflicts(store, settings, claim_a.topic)
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
            note=note.strip() if note and note.strip() else None,
            reviewer=_reviewer(),
            created_at=_utc_now(),
            a_updated_at=claim_a.updated_at,
            b_updated_at=claim_b.updated_at,
        )
    )
    typer.echo(f"Recorded: the {match[0].kind} between #{a} and #{b} is {decision}.")


def _reviewer() -> str | None:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


def _utc_now() -> str:
    from claimtrack.db import utc_now

    return utc_now()


# --- timeline, exports, import, demo ---------------------------------------------------


def _sections(
    store: Store,
    settings: Settings | None = None,
    *,
    topic: str | None = None,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Iterator[Section]:
    """Each topic's claims in date order with their conflicts and revisions."""
    from claimtrack.conflicts import sections

    claims = _claims(store, topic, source, since, until, order="topic")
    return sections(claims, store.reviews(), settings or _settings(), store.cumulative_topics())


@app.command("timeline")
def timeline_show(
    ctx: typer.Context,
    topic: str | None = typer.Argument(None, help="Only this topic [default: all]."),
    source: str | None = typer.Option(None, "--source", "-s", help="Only this source."),
    since: str | None = typer.Option(None, "--since", help="Only claims dated on or after."),
    until: str | None = typer.Option(None, "--until", help="Only claims dated on or before."),
    conflicts_only: bool = typer.Option(
        False, "--conflicts-only", help="Only claims that take part in a conflict."
    ),
) -> None:
    """Print claims in date order, by topic, with conflicts and revisions marked.

    \b
    Example:
      claimtrack timeline "North Korean troops in Russia" --since 2024-10-01
    """
    from claimtrack.render import timeline_view

    found = list(_sections(_store(ctx), topic=topic, source=source, since=since, until=until))
    _print(timeline_view(found, conflicts_only))


@app.command("export")
def timeline_export(
    ctx: typer.Context,
    fmt: str = typer.Argument(
        ..., metavar="FORMAT", help="markdown, json, jsonl, csv, claimreview or timelinejs."
    ),
    topic: str | None = typer.Option(None, "--topic", "-t", help="Only this topic."),
    since: str | None = typer.Option(None, "--since", help="Only claims dated on or after."),
    until: str | None = typer.Option(None, "--until", help="Only claims dated on or before."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file."),
    stamp: bool = typer.Option(False, "--stamp", help="Add the time of export."),
) -> None:
    """Export claims as Markdown, JSON, JSON lines, CSV, ClaimReview or TimelineJS.

    \b
    Example:
      claimtrack export markdown --topic "North Korean troops in Russia" -o timeline.md
    """
    from claimtrack import exports
    from claimtrack.render import claims_csv

    if fmt not in exports.FORMATS:
        raise ClaimtrackError(f"unknown format {fmt!r}; use one of: {', '.join(exports.FORMATS)}")
    store = _store(ctx)
    when = _utc_now() if stamp else None
    filters = {"topic": topic, "since": since, "until": until}

    def claims() -> Iterator[Claim]:
        return _claims(store, order="topic", **filters)

    if fmt == "markdown":
        chunks = exports.markdown(_sections(store, **filters), when)
    elif fmt == "json":
        chunks = exports.json_document(
            claims(),
            _sections(store, **filters),
            store.all_reviews(),
            store.sources(),
            store.topics(),
            when,
        )
    elif fmt == "jsonl":
        chunks = exports.jsonl(claims())
    elif fmt == "csv":
        chunks = claims_csv(claims())
    elif fmt == "claimreview":
        chunks = exports.claimreview(claims())
    else:
        chunks = exports.timelinejs(claims())
    _write(chunks, output)


def _write(chunks: Iterable[str], output: Path | None) -> None:
    """Write to stdout, or to a file that appears whole or not at all."""
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        return
    import os
    import tempfile

    if output.is_dir():
        raise ClaimtrackError(f"{output} is a directory; give a file name")
    folder = output.parent if str(output.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{output.name}.")
    except OSError as error:
        raise ClaimtrackError(f"cannot write to {output}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            for chunk in chunks:
                out.write(chunk)
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@app.command("import")
def claims_import(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="A csv, json or jsonl file."),
    fmt: str | None = typer.Option(
        None, "--format", help="csv, json or jsonl [default: from name]."
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Report what would happen; write nothing."
    ),
    skip_errors: bool = typer.Option(
        False, "--skip-errors", help="Import the good rows and list the bad ones."
    ),
) -> None:
    """Import claims in bulk; a file imported twice adds nothing the second time.

    \b
    Example:
      claimtrack import claims.csv --dry-run
    """
    added, present, skipped = _import_file(_store(ctx), file, fmt, dry_run, skip_errors)
    if dry_run:
        typer.echo(
            f"Dry run of {file}: would add {added}, {present} already present, "
            f"{skipped} skipped; nothing written."
        )
    else:
        typer.echo(f"Imported {file}: {added} added, {present} already present, {skipped} skipped.")


def _import_file(
    store: Store, file: Path, fmt: str | None, dry_run: bool, skip_errors: bool
) -> tuple[int, int, int]:
    """Read, check and (unless dry_run) store a file: (added, already present, skipped)."""
    from claimtrack.importer import detect_format, read_batch

    batch = read_batch(file, detect_format(file, fmt), _today(), stop_on_error=not skip_errors)
    new = store.not_stored((row.claim, row.original_id) for row in batch.rows)
    if dry_run:
        would_add = sum(1 for _ in new)
    else:
        with _progress(batch.count) as advance:
            would_add = store.import_claims(
                new,
                batch.file_ids,
                batch.reviews,
                batch.aliases,
                batch.cumulative_topics,
                progress=advance,
            )
    for error in batch.errors:
        typer.echo(f"Skipped: {error}", err=True)
    return would_add, new.present, len(batch.errors)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A rich progress bar on stderr, for large imports on a terminal only."""
    if total < 1000 or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(console=_console(err=True), transient=True) as bar:
        task = bar.add_task("Importing", total=total)
        yield lambda n: bar.advance(task, n)


@app.command("demo")
def demo_run(
    ctx: typer.Context,
    db: Path | None = typer.Option(
        None, "--db", help="Load into this file [default: a new temporary database]."
    ),
) -> None:
    """Load the bundled sample data set (North Korea-Russia, 2024) and show it.

    \b
    Example:
      claimtrack demo --db demo.db
    """
    import tempfile

    from claimtrack.data_files import demo_data_path
    from claimtrack.db import open_store
    from claimtrack.render import conflicts_view, timeline_view

    path = db or Path(tempfile.mkdtemp(prefix="claimtrack-demo-")) / "demo.db"
    store = open_store(path)
    ctx.call_on_close(store.close)
    added, present, _ = _import_file(store, demo_data_path(), "json", False, False)
    typer.echo(
        f"Loaded the sample data set into {path}: {added} claims added, {present} already there."
    )
    console = _console()
    story = list(_sections(store))
    console.rule("Timeline")
    console.print(timeline_view(story))
    console.rule("Open conflicts")
    still_open = _only(story, lambda _, status: status != "dismissed")
    console.print(conflicts_view(still_open))
    console.rule("Try next")
    db_arg = shlex.quote(str(path))
    first = next((s.conflicts[0][0] for s in still_open if s.conflicts), None)
    lines = [f"claimtrack --db {db_arg} conflicts --kind contradiction --json"]
    if first is not None:
        a, b = first.pair
        lines.append(f"claimtrack --db {db_arg} review {a} {b} --confirm --note 'checked'")
        lines.append(
            f"claimtrack --db {db_arg} timeline {shlex.quote(first.topic)} --conflicts-only"
        )
    lines.append(f"claimtrack --db {db_arg} export markdown -o timeline.md")
    for line in lines:
        typer.echo("  " + line)


# --- extraction ---------------------------------------------------------------------------

SAVE_THRESHOLD = 0.6


@app.command("extract")
def claims_extract(
    ctx: typer.Context,
    source: str = typer.Argument(..., help="A text or HTML file, - for stdin, or an http(s) URL."),
    published: str | None = typer.Option(
        None, "--published", help="When the article appeared [default: from the page, if any]."
    ),
    url: str | None = typer.Option(None, "--url", help="The article's address, kept on claims."),
    as_json: bool = typer.Option(False, "--json", help="Print the candidates as JSON."),
    save: bool = typer.Option(
        False, "--save", help=f"Add candidates of confidence {SAVE_THRESHOLD} or more."
    ),
    interactive: bool = typer.Option(
        False, "--interactive", "-i", help="Accept, edit or skip each candidate, then save."
    ),
) -> None:
    """Propose the claims in a news article: who states what figure, or denies what.

    \b
    Example:
      claimtrack extract article.html --published 2024-10-25 --save
    """
    from claimtrack.article import load_article
    from claimtrack.claims import check_url
    from claimtrack.dates import parse_date
    from claimtrack.extract import extract_claims

    if save and interactive:
        raise ClaimtrackError("choose --save or --interactive, not both")
    if as_json and interactive:
        raise ClaimtrackError("--json cannot be interactive; drop one of them")
    today = _today()
    when = parse_date(published, today).start if published else None
    address = check_url(url) if url else None
    article = load_article(source, sys.stdin)
    text = article.text
    if article.title and article.title.strip() not in text[: len(article.title) + 200]:
        text = f"{article.title}\n\n{text}"
    when = when or article.published
    address = address or article.url
    store = _store(ctx) if (save or interactive) else _existing_store(ctx)
    known = store.known_sources() if store is not None else {}
    candidates = extract_claims(text, when, known)
    if as_json:
        _json([c.to_json(address) for c in candidates])
    elif not interactive:
        from claimtrack.render import candidates_table

        _print(candidates_table(candidates))
    if interactive:
        chosen = _review_candidates(candidates, today)
    elif save:
        chosen = [c for c in candidates if c.confidence >= SAVE_THRESHOLD]
    else:
        return
    assert store is not None
    new = store.not_stored((c.to_claim(when or today, address), None) for c in chosen)
    added = store.import_claims(new)
    present = new.present
    where = f" from {address}" if address else ""
    typer.echo(f"Saved {added} new claim(s){where}; {present} already stored.", err=as_json)


def _existing_store(ctx: typer.Context) -> Store | None:
    """The database, if there is one: reading known sources must not create it."""
    from claimtrack.db import default_path

    path = ctx.find_root().obj["db"] or default_path()
    return _store(ctx) if Path(path).exists() else None


def _review_candidates(candidates: list[Candidate], today: date) -> list[Candidate]:
    """Walk the candidates: accept, edit a field, skip, or quit (keeping those accepted)."""
    from claimtrack.render import candidate_text

    accepted: list[Candidate] = []
    for number, candidate in enumerate(candidates, start=1):
        while True:
            typer.echo(f"\n[{number}/{len(candidates)}] {candidate_text(candidate)}")
            choice = typer.prompt("[a]ccept, [e]dit, [s]kip, [q]uit", default="a").strip().lower()
            if choice in ("a", "accept"):
                accepted.append(candidate)
                break
            if choice in ("s", "skip"):
                break
            if choice in ("q", "quit"):
                return accepted
            if choice in ("e", "edit"):
                field = typer.prompt("field (source, figure, stance, date, unit, text)").strip()
                value = typer.prompt("new value")
                try:
                    candidate = candidate.edited(field, value, today)
                except ClaimtrackError as error:
                    typer.echo(f"Not changed: {error.message}")
                continue
            typer.echo("Please answer a, e, s or q.")
    return accepted


# --- data safety ------------------------------------------------------------------------


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
    _store(ctx).backup(target)
    typer.echo(f"Backed up to {target}.")


@app.command("check")
def db_check(
    ctx: typer.Context,
    repair: bool = typer.Option(False, "--repair", help="Rebuild the full-text index."),
) -> None:
    """Check the database: integrity, full-text index, schema version and links.

    \b
    Example:
      claimtrack check
    """
    store = _store(ctx)
    if repair:
        store.rebuild_search_index()
        typer.echo("Rebuilt the full-text index.")
    results = store.check()
    for what, ok, words in results:
        typer.echo(f"{what + ':':17}{words if ok else 'PROBLEM: ' + words}")
    problems = sum(not ok for _, ok, _ in results)
    if problems:
        raise DatabaseError(f"the database has {problems} problem(s); see above")


# --- topics and sources ---------------------------------------------------------------

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
    records = _store(ctx).topics()
    if as_json:
        _json(records)
        return
    from claimtrack.render import records_table

    _print(records_table(records, ("id", "name", "claims", "first", "last", "cumulative")))


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
    if cumulative is None:
        raise ClaimtrackError("nothing to change; give --cumulative or --no-cumulative")
    name = _store(ctx).set_cumulative(topic, cumulative)
    state = "cumulative (figures can only grow)" if cumulative else "not cumulative"
    typer.echo(f"Topic {name!r} is now {state}.")


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
    records = _store(ctx).sources()
    if as_json:
        _json(records)
        return
    from claimtrack.render import records_table

    _print(records_table(records, ("id", "name", "claims", "aliases")))


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
    target, moved = _store(ctx).add_alias(alias, name)
    extra = f"; {moved} claim(s) moved to it" if moved else ""
    typer.echo(f"{alias.strip()!r} now means source {target!r}{extra}.")


def main() -> None:
    app()
