"""Commands that draw a story or publish it: the chart and the Datasette server.
(The HTML report is a format of `export`.)"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from claimtrack.cli.app import app
from claimtrack.cli.helpers import open_store_of, story_sections, write_output
from claimtrack.errors import ClaimtrackError

if TYPE_CHECKING:
    from claimtrack.conflicts import Section
    from claimtrack.db import Store


@app.command("chart")
def chart_draw(
    ctx: typer.Context,
    topic: str | None = typer.Argument(
        None, help="The topic to chart [default: the only topic, if there is one]."
    ),
    quantity: str | None = typer.Option(
        None, "--quantity", "-q", help="What the figures count, when the topic has several."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write an .svg or .png file instead of drawing here."
    ),
    width: int | None = typer.Option(
        None, "--width", min=40, max=400, help="Columns to draw in [default: the terminal's]."
    ),
    height: int = typer.Option(22, "--height", min=10, max=200, help="Rows to draw in."),
) -> None:
    """Chart a topic's figures over time, one colour and marker a source.

    Ranges are bars, "at least" and "up to" arrows, vague figures shaded bands;
    a source's revisions are joined by a thin line, open conflicts by a red one.

    \b
    Example:
      claimtrack chart "North Korean troops in Russia" -o chart.png
    """
    from claimtrack.chart import build_chart, choose_quantity

    if output is not None and output.suffix.lower() not in (".svg", ".png"):
        raise ClaimtrackError(
            f"cannot tell the chart's format from {output.name!r}; end it .svg or .png"
        )
    store = open_store_of(ctx)
    section = _one_section(store, topic)
    chosen, claims = choose_quantity(section, quantity)
    chart = build_chart(section, chosen, claims)
    if output is None:
        from claimtrack.chart_render import terminal_chart

        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        columns = width or max(40, min(200, _terminal_width()))
        typer.echo(terminal_chart(chart, columns, height, colour), nl=False)
        return
    from claimtrack.chart_render import file_chart

    write_output([file_chart(chart, output.suffix.lower().lstrip("."))], output)
    typer.echo(f"Wrote a chart of {chart.figures} figures ({chosen}) to {output}.")


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


def _one_section(store: Store, topic: str | None) -> Section:
    """The named topic's section, or the only topic's when none is named."""
    if topic is None:
        named = [t for t in store.topics() if t["claims"]]
        if not named:
            raise ClaimtrackError("nothing to chart: the database holds no claims")
        if len(named) > 1:
            raise ClaimtrackError(
                f"the database holds {len(named)} topics; name the one to chart "
                "(`claimtrack topics` lists them)"
            )
        topic = str(named[0]["name"])
    section = next(iter(story_sections(store, topic=topic)), None)
    if section is None:
        raise ClaimtrackError("nothing to chart: the topic's claims give no figures")
    return section


@app.command("serve")
def store_serve(
    ctx: typer.Context,
    port: int = typer.Option(
        8001, "--port", "-p", min=0, max=65535, help="Port; 0 picks a free one."
    ),
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to listen on; other machines can reach 0.0.0.0."
    ),
) -> None:
    """Browse the store in Datasette, read-only, with facets and ready-made queries.

    Needs the web extra: pip install 'claimtrack[web]'.

    \b
    Example:
      claimtrack serve --port 8001
    """
    from claimtrack.serve import bind, datasette_app, run

    store = open_store_of(ctx)  # brings the schema up to date, and refuses a bad file
    path = Path(store.conn.execute("PRAGMA database_list").fetchone()[2])
    store.close()
    app_ = datasette_app(path)
    listening = bind(host, port)
    chosen = listening.getsockname()[1]
    typer.echo(f"Serving {path} read-only at http://{host}:{chosen}/ (Ctrl-C stops).")
    run(app_, listening)
