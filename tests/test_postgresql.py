"""What only a PostgreSQL store has: URLs, a server that can be down or refuse a
login, roles that may only read, several clients at once, a lost connection.
Against the session's real server (see conftest.py); the behaviour both engines
share is tested by the other modules, on both."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest
from conftest import SEED_RUSSIA, SEED_US, SEED_ZELENSKY


@pytest.fixture
def pg(pg_cluster, monkeypatch):
    """A fresh database on the server, named by CLAIMTRACK_DB; yields its name."""
    name = pg_cluster.new_database()
    monkeypatch.setenv("CLAIMTRACK_DB", pg_cluster.url(name))
    yield name
    pg_cluster.drop_database(name)


def claimtrack(*args: str, db: str | None = None, **options) -> subprocess.CompletedProcess:
    """The installed program in a process of its own."""
    env = {**os.environ, **({"CLAIMTRACK_DB": db} if db else {})}
    return subprocess.run(
        [sys.executable, "-m", "claimtrack", *args],
        capture_output=True, text=True, env=env, **options,
    )  # fmt: skip


def one_error(result: subprocess.CompletedProcess, code: int = 4) -> str:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert result.stdout == ""
    return lines[0]


def count(cluster, database: str, table: str = "claims") -> int:
    return cluster.sql(f"SELECT count(*) FROM {table}", database)[0][0]


def test_a_malformed_url_is_one_error_without_its_password(cli):
    for url in (
        "postgresql://desk:s3cr3t-word@localhost:notaport/claims",
        "postgresql://desk:s3cr3t-word@[::1/claims",
        "postgresql://desk:s3cr3t-word@localhost/claims?sslmode=sometimes",
    ):
        line = cli.error("--db", url, "list", code=4)
        assert "s3cr3t-word" not in line
        assert "PostgreSQL URL" in line or "PostgreSQL" in line, line


def test_a_server_that_is_down(cli, tmp_path):
    url = f"postgresql://desk:s3cr3t-word@/claims?host={tmp_path}"
    line = cli.error("--db", url, "list", code=4)
    assert "cannot reach the PostgreSQL server" in line and "is it running" in line
    assert "s3cr3t-word" not in line


def test_a_refused_password_is_never_echoed(cli, pg_cluster, pg):
    pg_cluster.sql("DROP ROLE IF EXISTS desk_pw; CREATE ROLE desk_pw LOGIN PASSWORD 'right-one'")
    url = pg_cluster.url(pg, user="desk_pw", password="wrong-Pa55word")
    line = cli.error("--db", url, "list", code=4)
    assert line == "Error: PostgreSQL refused the login of role 'desk_pw': bad password"
    result = claimtrack("--db", url, "add", "3,000 troops", "--source", "US")
    assert "wrong-Pa55word" not in result.stderr + result.stdout
    assert one_error(result) == line


def test_a_database_that_does_not_exist(cli, pg_cluster):
    line = cli.error("--db", pg_cluster.url("no_such_db"), "list", code=4)
    assert "there is no database 'no_such_db'" in line


def test_a_database_holding_other_tables_is_refused(cli, pg_cluster, pg):
    pg_cluster.sql("CREATE TABLE invoices (id int)", pg)
    line = cli.error("list", code=4)
    assert line == "Error: the database holds other tables and is not a claimtrack database"
    tables = pg_cluster.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", pg)
    assert tables == [("invoices",)]  # nothing of ours was created


def test_a_schema_from_a_newer_claimtrack_is_refused(cli, pg_cluster, pg):
    cli("add", SEED_US, "--source", "U.S.", "--date", "2024-10-23")
    pg_cluster.sql(
        "INSERT INTO claimtrack_migrations (name, applied_at) VALUES ('p999_future', 'x')", pg
    )
    line = cli.error("add", SEED_RUSSIA, "--source", "Russia", code=4)
    assert "newer claimtrack (schema step p999_future)" in line
    assert count(pg_cluster, pg) == 1


def test_several_clients_opening_a_new_database_build_it_once(pg_cluster, pg):
    url = os.environ["CLAIMTRACK_DB"]
    processes = [
        subprocess.Popen([sys.executable, "-m", "claimtrack", "--db", url, "list", "--json"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         env={**os.environ, "CLAIMTRACK_BUSY_TIMEOUT": "60"})
        for _ in range(6)
    ]  # fmt: skip
    results = [p.communicate(timeout=60) + (p.returncode,) for p in processes]
    assert [r[2] for r in results] == [0] * 6, results
    assert [r[0].strip() for r in results] == ["[]"] * 6
    steps = pg_cluster.sql("SELECT name FROM claimtrack_migrations", pg)
    from claimtrack.db.postgresql_steps import KNOWN_STEPS

    assert tuple(s[0] for s in steps) == KNOWN_STEPS


def test_a_read_only_role_reads_and_gets_exit_4_on_writes(cli, pg_cluster, pg, tmp_path):
    cli("add", SEED_US, "--source", "U.S.", "--date", "2024-10-23")
    cli("add", SEED_ZELENSKY, "--source", "Volodymyr Zelensky", "--date", "2024-10-23")
    pg_cluster.sql(
        "DROP ROLE IF EXISTS intern; CREATE ROLE intern LOGIN PASSWORD 'intern-pw'; "
        "GRANT pg_read_all_data TO intern"
    )
    reader = pg_cluster.url(pg, user="intern", password="intern-pw")
    assert [c["id"] for c in cli.json("--db", reader, "list")] == [2, 1]
    assert "3,000 troops" in cli("--db", reader, "show", "1").stdout
    assert cli("--db", reader, "export", "json").stdout == cli("export", "json").stdout
    cli("--db", reader, "conflicts")
    before = count(pg_cluster, pg, "claim_history")
    for args in (
        ("add", SEED_RUSSIA, "--source", "Russia", "--date", "2024-10-24"),
        ("edit", "1", "--tag", "x"),
        ("rm", "2"),
        ("rate", "1", "false"),
        ("review", "1", "2", "--confirm"),
        ("topics", "set", "North Korean troops in Russia", "--cumulative"),
    ):
        line = cli.error("--db", reader, *args, code=4)
        assert "read-only" in line and "intern" in line, (args, line)
    assert count(pg_cluster, pg) == 2
    assert count(pg_cluster, pg, "claim_history") == before


def test_a_lost_connection_saves_nothing(pg_cluster, pg, tmp_path):
    rows = ["text,source,date,topic"] + [
        f"Officials say {1000 + i} people were displaced,Agency {i % 40},2024-10-{1 + i % 28:02d},"
        f"Floods {i % 30}"
        for i in range(40_000)
    ]
    big = tmp_path / "big.csv"
    big.write_text("\n".join(rows) + "\n", encoding="utf-8")
    url = os.environ["CLAIMTRACK_DB"]
    claimtrack("list", db=url)  # the schema first, so that the import's transaction is the one
    process = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", "--db", url, "import", str(big)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    killed = []
    deadline = time.monotonic() + 120
    while not killed and process.poll() is None and time.monotonic() < deadline:
        killed = pg_cluster.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
            f"'{pg}' AND application_name = 'claimtrack' AND backend_xid IS NOT NULL"
        )
        time.sleep(0.05)
    out, err = process.communicate(timeout=120)
    assert killed, "the import ended before its transaction could be cut"
    assert process.returncode == 4, (out, err)
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: lost the connection"), err
    assert count(pg_cluster, pg) == 0
    assert count(pg_cluster, pg, "sources") == 0


def test_without_psycopg_a_url_names_the_extra(tmp_path):
    code = "import sys; sys.modules['psycopg'] = None\nfrom claimtrack.cli import main\nmain()"
    result = subprocess.run(
        [sys.executable, "-c", code, "--db", "postgresql://desk@/claims", "list"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert one_error(result) == (
        "Error: a PostgreSQL store needs psycopg: pip install 'claimtrack[postgres]'"
    )


def test_serve_names_what_to_do_instead(cli, pg):
    line = cli.error("serve", "--port", "0")
    assert "serve publishes a SQLite file" in line and "claimtrack copy" in line


def test_search_uses_the_servers_index(cli, pg_cluster, pg):
    cli("add", SEED_US, "--source", "U.S.", "--date", "2024-10-23")
    indexes = pg_cluster.sql(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'claims' AND indexdef LIKE '%gin%'",
        pg,
    )
    assert indexes == [("claims_search",)]
    assert [c["id"] for c in cli.json("list", "--search", "troop")] == [1]  # stemmed
    line = cli.error("list", "--fts", "--search", "troops &")
    assert line.startswith("Error: the search query is not valid")


def test_check_on_a_server_finds_a_stale_search_column_and_repairs_it(cli, pg_cluster, pg):
    cli("add", SEED_US, "--source", "U.S.", "--date", "2024-10-23")
    out = cli("check").stdout
    assert "full-text index: ok" in out and "schema:          up to date" in out
    assert "links:           ok" in out
    # Someone changes how the server splits words: the stored vectors no longer match.
    pg_cluster.sql(
        "ALTER TEXT SEARCH CONFIGURATION claimtrack_search DROP MAPPING FOR asciiword", pg
    )
    result = cli("check", code=4)
    assert "full-text index: PROBLEM: 3 rows out of step" in result.stdout
    assert result.stderr == "Error: the database has 1 problem(s); see above\n"
    assert "full-text index: ok" in cli("check", "--repair").stdout


def _a_whole_story(cli) -> None:
    """A store with something in every table: claims and their quantities, history,
    reviews (one replaced and undone), aliases, kinds, stored conflicts."""
    from claimtrack.data_files import demo_data_path

    cli("import", str(demo_data_path()))
    cli("add", SEED_US, "--source", "U.S.", "--date", "2024-10-23")
    cli("add", SEED_ZELENSKY, "--source", "Volodymyr Zelensky", "--date", "2024-10-23")
    cli("add", SEED_RUSSIA, "--source", "Russia", "--date", "2024-10-24")
    last = cli.json("list", "--limit", "3")
    ids = sorted(c["id"] for c in last)
    cli("edit", str(ids[0]), "--tag", "us-briefing", "--note", "checked twice")
    cli("rate", str(ids[1]), "disputed", "--explanation", "An upper bound, not a count")
    cli("review", str(ids[0]), str(ids[1]), "--confirm", "--note", "both on record")
    cli("review", str(ids[0]), str(ids[1]), "--dismiss", "--force", "--note", "on second thought")
    cli("review", "--undo")
    cli("rm", str(ids[2]))
    cli("sources", "alias", "United States", "U.S.")
    cli("topics", "set", "North Korean troops in Russia", "--cumulative")


def _exports(cli, db: str) -> tuple[str, ...]:
    # check's other lines name the engine; the stored conflicts' line must agree.
    (conflicts,) = [
        line for line in cli("--db", db, "check").stdout.splitlines() if line.startswith("conf")
    ]
    return (
        *(
            cli("--db", db, *args).stdout
            for args in (
                ("export", "json"),
                ("export", "markdown", "--all"),
                ("history", "1"),
                ("sources", "--json"),
                ("topics", "--json"),
                ("conflicts", "--json", "--all"),
            )
        ),
        " ".join(conflicts.split()),
    )


def test_copy_is_exact_both_ways_and_idempotent(cli, pg_cluster, pg, tmp_path):
    url = os.environ["CLAIMTRACK_DB"]
    first = str(tmp_path / "first.db")
    os.environ["CLAIMTRACK_DB"] = first  # the monkeypatched variable, restored after the test
    _a_whole_story(cli)
    os.environ["CLAIMTRACK_DB"] = url
    assert cli("copy", first, url).stdout.startswith("Copied ")
    assert _exports(cli, url) == _exports(cli, first)
    assert cli("copy", first, url).stdout == "Nothing to copy: DST holds it all already.\n"
    back = str(tmp_path / "back.db")
    cli("copy", url, back)
    assert _exports(cli, back) == _exports(cli, first)
    # The next ids follow the copied ones on the server too.
    added = cli("--db", url, "add", "Officials say 40 people were hurt", "--source", "Police")
    assert added.stdout.startswith(f"Added claim #{len(cli.json('--db', first, 'list')) + 2}")


def test_conflicts_written_anew_carry_the_listing_sqlite_writes(cli, pg, tmp_path):
    """A write refreshes its quantity's stored conflicts: on the server each is
    written once, with its listing and the standing review's words in it."""
    listings = []
    for db in (str(tmp_path / "story.db"), os.environ["CLAIMTRACK_DB"]):
        os.environ["CLAIMTRACK_DB"] = db  # the monkeypatched variable, restored after the test
        _a_whole_story(cli)
        (us,) = [c["id"] for c in cli.json("list") if c["text"] == SEED_US]
        cli("edit", str(us), "--tag", "again")  # a tag leaves the review holding
        listed = cli("conflicts", "--json", "--all").stdout
        assert '"note":"both on record"' in listed
        listings.append(re.sub(r'"reviewed_at":"[^"]*"', '"reviewed_at":""', listed))
        (line,) = [x for x in cli("check").stdout.splitlines() if x.startswith("conflicts")]
        assert "up to date" in line, line
    assert listings[0] == listings[1]


