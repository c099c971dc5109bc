"""Topics a user can manage, and quantities set by hand, through the real CLI."""

import pytest
from conftest import dump

from claimtrack.claims import Claim, settle_quantity, topic_name
from claimtrack.dates import ClaimDate
from claimtrack.figures import parse_figure


@pytest.mark.parametrize(
    ("text", "source", "name"),
    [
        ("Officials said about 600 people were missing after the floods in Derna", "Officials",
         "Floods in Derna"),
        ("Mayor Abdulmenam al-Ghaithi said 20,000 people may have died in the floods",
         "Abdulmenam al-Ghaithi", "Floods"),
        ("Officials said 500 people were missing in Derna", "Officials", "People missing in Derna"),
        ("The U.S. confirms 3,000 North Korean troops have been sent to Russia", "U.S.",
         "North Korean troops in Russia"),
        ("Zelensky says intelligence shows North Korea preparing 10,000 soldiers",
         "Volodymyr Zelensky", "Intelligence shows North Korea preparing soldiers"),
        ("Paris police counted 30,000 at the pension march", "Paris police", "Pension march"),
        ("The health ministry reported a cholera outbreak in Yemen", "Health ministry",
         "Cholera outbreak in Yemen"),
    ],
)  # fmt: skip
def test_auto_topics_name_the_subject_never_a_bare_noun_or_the_speaker(text, source, name):
    figure = parse_figure(text)
    claim = Claim(text, source, ClaimDate("2024-01-01", "day"), figure=figure,
                  unit=figure.unit if figure else None)  # fmt: skip
    assert topic_name(text, figure, source, settle_quantity(claim, None).quantity) == name


def test_quantity_given_by_hand(cli):
    claim = cli.json("add", "The mayor gave a new count of 700", "--source", "Mayor",
                     "--date", "2024-09-17", "--quantity", "people missing", "--topic", "Derna")  # fmt: skip
    assert claim["quantity"] == "people:missing"
    assert "people missing (people:missing)" in cli("show", "1").stdout
    edited = cli.json("edit", "1", "--quantity", "people:found-safe")
    assert edited["quantity"] == "people:found-safe"
    # A new figure is read again for its quantity, unless one is given.
    assert (
        cli.json("edit", "1", "--text", "The mayor said 700 people were still missing")["quantity"]
        == "people:missing"
    )
    assert cli.json("edit", "1", "--quantity", "")["quantity"] is None
    assert "unknown state 'asleep'" in cli.error("edit", "1", "--quantity", "people:asleep")


def test_quantities_travel_through_csv_and_json(cli, tmp_path, monkeypatch):
    cli("add", "Officials said 600 people were missing", "--source", "A", "--date", "2024-09-17",
        "--topic", "Derna")  # fmt: skip
    cli("add", "Officials said 700 were found", "--source", "B", "--date", "2024-09-17",
        "--topic", "Derna", "--quantity", "people found safe")  # fmt: skip
    original = cli.json("list")
    assert [c["quantity"] for c in original] == ["people:found-safe", "people:missing"]
    for fmt in ("csv", "json"):
        path = tmp_path / f"out.{fmt}"
        path.write_text(cli("export", fmt).stdout)
        monkeypatch.setenv("CLAIMTRACK_DB", str(tmp_path / f"{fmt}.db"))
        cli("import", str(path))
        assert cli.json("list") == original
        monkeypatch.setenv("CLAIMTRACK_DB", str(tmp_path / "claims.db"))


def test_topics_list_only_those_with_live_claims(cli):
    cli("add", "Officials said 600 people were missing", "--source", "A", "--date", "2024-09-17",
        "--topic", "Derna")  # fmt: skip
    cli("add", "Police said 30,000 protesters marched", "--source", "B", "--date", "2024-09-17",
        "--topic", "Paris march")  # fmt: skip
    assert [t["name"] for t in cli.json("topics")] == ["Derna", "Paris march"]
    cli("rm", "2")
    (derna,) = cli.json("topics")
    assert (derna["name"], derna["quantities"], derna["kinds"]) == (
        "Derna",
        {"people:missing": "level"},
        {},
    )
    table = cli("topics").stdout
    assert "people missing (level)" in table and "Paris" not in table


