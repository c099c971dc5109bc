"""conflicts and review through the real CLI: stored conflicts, grouped denials,
reviews that stick."""

import json

import pytest
from conftest import store_dump, store_sql

pytestmark = pytest.mark.usefixtures("engine")

NIS = "South Korea's spy agency said about 12,000 North Korean troops would be sent"
KYIV = "Kyiv said 11,000 North Korean troops had reached the front"


@pytest.fixture
def story(seeded):
    seeded("add", NIS, "--source", "NIS", "--date", "2024-10-22")
    return seeded


@pytest.fixture
def wider(story):
    story("add", KYIV, "--source", "Kyiv", "--date", "2024-10-23")
    return story


def pairs(found):
    return [(c["kind"], c["claims"]) for c in found]


def test_seed_article_flags_the_figure_pair_and_one_denial_of_both_claims(seeded):
    found = seeded.json("conflicts")
    assert pairs(found) == [("discrepancy", [1, 2]), ("denial", [3, 1, 2])]
    assert found[0]["reason"].startswith(
        "Discrepancy: Volodymyr Zelensky said up to 10,000 soldiers (2024-10-25); "
        "U.S. said 3,000 troops (2024-10-23)"
    )
    assert (found[0]["ratio"], found[0]["quantity"], found[0]["quantity_kind"]) == (
        3.3333, "troops:deployed(north-korean)", "level",
    )  # fmt: skip
    assert found[1]["reason"].startswith(
        "Denial: Russia denies (2024-10-24): “Russia denies any plans for North Korean troops"
    )
    assert "against 2 claims of 2 other sources: U.S. confirms (2024-10-23); " in found[1]["reason"]
    assert set(found[0]) == {
        "topic", "kind", "claims", "quantity", "quantity_kind", "reason", "ratio", "status",
        "note", "reviewer", "reviewed_at",
    }  # fmt: skip


def test_other_settings_compute_afresh(seeded):
    # Two days apart is the same moment by default; --window 1 makes it another.
    assert pairs(seeded.json("conflicts", "--window", "1")) == [("denial", [3, 1, 2])]
    assert pairs(seeded.json("conflicts", "--window", "1", "--factor", "3")) == [
        ("denial", [3, 1, 2])
    ]
    assert pairs(seeded.json("conflicts", "--window", "5", "--factor", "4")) == [
        ("denial", [3, 1, 2])
    ]


def test_terminal_view_groups_by_topic_with_spread(story):
    out = story("conflicts").stdout
    assert out.startswith("North Korean troops in Russia\n")
    assert "Spread: lowest 3,000 troops (U.S., 2024-10-23); highest about 12,000" in out
    assert "#1 × #4 contradiction" in out
    assert "#3 × #1, #2, #4 denial" in out


def test_filters(story):
    assert {c["kind"] for c in story.json("conflicts", "--kind", "denial")} == {"denial"}
    assert [c["claims"] for c in story.json("conflicts", "--source", "nis")] == [
        [1, 4],
        [3, 1, 2, 4],
    ]
    assert story.json("conflicts", "--topic", "North Korean troops in Russia")
    assert story.json("conflicts", "--window", "3", "--factor", "4", "--kind", "discrepancy") == []
    text = story("conflicts", "--source", "NIS", "--kind", "contradiction").stdout
    assert "#1 × #4 contradiction" in text and "denial" not in text


def test_json_is_deterministic(story):
    first = story("conflicts", "--json").stdout
    assert story("conflicts", "--json").stdout == first


def test_sql_clients_see_the_stored_conflicts(story, engine):
    story("review", "1", "4", "--confirm", "--note", "checked", "--by", "desk")
    rows = store_sql(
        "SELECT c.topic, c.quantity, c.quantity_kind, c.kind, c.claims, c.ratio, c.status, "
        "r.reviewer, r.note FROM conflicts c LEFT JOIN reviews r ON r.id = c.review_id "
        "ORDER BY c.topic, c.severity, c.claim_a, c.claim_b"
    )
    assert rows == [
        ("North Korean troops in Russia", "troops:deployed(north-korean)", "level", "contradiction",
         "[1, 4]", 4.0, "confirmed", "desk", "checked"),
        ("North Korean troops in Russia", "troops:deployed(north-korean)", "level", "discrepancy",
         "[1, 2]", 3.3333, "open", None, None),
        ("North Korean troops in Russia", None, None, "denial", "[3, 1, 2, 4]", None, "open",
         None, None),
    ]  # fmt: skip
    each = {
        "sqlite": "json_each(c.claims) j JOIN claims m ON m.id = j.value",
        "postgresql": "jsonb_array_elements_text(c.claims::jsonb) j JOIN claims m "
        "ON m.id = j.value::bigint",
    }
    members = store_sql(
        f"SELECT m.id FROM conflicts c, {each[engine]} WHERE c.kind = 'denial' ORDER BY m.id"
    )
    assert members == [(1,), (2,), (3,), (4,)]


