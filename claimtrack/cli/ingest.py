"""Commands that bring claims in: import files, extract claims from articles."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from claimtrack.cli.app import app
from claimtrack.cli.helpers import (
    current_date,
    echo_json,
    new_console,
    open_store_of,
    show,
)
from claimtrack.errors import ClaimtrackError

if TYPE_CHECKING:
    from claimtrack.db import Store
    from claimtrack.extract import Candidate


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
    from claimtrack.escape import inert

    added, present, skipped = import_file(open_store_of(ctx), file, fmt, dry_run, skip_errors)
    if dry_run:
        typer.echo(
            f"Dry run of {inert(file)}: would add {added}, {present} already present, "
            f"{skipped} skipped; nothing written."
        )
    else:
        typer.echo(
            f"Imported {inert(file)}: {added} added, {present} already present, {skipped} skipped."
        )


def import_file(
    store: Store, file: Path, fmt: str | None, dry_run: bool, skip_errors: bool
) -> tuple[int, int, int]:
    """Read, check and (unless dry_run) store a file: (added, already present, skipped)."""
    from claimtrack.importer import detect_format, read_batch

    batch = read_batch(
        file, detect_format(file, fmt), current_date(), stop_on_error=not skip_errors
    )
    new = store.not_stored((row.claim, row.original_id) for row in batch.rows)
    with closing(batch.rows):  # on Ctrl-C too: a second process checking rows stops now
        if dry_run:
            would_add = sum(1 for _ in new)
        else:
            with progress(batch.count) as advance:
                would_add = store.import_claims(
                    new,
                    batch.file_ids,
                    batch.reviews,
                    batch.aliases,
                    batch.cumulative_topics,
                    progress=advance,
                    checked=True,
                )
    from claimtrack.escape import inert

    for error in batch.errors:
        typer.echo(f"Skipped: {inert(error)}", err=True)
    return would_add, new.present, len(batch.errors)


@contextmanager
def progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A rich progress bar on stderr, for large imports on a terminal only."""
    if total < 1000 or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(console=new_console(err=True), transient=True) as bar:
        task = bar.add_task("Importing", total=total)
        yield lambda n: bar.advance(task, n)


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
    from claimtrack.escape import inert
    from claimtrack.extract import extract_claims

    if save and interactive:
        raise ClaimtrackError("choose --save or --interactive, not both")
    if as_json and interactive:
        raise ClaimtrackError("--json cannot be interactive; drop one of them")
    today = current_date()
    when = parse_date(published, today).start if published else None
    address = check_url(url) if url else None
    article = load_article(source, sys.stdin)
    text = article.text
    if article.title and article.title.strip() not in text[: len(article.title) + 200]:
        text = f"{article.title}\n\n{text}"
    when = when or article.published
    address = address or article.url
    store = open_store_of(ctx) if (save or interactive) else existing_store(ctx)
    known = store.known_sources() if store is not None else {}
    candidates = extract_claims(text, when, known)
    if as_json:
        echo_json([c.to_json(address) for c in candidates])
    elif not interactive:
        from claimtrack.render import candidates_table

        show(candidates_table(candidates))
    if interactive:
        chosen = review_candidates(candidates, today)
    elif save:
        chosen = [c for c in candidates if c.confidence >= SAVE_THRESHOLD]
    else:
        return
    assert store is not None
    new = store.not_stored((c.to_claim(when or today, address), None) for c in chosen)
    added = store.import_claims(new)
    present = new.present
    where = f" from {inert(address)}" if address else ""
    typer.echo(f"Saved {added} new claim(s){where}; {present} already stored.", err=as_json)


def existing_store(ctx: typer.Context) -> Store | None:
    """The database, if there is one: reading known sources must not create it."""
    from claimtrack.db import default_path

    path = ctx.find_root().obj["db"] or default_path()
    return open_store_of(ctx) if Path(path).exists() else None


def review_candidates(candidates: list[Candidate], today: date) -> list[Candidate]:
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
