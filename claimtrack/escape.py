"""Untrusted text made inert for where it is shown: a terminal, JSON, Markdown, HTML.

Claim text, sources and topics come from news copy and from other people's
files; none of it may style a terminal, run in a spreadsheet, or become a link
or markup in a published page.
"""

from __future__ import annotations

import html
import json
import re
import string

# What never shows as itself: C0 and C1 controls (ESC starts ANSI and OSC
# sequences), every format character (bidi marks, overrides and isolates, zero-
# width joiners, U+061C, interlinear annotations, tag characters), line and
# paragraph separators, the Hangul fillers that render as nothing, and lone
# surrogates (undecodable bytes in a file name or argument). Written out as
# ranges: building the class from unicodedata would cost every start-up.
_INVISIBLE_STORABLE = (
    "\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160"
    "\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164"
    "\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_INVISIBLE = _INVISIBLE_STORABLE + "\ud800-\udfff"
_UNSAFE = re.compile(f"[\\x00-\\x08\\x0b-\\x1f{_INVISIBLE}]")
_UNSAFE_ASCII = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f]")  # for ASCII text: scans twice as fast


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def inert(value: object) -> str:
    """Text that shows as itself on a terminal: controls become visible escapes."""
    text = "" if value is None else str(value)
    return (_UNSAFE_ASCII if text.isascii() else _UNSAFE).sub(_escaped, text)


def html_text(value: object) -> str:
    """Text that shows as itself in HTML or SVG, in an element or an attribute:
    controls and bidi overrides made visible as on a terminal (XML cannot hold
    them, and an override would reorder the page), then markup escaped."""
    return html.escape(inert(value), quote=True)


_UNSAFE_BUT_LINES = re.compile(f"\r(?!\n)|[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f{_INVISIBLE}]")


def inert_lines(text: str) -> str:
    """Like `inert`, keeping the line ends of a machine format (CSV's \\r\\n) as they are."""
    return _UNSAFE_BUT_LINES.sub(_escaped, text)


# Characters a JSON encoder leaves raw but that act on a terminal or hide or
# reorder text where the file is shown: the invisible ones above.
_JSON_UNSEEN = re.compile(f"[{_INVISIBLE}]")
# The same characters for SQLite's GLOB, to find the stored JSON texts that hold
# one (the store never holds a lone surrogate, and SQLite cannot be given one).
JSON_UNSEEN_GLOB = f"*[{_INVISIBLE_STORABLE}]*"
# In a page, JSON-LD sits inside <script>: "</script>" or "<!--" in a string
# would end or comment out the block. JSON allows \\u escapes for any character.
_JSON_IN_HTML = re.compile(f"[<>&{_INVISIBLE}]")


def _json_escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)  # JSON spells astral characters as a pair
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"


def json_dumps(value: object, indent: int | None = None, *, in_html: bool = False) -> str:
    """JSON that keeps readable text readable but escapes every control character;
    with in_html, also every character that could end a <script> block."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    if in_html:
        return _JSON_IN_HTML.sub(_json_escaped, text)
    return escape_unseen(text)


def escape_unseen(json_text: str) -> str:
    """JSON text with the characters an encoder leaves raw escaped as well."""
    if json_text.isascii():
        return json_text.replace("\x7f", "\\u007f")
    return _JSON_UNSEEN.sub(_json_escaped, json_text)


_NEWLINES = re.compile(r"\r\n|\r")
_ASCII_PUNCTUATION = frozenset(string.punctuation)
# An HTML entity or numeric character reference, which a renderer would decode.
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def md_text(value: object, *, heading: bool = False) -> str:
    """Text that shows as itself in Markdown (GFM) inline content: a table cell,
    a list item or, with `heading`, an ATX heading. Ordinary prose stays as
    written; a character is backslash-escaped only where it would otherwise
    change what a reader sees (see `_escapes`).

    Control and bidi characters become visible escapes first, as on a
    terminal (HTML cannot hold them, and a bidi override would reorder the
    published page). Line breaks become <br>, and edge white space a character
    reference, since cells, items and headings trim it.
    """
    text = "" if value is None else str(value)
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    text = inert(text)
    if "\n" in text:
        text = "<br>".join(_md_line(line) for line in text.split("\n"))
    else:
        text = _md_line(text)
    if heading and text.endswith("#"):
        text = text[:-1] + "\\#"  # a closing run of # would be dropped
    core = text.strip()
    if len(core) != len(text):
        if not core:
            return _ref(text)
        start = text.index(core[0])
        text = _ref(text[:start]) + core + _ref(text[start + len(core) :])
    return text


# The only characters that can ever need a backslash: the rest is looked at no further.
_MARKS = re.compile(r"[|`\\*~_\]<&]")


def _md_line(line: str) -> str:
    if _MARKS.search(line) is None:  # most prose: nothing to look at
        return line
    return _MARKS.sub(lambda m: "\\" + m[0] if _escapes(line, m.start()) else m[0], line)


def _escapes(line: str, i: int) -> bool:
    """Whether the character at i could be read as Markdown where it stands.

    The edge of the text counts as neither space nor a letter: what follows in
    the document is not known here, so the cautious reading wins.
    """
    ch = line[i]
    before = line[i - 1] if i else ""
    after = line[i + 1] if i + 1 < len(line) else ""
    if ch in "|`":  # a new table cell; a code span
        return True
    if ch == "\\":  # it would escape what follows (an edge space is "&#32;"), or break a line
        return not after or after in _ASCII_PUNCTUATION or after.isspace()
    if ch in "*~":  # emphasis or strikethrough, unless a lone mark between spaces
        return not (before.isspace() and after.isspace())
    if ch == "_":  # as *, and inside a word it never emphasises
        return not (before.isspace() and after.isspace()) and not (
            before.isalnum() and after.isalnum()
        )
    if ch == "]":  # the end of a link's or an image's text
        return after in ("(", "[")
    if ch == "<":  # HTML, or an autolink
        return after in ("/", "!", "?") or (after.isascii() and after.isalpha())
    if ch == "&":
        return _ENTITY.match(line, i) is not None
    return False


def _ref(chars: str) -> str:
    return "".join(f"&#{ord(c)};" for c in chars)


def md_link(url: str | None, label: str = "link") -> str:
    """A link only for http(s) addresses; anything else shows as nothing."""
    if not url or not re.match(r"(?i)^https?://[^\s<>]+$", url):
        return ""
    safe = url.replace("\\", "%5C").replace("(", "%28").replace(")", "%29")
    return f"[{md_text(label)}](<{safe}>)"
