"""Drawing a chart model: with characters for a terminal (plotext), as an SVG or PNG
file (matplotlib), and as inline SVG text for the HTML report. Each draws the same
marks, links, labels and legend; none decides what they are (see chart.py).

The plotting libraries load inside the functions that use them, so that nothing
else pays for them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from claimtrack.chart import BAND, BAR, DOWN, REVISION, UP, Chart, Mark
from claimtrack.errors import ClaimtrackError
from claimtrack.escape import html_text, inert

if TYPE_CHECKING:
    from matplotlib.axes import Axes

# Okabe-Ito's colour-blind-safe colours (yellow darkened to read on white), one a
# source, with a marker each, so that colour is never the only difference.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#6A3D9A", "#8C6D00")
OTHER_COLOUR = "#8A8A8A"
CONFLICT_COLOUR = "#E41A1C"
TERMINAL_COLOURS = (33, 214, 35, 176, 117, 202, 141, 178)
TERMINAL_OTHER = 245
TERMINAL_CONFLICT = 196
SHAPES = ("circle", "square", "diamond", "up", "down", "cross", "plus", "star")
GLYPHS = "●■◆▲▼✖✚★"
HOLLOW_GLYPHS = "○□◇△▽✕+☆"
MATPLOTLIB_MARKERS = "osD^vXP*"


def _style(chart: Chart, series: int) -> tuple[int, bool]:
    """(colour and marker index, whether it is the grey series of other sources)."""
    other = chart.other_sources and series == len(chart.series) - 1
    return series % len(COLOURS), other


# --- terminal ---------------------------------------------------------------------------


def terminal_chart(chart: Chart, width: int, height: int, colour: bool) -> str:
    """The chart drawn with characters, WIDTH columns by HEIGHT rows."""
    import plotext

    figure = plotext.figure
    plotext.terminal.limit(False, False)  # the caller has chosen the size
    figure.clear()
    figure.theme("simple" if colour else "colorless")
    figure.plot_size(width, height)
    figure.title(inert(f"{chart.topic}: {chart.quantity}" + (" (log scale)" if chart.log else "")))
    x_span = chart.last_day - chart.first_day
    cell = x_span / max(1, width - 12)  # about one column, in days
    by_id = {m.claim_id: m for m in chart.marks}

    def colour_of(mark: Mark) -> int:
        index, other = _style(chart, mark.series)
        return TERMINAL_OTHER if other else TERMINAL_COLOURS[index]

    def segment(x: tuple[float, float], y: tuple[float, float], glyph: str, code: int) -> None:
        figure.draw(figure.segment(x, y, marker=plotext.marker(glyph, plotext.pixel(code))))

    for link in chart.links:
        a, b = by_id[link.a], by_id[link.b]
        code = colour_of(a) if link.kind == REVISION else TERMINAL_CONFLICT
        segment((a.day, b.day), (a.value, b.value), "·" if link.kind == REVISION else "•", code)
    # Labels first, so that a mark is never written over by a neighbour's label.
    for mark in chart.marks:
        if mark.claim_id in chart.labelled:
            label = f"#{mark.claim_id}"
            figure.draw(figure.text(mark.day + cell, mark.value, label, alignment="left"))
    for mark in chart.marks:
        code = colour_of(mark)
        x = (mark.day, mark.day)
        if mark.shape in (BAR, BAND):
            segment(x, (mark.low, mark.high or mark.low), "┃" if mark.shape == BAR else "░", code)
        elif mark.shape == DOWN and not chart.log:
            segment(x, (chart.bottom, mark.value), "│", code)
        elif mark.shape in (UP, DOWN):
            end = chart.arrow_end(mark)
            segment(x, (mark.value, end), "│", code)
            arrow = plotext.marker("↑" if mark.shape == UP else "↓", plotext.pixel(code))
            figure.draw(figure.signal([mark.day], [end], marker=arrow))
        index, other = _style(chart, mark.series)
        glyph = "•" if other else (HOLLOW_GLYPHS if mark.approximate else GLYPHS)[index]
        point = figure.signal(
            [mark.day], [mark.value], marker=plotext.marker(glyph, plotext.pixel(code))
        )
        figure.draw(point)
    x_ticks, y_ticks = chart.x_ticks(), chart.y_ticks()
    figure.ruler("x").lim(chart.first_day, chart.last_day)
    figure.ruler("x").ticks([t for t, _ in x_ticks], [label for _, label in x_ticks])
    if chart.log:
        figure.ruler("y").scale("log")
    figure.ruler("y").lim(chart.bottom, chart.top)
    figure.ruler("y").ticks([t for t, _ in y_ticks], [label for _, label in y_ticks])
    text = figure.build().string(colorless=not colour)
    figure.clear()
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join([*lines, *_terminal_legend(chart, width, colour)]) + "\n"


def _terminal_legend(chart: Chart, width: int, colour: bool) -> list[str]:
    """The sources under the plot, as many to a line as fit."""
    entries = []
    for index, name in enumerate(chart.series):
        colour_index, other = _style(chart, index)
        glyph = "•" if other else GLYPHS[colour_index]
        if colour:
            code = TERMINAL_OTHER if other else TERMINAL_COLOURS[colour_index]
            glyph = f"\x1b[38;5;{code}m{glyph}\x1b[0m"
        entries.append((f"{glyph} {inert(name)}", len(name) + 2))
    key = "○ approximate  ┃ range  ↑ at least  ↓/│ up to  ░ vague  • conflict"
    entries.append((key, len(key)))
    lines, line, used = [], "", 0
    for text, size in entries:
        if line and used + 3 + size > width:
            lines.append(line)
            line, used = "", 0
        line, used = (f"{line}   {text}", used + 3 + size) if line else (text, size)
    return [*lines, line]


# --- files (matplotlib) -----------------------------------------------------------------


def file_chart(chart: Chart, kind: str) -> bytes:
    """The chart as an SVG or PNG file's bytes; the same chart gives the same bytes."""
    try:
        # No pyplot: its import (and its GUI backend choice) costs more than the drawing.
        from matplotlib import rcParams
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D
    except ImportError:
        raise ClaimtrackError(
            "writing a chart file needs matplotlib: pip install 'claimtrack[charts]'"
        ) from None
    import io

    # Fixed ids, text as text, and no date or version in the file.
    rcParams["svg.hashsalt"] = "claimtrack"
    rcParams["svg.fonttype"] = "none"
    figure = Figure(figsize=(9, 5), dpi=100)
    axes = figure.add_subplot()
    figure.subplots_adjust(left=0.08, right=0.98, bottom=0.08, top=0.93)
    _draw_on(axes, chart)
    handles = []
    for index, name in enumerate(chart.series):
        colour_index, other = _style(chart, index)
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker="." if other else MATPLOTLIB_MARKERS[colour_index],
                color=OTHER_COLOUR if other else COLOURS[colour_index],
                label=_plain(name),
            )
        )
    axes.legend(handles=handles, loc="upper left", fontsize=8, framealpha=0.9)
    axes.set_title(
        _plain(f"{chart.topic}: {chart.quantity}" + (" (log scale)" if chart.log else ""))
    )
    out = io.BytesIO()
    metadata = {"Date": None} if kind == "svg" else {"Software": None}
    figure.savefig(out, format=kind, metadata=metadata)
    return out.getvalue()


