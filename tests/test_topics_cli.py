"""Topics a user can manage, and quantities set by hand, through the real CLI."""

import os

import pytest
from conftest import store_dump, store_sql

from claimtrack.claims import Claim, distinct_topic_name, settle_quantity, topic_name
from claimtrack.dates import ClaimDate
from claimtrack.figures import parse_figure
from claimtrack.limits import MAX_NAME


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
        # a side of the place before it is no part of its name
        ("Rescuers said the floods in northern Varnia left 400 homeless", "Rescuers",
         "Floods in Varnia"),
        # a people's adjective before a noun says whose, not where
        ("The army said shelling in Ruritanian territory killed 12", "army", "Shelling"),
        ("Officials said shelling in the Ruritanian region killed 12", "Officials",
         "Shelling in Ruritanian region"),
        # a place whose name ends like a people's adjective, before a verb
        ("Officials said floods in the Caribbean killed 40", "Officials",
         "Floods in Caribbean"),
    ],
)  # fmt: skip
def test_auto_topics_name_the_subject_never_a_bare_noun_or_the_speaker(text, source, name):
    figure = parse_figure(text)
    claim = Claim(text, source, ClaimDate("2024-01-01", "day"), figure=figure,
                  unit=figure.unit if figure else None)  # fmt: skip
    assert topic_name(text, figure, source, settle_quantity(claim, None).quantity) == name


@pytest.mark.usefixtures("engine")
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


@pytest.mark.usefixtures("engine")
def test_quantities_travel_through_csv_and_json(cli, tmp_path, monkeypatch):
    cli("add", "Officials said 600 people were missing", "--source", "A", "--date", "2024-09-17",
        "--topic", "Derna")  # fmt: skip
    cli("add", "Officials said 700 were found", "--source", "B", "--date", "2024-09-17",
        "--topic", "Derna", "--quantity", "people found safe")  # fmt: skip
    original = cli.json("list")
    assert [c["quantity"] for c in original] == ["people:found-safe", "people:missing"]
    origin = os.environ["CLAIMTRACK_DB"]
    for fmt in ("csv", "json"):
        path = tmp_path / f"out.{fmt}"
        path.write_text(cli("export", fmt).stdout)
        monkeypatch.setenv("CLAIMTRACK_DB", str(tmp_path / f"{fmt}.db"))
        cli("import", str(path))
        assert cli.json("list") == original
        monkeypatch.setenv("CLAIMTRACK_DB", origin)


@pytest.mark.usefixtures("engine")
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


@pytest.mark.usefixtures("engine")
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


@pytest.mark.usefixtures("engine")
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


@pytest.mark.usefixtures("engine")
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
def test_bad_topic_commands_change_nothing(cli, args, code, message):
    cli("add", "Officials said 600 people were missing", "--source", "A", "--date", "2024-09-17",
        "--topic", "Derna")  # fmt: skip
    cli("add", "Police said 30,000 protesters marched", "--source", "B", "--date", "2024-09-17",
        "--topic", "Paris march")  # fmt: skip
    before = store_dump()
    assert message in cli.error(*args, code=code)
    assert store_dump() == before


# Two stories told in the same words: what tells them apart is where they happen.
STORIES = [
    ("Rescuers said 40 people were killed in the Varnholt floods on Tuesday.", "Rescuers"),
    ("Rescuers said 12 people were killed in the Ostrelk floods on Tuesday.", "Rescuers"),
    ("The Red Cross said 55 people were killed across the Varnholt floods.", "Red Cross"),
    ("The Red Cross said 19 people were killed near the Ostrelk floods.", "Red Cross"),
]


@pytest.mark.usefixtures("engine")
@pytest.mark.parametrize("how", ["add", "import"])
def test_stories_told_in_the_same_words_keep_their_own_topics(cli, tmp_path, how):
    if how == "add":
        for text, source in STORIES:
            cli("add", text, "--source", source, "--date", "2024-03-05")
    else:
        path = tmp_path / "plain.csv"
        rows = "".join(f'"{text}",{source},2024-03-05\n' for text, source in STORIES)
        path.write_text("text,source,date\n" + rows)
        cli("import", str(path))
    filed = {(c["topic"], c["text"].split(" the ")[-1].split()[0]) for c in cli.json("list")}
    assert filed == {("Varnholt floods", "Varnholt"), ("Ostrelk floods", "Ostrelk")}


