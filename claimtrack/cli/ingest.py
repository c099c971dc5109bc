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
    utc_now,
)
from claimtrack.errors import ClaimtrackError

if TYPE_CHECKING:
    from claimtrack.dates import ClaimDate
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
                    batch.kinds,
                    batch.affiliations,
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
        None,
        "--published",
        help="When the article appeared: a day, a month or a year [default: from the page].",
    ),
    url: str | None = typer.Option(None, "--url", help="The article's address, kept on claims."),
    topic: str | None = typer.Option(
        None, "--topic", "-t", help="File every saved claim under this topic."
    ),
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
      claimtrack extract article.html --published 2024-10-25 --topic "Lagos floods" --save
    """
    from claimtrack.claims import article_topic_name, check_text
    from claimtrack.dates import DAY
    from claimtrack.extract import extract_claims

    if save and interactive:
        raise ClaimtrackError("choose --save or --interactive, not both")
    if as_json and interactive:
        raise ClaimtrackError("--json cannot be interactive; drop one of them")
    today = current_date()
    topic = check_text(topic, "topic") if topic is not None else None
    text, report, address = read_article(source, published, url, today)
    store = existing_store(ctx)
    known = store.known_sources() if store is not None else {}
    # A day is read as a date; a month or a year as a span (see resolve_phrase).
    against = report.start if report and report.precision == DAY else report
    candidates = extract_claims(text, against, known)  # type: ignore[arg-type]
    if not candidates:
        if as_json:
            echo_json([])
        typer.echo("no claims found", err=as_json)
        return
    if (save or interactive) and report is None:
        raise ClaimtrackError(
            "the article gives no publication date, and a claim's date is never guessed; "
            "give it with --published (a day, a month or a year, e.g. --published 2024-10)"
        )
    kept = [c for c in candidates if c.confidence >= SAVE_THRESHOLD]
    shown_topic = topic  # the topic --save files them under: the article's
    if topic is None and kept and report is not None and not interactive:
        drafts = [c.to_claim(report, address) for c in kept]
        headline = headline_of(text)
        shown_topic = (
            store.article_topic(drafts, headline) if store else article_topic_name(drafts, headline)
        )
    if as_json:
        echo_json(preview_json(candidates, report, address, shown_topic, store))
    if interactive:
        chosen = review_candidates(candidates, today, report, address, topic, store)
    elif save:
        chosen = [c for c in candidates if c.confidence >= SAVE_THRESHOLD]
    else:
        if not as_json:
            from claimtrack.render import candidates_table

            console = new_console()
            rows = preview_json(candidates, report, address, shown_topic, store)
            quantities = [row["quantity"] for row in rows]
            console.print(
                candidates_table(candidates, report, SAVE_THRESHOLD, console.width, quantities)
            )
        if report is None:
            typer.echo(
                "No publication date: the dates are unknown; saving needs --published.", err=True
            )
        return
    from claimtrack.render import saved_text

    read_at = utc_now()
    if topic is None and chosen:
        # an article tells one story: its claims go to one topic
        store = store or open_store_of(ctx)
        drafts = [c.to_claim(report, address, read_at) for c in chosen]
        topic = store.article_topic(drafts, headline_of(text))
    claims = [c.to_claim(report, address, read_at, topic) for c in chosen]
    if topic is not None:
        from claimtrack.claims import story_quantities

        claims = story_quantities(claims, topic, topic_quantities(store, topic))
    store = store or open_store_of(ctx)
    new_topic = topic is not None and store.find_topic(topic) is None
    saved = store.save_reported(claims)
    typer.echo(saved_text(saved, address), err=as_json)
    if new_topic:
        from claimtrack.render import new_topic_note

        typer.echo(new_topic_note(str(topic), store.similar_topics(str(topic))), err=True)


def preview_json(
    candidates: list[Candidate],
    report: ClaimDate | None,
    address: str | None,
    topic: str | None,
    store: Store | None,
) -> list[dict[str, object]]:
    """The candidates as saving would store them, their quantities read and settled
    as saving reads them (a claim filed by its words may lose a place its new topic's
    name holds)."""
    from claimtrack.claims import quantity_of, story_quantities
    from claimtrack.dates import from_day

    rows = [c.to_json(report, address, topic) for c in candidates]
    if topic is None:
        # a part's or a count's that goes on with another is given; any other is read
        quantities = [
            row["quantity"] or quantity_of(str(row["text"]), c.unit, c.figure, None)
            for row, c in zip(rows, candidates, strict=True)
        ]
    else:
        day = report or from_day(date.today())  # any date: a quantity does not depend on it
        drafts = [c.to_claim(c.date or day, address, None, topic) for c in candidates]
        settled = story_quantities(drafts, topic, topic_quantities(store, topic))
        quantities = [claim.quantity for claim in settled]
    return [
        {**row, "quantity": quantity or None, "save": c.confidence >= SAVE_THRESHOLD}
        for row, quantity, c in zip(rows, quantities, candidates, strict=True)
    ]


def headline_of(text: str) -> str | None:
    """The article's headline: its first line, when written as one."""
    from claimtrack.sentences import read

    first = next(iter(read("\n".join(text.strip().splitlines()[:3]))), None)
    return first.text if first is not None and first.headline and first.paragraph == 0 else None