def _plain(text: str) -> str:
    """Text matplotlib shows as written: a pair of dollar signs would start mathtext."""
    return inert(text).replace("$", r"\$")


def _draw_on(axes: Axes, chart: Chart) -> None:
    """Everything in a few artists (one a series and kind), not one a mark: matplotlib's
    cost is per artist, and a busy topic has hundreds of marks."""
    from matplotlib.collections import LineCollection

    by_id = {m.claim_id: m for m in chart.marks}
    revisions, revision_colours, conflicts = [], [], []
    for link in chart.links:
        a, b = by_id[link.a], by_id[link.b]
        segment = [(a.day, a.value), (b.day, b.value)]
        if link.kind == REVISION:
            revisions.append(segment)
            revision_colours.append(_colour(chart, a))
        else:
            conflicts.append(segment)
    axes.add_collection(
        LineCollection(revisions, colors=revision_colours, linewidths=0.8, zorder=1)
    )
    axes.add_collection(LineCollection(conflicts, colors=CONFLICT_COLOUR, linewidths=1.0,
                                       linestyles="--", alpha=0.8, zorder=1))  # fmt: skip
    band_width = (chart.last_day - chart.first_day) * 0.012
    for series in range(len(chart.series)):
        marks = [m for m in chart.marks if m.series == series]
        if not marks:
            continue
        colour_index, other = _style(chart, series)
        colour = OTHER_COLOUR if other else COLOURS[colour_index]
        marker = "." if other else MATPLOTLIB_MARKERS[colour_index]
        bars = [m for m in marks if m.shape == BAR]
        axes.vlines([m.day for m in bars], [m.low for m in bars], [m.high for m in bars],
                    color=colour, linewidth=2.5, zorder=2)  # fmt: skip
        bands = [m for m in marks if m.shape == BAND]
        axes.bar([m.day for m in bands], [(m.high or m.low) - m.low for m in bands],
                 bottom=[m.low for m in bands], width=band_width, color=colour, alpha=0.25,
                 linewidth=0, zorder=2)  # fmt: skip
        from_zero = [m for m in marks if m.shape == DOWN and not chart.log]
        axes.vlines([m.day for m in from_zero], chart.bottom, [m.value for m in from_zero],
                    color=colour, linewidth=1.2, alpha=0.6, zorder=2)  # fmt: skip
        for shape, head in ((UP, "^"), (DOWN, "v")):
            arrows = [m for m in marks if m.shape == shape and (shape == UP or chart.log)]
            ends = [chart.arrow_end(m) for m in arrows]
            axes.vlines([m.day for m in arrows], [m.value for m in arrows], ends, color=colour,
                        linewidth=1.2, zorder=2)  # fmt: skip
            axes.plot([m.day for m in arrows], ends, linestyle="none", marker=head,
                      markersize=4, color=colour, zorder=2)  # fmt: skip
        for hollow in (False, True):
            group = [m for m in marks if m.approximate == hollow]
            if not group:
                continue
            (symbols,) = axes.plot(
                [m.day for m in group],
                [m.value for m in group],
                linestyle="none",
                marker=marker,
                markersize=6,
                color=colour,
                markerfacecolor="white" if hollow else colour,
                zorder=3,
            )
            # One <use> a claim inside this group: what a reader (and a test) counts.
            symbols.set_gid(f"marks-{series}-{'hollow' if hollow else 'solid'}")
    for mark in chart.marks:
        if mark.claim_id in chart.labelled:
            axes.annotate(f"#{mark.claim_id}", (mark.day, mark.value), xytext=(4, 3),
                          textcoords="offset points", fontsize=7, color="#333333")  # fmt: skip
    if chart.log:
        axes.set_yscale("log")
    axes.set_ylim(chart.bottom, chart.top)
    axes.set_xlim(chart.first_day, chart.last_day)
    y_ticks, x_ticks = chart.y_ticks(), chart.x_ticks()
    axes.set_yticks([t for t, _ in y_ticks], [label for _, label in y_ticks])
    axes.minorticks_off()
    axes.set_xticks([t for t, _ in x_ticks], [label for _, label in x_ticks])
    axes.set_ylabel(_plain(chart.quantity))
    axes.grid(True, color="#e5e5e5", linewidth=0.6)
    axes.set_axisbelow(True)