@pytest.mark.usefixtures("engine")
def test_a_story_that_names_another_place_of_its_own_stays_one_topic(cli):
    # the first puts the troops in one country, the second talks of another and
    # names the first only as its speaker: still one story
    cli("add", "Officials confirm 3,000 Norlandic troops were sent to Vesk for drills",
        "--source", "Officials", "--date", "2024-10-23")  # fmt: skip
    cli("add", "Vesk denies any plans for Norlandic troops to fight in Tarvia",
        "--source", "Vesk", "--date", "2024-10-24")  # fmt: skip
    assert [t["claims"] for t in cli.json("topics")] == [2]


@pytest.mark.usefixtures("engine")
def test_a_store_from_before_story_names_learns_them_when_opened(cli, engine):
    for text, source in STORIES[:3:2]:
        cli("add", text, "--source", source, "--date", "2024-03-05")
    # the store as the step before left it: topics knew their words, not their names
    step = "m120_story_names" if engine == "sqlite" else "p120_story_names"
    table = "_sqlite_migrations" if engine == "sqlite" else "claimtrack_migrations"
    store_sql("DELETE FROM topic_terms WHERE term LIKE 'name:%'")
    store_sql(f"DELETE FROM {table} WHERE name = '{step}'")
    cli("add", *STORIES[1][:1], "--source", STORIES[1][1], "--date", "2024-03-05")
    assert {t["name"]: t["claims"] for t in cli.json("topics")} == {
        "Varnholt floods": 2,
        "Ostrelk floods": 1,
    }
    assert store_sql(f"SELECT count(*) FROM {table} WHERE name = '{step}'") == [(1,)]


@pytest.mark.usefixtures("engine")
def test_a_new_story_never_joins_another_by_its_name_alone(cli):
    # both would be named "Protests"; the second's words do not match the first's
    cli("add", "Police said 300 people were arrested during the protests", "--source", "Police",
        "--date", "2024-03-02")  # fmt: skip
    second = cli.json("add", "Doctors counted 12 dead after the protests", "--source", "Doctors",
                      "--date", "2024-06-20")  # fmt: skip
    third = cli.json("add", "Medics counted 14 dead after the protests", "--source", "Medics",
                     "--date", "2024-06-21")  # fmt: skip
    assert (second["topic"], third["topic"]) == ("Protests, Jun 2024", "Protests, Jun 2024")
    assert sorted(t["name"] for t in cli.json("topics")) == ["Protests", "Protests, Jun 2024"]


def test_distinct_names_carry_the_month_then_a_number_within_the_limit():
    taken = {"Protests", "Protests, Jun 2024"}
    june = ClaimDate("2024-06-20", "day")
    assert distinct_topic_name("Floods", june, taken.__contains__) == "Floods"
    assert distinct_topic_name("Protests", june, taken.__contains__) == "Protests, Jun 2024 (2)"
    assert distinct_topic_name("Protests", ClaimDate("2024", "year"), taken.__contains__) == (
        "Protests, 2024"
    )
    long = "Protests " * 40
    named = distinct_topic_name(long, june, lambda name: name == long)
    assert named.endswith(", Jun 2024") and len(named) <= MAX_NAME - 4


def test_a_topic_asked_for_by_some_of_its_words_is_named(cli):
    cli("add", "Police said 5,000 marched.", "--source", "police", "--date", "2025-10-04",
        "--topic", "Lora harbour workers strike")  # fmt: skip
    message = cli.error("conflicts", "--topic", "Lora strike", code=3)
    assert message == (
        "Error: no topic named 'Lora strike'; did you mean 'Lora harbour workers strike'?"
    )
