"""Reading claims in bulk: what `export` writes (csv, json, jsonl) and plain CSV
with at least the columns text, source and date. Every row is checked before
anything is written; each problem names its file, line and field."""

from __future__ import annotations

import csv
import io
import json
import math
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from claimtrack.claims import (
    DATE_BASES,
    Appearance,
    Claim,
    ClaimRefused,
    check_claim,
    check_name,
    check_quantity,
    check_source,
    check_stance,
    check_tags,
    check_text,
    check_url,
    check_verdict,
    detect_stance,
    quantity_of,
    tags_from_cell,
)
from claimtrack.conflicts import KINDS, WHOLE_TOPIC, check_reviewer
from claimtrack.dates import ClaimDate, from_iso, parse_date
from claimtrack.errors import ClaimtrackError, ParseError
from claimtrack.figures import QUALIFIERS, Figure, parse_figure, parse_figure_option
from claimtrack.limits import (
    MAX_NAME,
    MAX_TEXT,
    check_id,
    check_timestamp,
    text_problem,
    utc_now,
)
from claimtrack.quantities import KINDS as QUANTITY_KINDS

IMPORT_FORMATS = ("csv", "json", "jsonl")
REQUIRED = ("text", "source", "date")
MAX_IMPORT_BYTES = 512 * 1024 * 1024  # some 2.5 million claims of CSV


@dataclass
class Row:
    place: str  # "line 7" or "claims[6]"
    claim: Claim
    original_id: int | None


@dataclass
class Batch:
    """A file's claims, checked as they are read (in a second process for a large
    file, so that checking overlaps with storing), and what else the file holds."""

    rows: Iterator[Row] = field(default_factory=lambda: iter(()))
    count: int = 0  # records in the file
    file_ids: list[int] = field(default_factory=list)  # the ids the file gives its claims
    errors: list[str] = field(default_factory=list)  # filled while rows are read
    reviews: list[dict[str, object]] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias, source name)
    # (source name, the source it speaks for), from a sources section
    affiliations: list[tuple[str, str]] = field(default_factory=list)
    kinds: list[tuple[str, str, str]] = field(default_factory=list)  # (topic, quantity, kind)


def detect_format(path: Path, given: str | None) -> str:
    if given:
        if given not in IMPORT_FORMATS:
            raise ClaimtrackError(
                f"unknown format {given!r}; use one of: {', '.join(IMPORT_FORMATS)}"
            )
        return given
    suffix = path.suffix.lower().lstrip(".")
    if suffix == "ndjson":
        return "jsonl"
    if suffix in IMPORT_FORMATS:
        return suffix
    raise ClaimtrackError(
        f"{path}: cannot tell the format from the name; give --format csv|json|jsonl"
    )


def read_text(path: Path) -> str:
    """The file as text, refusing what is missing, not a regular file (a FIFO, a
    device), over the size cap, binary or empty."""
    from claimtrack.files import read_file

    data = read_file(path, MAX_IMPORT_BYTES)
    if not data.strip():
        raise ClaimtrackError(f"{path}: the file is empty")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ClaimtrackError(f"{path} line {line}: holds a NUL byte; is it a binary file?")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ClaimtrackError(f"{path} line {line}: not valid UTF-8 text") from None
    return text


def read_batch(
    path: Path, fmt: str, today: date, *, stop_on_error: bool = True, now: str | None = None
) -> Batch:
    """Read a file's records at once (a bad file fails here); check its rows lazily.

    With stop_on_error the first bad row raises, naming its file, line and field;
    otherwise bad rows are left out and listed in batch.errors. Time stamps
    after `now` are refused.
    """
    text = read_text(path)
    now = now or utc_now()
    batch = Batch()
    if fmt == "csv":
        records = list(_csv_records(path, text))
    elif fmt == "jsonl":
        records = list(_jsonl_records(path, text))
    else:
        records = list(_json_records(path, text, batch))
    batch.count = len(records)
    ids = (_file_id(record) for _, record in records)
    batch.file_ids = [claim_id for claim_id in ids if claim_id is not None]
    batch.rows = _checked_rows(
        path, records, (today, now), fmt == "csv", batch.errors, stop_on_error
    )
    return batch


