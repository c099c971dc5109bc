"""Untrusted text made inert for where it is shown: a terminal, JSON, Markdown.

Claim text, sources and topics come from news copy and from other people's
files; none of it may style a terminal, run in a spreadsheet, or become a link
or markup in a published page.
"""

from __future__ import annotations

import json
import re

# C0/C1 controls (ESC starts ANSI and OSC sequences) and bidi overrides.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def inert(value: object) -> str:
    """Text that shows as itself on a terminal: controls become visible escapes."""
    text = "" if value is None else str(value)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# Characters a JSON encoder leaves raw but that act on a terminal or reorder
# text where the file is shown: C1 controls, bidi controls, line separators.
_UNSEEN_CHARS = "\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_JSON_UNSEEN = re.compile(f"[{_UNSEEN_CHARS}]")
# The same characters for SQLite's GLOB, to find the JSON texts that hold one.
JSON_UNSEEN_GLOB = f"*[{_UNSEEN_CHARS}]*"


def json_dumps(value: object, indent: int | None = None) -> str:
    """JSON that keeps readable text readable but escapes every control character."""
    return escape_unseen(json.dumps(value, ensure_ascii=False, indent=indent))


def escape_unseen(json_text: str) -> str:
    """JSON text with the characters an encoder leaves raw escaped as well."""
    return _JSON_UNSEEN.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


# Every ASCII punctuation mark that can start or end markup, a link, an entity,
# HTML or a GFM autolink ("." and ":" break "www." and "https:"); the harmless
# ones (, - ' " / ; ? % = + ^ $ @) stay as they are, to keep the file readable.
_PUNCTUATION = re.compile(r"([!#&()*.:<>\[\\\]_`{|}~])")
_NEWLINES = re.compile(r"\r\n|\r")


def md_text(value: object) -> str:
    """Text that shows as itself in a GFM table cell, whatever it holds.

    Control and bidi characters become visible escapes first, as on a
    terminal (HTML cannot hold them, and a bidi override would reorder the
    published page). Then punctuation that could mean something is
    backslash-escaped (CommonMark allows it for any ASCII punctuation), line
    breaks become <br>, and edge white space becomes a character reference,
    so nothing can start markup, a link, HTML or a new row.
    """
    text = "" if value is None else str(value)
    text = inert(_NEWLINES.sub("\n", text))
    text = _PUNCTUATION.sub(r"\\\1", text)
    text = text.replace("\n", "<br>")
    core = text.strip()
    if core != text:
        if not core:
            return _ref(text)
        start = text.index(core[0])
        text = _ref(text[:start]) + core + _ref(text[start + len(core) :])
    return text


def _ref(chars: str) -> str:
    return "".join(f"&#{ord(c)};" for c in chars)


def md_link(url: str | None) -> str:
    """A link only for http(s) addresses; anything else shows as nothing."""
    if not url or not re.match(r"(?i)^https?://[^\s<>]+$", url):
        return ""
    safe = url.replace("\\", "%5C").replace("(", "%28").replace(")", "%29")
    return f"[link](<{safe}>)"