def test_copy_into_a_store_holding_other_claims_writes_nothing(cli, pg_cluster, pg, tmp_path):
    other = str(tmp_path / "other.db")
    cli("--db", other, "add", "Rebels claim 300 fighters joined", "--source", "Rebels")
    cli("add", SEED_US, "--source", "U.S.", "--date", "2024-10-23")
    before = _exports(cli, os.environ["CLAIMTRACK_DB"])
    line = cli.error("copy", other, os.environ["CLAIMTRACK_DB"])
    assert "the target holds a different row 1 in sources" in line
    assert _exports(cli, os.environ["CLAIMTRACK_DB"]) == before
    assert "there is no store at" in cli.error("copy", str(tmp_path / "none.db"), other)


def test_backup_of_a_server_is_a_file_that_copies_back(cli, pg_cluster, pg, tmp_path):
    _a_whole_story(cli)
    target = tmp_path / "backup.db"
    assert cli("backup", str(target)).stdout == f"Backed up to {target}.\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("backup", ".b"))) == [
        "backup.db"
    ]
    fresh = pg_cluster.url(pg_cluster.new_database())
    cli("copy", str(target), fresh)
    assert _exports(cli, fresh) == _exports(cli, os.environ["CLAIMTRACK_DB"])
    assert "already exists" in cli.error("backup", str(target))


