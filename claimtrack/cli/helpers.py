"""What the commands share: the store, the console, output, dates and conflict settings."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from claimtrack.errors import ClaimtrackError

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from claimtrack.claims import Claim
    from claimtrack.conflicts import Row, Section, Settings
    from claimtrack.db import Store


def open_store_of(ctx: typer.Context) -> Store:
    from claimtrack.db import open_store

    options = ctx.find_root().obj
    store = open_store(options["db"])
    ctx.call_on_close(store.close)
    if options.get("user") is not None:
        store.user = person_name(options["user"])
    return store


def person_name(name: str) -> str:
    """A name for --user or $CLAIMTRACK_USER: one line of text, spaces folded."""
    from claimtrack.claims import check_text

    return " ".join(check_text(name, "user name").split())


def new_console(err: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=err, highlight=False, emoji=False, markup=False)


def show(renderable: RenderableType, crop: bool = True) -> None:
    new_console().print(renderable, crop=crop)


def echo_json(value: object) -> None:
    from claimtrack.render import json_text

    typer.echo(json_text(value))


def one_format(**flags: bool) -> None:
    chosen = [name for name, on in flags.items() if on]
    if len(chosen) > 1:
        raise ClaimtrackError(f"choose one output format, not {' and '.join(chosen)}")


def current_date() -> date:
    return date.today()


def check_limit(limit: int | None) -> int | None:
    """The limit to give SQLite: one beyond its largest integer is no limit at all."""
    if limit is not None and limit < 0:
        raise ClaimtrackError(f"--limit must be 0 or more, not {limit}")
    from claimtrack.limits import MAX_ID

    return None if limit is not None and limit > MAX_ID else limit


def query_claims(
    store: Store,
    topic: str | None = None,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    **options: Any,
) -> Iterator[Claim]:
    """The claims a listing command asks for, its --since and --until read as dates."""
    today = current_date()
    return store.list_claims(
        topic=topic,
        source=source,
        since=date_bound(since, today),
        until=date_bound(until, today),
        **options,
    )


def date_bound(text: str | None, today: date) -> str | None:
    if text is None:
        return None
    from claimtrack.dates import parse_date

    return parse_date(text, today, future=True).iso


def conflict_settings(window: int = 2, tolerance: float = 10.0, factor: float = 1.5) -> Settings:
    from claimtrack.conflicts import Settings

    return Settings(window_days=window, tolerance=tolerance / 100, factor=factor)


def stored_conflicts(store: Store, settings: Settings, topic: str | None = None) -> list[Row]:
    """Each conflict with its status: read from the store under the stored
    settings, computed now under any other."""
    from claimtrack.conflicts import STORED, Conflict, computed_rows

    if settings == STORED:
        if topic is not None and store.find_topic(topic) is None:
            raise store.no_topic(topic)
        return store.stored_rows(topic)
    from itertools import groupby

    kinds, reviews = store.quantity_kinds(), store.reviews()
    rows = []
    for name, members in groupby(store.live_claims(topic), key=lambda c: c.topic or ""):
        rows += computed_rows(list(members), settings, reviews, kinds.get(name))
    return sorted(rows, key=lambda row: Conflict.sort_key(row[0]))


def only_wanted(
    sections: Iterable[Section], wanted: Callable[[Row, Section], bool]
) -> list[Section]:
    """The sections with only the conflicts wanted."""
    from dataclasses import replace

    return [replace(s, conflicts=[row for row in s.conflicts if wanted(row, s)]) for s in sections]


def utc_now() -> str:
    from claimtrack.db import utc_now

    return utc_now()


def story_sections(
    store: Store,
    settings: Settings | None = None,
    *,
    topic: str | None = None,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Iterator[Section]:
    """Each topic's claims in date order with their conflicts and revisions: the
    stored conflicts that involve them, or, under other settings, the conflicts
    among them computed now."""
    from claimtrack.conflicts import STORED, computed_rows, sections

    claims = query_claims(store, topic, source, since, until, order="topic")
    settings = settings or STORED
    if settings == STORED:

        def conflicts_of(name: str, members: list[Claim]) -> list[Row]:
            shown = {c.id for c in members}
            return [row for row in store.stored_rows(name) if shown & set(row[0].ids)]

    else:
        kinds, reviews = store.quantity_kinds(), store.reviews()

        def conflicts_of(name: str, members: list[Claim]) -> list[Row]:
            return computed_rows(members, settings, reviews, kinds.get(name))

    return sections(claims, conflicts_of)


def write_output(chunks: Iterable[str] | Iterable[bytes], output: Path | None) -> None:
    """Write to stdout, or to a file that appears whole or not at all; text, or bytes.

    Machine formats keep text byte for byte (a CSV round trip is exact), so on a
    terminal, and only there, what would act on it is shown as escapes instead."""
    if output is None:
        if sys.stdout.isatty():
            from claimtrack.escape import inert_lines

            chunks = (inert_lines(c if isinstance(c, str) else c.decode()) for c in chunks)
        out = getattr(sys.stdout, "buffer", None)
        sys.stdout.flush()
        for chunk in chunks:
            if isinstance(chunk, str):
                sys.stdout.write(chunk)
            elif out is not None:  # UTF-8 bytes go out as they are, undecoded
                out.write(chunk)
            else:
                sys.stdout.write(chunk.decode("utf-8"))
        if out is not None:
            out.flush()
        return
    from claimtrack.files import write_whole

    write_whole(chunks, output)


SOURCE_HELP = "Who made the claim (the claimant), e.g. 'US' or 'Volodymyr Zelensky'."


DATE_HELP = "When it was said: 2024-10-23, 23 Oct 2024, October 2024, 2024, yesterday..."


AS_OF_HELP = "The date the figure refers to, when it differs from --date."


FIGURE_HELP = "The figure, if not read from the text: '3,000', 'up to 10,000', '10-12k'."


QUANTITY_HELP = (
    "What the figure measures, e.g. 'people missing', 'troops in Kursk' or "
    "'people:dead(children)' [default: read from the text]."
)


STANCE_HELP = (
    "asserts, confirms, alleges, claims, estimates, reports or denies [default: from the verb]."
)


WINDOW_HELP = (
    "Days apart that still count as the same moment (level figures; cumulative ones "
    "beyond it may only grow); 0 for any distance."
)


TOLERANCE_HELP = "The gap allowed between two figures, as a percentage of the smaller."


FACTOR_HELP = "Flag a figure this many times below an 'up to' maximum."