def _file_id(record: dict[str, object]) -> int | None:
    """The id the file gives a claim, if it is one (a bad one is refused with its row)."""
    value = record.get("id")
    if value is None or value == "":
        return None
    try:
        return check_id(value.strip() if isinstance(value, str) else value)
    except ParseError:
        return None


CHUNK = 5_000
IN_PARALLEL_FROM = 20_000  # records; below that a second process costs more than it saves
_RECORDS: list[tuple[str, dict[str, object]]] = []  # what a forked checker reads
_Checked = list[tuple[str, Claim | None, int | None, tuple[str, str] | None]]


def _checked_rows(
    path: Path,
    records: list[tuple[str, dict[str, object]]],
    when: tuple[date, str],
    from_csv: bool,
    errors: list[str],
    stop_on_error: bool,
) -> Iterator[Row]:
    chunks = _check_chunks(records, when, from_csv)

    def rows() -> Iterator[Row]:
        try:
            for chunk in chunks:
                for place, claim, original_id, problem in chunk:
                    if problem is None:
                        yield Row(place, claim, original_id)  # type: ignore[arg-type]
                        continue
                    message = f"{path} {place}, field {problem[0]!r}: {problem[1]}"
                    if stop_on_error:
                        raise ClaimtrackError(f"{message}; nothing imported")
                    errors.append(message)
        finally:
            chunks.close()  # type: ignore[attr-defined]  # stops a checker process now

    return rows()


def _check_span(
    span: tuple[int, int], when: tuple[date, str], from_csv: bool, quantities: bool = True
) -> _Checked:
    """Check records [start, end): `when` is (today, now), the bounds of dates and times."""
    out: _Checked = []
    for place, record in _RECORDS[span[0] : span[1]]:
        try:
            claim, original_id = claim_from_record(
                record, when[0], from_csv=from_csv, now=when[1], quantity=quantities
            )
        except _FieldError as error:
            out.append((place, None, None, (error.field, error.message)))
        else:
            out.append((place, claim, original_id, None))
    return out


def _check_chunks(
    records: list[tuple[str, dict[str, object]]], when: tuple[date, str], from_csv: bool
) -> Iterator[_Checked]:
    """Checked rows a chunk at a time. A large file is checked by a forked process
    that already holds the records, while this one stores what came back; the
    process starts here, before the caller opens its write transaction."""
    global _RECORDS
    _RECORDS = records
    spans = [(start, min(start + CHUNK, len(records))) for start in range(0, len(records), CHUNK)]
    if len(records) < IN_PARALLEL_FROM or (os.cpu_count() or 1) < 2 or not _can_fork():
        return (_check_span(span, when, from_csv) for span in spans)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_exit_with_parent,
        initargs=(os.getpid(),),
    )
    # The checker would otherwise be the slower of the two: it leaves every other
    # chunk's quantities to the storing process, which reads them as it stores.
    halves = [index % 2 == 0 for index in range(len(spans))]
    # The checker is forked here. Ctrl-C is held back meanwhile, so that it cannot
    # reach the new process before that process has learnt to ignore it; this one
    # gets it as soon as the fork is done.
    import signal

    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        results = pool.map(_check_span, spans, [when] * len(spans), [from_csv] * len(spans), halves)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})

    def drain() -> Iterator[_Checked]:
        try:
            yield from results
        finally:
            # Ctrl-C stops this process between chunks; the checker, told to
            # ignore it, is stopped here rather than left to print its own.
            pool.shutdown(wait=True, cancel_futures=True)

    return drain()


