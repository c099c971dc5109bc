"""Several clients at once, as separate processes: nothing lost, nothing doubled.
On both engines; on PostgreSQL these are the desk's people on one server."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.usefixtures("engine")


def together(*commands: list[str]) -> list[subprocess.CompletedProcess]:
    """Start every command at once, then wait for all of them."""
    env = {**os.environ, "CLAIMTRACK_BUSY_TIMEOUT": "60"}
    started = [
        (command, subprocess.Popen([sys.executable, "-m", "claimtrack", *command], env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        for command in commands
    ]  # fmt: skip
    done = []
    for command, process in started:
        out, err = process.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return done


def ok(results: list[subprocess.CompletedProcess]) -> None:
    failed = [(r.args, r.returncode, r.stderr) for r in results if r.returncode]
    assert not failed, failed


def test_clients_creating_the_same_source_and_topic_make_one_of_each(cli):
    cli("list")  # the schema exists: what is tested is the rows
    ok(together(*(
        ["--user", f"desk{i}", "add", f"Rescuers say {100 + i} people were saved",
         "--source", "Coast Guard", "--topic", "Harbour rescue", "--date", "2024-05-01"]
        for i in range(6)
    )))  # fmt: skip
    claims = cli.json("list")
    assert len(claims) == 6
    assert {c["source"] for c in claims} == {"Coast Guard"}
    assert {c["topic"] for c in claims} == {"Harbour rescue"}
    assert [s["name"] for s in cli.json("sources")] == ["Coast Guard"]
    assert [t["name"] for t in cli.json("topics")] == ["Harbour rescue"]


def test_edits_of_one_claim_at_once_each_see_the_one_before(cli):
    cli("add", "Rescuers say 100 people were saved", "--source", "Coast Guard")
    ok(together(*(["--user", f"desk{i}", "edit", "1", "--note", f"note {i}"] for i in range(6))))
    record = cli.json("history", "1")
    notes = [v["claim"]["note"] for v in record["versions"]] + [record["current"]["note"]]
    # Each edit replaced the version before it: a lost update would repeat one.
    assert notes[0] is None and sorted(notes[1:]) == [f"note {i}" for i in range(6)]
    editors = [v["recorded_by"] for v in record["versions"]]
    assert sorted(editors) == [f"desk{i}" for i in range(6)]


def test_reviews_of_one_pair_at_once_each_replace_the_one_before(cli):
    cli("add", "The ministry says 3,000 troops were sent", "--source", "Ministry",
        "--date", "2024-10-23", "--topic", "Deployment")  # fmt: skip
    cli("add", "Rebels say up to 10,000 soldiers were sent", "--source", "Rebels",
        "--date", "2024-10-24", "--topic", "Deployment")  # fmt: skip
    ok(together(*(
        ["--user", f"desk{i}", "review", "1", "2", "--confirm", "--force", "--note", f"seen by {i}"]
        for i in range(5)
    )))  # fmt: skip
    (conflict,) = cli.json("conflicts", "--all")
    # The stored conflict carries the decision recorded last, whichever that was.
    assert conflict["status"] == "confirmed"
    assert conflict["note"] == f"seen by {conflict['reviewer'][-1]}"
    for _ in range(5):  # every decision was kept: each undo uncovers the one before
        cli("review", "--undo")
    assert "no decision to undo" in cli.error("review", "--undo")
    assert [c["status"] for c in cli.json("conflicts", "--all")] == ["open"]


def test_writers_of_one_quantity_at_once_keep_the_stored_conflicts_exact(cli):
    cli("list")
    ok(together(*(
        ["--user", f"desk{i}", "add", f"Agency {i} says {(i + 1) * 1000} homes were flooded",
         "--source", f"Agency {i}", "--date", "2024-06-01", "--topic", "Floods"]
        for i in range(6)
    )))  # fmt: skip
    listed = cli.json("conflicts")
    assert listed and {c["topic"] for c in listed} == {"Floods"}
    # What the writers left equals what the claims give when computed afresh.
    assert "conflicts: up to date" in " ".join(cli("check").stdout.split())
    cli("check", "--repair")
    assert cli.json("conflicts") == listed


def test_writers_and_a_reader_at_once_lose_nothing(cli):
    cli("list")
    commands = [
        ["--user", f"w{w}", "add", f"Officials say {w * 100 + n} homes flooded",
         "--source", f"Agency {w}", "--date", "2024-06-01"]
        for w in range(4) for n in range(5)
    ] + [["list", "--json"]] * 4  # fmt: skip
    results = together(*commands)
    ok(results)
    assert len(cli.json("list")) == 20
    assert len({c["text"] for c in cli.json("list")}) == 20
