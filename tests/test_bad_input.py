"""Bad input across every command: a non-zero exit, one 'Error:' line, no
traceback, and the database exactly as it was (a dump compared before and after)."""

import os
import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest
from conftest import dump

HUGE = "3,000 troops " * 800  # over 10,000 characters


@pytest.fixture
def files(seeded, tmp_path, db_path):
    """A database with claims, and bad files of every kind next to it."""
    seeded("add", "Seoul's spy agency said about 12,000 North Korean troops would be sent",
           "--source", "NIS", "--date", "2024-10-18")  # fmt: skip
    paths = {
        "dir": tmp_path / "folder",
        "notsqlite": tmp_path / "notes.db",
        "newer": tmp_path / "newer.db",
        "bin": tmp_path / "image.csv",
        "latin1": tmp_path / "latin1.csv",
        "wrongcols": tmp_path / "columns.csv",
        "empty": tmp_path / "empty.jsonl",
        "badjson": tmp_path / "bad.json",
        "badline7": tmp_path / "line7.csv",
        "missing": tmp_path / "missing.csv",
        "existing": tmp_path / "existing.db",
    }
    paths["dir"].mkdir()
    paths["notsqlite"].write_text("these are my notes, not a database\n")
    paths["bin"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    paths["latin1"].write_bytes("text,source,date\nd\xe9menti,x,2024\n".encode("latin-1"))
    paths["wrongcols"].write_text("claim,who,when\nx,y,2024\n")
    paths["empty"].write_text("")
    paths["badjson"].write_text('{"claims": [{"text": "a"')
    rows = "".join(f"row {i} {i},S{i},2024-10-0{i}\n" for i in range(1, 6))
    paths["badline7"].write_text("text,source,date\n" + rows + "bad row,S,32/13/2024\n")
    paths["existing"].write_text("keep me")
    seeded("--db", str(paths["newer"]), "list")
    conn = sqlite3.connect(paths["newer"])
    with conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('claimtrack', 'm900_future', 'x')")  # fmt: skip
    conn.close()
    return {name: str(path) for name, path in paths.items()}


CASES = [
    (["add", "--source", "US", ""], 1, "claim text is empty"),
    (["add", "--source", "US", "   \t "], 1, "claim text is empty"),
    (["add", "--source", "US", HUGE], 1, "the limit is 10,000"),
    (["add", "--source", "US", "a NUL \x00 here"], 1, "NUL character"),
    (["add", "3,000 troops", "--source", ""], 1, "source is empty"),
    (["add", "3,000 troops", "--source", "A\x00B"], 1, "NUL character"),
    (["add", "--source", "US", "3,000 troops", "--date", "banana"], 1, "cannot read the date"),
    (["add", "--source", "US", "3,000 troops", "--date", "31/02/2024"], 1, "not a real date"),
    (["add", "--source", "US", "3,000 troops", "--date", "2999-01-01"], 1, "in the future"),
    (["add", "--source", "US", "3,000 troops", "--date", "03/04/2024"], 1, "ambiguous"),
    (["add", "--source", "US", "3,000 troops", "--as-of", "soonish"], 1, "cannot read the date"),
    (["add", "--source", "US", "3,000 troops", "--figure", "lots"], 1, "cannot read a figure"),
    (["add", "--source", "US", "3,000 troops", "--figure", ""], 1, "figure is empty"),
    (["add", "--source", "US", "3,000 troops", "--figure", "-5"], 1, "is below zero"),
    (["add", "--source", "US", "3,000 troops", "--figure", "minus 3,000"], 1, "is below zero"),
    (["add", "--source", "US", "3,000 troops", "--url", "ftp://example.org/a"], 1, "not an http"),
    (
        ["add", "--source", "US", "3,000 troops", "--url", "https://exa mple.org"],
        1,
        "spaces or control",
    ),
    (["add", "--source", "US", "3,000 troops", "--stance", "shouts"], 1, "unknown stance"),
    (["add", "--source", "US", "3,000 troops", "--tag", " "], 1, "tag"),
    (["add", "3,000 troops", "--source", "US", "--nope"], 2, "No such option"),
    (["add", "3,000 troops"], 2, "Missing option '--source'"),
    (["add", "--source", "US", "3,000 troops", "--url", "javascript:alert(1)"], 1, "not an http"),
    (["edit", "99", "--text", "x"], 3, "no claim with id 99"),
    (["edit", "1"], 1, "nothing to change"),
    (["edit", "1", "--figure", "none at all"], 1, "cannot read a figure"),
    (["edit", "1", "--date", "tomorrowish"], 1, "cannot read the date"),
    (["rm", "99"], 3, "no claim with id 99"),
    (["restore", "1"], 1, "not removed"),
    (["restore", "99"], 3, "no claim with id 99"),
    (["history", "99"], 3, "no claim with id 99"),
    (["show", "0"], 3, "no claim with id 0"),
    (["show", "one"], 2, "not a valid int"),
    (["rate", "1", "maybe"], 1, "unknown verdict"),
    (["rate", "99", "false"], 3, "no claim with id 99"),
    (["list", "--limit", "-1"], 1, "--limit must be 0 or more"),
    (["list", "--since", "garbage"], 1, "cannot read the date"),
    (["list", "--fts", "--search", "troops AND ("], 1, "search query is not valid"),
    (["list", "--fts", "--search", '"unterminated'], 1, "search query is not valid"),
    (["list", "--fts", "--search", "nocolumn:troops"], 1, "search query is not valid"),
    (["list", "--fts"], 1, "give --search too"),
    (["list", "--json", "--csv"], 1, "choose one output format"),
    (["list", "--topic", "No such topic"], 3, "no topic named"),
    (["list", "--source", "Nobody"], 3, "no source named"),
    (["timeline", "No such topic"], 3, "no topic named"),
    (["conflicts", "--window", "-1"], 1, "--window must be 0 or more"),
    (["conflicts", "--tolerance", "100"], 1, "--tolerance must be a percentage"),
    (["conflicts", "--factor", "0.5"], 1, "--factor must be 1 or more"),
    (["conflicts", "--kind", "feud"], 1, "unknown kind"),
    (["review", "1", "1", "--dismiss"], 1, "two different claims"),
    (["review", "1", "99", "--confirm"], 3, "no claim with id 99"),
    (["review", "1", "4", "--dismiss"], 1, "do not conflict"),
    (["review", "1", "2"], 1, "exactly one of --dismiss or --confirm"),
    (["review", "1", "2", "--dismiss", "--confirm"], 1, "exactly one of"),
    (["review", "1", "4", "--confirm", "--window", "-1"], 1, "--window must be 0 or more"),
    (
        ["review", "1", "4", "--confirm", "--tolerance", "-5"],
        1,
        "--tolerance must be a percentage from 0 to 99, not -5",
    ),
    (["conflicts", "--source", "Nobody"], 3, "no source named"),
    (["conflicts", "--topic", "Nothing"], 3, "no topic named"),
    (["topics", "set", "Nothing", "--cumulative"], 3, "no topic named"),
    (["topics", "set", "North Korean troops in Russia"], 1, "nothing to change"),
    (["topics", "set", "North Korean troops in Russia", "--kind", "often"], 1, "unknown kind"),
    (["topics", "merge", "Nothing", "North Korean troops in Russia"], 3, "no topic named"),
    (
        ["topics", "merge", "North Korean troops in Russia", "north korean troops in russia"],
        1,
        "into itself",
    ),
    (["topics", "rename", "Nothing", "Something"], 3, "no topic named"),
    (["add", "--source", "US", "3,000 troops", "--quantity", "people:sleepy"], 1, "unknown state"),
    # a state the vocabulary does not know, in words, and words inside a key
    (
        ["add", "--source", "US", "3,000 troops", "--quantity", "people clashed"],
        1,
        "cannot read a state",
    ),
    (
        ["add", "--source", "US", "3,000 troops", "--quantity", "people attending(part)"],
        1,
        "cannot read the quantity",
    ),
    (["review", "1", "2", "--dismiss", "--by", " "], 1, "--by is empty"),
    (["review", "1", "2", "--dismiss", "--by", "a\x1bb"], 1, "at most 80 plain characters"),
    (["review", "--undo"], 1, "there is no decision to undo"),
    (["review", "--undo", "1"], 1, "--undo takes no claims"),
    (["review", "1", "--topic", "North Korean troops in Russia", "--dismiss"], 1, "not both"),
    (["review", "--dismiss"], 1, "give the claims of a conflict"),
    (["review", "1", "--dismiss"], 1, "is not a denial in conflict"),
    (["review", "3", "1", "1", "--dismiss"], 1, "two different claims"),
    (["review", "--topic", "Nothing", "--dismiss"], 3, "no topic named"),
    (["sources", "alias", "Washington", "Nobody"], 3, "no source named"),
    (["sources", "alias", "  ", "US"], 1, "the alias is empty"),
    (["export", "pdf"], 1, "unknown format"),
    (["export", "json", "-o", "{dir}"], 1, "is a directory"),
    (["import", "{missing}"], 1, "no such file"),
    (["import", "{dir}", "--format", "csv"], 1, "is a directory"),
    (["import", "{bin}"], 1, "NUL byte"),
    (["import", "{latin1}"], 1, "line 2: not valid UTF-8"),
    (["import", "{wrongcols}"], 1, "missing column(s) text, source, date"),
    (["import", "{empty}"], 1, "the file is empty"),
    (["import", "{badjson}"], 1, "invalid JSON"),
    (["import", "{badline7}"], 1, "line 7, field 'date'"),
    (["import", "{badline7}", "--format", "xml"], 1, "unknown format"),
    (["backup", "{existing}"], 1, "already exists"),
    (["--db", "{notsqlite}", "list"], 4, "is not a SQLite database"),
    (["--db", "{dir}", "list"], 4, "is a directory"),
    (["--db", "{newer}", "add", "3,000 troops", "--source", "US"], 4, "newer claimtrack"),
    (["demo", "--db", "{notsqlite}"], 4, "is not a SQLite database"),
]


def _snapshot(files, db_path):
    state = {"main": dump(db_path), "newer": dump(Path(files["newer"]))}
    for name in ("notsqlite", "existing"):
        with open(files[name], "rb") as handle:
            state[name] = handle.read()
    state["dir"] = sorted(os.listdir(files["dir"]))
    return state


@pytest.mark.parametrize(("args", "code", "message"), CASES, ids=lambda v: str(v)[:40])
def test_bad_input(seeded, files, db_path, args, code, message):
    args = [a.format(**files) if "{" in a else a for a in args]
    before = _snapshot(files, db_path)
    line = seeded.error(*args, code=code)
    assert message in line
    assert _snapshot(files, db_path) == before


def test_there_are_at_least_forty_cases():
    assert len(CASES) >= 40


def test_read_only_database(seeded, db_path):
    seeded("list")
    before = dump(db_path)
    if os.geteuid() == 0:
        # root writes through file modes; the immutable flag stops even root
        if subprocess.run(["chattr", "+i", str(db_path)], capture_output=True).returncode:
            pytest.skip("cannot make the file read-only here")
        undo = ["chattr", "-i", str(db_path)]
    else:
        db_path.chmod(0o444)
        undo = ["chmod", "644", str(db_path)]
    try:
        line = seeded.error("add", "3,000 troops", "--source", "US", code=4)
    finally:
        subprocess.run(undo, check=True)
    assert "read-only" in line or "cannot open" in line
    assert dump(db_path) == before


def test_locked_database_beyond_the_timeout(seeded, db_path):
    before = dump(db_path)
    locked, release = threading.Event(), threading.Event()

    def hold_the_lock():
        conn = sqlite3.connect(db_path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(10)
        conn.execute("ROLLBACK")
        conn.close()

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    locked.wait(5)
    try:
        line = seeded.error("add", "3,000 troops", "--source", "US", code=4)
    finally:
        release.set()
        holder.join()
    assert "locked by another process" in line
    assert dump(db_path) == before
