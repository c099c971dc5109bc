"""A source that speaks for another: `sources affiliate`, the one voice it makes
when claims are compared, and how it comes in and goes out (extract, import,
copy, the schema step), on both engines."""

from __future__ import annotations

import json
import os
from contextlib import contextmanager

import pytest
from conftest import store_dump, store_sql
from sqlite_utils import Database

from claimtrack.migrations import migrations

pytestmark = pytest.mark.usefixtures("engine")

MINISTRY = "The Defence Ministry said 300 soldiers were killed in the clashes"
SPOKESMAN = "Igor Petrov said 450 soldiers were killed in the clashes"
DENIAL = "Igor Petrov denied reports of higher losses in the clashes"
ANALYSTS = "Analysts at the Lumen group said 900 soldiers were killed in the clashes"


@pytest.fixture
def story(cli):
    """A ministry's figure, its spokesman's higher one of the same day and his
    denial, and an outside count of the day before: before any affiliation, the
    spokesman contradicts his ministry."""
    cli("add", MINISTRY, "--source", "Defence Ministry", "--date", "2024-03-02", "--topic", "War")
    cli("add", SPOKESMAN, "--source", "Igor Petrov", "--date", "2024-03-02", "--topic", "War")
    cli("add", DENIAL, "--source", "Igor Petrov", "--date", "2024-03-02", "--topic", "War")
    cli("add", ANALYSTS, "--source", "Lumen group", "--date", "2024-03-01", "--topic", "War")
    return cli


def conflicts(cli) -> dict[tuple[int, ...], str]:
    return {tuple(c["claims"]): c["reason"] for c in cli.json("conflicts")}


def test_a_spokesman_is_his_ministrys_voice(story):
    before = conflicts(story)
    assert set(before) == {(1, 2), (1, 4), (2, 4), (3, 1, 4)}
    result = story("sources", "affiliate", "Igor Petrov", "Defence Ministry")
    assert result.stdout == "'Igor Petrov' now speaks for 'Defence Ministry'.\n"
    after = conflicts(story)
    # never a conflict with his own ministry's figure, and his denial answers the others only
    assert set(after) == {(1, 4), (2, 4), (3, 4)}
    assert after[(2, 4)].startswith("Contradiction: Igor Petrov (for Defence Ministry) said 450")
    assert after[(3, 4)].startswith("Denial: Igor Petrov (for Defence Ministry) denies")
    assert "conflicts:       up to date (3 stored)" in story("check").stdout
    story("sources", "affiliate", "Igor Petrov", "--none")
    assert conflicts(story) == before
    assert "conflicts:       up to date (4 stored)" in story("check").stdout


def test_the_affiliation_is_shown_and_carried_read_only(story):
    story("sources", "affiliate", "Igor Petrov", "Defence Ministry")
    listed = {s["name"]: s["speaks_for"] for s in story.json("sources")}
    assert listed == {
        "Defence Ministry": None,
        "Igor Petrov": "Defence Ministry",
        "Lumen group": None,
    }
    assert "│ Igor Petrov      │ 2      │ Defence Ministry │" in story("sources").stdout
    assert [c["speaks_for"] for c in story.json("list")] == [
        "Defence Ministry", "Defence Ministry", None, None,
    ]  # fmt: skip
    assert story.json("show", "2")["speaks_for"] == "Defence Ministry"
    assert "speaks for  Defence Ministry" in story("show", "2").stdout
    exported = json.loads(story("export", "json").stdout)
    assert {c["id"]: c["speaks_for"] for c in exported["claims"]}[2] == "Defence Ministry"
    assert story("export", "csv").stdout.splitlines()[0].endswith(",updated_at,speaks_for")
    # a claim's own changes leave it to the source
    story("edit", "2", "--note", "on the radio")
    assert story.json("show", "2")["speaks_for"] == "Defence Ministry"


def test_an_alias_is_followed_and_a_merge_keeps_one_level(story):
    story("sources", "alias", "Ministry of Defence", "Defence Ministry")
    result = story("sources", "affiliate", "Igor Petrov", "ministry of defence")
    assert result.stdout == "'Igor Petrov' now speaks for 'Defence Ministry'.\n"
    # a new source, created as it is named, then joined to the ministry: its
    # spokesman speaks for the ministry's one name
    story("sources", "affiliate", "Anna Sokol", "MoD")
    story("sources", "alias", "MoD", "Defence Ministry")
    listed = {s["name"]: s["speaks_for"] for s in story.json("sources")}
    assert listed["Anna Sokol"] == listed["Igor Petrov"] == "Defence Ministry"
    assert "MoD" not in listed
    # joining the spokesman to the ministry leaves no source speaking for itself
    story("sources", "alias", "Igor Petrov", "Defence Ministry")
    listed = {s["name"]: s["speaks_for"] for s in story.json("sources")}
    assert listed["Defence Ministry"] is None
    assert "conflicts:       up to date" in story("check").stdout


