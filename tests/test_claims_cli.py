"""The everyday commands, driven through the real CLI on a temporary database."""

import json
import sqlite3

import pytest
from conftest import SEED_RUSSIA, SEED_US, SEED_ZELENSKY, store_dump

pytestmark = pytest.mark.usefixtures("engine")

CLAIM_KEYS = {
    "id", "text", "source", "speaks_for", "topic", "date", "date_precision", "date_basis", "as_of", "url",
    "appearances", "figure", "unit", "quantity", "stance", "tags", "note", "verdict",
    "verdict_explanation", "verdict_at", "verdict_by", "added_by", "created_at", "updated_at",
}  # fmt: skip


def test_add_prints_what_was_stored(cli, db_path, engine):
    result = cli("add", SEED_US, "--source", "U.S.", "--date", "23 Oct 2024")
    assert result.stdout.splitlines() == [
        "Added claim #1",
        "  source:  U.S.",
        "  stance:  confirms",
        "  figure:  3,000 troops (exact, read from '3,000')",
        "  date:    2024-10-23 (day)",
        "  measure: North Korean troops deployed (level)",
        "  topic:   North Korean troops in Russia (new topic)",
    ]
    assert db_path.exists() == (engine == "sqlite")


def test_add_json_contract(cli):
    claim = cli.json(
        "add", SEED_ZELENSKY, "--source", "Volodymyr Zelensky", "--date", "2024-10",
        "--as-of", "2024-10-20", "--url", "https://example.org/story", "--tag", "dprk",
        "--tag", "ukraine", "--note", "seed article",
    )  # fmt: skip
    assert set(claim) == CLAIM_KEYS
    assert claim["figure"] == {
        "low": 0,
        "high": 10000,
        "qualifier": "at_most",
        "text": "up to 10,000",
    }
    assert (claim["date"], claim["date_precision"], claim["as_of"]) == (
        "2024-10",
        "month",
        "2024-10-20",
    )
    assert (claim["unit"], claim["quantity"], claim["stance"], claim["tags"]) == (
        "soldiers",
        "troops:deployed",
        "alleges",
        ["dprk", "ukraine"],
    )
    assert claim["created_at"].endswith("Z") and claim["created_at"] == claim["updated_at"]
    assert cli.json("show", "1") == claim
    assert cli.json("list") == [claim]


def test_open_upper_bound_is_null(cli):
    claim = cli.json(
        "add", "More than 300 dead, officials said", "--source", "officials", "--date", "2024"
    )
    assert claim["figure"]["high"] is None
    assert claim["figure"]["qualifier"] == "at_least"


def test_figure_option_overrides_text(cli):
    claim = cli.json(
        "add", "Seoul said in 2023 that troops had left", "--source", "NIS", "--date", "2024-10-18",
        "--figure", "about 12,000", "--unit", "troops",
    )  # fmt: skip
    assert claim["figure"]["low"] == 12000 and claim["figure"]["qualifier"] == "approx"
    assert claim["unit"] == "troops"


def test_qualitative_claim_has_no_figure(cli):
    claim = cli.json("add", SEED_RUSSIA, "--source", "Russia", "--date", "2024-10-24")
    assert claim["figure"] is None and claim["stance"] == "denies"


def test_default_date_is_today(cli):
    from datetime import date

    claim = cli.json("add", "Officials say 40 drones were shot down", "--source", "Air Force")
    assert claim["date"] == date.today().isoformat()


def test_seed_claims_share_a_topic(seeded):
    topics = seeded.json("topics")
    assert [(t["name"], t["claims"]) for t in topics] == [("North Korean troops in Russia", 3)]


def test_unrelated_claim_gets_its_own_topic(seeded):
    claim = seeded.json(
        "add", "Gaza health ministry says more than 40,000 people have been killed",
        "--source", "Gaza health ministry", "--date", "2024-08-15",
    )  # fmt: skip
    assert claim["topic"] != "North Korean troops in Russia"
    assert len(seeded.json("topics")) == 2


def test_explicit_topic(cli):
    cli("add", SEED_US, "--source", "US", "--date", "2024-10-23", "--topic", "DPRK troops")
    claim = cli.json(
        "add", SEED_ZELENSKY, "--source", "Zelensky", "--date", "2024-10-25", "-t", "dprk  troops"
    )
    assert claim["topic"] == "DPRK troops"


def test_list_filters(seeded):
    seeded(
        "add",
        "Kyiv says 1,000 drones were launched in October",
        "--source",
        "Ukraine Air Force",
        "--date",
        "2024-11-01",
    )
    assert [c["id"] for c in seeded.json("list")] == [4, 2, 3, 1]
    assert [c["id"] for c in seeded.json("list", "--source", "us")] == [1]
    assert [
        c["id"] for c in seeded.json("list", "--since", "2024-10-24", "--until", "2024-10-25")
    ] == [2, 3]
    assert [c["id"] for c in seeded.json("list", "--until", "2024-10")] == [2, 3, 1]
    assert [c["id"] for c in seeded.json("list", "--topic", "North Korean troops in Russia")] == [
        2,
        3,
        1,
    ]
    assert [c["id"] for c in seeded.json("list", "--search", "mobilizing")] == [2]
    assert [c["id"] for c in seeded.json("list", "--search", "deny")] == [3]  # stemmed
    assert [c["id"] for c in seeded.json("list", "--limit", "2")] == [4, 2]


