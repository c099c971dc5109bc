"""Hostile input, by class: nothing poisons the store, nothing reaches a terminal
raw, nothing hangs or reads without end, and what goes out comes back exactly.
Each test drives the real CLI (in-process, or as a process where a terminal, a
signal or a mount is the point) against real files, FIFOs and servers."""

import contextlib
import http.server
import json
import math
import os
import pty
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import unicodedata
from pathlib import Path

import pytest
from conftest import dump
from fuzz import damage_page

from claimtrack.escape import inert, json_dumps
from claimtrack.figures import Figure

ROOT = os.geteuid() == 0
LONG = "n" * 300  # a path part longer than any file system allows (255)


def write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def run(*args, stdin=None, env=None, timeout=60, **kw):
    """claimtrack as its own process: the CLI as a user's shell starts it."""
    return subprocess.run(
        [sys.executable, "-m", "claimtrack", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
        **kw,
    )


def one_error(result, code):
    err = result.stderr.decode() if isinstance(result.stderr, bytes) else result.stderr
    assert result.returncode == code, (result.returncode, err)
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), err
    return lines[0]


# --- 1. nothing poisons the store ---------------------------------------------------


POISON = [
    ('{"low": 1e309, "high": 1e309, "qualifier": "exact", "text": "1e309"}', "finite"),
    ('{"low": 5, "high": NaN, "qualifier": "range", "text": "5-"}', "NaN is not a JSON number"),
    ('{"low": Infinity, "qualifier": "at_least", "text": "x"}', "Infinity is not a JSON"),
    ('{"low": ' + "9" * 400 + ', "high": null, "qualifier": "at_least", "text": "x"}', "finite"),
    ('{"low": 1e16, "high": 1e16, "qualifier": "exact", "text": "x"}', "between 0 and"),
    ('{"low": -3, "high": 4, "qualifier": "range", "text": "x"}', "between 0 and"),
    ('{"low": 9, "high": 4, "qualifier": "range", "text": "x"}', "above its high"),
    ('{"low": 9, "high": null, "qualifier": "exact", "text": "x"}', "needs an upper bound"),
    ('{"low": true, "high": 1, "qualifier": "exact", "text": "x"}', "must be numbers"),
]


@pytest.mark.parametrize(("figure", "message"), POISON, ids=[m for _, m in POISON])
def test_imported_figures_outside_the_range_are_refused(cli, db_path, tmp_path, figure, message):
    cli("list")
    before = dump(db_path)
    record = f'{{"text": "Officials said troops moved", "source": "S", "date": "2024-10-01", "figure": {figure}}}'
    line = cli.error("import", write(tmp_path, "claims.jsonl", record + "\n"))
    assert message in line
    assert dump(db_path) == before


def test_csv_figures_outside_the_range_are_refused(cli, db_path, tmp_path):
    cli("list")
    before = dump(db_path)
    rows = "text,source,date,figure_qualifier,figure_low,figure_high\nx 3 troops,S,2024,exact,1e309,1e309\n"
    assert "line 2, field 'figure'" in cli.error("import", write(tmp_path, "f.csv", rows))
    assert dump(db_path) == before


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("created_at", "2999-01-01T00:00:00Z", "in the future"),
        ("updated_at", "2999-01-01T00:00:00.000000Z", "in the future"),
        ("verdict_at", "2999-01-01", "in the future"),
        ("updated_at", "yesterday-ish", "not an ISO 8601 time stamp"),
        ("note", "a NUL \u0000 inside", "NUL character"),
        ("note", "n" * 10_001, "the limit is 10,000"),
        ("verdict_explanation", "\ud800 lone", "lone surrogate"),
        ("unit", "u" * 501, "the limit is 500"),
        ("topic", "t\u0000", "NUL character"),
        ("source", "!!!", "holds no letter or digit"),
        ("tags", ["ok", "bad\u0000"], "NUL character"),
        ("tags", [f"t{i}" for i in range(101)], "at most 100 tags"),
        ("tags", [["nested"]], "expected a list of text"),
        ("url", "http://[::1", "not a well-formed address"),
        ("url", "https://example.org/" + "a" * 5000, "the limit is 4,096"),
        ("id", 0, "from 1 to"),
        ("id", -1, "from 1 to"),
        ("id", 2**63, "from 1 to"),
        ("id", True, "from 1 to"),
        ("quantity", "people:nonsense", "unknown state"),
        ("quantity", "a:b:c", "cannot read the quantity"),
        ("quantity", "people@" + "d" * 500, "the limit is 500"),
        ("quantity", "people@\u0000", "NUL character"),
    ],
)
def test_every_imported_field_is_checked(cli, db_path, tmp_path, field, value, message):
    cli("list")
    before = dump(db_path)
    record = {"text": "Officials said 3,000 troops moved", "source": "S", "date": "2024-10-01"}
    record[field] = value
    line = cli.error("import", write(tmp_path, "c.jsonl", json.dumps(record) + "\n"))
    assert f"line 1, field {field!r}" in line and message in line
    assert dump(db_path) == before


def test_imported_time_stamps_are_stored_in_one_form(cli, tmp_path):
    record = {
        "text": "Officials said 3,000 troops moved", "source": "S", "date": "2024-10-01",
        "created_at": "2024-10-02T12:00:00+02:00", "updated_at": "2024-10-03 08:00",
    }  # fmt: skip
    cli("import", write(tmp_path, "c.jsonl", json.dumps(record) + "\n"))
    claim = cli.json("show", "1")
    assert (claim["created_at"], claim["updated_at"]) == (
        "2024-10-02T10:00:00.000000Z",
        "2024-10-03T08:00:00.000000Z",
    )
    cli("edit", "1", "--note", "edits work on imported claims")
    cli("rate", "1", "disputed")
    cli("rm", "1")
    cli("restore", "1")