def test_a_merge_that_would_make_two_levels_is_refused(story):
    story("sources", "affiliate", "Igor Petrov", "Defence Ministry")
    story("sources", "affiliate", "Oleg Ruda", "Norland")
    before = store_dump()
    # the ministry as another name of Norland's spokesman: Igor Petrov would then
    # speak for one who speaks for Norland, two levels
    message = story.error("sources", "alias", "Defence Ministry", "Oleg Ruda")
    assert "speaks only for one that speaks for nobody else" in message
    assert store_dump() == before


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("Igor Petrov", "igor petrov"), 1, "'Igor Petrov' cannot speak for itself"),
        (("Defence Ministry", "Norland"), 1, "'Igor Petrov' speaks for 'Defence Ministry'"),
        (("Oleg Ruda", "Igor Petrov"), 1, "'Igor Petrov' speaks for 'Defence Ministry'"),
        (("Nobody", "--none"), 3, "no source named 'Nobody'"),
        (("Igor Petrov",), 1, "give exactly one of ORG or --none"),
        (("Igor Petrov", "Defence Ministry", "--none"), 1, "give exactly one of ORG or --none"),
        (("x" * 501, "Defence Ministry"), 1, "the limit is 500"),
        (("Igor Petrov", "y" * 501), 1, "the limit is 500"),
        (("Igor Petrov", "..."), 1, "holds no letter or digit"),
    ],
)
def test_bad_affiliations_change_nothing(story, args, code, words):
    story("sources", "affiliate", "Igor Petrov", "Defence Ministry")
    story("sources", "alias", "Petrov", "Igor Petrov")
    before = store_dump()
    message = story.error("sources", "affiliate", *args, code=code)
    assert words in message, message
    assert store_dump() == before


def test_a_denial_that_names_a_ministry_answers_its_spokesman(cli):
    cli("sources", "affiliate", "Igor Petrov", "Defence Ministry")
    cli("add", SPOKESMAN, "--source", "Igor Petrov", "--date", "2024-03-02", "--topic", "War")
    cli("add", ANALYSTS, "--source", "Lumen group", "--date", "2024-03-02", "--topic", "War")
    cli(
        "add",
        "The Lumen group rejected the figures of the Defence Ministry",
        "--source",
        "Lumen group",
        "--date",
        "2024-03-03",
        "--topic",
        "War",
        "--stance",
        "denies",
    )
    assert (3, 1) in conflicts(cli)


def test_import_reads_it_where_the_source_has_none(cli, tmp_path):
    cli("sources", "affiliate", "Anna Sokol", "Interior Ministry")
    rows = tmp_path / "claims.csv"
    rows.write_text(
        "text,source,speaks_for,date,topic\n"
        f"{MINISTRY},Defence Ministry,,2024-03-01,War\n"
        f"{SPOKESMAN},Igor Petrov,Defence Ministry,2024-03-01,War\n"
        "Anna Sokol said 20 police were hurt,Anna Sokol,Defence Ministry,2024-03-01,War\n",
        encoding="utf-8",
    )
    assert "3 added" in cli("import", str(rows)).stdout
    listed = {s["name"]: s["speaks_for"] for s in cli.json("sources")}
    assert listed["Igor Petrov"] == "Defence Ministry"
    assert listed["Anna Sokol"] == "Interior Ministry"  # the store's word stands
    assert conflicts(cli) == {}  # the topic's conflicts were found with the voices
    assert "conflicts:       up to date (0 stored)" in cli("check").stdout
    # the round trip through JSON keeps it
    document = tmp_path / "story.json"
    cli("export", "json", "-o", str(document))
    data = json.loads(document.read_text(encoding="utf-8"))
    assert {c["source"]: c["speaks_for"] for c in data["claims"]}["Igor Petrov"] == (
        "Defence Ministry"
    )


def test_a_json_round_trip_keeps_the_affiliation_of_a_source_with_no_claims(
    cli, tmp_path, new_store
):
    cli("sources", "affiliate", "Anna Sokol", "Interior Ministry")
    cli("add", MINISTRY, "--source", "Defence Ministry", "--date", "2024-03-01", "--topic", "War")
    document = tmp_path / "store.json"
    cli("export", "json", "-o", str(document))
    sections = json.loads(document.read_text(encoding="utf-8"))["sources"]
    assert {"name": "Anna Sokol", "speaks_for": "Interior Ministry", "aliases": []} in sections
    target = new_store()
    assert "1 added" in cli("--db", target, "import", str(document)).stdout
    listed = {
        s["name"]: (s["claims"], s["speaks_for"]) for s in cli.json("--db", target, "sources")
    }
    assert listed["Anna Sokol"] == (0, "Interior Ministry")
    assert listed["Defence Ministry"] == (1, None)


