"""Every test runs the real CLI against its own database file, relocated by
CLAIMTRACK_DB, so nothing touches the user's data.

A test that asks for the `engine` fixture (a module's `pytestmark` does it for
its behavioural tests) runs twice: on a SQLite file and on a fresh database of
a real PostgreSQL server, started for the session in a temporary folder. A test
marked `sqlite_only` looks at the file itself and runs once.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app

ENGINES = ("sqlite", "postgresql")

SEED_US = "The U.S. confirms 3,000 North Korean troops have been sent to Russia for training"
SEED_ZELENSKY = (
    "Ukrainian President Volodymyr Zelensky alleges North Korea is mobilizing "
    "up to 10,000 soldiers to assist Russian forces"
)
SEED_RUSSIA = "Russia denies any plans for North Korean troops to take part in combat in Ukraine"


@pytest.fixture(autouse=True)
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "claims.db"
    monkeypatch.setenv("CLAIMTRACK_DB", str(path))
    monkeypatch.setenv("CLAIMTRACK_BUSY_TIMEOUT", "0.2")
    monkeypatch.setenv("CLAIMTRACK_USER", "maria")  # who the tests work as, on any machine
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "200")  # wide enough that assertions see whole lines
    return path


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: looks at the SQLite file itself")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" in metafunc.fixturenames:
        only = metafunc.definition.get_closest_marker("sqlite_only")
        metafunc.parametrize("engine", ENGINES[:1] if only else ENGINES, indirect=True)


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    """Say how many tests ran on the server: CI's log shows that they did."""
    counts = {
        outcome: sum(1 for r in terminalreporter.stats.get(outcome, []) if "postgresql" in r.nodeid)
        for outcome in ("passed", "failed", "skipped")
    }
    if any(counts.values()):
        terminalreporter.write_line(
            f"PostgreSQL: {counts['passed']} tests passed, {counts['failed']} failed, "
            f"{counts['skipped']} skipped, on a throwaway server"
        )


@pytest.fixture(scope="session")
def pg_cluster():
    """A real PostgreSQL server for the whole session, removed at the end."""
    from postgres_server import start_cluster

    cluster, why = start_cluster()
    if cluster is None:
        message = f"POSTGRESQL TESTS CANNOT RUN: {why}"
        if os.environ.get("CLAIMTRACK_REQUIRE_POSTGRES"):
            pytest.fail(message)  # CI installs the server: a missing one is a failure there
        pytest.skip(message)
    yield cluster
    cluster.stop()


@pytest.fixture
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """The engine this run of the test uses; CLAIMTRACK_DB names its store."""
    if request.param == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        name = cluster.new_database()
        monkeypatch.setenv("CLAIMTRACK_DB", cluster.url(name))
        yield request.param
        cluster.drop_database(name)
    else:
        yield request.param


@pytest.fixture
def new_store(engine: str, tmp_path: Path, request: pytest.FixtureRequest):
    """Another empty store of the test's engine: its --db value."""
    made = []

    def make(name: str = "other") -> str:
        if engine == "sqlite":
            return str(tmp_path / f"{name}.db")
        cluster = request.getfixturevalue("pg_cluster")
        made.append(cluster.new_database())
        return cluster.url(made[-1])

    yield make
    for database in made:
        request.getfixturevalue("pg_cluster").drop_database(database)


class Runner:
    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, code: int = 0):
        result = self.runner.invoke(app, list(args), input=input)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
        return result

    def json(self, *args: str):
        return json.loads(self(*args, "--json").stdout)

    def error(self, *args: str, code: int = 1, input: str | None = None) -> str:
        """Run a command that must fail: one 'Error:' line on stderr, nothing on stdout."""
        result = self(*args, input=input, code=code)
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("Error: "), result.stderr
        assert "Traceback" not in result.stderr
        assert result.stdout == ""
        return lines[0]


@pytest.fixture
def cli() -> Runner:
    return Runner()


@pytest.fixture
def seeded(cli: Runner) -> Runner:
    cli("add", SEED_US, "--source", "U.S.", "--date", "2024-10-23")
    cli("add", SEED_ZELENSKY, "--source", "Volodymyr Zelensky", "--date", "2024-10-25")
    cli("add", SEED_RUSSIA, "--source", "Russia", "--date", "2024-10-24")
    return cli


def dump(path: Path) -> str:
    """The database's whole content, to show that a failed command changed nothing."""
    if not path.exists():
        return ""
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def store_sql(sql: str) -> list[tuple]:
    """Run one statement on the store CLAIMTRACK_DB names, as another SQL client
    would, committed; the rows it gives."""
    target = os.environ["CLAIMTRACK_DB"]
    if not target.startswith("postgresql://"):
        conn = sqlite3.connect(target)
        try:
            with conn:
                return conn.execute(sql).fetchall()
        finally:
            conn.close()
    import psycopg

    with psycopg.connect(target, autocommit=True) as conn:
        cursor = conn.execute(sql)
        return cursor.fetchall() if cursor.description else []


def store_dump() -> str:
    """The whole content of the store CLAIMTRACK_DB names, on either engine."""
    target = os.environ["CLAIMTRACK_DB"]
    if not target.startswith("postgresql://"):
        return dump(Path(target))
    import psycopg

    with psycopg.connect(target) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        parts = []
        for table in tables:
            rows = conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            parts.append(f"{table}: {rows!r}")
        return "\n".join(parts)
