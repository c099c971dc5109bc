"""Renderers: rich objects for terminals, text for machine formats. Nothing here
prints; the CLI does. Every string from the database passes through `inert`,
so a claim's text can never style, move or hijack a terminal."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from claimtrack.claims import Claim, tags_cell
from claimtrack.escape import inert, json_dumps
from claimtrack.figures import figure_words, format_figure

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from claimtrack.conflicts import Conflict, Section
    from claimtrack.db import Filing
    from claimtrack.extract import Candidate


def plain(value: object) -> Text:
    from rich.text import Text

    return Text(inert(value))


def claims_table(claims: Iterable[Claim], width: int = 80) -> RenderableType:
    """Claims as a table; topic and verdict columns join on terminals 120 wide or more."""
    from rich.table import Table

    wide = width >= 120
    # Nothing is cut: long values fold onto the next line instead of ending in "…".
    table = Table(header_style="bold", pad_edge=False)
    columns: list[tuple[str, dict[str, object]]] = [
        ("id", {"justify": "right", "no_wrap": True}),
        ("date", {"no_wrap": True}),
        ("source", {"overflow": "fold", "max_width": 20}),
        ("stance", {"no_wrap": True}),
        ("figure", {"style": "bold cyan", "overflow": "fold", "max_width": 16}),
    ]
    if wide:
        columns += [("topic", {"overflow": "fold", "max_width": 24}), ("verdict", {})]
    columns.append(("text", {"ratio": 1, "overflow": "fold"}))
    for name, options in columns:
        table.add_column(name, **options)  # type: ignore[arg-type]
    for claim in claims:
        stance = claim.stance
        if not wide and claim.verdict != "unverified":
            stance += f"\n({claim.verdict})"  # no verdict column on a narrow terminal
        cells = [
            str(claim.id),
            claim.date.iso,
            plain(claim.source),
            stance,
            plain(claim.figure_words),
        ]
        if wide:
            cells += [plain(claim.topic), claim.verdict]
        table.add_row(*cells, plain(claim.text))
    return table


def claim_detail(claim: Claim, conflicts: Sequence[tuple[Conflict, str]] = ()) -> RenderableType:
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    as_of = claim.as_of.iso if claim.as_of else None
    figure = None
    if claim.figure is not None:
        figure = f"{claim.figure_words}  ({claim.figure.qualifier}, from {claim.figure.text!r})"
    rows: list[tuple[str, object]] = [
        ("id", claim.id),
        ("text", claim.text),
        ("source", claim.source),
        ("topic", claim.topic),
        ("date", f"{claim.date.iso} ({claim.date.precision})"),
        ("as of", as_of),
        ("figure", figure or "none (qualitative claim)"),
        ("unit", claim.unit),
        ("stance", claim.stance),
        ("verdict", claim.verdict),
        ("explanation", claim.verdict_explanation),
        ("url", claim.url),
        ("tags", ", ".join(claim.tags) or None),
        ("note", claim.note),
        ("created", claim.created_at),
        ("updated", claim.updated_at),
    ]
    for conflict, status in conflicts:
        other = conflict.b if conflict.a.id == claim.id else conflict.a
        rows.append(("conflict", f"{conflict.kind} with #{other.id} ({status}): {conflict.reason}"))
    for label, value in rows:
        if value not in (None, ""):
            grid.add_row(label, plain(value))
    return grid


def records_table(records: Sequence[dict[str, object]], columns: Sequence[str]) -> RenderableType:
    from rich.table import Table

    table = Table(header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for record in records:
        table.add_row(*(plain(_cell(record.get(column))) for column in columns))
    return table


def _cell(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def history_table(versions: Sequence[dict[str, object]], current: Claim) -> RenderableType:
    from rich.table import Table

    table = Table(header_style="bold")
    for column in ("version", "until", "replaced by", "source", "date", "figure", "text"):
        table.add_column(column)
    for number, version in enumerate(versions, start=1):
        data = version["claim"]
        assert isinstance(data, dict)
        figure = data.get("figure") or {}
        table.add_row(
            str(number),
            plain(version["recorded_at"]),
            str(version["action"]),
            plain(data.get("source")),
            plain(data.get("date")),
            plain(figure.get("text", "")),
            plain(data.get("text")),
        )
    state = "removed" if current.deleted_at else "current"
    table.add_row(
        str(len(versions) + 1),
        state,
        "",
        plain(current.source),
        current.date.iso,
        plain(current.figure.text if current.figure else ""),
        plain(current.text),
    )
    return table


# --- machine formats: never styled ------------------------------------------------


def json_text(value: object) -> str:
    """An object indented; a list one item a line (fast to write, easy to diff)."""
    if isinstance(value, list):
        if not value:
            return "[]"
        items = ",\n  ".join(json_dumps(item) for item in value)
        return f"[\n  {items}\n]"
    return json_dumps(value, indent=2)


CSV_COLUMNS = (
    "id",
    "text",
    "source",
    "topic",
    "date",
    "date_precision",
    "as_of",
    "url",
    "figure",
    "figure_low",
    "figure_high",
    "figure_qualifier",
    "figure_text",
    "unit",
    "stance",
    "tags",
    "note",
    "verdict",
    "verdict_explanation",
    "verdict_at",
    "created_at",
    "updated_at",
)
# A leading apostrophe is the guard itself, so a value that starts with one is
# guarded too: import removes exactly one, and every text survives the trip.
_GUARDED_START = ("=", "+", "-", "@", "\t", "\r", "'")


def csv_safe(value: str) -> str:
    """A cell a spreadsheet will not run: formulas get a leading apostrophe."""
    return "'" + value if value.startswith(_GUARDED_START) else value


def claim_csv_row(claim: Claim) -> list[str]:
    data = claim.to_json()
    figure = claim.figure
    values: dict[str, object] = {
        **data,
        "figure": format_figure(replace(figure, unit=claim.unit)) if figure else "",
        "figure_low": data["figure"]["low"] if figure else "",  # type: ignore[index]
        "figure_high": data["figure"]["high"] if figure else "",  # type: ignore[index]
        "figure_qualifier": figure.qualifier if figure else "",
        "figure_text": figure.text if figure else "",
        "tags": tags_cell(claim.tags),
    }
    return [csv_safe(_cell(values.get(column))) for column in CSV_COLUMNS]


def claims_csv(claims: Iterable[Claim]) -> Iterable[str]:
    """RFC 4180 CSV, one claim a row, streamed line by line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for claim in claims:
        writer.writerow(claim_csv_row(claim))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.getvalue():
        yield buffer.getvalue()


