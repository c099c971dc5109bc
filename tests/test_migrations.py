"""The schema: built from an empty file, upgraded from the oldest one, and
opened by several processes at once."""

import sqlite3
import subprocess
import sys

from sqlite_utils import Database

from claimtrack.db import KNOWN_MIGRATIONS, open_store
from claimtrack.migrations import migrations


def test_known_migrations_match_the_steps():
    assert tuple(m.name for m in migrations._migrations) == KNOWN_MIGRATIONS


def test_from_an_empty_file(db_path, cli):
    db_path.write_bytes(b"")
    cli("list")
    names = [r[0] for r in sqlite3.connect(db_path).execute("SELECT name FROM _sqlite_migrations")]
    assert tuple(names) == KNOWN_MIGRATIONS
    assert sqlite3.connect(db_path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_from_the_oldest_schema(db_path, cli):
    db = Database(db_path)
    migrations.apply(db, stop_before=KNOWN_MIGRATIONS[1])
    db.execute("INSERT INTO sources (name, key, created_at) VALUES ('US', 'us', 't')")
    db.execute("INSERT INTO topics (name, key, created_at) VALUES ('T', 't', 't')")
    db.execute(
        "INSERT INTO claims (text, source_id, topic_id, date, date_precision, stance, tags, "
        "created_at, updated_at, figure_low, figure_high, figure_qualifier, figure_text) "
        "VALUES ('3,000 troops', 1, 1, '2024-10-23', 'day', 'asserts', '[]', 't', 't', "
        "3000, 3000, 'exact', '3,000')"
    )
    db.conn.commit()
    db.close()
    (claim,) = cli.json("list")
    assert (claim["text"], claim["source"], claim["figure"]["low"]) == ("3,000 troops", "US", 3000)
    assert (claim["date_basis"], claim["appearances"]) == ("statement", [])
    assert cli.json("topics")[0]["cumulative"] is False
    assert cli.json("list", "--search", "troops")[0]["id"] == 1


def test_two_processes_create_one_database(tmp_path):
    path = tmp_path / "race.db"
    code = (
        "import sys; from claimtrack.db import open_store; "
        "s = open_store(sys.argv[1]); print(s.conn.execute('SELECT count(*) FROM "
        "_sqlite_migrations').fetchone()[0])"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    counts = [int(p.communicate()[0]) for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert counts == [len(KNOWN_MIGRATIONS)] * 4


def test_open_store_twice_is_a_no_op(tmp_path):
    path = tmp_path / "x.db"
    open_store(path).close()
    store = open_store(path)
    rows = store.conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert rows == len(KNOWN_MIGRATIONS)
    store.close()
