"""The SQLite engine, the embedded default: one file, WAL, FTS5.

Every path uses the standard library's sqlite3: importing sqlite-utils costs
about 50 ms, more than a whole `add` should take. sqlite-utils runs the schema
migrations only.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from claimtrack.claims import claim_problems
from claimtrack.db.sql import (
    KNOWN_MIGRATIONS,
    TEXTS_BATCH,
    UNREADABLE_ROW,
    Features,
    Store,
    _review_problem,
    busy_timeout,
    claim_from_row,
)
from claimtrack.errors import ClaimtrackError, DatabaseError
from claimtrack.files import DIRECTORY, FILE, MISSING, path_kind, read_head

if TYPE_CHECKING:
    from claimtrack.conflicts import Conflict

SQLITE_HEADER = b"SQLite format 3\x00"
# The full-text indexes: the claims' text, and the names of sources and topics.
SEARCH_INDEXES = ("claims_fts", "sources_fts", "topics_fts")


_OPENED: list[Path] = []  # the database this process opened last, named in its errors


def describe_sqlite_error(error: sqlite3.Error) -> ClaimtrackError:
    """Turn SQLite's words into one line that says what is wrong and what to do."""
    text = str(error)
    path = _OPENED[-1] if _OPENED else None
    if "locked" in text or "busy" in text:
        return DatabaseError(
            f"the database is locked by another process (waited {busy_timeout():g} s); try again"
        )
    if "malformed JSON" in text:  # a row, not the file: written outside claimtrack
        return DatabaseError(UNREADABLE_ROW)
    if "not a database" in text or "malformed" in text:
        return DatabaseError(
            "the database file is damaged or is not a SQLite database; "
            "`claimtrack check` says what is wrong, or go back to a backup"
        )
    if "disk is full" in text:
        return DatabaseError(
            f"the disk holding {_where(path)} is full; nothing was written: free some space "
            "and run the command again"
        )
    place = _place_problem(path)
    if place:
        return DatabaseError(place)
    if "readonly" in text or "read-only" in text:
        return DatabaseError(
            f"{_where(path)} is read-only: claimtrack can read it but not change it; "
            "make it writable, or copy it with `claimtrack backup COPY` and use --db COPY"
        )
    if "unable to open" in text:
        return DatabaseError(
            f"cannot open {_where(path)}; check that its folder exists and is yours"
        )
    if "disk I/O error" in text:
        return DatabaseError(
            f"the disk failed to read or write {_where(path)}; nothing was written: "
            "check the disk and its free space, then run `claimtrack check`"
        )
    return DatabaseError(f"database error: {text}")


def _where(path: Path | None) -> str:
    return f"the database {path}" if path else "the database"


