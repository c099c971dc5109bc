"""Reading an article: a text or HTML file, standard input, or an http(s) page.

HTML goes through trafilatura, which finds the main text and the page's
metadata (publication date, canonical URL) far better than stripping tags.
Every way in is read only up to MAX_BYTES, and a fetch is bounded as a whole
by CLAIMTRACK_FETCH_TIMEOUT, however slowly the server answers.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from claimtrack.errors import ClaimtrackError
from claimtrack.files import read_file, size_words
from claimtrack.limits import seconds_setting

MAX_BYTES = 5 * 1024 * 1024
USER_AGENT = "claimtrack (+https://pypi.org/project/claimtrack/)"
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<article|<p[\s>]|<div)", re.I)
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None


def fetch_timeout() -> float:
    return seconds_setting("CLAIMTRACK_FETCH_TIMEOUT", 10.0)


def load_article(source: str, stdin: TextIO) -> Article:
    if source == "-":
        return _from_text(_decoded(_read_stdin(stdin), "standard input"), "standard input", None)
    try:
        scheme = urlsplit(source).scheme.lower()
    except ValueError:  # "http://[::1": a bracket that never closes
        raise ClaimtrackError(f"{source!r} is not a well-formed address") from None
    if scheme in ("http", "https"):
        return _from_html(_fetch(source), source)
    if scheme and len(scheme) > 1 and "://" in source:
        raise ClaimtrackError(f"{source!r} is not an http or https address")
    return _from_file(Path(source))


def _read_stdin(stdin: TextIO) -> bytes:
    """Standard input's bytes, up to the cap (decoded here, so that bytes that are
    not UTF-8 get an error rather than the decoder's traceback)."""
    raw = getattr(stdin, "buffer", None)
    data = raw.read(MAX_BYTES + 1) if raw is not None else stdin.read(MAX_BYTES + 1).encode()
    if len(data) > MAX_BYTES:
        raise ClaimtrackError(f"standard input: larger than {size_words(MAX_BYTES)}")
    return data


def _decoded(data: bytes, where: str) -> str:
    if b"\x00" in data:
        raise ClaimtrackError(f"{where}: holds NUL bytes; is it a binary file?")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ClaimtrackError(f"{where}: not UTF-8 text") from None


def _from_file(path: Path) -> Article:
    text = _decoded(read_file(path, MAX_BYTES), str(path))
    if path.suffix.lower() in (".html", ".htm", ".xhtml") or _HTML_START.match(text):
        return _from_html(text, None)
    return _from_text(text, str(path), None)


def _from_text(text: str, where: str, url: str | None) -> Article:
    if _HTML_START.match(text):
        return _from_html(text, url)
    if not text.strip():
        raise ClaimtrackError(f"{where}: the article is empty")
    return Article(text=text, url=url)


def _fetch(url: str) -> str:
    """The page as text, read within the timeout as a whole.

    urllib's timeout bounds each read, so a server sending a byte a second
    never trips it: the fetch runs in a thread that is given up on at the
    deadline (a daemon, so it ends with the command)."""
    timeout = fetch_timeout()
    outcome: list[str | BaseException] = []
    stop = threading.Event()

    def fetch() -> None:
        try:
            outcome.append(_fetch_within(url, timeout, stop))
        except BaseException as error:  # raised again in the command's own thread
            outcome.append(error)

    worker = threading.Thread(target=fetch, daemon=True)
    worker.start()
    worker.join(timeout)
    stop.set()
    if not outcome:
        raise ClaimtrackError(f"{url} did not send the whole page within {timeout:g} s")
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def _fetch_within(url: str, timeout: float, stop: threading.Event) -> str:
    import http.client
    import urllib.error
    import urllib.request

    opener = urllib.request.build_opener(_http_only_redirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if "html" not in kind:
                raise ClaimtrackError(f"{url} is not an HTML page (it is {kind})")
            charset = response.headers.get_content_charset() or "utf-8"
            chunks: list[bytes] = []
            size = 0
            while size <= MAX_BYTES and not stop.is_set():
                chunk = response.read1(_CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
    except urllib.error.HTTPError as error:
        raise ClaimtrackError(f"{url} answered HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        reason = getattr(error, "reason", error)
        raise ClaimtrackError(f"cannot reach {url}: {reason} (offline?)") from None
    except TimeoutError:
        raise ClaimtrackError(f"{url} did not answer within {timeout:g} s") from None
    except (http.client.HTTPException, ValueError, OSError) as error:
        # A malformed address or port, a reply that is not HTTP, a dropped connection.
        words = str(error) or type(error).__name__
        raise ClaimtrackError(f"cannot read {url}: {words}") from None
    if size > MAX_BYTES:
        raise ClaimtrackError(f"{url} is larger than {size_words(MAX_BYTES)}")
    return _text_of(b"".join(chunks), charset)


def _text_of(data: bytes, charset: str) -> str:
    """The reply as text. A charset Python does not know (or one that is not a
    text encoding) is read as UTF-8, the web's default, as browsers fall back."""
    import codecs

    try:
        codecs.lookup(charset)
        return data.decode(charset, errors="replace")
    except (LookupError, ValueError):
        return data.decode("utf-8", errors="replace")


def _http_only_redirects() -> type:
    import urllib.error
    import urllib.request

    class HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
        """Follow redirects to http and https only (urllib also follows ftp)."""

        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            try:
                scheme = urlsplit(newurl).scheme.lower()
            except ValueError:
                scheme = ""
            if scheme not in ("http", "https"):
                raise urllib.error.HTTPError(newurl, code, "redirected off http", headers, fp)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return HttpOnlyRedirects


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
    if canonical:
        from claimtrack.claims import check_url
        from claimtrack.errors import ParseError

        try:
            canonical = check_url(canonical)
        except ParseError:  # a page's own address that could not be stored
            canonical = None
    title = metadata.title if metadata is not None else None
    return Article(text=text, title=title, published=published, url=canonical or url)