# --- inline SVG -------------------------------------------------------------------------

WIDTH, HEIGHT = 720, 340
LEFT, RIGHT, TOP, BOTTOM = 62, 14, 14, 36
LEGEND_ROW = 18


def svg_chart(chart: Chart, element_id: str) -> str:
    """The chart as an SVG element to place in a page: sized by its viewBox, every
    mark a group with the claim's id and a title, the whole described in words."""
    columns = 4
    legend_rows = -(-len(chart.series) // columns)
    height = HEIGHT + legend_rows * LEGEND_ROW + 6
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def px(day: float) -> float:
        return LEFT + chart.x(day) * plot_w

    def py(value: float) -> float:
        return TOP + (1 - chart.y(value)) * plot_h

    title = html_text(f"{chart.topic}: {chart.quantity}")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{element_id}-title {element_id}-desc" id="{element_id}" '
        f'font-family="sans-serif" font-size="11">',
        f'<title id="{element_id}-title">{title}</title>',
        f'<desc id="{element_id}-desc">{html_text(chart.describe())}</desc>',
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#ffffff" '
        'stroke="#bbbbbb"/>',
    ]
    parts.append('<g class="axes" fill="#444444">')
    for value, label in chart.y_ticks():
        y = py(value)
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#eeeeee"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>'
        )
    for day, label in chart.x_ticks():
        x = px(day)
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP + plot_h}" y2="{TOP + plot_h + 4}" '
            f'stroke="#888888"/><text x="{x:.1f}" y="{TOP + plot_h + 17}" '
            f'text-anchor="middle">{html_text(label)}</text>'
        )
    parts.append("</g>")
    by_id = {m.claim_id: m for m in chart.marks}
    parts.append('<g class="links" fill="none">')
    for link in chart.links:
        a, b = by_id[link.a], by_id[link.b]
        ends = f'x1="{px(a.day):.1f}" y1="{py(a.value):.1f}" x2="{px(b.day):.1f}" y2="{py(b.value):.1f}"'
        if link.kind == REVISION:
            parts.append(
                f'<line class="revision" {ends} stroke="{_colour(chart, a)}" stroke-width="1">'
                f"<title>#{b.claim_id} revises #{a.claim_id}</title></line>"
            )
        else:
            parts.append(
                f'<line class="conflict" {ends} stroke="{CONFLICT_COLOUR}" stroke-width="1.5" '
                f'stroke-dasharray="5 3"><title>{link.kind}: #{link.a} and #{link.b}</title></line>'
            )
    parts.append("</g>")
    parts.append('<g class="marks">')
    parts.extend(_svg_mark(chart, mark, px, py) for mark in chart.marks)
    parts.append("</g>")
    parts.append('<g class="labels" fill="#333333" font-size="9">')
    for mark in chart.marks:
        if mark.claim_id in chart.labelled:
            parts.append(
                f'<text x="{px(mark.day) + 6:.1f}" y="{py(mark.value) - 5:.1f}">#{mark.claim_id}</text>'
            )
    parts.append("</g>")
    parts.extend(_svg_legend(chart, columns))
    parts.append("</svg>")
    return "".join(parts)