@pytest.mark.parametrize(
    "args",
    [
        ["add", "Text with a surrogate \udcff, 3 troops", "--source", "S"],
        ["add", "3 troops", "--source", "S\udcff"],
        ["add", "3 troops", "--source", "S", "--note", "n\udcff"],
        ["add", "3 troops", "--source", "S", "--note", "n\x00"],
        ["add", "3 troops", "--source", "S", "--tag", "t\udcff"],
        ["add", "3 troops", "--source", "S", "--tag", "t" * 501],
        ["add", "3 troops", "--source", "S", "--topic", "T" * 501],
        ["add", "3 troops", "--source", "...", "--date", "2024-01-01"],
        ["add", "3 troops", "--source", "S", "--url", "http://[::1"],
        ["add", "3 troops", "--source", "S", "--url", "http://h:99999/"],
        ["edit", "1", "--note", "n\x00"],
        ["edit", "1", "--source", "?!"],
        ["rate", "1", "false", "--explanation", "e\x00"],
        ["rate", "1", "false", "--explanation", "e" * 10_001],
        ["review", "1", "2", "--confirm", "--note", "n\x00"],
        ["review", "1", "2", "--confirm", "--note", "n" * 10_001],
        ["review", "1", "2", "--confirm", "--by", "ed\udcff"],
        ["review", "1", "2", "--confirm", "--by", "e" * 81],
        ["add", "3 troops", "--source", "S", "--quantity", "q" * 501],
        ["add", "3 troops", "--source", "S", "--quantity", "people:nonsense"],
        ["edit", "1", "--quantity", "a:b:c"],
        ["edit", "1", "--quantity", "troops@\udcff"],
        ["topics", "set", "North Korean troops in Russia", "--kind", "sideways"],
        ["topics", "set", "North Korean troops in Russia", "--kind", "level", "-m", "a:b:c"],
        ["topics", "set", "North Korean troops in Russia", "--kind", "level", "-m", "t@\udcff"],
        ["topics", "set", "North Korean troops in Russia", "--kind", "event", "-m", "t@\x00"],
        ["topics", "rename", "North Korean troops in Russia", "T\x00"],
        ["topics", "rename", "North Korean troops in Russia", "T" * 501],
        ["topics", "rename", "North Korean troops in Russia", "T\udcff"],
        ["sources", "alias", "A\x00", "U.S."],
        ["sources", "alias", "???", "U.S."],
    ],
    ids=lambda a: " ".join(a)[:40],
)
def test_every_way_in_checks_every_field(seeded, db_path, args):
    before = dump(db_path)
    seeded.error(*args)
    assert dump(db_path) == before


def test_the_store_checks_whatever_the_parser_returns(cli, db_path, monkeypatch):
    cli("list")
    before = dump(db_path)
    import claimtrack.claims

    def broken_parser(text):
        return Figure(math.inf, math.inf, "exact", "1e400", "troops")

    monkeypatch.setattr(claimtrack.claims, "parse_figure", broken_parser)
    monkeypatch.setattr(claimtrack.claims, "parse_figure_option", broken_parser)
    assert "finite" in cli.error("add", "1e400 troops", "--source", "S")
    assert "finite" in cli.error("add", "x", "--source", "S", "--figure", "1e400")
    assert dump(db_path) == before


def test_extract_save_passes_the_same_checks(cli, db_path, tmp_path, monkeypatch):
    cli("list")
    before = dump(db_path)
    import claimtrack.extract

    real = claimtrack.extract.extract_claims

    def poisoned(text, published, known=None):
        found = real(text, published, known)
        for candidate in found:
            object.__setattr__(candidate, "figure", Figure(0, math.nan, "range", "0-nan"))
        return found

    monkeypatch.setattr(claimtrack.extract, "extract_claims", poisoned)
    article = write(tmp_path, "a.txt", "The agency said 40,000 people were displaced.")
    result = cli("extract", article, "--published", "2024-10-25", "--json", "--save", code=1)
    (line,) = result.stderr.splitlines()  # the preview is printed, nothing is stored
    assert line.startswith("Error: ") and "finite" in line
    assert dump(db_path) == before


@pytest.fixture
def poisoned_store(seeded, db_path):
    """A store written by an older claimtrack, which let these values in."""
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE claims SET figure_low = 1e999, figure_high = 1e999 WHERE id = 1")
        conn.execute("UPDATE claims SET updated_at = '2999-01-01T00:00:00Z' WHERE id = 2")
        conn.execute("UPDATE claims SET note = 'a' || char(0) || 'b' WHERE id = 3")
    conn.close()
    return seeded


def test_check_reports_stored_values_that_would_break_commands(poisoned_store):
    result = poisoned_store("check", code=4)
    (line,) = [x for x in result.stdout.splitlines() if x.startswith("values:")]
    assert "PROBLEM: 3 claim(s)" in line
    assert "#1 figure" in line and "#2 updated_at" in line and "#3 note" in line
    assert "PROBLEM: cannot be compared" in result.stdout  # the conflicts, with those values
    assert result.stderr.strip() == "Error: the database has 2 problem(s); see above"


def test_a_poisoned_claim_can_be_edited_and_removed(poisoned_store):
    poisoned_store("edit", "1", "--figure", "3,000")
    poisoned_store("rate", "2", "disputed")
    assert "not removed" in poisoned_store.error("restore", "1")
    poisoned_store("rm", "3")
    assert "PROBLEM" not in poisoned_store("check").stdout
    assert poisoned_store.json("show", "2")["updated_at"] < "2999"
    history = poisoned_store.json("history", "1")
    assert history["versions"][0]["claim"]["figure"]["low"] == math.inf  # kept, as it was


# --- 2. no tracebacks ---------------------------------------------------------------


@pytest.mark.parametrize("command", ["show", "edit", "rm", "restore", "history", "rate"])
@pytest.mark.parametrize("claim_id", [str(2**63), str(10**30)])
def test_ids_beyond_sqlite_are_not_found(seeded, command, claim_id):
    extra = {"edit": ["--note", "x"], "rate": ["false"]}.get(command, [])
    assert "no claim with id" in seeded.error(command, claim_id, *extra, code=3)