def _place_problem(path: Path | None) -> str | None:
    """What about the database's file or folder stops SQLite writing, if it can be told."""
    if path is None:
        return None
    folder = path.parent if str(path.parent) else Path(".")
    try:
        flags = os.statvfs(folder)
    except (OSError, AttributeError):
        return None
    if flags.f_flag & getattr(os, "ST_RDONLY", 1):
        return (
            f"{_where(path)} is on a read-only file system: claimtrack can read it but not "
            "change it; copy it to a writable folder with `claimtrack backup COPY` and use "
            "--db COPY, or remount the disk read-write"
        )
    if flags.f_bavail == 0:
        return (
            f"the disk holding {_where(path)} is full; nothing was written: free some space "
            "and run the command again"
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        return (
            f"the folder of {_where(path)} is not writable, and SQLite needs to write its "
            "journal there; make the folder writable, or copy the database elsewhere"
        )
    return None


_REVIEW_WORDS = ("note", "reviewer", "created_at")


def _listing_object(*values: str) -> str:
    """SQL of a listing's JSON object from SQL values of its fields: topic, kind,
    claims, quantity, quantity_kind, reason, ratio, status and the review's words."""
    names = (
        "topic", "kind", "claims", "quantity", "quantity_kind", "reason", "ratio", "status",
        "note", "reviewer", "reviewed_at",
    )  # fmt: skip
    fields = dict(zip(names, values, strict=True))
    fields["claims"] = f"json({fields['claims']})"
    pairs = ", ".join(f"'{name}', {value}" for name, value in fields.items())
    return f"json_object({pairs})"


class SqliteStore(Store):
    features = Features(engine="SQLite", search_syntax="FTS5", sqlite_file=True)
    query_error = sqlite3.OperationalError
    engine_error = sqlite3.DatabaseError
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

    def _texts_as_bytes(self, sql: str, params: list[object]) -> Iterator[list[bytes]]:
        cursor = self.conn.execute(sql, params)

        def batches() -> Iterator[list[bytes]]:
            while True:
                # Text comes back undecoded only while these rows are fetched.
                self.conn.text_factory = bytes
                try:
                    batch = cursor.fetchmany(TEXTS_BATCH)
                finally:
                    self.conn.text_factory = str
                if not batch:
                    return
                yield [row[0] for row in batch]

        return batches()

    # The JSON object of a stored conflict, as `conflicts --json` prints it.
    _LISTING = _listing_object(
        "topic", "kind", "claims", "quantity", "quantity_kind", "reason", "ratio", "status",
        *(f"(SELECT {c} FROM reviews WHERE id = review_id)" for c in _REVIEW_WORDS),
    )  # fmt: skip
    # A row of Store._CONFLICT_COLUMNS (?1-?14) with its listing, made of its own
    # values. A review's words are left out: the few reviewed rows are rendered
    # again (looking them up for every row cost a third of the insert).
    _INSERT_LISTED = (
        f"INSERT INTO conflicts ({Store._CONFLICT_COLUMNS}, listing) VALUES ("
        f"{', '.join(f'?{n}' for n in range(1, 15))}, "
        f"{_listing_object('?3', '?6', '?10', '?4', '?5', '?11', '?12', '?13', *['NULL'] * 3)})"
    )

    def _store_conflicts(self, found: list[tuple[int, Conflict]]) -> None:
        """Each conflict written once, with its listing. Inserted and then given its
        listing by an UPDATE, every row and its entry in the listing's index were
        written twice: the plain import of 5,000 rows, 44,581 conflicts, took 6.4 s,
        now 5.5 s (loaded machine)."""
        from claimtrack.escape import escape_unseen

        rows = self._conflict_rows(found)
        self.conn.executemany(self._INSERT_LISTED, rows)
        # Rendered again: the reviewed, and the few whose words hold a character
        # SQLite's JSON leaves raw, escaped as they always were.
        again = [
            row[0]
            for row in rows
            if row[13] is not None
            or escape_unseen(text := f"{row[2]}\n{row[3]}\n{row[10]}") != text
        ]
        if again:
            self._render_listings(f"key IN ({self._json_values('?')})", (json.dumps(again),))

    def _render_listings(self, where: str, params: tuple[object, ...]) -> None:
        """SQLite's JSON leaves C1 and bidi controls raw; the few listings holding
        one are escaped here, once."""
        from claimtrack.escape import escape_unseen

        self.conn.execute(f"UPDATE conflicts SET listing = {self._LISTING} WHERE {where}", params)
        # Only a listing with a character beyond ASCII, or DEL, can hold one, and
        # escaping leaves the others as they are. (A GLOB over the characters' class
        # instead cost 8 s of a 20,000-row import's 50,000 conflicts; this, 0.7 s.)
        raw = self.conn.execute(
            f"SELECT id, listing FROM conflicts WHERE ({where}) AND (length(listing) != "
            "length(CAST(listing AS BLOB)) OR instr(listing, char(127)) > 0)",
            params,
        ).fetchall()
        escaped = ((escape_unseen(listing), listing, row_id) for row_id, listing in raw)
        self.conn.executemany(
            "UPDATE conflicts SET listing = ? WHERE id = ?",
            [(new, row_id) for new, listing, row_id in escaped if new != listing],
        )

    def _listings_now(self) -> Iterator[tuple[str, str, str]]:
        from claimtrack.escape import escape_unseen

        # a row whose claims are not JSON (written by hand) renders as None
        for key, listing, rendered in self.conn.execute(
            f"SELECT key, listing, CASE WHEN json_valid(claims) THEN {self._LISTING} END "
            "FROM conflicts"
        ):
            yield key, listing, None if rendered is None else escape_unseen(rendered)

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

    def _not_found_or_damaged(self, claim_id: int) -> None:
        """Say a claim does not exist only once the tables it would be in are sound.

        A damaged page can hide rows without SQLite noticing; then the answer
        is a damaged database (exit 4), not a missing claim (exit 3). The check
        runs only here, on the way to "not found", and reads only those tables."""
        probe = self.conn.execute(
            "SELECT (SELECT count(*) FROM claims WHERE id = ?), (SELECT max(id) FROM claims)",
            (claim_id,),
        ).fetchone()
        if probe[0]:  # the row is there, but its source or topic is not
            raise DatabaseError(
                f"claim {claim_id} points to a source or topic that is missing: the database "
                "is damaged; run `claimtrack check`"
            )
        if probe[1] is not None and claim_id < probe[1]:
            for table in ("claims", "sources", "topics"):
                rows = [r[0] for r in self.conn.execute(f"PRAGMA quick_check({table})")]
                if rows != ["ok"]:
                    raise DatabaseError(
                        f"the database is damaged (in its {table} table), so claim {claim_id} "
                        "cannot be read; run `claimtrack check`, or go back to a backup"
                    )
        super()._not_found_or_damaged(claim_id)

    @property
    def name(self) -> str:
        return str(self.path)

    def check(self) -> list[tuple[str, bool, str]]:
        """(what, ok, words) for each check: integrity, full-text index, schema, links,
        the stored values (each as the way in would check it), decisions, conflicts."""
        results = [("integrity", *self.integrity())]
        results.append(("full-text index", *self._search_index_ok()))
        schema = schema_check(_applied(self.conn) or [], KNOWN_MIGRATIONS)
        results.append(schema)
        try:
            broken = self.conn.execute("PRAGMA foreign_key_check").fetchall()
            results.append(
                ("links", not broken, "ok" if not broken else f"{len(broken)} rows point nowhere")
            )
        except sqlite3.DatabaseError as error:
            results.append(("links", False, f"cannot be checked: {error}"))
        results.append(("values", *self._values_ok()))
        if schema[1]:
            results.append(("decisions", *self._decisions_ok()))
            results.append(self._conflicts_check())
        return results

    def _decisions_ok(self) -> tuple[bool, str]:
        try:
            bad = self._unreadable_decisions()
            reviews = self.conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
            kinds = self.conn.execute("SELECT count(*) FROM quantity_kinds").fetchone()[0]
        except sqlite3.DatabaseError as error:
            return False, f"cannot be checked: {error}"
        if not bad:
            return True, f"ok ({reviews} decision(s), {kinds} kind(s) set)"
        named = "; ".join(f"{what}: {why}" for _, _, what, why in bad[:5])
        return False, (
            f"{len(bad)} decision(s) or kind(s) cannot be read ({named}); "
            "`claimtrack check --repair` removes them"
        )

    def _unreadable_decisions(self) -> list[tuple[str, int, str, str]]:
        """(table, rowid, which row in words, why) for each stored review and kind
        set by hand that a command could not use: what another program, or a
        hand, wrote."""
        from claimtrack.claims import quantity_problem
        from claimtrack.conflicts import KINDS, WHOLE_TOPIC
        from claimtrack.quantities import KINDS as QUANTITY_KINDS

        bad: list[tuple[str, int, str, str]] = []
        previous = self.conn.text_factory
        self.conn.text_factory = lambda data: data.decode("utf-8", "surrogateescape")
        try:
            for row in self._tuples().execute(
                f"SELECT {self._REVIEW_COLUMNS}, undone_at FROM reviews ORDER BY id"
            ):
                why = _review_problem(row, KINDS, self.clock())
                if why:
                    bad.append(("reviews", row[10], f"review #{row[10]}", why))
            for rowid, topic_id, quantity, kind in self.conn.execute(
                "SELECT rowid, topic_id, quantity, kind FROM quantity_kinds ORDER BY rowid"
            ):
                why = None
                if kind not in QUANTITY_KINDS:
                    why = f"unknown kind {kind!r}"
                elif quantity != WHOLE_TOPIC:
                    why = quantity_problem(quantity)
                if why:
                    bad.append(("quantity_kinds", rowid, f"kind of topic #{topic_id}", why))
        finally:
            self.conn.text_factory = previous
        return bad

    def remove_unreadable_decisions(self) -> int:
        """Remove the reviews and kinds `check` says cannot be read; how many."""
        with self.transaction():
            bad = self._unreadable_decisions()
            reviews = json.dumps([rowid for table, rowid, _, _ in bad if table == "reviews"])
            self.conn.execute(
                "UPDATE conflicts SET review_id = NULL "
                "WHERE review_id IN (SELECT value FROM json_each(?))",
                (reviews,),
            )
            for table, rowid, _, _ in bad:
                self.conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))
            return len(bad)

    def integrity(self) -> tuple[bool, str]:
        try:
            rows = [r[0] for r in self.conn.execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as error:  # damage SQLite meets before it can list it
            return False, f"{error}; go back to a backup"
        return rows == ["ok"], "ok" if rows == ["ok"] else "; ".join(rows[:5])

    def _search_index_ok(self) -> tuple[bool, str]:
        """FTS5 checks its index with a command written as an INSERT, which a
        read-only file refuses: there it runs on a copy of the file in memory."""
        commands = [
            f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)"
            for index in SEARCH_INDEXES
        ]
        try:
            for command in commands:
                self.conn.execute(command)
            return True, "ok"
        except sqlite3.DatabaseError as error:
            if not _read_only(error):
                return _index_problem(error)
        copy = sqlite3.connect(":memory:")
        try:
            self.conn.backup(copy)
            for command in commands:
                copy.execute(command)
            return True, "ok (checked on a copy: the file is read-only)"
        except sqlite3.DatabaseError as error:
            return _index_problem(error)
        finally:
            copy.close()

    def _values_ok(self) -> tuple[bool, str]:
        """Every stored claim through the same checks as the way in: a value an older
        version, or another program, let in would break the commands that read it."""
        today, now = self.today(), self.clock()
        cursor = self.conn.cursor()
        cursor.row_factory = None
        bad: list[str] = []
        count = 0
        previous = self.conn.text_factory
        # Text that is not UTF-8 would fail to read at all; read it as it is, to name it.
        self.conn.text_factory = lambda data: data.decode("utf-8", "surrogateescape")
        try:
            # Removed claims too would be read again by `restore` and `history`, but
            # removing a claim is a way to deal with one: only live ones are listed.
            sql = self._SELECT.replace("JOIN sources", "LEFT JOIN sources")
            sql = sql.replace("JOIN topics", "LEFT JOIN topics") + " WHERE c.deleted_at IS NULL"
            rows = cursor.execute(sql)
            for row in rows:
                try:
                    problems = claim_problems(claim_from_row(row), today, now)
                except (ValueError, TypeError) as error:
                    problems = [("row", f"cannot be read ({error})")]
                if problems:
                    count += 1
                    if len(bad) < 5:
                        field_name, words = problems[0]
                        bad.append(f"#{row[0]} {field_name}: {words}")
        except sqlite3.DatabaseError as error:
            return False, f"cannot be checked: {error}"
        finally:
            self.conn.text_factory = previous
        if not count:
            return True, "ok"
        return False, (
            f"{count} claim(s) hold values that would break commands ({'; '.join(bad)}); "
            "fix each with `claimtrack edit ID` or remove it with `claimtrack rm ID`"
        )

    def rebuild_search_index(self) -> None:
        with self.transaction():
            for index in SEARCH_INDEXES:
                self.conn.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")


