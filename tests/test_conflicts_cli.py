"""conflicts and review through the real CLI."""

import pytest

pytestmark = pytest.mark.usefixtures("engine")

NIS = "South Korea's spy agency said about 12,000 North Korean troops would be sent"


@pytest.fixture
def story(seeded):
    seeded("add", NIS, "--source", "NIS", "--date", "2024-10-18")
    return seeded


def test_seed_article_flags_the_figure_pair_and_the_denial(seeded):
    found = seeded.json("conflicts")
    assert [(c["kind"], c["claims"]) for c in found] == [
        ("discrepancy", [1, 2]),
        ("denial", [1, 3]),
        ("denial", [2, 3]),
    ]
    assert found[0]["reason"].startswith(
        "Discrepancy: Volodymyr Zelensky said up to 10,000 soldiers (2024-10-25); "
        "U.S. said 3,000 troops (2024-10-23)"
    )
    assert found[0]["ratio"] == 3.3333
    assert set(found[0]) == {"topic", "kind", "claims", "reason", "ratio", "status", "note"}


def test_terminal_view_groups_by_topic_with_spread(story):
    out = story("conflicts").stdout
    assert out.startswith("North Korean troops in Russia\n")
    assert "Spread: lowest 3,000 troops (U.S., 2024-10-23); highest about 12,000" in out
    assert "#1 × #4 contradiction" in out


def test_filters(story):
    assert {c["kind"] for c in story.json("conflicts", "--kind", "denial")} == {"denial"}
    assert all(1 in c["claims"] for c in story.json("conflicts", "--source", "us"))
    assert story.json("conflicts", "--topic", "North Korean troops in Russia")
    assert story.json("conflicts", "--window", "1", "--kind", "contradiction") == []
    assert story.json("conflicts", "--tolerance", "80", "--kind", "contradiction") == []
    assert story.json("conflicts", "--factor", "4", "--kind", "discrepancy") == []


def test_json_is_deterministic(story):
    first = story("conflicts", "--json").stdout
    assert story("conflicts", "--json").stdout == first


def test_dismiss_hides_until_an_edit(story):
    out = story("review", "2", "1", "--dismiss", "--note", "different periods").stdout
    assert out.strip() == "Recorded: the discrepancy between #1 and #2 is dismissed."
    assert [1, 2] not in [c["claims"] for c in story.json("conflicts")]
    everything = {tuple(c["claims"]): c for c in story.json("conflicts", "--all")}
    assert everything[(1, 2)]["status"] == "dismissed"
    assert everything[(1, 2)]["note"] == "different periods"
    story("edit", "2", "--note", "re-checked")
    reopened = {tuple(c["claims"]): c for c in story.json("conflicts")}
    assert reopened[(1, 2)]["status"] == "open"


def test_confirm_stays_listed(story):
    story("review", "1", "4", "--confirm")
    found = {tuple(c["claims"]): c["status"] for c in story.json("conflicts")}
    assert found[(1, 4)] == "confirmed"
    assert "[confirmed]" in story("conflicts").stdout


def test_show_lists_the_claims_conflicts(story):
    out = story("show", "4").stdout
    assert "contradiction with #1 (open)" in out


def test_cumulative_topic_via_cli(cli):
    cli("add", "Officials said about 600 people were killed in Kursk", "--source", "Ukraine",
        "--date", "2024-04-10", "--topic", "Kursk deaths")  # fmt: skip
    cli("add", "Moscow said 350 people were killed in Kursk", "--source", "Russia",
        "--date", "2024-09-10", "--topic", "Kursk deaths")  # fmt: skip
    assert cli.json("conflicts") == []
    cli("topics", "set", "Kursk deaths", "--cumulative")
    assert cli.json("topics")[0]["cumulative"] is True
    found = cli.json("conflicts")
    assert [(c["kind"], c["claims"]) for c in found] == [("contradiction", [1, 2])]
    cli("topics", "set", "Kursk deaths", "--no-cumulative")
    assert cli.json("conflicts") == []


def test_aliases_make_one_source(cli):
    cli("add", "The US says 3,000 troops are in Russia", "--source", "US", "--date", "2024-10-23",
        "--topic", "T")  # fmt: skip
    cli("add", "Washington says 12,000 troops are in Russia", "--source", "Washington",
        "--date", "2024-10-24", "--topic", "T")  # fmt: skip
    assert len(cli.json("conflicts")) == 1
    cli("sources", "alias", "Washington", "US")
    assert cli.json("conflicts") == []