def topic_quantities(store: Store | None, topic: str) -> set[str]:
    """The quantities a topic's stored claims measure (none without a store)."""
    return store.topic_quantities(topic) if store is not None else set()


def read_article(
    source: str, published: str | None, url: str | None, today: date
) -> tuple[str, ClaimDate | None, str | None]:
    """The article's text (with its title when the body does not start with it),
    its publication date and its address: the options', else the page's."""
    from claimtrack.article import load_article
    from claimtrack.claims import check_url
    from claimtrack.dates import date_in_address, from_day, parse_date

    report = parse_date(published, today) if published else None
    address = check_url(url) if url else None
    article = load_article(source, sys.stdin)
    text = article.text
    if article.title and article.title.strip() not in text[: len(article.title) + 200]:
        text = f"{article.title}\n\n{text}"
    if report is None and article.published:
        report = from_day(article.published)
    address = address or article.url
    if report is None and address:
        report = date_in_address(address, today)  # "/2024/10/07/": the page's own date
    return text, report, address


def existing_store(ctx: typer.Context) -> Store | None:
    """The database, if there is one: reading known sources must not create it."""
    from claimtrack.db import default_path, is_url

    target = ctx.find_root().obj["db"] or default_path()
    return open_store_of(ctx) if is_url(target) or Path(target).exists() else None


def answer(question: str) -> str | None:
    """One line typed at a prompt, or None once input has ended (EOF)."""
    typer.echo(f"{question}: ", nl=False)
    try:
        return input().strip()
    except EOFError:
        typer.echo()
        return None


def review_candidates(
    candidates: list[Candidate],
    today: date,
    report: ClaimDate | None,
    address: str | None = None,
    topic: str | None = None,
    store: Store | None = None,
) -> list[Candidate]:
    """Walk the candidates: accept, edit a field, skip, or quit. What was accepted
    is kept when the user quits or input ends; a bad answer is asked again. Each
    shows what it counts, as the preview does."""
    from claimtrack.extract import EDITABLE, unknown_field
    from claimtrack.render import candidate_text

    accepted: list[Candidate] = []
    for number, candidate in enumerate(candidates, start=1):
        while True:
            counts = preview_json([candidate], report, address, topic, store)[0]["quantity"]
            shown = candidate_text(candidate, report, counts)  # type: ignore[arg-type]
            typer.echo(f"\n[{number}/{len(candidates)}] {shown}")
            choice = answer("[a]ccept, [e]dit, [s]kip, [q]uit [a]")
            if choice is None:
                typer.echo(f"Input ended; keeping the {len(accepted)} accepted.")
                return accepted
            choice = choice.lower() or "a"
            if choice in ("a", "accept"):
                accepted.append(candidate)
                break
            if choice in ("s", "skip"):
                break
            if choice in ("q", "quit"):
                return accepted
            if choice in ("e", "edit"):
                field = answer(f"field ({', '.join(EDITABLE)})")
                if field is not None and (wrong := unknown_field(field.lower())):
                    # asked before the value, so that a mistyped field takes no answer
                    typer.echo(f"Not changed: {wrong}")
                    continue
                value = answer("new value") if field is not None else None
                if field is None or value is None:
                    typer.echo(f"Input ended; keeping the {len(accepted)} accepted.")
                    return accepted
                try:
                    candidate = candidate.edited(field.lower(), value, today)
                except ClaimtrackError as error:
                    typer.echo(f"Not changed: {error.message}")
                continue
            typer.echo("Please answer a, e, s or q.")
    return accepted
