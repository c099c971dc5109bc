"""The SQLite engine, the embedded default: one file, WAL, FTS5.

Every path uses the standard library's sqlite3: importing sqlite-utils costs
about 50 ms, more than a whole `add` should take. sqlite-utils runs the schema
migrations only.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path

from claimtrack.db.sql import KNOWN_MIGRATIONS, Features, Store, busy_timeout
from claimtrack.errors import ClaimtrackError, DatabaseError

SQLITE_HEADER = b"SQLite format 3\x00"
# The full-text indexes: the claims' text, and the names of sources and topics.
SEARCH_INDEXES = ("claims_fts", "sources_fts", "topics_fts")


def describe_sqlite_error(error: sqlite3.Error) -> ClaimtrackError:
    """Turn SQLite's words into one line a user can act on."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return DatabaseError(
            f"the database is locked by another process (waited {busy_timeout():g} s); try again"
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseError("the database is read-only; cannot write to it")
    if "not a database" in text or "malformed" in text:
        return DatabaseError("the database file is damaged or is not a SQLite database")
    if "unable to open" in text:
        return DatabaseError("cannot open the database file")
    return DatabaseError(f"database error: {text}")


class SqliteStore(Store):
    features = Features(engine="SQLite", search_syntax="FTS5", sqlite_file=True)
    query_error = sqlite3.OperationalError
    # A phrase is in a claim when its text, its source's name or its topic's name holds it.
    _PHRASE_IN_CLAIM = (
        "(c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?) "
        "OR c.source_id IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?) "
        "OR c.topic_id IN (SELECT rowid FROM topics_fts WHERE topics_fts MATCH ?))"
    )
    _QUERY_IN_TEXT = "c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)"

    def _begin(self) -> None:
        # IMMEDIATE takes the write lock now: two writers queue here instead of
        # failing at their first write.
        self.conn.execute("BEGIN IMMEDIATE")

    @property
    def path(self) -> Path:
        return Path(self.conn.execute("PRAGMA database_list").fetchone()[2])

    def _bulk_insert(self, rows: Iterator[dict[str, object]], inserted: list[int]) -> None:
        # One executemany: every row has the same columns.
        with self._search_index_after(inserted):
            first = next(rows, None)
            if first is not None:
                marks = ", ".join("?" * len(first))
                self.conn.executemany(
                    f"INSERT INTO claims ({', '.join(first)}) VALUES ({marks})",
                    (tuple(row.values()) for row in chain([first], rows)),
                )

    def _json_values(self, json_list: str, *, ids: bool = False) -> str:
        return f"SELECT value FROM json_each({json_list})"

    def _texts_as_bytes(self, sql: str, params: list[object]) -> Iterator[bytes]:
        cursor = self.conn.execute(sql, params)

        def rows() -> Iterator[bytes]:
            while True:
                # Text comes back undecoded only while these rows are fetched.
                self.conn.text_factory = bytes
                try:
                    batch = cursor.fetchmany(2000)
                finally:
                    self.conn.text_factory = str
                if not batch:
                    return
                yield from (row[0] for row in batch)

        return rows()

    # The JSON object of a stored conflict, as `conflicts --json` prints it.
    _LISTING = (
        "json_object('topic', topic, 'kind', kind, 'claims', json(claims), 'quantity', "
        "quantity, 'quantity_kind', quantity_kind, 'reason', reason, 'ratio', ratio, "
        "'status', status, 'note', (SELECT note FROM reviews WHERE id = review_id), "
        "'reviewer', (SELECT reviewer FROM reviews WHERE id = review_id), "
        "'reviewed_at', (SELECT created_at FROM reviews WHERE id = review_id))"
    )

    def _render_listings(self, where: str, params: tuple[object, ...]) -> None:
        """SQLite's JSON leaves C1 and bidi controls raw; the few listings holding
        one are escaped here, once."""
        from claimtrack.escape import JSON_UNSEEN_GLOB, escape_unseen

        self.conn.execute(f"UPDATE conflicts SET listing = {self._LISTING} WHERE {where}", params)
        raw = self.conn.execute(
            f"SELECT id, listing FROM conflicts WHERE ({where}) AND listing GLOB ?",
            (*params, JSON_UNSEEN_GLOB),
        ).fetchall()
        self.conn.executemany(
            "UPDATE conflicts SET listing = ? WHERE id = ?",
            [(escape_unseen(listing), row_id) for row_id, listing in raw],
        )

    def _listings_now(self) -> Iterator[tuple[str, str, str]]:
        from claimtrack.escape import escape_unseen

        for key, listing, rendered in self.conn.execute(
            f"SELECT key, listing, {self._LISTING} FROM conflicts"
        ):
            yield key, listing, escape_unseen(rendered)

    @contextmanager
    def _search_index_after(self, inserted: list[int]) -> Iterator[None]:
        """Index the inserted claims in one statement instead of a trigger a row.

        FTS5's per-row trigger was two thirds of a 100,000-claim import here
        (3.1 s of inserts against 1.0 s this way). The trigger is dropped and
        re-created inside the import's transaction, so a failure restores it.
        """
        trigger = self.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'claims_ai'"
        ).fetchone()
        if trigger:
            self.conn.execute("DROP TRIGGER claims_ai")
        yield
        if inserted:
            self.conn.execute(
                "INSERT INTO claims_fts (rowid, text) SELECT id, text FROM claims "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(inserted),),
            )
        if trigger:
            self.conn.execute(trigger[0])

    # --- safety ---------------------------------------------------------------------

    def backup(self, target: Path) -> None:
        """A consistent copy made with SQLite's online backup API, even while others write.

        The copy is written next to the target and renamed into place, so a
        crash never leaves a half-written backup under the target's name.
        """
        with writing_beside(target) as partial:
            copy = sqlite3.connect(partial)
            try:
                self.conn.backup(copy, pages=1024)
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()

    @property
    def name(self) -> str:
        return str(self.path)

    def check(self) -> list[tuple[str, bool, str]]:
        """(what, ok, words) for each check: integrity, full-text index, schema, links."""
        results = []
        rows = [r[0] for r in self.conn.execute("PRAGMA integrity_check")]
        results.append(
            ("integrity", rows == ["ok"], "ok" if rows == ["ok"] else "; ".join(rows[:5]))
        )
        try:
            for index in SEARCH_INDEXES:
                self.conn.execute(
                    f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)"
                )
            results.append(("full-text index", True, "ok"))
        except sqlite3.DatabaseError:
            results.append(
                (
                    "full-text index",
                    False,
                    "out of step with the claims; `claimtrack check --repair` rebuilds it",
                )
            )
        schema = schema_check(_applied(self.conn) or [], KNOWN_MIGRATIONS)
        results.append(schema)
        broken = self.conn.execute("PRAGMA foreign_key_check").fetchall()
        results.append(
            ("links", not broken, "ok" if not broken else f"{len(broken)} rows point nowhere")
        )
        if schema[1]:
            results.append(self._conflicts_check())
        return results

    def rebuild_search_index(self) -> None:
        with self.transaction():
            for index in SEARCH_INDEXES:
                self.conn.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")