def test_dismiss_holds_through_notes_and_verdicts_until_the_figure_changes(story):
    out = story("review", "4", "1", "--dismiss", "--note", "different periods").stdout
    assert out.strip() == "Recorded: the contradiction between #1 and #4 is dismissed."
    assert [1, 4] not in [c["claims"] for c in story.json("conflicts")]
    everything = {tuple(c["claims"]): c for c in story.json("conflicts", "--all")}
    assert everything[(1, 4)]["status"] == "dismissed"
    assert everything[(1, 4)]["note"] == "different periods"
    story("edit", "4", "--note", "re-checked")
    story("rate", "1", "disputed")
    story("edit", "1", "--tag", "dprk")
    assert [1, 4] not in [c["claims"] for c in story.json("conflicts")]
    story("edit", "4", "--figure", "about 13,000")
    reopened = {tuple(c["claims"]): c for c in story.json("conflicts")}
    assert reopened[(1, 4)]["status"] == "open"


def test_changing_a_decision_needs_force_and_says_what_it_replaces(story):
    story("review", "1", "4", "--dismiss", "--by", "alice")
    line = story.error("review", "1", "4", "--confirm", "--by", "bob")
    assert "the contradiction between #1 and #4 is already dismissed by alice on" in line
    assert "--force" in line
    out = story("review", "1", "4", "--confirm", "--by", "bob", "--force").stdout
    assert out.startswith("Recorded: the contradiction between #1 and #4 is confirmed. ")
    assert "It replaces: dismissed by alice on " in out
    (found,) = [c for c in story.json("conflicts") if c["claims"] == [1, 4]]
    assert (found["status"], found["reviewer"]) == ("confirmed", "bob")
    again = story("review", "1", "4", "--confirm", "--by", "bob").stdout
    assert again.startswith("Already confirmed: the contradiction between #1 and #4")


def test_a_denial_is_reviewed_as_one(story):
    out = story("review", "3", "--dismiss", "--note", "a policy statement").stdout
    assert out.strip() == "Recorded: the denial #3 × #1, #2, #4 is dismissed."
    assert [c["kind"] for c in story.json("conflicts")] == ["contradiction", "discrepancy"]
    # A new claim that the denial answers opens the group again.
    story("add", KYIV, "--source", "Kyiv", "--date", "2024-10-23")
    denial = [c for c in story.json("conflicts") if c["kind"] == "denial"]
    assert pairs(denial) == [("denial", [3, 1, 2, 4, 5])] and denial[0]["status"] == "open"
    assert story("review", "2", "3", "--confirm").stdout.startswith(
        "Recorded: the denial #3 × #1, #2, #4, #5 is confirmed."
    )


def test_several_pairs_against_one_claim(wider):
    out = wider("review", "1", "4", "5", "2", "--dismiss").stdout.splitlines()
    assert out == [
        "Recorded: the contradiction between #1 and #4 is dismissed.",
        "Recorded: the contradiction between #1 and #5 is dismissed.",
        "Recorded: the discrepancy between #1 and #2 is dismissed.",
    ]
    assert [c["kind"] for c in wider.json("conflicts")] == ["denial"]


def test_several_pairs_are_all_or_nothing(wider):
    before = store_dump()
    line = wider.error("review", "1", "4", "2", "--dismiss", "--window", "1")
    assert "claims 1 and 2 do not conflict under these settings" in line
    line = wider.error("review", "2", "1", "4", "--dismiss")
    assert "claims 2 and 4 do not conflict under these settings" in line
    assert store_dump() == before


def test_every_open_conflict_of_a_topic(wider):
    wider("review", "1", "4", "--confirm")
    out = wider("review", "--topic", "North Korean troops in Russia", "--dismiss").stdout
    assert out.splitlines() == [
        "Recorded: the contradiction between #1 and #5 is dismissed.",
        "Recorded: the discrepancy between #1 and #2 is dismissed.",
        "Recorded: the denial #3 × #1, #2, #4, #5 is dismissed.",
    ]
    assert [c["claims"] for c in wider.json("conflicts")] == [[1, 4]]  # confirmed, still shown
    again = wider("review", "--topic", "North Korean troops in Russia", "--dismiss").stdout
    assert (
        again.strip()
        == "No open conflicts in topic 'North Korean troops in Russia'; nothing recorded."
    )