def test_import_refuses_a_source_speaking_for_itself(cli, tmp_path):
    rows = tmp_path / "claims.csv"
    rows.write_text(
        f"text,source,speaks_for,date\n{SPOKESMAN},Igor Petrov,igor petrov,2024-03-01\n",
        encoding="utf-8",
    )
    cli("list")
    before = store_dump()
    message = cli.error("import", str(rows))
    assert "line 2" in message and "cannot speak for itself" in message
    assert store_dump() == before


def test_copy_carries_it(story, new_store):
    story("sources", "affiliate", "Igor Petrov", "Defence Ministry")
    # a source that speaks for one made after it: the copy inserts it first
    story("sources", "affiliate", "Defence Ministry", "--none")
    story("sources", "affiliate", "Lumen group", "Zeta Board")
    story("sources", "affiliate", "Igor Petrov", "Defence Ministry")
    target = new_store()
    story("copy", os.environ["CLAIMTRACK_DB"], target)
    assert story.json("--db", target, "sources") == story.json("sources")
    assert (
        story("--db", target, "conflicts", "--json").stdout == story("conflicts", "--json").stdout
    )


ARTICLE = """Border clashes leave hundreds dead

The Defence Ministry said on Monday that 300 soldiers had been killed in the clashes.

Defence Ministry spokesman Igor Petrov said on Tuesday that 320 soldiers had been killed.

Petrov denied reports of higher losses.

Analysts at the Lumen group said on Tuesday that 900 soldiers had been killed.
"""


def test_extract_save_sets_it_for_a_person_with_none(cli, tmp_path):
    article = tmp_path / "clashes.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    preview = cli("extract", str(article), "--published", "2024-03-06").stdout
    assert "│ Igor Petrov (for Defence │ asserts │ 320 soldiers" in preview
    assert "│ Ministry)                │" in preview
    proposed = cli.json("extract", str(article), "--published", "2024-03-06")
    assert {c["source"]: c["speaks_for"] for c in proposed}["Igor Petrov"] == "Defence Ministry"
    cli("extract", str(article), "--published", "2024-03-06", "--save", "--topic", "Clashes")
    listed = {s["name"]: s["speaks_for"] for s in cli.json("sources")}
    assert listed["Igor Petrov"] == "Defence Ministry"
    found = conflicts(cli)
    assert all("Igor Petrov" not in reason or "Lumen" in reason for reason in found.values())
    assert not any(set(ids) <= {1, 2, 3} for ids in found)  # one voice: nothing among its own


def test_extract_save_leaves_an_affiliation_set_by_hand(cli, tmp_path):
    cli("sources", "affiliate", "Igor Petrov", "General Staff")
    article = tmp_path / "clashes.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    cli("extract", str(article), "--published", "2024-03-06", "--save", "--topic", "Clashes")
    listed = {s["name"]: s["speaks_for"] for s in cli.json("sources")}
    assert listed["Igor Petrov"] == "General Staff"


@contextmanager
def _before_affiliations(engine, monkeypatch):
    """A store of the last schema before sources could speak for others: something
    to run SQL with, committed when the block ends."""
    target = os.environ["CLAIMTRACK_DB"]
    if engine == "sqlite":
        db = Database(target)
        migrations.apply(db, stop_before="m110_sources_speak_for_others")
        yield db.execute
        db.conn.commit()
        db.close()
        return
    from claimtrack.db import open_store

    # the server's step and those after it, undone: each step's upgrade reads today's claims
    store = open_store(target)
    try:
        store.conn.execute("ALTER TABLE sources DROP COLUMN speaks_for_id")
        store.conn.execute(  # it and the steps after it
            "DELETE FROM claimtrack_migrations WHERE name >= 'p110_sources_speak_for_others'"
        )
        yield store.conn.execute
    finally:
        store.close()


def test_a_store_from_before_upgrades(cli, engine, monkeypatch):
    with _before_affiliations(engine, monkeypatch) as execute:
        execute(
            "INSERT INTO sources (name, key, created_at) VALUES "
            "('Defence Ministry', 'defence ministry', 't'), ('Igor Petrov', 'igor petrov', 't')"
        )
    assert [s["speaks_for"] for s in cli.json("sources")] == [None, None]
    cli("sources", "affiliate", "Igor Petrov", "Defence Ministry")
    cli("add", SPOKESMAN, "--source", "Igor Petrov", "--date", "2024-03-02", "--topic", "War")
    cli("add", MINISTRY, "--source", "Defence Ministry", "--date", "2024-03-02", "--topic", "War")
    assert cli.json("show", "1")["speaks_for"] == "Defence Ministry"
    assert conflicts(cli) == {}
    assert store_sql("SELECT speaks_for_id FROM sources ORDER BY id") == [(None,), (1,)]
    assert "PROBLEM" not in cli("check").stdout