def _colour(chart: Chart, mark: Mark) -> str:
    index, other = _style(chart, mark.series)
    return OTHER_COLOUR if other else COLOURS[index]


def _svg_mark(chart: Chart, mark: Mark, px, py) -> str:  # type: ignore[no-untyped-def]
    colour = _colour(chart, mark)
    x, y = px(mark.day), py(mark.value)
    more = f" and {mark.count - 1} more claims here" if mark.count > 1 else ""
    tip = html_text(f"#{mark.claim_id} {mark.source}: {mark.words} ({mark.date_text}){more}")
    body = []
    if mark.shape == BAR:
        body.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{py(mark.low):.1f}" y2="{py(mark.high or mark.low):.1f}" '
            f'stroke="{colour}" stroke-width="3"/>'
        )
    elif mark.shape == BAND:
        top, bottom = py(mark.high or mark.low), py(mark.low)
        body.append(
            f'<rect x="{x - 6:.1f}" y="{top:.1f}" width="12" height="{max(1.0, bottom - top):.1f}" '
            f'fill="{colour}" fill-opacity="0.25"/>'
        )
    elif mark.shape == DOWN and not chart.log:
        body.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{py(chart.bottom):.1f}" y2="{y:.1f}" '
            f'stroke="{colour}" stroke-width="1.5" stroke-opacity="0.6"/>'
        )
    elif mark.shape in (UP, DOWN):
        end = py(chart.arrow_end(mark))
        tip_dir = -1 if mark.shape == UP else 1
        body.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y:.1f}" y2="{end:.1f}" stroke="{colour}" '
            f'stroke-width="1.5"/><path d="M{x - 4:.1f} {end - 5 * tip_dir:.1f}L{x:.1f} '
            f'{end:.1f}L{x + 4:.1f} {end - 5 * tip_dir:.1f}Z" fill="{colour}"/>'
        )
    index, other = _style(chart, mark.series)
    body.append(
        _symbol("circle" if other else SHAPES[index], x, y, colour, mark.approximate, other)
    )
    return f'<g class="mark {mark.shape}" data-claim="{mark.claim_id}"><title>{tip}</title>{"".join(body)}</g>'


