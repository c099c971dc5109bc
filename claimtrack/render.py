"""Renderers: rich objects for terminals, text for machine formats. Nothing here
prints; the CLI does. Every string from the database passes through `inert`,
so a claim's text can never style, move or hijack a terminal."""

from __future__ import annotations

import csv
import io
import re
import shlex
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from claimtrack.claims import REPORT, Appearance, Claim, outlet_name, tags_cell
from claimtrack.escape import inert, json_dumps
from claimtrack.figures import Figure, figure_words, format_figure

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.style import Style
    from rich.text import Text

    from claimtrack.conflicts import Review, Row, Section
    from claimtrack.dates import ClaimDate
    from claimtrack.db import Filing
    from claimtrack.extract import Candidate
    from claimtrack.summary import TopicSummary


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
            claim.date_text(iso=True),
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
    """Every field of a claim, one a line, with its conflicts and the decisions on
    them that no longer apply (made on the claims as they were, or under other
    settings). The URL is never folded or cut: print this with crop=False, and a
    long URL runs on for the terminal to wrap."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    as_of = claim.as_of.iso if claim.as_of else None
    figure = None
    if claim.figure is not None:
        figure = f"{claim.figure_words}  ({claim.figure.qualifier}, from {claim.figure.text!r})"
    rows: list[tuple[str, object]] = [
        ("id", claim.id),
        ("text", claim.text),
        ("source", claim.source),
        ("speaks for", claim.speaks_for),
        ("topic", claim.topic),
        ("date", _detail_date(claim)),
        ("as of", as_of),
        ("figure", figure or "none (qualitative claim)"),
        ("unit", claim.unit),
        ("quantity", _quantity_words(claim.quantity)),
        ("stance", claim.stance),
        ("verdict", claim.verdict),
        ("explanation", claim.verdict_explanation),
        ("verdict by", claim.verdict_by if claim.verdict != "unverified" else None),
        ("url", claim.url),
        *(("appeared in", _appearance_line(a, claim)) for a in claim.appearances),
        ("tags", ", ".join(claim.tags) or None),
        ("note", claim.note),
        ("created", claim.created_at),
        ("added by", claim.added_by),
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
    rows = [(label, value) for label, value in rows if value not in (None, "")]
    label_width = max(len(label) for label, _ in rows)
    parts: list[RenderableType] = []
    grid = None
    for label, value in rows:
        if label == "url":
            line = Text(no_wrap=True, overflow="ignore")
            line.append(f"{label:<{label_width}}  ", style="bold")
            line.append(inert(value), style=link_style(claim.url))
            parts.append(line)
            grid = None
            continue
        if grid is None:
            grid = Table.grid(padding=(0, 2))
            grid.add_column(style="bold", no_wrap=True, min_width=label_width)
            grid.add_column(overflow="fold")
            parts.append(grid)
        grid.add_row(label, plain(value))
    return Group(*parts)


def outlet_link(url: str) -> Text:
    """Who published a claim, linked to where (a hyperlink where the terminal has them)."""
    from rich.style import Style
    from rich.text import Text

    link = link_style(url)
    return Text(inert(outlet_name(url)), style=Style(dim=True) + link if link else "dim")


_LINKABLE = re.compile(r"(?i)^https?://[^\s\x00-\x1f\x7f-\x9f]+$")


def link_style(url: str | None) -> Style | None:
    """A hyperlink (OSC 8) to an http(s) address, shown where the terminal supports it;
    none for anything else, so that no stored text can write its own escape."""
    from rich.style import Style

    if not url or not _LINKABLE.match(url):
        return None
    return Style(link=url)


def bulk_edit_line(results: Sequence[tuple[Claim, Claim]]) -> str:
    """One line for an edit of several claims: which changed, in what, which were already so."""
    changed = [(b, a) for b, a in results if a != b]
    fields = sorted(
        {name for b, a in changed for name, _, _ in version_changes(b.to_json(), a.to_json())}
    )
    line = f"Updated {len(changed)} of {len(results)} claims"
    if changed:
        line += f" ({', '.join(fields)}): " + ", ".join(f"#{a.id}" for _, a in changed)
    line += "."
    same = [f"#{a.id}" for b, a in results if a == b]
    if same:
        line += f" Already so: {', '.join(same)}."
    return line


def _detail_date(claim: Claim) -> str:
    if claim.date_basis == REPORT:
        return (
            f"{claim.date_text()} ({claim.date.iso}, {claim.date.precision}): "
            "the date of the report, not of the statement"
        )
    return f"{claim.date.iso} ({claim.date.precision})"


def _appearance_line(appearance: Appearance, claim: Claim) -> str:
    parts = [appearance.url or "an article with no address"]
    if appearance.published:
        parts.append(f"published {appearance.published}")
    if appearance.read_at:
        parts.append(f"read {appearance.read_at}")
    line = ", ".join(parts)
    if appearance.quote != claim.text:
        line += f": “{appearance.quote}”"
    return line


def _quantity_heading(key: str | None) -> str:
    from claimtrack.quantities import label_of

    return label_of(key) if key else "figures of no known quantity"


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


# The fields of a version, in the order shown; date_precision shows with the date.
_VERSION_FIELDS = (
    "text", "source", "topic", "date", "as_of", "figure", "unit", "quantity", "stance", "url",
    "tags", "note", "verdict", "verdict_explanation",
)  # fmt: skip


def version_value(data: dict[str, object], name: str) -> str:
    """One field of a claim's JSON as the history shows it; '' when empty."""
    value = data.get(name)
    if name == "date":
        return f"{value} ({data.get('date_precision')})"
    if name == "figure":
        if not isinstance(value, dict):
            return ""
        # The number alone: the unit has a line of its own.
        return format_figure(Figure(value["low"], value["high"], value["qualifier"], value["text"]))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def version_changes(
    before: dict[str, object], after: dict[str, object]
) -> list[tuple[str, str, str]]:
    """(field, old, new) for each field shown differently in two versions of a claim."""
    changes = []
    for name in _VERSION_FIELDS:
        old, new = version_value(before, name), version_value(after, name)
        if old != new:
            changes.append((name, old, new))
    return changes


