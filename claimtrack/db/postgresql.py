"""The PostgreSQL engine: a desk's shared store on a server, through psycopg 3.

psycopg is imported only here, when a postgresql:// URL is opened (the
`postgres` extra). The connection runs in autocommit: reads are single
statements, and every write is an explicit transaction that first takes one
advisory lock, so writers queue one after another as on SQLite (BEGIN
IMMEDIATE) and a command sees everything committed before it began.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimtrack.db.postgresql_steps import KNOWN_STEPS, SEARCH, STEPS
from claimtrack.db.sql import TEXTS_BATCH, Features, Store, busy_timeout, utc_now
from claimtrack.db.sqlite import schema_check
from claimtrack.errors import ClaimtrackError, DatabaseError

if TYPE_CHECKING:
    from claimtrack.conflicts import Conflict

# pg_advisory_xact_lock's key for "writing to a claimtrack store" (a fixed number:
# every client of the database must agree on it).
WRITE_LOCK = 0x636C61696D  # "claim"
COPY_BATCH = 5_000  # rows a COPY statement; other statements run between them
RANDOM_PAGE_COST = 1.1  # the planner's price of a page read out of order (see _texts_as_bytes)
SEARCH_WORDS = f"phraseto_tsquery('{SEARCH}', regexp_replace(?, '[^[:alnum:]]+', ' ', 'g'))"


class ServerError(DatabaseError):
    """A statement the server refused, with its SQLSTATE."""

    def __init__(self, message: str, sqlstate: str | None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


class QuerySyntaxError(ServerError):
    """A --fts query PostgreSQL cannot read."""


@functools.lru_cache(maxsize=512)
def _with_marks(sql: str) -> str:
    """The shared SQL's `?` marks as psycopg's `%s` (and a literal % doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


@functools.cache
def _undecoded_text() -> type:
    """A loader of text as the server sent it, UTF-8 bytes: 50 MB of stored
    listings are written as they are, not decoded and encoded again."""
    from psycopg.adapt import Loader

    class UndecodedText(Loader):
        def load(self, data: Any) -> bytes:
            return bytes(data)

    return UndecodedText


class Connection:
    """psycopg's connection, spoken to as the shared SQL speaks to sqlite3's: `?`
    marks, execute() on the connection, and server errors as one clear line."""

    def __init__(self, raw: Any, target: Target) -> None:
        self.raw = raw
        self.target = target

    def execute(self, sql: str, params: Any = None, *, text_as_bytes: bool = False) -> Any:
        cursor = self.raw.cursor()
        if text_as_bytes:
            cursor.adapters.register_loader("text", _undecoded_text())
        try:
            if params is None:
                cursor.execute(sql)
            else:
                cursor.execute(_with_marks(sql), params)
        except Exception as error:
            raise self.target.describe(error, self.raw) from None
        return cursor

    def executemany(self, sql: str, rows: Any) -> Any:
        cursor = self.raw.cursor()
        try:
            cursor.executemany(_with_marks(sql), list(rows))
        except Exception as error:
            raise self.target.describe(error, self.raw) from None
        return cursor

    def copy_rows(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        cursor = self.raw.cursor()
        try:
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        except Exception as error:
            raise self.target.describe(error, self.raw) from None

    @property
    def in_transaction(self) -> bool:
        from psycopg import pq

        status = self.raw.info.transaction_status
        return status in (pq.TransactionStatus.INTRANS, pq.TransactionStatus.INERROR)

    def close(self) -> None:
        self.raw.close()


class Target:
    """Where a URL points, for messages that never show its password."""

    def __init__(self, url: str, options: dict[str, str]) -> None:
        self.url = url
        self.options = options
        self.password = options.get("password") or ""
        self.role = options.get("user") or os.environ.get("PGUSER") or _login_name()
        self.database = options.get("dbname") or self.role
        host = options.get("host") or os.environ.get("PGHOST") or "the local socket"
        self.where = f"database {self.database!r} on {host}"
        # The URL as shown: without its password, in the address or its query.
        self.shown = re.sub(
            r"(?<=[?&])password=[^&]*&?", "", re.sub(r"(://[^/@:]*):[^/@]*@", r"\1@", url)
        )

    def scrub(self, text: str) -> str:
        """Text that may hold the password (as typed, or %-encoded), with it masked."""
        from urllib.parse import quote

        text = " ".join(str(text).split())
        if self.password:
            for form in {self.password, quote(self.password, safe="")}:
                text = text.replace(form, "***")
        return text

    def describe(self, error: Exception, raw: Any = None) -> ClaimtrackError:
        """Turn a psycopg error into one line a user can act on."""
        import psycopg

        if isinstance(error, ClaimtrackError):
            return error
        state = getattr(error, "sqlstate", None) or ""
        diag = getattr(error, "diag", None)
        primary = (diag.message_primary if diag else None) or str(error).splitlines()[0]
        primary = self.scrub(primary)
        if state in ("42501", "25006"):  # insufficient privilege; a read-only standby
            return ServerError(
                f"the database is read-only for role {self.role!r}; cannot write to it ({primary})",
                state,
            )
        if state in ("55P03", "40P01"):
            return ServerError(
                f"the database is locked by another client (waited {busy_timeout():g} s); "
                "try again",
                state,
            )
        if state in ("22021", "22P05") or "NUL (0x00)" in primary:
            return ClaimtrackError(f"PostgreSQL cannot store this text: {primary}")
        if state == "42601" and "tsquery" in primary:
            return QuerySyntaxError(primary, state)
        lost = state.startswith("08") or state in ("57P01", "57P02", "57P03")
        if lost or isinstance(error, psycopg.OperationalError) and (raw is None or raw.broken):
            return ServerError(
                f"lost the connection to the PostgreSQL server ({primary}); "
                "nothing of this command was saved: run it again",
                state,
            )
        return ServerError(f"database error: {primary}", state)


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:
        return "postgres"


def parse_url(url: str) -> Target:
    """The URL's connection options; a malformed URL is one clear error."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        options = {k: str(v) for k, v in conninfo_to_dict(url).items() if v is not None}
    except Exception as error:
        reason = " ".join(str(error).split())
        password = _password_in(url)
        if password:
            reason = reason.replace(password, "***")
        raise DatabaseError(
            f"not a valid PostgreSQL URL ({reason}); write postgresql://user@host/dbname"
        ) from None
    return Target(url, options)


def _password_in(url: str) -> str:
    """The password of a URL that may not parse, to keep it out of messages."""
    from urllib.parse import unquote

    rest = url.split("://", 1)[-1].split("/", 1)[0]
    if "@" in rest and ":" in rest.rsplit("@", 1)[0]:
        return unquote(rest.rsplit("@", 1)[0].split(":", 1)[1])
    return ""


def connect(url: str) -> Connection:
    try:
        import psycopg
    except ImportError:
        raise DatabaseError(
            "a PostgreSQL store needs psycopg: pip install 'claimtrack[postgres]'"
        ) from None
    # psycopg logs what it could not clean up after a lost connection ("error
    # ignored terminating ..."); with no logging set up, Python would print that
    # beside the one error line this command gives
    import logging

    quiet = logging.getLogger("psycopg")
    if not quiet.handlers:
        quiet.addHandler(logging.NullHandler())
    target = parse_url(url)
    # UTF-8 whatever the database's own encoding: listings are read as its bytes.
    extra: dict[str, Any] = {"application_name": "claimtrack", "client_encoding": "UTF8"}
    if "connect_timeout" not in target.options:
        extra["connect_timeout"] = 10
    if "options" not in target.options:
        # Waits for the write lock as long as SQLite waits for its own.
        extra["options"] = f"-c lock_timeout={int(busy_timeout() * 1000)}"
    try:
        raw = psycopg.connect(url, autocommit=True, **extra)
    except psycopg.Error as error:
        raise _connect_error(target, error) from None
    target.role = raw.info.user
    return Connection(raw, target)


def _connect_error(target: Target, error: Exception) -> DatabaseError:
    text = target.scrub(str(error))
    if "password authentication failed" in text or "no password supplied" in text:
        return DatabaseError(f"PostgreSQL refused the login of role {target.role!r}: bad password")
    if "does not exist" in text and "database" in text:
        return DatabaseError(
            f"there is no {target.where}; create it first (createdb {target.database})"
        )
    if "does not exist" in text and "role" in text:
        return DatabaseError(f"PostgreSQL has no role {target.role!r}")
    if "no pg_hba.conf entry" in text or "authentication" in text:
        return DatabaseError(f"PostgreSQL refused the login of role {target.role!r}")
    return DatabaseError(
        f"cannot reach the PostgreSQL server for {target.where}: is it running? "
        f"({text.split(' failed: ')[-1]})"
    )


class PostgresqlStore(Store):
    features = Features(engine="PostgreSQL", search_syntax="tsquery", sqlite_file=False)
    query_error = QuerySyntaxError
    _PHRASE_IN_CLAIM = (
        f"(c.search @@ {SEARCH_WORDS} "
        f"OR c.source_id IN (SELECT id FROM sources WHERE search @@ {SEARCH_WORDS}) "
        f"OR c.topic_id IN (SELECT id FROM topics WHERE search @@ {SEARCH_WORDS}))"
    )
    _QUERY_IN_TEXT = f"c.search @@ to_tsquery('{SEARCH}', ?)"

    def default_user(self) -> str | None:
        """Who writes when no one is named: the role the server knows us as."""
        return self.conn.target.role

    def _begin(self) -> None:
        self.conn.execute("BEGIN")
        self.conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))

    def _bulk_insert(self, rows: Iterator[dict[str, object]], inserted: list[int]) -> None:
        """COPY, a batch at a time: making a row may look up or create its source
        and topic, which cannot run while a COPY is open."""
        batch: list[dict[str, object]] = []
        for row in rows:
            batch.append(row)
            if len(batch) == COPY_BATCH:
                self._copy_claims(batch)
                batch = []
        if batch:
            self._copy_claims(batch)

    def _copy_claims(self, batch: list[dict[str, object]]) -> None:
        columns = tuple(batch[0])
        self.conn.copy_rows("claims", columns, [tuple(row.values()) for row in batch])

    def _ids_given(self, tables: Iterable[str] = ("claims",)) -> None:
        for table in tables:
            self.conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} "
                "HAVING max(id) IS NOT NULL"
            )

    def _insert_rows(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        self.conn.copy_rows(table, columns, rows)

    def _json_values(self, json_list: str, *, ids: bool = False) -> str:
        value = "value::bigint" if ids else "value"
        return f"SELECT {value} FROM jsonb_array_elements_text(({json_list})::jsonb)"

    def _texts_as_bytes(self, sql: str, params: list[object]) -> Iterator[list[bytes]]:
        # Read in the order of an index that has it (conflicts_listing), not sorted:
        # priced at a random page cost of 4 (a spinning disk's), the planner sorts
        # every listing instead, 50 MB of them at a million claims, on disk past
        # work_mem. Pages of a table read this way come from memory or an SSD,
        # for which PostgreSQL's own advice is a cost near 1.
        self.conn.execute("BEGIN READ ONLY")
        try:
            self.conn.execute(
                "SELECT set_config('random_page_cost', "
                "least(current_setting('random_page_cost')::float8, ?)::text, true)",
                (RANDOM_PAGE_COST,),
            )
            cursor = self.conn.execute(sql, params, text_as_bytes=True)
        finally:
            self.conn.execute("COMMIT")  # the rows are all here: a client-side cursor

        def batches() -> Iterator[list[bytes]]:
            while batch := cursor.fetchmany(TEXTS_BATCH):
                yield [row[0] for row in batch]

        return batches()

    # What a stored conflict's listing is made of, the review's words by review_id.
    _LISTED = (
        "SELECT id, key, listing, topic, kind, claims, quantity, quantity_kind, reason, ratio, "
        "status, (SELECT note FROM reviews WHERE id = review_id), "
        "(SELECT reviewer FROM reviews WHERE id = review_id), "
        "(SELECT created_at FROM reviews WHERE id = review_id) FROM conflicts"
    )

    def _store_conflicts(self, found: list[tuple[int, Conflict]]) -> None:
        """Each conflict written once, with its listing, by COPY. Inserted and then
        given its listing by an UPDATE, each left a dead row behind, and at a
        million claims conflicts --json read a table half as large again."""
        rows = self._conflict_rows(found)
        if not rows:
            return
        reviewed = {row[-1] for row in rows} - {None}
        words = (
            {
                row[0]: row[1:]
                for row in self.conn.execute(
                    "SELECT id, note, reviewer, created_at FROM reviews "
                    f"WHERE id IN ({self._json_values('?', ids=True)})",
                    (json.dumps(sorted(reviewed)),),
                )
            }
            if reviewed
            else {}
        )
        columns = (*self._CONFLICT_COLUMNS.split(", "), "listing")
        self.conn.copy_rows(
            "conflicts",
            columns,
            [(*row, listing_of(*_listed(row), *words.get(row[-1], (None,) * 3))) for row in rows],
        )

    def _render_listings(self, where: str, params: tuple[object, ...]) -> None:
        rows = self.conn.execute(f"{self._LISTED} WHERE {where}", params).fetchall()
        self.conn.executemany(
            "UPDATE conflicts SET listing = ? WHERE id = ?",
            [(listing_of(*row[3:]), row[0]) for row in rows],
        )

    def _listings_now(self) -> Iterator[tuple[str, str, str]]:
        for row in self.conn.execute(self._LISTED).fetchall():
            yield row[1], row[2], listing_of(*row[3:])

    @property
    def name(self) -> str:
        return self.conn.target.shown

    # --- safety ---------------------------------------------------------------------

    def backup(self, target: Path) -> None:
        """The whole store as a SQLite file (what `claimtrack copy` writes), from one
        snapshot of the server, so that it is consistent while others write.

        Written next to the target and renamed into place: a failure never leaves
        a half-written backup under the target's name."""
        from claimtrack.db.sqlite import open_sqlite, writing_beside

        with writing_beside(target) as partial:
            copy = open_sqlite(partial)
            try:
                self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                try:
                    copy.copy_from(self)
                finally:
                    self.conn.execute("ROLLBACK")
                copy.conn.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()

    def check(self) -> list[tuple[str, bool, str]]:
        """(what, ok, words): the server, the search index, the schema, the links."""
        version = self.conn.execute("SHOW server_version").fetchone()[0]
        results: list[tuple[str, bool, str]] = [
            ("server", True, f"PostgreSQL {version}, {self.conn.target.where}")
        ]
        stale = sum(
            self.conn.execute(
                f"SELECT count(*) FROM {table} WHERE search IS DISTINCT FROM "
                f"to_tsvector('{SEARCH}', regexp_replace({column}, '[^[:alnum:]]+', ' ', 'g'))"
            ).fetchone()[0]
            for table, column in (("claims", "text"), ("sources", "name"), ("topics", "name"))
        )
        results.append(
            (
                "full-text index",
                not stale,
                "ok"
                if not stale
                else f"{stale} rows out of step; `claimtrack check --repair` rebuilds them",
            )
        )
        schema = schema_check(_applied(self.conn) or [], KNOWN_STEPS)
        results.append(schema)
        broken = self.conn.execute(
            "SELECT (SELECT count(*) FROM claim_history h WHERE NOT EXISTS "
            "(SELECT 1 FROM claims c WHERE c.id = h.claim_id))"
        ).fetchone()[0]
        results.append(
            ("links", not broken, "ok" if not broken else f"{broken} rows point nowhere")
        )
        if schema[1]:
            results.append(self._conflicts_check())
        return results

    def rebuild_search_index(self) -> None:
        # The search columns are generated: writing a row computes its vector anew.
        with self.transaction():
            self.conn.execute("UPDATE claims SET text = text")
            self.conn.execute("UPDATE sources SET name = name")
            self.conn.execute("UPDATE topics SET name = name")


def _listed(row: tuple[object, ...]) -> tuple[object, ...]:
    """What listing_of takes from a row of Store._CONFLICT_COLUMNS, up to the review."""
    _key, _topic_id, topic, quantity, quantity_kind, kind, _severity, _a, _b, claims = row[:10]
    reason, ratio, status = row[10:13]
    return topic, kind, claims, quantity, quantity_kind, reason, ratio, status


def listing_of(
    topic: str,
    kind: str,
    claims: str,
    quantity: str | None,
    quantity_kind: str | None,
    reason: str,
    ratio: float | None,
    status: str,
    note: str | None,
    reviewer: str | None,
    reviewed_at: str | None,
) -> str:
    """A stored conflict's listing, byte for byte as SQLite's json_object writes it:
    no spaces, text as written (escape_unseen then escapes what it must), reals
    with 15 significant digits."""
    from claimtrack.escape import escape_unseen

    def text(value: str | None) -> str:
        return "null" if value is None else json.dumps(value, ensure_ascii=False)

    fields = (
        ("topic", text(topic)),
        ("kind", text(kind)),
        ("claims", json.dumps(json.loads(claims), separators=(",", ":"))),
        ("quantity", text(quantity)),
        ("quantity_kind", text(quantity_kind)),
        ("reason", text(reason)),
        ("ratio", "null" if ratio is None else sqlite_real(ratio)),
        ("status", text(status)),
        ("note", text(note)),
        ("reviewer", text(reviewer)),
        ("reviewed_at", text(reviewed_at)),
    )
    return escape_unseen("{" + ",".join(f'"{name}":{value}' for name, value in fields) + "}")


@functools.lru_cache(maxsize=4)
def _sqlite_infinity(value: float) -> str:
    # SQLite's own word for it, which has changed between its versions.
    import sqlite3

    with sqlite3.connect(":memory:") as conn:
        return conn.execute("SELECT json_quote(?)", (value,)).fetchone()[0]


def sqlite_real(value: float) -> str:
    """A real as SQLite's JSON writes it (printf's %!.15g: a point always shown)."""
    if not math.isfinite(value):
        return _sqlite_infinity(value)
    mantissa, e, exponent = f"{value:.15g}".partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + e + exponent


def open_postgresql(url: str) -> PostgresqlStore:
    """Connect to the database URL names and bring its schema up to date."""
    conn = connect(url)
    try:
        _migrate(conn)
    except BaseException:
        conn.close()
        raise
    return PostgresqlStore(conn)


def _applied(conn: Connection) -> list[str] | None:
    """The steps applied, or None for a database without claimtrack's schema: one
    statement, which fails on a new database (a round trip less on every command
    than looking in the catalogue first). Not inside a transaction."""
    try:
        rows = conn.execute("SELECT name FROM claimtrack_migrations ORDER BY id").fetchall()
    except ServerError as error:
        if error.sqlstate != "42P01":  # undefined_table
            raise
        return None
    return [row[0] for row in rows]


def _applied_now(conn: Connection) -> list[str] | None:
    """_applied, inside the migrating transaction: pg_tables is read at this
    statement's snapshot, where to_regclass() could answer from a name cache
    made before another client built the schema."""
    found = conn.execute(
        "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
        "AND tablename = 'claimtrack_migrations'"
    ).fetchone()
    if not found[0]:
        return None
    return [row[0] for row in conn.execute("SELECT name FROM claimtrack_migrations ORDER BY id")]


def _migrate(conn: Connection) -> None:
    """Apply the pending steps in one transaction, under the write lock: several
    clients opening a new database at once wait here, and the later ones then
    find nothing left to do."""
    applied = _applied(conn)
    if applied is not None and _check_known(applied):
        return
    conn.execute("BEGIN")
    try:
        conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
        pending = _pending_steps(conn)
        try:
            if pending and pending[0][0] == STEPS[0][0]:
                conn.execute(
                    "CREATE TABLE claimtrack_migrations (id integer GENERATED ALWAYS AS "
                    'IDENTITY PRIMARY KEY, name text COLLATE "C" NOT NULL UNIQUE, '
                    "applied_at text NOT NULL)"
                )
            for name, statements in pending:
                for statement in statements:
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO claimtrack_migrations (name, applied_at) VALUES (?, ?)",
                    (name, utc_now()),
                )
            PostgresqlStore(conn).upgrade({name for name, _ in pending})
        except ServerError as error:
            if error.sqlstate != "42501":  # insufficient_privilege
                raise
            raise DatabaseError(
                f"the database needs schema step {pending[0][0]}, which only its owner may "
                f"apply, and role {conn.target.role!r} may not: run any claimtrack command "
                "once as the owner"
            ) from None
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _pending_steps(conn: Connection) -> list[tuple[str, list[str]]]:
    """The steps still to apply, holding the lock; a database holding other
    tables and no claimtrack schema is refused."""
    applied = _applied_now(conn)
    if applied is None:
        others = conn.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'p', 'f')"
        ).fetchone()[0]
        if others:
            raise DatabaseError("the database holds other tables and is not a claimtrack database")
        return list(STEPS)
    _check_known(applied)
    return [(name, statements) for name, statements in STEPS if name not in applied]


def _check_known(applied: list[str]) -> bool:
    """Whether every step is applied; a step this claimtrack does not know is refused."""
    newer = [name for name in applied if name not in KNOWN_STEPS]
    if newer:
        raise DatabaseError(
            f"the database was written by a newer claimtrack (schema step {newer[-1]}); "
            "upgrade claimtrack to use it"
        )
    return len(applied) == len(KNOWN_STEPS)