def _exit_with_parent(parent: int) -> None:
    """In the checker: leave when the importer is gone. A killed importer closes
    nothing, and the checker would otherwise wait for work for ever. Ctrl-C
    reaches both processes; the importer alone answers it."""
    import signal
    import threading
    import time

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held back by the fork

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _csv_records(path: Path, text: str) -> Iterator[tuple[str, dict[str, object]]]:
    """Each record with the line it starts on (a quoted field may span lines).

    Read strictly: an unclosed quote is reported as such, not as a record that
    swallowed the rest of the file and lacks its other fields."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        header = next(reader, [])
        columns = [c.strip().lower() for c in header]
        missing = [c for c in REQUIRED if c not in columns]
        if missing:
            raise ClaimtrackError(
                f"{path} line 1: missing column(s) {', '.join(missing)}; "
                f"the header has {', '.join(columns) or 'nothing'}"
            )
        while True:
            start = reader.line_num + 1
            cells = next(reader, None)
            if cells is None:
                return
            if not cells:
                continue  # a blank line
            if len(cells) > len(columns):
                raise ClaimtrackError(f"{path} line {start}: more cells than columns")
            record = {name: _unguard(cell) for name, cell in zip(columns, cells, strict=False)}
            yield f"line {start}", record
    except csv.Error as error:
        raise ClaimtrackError(f"{path} line {start}: {_csv_words(str(error))}") from None


def _csv_words(error: str) -> str:
    if "unexpected end of data" in error:
        return 'a quoted field opens here and is never closed (a closing " is missing)'
    if "expected after" in error:
        return 'text follows the closing quote of a field (write a " inside a quoted field as "")'
    if "field larger than field limit" in error:
        return f"a field is longer than {csv.field_size_limit():,} characters"
    return error


def _unguard(value: str | None) -> str | None:
    """Undo the export's spreadsheet guard (a leading apostrophe)."""
    if value is None:
        return None
    return value[1:] if value.startswith("'") else value


def _jsonl_records(path: Path, text: str) -> Iterator[tuple[str, dict[str, object]]]:
    # Lines end at \n alone: str.splitlines would also split a record at U+2028,
    # U+0085 or a form feed inside one of its strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        record = _json_value(path, line, number)
        if not isinstance(record, dict):
            raise ClaimtrackError(f"{path} line {number}: expected a JSON object")
        yield f"line {number}", record


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


def _json_value(path: Path, text: str, line: int | None = None) -> object:
    """Parsed JSON; NaN and Infinity (which Python's json accepts) are refused.
    `line` is the line of a JSON lines file the text is."""
    place = f"{path} line {line}" if line else str(path)
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        if line:
            raise ClaimtrackError(f"{place}: invalid JSON ({error.msg})") from None
        raise ClaimtrackError(
            f"{place} line {error.lineno}: invalid JSON ({error.msg}, column {error.colno})"
        ) from None
    except RecursionError:
        raise ClaimtrackError(f"{place}: invalid JSON (nested too deeply)") from None
    except ValueError as error:  # the constants above; integers of more than 4,300 digits
        raise ClaimtrackError(f"{place}: invalid JSON ({error})") from None


def _json_records(path: Path, text: str, batch: Batch) -> Iterator[tuple[str, dict[str, object]]]:
    document = _json_value(path, text)
    if isinstance(document, list):
        claims, document = document, {}
    elif isinstance(document, dict) and isinstance(document.get("claims"), list):
        claims = document["claims"]
    else:
        raise ClaimtrackError(f'{path}: expected a list of claims or an object with "claims"')
    _side_sections(path, document, batch)  # type: ignore[arg-type]
    for index, record in enumerate(claims):
        if not isinstance(record, dict):
            raise ClaimtrackError(f"{path} claims[{index}]: expected a JSON object")
        yield f"claims[{index}]", record