def test_undo_brings_back_the_decision_before(story):
    story("review", "1", "4", "--dismiss", "--by", "alice")
    story("review", "1", "4", "--confirm", "--by", "bob", "--force")
    out = story("review", "--undo").stdout
    assert out.startswith("Undid: confirmed by bob on ")
    assert out.rstrip().endswith(", on the contradiction between #1 and #4.")
    (found,) = [c for c in story.json("conflicts", "--all") if c["claims"] == [1, 4]]
    assert (found["status"], found["reviewer"]) == ("dismissed", "alice")
    story("review", "--undo")
    (found,) = [c for c in story.json("conflicts") if c["claims"] == [1, 4]]
    assert found["status"] == "open"
    assert "there is no decision to undo" in story.error("review", "--undo")


def test_who_decided(story, monkeypatch, engine, request):
    monkeypatch.setenv("CLAIMTRACK_USER", "night desk")
    story("review", "1", "4", "--confirm")
    monkeypatch.delenv("CLAIMTRACK_USER")
    story("review", "3", "--dismiss")
    import getpass

    # Without a name: the login name, or on a server the role it knows us as.
    anyone = getpass.getuser() if engine == "sqlite" else request.getfixturevalue("pg_cluster").user
    by = {tuple(c["claims"]): c["reviewer"] for c in story.json("conflicts", "--all")}
    assert by == {(1, 4): "night desk", (1, 2): None, (3, 1, 2, 4): anyone}
    assert "contradiction with #4 (confirmed by night desk on " in story("show", "1").stdout
    assert "⚠ contradiction (confirmed by night desk on " in story("timeline").stdout


def test_show_lists_conflicts_and_decisions_that_no_longer_apply(story):
    out = story("show", "4").stdout
    assert "contradiction with #1 (open)" in out
    assert "denial with #3 (open)" in out
    story("review", "1", "4", "--dismiss", "--by", "alice")
    story("edit", "4", "--figure", "about 12,500")
    out = story("show", "4").stdout
    assert "contradiction with #1 (open)" in out
    assert "decision" in out and "dismissed by alice on" in out
    assert "no longer applies (a claim's figure, quantity, date, source or stance" in out


def test_a_decision_under_other_settings_stays_visible(seeded):
    seeded("add", "Kyiv said 4,000 North Korean troops were in Russia", "--source", "Kyiv",
           "--date", "2024-10-28")  # fmt: skip
    seeded("review", "1", "4", "--dismiss", "--window", "5", "--by", "alice")
    assert "made under --window 5" in seeded("show", "1").stdout
    found = seeded.json("conflicts", "--window", "5", "--all", "--kind", "contradiction")
    assert [(c["claims"], c["status"]) for c in found] == [([1, 4], "dismissed")]


def test_kinds_decide_what_is_compared(cli):
    cli("add", "Officials said about 600 people were killed in Kursk", "--source", "Ukraine",
        "--date", "2024-04-10", "--topic", "Kursk deaths")  # fmt: skip
    cli("add", "Moscow said 350 people were killed in Kursk", "--source", "Russia",
        "--date", "2024-09-10", "--topic", "Kursk deaths")  # fmt: skip
    # A death toll only grows: the later, lower figure conflicts at any distance.
    found = cli.json("conflicts")
    assert [(c["kind"], c["claims"], c["quantity"]) for c in found] == [
        ("contradiction", [1, 2], "people:dead")
    ]
    assert "a running total cannot fall" in found[0]["reason"]
    out = cli("topics", "set", "Kursk deaths", "--kind", "level", "--quantity", "deaths").stdout
    assert out.strip() == (
        "Topic 'Kursk deaths': people dead (people:dead) is now level: "
        "moves both ways; compared only about the same moment."
    )
    assert cli.json("conflicts") == []
    assert cli.json("topics")[0]["quantities"] == {"people:dead": "level"}
    cli("topics", "set", "Kursk deaths", "--kind", "auto", "--quantity", "people:dead")
    assert len(cli.json("conflicts")) == 1
    cli("topics", "set", "Kursk deaths", "--kind", "event")
    assert cli.json("conflicts") == [] and cli.json("topics")[0]["kinds"] == {"*": "event"}
    cli("topics", "set", "Kursk deaths", "--cumulative")  # the old flag still works
    assert cli.json("topics")[0]["cumulative"] is True and len(cli.json("conflicts")) == 1
    cli("topics", "set", "Kursk deaths", "--no-cumulative")
    assert cli.json("topics")[0]["kinds"] == {}