def _symbol(shape: str, x: float, y: float, colour: str, hollow: bool, small: bool = False) -> str:
    r = 3.0 if small else 4.5
    paint = f'fill="#ffffff" stroke="{colour}" stroke-width="1.5"' if hollow else f'fill="{colour}"'
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" {paint}/>'
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" {paint}/>'
    points = {
        "diamond": [(0, -1.3), (1.1, 0), (0, 1.3), (-1.1, 0)],
        "up": [(0, -1.25), (1.15, 0.85), (-1.15, 0.85)],
        "down": [(0, 1.25), (1.15, -0.85), (-1.15, -0.85)],
        "cross": [(-1, -0.6), (-0.6, -1), (0, -0.4), (0.6, -1), (1, -0.6), (0.4, 0), (1, 0.6),
                  (0.6, 1), (0, 0.4), (-0.6, 1), (-1, 0.6), (-0.4, 0)],
        "plus": [(-0.3, -1), (0.3, -1), (0.3, -0.3), (1, -0.3), (1, 0.3), (0.3, 0.3), (0.3, 1),
                 (-0.3, 1), (-0.3, 0.3), (-1, 0.3), (-1, -0.3), (-0.3, -0.3)],
        "star": [(0, -1.3), (0.3, -0.4), (1.2, -0.4), (0.5, 0.15), (0.75, 1.05), (0, 0.5),
                 (-0.75, 1.05), (-0.5, 0.15), (-1.2, -0.4), (-0.3, -0.4)],
    }[shape]  # fmt: skip
    path = "L".join(f"{x + dx * r:.1f} {y + dy * r:.1f}" for dx, dy in points)
    return f'<path d="M{path}Z" {paint}/>'


def _svg_legend(chart: Chart, columns: int) -> Iterator[str]:
    column_width = (WIDTH - LEFT) // columns
    yield '<g class="legend" fill="#222222">'
    for index, name in enumerate(chart.series):
        x = LEFT + (index % columns) * column_width
        y = HEIGHT + (index // columns) * LEGEND_ROW + 4
        colour_index, other = _style(chart, index)
        colour = OTHER_COLOUR if other else COLOURS[colour_index]
        shape = "circle" if other else SHAPES[colour_index]
        short = name if len(name) <= 26 else name[:25] + "…"
        yield _symbol(shape, x + 5, y, colour, False, other)
        yield f'<text x="{x + 14}" y="{y + 4}">{html_text(short)}<title>{html_text(name)}</title></text>'
    yield "</g>"
