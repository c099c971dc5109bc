"""Exports: one writer per format, each yielding text, so that large databases
stream instead of being held in memory. Pure: claims and reviews in, text out.
The same input always gives the same bytes; a time stamp only with `stamp`."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence

from claimtrack.claims import REPORT, Claim, outlet_name
from claimtrack.conflicts import Conflict, Review, Section, conflict_json, quantity_spreads
from claimtrack.dates import from_iso
from claimtrack.escape import json_dumps, md_link, md_text

FORMATS = ("markdown", "json", "jsonl", "csv", "claimreview", "timelinejs", "html")
TITLE = "Claims timeline"


# --- JSON family ------------------------------------------------------------------------


def jsonl(claims: Iterable[Claim]) -> Iterator[str]:
    for claim in claims:
        yield json_dumps(claim.to_json()) + "\n"


def review_json(review: Review) -> dict[str, object]:
    """A decision, with the fingerprints of its claims then (what it rests on)."""
    return {
        "claims": list(review.claims),
        "kind": review.kind,
        "decision": review.decision,
        "note": review.note,
        "reviewer": review.reviewer,
        "created_at": review.created_at,
        "basis": None if review.basis is None else list(review.basis),
        "settings": review.settings,
        "undone_at": review.undone_at,
    }


def json_document(
    claims: Iterable[Claim],
    section_stream: Iterable[Section],
    all_reviews: Iterable[Review],
    sources: Iterable[dict[str, object]],
    topics: Iterable[dict[str, object]],
    stamp: str | None = None,
) -> Iterator[str]:
    """A whole database as one JSON document, written a claim at a time."""
    yield "{\n"
    yield '  "format": "claimtrack",\n  "version": 1,\n'
    if stamp:
        yield f'  "generated_at": {json_dumps(stamp)},\n'
    yield '  "claims": '
    yield from _array(c.to_json() for c in claims)
    yield ',\n  "conflicts": '
    yield from _array(conflict_json(*row) for s in section_stream for row in s.conflicts)
    yield ',\n  "reviews": '
    yield from _array(review_json(r) for r in all_reviews)
    yield ',\n  "sources": '
    yield from _array(
        {"name": s["name"], "speaks_for": s.get("speaks_for"), "aliases": s["aliases"]}
        for s in sources
    )
    yield ',\n  "topics": '
    yield from _array(
        {"name": t["name"], "cumulative": t["cumulative"], "kinds": t["kinds"]} for t in topics
    )
    yield "\n}\n"


def _array(items: Iterable[object], *, in_html: bool = False) -> Iterator[str]:
    """A JSON array written an item at a time, one item a line."""
    separator, empty = "[\n    ", True
    for item in items:
        yield separator + json_dumps(item, in_html=in_html)
        separator, empty = ",\n    ", False
    yield "[]" if empty else "\n  ]"


# --- Markdown -------------------------------------------------------------------------


def markdown_title(spans: Sequence[tuple[str, str, str]]) -> str:
    """The document's title: its topics (up to three by name) and its date span."""
    if not spans:
        return TITLE
    names = [name for name, _, _ in spans]
    if len(names) > 3:
        what = f"Claims on {len(names)} topics"
    elif len(names) > 1:
        what = ", ".join(names[:-1]) + " and " + names[-1]
    else:
        what = names[0]
    first = _human(min(first for _, first, _ in spans))
    last = _human(max(last for _, _, last in spans))
    return f"{what}, {first}" if first == last else f"{what}, {first} to {last}"


def _human(iso: str) -> str:
    return from_iso(iso).human()


def markdown(
    section_stream: Iterable[Section],
    stamp: str | None = None,
    *,
    title: str = TITLE,
    dismissed: bool = False,
) -> Iterator[str]:
    """A document to paste into a newsroom's: a table a topic, its spread, the
    revisions and the conflicts with who decided them; dismissed pairs only
    with `dismissed`."""
    yield f"# {md_text(title, heading=True)}\n"
    if stamp:
        yield f"\nGenerated {md_text(stamp)}.\n"
    empty = True
    for section in section_stream:
        empty = False
        yield f"\n## {md_text(section.topic, heading=True)}\n\n"
        yield "| # | Date | Source | Claim | Figure | Verdict | Reported by | Added by |\n"
        yield "| ---: | --- | --- | --- | --- | --- | --- | --- |\n"
        for claim in section.claims:
            cells = [
                str(claim.id),
                claim.date_text(),
                md_text(claim.source),
                md_text(claim.text),
                md_text(claim.figure_words),
                md_text(
                    claim.verdict
                    + (
                        f" ({claim.verdict_by})"
                        if claim.verdict_by and claim.verdict != "unverified"
                        else ""
                    )
                ),
                " ".join(md_link(url, outlet_name(url)) for url in claim.urls),
                md_text(claim.added_by or ""),
            ]
            yield "| " + " | ".join(cells) + " |\n"
        for line in quantity_spreads(section.claims):
            yield f"\n{md_text(line)}\n"
        if section.revised:
            yield "\n### Revisions\n\n"
            by_id = {c.id: c for c in section.claims}
            for claim_id, earlier in sorted(section.revised.items()):
                later = by_id[claim_id]
                change = (
                    f"{earlier.figure_words} → {later.figure_words} "
                    f"({later.source}, {later.date.human()})"
                )
                yield f"- #{later.id} revises #{earlier.id}: {md_text(change)}\n"
        shown = [row for row in section.conflicts if dismissed or row[1] != "dismissed"]
        if shown:
            yield "\n### Conflicts\n\n"
            for conflict, status, review in shown:
                label = f"- **{conflict.kind.capitalize()}**, {_between(conflict)}"
                yield f"{label}, {md_text(_decision(status, review))}: {md_text(_reason(conflict))}\n"
    if empty:
        yield "\nNo claims.\n"


