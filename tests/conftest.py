"""Every test runs the real CLI against its own database file, relocated by
CLAIMTRACK_DB, so nothing touches the user's data."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app

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
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "200")  # wide enough that assertions see whole lines
    return path


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