def test_review_and_limit_beyond_sqlite(seeded):
    assert "no claim with id" in seeded.error("review", "1", str(2**64), "--confirm", code=3)
    assert len(seeded.json("list", "--limit", str(2**63))) == 3


def test_json_nested_100000_deep(cli, db_path, tmp_path):
    cli("list")
    before = dump(db_path)
    deep = "[" * 100_000 + "]" * 100_000
    line = cli.error("import", write(tmp_path, "deep.json", deep))
    assert "nested too deeply" in line
    line = cli.error("import", write(tmp_path, "deep.jsonl", '{"text": ' + deep + "}\n"))
    assert "nested too deeply" in line
    assert dump(db_path) == before


@pytest.mark.parametrize(
    ("sides", "message"),
    [
        ('"reviews": 5', "reviews: expected a list"),
        ('"reviews": [5]', "reviews[0]: expected a JSON object"),
        ('"reviews": [{"claims": [1, 1], "kind": "denial", "decision": "confirmed"}]',
         "two different claims"),
        ('"reviews": [{"claims": [true, 2], "kind": "denial", "decision": "confirmed"}]',
         "whole number"),
        ('"reviews": [{"claims": [1, 2], "kind": "denial", "decision": "confirmed", '
         '"claims_updated_at": "x"}]', "expected a time stamp for each claim"),
        ('"reviews": [{"claims": [1, 2], "kind": "denial", "decision": "confirmed", '
         '"created_at": "2999-01-01"}]', "in the future"),
        ('"sources": [{"aliases": ["x"]}]', "sources[0], field 'name'"),
        ('"sources": ["US"]', "sources[0]: expected a JSON object"),
        ('"sources": [{"name": "US", "aliases": 5}]', "aliases must be a list"),
        ('"sources": [{"name": "US", "aliases": ["!!"]}]', "holds no letter or digit"),
        ('"topics": [{"cumulative": true}]', "topics[0], field 'name'"),
        ('"topics": [{"name": "T", "cumulative": "yes"}]', "cumulative must be true or false"),
        ('"topics": {"name": "T"}', "topics: expected a list"),
        ('"topics": [{"name": "T", "kinds": ["level"]}]', "kinds must map quantities"),
        ('"topics": [{"name": "T", "kinds": {"*": "sideways"}}]', "must be level, cumulative"),
        ('"topics": [{"name": "T", "kinds": {"a:b:c": "level"}}]', "cannot read the quantity"),
        ('"topics": [{"name": "T", "kinds": {"people missing": "level"}}]',
         "is not a quantity key"),
        ('"reviews": [{"claims": [1, 2], "kind": "denial", "decision": "confirmed", '
         '"reviewer": 5}]', "the reviewer must be text"),
        ('"reviews": [{"claims": [1, 2], "kind": "denial", "decision": "confirmed", '
         '"reviewer": "ed\\udcff"}]', "lone surrogate"),
        ('"reviews": [{"claims": [1, 2], "kind": "denial", "decision": "confirmed", '
         '"basis": ["a"]}]', "one fingerprint (text) for each claim"),
        ('"reviews": [{"claims": [1, 2], "kind": "denial", "decision": "confirmed", '
         '"settings": 7}]', "the settings is not text"),
        ('"reviews": [{"claims": [1, 2], "kind": "denial", "decision": "confirmed", '
         '"undone_at": "2999-01-01T00:00:00Z"}]', "in the future"),
    ],
)  # fmt: skip
def test_malformed_side_sections(cli, db_path, tmp_path, sides, message):
    cli("list")
    before = dump(db_path)
    claim = '{"id": 1, "text": "US says 3 troops", "source": "US", "date": "2024-10-01"}'
    document = f'{{"claims": [{claim}], {sides}}}'
    assert message in cli.error("import", write(tmp_path, "doc.json", document))
    assert dump(db_path) == before


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["topics", "set", "\ud800x", "--cumulative"], 3),
        (["list", "--topic", "\udcff"], 3),
        (["timeline", "\udcff"], 3),
        (["list", "--search", "troops \ud800"], 1),
        (["conflicts", "--source", "\ud800"], 3),
        (["topics", "merge", "North Korean troops in Russia", "\udcff"], 3),
        (["topics", "rename", "\udcff", "T"], 3),
    ],
)
def test_lone_surrogates_in_names_looked_up(seeded, args, code):
    seeded.error(*args, code=code)


def test_lone_surrogates_in_json_are_refused(cli, tmp_path):
    record = '{"text": "\\ud83d alone, 3 troops", "source": "S", "date": "2024-10-01"}\n'
    assert "lone surrogate" in cli.error("import", write(tmp_path, "s.jsonl", record))


def test_bytes_that_are_not_utf8_on_stdin_and_in_argv(seeded, db_path, tmp_path):
    env = {"CLAIMTRACK_DB": str(db_path)}
    before = dump(db_path)
    result = run(
        "extract", "-", "--published", "2024-10-25", stdin=b"The agency said \xff 4 died.", env=env
    )
    assert "standard input: not UTF-8 text" in one_error(result, 1)
    # Bytes that are not UTF-8 in an argument arrive as lone surrogates.
    result = subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"claimtrack", b"add", b"3 troops \xff", b"--source", b"S"],
        capture_output=True, env={**os.environ, **env}, timeout=60,
    )  # fmt: skip
    assert "lone surrogate" in one_error(result, 1)
    assert dump(db_path) == before