def history_view(versions: Sequence[dict[str, object]], current: Claim) -> RenderableType:
    """A claim as first stored, then what each change did, field by field."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    states = [v["claim"] for v in versions] + [current.to_json()]

    def fields() -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True, min_width=11)
        table.add_column(overflow="fold")
        return table

    first = fields()
    for name in _VERSION_FIELDS:
        value = version_value(states[0], name)  # type: ignore[arg-type]
        if value:
            first.add_row(_FIELD_LABELS.get(name, name), plain(value))
    parts: list[RenderableType] = [
        Text(
            f"#{current.id}, version 1: added {_moment(current.created_at)}"
            + _by(current.added_by),
            style="bold",
        ),
        Padding(first, (0, 0, 0, 2)),
    ]
    for number, version in enumerate(versions, start=1):
        words = {"edit": "changed", "rm": "removed", "restore": "restored"}
        action = words.get(str(version["action"]), str(version["action"]))
        parts.append(
            Text(
                f"version {number + 1}: {action} {_moment(version['recorded_at'])}"
                + _by(version.get("recorded_by")),
                style="bold",
            )
        )
        changes = fields()
        for name, old, new in version_changes(states[number - 1], states[number]):  # type: ignore[arg-type]
            change = Text()
            change.append(inert(old) or "(none)", style="red")
            # Long values read better one above the other.
            change.append("\n→ " if len(old) + len(new) > 50 else " → ")
            change.append(inert(new) or "(none)", style="green")
            changes.add_row(_FIELD_LABELS.get(name, name), change)
        if changes.row_count:
            parts.append(Padding(changes, (0, 0, 0, 2)))
    if current.deleted_at:
        parts.append(Text("Removed now; `claimtrack restore` brings it back.", style="dim"))
    return Group(*parts)


_FIELD_LABELS = {"as_of": "as of", "verdict_explanation": "explanation"}


def _by(person: object) -> str:
    return f" by {inert(str(person))}" if person else ""


def _moment(stamp: object) -> str:
    """An ISO time stamp in UTC, to the second."""
    text = str(stamp or "")
    return f"{text[:10]} {text[11:19]} UTC" if len(text) >= 19 else inert(text)


# --- machine formats: never styled ------------------------------------------------


def json_array_lines(batches: Iterable[list[bytes]]) -> Iterator[bytes]:
    """JSON texts already written and escaped (the stored listings, as UTF-8), in
    batches, as one array, one item a line, as json_text lays it out."""
    separator = b"[\n  "
    for batch in batches:
        if batch:
            yield separator + b",\n  ".join(batch)
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
    "date_basis",
    "as_of",
    "url",
    "appearances",
    "figure",
    "figure_low",
    "figure_high",
    "figure_qualifier",
    "figure_text",
    "unit",
    "quantity",
    "stance",
    "tags",
    "note",
    "verdict",
    "verdict_explanation",
    "verdict_at",
    "verdict_by",
    "added_by",
    "created_at",
    "updated_at",
    "speaks_for",  # last: a file's columns keep the places they had before it
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
        "appearances": json_dumps(data["appearances"]) if claim.appearances else "",
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


def summary_view(summaries: Sequence[TopicSummary]) -> RenderableType:
    """Each topic in a few lines: per quantity, the spread, the conflicts by status,
    and each source's latest figure, lowest first."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from claimtrack.dates import from_iso
    from claimtrack.summary import spread_ratio

    def indented(text: str, level: int, style: str = "") -> Padding:
        return Padding(Text(inert(text), style=style), (0, 0, 0, level), expand=False)

    parts: list[RenderableType] = []
    for summary in summaries:
        if parts:
            parts.append(Text(""))
        span = from_iso(summary.first).human()
        if summary.last != summary.first:
            span += f" to {from_iso(summary.last).human()}"
        parts.append(Text(inert(summary.topic), style="bold underline"))
        claims, sources = summary.claims, summary.sources
        parts.append(
            indented(
                f"{claims} claim{'s' * (claims != 1)} from {sources} "
                f"source{'s' * (sources != 1)}, {span}",
                2,
                "dim",
            )
        )
        if not summary.quantities:
            parts.append(indented("No figures and no conflicts.", 2))
        for quantity in summary.quantities:
            counts = _conflict_counts(quantity.conflicts)
            if quantity.spread is None:
                parts.append(indented(f"Without a figure: {counts}", 2))
                continue
            parts.append(indented(_quantity_heading(quantity.quantity), 2, "bold"))
            spread = quantity.spread.describe()
            ratio = spread_ratio(quantity.spread)
            if ratio is not None and ratio != 1:
                spread += f": {ratio:g}x"
            parts.append(indented(spread, 4))
            parts.append(indented(f"Conflicts: {counts}", 4))
            table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
            table.add_column("figure", style="bold cyan", overflow="fold")
            table.add_column("source", overflow="fold")
            table.add_column("date", no_wrap=True, style="dim")
            table.add_column("id", no_wrap=True, style="dim")
            for claim in quantity.latest:
                table.add_row(
                    plain(claim.figure_words),
                    plain(claim.source),
                    claim.compared_date.human(),
                    f"#{claim.id}",
                )
            parts.append(Padding(table, (0, 0, 0, 4), expand=False))
    if not parts:
        return Text("No claims to summarise.")
    return Group(*parts)