def _side_sections(path: Path, document: dict[str, object], batch: Batch) -> None:
    """Reviews, sources (with their aliases) and topics (with their kinds), each
    checked like the claims: a bad entry names its place and nothing is imported."""
    now = utc_now()
    for index, review in _entries(path, document, "reviews"):
        batch.reviews.append(_review(f"{path} reviews[{index}]", review, now))
    for index, source in _entries(path, document, "sources"):
        place = f"{path} sources[{index}]"
        name = _side_text(place, "name", source.get("name"), check_source)
        aliases = source.get("aliases") or []
        if not isinstance(aliases, list):
            raise ClaimtrackError(f"{place}: aliases must be a list of names")
        for alias in aliases:
            batch.aliases.append((_side_text(place, "aliases", alias, check_source), name))
        if source.get("speaks_for") is not None:
            voice = _side_text(place, "speaks_for", source["speaks_for"], check_source)
            batch.affiliations.append((name, voice))
    for index, topic in _entries(path, document, "topics"):
        place = f"{path} topics[{index}]"
        name = _side_text(place, "name", topic.get("name"), lambda v: check_name(v, "topic"))
        cumulative = topic.get("cumulative", False)
        if not isinstance(cumulative, bool):
            raise ClaimtrackError(f"{place}: cumulative must be true or false")
        kinds = topic.get("kinds") or {}
        if not isinstance(kinds, dict):
            raise ClaimtrackError(f"{place}: kinds must map quantities to kinds")
        for quantity, kind in kinds.items():
            if kind not in QUANTITY_KINDS:
                raise ClaimtrackError(
                    f"{place}, field 'kinds': the kind of {quantity!r} must be "
                    f"{', '.join(QUANTITY_KINDS[:-1])} or {QUANTITY_KINDS[-1]}, not {kind!r}"
                )
            if quantity != WHOLE_TOPIC:
                key = _side_text(place, "kinds", quantity, check_quantity)
                if key != quantity:
                    raise ClaimtrackError(
                        f"{place}, field 'kinds': {quantity!r} is not a quantity key "
                        f"(such as {key!r})"
                    )
        if cumulative and WHOLE_TOPIC not in kinds:
            kinds = {**kinds, WHOLE_TOPIC: "cumulative"}  # written before kinds could be set
        batch.kinds += [(name, quantity, kind) for quantity, kind in kinds.items()]


def _entries(
    path: Path, document: dict[str, object], section: str
) -> Iterator[tuple[int, dict[str, object]]]:
    entries = document.get(section)
    if entries is None:
        return
    if not isinstance(entries, list):
        raise ClaimtrackError(f"{path} {section}: expected a list")
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise ClaimtrackError(f"{path} {section}[{index}]: expected a JSON object")
        yield index, entry


def _side_text(place: str, name: str, value: object, check: Callable[[str], str]) -> str:
    try:
        return check(value)  # type: ignore[arg-type]
    except ParseError as error:
        raise ClaimtrackError(f"{place}, field {name!r}: {error.message}") from None


def _review(place: str, review: dict[str, object], now: str) -> dict[str, object]:
    listed = review.get("claims")
    if (
        not isinstance(listed, list)
        or len(listed) < 2
        or review.get("decision") not in ("dismissed", "confirmed")
        or review.get("kind") not in KINDS
    ):
        raise ClaimtrackError(f"{place}: needs two claim ids or more, a kind and a decision")
    try:
        ids = [check_id(p, "claim id") for p in listed if not isinstance(p, str)]
    except ParseError as error:
        raise ClaimtrackError(f"{place}, field 'claims': {error.message}") from None
    if len(ids) != len(listed):
        raise ClaimtrackError(f"{place}, field 'claims': the claim ids must be numbers")
    if len(set(ids)) != len(ids):
        raise ClaimtrackError(f"{place}, field 'claims': a review needs two different claims")
    checked = dict(review, claims=ids)
    for name, limit in (("note", MAX_TEXT), ("settings", MAX_TEXT)):
        value = review.get(name)
        problem = (
            None
            if value is None
            else (
                text_problem(value, name, limit)
                if isinstance(value, str)
                else f"the {name} is not text"
            )
        )
        if problem:
            raise ClaimtrackError(f"{place}, field {name!r}: {problem}")
    if review.get("reviewer") is not None:
        checked["reviewer"] = _side_text(
            place, "reviewer", review["reviewer"], lambda v: check_reviewer(v, "the reviewer")
        )
    basis = review.get("basis")
    if basis is not None and (
        not isinstance(basis, list)
        or len(basis) != len(ids)
        or not all(isinstance(b, str) and text_problem(b, "basis", MAX_NAME) is None for b in basis)
    ):
        raise ClaimtrackError(
            f"{place}, field 'basis': expected one fingerprint (text) for each claim"
        )
    stamps = review.get("claims_updated_at")
    if stamps is not None and (not isinstance(stamps, list) or len(stamps) != len(ids)):
        raise ClaimtrackError(
            f"{place}, field 'claims_updated_at': expected a time stamp for each claim"
        )
    try:
        for name in ("created_at", "undone_at"):
            if review.get(name) is not None:
                checked[name] = check_timestamp(_text(review[name]), now)
        if stamps is not None:
            checked["claims_updated_at"] = [
                None if s is None else check_timestamp(_text(s), now) for s in stamps
            ]
    except ParseError as error:
        raise ClaimtrackError(f"{place}: {error.message}") from None
    return checked


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ParseError(f"{value!r} is not a time stamp")
    return value