def test_a_writer_who_is_not_the_owner_cannot_build_the_schema(cli, pg_cluster, pg):
    pg_cluster.sql(
        "DROP ROLE IF EXISTS joe; CREATE ROLE joe LOGIN PASSWORD 'joe-pw'; "
        "GRANT pg_read_all_data, pg_write_all_data TO joe"
    )
    joe = pg_cluster.url(pg, user="joe", password="joe-pw")
    pg_cluster.sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC", pg)
    line = cli.error("--db", joe, "list", code=4)
    assert "needs schema step p001_schema, which only its owner may apply" in line
    cli("list")  # the owner builds it; the desk's writer then works as usual
    cli("--db", joe, "add", SEED_US, "--source", "U.S.", "--date", "2024-10-23")
    assert cli.json("show", "1")["added_by"] == "maria"  # $CLAIMTRACK_USER beats the role


def test_a_latin1_database_lists_its_conflicts_in_utf8(cli, pg_cluster, tmp_path):
    """Listings are written as the server sends them: in UTF-8, whatever the
    database's own encoding."""
    pg_cluster.sql("CREATE DATABASE latin TEMPLATE template0 ENCODING 'LATIN1' LOCALE 'C'")
    try:
        stores = (pg_cluster.url("latin"), str(tmp_path / "same.db"))
        for db in stores:
            for text, source in (
                ("The défense ministry says 3,000 troops crossed at Zürich", "Défense ministry"),
                ("Zoë Brandt says 9,000 troops crossed at Zürich", "Zoë Brandt"),
            ):
                cli("--db", db, "add", text, "--source", source, "--date", "2024-10-23",
                    "--topic", "Troops at Zürich")  # fmt: skip
        listed = [cli("--db", db, "conflicts", "--json").stdout for db in stores]
        assert "Zoë Brandt" in listed[0] and listed[0] == listed[1]
    finally:
        pg_cluster.drop_database("latin")