def test_rename_keeps_claims_settings_and_conflicts(cli):
    cli("add", "Officials said about 600 people were missing in Derna", "--source", "Mayor",
        "--date", "2024-09-17")  # fmt: skip
    cli("add", "Officials said 700-750 people were missing in Derna", "--source", "Minister",
        "--date", "2024-09-18")  # fmt: skip
    (topic,) = cli.json("topics")
    assert topic["name"] == "People missing in Derna"
    assert len(cli.json("conflicts")) == 1
    cli("topics", "set", "People missing in Derna", "--kind", "event")
    out = cli("topics", "rename", "People missing in Derna", "Floods in Derna").stdout
    assert out.strip() == "Renamed topic 'People missing in Derna' to 'Floods in Derna'."
    (topic,) = cli.json("topics")
    assert (topic["name"], topic["kinds"]) == ("Floods in Derna", {"*": "event"})
    assert [c["topic"] for c in cli.json("conflicts")] == ["Floods in Derna"]
    assert {c["topic"] for c in cli.json("list")} == {"Floods in Derna"}


def test_merge_moves_every_claim_and_compares_them_together(cli):
    cli("add", "Officials said about 600 people were missing", "--source", "Mayor",
        "--date", "2024-09-17", "--topic", "Abdulmenam al-Ghaithi")  # fmt: skip
    cli("add", "The minister said 700 to 750 people were missing", "--source", "Minister",
        "--date", "2024-09-18", "--topic", "Floods in Derna")  # fmt: skip
    cli("add", "The mayor said 400 people had been found safe", "--source", "Mayor",
        "--date", "2024-09-18", "--topic", "Abdulmenam al-Ghaithi")  # fmt: skip
    cli("rm", "3")
    assert cli.json("conflicts") == []  # two topics: never compared
    out = cli("topics", "merge", "Abdulmenam al-Ghaithi", "Floods in Derna").stdout
    assert out.strip() == (
        "Merged topic 'Abdulmenam al-Ghaithi' into 'Floods in Derna': 2 claim(s) moved."
    )
    assert [t["name"] for t in cli.json("topics")] == ["Floods in Derna"]
    assert [(c["kind"], c["claims"]) for c in cli.json("conflicts")] == [("contradiction", [1, 2])]
    cli("restore", "3")
    assert cli.json("show", "3")["topic"] == "Floods in Derna"
    assert [v["action"] for v in cli.json("history", "1")["versions"]] == ["merge"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["topics", "merge", "Nowhere", "Derna"], 3, "no topic named 'Nowhere'"),
        (["topics", "merge", "Derna", "Nowhere"], 3, "no topic named 'Nowhere'"),
        (["topics", "merge", "Derna", "derna"], 1, "cannot merge topic 'Derna' into itself"),
        (["topics", "rename", "Nowhere", "X"], 3, "no topic named 'Nowhere'"),
        (["topics", "rename", "Derna", "Paris march"], 1, "`claimtrack topics merge` joins them"),
        (["topics", "rename", "Derna", "  "], 1, "the new name is empty"),
        (["topics", "set", "Derna", "--kind", "sometimes"], 1, "unknown kind 'sometimes'"),
        (["topics", "set", "Derna", "--kind", "level", "--cumulative"], 1, "not both"),
        (["topics", "set", "Derna", "--kind", "level", "--quantity", "people:sleepy"], 1,
         "unknown state"),
    ],
)  # fmt: skip
def test_bad_topic_commands_change_nothing(cli, db_path, args, code, message):
    cli("add", "Officials said 600 people were missing", "--source", "A", "--date", "2024-09-17",
        "--topic", "Derna")  # fmt: skip
    cli("add", "Police said 30,000 protesters marched", "--source", "B", "--date", "2024-09-17",
        "--topic", "Paris march")  # fmt: skip
    before = dump(db_path)
    assert message in cli.error(*args, code=code)
    assert dump(db_path) == before