@contextmanager
def writing_beside(target: Path) -> Iterator[Path]:
    """A new file's partial name beside TARGET, renamed to TARGET when the block
    ends well, removed when it does not."""
    if target.exists():
        raise ClaimtrackError(f"{target} already exists; choose another name")
    folder = target.parent
    if not folder.is_dir():
        raise ClaimtrackError(f"{folder} is not a folder")
    partial = folder / f".{target.name}.partial"
    partial.unlink(missing_ok=True)
    try:
        yield partial
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        os.replace(partial, target)
    except BaseException:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
        raise


def schema_check(applied: list[str], known: tuple[str, ...]) -> tuple[str, bool, str]:
    ok = tuple(applied) == known
    words = (
        f"up to date ({len(applied)} steps)"
        if ok
        else f"steps {', '.join(applied)} do not match this claimtrack"
    )
    return ("schema", ok, words)


def default_path() -> Path:
    import typer

    return Path(typer.get_app_dir("claimtrack")) / "claims.db"


def open_sqlite(path: str | Path | None = None) -> SqliteStore:
    """Open (creating if needed) the database at PATH and bring its schema up to date."""
    path = Path(path) if path else default_path()
    if path.is_dir():
        raise DatabaseError(f"{path} is a directory, not a database file")
    if path.exists():
        with open(path, "rb") as handle:
            header = handle.read(16)
        if header and header != SQLITE_HEADER:
            raise DatabaseError(f"{path} is not a SQLite database")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseError(f"cannot create the folder for {path}: {error.strerror}") from None
    try:
        conn = sqlite3.connect(path, timeout=busy_timeout(), isolation_level=None)
    except sqlite3.Error as error:
        raise describe_sqlite_error(error) from None
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        _migrate(conn)
    except sqlite3.Error as error:
        conn.close()
        raise describe_sqlite_error(error) from None
    except BaseException:
        conn.close()
        raise
    return SqliteStore(conn)


def _applied(conn: sqlite3.Connection) -> list[str] | None:
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if not has_table:
        return None
    return [
        row[0]
        for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'claimtrack' ORDER BY id"
        )
    ]


def _migrate(conn: sqlite3.Connection) -> None:
    applied = _applied(conn)
    if applied is not None:
        newer = [name for name in applied if name not in KNOWN_MIGRATIONS]
        if newer:
            raise DatabaseError(
                f"the database was written by a newer claimtrack (schema step {newer[-1]}); "
                "upgrade claimtrack to use it"
            )
        if len(applied) == len(KNOWN_MIGRATIONS):
            return
    elif conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise DatabaseError("the database holds other tables and is not a claimtrack database")
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    from sqlite_utils import Database

    from claimtrack.migrations import migrations

    # One IMMEDIATE transaction around all pending steps: a second process
    # opening the same new file waits here, then finds nothing left to do.
    conn.execute("BEGIN IMMEDIATE")
    try:
        before = set(_applied(conn) or [])
        migrations.apply(Database(conn, execute_plugins=False))
        SqliteStore(conn).upgrade(set(_applied(conn) or []) - before)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
