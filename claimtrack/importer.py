"""Reading claims in bulk: what `export` writes (csv, json, jsonl) and plain CSV
with at least the columns text, source and date. Every row is checked before
anything is written; each problem names its file, line and field."""

from __future__ import annotations

import csv
import io
import json
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
    check_quantity,
    check_stance,
    check_tags,
    check_text,
    check_url,
    check_verdict,
    detect_stance,
    quantity_of,
)
from claimtrack.conflicts import KINDS
from claimtrack.dates import ClaimDate, from_iso, parse_date
from claimtrack.errors import ClaimtrackError, ParseError
from claimtrack.figures import QUALIFIERS, Figure, parse_figure, parse_figure_option
from claimtrack.quantities import KINDS as QUANTITY_KINDS

IMPORT_FORMATS = ("csv", "json", "jsonl")
REQUIRED = ("text", "source", "date")


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
    """The file as text, refusing what is missing, a folder, binary or empty."""
    if not path.exists():
        raise ClaimtrackError(f"{path}: no such file")
    if path.is_dir():
        raise ClaimtrackError(f"{path}: is a directory, not a file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ClaimtrackError(f"{path}: cannot read it ({error.strerror})") from None
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


def read_batch(path: Path, fmt: str, today: date, *, stop_on_error: bool = True) -> Batch:
    """Read a file's records at once (a bad file fails here); check its rows lazily.

    With stop_on_error the first bad row raises, naming its file, line and field;
    otherwise bad rows are left out and listed in batch.errors.
    """
    text = read_text(path)
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
    batch.rows = _checked_rows(path, records, today, fmt == "csv", batch.errors, stop_on_error)
    return batch


def _file_id(record: dict[str, object]) -> int | None:
    value = record.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


CHUNK = 5_000
IN_PARALLEL_FROM = 20_000  # records; below that a second process costs more than it saves
_RECORDS: list[tuple[str, dict[str, object]]] = []  # what a forked checker reads
_Checked = list[tuple[str, Claim | None, int | None, tuple[str, str] | None]]


def _checked_rows(
    path: Path,
    records: list[tuple[str, dict[str, object]]],
    today: date,
    from_csv: bool,
    errors: list[str],
    stop_on_error: bool,
) -> Iterator[Row]:
    chunks = _check_chunks(records, today, from_csv)

    def rows() -> Iterator[Row]:
        for chunk in chunks:
            for place, claim, original_id, problem in chunk:
                if problem is None:
                    yield Row(place, claim, original_id)  # type: ignore[arg-type]
                    continue
                message = f"{path} {place}, field {problem[0]!r}: {problem[1]}"
                if stop_on_error:
                    raise ClaimtrackError(f"{message}; nothing imported")
                errors.append(message)

    return rows()


def _check_span(
    span: tuple[int, int], today: date, from_csv: bool, quantities: bool = True
) -> _Checked:
    out: _Checked = []
    for place, record in _RECORDS[span[0] : span[1]]:
        try:
            claim, original_id = claim_from_record(
                record, today, from_csv=from_csv, quantity=quantities
            )
        except _FieldError as error:
            out.append((place, None, None, (error.field, error.message)))
        else:
            out.append((place, claim, original_id, None))
    return out


def _check_chunks(
    records: list[tuple[str, dict[str, object]]], today: date, from_csv: bool
) -> Iterator[_Checked]:
    """Checked rows a chunk at a time. A large file is checked by a forked process
    that already holds the records, while this one stores what came back; the
    process starts here, before the caller opens its write transaction."""
    global _RECORDS
    _RECORDS = records
    spans = [(start, min(start + CHUNK, len(records))) for start in range(0, len(records), CHUNK)]
    if len(records) < IN_PARALLEL_FROM or (os.cpu_count() or 1) < 2 or not _can_fork():
        return (_check_span(span, today, from_csv) for span in spans)
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
    results = pool.map(_check_span, spans, [today] * len(spans), [from_csv] * len(spans), halves)

    def drain() -> Iterator[_Checked]:
        try:
            yield from results
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    return drain()


def _exit_with_parent(parent: int) -> None:
    """In the checker: leave when the importer is gone. A killed importer closes
    nothing, and the checker would otherwise wait for work for ever."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _csv_records(path: Path, text: str) -> Iterator[tuple[str, dict[str, object]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise ClaimtrackError(
            f"{path} line 1: missing column(s) {', '.join(missing)}; "
            f"the header has {', '.join(columns) or 'nothing'}"
        )
    reader.fieldnames = columns
    try:
        for record in reader:
            if None in record:
                raise ClaimtrackError(f"{path} line {reader.line_num}: more cells than columns")
            yield f"line {reader.line_num}", {k: _unguard(v) for k, v in record.items()}
    except csv.Error as error:
        raise ClaimtrackError(f"{path} line {reader.line_num}: {error}") from None


def _unguard(value: str | None) -> str | None:
    """Undo the export's spreadsheet guard (a leading apostrophe)."""
    if value is None:
        return None
    return value[1:] if value.startswith("'") else value


def _jsonl_records(path: Path, text: str) -> Iterator[tuple[str, dict[str, object]]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ClaimtrackError(f"{path} line {number}: invalid JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise ClaimtrackError(f"{path} line {number}: expected a JSON object")
        yield f"line {number}", record


def _json_records(path: Path, text: str, batch: Batch) -> Iterator[tuple[str, dict[str, object]]]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ClaimtrackError(
            f"{path} line {error.lineno}: invalid JSON ({error.msg}, column {error.colno})"
        ) from None
    if isinstance(document, list):
        claims, document = document, {}
    elif isinstance(document, dict) and isinstance(document.get("claims"), list):
        claims = document["claims"]
    else:
        raise ClaimtrackError(f'{path}: expected a list of claims or an object with "claims"')
    for index, review in enumerate(document.get("reviews") or []):
        pair = review.get("claims") if isinstance(review, dict) else None
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not all(isinstance(p, int) for p in pair)
            or review.get("decision") not in ("dismissed", "confirmed")
            or review.get("kind") not in KINDS
        ):
            raise ClaimtrackError(
                f"{path} reviews[{index}]: needs two claim ids, a kind and a decision"
            )
        batch.reviews.append(review)
    for source in document.get("sources") or []:
        for alias in (source or {}).get("aliases") or []:
            batch.aliases.append((str(alias), str(source["name"])))
    for topic in document.get("topics") or []:
        if not isinstance(topic, dict) or not topic.get("name"):
            continue
        kinds = topic.get("kinds") or {}
        if not isinstance(kinds, dict) or any(k not in QUANTITY_KINDS for k in kinds.values()):
            raise ClaimtrackError(
                f"{path} topics: the kinds of {topic['name']!r} must be level, cumulative or event"
            )
        if topic.get("cumulative") and "*" not in kinds:
            kinds = {**kinds, "*": "cumulative"}  # written before kinds could be set
        batch.kinds += [(str(topic["name"]), str(q), str(k)) for q, k in kinds.items()]
    for index, record in enumerate(claims):
        if not isinstance(record, dict):
            raise ClaimtrackError(f"{path} claims[{index}]: expected a JSON object")
        yield f"claims[{index}]", record


class _FieldError(Exception):
    def __init__(self, name: str, message: str) -> None:
        self.field, self.message = name, message


def _get(record: dict[str, object], name: str) -> str | None:
    value = record.get(name)
    if value is None or value.__class__ is str:
        return value or None  # type: ignore[return-value]
    if isinstance(value, (dict, list)):
        raise _FieldError(name, "expected text")
    return str(value).strip() or None


def claim_from_record(
    record: dict[str, object], today: date, *, from_csv: bool = False, quantity: bool = True
) -> tuple[Claim, int | None]:
    """One imported row as a claim, or a _FieldError naming the field at fault.
    Its quantity is read here when its topic is given (and `quantity` is true);
    otherwise it is read when the claim is filed."""
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
        "source": _checked(record, "source", lambda v: check_text(v, "source")),
        "date": _checked(record, "date", lambda v: _parse_date(v, today)),
    }
    steps = [
        ("as_of", lambda v: _parse_date(v, today)),
        ("topic", lambda v: check_text(v, "topic")),
        ("url", check_url),
        ("unit", lambda v: check_text(v, "unit")),
        ("quantity", check_quantity),
        ("stance", check_stance),
        ("note", lambda v: v),
        ("verdict", check_verdict),
        ("verdict_explanation", lambda v: v),
        ("date_basis", _date_basis),
        ("created_at", _timestamp),
        ("updated_at", _timestamp),
        ("added_by", lambda v: check_text(v, "added_by")),
        ("verdict_by", lambda v: check_text(v, "verdict_by")),
    ]
    for name, check in steps:
        value = _get(record, name)
        if value is not None:
            fields[name] = _apply(name, value, check)
    if "stance" not in fields:
        fields["stance"] = detect_stance(text)
    changes = fields
    tags = record.get("tags")
    if tags not in (None, ""):
        items = tags if isinstance(tags, list) else str(tags).split(";")
        try:
            changes["tags"] = check_tags([str(t) for t in items if str(t).strip()])
        except ParseError as error:
            raise _FieldError("tags", error.message) from None
    if "appearances" in record:
        try:
            changes["appearances"] = check_appearances(record["appearances"])
        except ParseError as error:
            raise _FieldError("appearances", error.message) from None
    if "figure" in record or "figure_qualifier" in record:
        figure = _figure(record, record.get("figure"), from_csv, text)
    else:
        figure = parse_figure(text)
    changes["figure"] = figure
    if "unit" not in changes:
        changes["unit"] = figure.unit if figure else None
    if changes.get("verdict", "unverified") != "unverified":
        changes["verdict_at"] = changes.get("updated_at")
    if quantity and "quantity" not in changes and "topic" in changes:
        # Read here, in the checking process, when the topic is known already;
        # a claim filed by its words gets its quantity when it is filed.
        changes["quantity"] = quantity_of(text, changes["unit"], figure, changes["topic"])
    return Claim(**changes), _file_id(record)


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


def check_appearances(value: object) -> tuple[Appearance, ...]:
    """Appearances as the claim JSON gives them (a CSV cell holds that JSON), each
    checked: an http(s) address or none, the quote, the article's date as ISO
    text at its precision, and an ISO 8601 time stamp of reading."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
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
                read_at=_timestamp(read_at) if read_at else None,
            )
        )
    return tuple(found)


def _timestamp(value: str) -> str:
    from datetime import datetime

    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ParseError(f"{value!r} is not an ISO 8601 time stamp") from None
    return value


def _figure(record: dict[str, object], value: object, from_csv: bool, text: str) -> Figure | None:
    if isinstance(value, dict):
        return _figure_object(value)
    qualifier = _get(record, "figure_qualifier")
    if from_csv and qualifier:
        return _figure_object(
            {
                "qualifier": qualifier,
                "low": _get(record, "figure_low"),
                "high": _get(record, "figure_high"),
                "text": _get(record, "figure_text") or _get(record, "figure") or "",
            }
        )
    if value is None or (isinstance(value, str) and not value.strip()):
        return None if not from_csv else parse_figure(text)
    try:
        return parse_figure_option(str(value))
    except ParseError as error:
        raise _FieldError("figure", error.message) from None


def _figure_object(value: dict[str, object]) -> Figure:
    qualifier = value.get("qualifier")
    if qualifier not in QUALIFIERS:
        raise _FieldError("figure", f"unknown qualifier {qualifier!r}")
    try:
        low = float(value["low"])  # type: ignore[arg-type]
        high_value = value.get("high")
        high = None if high_value in (None, "") else float(high_value)  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):
        raise _FieldError("figure", "low and high must be numbers") from None
    if low < 0 or (high is not None and high < low) or low != low:
        raise _FieldError("figure", f"the interval [{low:g}, {high}] is not valid")
    return Figure(low, high, str(qualifier), str(value.get("text") or ""))