_PLURALS = {"contradiction": "contradictions", "discrepancy": "discrepancies", "denial": "denials"}


def _conflict_counts(conflicts: dict[str, Counter[str]]) -> str:
    """'3 open (2 contradictions, 1 denial); 1 confirmed (discrepancy)'."""
    from claimtrack.conflicts import KINDS

    phrases = []
    for status in ("open", "confirmed"):
        kinds = conflicts.get(status)
        if not kinds:
            continue
        total = sum(kinds.values())
        detail = ", ".join(
            (f"{kinds[kind]} {_PLURALS[kind] if kinds[kind] > 1 else kind}" if total > 1 else kind)
            for kind in KINDS
            if kinds[kind]
        )
        phrases.append(f"{total} {status} ({detail})")
    return "; ".join(phrases) if phrases else "none open"


_PALETTE = ("cyan", "magenta", "green", "yellow", "blue", "red", "bright_cyan", "bright_magenta")


def source_colours(names: Iterable[str]) -> dict[str, str]:
    """One colour a source, the same wherever it appears in one output."""
    return {name: _PALETTE[i % len(_PALETTE)] for i, name in enumerate(sorted(set(names)))}


# Below this width the timeline's table would squeeze the claim's text into a
# narrow column (16 characters at 80): each claim then takes two lines instead.
WIDE_TERMINAL = 120  # columns from which a timeline or a preview is one table