def added_text(claim: Claim, filing: Filing | None) -> str:
    """The confirmation after `add`: what was stored, so a wrong parse shows at once."""
    figure = claim.figure_words
    figure_line = (
        f"{figure} ({claim.figure.qualifier}, read from {claim.figure.text!r})"
        if claim.figure
        else "none (a qualitative claim)"
    )
    lines = [
        f"Added claim #{claim.id}",
        f"  source:  {claim.source}",
        f"  stance:  {claim.stance}",
        f"  figure:  {figure_line}",
        f"  date:    {claim.date.iso} ({claim.date.precision})",
    ]
    if claim.as_of:
        lines.append(f"  as of:   {claim.as_of.iso} ({claim.as_of.precision})")
    topic = f"  topic:   {claim.topic}"
    if filing is not None:
        topic += (
            " (new topic)"
            if filing.created
            else (
                f" (matched its claims, score {filing.score:.2f}; use --topic to choose)"
                if filing.score
                else ""
            )
        )
    lines.append(topic)
    if claim.url:
        lines.append(f"  url:     {claim.url}")
    return inert("\n".join(lines))


def conflicts_view(sections: Sequence[Section]) -> RenderableType:
    """Conflicts grouped by topic; each topic opens with its spread of figures."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    from claimtrack.conflicts import topic_spread

    def indented(text: str, level: int, style: str = "") -> Padding:
        # Padding keeps wrapped lines under their first one.
        return Padding(Text(inert(text), style=style), (0, 0, 0, level))

    parts: list[RenderableType] = []
    styles = {"contradiction": "bold red", "discrepancy": "bold yellow", "denial": "bold magenta"}
    for section in sections:
        if not section.conflicts:
            continue
        if parts:
            parts.append(Text(""))
        parts.append(Text(inert(section.topic), style="bold underline"))
        spread = topic_spread(section.claims)
        if spread is not None:
            parts.append(indented(spread.describe(), 2, "dim"))
        for conflict, status, review in section.conflicts:
            line = Text("  ")
            line.append(f"#{conflict.a.id} × #{conflict.b.id} ", style="bold")
            line.append(conflict.kind, style=styles[conflict.kind])
            if status != "open":
                line.append(f" [{status}]", style="green")
            parts.append(line)
            parts.append(indented(conflict.reason, 4))
            if review and review.note:
                parts.append(indented("note: " + review.note, 4, "italic"))
    if not parts:
        return Text("No open conflicts.")
    return Group(*parts)


_PALETTE = ("cyan", "magenta", "green", "yellow", "blue", "red", "bright_cyan", "bright_magenta")


def source_colours(names: Iterable[str]) -> dict[str, str]:
    """One colour a source, the same wherever it appears in one output."""
    return {name: _PALETTE[i % len(_PALETTE)] for i, name in enumerate(sorted(set(names)))}


def timeline_view(sections: Sequence[Section], conflicts_only: bool = False) -> RenderableType:
    """Claims in date order, a table a topic, with conflict and revision markers."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from claimtrack.conflicts import topic_spread

    colours = source_colours(c.source for s in sections for c in s.claims)
    parts: list[RenderableType] = []
    for section in sections:
        # claim id -> kind (with its review status) -> the other claims' ids
        involved: dict[int, dict[str, list[int]]] = {}
        for conflict, status, _ in section.conflicts:
            if status == "dismissed":
                continue
            label = conflict.kind + (f" ({status})" if status != "open" else "")
            for mine, other in ((conflict.a, conflict.b), (conflict.b, conflict.a)):
                kinds = involved.setdefault(mine.id or 0, {})
                kinds.setdefault(label, []).append(other.id or 0)
        claims = [c for c in section.claims if not conflicts_only or c.id in involved]
        if not claims:
            continue
        if parts:
            parts.append(Text(""))
        parts.append(Text(inert(section.topic), style="bold underline"))
        table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
        table.add_column("date", no_wrap=True, style="dim")
        table.add_column("source", overflow="fold", max_width=22)
        table.add_column("figure", no_wrap=True, style="bold")
        table.add_column("claim", ratio=1, overflow="fold")
        for claim in claims:
            body = Text()
            body.append(f"#{claim.id} ", style="dim")
            body.append(claim.stance, style="italic")
            body.append(": " + inert(claim.text))
            if claim.verdict != "unverified":
                body.append(f"\nverdict: {claim.verdict}", style="bold")
            earlier = section.revised.get(claim.id or 0)
            if earlier is not None:
                body.append(
                    f"\n↻ revises #{earlier.id}: {inert(earlier.figure_words)} → "
                    f"{inert(claim.figure_words)}",
                    style="blue",
                )
            for label, others in involved.get(claim.id or 0, {}).items():
                ids = ", ".join(f"#{i}" for i in sorted(others))
                body.append(f"\n⚠ {label} with {ids}", style="red")
            table.add_row(
                claim.date.human(),
                Text(inert(claim.source), style=colours[claim.source]),
                Text(inert(claim.figure_words) or "—", style="bold cyan"),
                body,
            )
        parts.append(table)
        spread = topic_spread(section.claims)
        if spread is not None:
            parts.append(Text(inert(spread.describe()), style="dim"))
    if not parts:
        return Text("No claims to show.")
    return Group(*parts)