def test_list_table_and_csv(seeded):
    table = seeded("list").stdout
    assert "Volodymyr" in table and "confirms" in table and "\x1b" not in table
    rows = seeded("list", "--csv").stdout.splitlines()
    assert rows[0].startswith("id,text,source,topic,date")
    assert len(rows) == 4


def test_list_on_empty_database(cli):
    assert cli.json("list") == []


def test_show_table(seeded):
    out = seeded("show", "2").stdout
    assert "up to 10,000 soldiers" in out and "Volodymyr Zelensky" in out


def test_edit_keeps_history_and_rereads_figure(seeded):
    before = seeded.json("show", "1")
    after = seeded.json(
        "edit", "1", "--text", "The Pentagon now says about 8,000 North Korean troops are in Kursk"
    )
    assert after["figure"]["low"] == 8000 and after["figure"]["qualifier"] == "approx"
    assert after["updated_at"] > before["updated_at"]
    assert after["created_at"] == before["created_at"]
    history = seeded.json("history", "1")
    assert [v["action"] for v in history["versions"]] == ["edit"]
    assert history["versions"][0]["claim"] == before
    assert history["current"] == after
    assert (
        "8,000" in seeded("history", "1").stdout or "about 8,000" in seeded("history", "1").stdout
    )


def test_edit_fields(seeded):
    claim = seeded.json(
        "edit", "2", "--date", "2024-10-26", "--stance", "claims", "--url", "https://example.org/z",
        "--tag", "a", "--note", "checked", "--figure", "up to 12,000",
    )  # fmt: skip
    assert (claim["date"], claim["stance"], claim["url"], claim["tags"], claim["note"]) == (
        "2024-10-26", "claims", "https://example.org/z", ["a"], "checked",
    )  # fmt: skip
    assert claim["figure"]["high"] == 12000
    assert seeded.json("edit", "2", "--url", "")["url"] is None


def test_rm_and_restore(seeded):
    out = seeded("rm", "2").stdout
    assert "claimtrack restore 2" in out
    assert [c["id"] for c in seeded.json("list")] == [3, 1]
    seeded.error("show", "2", code=3)
    seeded("restore", "2")
    assert [c["id"] for c in seeded.json("list")] == [2, 3, 1]
    history = seeded.json("history", "2")
    assert [v["action"] for v in history["versions"]] == ["rm", "restore"]
    seeded.error("restore", "2")


def test_sources_alias_merges(seeded):
    seeded(
        "add",
        "The United States says 8,000 North Korean troops are in Kursk",
        "--source",
        "United States",
        "--date",
        "2024-11-01",
    )
    assert len(seeded.json("sources")) == 4
    out = seeded("sources", "alias", "United States", "US").stdout
    assert "1 claim(s) moved" in out
    sources = {s["name"]: s for s in seeded.json("sources")}
    assert sources["U.S."]["claims"] == 2 and sources["U.S."]["aliases"] == ["United States"]
    claim = seeded.json(
        "add",
        "More U.S. claims: 10,000 troops",
        "--source",
        "united states",
        "--date",
        "2024-11-02",
    )
    assert claim["source"] == "U.S."


@pytest.mark.parametrize("name", ["us", "U.S.", "the U.S.", "US"])
def test_source_names_normalise(seeded, name):
    assert seeded.json("list", "--source", name)[0]["source"] == "U.S."


def test_not_sqlite_file(cli, tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello, this is not a database\n" * 10)
    line = cli.error("--db", str(bogus), "list", code=4)
    assert "not a SQLite database" in line
    assert bogus.read_text() == "hello, this is not a database\n" * 10


def test_directory_as_database(cli, tmp_path):
    assert "is a directory" in cli.error("--db", str(tmp_path), "list", code=4)


@pytest.mark.sqlite_only
def test_newer_database_is_refused(cli, db_path):
    cli("list")
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('claimtrack', 'm999_from_the_future', 'x')"
        )
    conn.close()
    before = store_dump()
    assert "newer claimtrack" in cli.error("list", code=4)
    assert store_dump() == before


def test_foreign_sqlite_database_is_refused(cli, tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert "not a claimtrack database" in cli.error("--db", str(other), "list", code=4)


def test_db_option_and_folder_creation(cli, tmp_path):
    target = tmp_path / "new" / "folder" / "my.db"
    cli("--db", str(target), "add", SEED_US, "--source", "US", "--date", "2024-10-23")
    assert target.exists()
    assert json.loads(cli("--db", str(target), "list", "--json").stdout)[0]["source"] == "US"


def test_version():
    from typer.testing import CliRunner

    from claimtrack import __version__
    from claimtrack.cli import app

    assert CliRunner().invoke(app, ["--version"]).stdout.strip() == f"claimtrack {__version__}"


def test_a_quantity_set_by_hand_outlives_a_new_figure(cli):
    claim = cli.json(
        "add", "Police said 236 bodies were handed over", "--source", "Police",
        "--date", "2013-05-02", "--topic", "Mill collapse",
    )  # fmt: skip
    read = claim["quantity"]
    cli("edit", str(claim["id"]), "--quantity", "bodies(handed-over)")
    edited = cli.json("edit", str(claim["id"]), "--figure", "450", "--json")
    assert edited["quantity"] == "bodies(handed-over)" != read
    # one read from the text is read again
    cli("edit", str(claim["id"]), "--quantity", "")
    again = cli.json("edit", str(claim["id"]), "--figure", "460", "--json")
    assert again["quantity"] == read
    # and the history says what each edit did to it
    shown = cli("history", str(claim["id"])).stdout
    assert f"{read} → bodies(handed-over)" in " ".join(shown.split())