def timeline_view(
    sections: Sequence[Section], conflicts_only: bool = False, width: int = WIDE_TERMINAL
) -> RenderableType:
    """Claims in date order, a table a topic, with conflict and revision markers.

    On a terminal narrower than WIDE_TERMINAL, each claim is a line of
    date, source and figure with its text beneath, at the terminal's width.
    """
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from claimtrack.conflicts import quantity_spreads

    colours = source_colours(c.source for s in sections for c in s.claims)
    wide = width >= WIDE_TERMINAL
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
        # who added the claims: once for the topic when one person added them all
        adders = {c.added_by for c in claims}
        one_adder = next(iter(adders)) if len(adders) == 1 else None
        if one_adder:
            parts.append(Text(f"all added by {inert(one_adder)}", style="dim"))
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
            if claim.url:
                body.append(" ")
                body.append_text(outlet_link(claim.url))
            if claim.verdict != "unverified":
                body.append(f"\nverdict: {claim.verdict}{_by(claim.verdict_by)}", style="bold")
            if claim.added_by and not one_adder:
                body.append(f"\nadded by {inert(claim.added_by)}", style="dim")
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
            cells = [
                claim.date_text(),
                Text(inert(claim.source), style=colours[claim.source]),
                Text(inert(claim.figure_words) or "—", style="bold cyan"),
            ]
            if wide:
                table.add_row(*cells, body)
                continue
            # One small table a claim keeps the figure whole on its line; the
            # text goes beneath, indented under the date.
            line = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
            line.add_column("date", no_wrap=True, style="dim")
            line.add_column("source", overflow="fold")
            line.add_column("figure", no_wrap=True, style="bold")
            line.add_row(*cells)
            parts.extend([line, Padding(body, (0, 0, 0, 2), expand=False)])
        if wide:
            parts.append(table)
        for line in quantity_spreads(section.claims):
            parts.append(Text(inert(line), style="dim"))
    if not parts:
        return Text("No claims to show.")
    return Group(*parts)


def candidate_date(candidate: Candidate, report: ClaimDate | None) -> str:
    """The date saving would store: the sentence's own, else the report's, marked."""
    if candidate.date is not None:
        return candidate.date.iso
    return f"reported {report.iso}" if report else "unknown"


def candidate_speaker(candidate: Candidate) -> str:
    """Who gives the claim, and whom the article says they speak for."""
    if candidate.speaks_for:
        return f"{candidate.claimant} (for {candidate.speaks_for})"
    return candidate.claimant


def candidate_text(
    candidate: Candidate, report: ClaimDate | None, quantity: str | None = None
) -> str:
    """One proposal for `extract --interactive`, with what its figure counts."""
    from claimtrack.quantities import label_of

    figure = figure_words(candidate.figure, candidate.unit) or "no figure"
    if candidate.figure is not None:
        figure += f" ({candidate.figure.qualifier})"
    if quantity:
        figure += f", counting {label_of(quantity)}"
    return inert(
        f"{candidate_speaker(candidate)} {candidate.stance}: {figure}; "
        f"{candidate_date(candidate, report)}; "
        f"confidence {candidate.confidence:.2f}\n    “{candidate.sentence}”"
    )