def test_prompt_answers_that_are_not_utf8(cli, db_path, tmp_path):
    article = write(tmp_path, "a.txt", "The agency said 40,000 people were displaced.")
    env = {"CLAIMTRACK_DB": str(db_path), "PYTHONIOENCODING": "utf-8"}
    result = run("extract", article, "--published", "2024-10-25", "-i",
                 stdin=b"e\nsource\n\xff\xfe\n", env=env)  # fmt: skip
    err = result.stderr.decode()
    assert "Traceback" not in err and result.returncode in (0, 1), err
    if result.returncode:
        assert err.splitlines()[-1].startswith("Error: "), err
    # Where the terminal passes undecodable bytes on as surrogates, the answer is refused.
    surrogates = {**env, "PYTHONIOENCODING": "utf-8:surrogateescape"}
    result = run("extract", article, "--published", "2024-10-25", "-i",
                 stdin=b"e\nsource\nX\xff\ns\n", env=surrogates)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Not changed: the source is not valid Unicode text" in result.stdout.decode()


@pytest.mark.parametrize(
    "args",
    [
        ["--db", f"{{tmp}}/{LONG}.db", "list"],
        ["import", f"{{tmp}}/{LONG}.csv"],
        ["export", "json", "-o", f"{{tmp}}/{LONG}.json"],
        ["backup", f"{{tmp}}/{LONG}.db"],
        ["extract", f"{{tmp}}/{LONG}.txt"],
        ["--db", f"{{tmp}}/{LONG}/x.db", "list"],
    ],
    ids=["db", "import", "export", "backup", "extract", "db-folder"],
)
def test_path_parts_longer_than_255(seeded, tmp_path, args):
    args = [a.format(tmp=tmp_path) for a in args]
    line = seeded.error(*args, code=4 if args[0] == "--db" else 1)
    assert "too long" in line


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "soon", "1e9"])
def test_bad_timeouts_in_the_environment(cli, monkeypatch, value):
    monkeypatch.setenv("CLAIMTRACK_FETCH_TIMEOUT", value)
    line = cli.error("extract", "http://127.0.0.1:9/article")
    assert "CLAIMTRACK_FETCH_TIMEOUT must be a number of seconds" in line
    monkeypatch.setenv("CLAIMTRACK_BUSY_TIMEOUT", value if value != "0" else "-0.5")
    assert "CLAIMTRACK_BUSY_TIMEOUT must be" in cli.error("list")


def test_a_damaged_page_is_a_damaged_database_not_a_missing_claim(cli, db_path, tmp_path):
    rows = "".join(f"Source {i} said {i} troops moved,Source {i},2024-10-01\n" for i in range(200))
    cli("import", write(tmp_path, "many.csv", "text,source,date\n" + rows))
    damage_page(db_path, zero=False)
    conn = sqlite3.connect(db_path)
    hidden = min(
        set(range(1, 201)) - {row[0] for row in conn.execute("SELECT id FROM claims NOT INDEXED")}
    )
    conn.close()
    assert "so claim" in cli.error("show", str(hidden), code=4)  # "... cannot be read"
    assert "no claim with id 5000" in cli.error("show", "5000", code=3)  # beyond the last
    assert "integrity:       PROBLEM" in cli("check", code=4).stdout
    before = db_path.read_bytes()
    assert "would write to the damaged file" in cli.error("check", "--repair", code=4)
    assert db_path.read_bytes() == before


def test_check_reports_a_page_sqlite_cannot_read(cli, db_path, tmp_path):
    rows = "".join(f"Source {i} said {i} troops moved,Source {i},2024-10-01\n" for i in range(200))
    cli("import", write(tmp_path, "many.csv", "text,source,date\n" + rows))
    damage_page(db_path, zero=False)
    with open(db_path, "r+b") as handle:  # and zero one page of the claims whole
        handle.seek(30 * 4096)
        handle.write(b"\x00" * 4096)
    result = cli("check", code=4)
    assert "integrity:       PROBLEM" in result.stdout
    assert result.stderr.startswith("Error: the database has")


def _has_child(pid):
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                return True
    return False


def _wait_for(what, process, timeout=60):
    deadline = time.monotonic() + timeout
    while not what():
        assert process.poll() is None, "the import ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_ctrl_c_during_an_import(tmp_path):
    sys.path.insert(0, str(Path(__file__).parent))
    import stress

    data = tmp_path / "big.csv"
    stress.write_import_file(data, 30_000)  # large enough to be checked in a second process
    db = tmp_path / "i.db"
    assert run("--db", str(db), "list").returncode == 0
    wal = Path(f"{db}-wal")
    # Once a second process checks the rows; once rows are being stored.
    for moment in ("checking", "storing"):
        process = subprocess.Popen(
            [sys.executable, "-m", "claimtrack", "--db", str(db), "import", str(data)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        )  # fmt: skip
        if moment == "checking":
            _wait_for(lambda: _has_child(process.pid), process)  # noqa: B023
        else:
            _wait_for(lambda: wal.exists() and wal.stat().st_size > 100_000, process)
        os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C reaches a terminal's process group
        out, err = process.communicate(timeout=60)
        assert (process.returncode, err.decode()) == (
            130,
            "Error: interrupted; nothing was written\n",
        )
        assert stress.count_claims(db) == 0


def test_ctrl_c_at_a_prompt(db_path, tmp_path):
    article = write(tmp_path, "a.txt", "The agency said 40,000 people were displaced.")
    process = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", "extract", article, "--published", "2024-10-25",
         "-i"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "CLAIMTRACK_DB": str(db_path), "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    seen = b""
    while b"[a]ccept" not in seen:
        seen += process.stdout.read1(4096)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert (process.returncode, err.decode()) == (130, "Error: interrupted; nothing was written\n")
    assert "INSERT INTO claims" not in dump(db_path)


# --- 3. nothing reaches a terminal raw ---------------------------------------------

OSC52 = "\x1b]52;c;aGVsbG8=\x07"  # writes the clipboard on terminals that allow it


def _on_a_terminal(args, env):
    """Run claimtrack with its stdout on a pseudo-terminal; what the terminal got."""
    main, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", *args],
        stdout=secondary, stderr=subprocess.PIPE, env={**os.environ, **env},
    )  # fmt: skip
    os.close(secondary)
    chunks = []
    with contextlib.suppress(OSError):  # EIO once the process has gone
        while chunk := os.read(main, 65536):
            chunks.append(chunk)
    os.close(main)
    assert process.wait(timeout=60) == 0, process.stderr.read()
    return b"".join(chunks).decode()


