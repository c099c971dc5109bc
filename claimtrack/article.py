"""Reading an article: a text or HTML file, standard input, or an http(s) page.

HTML goes through trafilatura, which finds the main text and the page's
metadata (publication date, canonical URL) far better than stripping tags.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from claimtrack.errors import ClaimtrackError

MAX_BYTES = 5 * 1024 * 1024
USER_AGENT = "claimtrack (+https://pypi.org/project/claimtrack/)"
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<article|<p[\s>]|<div)", re.I)


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None


def fetch_timeout() -> float:
    try:
        return float(os.environ.get("CLAIMTRACK_FETCH_TIMEOUT", "10"))
    except ValueError:
        return 10.0


def load_article(source: str, stdin: TextIO) -> Article:
    if source == "-":
        return _from_text(stdin.read(), "standard input", None)
    scheme = urlsplit(source).scheme.lower()
    if scheme in ("http", "https"):
        return _from_html(_fetch(source), source)
    if scheme and len(scheme) > 1 and "://" in source:
        raise ClaimtrackError(f"{source!r} is not an http or https address")
    return _from_file(Path(source))


def _from_file(path: Path) -> Article:
    if not path.exists():
        raise ClaimtrackError(f"{path}: no such file")
    if path.is_dir():
        raise ClaimtrackError(f"{path}: is a directory, not a file")
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise ClaimtrackError(f"{path}: larger than {MAX_BYTES // 1024 // 1024} MB")
    if b"\x00" in data:
        raise ClaimtrackError(f"{path}: holds NUL bytes; is it a binary file?")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ClaimtrackError(f"{path}: not UTF-8 text") from None
    if path.suffix.lower() in (".html", ".htm", ".xhtml") or _HTML_START.match(text):
        return _from_html(text, None)
    return _from_text(text, str(path), None)


def _from_text(text: str, where: str, url: str | None) -> Article:
    if "\x00" in text:
        raise ClaimtrackError(f"{where}: holds NUL bytes; is it a binary file?")
    if _HTML_START.match(text):
        return _from_html(text, url)
    if not text.strip():
        raise ClaimtrackError(f"{where}: the article is empty")
    return Article(text=text, url=url)


def _fetch(url: str) -> str:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    timeout = fetch_timeout()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only
            kind = response.headers.get_content_type()
            if "html" not in kind:
                raise ClaimtrackError(f"{url} is not an HTML page (it is {kind})")
            data = response.read(MAX_BYTES + 1)
            charset = response.headers.get_content_charset() or "utf-8"
    except urllib.error.HTTPError as error:
        raise ClaimtrackError(f"{url} answered HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        reason = getattr(error, "reason", error)
        raise ClaimtrackError(f"cannot reach {url}: {reason} (offline?)") from None
    except TimeoutError:
        raise ClaimtrackError(f"{url} did not answer within {timeout:g} s") from None
    if len(data) > MAX_BYTES:
        raise ClaimtrackError(f"{url} is larger than {MAX_BYTES // 1024 // 1024} MB")
    return data.decode(charset, errors="replace")


def _from_html(html: str, url: str | None) -> Article:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise ClaimtrackError(f"{url or 'the page'}: no article text found in it")
    metadata = trafilatura.extract_metadata(html)
    published = None
    if metadata is not None and metadata.date:
        try:
            published = date.fromisoformat(metadata.date[:10])
        except ValueError:
            published = None
    canonical = metadata.url if metadata is not None and metadata.url else None
    if canonical and urlsplit(canonical).scheme not in ("http", "https"):
        canonical = None
    title = metadata.title if metadata is not None else None
    return Article(text=text, title=title, published=published, url=canonical or url)