def _decision(status: str, review: Review | None) -> str:
    """'open', or who decided what and when, with their note."""
    if review is None:
        return status
    words = status
    if review.reviewer:
        words += f" by {review.reviewer}"
    words += f" on {_human(review.created_at[:10])}"
    if review.note:
        words += f" (“{review.note}”)"
    return words


def _between(conflict: Conflict) -> str:
    """'#1 and #2'; a denial: '#3 against #1, #2 and #4'."""
    first, *rest = conflict.ids
    if conflict.kind != "denial":
        return f"#{first} and #{rest[0]}"
    named = [f"#{i}" for i in rest]
    answered = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return f"#{first} against {answered}"


def _reason(conflict: Conflict) -> str:
    """The reason without its leading kind, which the line already names."""
    prefix = f"{conflict.kind.capitalize()}: "
    reason = conflict.reason
    return reason[len(prefix) :] if reason.startswith(prefix) else reason


# --- schema.org ClaimReview and TimelineJS --------------------------------------------

_ORGANISATION_WORDS = re.compile(
    r"(?i)\b(ministry|agency|service|department|office|government|council|army|forces|"
    r"command|kremlin|pentagon|house|nato|un|intelligence|police|news|press|committee|"
    r"parliament|duma|state|mission|embassy|military|administration|spokes\w*)\b"
)


def _author(name: str) -> dict[str, str]:
    words = name.split()
    is_person = (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not _ORGANISATION_WORDS.search(name)
        and not any(ch.isdigit() or ch == "." for ch in name)
    )
    return {"@type": "Person" if is_person else "Organization", "name": name}


def claimreview(claims: Iterable[Claim]) -> Iterator[str]:
    """schema.org JSON-LD: every claim a Claim; every rated claim also a ClaimReview.

    Pages embed JSON-LD in a <script> block, so no text may close or comment it
    out: <, > and & are written as \\u escapes, which JSON reads back the same."""
    yield '{\n  "@context": "https://schema.org",\n  "@graph": '
    nodes = (node for claim in claims for node in _claimreview_nodes(claim))
    yield from _array(nodes, in_html=True)
    yield "\n}\n"


def _claimreview_nodes(claim: Claim) -> Iterator[dict[str, object]]:
    node_id = f"#claim-{claim.id}"
    item: dict[str, object] = {
        "@type": "Claim",
        "@id": node_id,
        "text": claim.text,
        "author": _author(claim.source),
        "datePublished": claim.date.iso,
    }
    # One appearance an article; JSON-LD reads one value and a list of one alike.
    appearances: list[dict[str, object]] = [
        {
            "@type": "CreativeWork",
            "url": a.url,
            **({"datePublished": a.published} if a.published else {}),
        }
        for a in claim.appearances
        if a.url
    ]
    if claim.url and claim.url not in (a["url"] for a in appearances):
        appearances.insert(0, {"@type": "CreativeWork", "url": claim.url})
    if appearances:
        item["appearance"] = appearances if len(appearances) > 1 else appearances[0]
    yield item
    if claim.verdict == "unverified":
        return
    review: dict[str, object] = {
        "@type": "ClaimReview",
        "@id": f"#review-{claim.id}",
        "claimReviewed": claim.text,
        "itemReviewed": {"@id": node_id},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": claim.verdict,
            "ratingExplanation": claim.verdict_explanation,
        },
        "datePublished": (claim.verdict_at or claim.updated_at or "")[:10],
    }
    if claim.url:
        review["url"] = claim.url
    yield review


def timelinejs(claims: Iterable[Claim]) -> Iterator[str]:
    """Knight Lab TimelineJS JSON: one event a claim, dated at its precision."""
    yield '{\n  "title": {"text": {"headline": ' + json_dumps(TITLE) + '}},\n  "events": '
    yield from _array(_timeline_event(claim) for claim in claims)
    yield "\n}\n"


def _timeline_event(claim: Claim) -> dict[str, object]:
    parts = claim.date.iso.split("-")
    start = {"year": parts[0]}
    if len(parts) > 1:
        start["month"] = str(int(parts[1]))
    if len(parts) > 2:
        start["day"] = str(int(parts[2]))
    headline = claim.source + (f": {claim.figure_words}" if claim.figure else f" {claim.stance}")
    body = html.escape(claim.text)
    if claim.verdict != "unverified":
        body += f"<br><em>Verdict: {html.escape(claim.verdict)}</em>"
    for url in claim.urls:
        body += f'<br><a href="{html.escape(url, quote=True)}">source</a>'
    event: dict[str, object] = {"start_date": start}
    if claim.date_basis == REPORT:
        event["display_date"] = claim.date_text()
    return {
        **event,
        "text": {"headline": html.escape(headline), "text": body},
        "group": html.escape(claim.topic or ""),
        "unique_id": f"claim-{claim.id}",
    }
