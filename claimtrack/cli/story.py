"""Commands that show a story whole: the timeline, exports and the demo."""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from claimtrack.cli.app import app
from claimtrack.cli.helpers import (
    current_date,
    date_bound,
    echo_json,
    new_console,
    only_wanted,
    open_store_of,
    query_claims,
    show,
    story_sections,
    utc_now,
    write_output,
)
from claimtrack.cli.ingest import import_file
from claimtrack.errors import ClaimtrackError

if TYPE_CHECKING:
    from claimtrack.claims import Claim


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

    found = list(
        story_sections(open_store_of(ctx), topic=topic, source=source, since=since, until=until)
    )
    console = new_console()
    console.print(timeline_view(found, conflicts_only, console.width))


@app.command("summary")
def story_summary(
    ctx: typer.Context,
    topic: str | None = typer.Argument(None, help="Only this topic [default: all]."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array, a topic an item."),
) -> None:
    """Each topic at a glance: latest figure by source, spread, conflicts.

    \b
    Example:
      claimtrack summary "North Korean troops in Russia" --json
    """
    from claimtrack.summary import summarise

    summaries = [summarise(section) for section in story_sections(open_store_of(ctx), topic=topic)]
    if as_json:
        echo_json([summary.to_json() for summary in summaries])
        return
    from claimtrack.render import summary_view

    show(summary_view(summaries))


@app.command("export")
def timeline_export(
    ctx: typer.Context,
    fmt: str = typer.Argument(
        ...,
        metavar="FORMAT",
        help="markdown, json, jsonl, csv, claimreview, timelinejs or html.",
    ),
    topic: str | None = typer.Option(None, "--topic", "-t", help="Only this topic."),
    since: str | None = typer.Option(None, "--since", help="Only claims dated on or after."),
    until: str | None = typer.Option(None, "--until", help="Only claims dated on or before."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file."),
    stamp: bool = typer.Option(False, "--stamp", help="Add the time of export."),
    show_all: bool = typer.Option(False, "--all", help="Markdown: list dismissed pairs too."),
) -> None:
    """Export claims as Markdown, JSON, CSV, ClaimReview, TimelineJS or a web page.

    html is one self-contained page (charts, spread, timeline and conflicts a
    topic) that needs no network to view.

    \b
    Example:
      claimtrack export markdown --topic "North Korean troops in Russia" -o timeline.md
    """
    from claimtrack import exports
    from claimtrack.render import claims_csv

    if fmt not in exports.FORMATS:
        raise ClaimtrackError(f"unknown format {fmt!r}; use one of: {', '.join(exports.FORMATS)}")
    store = open_store_of(ctx)
    when = utc_now() if stamp else None
    filters = {"topic": topic, "since": since, "until": until}

    def claims() -> Iterator[Claim]:
        return query_claims(store, order="topic", **filters)

    if fmt == "markdown":
        today = current_date()
        spans = store.topic_spans(
            topic=topic, since=date_bound(since, today), until=date_bound(until, today)
        )
        chunks = exports.markdown(
            story_sections(store, **filters),
            when,
            title=exports.markdown_title(spans),
            dismissed=show_all,
        )
    elif fmt == "json":
        chunks = exports.json_document(
            claims(),
            story_sections(store, **filters),
            store.all_reviews(),
            store.sources(),
            store.topics(),
            when,
        )
    elif fmt == "jsonl":
        chunks = exports.jsonl(claims())
    elif fmt == "csv":
        chunks = claims_csv(claims())
    elif fmt == "html":
        from claimtrack.html_report import html_report

        chunks = html_report(story_sections(store, **filters), when)
    elif fmt == "claimreview":
        chunks = exports.claimreview(claims())
    else:
        chunks = exports.timelinejs(claims())
    write_output(chunks, output)


@app.command("demo")
def demo_run(
    ctx: typer.Context,
    db: Path | None = typer.Option(
        None, "--db", help="Load into this file [default: a new temporary database]."
    ),
) -> None:
    """Load the bundled sample data set (the Grenfell Tower fire, 2017) and show it.

    Its HTML report is written next to the database (demo.db: demo.html).

    \b
    Example:
      claimtrack demo --db demo.db
    """
    import tempfile

    from claimtrack.data_files import demo_data_path
    from claimtrack.db import open_store
    from claimtrack.escape import inert
    from claimtrack.render import conflicts_view, timeline_view

    path = db or Path(tempfile.mkdtemp(prefix="claimtrack-demo-")) / "demo.db"
    store = open_store(path)
    ctx.call_on_close(store.close)
    added, present, _ = import_file(store, demo_data_path(), "json", False, False)
    typer.echo(
        f"Loaded the sample data set into {inert(path)}: {added} claims added, "
        f"{present} already there."
    )
    console = new_console()
    story = list(story_sections(store))
    console.rule("Timeline")
    console.print(timeline_view(story, width=console.width))
    console.rule("Open conflicts")
    still_open = only_wanted(story, lambda _, status: status != "dismissed")
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
        typer.echo("  " + inert(line))
    from claimtrack.html_report import html_report

    page = path.with_suffix(".html")
    write_output(html_report(story_sections(store)), page)
    console.rule("The report")
    typer.echo(f"  python3 -m webbrowser {shlex.quote(page.resolve().as_uri())}")
