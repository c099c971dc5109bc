"""Data safety: concurrent writers, killed imports, backups, checks, hostile text."""

import json
import sqlite3
import subprocess
import sys
import time

import pytest
import stress

from claimtrack.db import KNOWN_MIGRATIONS


def test_concurrent_writers_lose_nothing(tmp_path):
    result = stress.concurrent_writers(tmp_path / "c.db", writers=4, claims=25)
    assert result["failures_by_writer"] == [0, 0, 0, 0], result["errors"]
    assert result["stored"] == result["expected"] == 100
    assert result["read_failures"] == 0 and result["reads"] > 0


@pytest.mark.parametrize("size", [3000, 25_000])  # the larger one is checked in a second process
def test_killed_imports_hold_all_or_nothing(tmp_path, size):
    result = stress.killed_imports(tmp_path, size=size, trials=2)
    for trial in result["trials"]:
        assert trial["integrity"] == "ok"
        assert trial["claims_after_kill"] in (0, size)
        assert trial["processes_left"] == 0
        assert trial["reimport_ok"] and trial["claims_after_reimport"] == size


def test_backup_while_others_write(cli, tmp_path):
    # Each writer waits for the lock as a user's command would (10 s), not the
    # 0.2 s this suite gives its own commands: with that, a writer that waited
    # behind the others on a busy machine gave up, and one claim in 80 was lost.
    db = tmp_path / "busy.db"
    cli("--db", str(db), "list")
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", stress.WRITER, str(db), str(w), "40"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=stress.writer_environment(),
        )  # fmt: skip
        for w in range(2)
    ]
    while stress.count_claims(db) < 10:
        time.sleep(0.05)
    copy = tmp_path / "copy.db"
    assert cli("--db", str(db), "backup", str(copy)).stdout.strip() == f"Backed up to {copy}."
    for number, process in enumerate(writers):
        errors = process.communicate()[1]
        assert process.returncode == 0, errors
        assert errors.splitlines()[-1] == "0", f"writer {number} failed: {errors}"
    assert stress.integrity(copy) == "ok"
    assert 10 <= stress.count_claims(copy) <= stress.count_claims(db) == 80
    report = cli("--db", str(copy), "check").stdout
    assert "PROBLEM" not in report and "schema:" in report
    assert "already exists" in cli.error("--db", str(db), "backup", str(copy))


def test_check_finds_and_repairs_a_stale_search_index(seeded, db_path):
    assert seeded("check").stdout.splitlines() == [
        "integrity:       ok",
        "full-text index: ok",
        f"schema:          up to date ({len(KNOWN_MIGRATIONS)} steps)",
        "links:           ok",
        "values:          ok",
        "decisions:       ok (0 decision(s), 0 kind(s) set)",
        "conflicts:       up to date (2 stored)",
    ]
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("DROP TRIGGER claims_au")
        conn.execute("UPDATE claims SET text = 'changed behind the index' WHERE id = 1")
    conn.close()
    result = seeded("check", code=4)
    assert "full-text index: PROBLEM" in result.stdout
    assert result.stderr.strip() == "Error: the database has 1 problem(s); see above"
    assert "Rebuilt the full-text indexes." in seeded("check", "--repair").stdout


HOSTILE = [
    "[bold red]ALERT[/bold red] [link=https://evil.example]click[/link] 3,000 troops",
    "\x1b[31mred\x1b[0m \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 4,000 troops",
    "\x1b]0;pwned title\x07 bell \x07 backspace \x08 and C1 \x9b31m 5,000 troops",
    "bidi \u202etxet desrever\u202c and \u2066isolate\u2069 6,000 troops",
]
RAW = ("\x1b", "\x07", "\x08", "\x9b", "\u202e", "\u2066")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_inert_everywhere(cli, text):
    added = cli("add", text, "--source", text[:30], "--topic", text[:25], "--date", "2024-10-01")
    cli("add", "Another source says 90,000 troops", "--source", "Other", "--topic", text[:25],
        "--date", "2024-10-02")  # fmt: skip
    cli("edit", "1", "--note", "edited")
    views = [
        added.stdout,
        cli("list").stdout,
        cli("show", "1").stdout,
        cli("history", "1").stdout,
        cli("timeline").stdout,
        cli("conflicts").stdout,
        cli("topics").stdout,
        cli("sources").stdout,
        cli.error("list", "--topic", text, code=3),
    ]
    # CSV is left out on purpose: it keeps text byte for byte, so that an
    # export-import round trip is exact; its cells get the formula guard.
    for fmt in ("markdown", "json", "jsonl", "claimreview", "timelinejs"):
        views.append(cli("export", fmt).stdout)
    for view in views:
        assert not any(ch in view for ch in RAW), repr(view[:200])
    if text.startswith("[bold"):
        assert "[bold red]ALERT[/bold red]" in cli("show", "1").stdout  # shown, not applied
    stored = cli.json("show", "1")
    assert stored["text"] == text  # kept exactly; only its display is escaped
    assert json.loads(cli("export", "json").stdout)["claims"][0]["text"] == text


def test_sql_is_parameterised(cli):
    evil = "x'); DROP TABLE claims; -- 12 troops"
    cli("add", evil, "--source", "Robert'); DROP TABLE sources;--", "--date", "2024-10-01")
    assert cli.json("list", "--search", '"DROP TABLE"')[0]["text"] == evil
    assert cli.json("list", "--source", "Robert'); DROP TABLE sources;--")[0]["text"] == evil
    assert "search query is not valid" in cli.error("list", "--fts", "--search", "troops AND (")