def test_csv_is_inert_on_a_terminal_and_exact_in_a_pipe(cli, db_path):
    text = f"Clip {OSC52} and \x1b[2J 3,000 troops\u202e"
    cli("add", text, "--source", "S", "--date", "2024-10-01")
    env = {"CLAIMTRACK_DB": str(db_path)}
    for args in (["list", "--csv"], ["export", "csv"]):
        shown = _on_a_terminal(args, env)
        assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
        assert "\\u001b]52;c;aGVsbG8=\\u0007" in shown
        piped = run(*args, env=env).stdout.decode()
        assert OSC52 in piped and "\u202e" in piped  # byte for byte, for the round trip
        assert piped.count("\r\n") == 2


def test_file_names_in_messages_are_inert(cli, tmp_path):
    name = write(tmp_path, f"x{OSC52}\u202e.csv", "text,source,date\nUS says 3 troops,US,2024\n")
    for line in (cli("import", name).stdout, cli.error("import", name + "-missing")):
        assert "\x1b" not in line and "\u202e" not in line and "\\u001b" in line
    backup = tmp_path / f"b{OSC52}.db"
    assert "\x1b" not in cli("backup", str(backup)).stdout


def _invisible():
    """Every character of this Python's Unicode that does not show as itself."""
    wanted = {"Cc", "Cf", "Cs", "Zl", "Zp"}
    found = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) in wanted]
    return [c for c in found if c not in "\t\n"] + ["\u115f", "\u1160", "\u3164", "\uffa0"]


def test_every_invisible_character_is_escaped():
    invisible = _invisible()
    assert [f"U+{ord(c):04X}" for c in invisible if inert(c) == c] == []
    assert [f"U+{ord(c):04X}" for c in invisible if not json_dumps(c).isascii()] == []
    assert [c for c in invisible if json.loads(json_dumps(c)) != c] == []  # still the same text


@pytest.mark.parametrize(
    "hidden", ["\u061c", "\u200d", "\u200b", "\U000e0041", "\u3164", "\ufff9", "\u2028", "\xad"]
)
def test_invisible_and_bidi_characters_show_on_terminals(cli, hidden):
    cli("add", f"Officials{hidden} said 3,000 troops moved", "--source", f"S{hidden}",
        "--date", "2024-10-01", "--topic", f"T{hidden}")  # fmt: skip
    for view in (cli("list").stdout, cli("show", "1").stdout, cli("timeline").stdout,
                 cli("sources").stdout, cli("export", "markdown").stdout):  # fmt: skip
        assert hidden not in view
    assert cli.json("show", "1")["text"] == f"Officials{hidden} said 3,000 troops moved"


def test_claimreview_cannot_close_its_script_block(cli):
    text = "</script><script>alert(1)</script><!-- 3,000 troops & more -->"
    cli("add", text, "--source", "</SCRIPT>", "--date", "2024-10-01",
        "--url", "https://example.org/?a=1&b=</script>")  # fmt: skip
    cli("rate", "1", "false", "-e", "<!--")
    out = cli("export", "claimreview").stdout
    assert "<" not in out and ">" not in out and "&" not in out
    graph = json.loads(out)["@graph"]
    assert graph[0]["text"] == text and graph[0]["author"]["name"] == "</SCRIPT>"
    assert graph[1]["reviewRating"]["ratingExplanation"] == "<!--"


def test_timelinejs_escapes_the_group(cli):
    cli("add", "Officials said 3,000 troops moved", "--source", "S", "--date", "2024-10-01",
        "--topic", '<img src=x onerror="alert(1)">')  # fmt: skip
    (event,) = json.loads(cli("export", "timelinejs").stdout)["events"]
    assert event["group"] == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"


# --- 4. nothing hangs, nothing reads without end -----------------------------------


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.csv"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["import", "{fifo}", "--format", "csv"], 1, "is a FIFO (named pipe), not a regular file"),
        (["extract", "{fifo}"], 1, "is a FIFO (named pipe), not a regular file"),
        (["--db", "{fifo}", "list"], 4, "is a FIFO (named pipe), not a database file"),
        (["import", "/dev/zero", "--format", "csv"], 1, "is a character device"),
        (["extract", "/dev/zero"], 1, "is a character device"),
        (["extract", "/dev/urandom"], 1, "is a character device"),
        (["--db", "/dev/null", "list"], 4, "is a character device, not a database file"),
    ],
)
def test_special_files_are_refused_not_waited_on(seeded, db_path, fifo, args, code, message):
    # As a process, with a deadline: a regression here would hang, not fail.
    args = [a.format(fifo=fifo) for a in args]
    before = dump(db_path)
    result = run(*args, env={"CLAIMTRACK_DB": str(db_path)}, timeout=20)
    assert message in one_error(result, code)
    assert dump(db_path) == before


def test_size_caps_are_enforced_while_reading(cli, tmp_path, monkeypatch):
    big = "The agency said 4 people died. " * 200_000  # 6 MB
    assert "larger than 5 MB" in cli.error("extract", write(tmp_path, "big.txt", big))
    assert "standard input: larger than 5 MB" in cli.error("extract", "-", input=big)
    import claimtrack.importer

    monkeypatch.setattr(claimtrack.importer, "MAX_IMPORT_BYTES", 1024)
    rows = "text,source,date\n" + "US says 3 troops,US,2024\n" * 100
    assert "larger than 1,024 bytes" in cli.error("import", write(tmp_path, "c.csv", rows))