class _FieldError(Exception):
    def __init__(self, name: str, message: str) -> None:
        self.field, self.message = name, message


def _get(record: dict[str, object], name: str) -> str | None:
    value = record.get(name)
    if value is None or value.__class__ is str:
        return value or None  # type: ignore[return-value]
    if isinstance(value, (dict, list, bool)):
        raise _FieldError(name, "expected text")
    return str(value).strip() or None


def claim_from_record(
    record: dict[str, object],
    today: date,
    *,
    from_csv: bool = False,
    now: str | None = None,
    quantity: bool = True,
) -> tuple[Claim, int | None]:
    """One imported row as a claim, or a _FieldError naming the field at fault.
    Its quantity is read here when its topic is given (and `quantity` is true);
    otherwise it is read when the claim is filed.

    The claim passes `check_claim`, the check of every way into the store."""
    now = now or utc_now()
    figure_text_given = "figure_text" in record
    # Strip every cell once; empty cells count as absent.
    record = {
        name: value.strip() if isinstance(value, str) else value
        for name, value in record.items()
        if value is not None and value != ""
    }
    for name in REQUIRED:
        if _get(record, name) is None:
            raise _FieldError(name, "is missing or empty")
    text = _checked(record, "text", check_text)
    fields: dict[str, Any] = {
        "text": text,
        "source": _get(record, "source"),
        "date": _checked(record, "date", lambda v: _parse_date(v, today)),
    }
    steps = [
        ("as_of", lambda v: _parse_date(v, today)),
        ("topic", _as_is),
        ("speaks_for", _as_is),
        ("url", check_url),
        ("unit", _as_is),
        ("quantity", check_quantity),
        ("stance", check_stance),
        ("note", _as_is),
        ("verdict", check_verdict),
        ("verdict_explanation", _as_is),
        ("date_basis", _date_basis),
        ("created_at", lambda v: check_timestamp(v, now)),
        ("updated_at", lambda v: check_timestamp(v, now)),
        ("verdict_at", lambda v: check_timestamp(v, now)),
        ("added_by", lambda v: check_text(v, "added_by")),
        ("verdict_by", lambda v: check_text(v, "verdict_by")),
    ]
    for name, check in steps:
        value = _get(record, name)
        if value is not None:
            fields[name] = _apply(name, value, check)
    if "stance" not in fields:
        fields["stance"] = detect_stance(text)
    tags = record.get("tags")
    if tags not in (None, ""):
        if isinstance(tags, list) and all(isinstance(t, str) for t in tags):
            items = tags
        elif isinstance(tags, str):
            items = tags_from_cell(tags)
        else:
            raise _FieldError("tags", "expected a list of text")
        try:
            fields["tags"] = check_tags([t for t in items if t.strip()])
        except ParseError as error:
            raise _FieldError("tags", error.message) from None
    if "appearances" in record:
        try:
            fields["appearances"] = check_appearances(record["appearances"], now)
        except ParseError as error:
            raise _FieldError("appearances", error.message) from None
    if "figure" in record or "figure_qualifier" in record:
        figure = _figure(record, record.get("figure"), from_csv, text, figure_text_given)
    else:
        figure = parse_figure(text)
    fields["figure"] = figure
    if "unit" not in fields:
        fields["unit"] = figure.unit if figure else None
    if fields.get("verdict", "unverified") != "unverified" and "verdict_at" not in fields:
        fields["verdict_at"] = fields.get("updated_at")
    if "id" in record:
        _apply("id", record["id"], check_id)  # type: ignore[arg-type]
    try:
        claim = check_claim(Claim(**fields), today, now)
    except ClaimRefused as error:
        raise _FieldError(error.field, error.message) from None
    if quantity and claim.quantity is None and claim.topic is not None:
        # Read here, in the checking process, when the topic is known already;
        # a claim filed by its words gets its quantity when it is filed.
        claim.quantity = quantity_of(text, claim.unit, figure, claim.topic)
    return claim, _file_id(record)