@contextmanager
def writing_beside(target: Path) -> Iterator[Path]:
    """A new file's partial name beside TARGET, renamed to TARGET when the block
    ends well, removed when it does not. What killed writes left in the folder
    (partial copies, their journals) goes first, whatever name they were for,
    once no process holds them."""
    if path_kind(target) != MISSING:
        raise ClaimtrackError(f"{target} already exists; choose another name")
    folder = target.parent if str(target.parent) else Path(".")
    if path_kind(folder) != DIRECTORY:
        raise ClaimtrackError(f"{folder} is not a folder")
    partial = folder / f".{target.name}{PARTIAL}"
    try:
        _remove_stale_partials(folder)
        _remove_partial(partial)
        yield partial
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        _remove_partial(partial)
        words = getattr(error, "strerror", None) or str(error)
        place = _place_problem(partial)
        raise ClaimtrackError(f"cannot write the backup {target}: {place or words}") from None
    except BaseException:
        _remove_partial(partial)
        raise


PARTIAL = ".partial"
_JOURNALS = ("-journal", "-wal", "-shm")


def _remove_partial(partial: Path) -> None:
    for leftover in (partial, *(Path(f"{partial}{end}") for end in _JOURNALS)):
        leftover.unlink(missing_ok=True)


def _remove_stale_partials(folder: Path) -> None:
    """Remove the partial copies killed backups left in FOLDER, with their journals.

    Only files that are SQLite databases (or empty) and that no process holds:
    a backup running meanwhile keeps its copy locked until it is renamed."""
    for partial in folder.glob(f".*{PARTIAL}"):
        try:
            with open(partial, "rb") as handle:
                header = handle.read(16)
        except OSError:
            continue
        if header and header != SQLITE_HEADER:
            continue  # not a copy of ours
        probe = sqlite3.connect(partial, timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN EXCLUSIVE")
            probe.execute("ROLLBACK")
        except sqlite3.Error:
            continue  # in use, or not ours
        finally:
            probe.close()
        _remove_partial(partial)
    for journal in folder.glob(f".*{PARTIAL}-journal"):
        if not Path(str(journal)[: -len("-journal")]).exists():
            journal.unlink(missing_ok=True)


def _index_problem(error: sqlite3.Error) -> tuple[bool, str]:
    name = getattr(error, "sqlite_errorname", "")  # Python 3.11 and newer
    if name.startswith("SQLITE_CORRUPT") or "malformed" in str(error):
        return False, "out of step with the claims; `claimtrack check --repair` rebuilds it"
    return False, f"cannot be checked: {error}"


def _read_only(error: sqlite3.Error) -> bool:
    return "readonly" in str(error) or "read-only" in str(error)


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
    kind = path_kind(path, DatabaseError)
    if kind == DIRECTORY:
        raise DatabaseError(f"{path} is a directory, not a database file")
    if kind not in (FILE, MISSING):
        raise DatabaseError(f"{path} is {kind}, not a database file")
    header = read_head(path, 16, DatabaseError) if kind == FILE else b""
    if header and header != SQLITE_HEADER:
        raise DatabaseError(f"{path} is not a SQLite database")
    made = Path(os.path.realpath(path))  # through a symlink: what SQLite makes is its target
    folders = [f for f in reversed(made.parents) if path_kind(f) == MISSING]
    if kind == MISSING:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseError(f"cannot create the folder for {path}: {error.strerror}") from None
    if not header:
        CREATED.append((made, folders, kind == FILE))
    _OPENED.append(path)
    try:
        conn = _connect(path)
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


# Databases this command made (path, the folders made for it, whether an empty
# file was there): a command that fails takes them away again, so that bad input
# leaves no new store behind.
CREATED: list[tuple[Path, list[Path], bool]] = []


def undo_created() -> None:
    """Remove what CREATED lists, unless something was stored there meanwhile."""
    while CREATED:
        path, folders, was_empty = CREATED.pop()
        try:
            conn = sqlite3.connect(path, timeout=0)
            try:
                stored = conn.execute(
                    "SELECT (SELECT count(*) FROM claims) + (SELECT count(*) FROM sources)"
                ).fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error:
            stored = 0 if path_kind(path) != FILE or not path.stat().st_size else 1
        if stored:
            continue
        for end in _JOURNALS:
            Path(f"{path}{end}").unlink(missing_ok=True)
        if was_empty:
            path.write_bytes(b"")
        else:
            path.unlink(missing_ok=True)
            for folder in reversed(folders):
                try:
                    folder.rmdir()
                except OSError:
                    break


def _connect(path: Path) -> sqlite3.Connection:
    """On a read-only file system SQLite cannot make the shared-memory file that
    WAL mode needs, so it could not even read: there the file is opened as
    immutable, which only reads. Not when a -wal file holds changes, which
    immutable mode would not see."""
    try:
        read_only = bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY) and path.exists()
        wal = Path(f"{path}-wal")
        pending = wal.exists() and wal.stat().st_size > 0
    except (OSError, AttributeError):
        read_only = pending = False
    if read_only and not pending:
        from urllib.parse import quote

        address = f"file:{quote(os.fsencode(path.absolute()))}?immutable=1"
        return sqlite3.connect(address, timeout=busy_timeout(), isolation_level=None, uri=True)
    return sqlite3.connect(path, timeout=busy_timeout(), isolation_level=None)


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


def _begin_first_open(conn: sqlite3.Connection) -> None:
    """WAL mode, then the write transaction the schema steps run in. Processes that
    open one new file at once can be refused at once, not made to wait (SQLite
    answers "locked" without waiting where waiting could deadlock, as when one
    switches the journal while another reads it): then try again, within the
    busy timeout."""
    deadline = time.monotonic() + busy_timeout()
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


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
    from sqlite_utils import Database

    from claimtrack.migrations import migrations

    # One IMMEDIATE transaction around all pending steps: a second process
    # opening the same new file waits here, then finds nothing left to do.
    _begin_first_open(conn)
    try:
        before = set(_applied(conn) or [])
        migrations.apply(Database(conn, execute_plugins=False))
        SqliteStore(conn).upgrade(set(_applied(conn) or []) - before)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
