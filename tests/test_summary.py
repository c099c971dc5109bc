"""`summary`: per topic and quantity, each source's latest figure, the spread and
the conflicts open and confirmed."""

import pytest


@pytest.fixture
def story(seeded):
    seeded("add", "The U.S. now says about 8,000 North Korean troops are in Russia",
           "--source", "US", "--date", "2024-10-31")  # fmt: skip
    seeded("add", "Seoul's spy agency said about 12,000 North Korean troops would be sent",
           "--source", "NIS", "--date", "2024-10-24")  # fmt: skip
    seeded("add", "Kyiv says 40 North Korean soldiers were killed in Kursk", "--source", "Kyiv",
           "--date", "2024-11-20", "--unit", "deaths", "--topic", "North Korean troops in Russia")  # fmt: skip
    seeded("review", "1", "2", "--confirm")
    return seeded


def test_summary_json(story):
    (topic,) = story.json("summary")
    assert (topic["topic"], topic["claims"], topic["sources"]) == (
        "North Korean troops in Russia", 6, 5,
    )  # fmt: skip
    assert (topic["first"], topic["last"]) == ("2024-10-23", "2024-11-20")
    deaths, troops, qualitative = topic["quantities"]
    assert (
        troops["quantity"] == "troops:deployed(north-korean)"
    )  # "soldiers" and "troops" are one quantity
    # Each source's latest figure, lowest first: the U.S.'s 3,000 gave way to 8,000.
    assert [(c["source"], c["claim"], c["figure_words"]) for c in troops["latest"]] == [
        ("U.S.", 4, "about 8,000 troops"),
        ("Volodymyr Zelensky", 2, "up to 10,000 soldiers"),
        ("NIS", 5, "about 12,000 troops"),
    ]
    assert troops["spread"]["low"]["claim"] == 4 and troops["spread"]["high"]["claim"] == 5
    assert troops["spread"]["ratio"] == 1.5
    assert troops["conflicts"] == {"confirmed": {"discrepancy": 1}, "open": {"contradiction": 2}}
    assert (
        deaths["quantity"] == "people:dead(north-korean)@kursk"
    )  # a place narrower than the topic's
    assert [c["claim"] for c in deaths["latest"]] == [6]
    # Russia's denial measures nothing: it answers the whole topic, once.
    assert (qualitative["quantity"], qualitative["conflicts"]) == (None, {"open": {"denial": 1}})


def test_summary_fits_a_screen(story, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    lines = story("summary").stdout.splitlines()
    assert lines[:3] == [
        "North Korean troops in Russia",
        "  6 claims from 5 sources, 23 Oct 2024 to 20 Nov 2024",
        "  North Korean people dead in Kursk",
    ]
    text = "\n".join(line.rstrip() for line in lines)
    assert "    Conflicts: 2 open (2 contradictions); 1 confirmed (discrepancy)" in text
    assert "  Without a figure: 1 open (denial)" in text
    assert "    Spread: lowest about 8,000 troops (U.S., 2024-10-31); highest about 12,000" in text
    latest = [line.split()[-1] for line in lines if line.rstrip().endswith(("#4", "#2", "#5"))]
    assert latest == ["#4", "#2", "#5"]
    assert len(lines) <= 24 and max(map(len, lines)) <= 80


def test_summary_of_one_topic_and_of_nothing(story):
    story("add", "Kyiv says 1,000 drones were launched", "--source", "Ukraine Air Force",
          "--date", "2024-11-01", "--topic", "Drone attacks")  # fmt: skip
    assert [t["topic"] for t in story.json("summary")] == [
        "Drone attacks", "North Korean troops in Russia",
    ]  # fmt: skip
    (drones,) = story.json("summary", "Drone attacks")
    assert (
        drones["quantities"][0]["conflicts"] == {} and drones["quantities"][0]["spread"] is not None
    )
    assert "No claims to summarise." in story("--db", "other.db", "summary").stdout


def test_summary_errors(story):
    assert "no topic named" in story.error("summary", "No such topic", code=3)