def candidate_text(candidate: Candidate) -> str:
    figure = figure_words(candidate.figure, candidate.unit) or "no figure"
    if candidate.figure is not None:
        figure += f" ({candidate.figure.qualifier})"
    when = candidate.date.iso if candidate.date else "date unknown"
    return inert(
        f"{candidate.claimant} {candidate.stance}: {figure}; {when}; "
        f"confidence {candidate.confidence:.2f}\n    “{candidate.sentence}”"
    )


def candidates_table(candidates: Sequence[Candidate]) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    if not candidates:
        return Text("No claims found in the article.")
    table = Table(header_style="bold")
    for name, options in (
        ("claimant", {"overflow": "fold", "max_width": 24}),
        ("stance", {"no_wrap": True}),
        ("figure", {"style": "bold cyan", "overflow": "fold", "max_width": 24}),
        ("date", {"no_wrap": True}),
        ("conf.", {"justify": "right", "no_wrap": True}),
        ("sentence", {"ratio": 1, "overflow": "fold"}),
    ):
        table.add_column(name, **options)  # type: ignore[arg-type]
    for candidate in candidates:
        table.add_row(
            plain(candidate.claimant),
            candidate.stance,
            plain(figure_words(candidate.figure, candidate.unit)),
            candidate.date.iso if candidate.date else "",
            f"{candidate.confidence:.2f}",
            plain(candidate.sentence),
        )
    return table