def _serve(reply):
    """A local HTTP server whose every GET is answered by reply(handler)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            with contextlib.suppress(OSError):
                reply(self)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


PAGE = (
    "<html><head><title>Floods</title></head><body><article><p>Floods have displaced about "
    "40,000 people, the state emergency agency said on Thursday.</p></article></body></html>"
)


def test_a_server_that_trickles_is_bounded_as_a_whole(cli, monkeypatch):
    stop = threading.Event()

    def trickle(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        for _ in range(100):
            if stop.is_set():
                return
            handler.wfile.write(b"<")
            handler.wfile.flush()
            time.sleep(0.25)

    httpd, url = _serve(trickle)
    monkeypatch.setenv("CLAIMTRACK_FETCH_TIMEOUT", "1")
    try:
        started = time.monotonic()
        line = cli.error("extract", url)
        assert time.monotonic() - started < 3
        assert "did not send the whole page within 1 s" in line
    finally:
        stop.set()
        httpd.shutdown()


@pytest.mark.parametrize("charset", ["x-no-such-charset", "base64", "utf-8; q"])
def test_an_unknown_charset_is_read_as_utf8(cli, charset):
    def page(handler):
        body = PAGE.encode()
        handler.send_response(200)
        handler.send_header("Content-Type", f"text/html; charset={charset}")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    httpd, url = _serve(page)
    try:
        candidates = json.loads(cli("extract", url, "--published", "2024-10-25", "--json").stdout)
    finally:
        httpd.shutdown()
    assert candidates[0]["figure"]["low"] == 40_000


def test_a_page_larger_than_the_cap(cli):
    def huge(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        for _ in range(6 * 16):
            handler.wfile.write(b"<p>" + b"a" * 65_533)

    httpd, url = _serve(huge)
    try:
        assert "larger than 5 MB" in cli.error("extract", url)
    finally:
        httpd.shutdown()


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://[::1]:99999/", "http://127.0.0.1:notaport/", "http://"]
)
def test_malformed_addresses(cli, url):
    line = cli.error("extract", url)
    assert "well-formed" in line or "cannot" in line


# --- 5. silent misreads and small wrongs --------------------------------------------


def test_a_review_of_a_claim_with_itself_is_refused(cli, tmp_path):
    claim = '{"id": 1, "text": "US says 3 troops", "source": "US", "date": "2024-10-01"}'
    review = '{"claims": [1, 1], "kind": "denial", "decision": "dismissed"}'
    document = f'{{"claims": [{claim}], "reviews": [{review}]}}'
    assert "two different claims" in cli.error("import", write(tmp_path, "r.json", document))


def test_punctuation_only_sources_do_not_share_a_key(cli):
    cli("add", "Officials said 3,000 troops", "--source", "U.S.", "--date", "2024-10-01")
    assert "holds no letter or digit" in cli.error("add", "4 troops", "--source", "!!!")
    assert "holds no letter or digit" in cli.error("sources", "alias", "—", "U.S.")


def test_jsonl_lines_end_at_newline_only(cli, tmp_path):
    records = [
        {"text": "Line\u2028separator, 3 troops", "source": "A", "date": "2024-10-01"},
        {"text": "Next\x85line\x0cand\x1cmore, 4 troops", "source": "B", "date": "2024-10-01"},
        {"text": "bad", "source": "C", "date": "31/02/2024"},
    ]
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
    path = write(tmp_path, "s.jsonl", lines)
    assert "line 3, field 'date'" in cli.error("import", path)
    write(tmp_path, "s.jsonl", "\n".join(lines.split("\n")[:2]))
    cli("import", path)
    assert {c["text"] for c in cli.json("list")} == {r["text"] for r in records[:2]}


def test_csv_errors_are_reported_at_the_line_the_record_starts(cli, tmp_path):
    head = 'text,source,date\nUS says 3 troops,US,2024\n"A quoted\nrecord, 4 troops",B,2024\n'
    big = head + ("x" * 140_000) + ",C,2024\n"
    assert "line 5: a field is longer than 131,072 characters" in cli.error(
        "import", write(tmp_path, "big.csv", big)
    )
    unclosed = head + '"never closed,D,2024\nE says 5,E,2024\n'
    line = cli.error("import", write(tmp_path, "open.csv", unclosed))
    assert "line 5: a quoted field opens here and is never closed" in line
    extra = head + "x,y,2024,surplus\n"
    assert "line 5: more cells than columns" in cli.error("import", write(tmp_path, "e.csv", extra))
    field = head + "x,y,31/02/2024\n"
    assert "line 5, field 'date'" in cli.error("import", write(tmp_path, "f.csv", field))


@pytest.mark.skipif(
    not ROOT or not shutil.which("chattr"),
    reason="NOT RUN: needs root and chattr to make a file immutable",
)
def test_check_on_an_immutable_file(seeded, db_path):
    seeded("list")
    subprocess.run(["chattr", "+i", str(db_path)], check=True)
    try:
        result = seeded("check")
    finally:
        subprocess.run(["chattr", "-i", str(db_path)], check=True)
    assert "full-text index: ok (checked on a copy: the file is read-only)" in result.stdout
    assert "PROBLEM" not in result.stdout


KILLED_BACKUP = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = " + sys.argv[2])
conn.execute("CREATE TABLE junk (x)")
conn.execute("INSERT INTO junk VALUES (zeroblob(100000))")
conn.execute("BEGIN")
conn.execute("UPDATE junk SET x = zeroblob(200000)")  # uncommitted: a hot journal
print("ready", flush=True)
time.sleep(60)
"""


