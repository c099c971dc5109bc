"""Exports: one writer per format, each yielding text, so that large databases
stream instead of being held in memory. Pure: claims and reviews in, text out.
The same input always gives the same bytes; a time stamp only with `stamp`."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from claimtrack.claims import Claim
from claimtrack.conflicts import Review, Section, conflict_json, topic_spread
from claimtrack.escape import json_dumps, md_link, md_text

FORMATS = ("markdown", "json", "jsonl", "csv", "claimreview", "timelinejs")
TITLE = "Claims timeline"


# --- JSON family ------------------------------------------------------------------------


def jsonl(claims: Iterable[Claim]) -> Iterator[str]:
    for claim in claims:
        yield json_dumps(claim.to_json()) + "\n"


def review_json(review: Review) -> dict[str, object]:
    return {
        "claims": [review.claim_a, review.claim_b],
        "kind": review.kind,
        "decision": review.decision,
        "note": review.note,
        "reviewer": review.reviewer,
        "created_at": review.created_at,
        "claims_updated_at": [review.a_updated_at, review.b_updated_at],
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
    yield from _array({"name": s["name"], "aliases": s["aliases"]} for s in sources)
    yield ',\n  "topics": '
    yield from _array({"name": t["name"], "cumulative": t["cumulative"]} for t in topics)
    yield "\n}\n"


def _array(items: Iterable[object], *, in_html: bool = False) -> Iterator[str]:
    """A JSON array written an item at a time, one item a line."""
    separator, empty = "[\n    ", True
    for item in items:
        yield separator + json_dumps(item, in_html=in_html)
        separator, empty = ",\n    ", False
    yield "[]" if empty else "\n  ]"


# --- Markdown -------------------------------------------------------------------------


def markdown(section_stream: Iterable[Section], stamp: str | None = None) -> Iterator[str]:
    yield f"# {TITLE}\n"
    if stamp:
        yield f"\nGenerated {md_text(stamp)}.\n"
    empty = True
    for section in section_stream:
        empty = False
        yield f"\n## {md_text(section.topic)}\n\n"
        yield "| Date | Source | Claim | Figure | Verdict | Link |\n"
        yield "| --- | --- | --- | --- | --- | --- |\n"
        for claim in section.claims:
            figure = claim.figure_words
            cells = [
                claim.date.human(),
                md_text(claim.source),
                md_text(claim.text),
                md_text(figure),
                md_text(claim.verdict),
                md_link(claim.url),
            ]
            yield "| " + " | ".join(cells) + " |\n"
        spread = topic_spread(section.claims)
        if spread is not None:
            yield f"\n{md_text(spread.describe())}\n"
        if section.revised:
            yield "\n### Revisions\n\n"
            by_id = {c.id: c for c in section.claims}
            for claim_id, earlier in sorted(section.revised.items()):
                later = by_id[claim_id]
                line = (
                    f"#{later.id} revises #{earlier.id}: {earlier.figure_words} → "
                    f"{later.figure_words} ({later.source}, {later.date.iso})"
                )
                yield f"- {md_text(line)}\n"
        if section.conflicts:
            yield "\n### Conflicts\n\n"
            for conflict, status, review in section.conflicts:
                note = f" Note: {review.note}" if review and review.note else ""
                line = f"{conflict.reason} [{status}]{note}"
                yield f"- **{conflict.kind.capitalize()}** {md_text(line)}\n"
    if empty:
        yield "\nNo claims.\n"


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
    if claim.url:
        item["appearance"] = {"@type": "CreativeWork", "url": claim.url}
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
    if claim.url:
        body += f'<br><a href="{html.escape(claim.url, quote=True)}">source</a>'
    return {
        "start_date": start,
        "text": {"headline": html.escape(headline), "text": body},
        "group": html.escape(claim.topic or ""),
        "unique_id": f"claim-{claim.id}",
    }
