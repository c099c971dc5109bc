"""The story as one self-contained web page: per topic its charts, spread, timeline
and conflicts. Pure: sections in, HTML text out, a topic at a time.

Everything the page needs is inside it, and its Content-Security-Policy allows
nothing else: no script, no request, only the one style sheet (by its hash).
Every string from the database is escaped, so claim text shows as text. The same
sections give the same bytes; the generation time appears only when given.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Iterator

from claimtrack.chart import build_chart, quantities, thin
from claimtrack.chart_render import svg_chart
from claimtrack.claims import Claim, source_key
from claimtrack.conflicts import Section, topic_spread
from claimtrack.escape import html_text
from claimtrack.exports import TITLE

_HTTP_URL = re.compile(r"(?i)^https?://\S+$")

STYLE = """
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --band: #f4f5f7; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; font: 16px/1.45 system-ui, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.7rem; margin: 0.5rem 0; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 0.3rem; padding-top: 0.8rem; border-top: 2px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
p.meta, figcaption, .muted { color: var(--muted); font-size: 0.9rem; }
figure { margin: 0.8rem 0; }
svg.chart { display: block; width: 100%; height: auto; max-width: 60rem; }
.scroll { overflow-x: auto; }
.scroll:focus { outline: 2px solid #0072B2; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--rule); }
th { background: var(--band); }
td.num, th.num { white-space: nowrap; }
td.text { min-width: 16rem; overflow-wrap: anywhere; }
.kind { font-weight: 600; }
.contradiction { color: #b3261e; }
.discrepancy { color: #8a5300; }
.denial { color: #6a3d9a; }
nav ul { columns: 16rem; padding-left: 1.2rem; }
a { color: #0b57d0; }
@media (max-width: 40rem) {
  body { padding: 0.6rem; font-size: 15px; }
  td.text { min-width: 12rem; }
  th, td { padding: 0.3rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-before: page; border-top: none; }
  section:first-of-type h2 { break-before: auto; }
  tr, figure { break-inside: avoid; }
  .scroll { overflow: visible; }
  a { color: inherit; }
  td a[href]::after { content: " <" attr(href) ">"; font-size: 8pt; overflow-wrap: anywhere; }
  nav { display: none; }
}
""".strip()

STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
POLICY = f"default-src 'none'; style-src 'sha256-{STYLE_HASH}'; base-uri 'none'; form-action 'none'"


def html_report(sections: Iterable[Section], stamp: str | None = None) -> Iterator[str]:
    """The page, written a topic at a time."""
    yield (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{TITLE}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{TITLE}</h1>\n"
    )
    if stamp:
        yield f'<p class="meta">Generated <time datetime="{html_text(stamp)}">{html_text(stamp)}</time>.</p>\n'
    yield "</header>\n<main>\n"
    topics: list[str] = []
    for number, section in enumerate(sections, start=1):
        topics.append(section.topic)
        yield from _section(number, section)
    if not topics:
        yield "<p>No claims.</p>\n"
    yield "</main>\n"
    if len(topics) > 1:
        yield '<footer>\n<nav aria-label="Topics">\n<h2>Topics</h2>\n<ul>\n'
        for number, topic in enumerate(topics, start=1):
            yield f'<li><a href="#topic-{number}">{html_text(topic)}</a></li>\n'
        yield "</ul>\n</nav>\n</footer>\n"
    yield "</body>\n</html>\n"


def _section(number: int, section: Section) -> Iterator[str]:
    anchor = f"topic-{number}"
    claims = section.claims
    first, last = claims[0].date, claims[-1].date
    span = first.human() if first.iso == last.iso else f"{first.human()} to {last.human()}"
    sources = len({source_key(c.source) for c in claims})
    yield (
        f'<section id="{anchor}" aria-labelledby="{anchor}-h">\n'
        f'<h2 id="{anchor}-h">{html_text(section.topic)}</h2>\n'
        f'<p class="meta">{span} · {_count(len(claims), "claim")} · '
        f"{_count(sources, 'source')}</p>\n"
    )
    spread = topic_spread(claims)
    if spread is not None:
        yield f"<p>{html_text(spread.describe())}</p>\n"
    for index, (quantity, members) in enumerate(quantities(claims).items(), start=1):
        chart = thin(build_chart(section, quantity, members))
        shown = "" if len(chart.marks) == chart.figures else (
            f" Marks that would cover each other are drawn once: {len(chart.marks)} "
            f"marks for {chart.figures} figures; the timeline lists every claim."
        )  # fmt: skip
        yield (
            f"<figure>\n{svg_chart(chart, f'{anchor}-chart-{index}')}\n"
            f"<figcaption>{html_text(chart.describe())}{shown} Denials and claims without a "
            "figure are in the timeline only.</figcaption>\n</figure>\n"
        )
    yield from _timeline(anchor, section)
    yield from _conflicts(anchor, section)
    yield "</section>\n"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _timeline(anchor: str, section: Section) -> Iterator[str]:
    yield (
        f'<h3 id="{anchor}-timeline">Timeline</h3>\n'
        f'<div class="scroll" role="region" aria-labelledby="{anchor}-timeline" tabindex="0">\n'
        f"<table>\n<caption>Claims about {html_text(section.topic)}, in date order</caption>\n"
        '<thead><tr><th scope="col" class="num">Date</th><th scope="col" class="num">Claim</th>'
        '<th scope="col">Source</th><th scope="col">What was said</th>'
        '<th scope="col">Figure</th><th scope="col">Verdict</th><th scope="col">Notes</th>'
        "</tr></thead>\n<tbody>\n"
    )
    revised = section.revised
    for claim in section.claims:
        yield _row(claim, revised.get(claim.id or 0))
    yield "</tbody>\n</table>\n</div>\n"


def _row(claim: Claim, earlier: Claim | None) -> str:
    source = html_text(claim.source)
    if claim.url and _HTTP_URL.match(claim.url):
        href = html_text(claim.url)
        source = f'<a href="{href}" rel="noopener noreferrer nofollow">{source}</a>'
    verdict = html_text(claim.verdict)
    if claim.verdict_explanation:
        verdict += f": {html_text(claim.verdict_explanation)}"
    words = html_text(claim.figure_words)
    notes = []
    if claim.as_of is not None:
        notes.append(f"figure as of {claim.as_of.human()}")
    if earlier is not None:
        notes.append(
            f'revises <a href="#claim-{earlier.id}">#{earlier.id}</a>: '
            f"{html_text(earlier.figure_words)} → {words}"
        )
    if claim.note:
        notes.append(html_text(claim.note))
    if claim.tags:
        notes.append("tags: " + html_text(", ".join(claim.tags)))
    stance = "" if claim.stance == "asserts" else f' <span class="muted">({claim.stance})</span>'
    return (
        f'<tr id="claim-{claim.id}"><td class="num">{claim.date.human()}</td>'
        f'<td class="num">#{claim.id}</td><td>{source}{stance}</td>'
        f'<td class="text">{html_text(claim.text)}</td><td>{words or "—"}</td>'
        f"<td>{verdict}</td><td>{'; '.join(notes)}</td></tr>\n"
    )


def _conflicts(anchor: str, section: Section) -> Iterator[str]:
    shown = [row for row in section.conflicts if row[1] != "dismissed"]
    dismissed = len(section.conflicts) - len(shown)
    if not section.conflicts:
        return
    yield f'<h3 id="{anchor}-conflicts">Conflicts</h3>\n'
    if shown:
        yield (
            f'<div class="scroll" role="region" aria-labelledby="{anchor}-conflicts" '
            'tabindex="0">\n<table>\n'
            f"<caption>Open and confirmed conflicts about {html_text(section.topic)}</caption>\n"
            '<thead><tr><th scope="col">Kind</th><th scope="col" class="num">Claims</th>'
            '<th scope="col">Why</th><th scope="col">Status</th><th scope="col">Decided</th>'
            "</tr></thead>\n<tbody>\n"
        )
        for conflict, status, review in shown:
            first, *rest = (f'<a href="#claim-{i}">#{i}</a>' for i in conflict.ids)
            decided = "—"
            if review is not None:
                who = html_text(review.reviewer) if review.reviewer else "unnamed reviewer"
                decided = f"{who}, {html_text(review.created_at[:10])}"
                if review.note:
                    decided += f": {html_text(review.note)}"
            yield (
                f'<tr><td class="kind {conflict.kind}">{conflict.kind}</td>'
                f'<td class="num">{first} × {", ".join(rest)}</td>'
                f'<td class="text">{html_text(conflict.reason)}</td><td>{status}</td>'
                f"<td>{decided}</td></tr>\n"
            )
        yield "</tbody>\n</table>\n</div>\n"
    if dismissed:
        yield f'<p class="muted">{_count(dismissed, "dismissed conflict")} not shown.</p>\n'