def _killed_backup(partial, mode="DELETE"):
    """What a backup killed mid-copy leaves: the partial copy and its hot journal."""
    writer = subprocess.Popen([sys.executable, "-c", KILLED_BACKUP, str(partial), mode],
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert writer.stdout.readline().strip() == "ready"
    writer.kill()
    writer.wait()
    assert Path(f"{partial}-{'journal' if mode == 'DELETE' else 'wal'}").exists()


@pytest.mark.parametrize("mode", ["DELETE", "WAL"])
def test_a_killed_backup_is_cleaned_up_by_the_next(seeded, tmp_path, mode):
    target = tmp_path / "copy.db"
    _killed_backup(tmp_path / ".copy.db.partial", mode)
    _killed_backup(tmp_path / ".other-name.db.partial", mode)  # one the user never retried
    (tmp_path / ".notes.partial").write_text("not a copy of ours")
    seeded("backup", str(target))
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    assert left == [".notes.partial"]
    assert len(seeded.json("--db", str(target), "list")) == 3
    assert "PROBLEM" not in seeded("--db", str(target), "check").stdout
    conn = sqlite3.connect(target)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "junk" not in tables


def test_a_backup_running_meanwhile_keeps_its_copy(seeded, tmp_path):
    partial = tmp_path / ".running.db.partial"
    writer = subprocess.Popen([sys.executable, "-c", KILLED_BACKUP, str(partial), "DELETE"],
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert writer.stdout.readline().strip() == "ready"
        seeded("backup", str(tmp_path / "copy.db"))
        assert partial.exists() and Path(f"{partial}-journal").exists()
    finally:
        writer.kill()
        writer.wait()


def _in_own_mount(script, tmp_path, env):
    """Run a shell script in a mount namespace of its own with a small tmpfs at
    tmp_path/mnt: real read-only and full file systems, gone when it exits."""
    mount = tmp_path / "mnt"
    mount.mkdir()
    body = f"mount -t tmpfs -o size=512k tmpfs {mount} && cd {mount} && {script}"
    return subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", body],
        capture_output=True, text=True, env={**os.environ, **env}, timeout=120,
    )  # fmt: skip


def _can_mount():
    if not ROOT or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "--mount", "true"], capture_output=True)
    return probe.returncode == 0


NEEDS_MOUNT = pytest.mark.skipif(
    not _can_mount(), reason="NOT RUN: needs root and unshare to mount a real small file system"
)
CT = f"{sys.executable} -m claimtrack --db x.db"


@NEEDS_MOUNT
def test_a_read_only_mount(tmp_path):
    script = (
        f"{CT} add 'US says 3,000 troops' --source US --date 2024-10-01 >/dev/null && "
        "mount -o remount,ro . && "
        f"{CT} list --json && {CT} add 'US says 4,000 troops' --source US"
    )
    result = _in_own_mount(script, tmp_path, {})
    assert result.returncode == 4, result.stderr
    assert json.loads(result.stdout)[0]["source"] == "US"  # it can still be read
    (line,) = result.stderr.splitlines()
    assert "is on a read-only file system" in line and "claimtrack backup COPY" in line


@NEEDS_MOUNT
def test_a_full_disk(tmp_path):
    script = f"{CT} list >/dev/null && {CT} import {tmp_path}/many.csv"
    rows = "".join(f"Source {i} said {i} troops moved,Source {i},2024-10-01\n" for i in range(8000))
    write(tmp_path, "many.csv", "text,source,date\n" + rows)
    result = _in_own_mount(script, tmp_path, {})
    assert result.returncode == 4, result.stderr
    (line,) = result.stderr.splitlines()
    assert "is full; nothing was written: free some space" in line


# --- 6. exports onto special paths ------------------------------------------------


def test_export_through_a_symlink_writes_its_target(seeded, tmp_path):
    target = tmp_path / "real" / "story.json"
    target.parent.mkdir()
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    seeded("export", "json", "-o", str(link))
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text())["claims"][0]["source"] == "U.S."
    assert oct(target.stat().st_mode & 0o777) == "0o640"
    assert sorted(p.name for p in target.parent.iterdir()) == ["story.json"]


def test_export_streams_to_dev_stdout_and_fifos(seeded, db_path, tmp_path):
    # What /dev/stdout is (a link to the process's descriptor 1), made here: a
    # regression must not replace the machine's own /dev/stdout with a file.
    env = {"CLAIMTRACK_DB": str(db_path)}
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    result = run("export", "jsonl", "-o", str(stdout), env=env)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.decode().splitlines()) == 3
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert run("export", "csv", "-o", str(fifo), env=env).returncode == 0
    reader.join(10)
    assert received and received[0].count(b"\r\n") == 4
    assert stdout.is_symlink() and fifo.is_fifo()


def test_a_failed_export_leaves_no_file(seeded, tmp_path, monkeypatch):
    import claimtrack.exports

    def failing(*args, **kwargs):
        yield "{"
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(claimtrack.exports, "jsonl", failing)
    assert "No space left on device" in seeded.error("export", "jsonl", "-o", str(tmp_path / "x"))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith((".x", "x"))] == []


# --- 7. round trips -----------------------------------------------------------------


HOSTILE_TEXTS = [
    "=cmd|' /C calc'!A0 and, \"quotes\"\r\nCRLF; 3,000 troops",
    "'leading apostrophe; about 12k soldiers",
    f"Clip {OSC52} \u202eevil\u202c \u061c zero\u200dwidth, up to 10,000 troops",
    "Back\\slash \\; and \t tab, between 5 and 7 thousand troops",
    "Line\u2028sep \x85 next, at least 40 tanks",
]