def test_aliases_make_one_source(cli):
    cli("add", "The US says 3,000 troops are in Russia", "--source", "US", "--date", "2024-10-23",
        "--topic", "T")  # fmt: skip
    cli("add", "Washington says 12,000 troops are in Russia", "--source", "Washington",
        "--date", "2024-10-24", "--topic", "T")  # fmt: skip
    assert len(cli.json("conflicts")) == 1
    cli("sources", "alias", "Washington", "US")
    assert cli.json("conflicts") == []


@pytest.mark.parametrize(
    "write",
    [
        ["add", "Seoul said 9,000 North Korean troops arrived", "--source", "Seoul",
         "--date", "2024-10-23"],
        ["edit", "1", "--figure", "about 11,000"],
        ["edit", "4", "--date", "2024-10-10"],
        ["edit", "2", "--stance", "denies"],
        ["edit", "3", "--stance", "asserts"],
        ["edit", "4", "--quantity", "troops in Kursk"],
        ["edit", "4", "--topic", "Elsewhere"],
        ["rm", "4"],
        ["rm", "3"],
        ["rate", "1", "false"],
        ["review", "1", "4", "--dismiss"],
        ["sources", "alias", "Seoul spy agency", "NIS"],
        ["sources", "alias", "NIS", "U.S."],
        ["topics", "set", "North Korean troops in Russia", "--kind", "cumulative"],
        ["topics", "rename", "North Korean troops in Russia", "DPRK troops"],
    ],
    ids=lambda args: " ".join(args[:3]),
)  # fmt: skip
def test_every_write_keeps_the_stored_conflicts_up_to_date(story, write):
    story(*write)
    report = story("check").stdout
    assert "conflicts:       up to date" in report, report


def test_restore_and_merge_keep_them_up_to_date(story):
    story("rm", "4")
    story("restore", "4")
    story("add", "Kyiv said 15,000 North Korean troops were in Russia", "--source", "Kyiv",
          "--date", "2024-10-23", "--topic", "Kyiv's count")  # fmt: skip
    story("topics", "merge", "Kyiv's count", "North Korean troops in Russia")
    assert "conflicts:       up to date" in story("check").stdout
    assert [1, 5] in [c["claims"] for c in story.json("conflicts")]


def test_check_finds_and_repairs_stored_conflicts_out_of_step(story):
    store_sql("UPDATE conflicts SET reason = 'tampered' WHERE kind = 'contradiction'")
    store_sql("DELETE FROM conflicts WHERE kind = 'denial'")
    result = story("check", code=4)
    assert "conflicts:       PROBLEM: 2 stored conflict(s) out of step" in result.stdout
    assert result.stderr.strip() == "Error: the database has 1 problem(s); see above"
    assert "Rebuilt the stored conflicts: 3." in story("check", "--repair").stdout
    assert "conflicts:       up to date (3 stored)" in story("check").stdout


def test_stored_listings_keep_hostile_text_inert(cli):
    hostile = "Russia \u202edenies\u202c the \x1b[Kreports\x1b[m \x9b and \x7f"
    cli("add", "The U.S. confirms 3,000 troops are in Russia", "--source", "US", "--date",
        "2024-10-23", "--topic", "T")  # fmt: skip
    cli("add", hostile, "--source", "Russia", "--date", "2024-10-24", "--topic", "T",
        "--stance", "denies")  # fmt: skip
    out = cli("conflicts", "--json").stdout
    for raw in ("\u202e", "\u202c", "\x1b", "\x9b", "\x7f"):
        assert raw not in out
    assert "\\u202e" in out and "\\u001b" in out and "\\u009b" in out
    (found,) = json.loads(out)
    assert hostile[:20] in found["reason"]
    assert "conflicts:       up to date" in cli("check").stdout


WAR = """Norland's defence ministry said on Tuesday that 310 Norlandian soldiers had died since the fighting began.

The ministry denied reports of heavy Norlandian casualties.

Velden's army said on Tuesday that more than 4,000 Norlandian troops had been killed, and that 120 Norlandian tanks had been destroyed.
"""
GAMES = """The total cost of hosting the Velden Games was 900 billion yen, the audit board said on Wednesday.

In June the organising committee had put the total cost at 700 billion yen.

Of that total, the committee said, 300 billion yen of the costs was met by the committee itself, 250 billion yen by the city government and 150 billion yen by the Veldish government.

The audit board found that the central government's total spending came to 280 billion yen, with 90 billion yen for security, 20 billion yen for the stadium and 8 billion yen for health checks.
"""


