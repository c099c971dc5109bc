"""Renderers: rich objects for terminals, text for machine formats. Nothing here
prints; the CLI does. Every string from the database passes through `inert`,
so a claim's text can never style, move or hijack a terminal."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from claimtrack.claims import Claim
from claimtrack.escape import inert, json_dumps
from claimtrack.figures import figure_words, format_figure

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from claimtrack.conflicts import Review, Row, Section
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


def claim_detail(
    claim: Claim, conflicts: Sequence[Row] = (), decisions: Sequence[Review] = ()
) -> RenderableType:
    """One claim in full, with its conflicts and the decisions standing on it
    that no longer apply (made on the claims as they were, or under other settings)."""
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
        ("quantity", _quantity_words(claim.quantity)),
        ("stance", claim.stance),
        ("verdict", claim.verdict),
        ("explanation", claim.verdict_explanation),
        ("url", claim.url),
        ("tags", ", ".join(claim.tags) or None),
        ("note", claim.note),
        ("created", claim.created_at),
        ("updated", claim.updated_at),
    ]
    current, now = set(), {}
    for conflict, status, review in conflicts:
        others = ", ".join(f"#{i}" for i in conflict.others(claim.id or 0))
        state = review.words() if review else status
        rows.append(("conflict", f"{conflict.kind} with {others} ({state}): {conflict.reason}"))
        now[conflict.key] = conflict
        if review is not None:
            current.add(review.id)
    for review in decisions:
        if review.id in current:
            continue
        others = ", ".join(f"#{i}" for i in review.claims if i != claim.id)
        conflict = now.get(review.conflict)
        if conflict is not None and set(conflict.ids) != set(review.claims):
            why = "the conflict's claims are not the same now"
        elif conflict is not None:
            why = "a claim's figure, quantity, date, source or stance has changed since"
        elif review.settings:
            why = f"made under {review.settings}"
        else:
            why = "the claims do not conflict now"
        rows.append(
            (
                "decision",
                f"{review.kind} with {others}: {review.words()}; no longer applies ({why})"
                + (f"; note: {review.note}" if review.note else ""),
            )
        )
    for label, value in rows:
        if value not in (None, ""):
            grid.add_row(label, plain(value))
    return grid


def _quantity_words(key: str | None) -> str | None:
    if not key:
        return None
    from claimtrack.quantities import label_of

    return f"{label_of(key)} ({key})"


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
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
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


def json_array_lines(items: Iterable[bytes]) -> Iterator[bytes]:
    """JSON texts already written and escaped (the stored listings, as UTF-8) as
    one array, one item a line, as json_text lays it out; joined 2,000 at a time."""
    from itertools import islice

    items = iter(items)
    separator = b"[\n  "
    while chunk := list(islice(items, 2000)):
        yield separator + b",\n  ".join(chunk)
        separator = b",\n  "
    yield b"[]\n" if separator == b"[\n  " else b"\n]\n"


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
    "unit",
    "quantity",
    "stance",
    "tags",
    "note",
    "verdict",
    "verdict_explanation",
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
        "tags": ";".join(claim.tags),
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
    if claim.quantity:
        from claimtrack.conflicts import quantity_kind

        lines.append(f"  measure: {claim.quantity_label} ({quantity_kind(claim.quantity)})")
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

    from claimtrack.conflicts import quantity_spreads

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
        for line in quantity_spreads(section.claims):
            parts.append(indented(line, 2, "dim"))
        for conflict, status, review in section.conflicts:
            line = Text("  ")
            line.append(f"{conflict.heading()} ", style="bold")
            line.append(conflict.kind, style=styles[conflict.kind])
            if status != "open":
                line.append(f" [{review.words() if review else status}]", style="green")
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

    from claimtrack.conflicts import quantity_spreads

    colours = source_colours(c.source for s in sections for c in s.claims)
    parts: list[RenderableType] = []
    for section in sections:
        # claim id -> kind (with its review status) -> the other claims' ids
        involved: dict[int, dict[str, list[int]]] = {}
        for conflict, status, review in section.conflicts:
            if status == "dismissed":
                continue
            decided = f" ({review.words() if review else status})" if status != "open" else ""
            for mine in conflict.ids:
                kinds = involved.setdefault(mine, {})
                kinds.setdefault(conflict.kind + decided, []).extend(conflict.others(mine))
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
        for line in quantity_spreads(section.claims):
            parts.append(Text(inert(line), style="dim"))
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