@pytest.fixture
def hostile_store(cli, tmp_path):
    for i, text in enumerate(HOSTILE_TEXTS):
        cli("add", text, "--source", f"Src{i} \u202e;'", "--date", f"2024-10-0{i + 1}",
            "--topic", "T;\"x\"", "--tag", "a;b", "--tag", "back\\slash", "--tag", "end\\",
            "--tag", "=1+1", "--note", f"note {i}\nline", "--url", f"https://example.org/{i}?a=1&b=2",
            "--as-of", ("2024-09", "2024", "2024-10")[i % 3])  # fmt: skip
    cli("rate", "2", "disputed", "-e", "An upper bound; not a count")
    time.sleep(0.01)
    cli("edit", "2", "--note", "edited after the verdict")  # verdict_at now differs
    cli("review", "1", "3", "--dismiss", "--note", 'different; "units"')
    cli("sources", "alias", "Other name", "Src0 \u202e;'")
    cli("topics", "set", 'T;"x"', "--cumulative")
    return cli


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_every_export_that_claims_a_round_trip_gives_back_every_field(
    hostile_store, tmp_path, monkeypatch, fmt
):
    cli = hostile_store
    original = cli.json("list")
    assert original[3]["figure"]["text"] == "about 12k"
    assert original[3]["verdict_at"] != original[3]["updated_at"]
    exported = cli("export", fmt).stdout_bytes  # .stdout would turn \r\n into \n
    path = write(tmp_path, f"out.{fmt}", exported)
    monkeypatch.setenv("CLAIMTRACK_DB", str(tmp_path / f"fresh-{fmt}.db"))
    assert f"{len(original)} added" in cli("import", path).stdout
    assert cli.json("list") == original
    assert cli("export", fmt).stdout_bytes == exported


def test_tags_with_separators_survive_a_csv_cell():
    from claimtrack.claims import tags_cell, tags_from_cell

    for tags in [("a;b", "c"), ("back\\", "slash"), ("\\;", ";\\"), ("C:\\dir",), ("x",)]:
        assert tuple(tags_from_cell(tags_cell(tags))) == tags
    assert tags_from_cell("dprk;us") == ["dprk", "us"]  # a plain CSV reads as before
    assert tags_from_cell("C:\\dir") == ["C:\\dir"]


def test_a_failed_command_leaves_no_new_database(cli, tmp_path):
    new = tmp_path / "sub" / "deeper" / "new.db"
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for db in (new, empty):
        cli.error("--db", str(db), "add", "3 troops", "--source", "S", "--date", "banana")
        cli.error("--db", str(db), "list", "--limit", "-1")
    assert not (tmp_path / "sub").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]
    assert empty.read_bytes() == b""
    link = tmp_path / "link.db"
    link.symlink_to(tmp_path / "target.db")
    cli.error("--db", str(link), "list", "--limit", "-1")
    assert link.is_symlink() and not (tmp_path / "target.db").exists()
    cli("--db", str(new), "list")  # a command that succeeds keeps the database it made
    assert new.exists()


# --- the stored conflicts, decisions and kinds ---------------------------------------


def test_tampered_conflicts_decisions_and_kinds_are_reported_and_repaired(seeded, db_path):
    from fuzz import tamper

    seeded("add", "NIS says about 12,000 North Korean troops", "--source", "NIS",
           "--date", "2024-10-24")  # fmt: skip
    seeded("review", "1", "2", "--dismiss")
    tamper(db_path)
    for args in (["conflicts"], ["timeline"], ["show", "1"], ["export", "json"], ["chart"],
                 ["review", "--undo"], ["summary"]):  # fmt: skip
        before = dump(db_path)
        assert "cannot be read" in seeded.error(*args, code=4)
        assert dump(db_path) == before
    report = seeded("check", code=4).stdout
    assert "decisions:       PROBLEM: 2 decision(s) or kind(s) cannot be read" in report
    assert "review #1: its claims or basis are not JSON" in report
    assert "unknown kind 'sideways'" in report
    repaired = seeded("check", "--repair").stdout
    assert "Removed 2 decision(s) or kind(s) that could not be read." in repaired
    assert "PROBLEM" not in repaired
    assert {c["status"] for c in seeded.json("conflicts", "--all")} == {"open"}


def test_a_grouped_denial_decision_survives_a_round_trip(seeded, tmp_path):
    seeded("review", "3", "--confirm", "--by", "desk")
    seeded("export", "json", "-o", str(tmp_path / "all.json"))
    seeded("--db", str(tmp_path / "copy.db"), "import", str(tmp_path / "all.json"))
    (denial,) = [c for c in seeded.json("--db", str(tmp_path / "copy.db"), "conflicts")
                 if c["kind"] == "denial"]  # fmt: skip
    assert (denial["claims"], denial["status"], denial["reviewer"]) == (
        [3, 1, 2],
        "confirmed",
        "desk",
    )


def test_stored_listings_get_the_wider_escapes_once(seeded, db_path):
    seeded("topics", "rename", "North Korean troops in Russia", "Troops\u200b in Russia")
    conn = sqlite3.connect(db_path)
    with conn:  # as the version before wrote it: zero-width characters raw
        conn.execute("UPDATE conflicts SET listing = replace(listing, '\\u200b', char(8203))")
        conn.execute(  # that step and the later ones not applied yet
            "DELETE FROM _sqlite_migrations WHERE id >= (SELECT id FROM _sqlite_migrations "
            "WHERE name = 'm030_listings_escape_invisible_characters')"
        )
    conn.close()
    raw = sqlite3.connect(db_path).execute("SELECT listing FROM conflicts").fetchall()
    assert all("\u200b" in row[0] for row in raw)
    out = seeded("conflicts", "--json").stdout
    assert "\u200b" not in out and "Troops\\u200b in Russia" in out
    assert "PROBLEM" not in seeded("check").stdout


def test_merging_a_topic_with_a_kind_brings_the_target_up_to_date(seeded):
    # Found by the fuzzer: the whole-topic kind FROM brings applies to INTO's own
    # claims, whose stored conflicts were left as before.
    seeded("add", "Floods displaced 40,000 people", "--source", "Agency", "--date", "2024-10-01",
           "--topic", "Floods")  # fmt: skip
    seeded("topics", "set", "Floods", "--cumulative")
    seeded("topics", "merge", "Floods", "North Korean troops in Russia")
    assert "PROBLEM" not in seeded("check").stdout