PLAIN_ROWS = [
    # Costs of one project, estimated however late: every pair of sources meets.
    ("The city said on Monday that the bridge repairs would cost $40 million.", "City hall", "2024-03-04"),
    ("Engineers said the bridge repairs would cost $95 million, up from an earlier $40m.", "Engineers", "2024-05-10"),
    ("Auditors said the bridge repairs would cost about $300 million.", "Auditors", "2024-09-01"),
    # Counts of one moment, a denial among them, with text a terminal would act on.
    ("Police said 1,200 people were evacuated from the valley \u202eovernight\u202c.", "Police", "2024-06-01"),
    ("Rescuers said 4,800 people were evacuated from the valley \x7f on Saturday.", "Rescuers", "2024-06-01"),
    ("The governor denied that 4,800 people were evacuated from the valley \x7f\u200b.", "Governor", "2024-06-02"),
    ("Organisers said up to 9,000 people were evacuated from the valley\u200b.", "Organisers", "2024-06-02"),
]  # fmt: skip


def test_both_engines_list_the_same_conflicts_byte_for_byte(cli, pg, tmp_path):
    """The same claims, imported from plain CSV and reviewed, give the same
    `conflicts --json` on SQLite and on the server: each engine writes its
    listings its own way."""
    import csv

    plain = tmp_path / "plain.csv"
    with plain.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows([("text", "source", "date"), *PLAIN_ROWS])
    url, first = os.environ["CLAIMTRACK_DB"], str(tmp_path / "first.db")
    cli("--db", first, "import", str(plain))
    listed = cli.json("--db", first, "conflicts")
    assert {c["kind"] for c in listed} == {"contradiction", "discrepancy", "denial"}
    pair = [str(i) for i in listed[0]["claims"][:2]]
    cli("--db", first, "review", *pair, "--confirm", "--note", "both on record \u202e")
    cli("--db", first, "edit", pair[0], "--tag", "again")  # stored anew, the review holding
    exported = tmp_path / "story.json"
    cli("--db", first, "export", "json", "-o", str(exported))
    cli("--db", url, "import", str(exported))  # the review, with its time stamp, too
    sqlite_out = cli("--db", first, "conflicts", "--json", "--all").stdout
    assert '"note":"both on record \\u202e"' in sqlite_out and "\u202e" not in sqlite_out
    assert cli("--db", url, "conflicts", "--json", "--all").stdout == sqlite_out
    for db in (first, url):
        (line,) = [x for x in cli("--db", db, "check").stdout.splitlines() if x.startswith("conf")]
        assert "up to date" in line, line
