"""Who did what: every claim, change, verdict and review records its person,
shown by show, history, the timeline and the exports; `list --by` filters."""

from __future__ import annotations

import re

import pytest
from conftest import SEED_US, SEED_ZELENSKY

pytestmark = pytest.mark.usefixtures("engine")


@pytest.fixture
def desk(cli):
    cli("--user", "Maria Lopez", "add", SEED_US, "--source", "U.S.", "--date", "2024-10-23")
    cli("--user", "Joe", "add", SEED_ZELENSKY, "--source", "Volodymyr Zelensky",
        "--date", "2024-10-25")  # fmt: skip
    cli("--user", "Joe", "edit", "1", "--tag", "us-briefing")
    cli("--user", "Ana", "rate", "2", "disputed", "--explanation", "An upper bound")
    cli("--user", "Ana", "review", "1", "2", "--confirm")
    return cli


def test_each_record_names_its_person(desk):
    show = desk("show", "2").stdout
    assert re.search(r"^added by +Joe +$", show, re.M), show
    assert re.search(r"^verdict by +Ana +$", show, re.M), show
    history = desk("history", "1").stdout.splitlines()
    assert history[0].endswith(" UTC by Maria Lopez")
    assert any(
        line.startswith("version 2: changed ") and line.endswith(" by Joe") for line in history
    )
    claims = {c["id"]: c for c in desk.json("list")}
    assert (claims[1]["added_by"], claims[2]["added_by"], claims[2]["verdict_by"]) == (
        "Maria Lopez", "Joe", "Ana",
    )  # fmt: skip
    timeline = desk("timeline").stdout
    assert "verdict: disputed by Ana" in timeline and "added by Maria Lopez" in timeline
    markdown = desk("export", "markdown").stdout
    assert "| disputed (Ana) |" in markdown and "| Joe |" in markdown
    assert "confirmed by Ana on " in markdown


def test_list_by_a_person(desk):
    assert [c["id"] for c in desk.json("list", "--by", "Joe")] == [2]
    assert desk("list", "--by", "Nobody").stdout == "No claims match these filters.\n"


def test_without_a_name_the_login_or_the_role_is_recorded(cli, engine, monkeypatch, request):
    monkeypatch.delenv("CLAIMTRACK_USER")
    monkeypatch.setenv("LOGNAME", "lee")
    monkeypatch.setenv("USER", "lee")
    cli("add", SEED_US, "--source", "U.S.", "--date", "2024-10-23")
    expected = "lee" if engine == "sqlite" else request.getfixturevalue("pg_cluster").user
    assert cli.json("show", "1")["added_by"] == expected


def test_a_blank_name_is_refused(cli):
    assert "the user name is empty" in cli.error("--user", " ", "add", SEED_US, "--source", "US")
    assert cli.json("list") == []