def _as_is(value: str) -> str:
    """A text field: check_claim checks it, with every other field, once."""
    return value


def _checked(record: dict[str, object], name: str, check: Callable[[str], Any]) -> Any:
    return _apply(name, _get(record, name) or "", check)


def _apply(name: str, value: str, check: Callable[[str], Any]) -> Any:
    try:
        return check(value)
    except ParseError as error:
        raise _FieldError(name, error.message) from None


def _parse_date(value: str, today: date) -> ClaimDate:
    return parse_date(value, today)


def _date_basis(value: str) -> str:
    if value not in DATE_BASES:
        raise ParseError(f"unknown date basis {value!r}; use {' or '.join(DATE_BASES)}")
    return value


def check_appearances(value: object, now: str) -> tuple[Appearance, ...]:
    """Appearances as the claim JSON gives them (a CSV cell holds that JSON), each
    checked: an http(s) address or none, the quote, the article's date as ISO
    text at its precision, and an ISO 8601 time stamp of reading."""
    if isinstance(value, str):
        try:
            value = json.loads(value, parse_constant=_refuse_constant)
        except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
            raise ParseError("expected a JSON list of appearances") from None
    if not isinstance(value, list):
        raise ParseError("expected a list of appearances")
    found = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("quote"), str):
            raise ParseError(f"appearance {number} is not an object with a quote")
        url, published, read_at = (item.get(k) for k in ("url", "published", "read_at"))
        if any(v is not None and not isinstance(v, str) for v in (url, published, read_at)):
            raise ParseError(f"appearance {number}: url, published and read_at must be text")
        found.append(
            Appearance(
                url=check_url(url) if url else None,
                quote=check_text(item["quote"], "quote"),
                published=from_iso(published).iso if published else None,
                read_at=check_timestamp(read_at, now) if read_at else None,
            )
        )
    return tuple(found)


def _figure(
    record: dict[str, object], value: object, from_csv: bool, text: str, text_given: bool
) -> Figure | None:
    if isinstance(value, dict):
        return _figure_object(value)
    qualifier = _get(record, "figure_qualifier")
    if from_csv and qualifier:
        # The words come from figure_text when the file has that column, even
        # empty: the figure column holds them as claimtrack writes them.
        words = _get(record, "figure_text") if text_given else _get(record, "figure")
        return _figure_object(
            {
                "qualifier": qualifier,
                "low": _get(record, "figure_low"),
                "high": _get(record, "figure_high"),
                "text": words or "",
            }
        )
    if value is None or (isinstance(value, str) and not value.strip()):
        return None if not from_csv else parse_figure(text)
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise _FieldError("figure", "expected a figure in words or a figure object")
    try:
        return parse_figure_option(str(value))
    except ParseError as error:
        raise _FieldError("figure", error.message) from None


def _figure_object(value: dict[str, object]) -> Figure:
    qualifier = value.get("qualifier")
    if qualifier not in QUALIFIERS:
        raise _FieldError("figure", f"unknown qualifier {qualifier!r}")
    low, high = _bound(value.get("low")), _bound(value.get("high"))
    if low is None:
        raise _FieldError("figure", "low must be a number")
    words = value.get("text")
    if words is not None and not isinstance(words, str):
        raise _FieldError("figure", "its text must be text")
    return Figure(low, high, str(qualifier), words or "")


def _bound(value: object) -> float | None:
    """A bound as a number: JSON numbers, or the digits CSV holds; null is no bound."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise _FieldError("figure", "low and high must be numbers")
    try:
        return float(value)
    except OverflowError:  # an integer of hundreds of digits: the range check says so
        return math.inf
    except ValueError:
        raise _FieldError("figure", "low and high must be numbers") from None
