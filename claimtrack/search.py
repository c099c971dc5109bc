"""Search queries: what a person types, made into FTS5 phrases. Pure."""

from __future__ import annotations

import re

# A run of white space, or a "quoted phrase": sqlite-utils' Database.quote_fts
# splits a query the same way.
_PARTS = re.compile(r'\s+|(".*?")')


def search_phrases(query: str) -> list[str]:
    """Each word, or each "quoted phrase", as an FTS5 phrase of its own.

    Quoted, punctuation is split as the index splits the text ("1,000" is the
    phrase 1 000, "FBI's" is fbi s) and no word is read as syntax (AND, NOT, a
    leading -, a colon). This is sqlite-utils' `quote_fts`, less its import,
    which costs 90 ms, as long as a whole search; a test holds the two to the
    same answer. A part with no letter or digit is dropped: the index holds
    no such word, and an empty phrase would match nothing.
    """
    if query.count('"') % 2:
        query += '"'
    phrases = []
    for part in _PARTS.split(query):
        if not part:
            continue
        words = part[1:-1] if part.startswith('"') else part
        if any(ch.isalnum() for ch in words):
            phrases.append(f'"{words}"')
    return phrases