def test_articles_saved_whole_flag_the_counts_that_meet(cli, tmp_path):
    for name, text, published, topic in [
        ("war.txt", WAR, "2024-05-08", "Norland war losses"),
        ("games.txt", GAMES, "2024-12-18", "Velden Games cost"),
    ]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        cli("extract", str(tmp_path / name), "--published", published, "--save", "--topic", topic)
    found = [(c["kind"], c["claims"], c["quantity"]) for c in cli.json("conflicts")]
    assert found == [
        ("contradiction", [1, 3], "troops:dead(norlandian)"),
        # the ministry's denial of heavy casualties answers the army's count, not its tanks
        ("denial", [2, 3], None),
        # the audit's total against the committee's of six months before; the national
        # government's share, however each names it; the shares that do not say whose, never
        ("contradiction", [5, 6], "jpy:cost"),
        ("contradiction", [9, 10], "jpy:cost(national-government)"),
    ]


STRIKES = """Varnok, 4 May 2024 -- The Norlandian army said on Friday that no civilians were killed in the overnight strikes on Varnok. The Varnok Civic Council, a local monitoring group, said 14 civilians had been killed.
"""


def test_a_count_of_none_conflicts_with_a_count_of_some(cli, tmp_path):
    path = tmp_path / "strikes.txt"
    path.write_text(STRIKES, encoding="utf-8")
    cli("extract", str(path), "--published", "2024-05-04", "--save", "--topic", "Varnok strikes")
    (conflict,) = cli.json("conflicts")  # the JSON reads: no ratio of none to some
    assert (conflict["kind"], conflict["claims"], conflict["ratio"]) == (
        "contradiction",
        [1, 2],
        None,
    )
    assert conflict["reason"].endswith("one counts none, the other some")
    assert "0 civilians" in cli("conflicts").stdout
    cli("add", "The Varnok clinic recorded zero civilian deaths on Friday.", "--source",
        "Varnok clinic", "--date", "2024-05-03", "--topic", "Varnok strikes", "--figure", "0",
        "--quantity", "civilians:dead")  # fmt: skip
    (clinic,) = [c for c in cli.json("list") if c["source"] == "Varnok clinic"]
    assert clinic["figure"] == {"low": 0, "high": 0, "qualifier": "exact", "text": "0"}


ORGANISERS = "Organisers said the square held 30,000 people on Saturday."
POLICE = "Police said 9,000 people attended the march on Saturday."


@pytest.mark.parametrize("order", [(ORGANISERS, POLICE), (POLICE, ORGANISERS)])
def test_a_story_reads_the_same_whichever_claim_came_first(cli, order):
    # a bare "people" settles to the story's one reading of people, whether that
    # reading was stored before it or after
    for text in order:
        source = "organisers" if text == ORGANISERS else "police"
        cli("add", text, "--source", source, "--date", "2024-05-04", "--topic", "Lora march")
    assert {c["quantity"] for c in cli.json("list")} == {"people:attending"}
    (conflict,) = cli.json("conflicts")
    assert (conflict["kind"], conflict["quantity"]) == ("contradiction", "people:attending")


def test_an_import_settles_the_loose_quantities_stored_before_it(cli, tmp_path):
    cli(
        "add", ORGANISERS, "--source", "organisers", "--date", "2024-05-04", "--topic", "Lora march"
    )
    assert cli.json("list")[0]["quantity"] == "people"
    path = tmp_path / "police.csv"
    path.write_text(f'text,source,date,topic\n"{POLICE}",police,2024-05-04,Lora march\n', "utf-8")
    cli("import", str(path))
    assert {c["quantity"] for c in cli.json("list")} == {"people:attending"}
    assert [c["kind"] for c in cli.json("conflicts")] == ["contradiction"]


def test_a_quantity_set_by_hand_stays_when_its_story_settles(cli):
    cli("add", "Police said 5,000 marched.", "--source", "police", "--date", "2024-05-04",
        "--topic", "Lora march", "--quantity", "people")  # fmt: skip
    cli("add", POLICE, "--source", "police2", "--date", "2024-05-04", "--topic", "Lora march")
    assert sorted(c["quantity"] for c in cli.json("list")) == ["people", "people:attending"]
