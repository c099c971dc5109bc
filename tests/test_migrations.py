"""The schema: built from an empty file, upgraded from the oldest one, and
opened by several processes at once."""

import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager

import pytest
from sqlite_utils import Database

from claimtrack.db import KNOWN_MIGRATIONS, open_store
from claimtrack.migrations import migrations


def test_known_migrations_match_the_steps():
    assert tuple(m.name for m in migrations._migrations) == KNOWN_MIGRATIONS


def test_from_an_empty_file(db_path, cli):
    db_path.write_bytes(b"")
    cli("list")
    names = [
        r[0]
        for r in sqlite3.connect(db_path).execute(
            "SELECT name FROM _sqlite_migrations ORDER BY rowid"
        )
    ]
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
    # the suite's short lock wait is for the tests of a locked store; here the four first
    # opens must wait for each other as they would on a loaded machine
    env = {**os.environ, "CLAIMTRACK_BUSY_TIMEOUT": "30"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True, env=env
        )
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


@contextmanager
def _before_quantities(engine, monkeypatch):
    """A store of the last schema without quantities (on PostgreSQL, p001 alone):
    something to run SQL with, committed when the block ends."""
    target = os.environ["CLAIMTRACK_DB"]
    if engine == "sqlite":
        db = Database(target)
        migrations.apply(db, stop_before="m010_quantities")
        yield db.execute
        db.conn.commit()
        db.close()
        return
    import claimtrack.db.postgresql as postgresql

    with monkeypatch.context() as patch:
        patch.setattr(postgresql, "STEPS", postgresql.STEPS[:1])
        patch.setattr(postgresql, "KNOWN_STEPS", postgresql.KNOWN_STEPS[:1])
        store = open_store(target)
    try:
        yield store.conn.execute
    finally:
        store.close()


# Time stamps in the stored form: `check` refuses any other.
T0, T1, T2 = (f"2024-11-0{day}T09:00:00.000000Z" for day in (1, 2, 3))


@pytest.mark.usefixtures("engine")
def test_from_before_quantities_with_reviews_and_a_cumulative_topic(cli, engine, monkeypatch):
    """A database of the last schema without quantities: its claims get quantities
    read from their text, its conflicts are computed once, a cumulative topic stays
    cumulative, and old reviews hold while their claims are as they were."""
    with _before_quantities(engine, monkeypatch) as execute:
        _old_story(execute)
    _the_story_upgraded(cli)


def _old_story(execute) -> None:
    """Claims, a cumulative topic and reviews as the schema before quantities held them."""
    execute("INSERT INTO sources (name, key, created_at) VALUES ('US', 'us', 't'), "
               "('NIS', 'nis', 't'), ('Russia', 'russia', 't')")  # fmt: skip
    execute("INSERT INTO topics (name, key, created_at, cumulative) VALUES "
               "('Troops', 'troops', 't', 0), ('Kursk toll', 'kursk toll', 't', 1)")  # fmt: skip
    rows = [
        ("US says 3,000 troops were sent", 1, 1, "2024-10-23", 3000, "3,000", "troops", "asserts"),
        ("NIS says 12,000 troops were sent", 2, 1, "2024-10-23", 12000, "12,000", "troops", "asserts"),
        ("Russia denies sending anyone", 3, 1, "2024-10-24", None, None, None, "denies"),
        ("US says 400 people were killed", 1, 2, "2024-04-10", 400, "400", "people", "asserts"),
        ("NIS says 300 people were killed", 2, 2, "2024-09-10", 300, "300", "people", "asserts"),
    ]  # fmt: skip
    for text, source, topic, day, value, figure, unit, stance in rows:
        execute(
            "INSERT INTO claims (text, source_id, topic_id, date, date_precision, stance, tags, "
            "created_at, updated_at, figure_low, figure_high, figure_qualifier, figure_text, "
            "unit) VALUES (?, ?, ?, ?, 'day', ?, '[]', ?, ?, ?, ?, ?, ?, ?)",
            (text, source, topic, day, stance, T0, T1, value, value, "exact" if value else None,
             figure, unit),
        )  # fmt: skip
    review = (
        "INSERT INTO reviews (claim_a, claim_b, kind, decision, note, reviewer, created_at, "
        "a_updated_at, b_updated_at) VALUES (?, ?, ?, ?, ?, 'ed', ?, ?, ?)"
    )
    execute(review, (1, 2, "contradiction", "dismissed", "two counts", T2, T1, T1))
    execute(review, (2, 3, "denial", "confirmed", "stale", T2, T0, T1))  # before an edit


def _the_story_upgraded(cli) -> None:
    assert [c["quantity"] for c in cli.json("list")] == [
        None, "troops:deployed", "troops:deployed", "people:dead", "people:dead",
    ]  # fmt: skip
    found = {tuple(c["claims"]): c for c in cli.json("conflicts", "--all")}
    assert (found[(1, 2)]["status"], found[(1, 2)]["note"]) == ("dismissed", "two counts")
    assert found[(3, 1, 2)]["status"] == "open"  # the old decision was on claims since changed
    assert found[(4, 5)]["quantity_kind"] == "cumulative"
    (toll,) = [t for t in cli.json("topics") if t["name"] == "Kursk toll"]
    assert toll["kinds"] == {"*": "cumulative"} and toll["cumulative"] is True
    assert "decision" in cli("show", "3").stdout
    assert "conflicts:       up to date (3 stored)" in cli("check").stdout