def candidates_table(
    candidates: Sequence[Candidate],
    report: ClaimDate | None,
    threshold: float,
    width: int = WIDE_TERMINAL,
    quantities: Sequence[str | None] = (),
) -> RenderableType:
    """The proposals as `--save` would store them; 'save' marks those it keeps, and
    QUANTITIES (one a proposal) say what each counts, as conflicts compare it. Below
    120 columns each proposal takes two lines or more, its sentence under its figure,
    as a sentence squeezed into a narrow column would be a word a line."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from claimtrack.quantities import label_of

    counted = [label_of(q) if q else "" for q in quantities] or [""] * len(candidates)
    if width < WIDE_TERMINAL:
        entries: list[RenderableType] = []
        for candidate, counts in zip(candidates, counted, strict=True):
            saved = "kept" if candidate.confidence >= threshold else "not kept"
            head = Text(inert(f"{candidate_speaker(candidate)} {candidate.stance} "))
            head.append(inert(figure_words(candidate.figure, candidate.unit)), "bold cyan")
            if counts:
                head.append(inert(f" ({counts})"))
            head.append(inert(f"; {candidate_date(candidate, report)}; "
                              f"confidence {candidate.confidence:.2f} ({saved})"))  # fmt: skip
            sentence = Text(inert(f"“{candidate.sentence}”"), style="dim")
            entries += [head, Padding(sentence, (0, 0, 0, 4))]
        return Group(*entries)
    table = Table(header_style="bold")
    for name, options in (
        ("claimant", {"overflow": "fold", "max_width": 24}),
        ("stance", {"no_wrap": True}),
        ("figure", {"style": "bold cyan", "overflow": "fold", "max_width": 24}),
        ("counts", {"overflow": "fold", "max_width": 22}),
        ("date", {"overflow": "fold", "max_width": 19}),
        ("conf.", {"justify": "right", "no_wrap": True}),
        ("save", {"no_wrap": True}),
        ("sentence", {"ratio": 1, "overflow": "fold"}),
    ):
        table.add_column(name, **options)  # type: ignore[arg-type]
    for candidate, counts in zip(candidates, counted, strict=True):
        table.add_row(
            plain(candidate_speaker(candidate)),
            candidate.stance,
            plain(figure_words(candidate.figure, candidate.unit)),
            plain(counts),
            candidate_date(candidate, report),
            f"{candidate.confidence:.2f}",
            "yes" if candidate.confidence >= threshold else "no",
            plain(candidate.sentence),
        )
    return table


def new_topic_note(topic: str, near: Sequence[str]) -> str:
    """What `extract --save` says when the topic it files under is new: a typo in
    --topic makes one, and an article that matched no story."""
    if not near:
        return inert(f"New topic {topic!r}.")
    return inert(
        f"New topic {topic!r}; did you mean {near[0]!r}? To join them: "
        f"claimtrack topics merge {shlex.quote(topic)} {shlex.quote(near[0])}"
    )


def saved_text(saved: Sequence[tuple[Claim, str]], url: str | None) -> str:
    """What `extract` stored: each claim's id, source, figure and topic, and
    which ones were stored already."""
    added = sum(status == "new" for _, status in saved)
    where = f" from {url}" if url else ""
    lines = [
        f"Saved {added} new claim{'' if added == 1 else 's'}{where}; "
        f"{len(saved) - added} already stored."
    ]
    for claim, status in saved:
        words = {"new": "new", "stored": "already stored"}.get(
            status, "already stored; this article added to its appearances"
        )
        figure = claim.figure_words or "no figure"
        lines.append(f"  #{claim.id} ({words}) {claim.source}: {figure}; topic {claim.topic}")
    return inert("\n".join(lines))
