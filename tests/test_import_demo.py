"""Import (idempotent, all or nothing, round trip) and the bundled demo."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_US, store_dump

pytestmark = pytest.mark.usefixtures("engine")

PLAIN_CSV = """text,source,date,topic,figure,unit,stance,tags,note
"The U.S. confirms 3,000 North Korean troops are in Russia",U.S.,2024-10-23,NK troops,,,,dprk;us,
"Zelensky alleges up to 10,000 soldiers, a figure Kyiv repeats",Volodymyr Zelensky,23 Oct 2024,NK troops,,,,,
"Seoul: the NIS puts it at twelve thousand",NIS,2024-10-18,NK troops,about 12000,troops,estimates,,from a briefing
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_plain_csv_import_is_idempotent(cli, tmp_path):
    path = write(tmp_path, "claims.csv", PLAIN_CSV)
    out = cli("import", path).stdout
    assert out.strip() == f"Imported {path}: 3 added, 0 already present, 0 skipped."
    claims = {c["source"]: c for c in cli.json("list")}
    assert claims["U.S."]["figure"]["low"] == 3000 and claims["U.S."]["tags"] == ["dprk", "us"]
    assert claims["U.S."]["stance"] == "confirms"
    assert claims["Volodymyr Zelensky"]["figure"]["qualifier"] == "at_most"
    nis = claims["NIS"]
    assert (nis["figure"]["qualifier"], nis["unit"], nis["stance"], nis["note"]) == (
        "approx", "troops", "estimates", "from a briefing",
    )  # fmt: skip
    again = cli("import", path).stdout
    assert again.strip() == f"Imported {path}: 0 added, 3 already present, 0 skipped."
    assert len(cli.json("list")) == 3


def test_identity_uses_normalised_source(cli, tmp_path):
    cli("add", "The U.S. confirms 3,000 North Korean troops are in Russia", "--source", "US",
        "--date", "2024-10-23")  # fmt: skip
    path = write(tmp_path, "claims.csv", PLAIN_CSV)
    assert "2 added, 1 already present" in cli("import", path).stdout


def test_dry_run_writes_nothing(cli, db_path, tmp_path):
    cli("list")
    before = store_dump()
    path = write(tmp_path, "claims.csv", PLAIN_CSV)
    out = cli("import", path, "--dry-run").stdout
    assert "would add 3, 0 already present, 0 skipped; nothing written" in out
    assert store_dump() == before


BAD_ROW = (
    PLAIN_CSV
    + "\n".join(
        [
            "ok row one 100 troops,A,2024-10-01,,,,,,",
            "ok row two 200 troops,B,2024-10-02,,,,,,",
            "ok row three,C,2024-10-03,,,,,,",
            "bad date row,D,not a date,,,,,,",
        ]  # fmt: skip
    )
    + "\n"
)


def test_all_or_nothing(cli, db_path, tmp_path):
    cli("list")
    before = store_dump()
    path = write(tmp_path, "bad.csv", BAD_ROW)
    line = cli.error("import", path)
    assert f"{path} line 8, field 'date': cannot read the date 'not a date'" in line
    assert line.endswith("nothing imported")
    assert store_dump() == before


def test_skip_errors(cli, tmp_path):
    path = write(tmp_path, "bad.csv", BAD_ROW)
    result = cli("import", path, "--skip-errors")
    assert "6 added, 0 already present, 1 skipped" in result.stdout
    assert "Skipped:" in result.stderr and "line 8" in result.stderr


def test_round_trip(cli, tmp_path, monkeypatch):
    cli("add", SEED_US, "--source", "U.S.", "--date", "2024-10-23", "--tag", "a", "--note", "n",
        "--url", "https://example.org/x", "--as-of", "2024-10-20")  # fmt: skip
    cli("add", "Zelensky alleges North Korea is mobilizing up to 10,000 soldiers", "--source",
        "Zelensky", "--date", "2024-10")  # fmt: skip
    cli("add", "NIS: about 12,000 North Korean troops", "--source", "NIS", "--date", "2024-10-21")
    cli("add", "Russia denies North Korean troops will fight", "--source", "Russia", "--date",
        "2024-10-24", "--stance", "denies")  # fmt: skip
    cli("rate", "2", "disputed", "-e", "upper bound")
    cli("review", "1", "3", "--dismiss", "--note", "different counts")
    cli("sources", "alias", "United States", "U.S.")
    cli("topics", "set", "North Korean troops in Russia", "--cumulative")
    exported = cli("export", "json").stdout
    path = write(tmp_path, "export.json", exported)
    monkeypatch.setenv("CLAIMTRACK_DB", str(tmp_path / "fresh.db"))
    assert "4 added" in cli("import", path).stdout
    again = cli("export", "json").stdout
    assert json.loads(again) == json.loads(exported)
    assert again == exported


def test_round_trip_into_a_database_with_claims_renumbers(cli, tmp_path, monkeypatch):
    cli("add", "US says 3,000 troops", "--source", "US", "--date", "2024-10-23", "--topic", "T")
    cli("add", "NIS says 12,000 troops", "--source", "NIS", "--date", "2024-10-22", "--topic", "T")
    cli("review", "1", "2", "--confirm", "--note", "real")
    path = write(tmp_path, "export.json", cli("export", "json").stdout)
    monkeypatch.setenv("CLAIMTRACK_DB", str(tmp_path / "other.db"))
    cli("add", "Something else entirely, 5 drones", "--source", "X", "--date", "2024-01-01")
    cli("import", path)
    (conflict,) = cli.json("conflicts")
    assert (conflict["claims"], conflict["status"], conflict["note"]) == (
        [2, 3],
        "confirmed",
        "real",
    )


def test_csv_and_jsonl_round_trip(cli, tmp_path, monkeypatch, new_store):
    hostile = '=cmd|"/c calc"!A1 and, "quotes"\nnew line; 3,000 troops'
    cli("add", "--source", "-Src", "--date", "2024-10-23", "--tag", "x", "--", hostile)
    cli("add", "'apostrophe first, up to 10,000 soldiers", "--source", "B", "--date", "2024-10-24")
    original = cli.json("list")
    for fmt in ("csv", "jsonl"):
        path = write(tmp_path, f"out.{fmt}", cli("export", fmt).stdout)
        first = os.environ["CLAIMTRACK_DB"]
        monkeypatch.setenv("CLAIMTRACK_DB", new_store(fmt))
        cli("import", path)
        assert cli.json("list") == original
        monkeypatch.setenv("CLAIMTRACK_DB", first)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.csv", "text,source\nx,y\n", "line 1: missing column(s) date"),
        ("bad.json", '{"claims": [', "line 1: invalid JSON"),
        ("bad.jsonl", '{"text": "a"}\n{oops\n', "line 2: invalid JSON"),
        ("empty.csv", "", "the file is empty"),
        ("binary.csv", b"\x89PNG\x00\x00", "NUL byte"),
        (
            "latin1.csv",
            "text,source,date\ncaf\xe9,x,2024\n".encode("latin-1"),
            "line 2: not valid UTF-8",
        ),
        ("notes.txt", "hello", "cannot tell the format"),
        ("wrong.json", '{"rows": []}', 'expected a list of claims or an object with "claims"'),
        (
            "future.jsonl",
            '{"text": "a 1 b", "source": "s", "date": "2999-01-01"}\n',
            "line 1, field 'date'",
        ),
        ("badfig.csv", "text,source,date,figure\nx,y,2024,lots\n", "line 2, field 'figure'"),
        ("badurl.csv", "text,source,date,url\nx,y,2024,ftp://a\n", "line 2, field 'url'"),
    ],
)
def test_bad_files_change_nothing(cli, db_path, tmp_path, name, content, message):
    cli("list")
    before = store_dump()
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    assert message in cli.error("import", str(path))
    assert store_dump() == before


def test_missing_file_and_directory(cli, tmp_path):
    assert "no such file" in cli.error("import", str(tmp_path / "nope.csv"))
    assert "is a directory" in cli.error("import", str(tmp_path), "--format", "csv")


def test_demo_end_to_end(cli, tmp_path):
    target = tmp_path / "demo.db"
    out = cli("demo", "--db", str(target)).stdout
    assert f"Loaded the sample data set into {target}: 21 claims added" in out
    assert "Timeline" in out and "Open conflicts" in out and "Try next" in out
    found = cli.json("--db", str(target), "conflicts")
    assert {c["kind"] for c in found} == {"contradiction", "discrepancy", "denial"}
    # The death toll only grows: the police's own rising counts are no conflict,
    # nor are the buildings' (one source's revisions).
    assert all(c["quantity_kind"] == "cumulative" for c in found if c["kind"] != "denial")
    assert not [c for c in found if c["quantity"] == "buildings"]
    assert "↻ revises" in cli("--db", str(target), "timeline").stdout
    (claim,) = cli.json("--db", str(target), "list", "--search", "Jamalvatan")
    assert (claim["figure"]["low"], claim["figure"]["qualifier"]) == (120, "at_least")
    assert "0 claims added, 21 already there" in cli("demo", "--db", str(target)).stdout
    report = tmp_path / "demo.html"
    assert out.rstrip().endswith(f"python3 -m webbrowser {report.as_uri()}")
    assert report.read_text() == cli("--db", str(target), "export", "html").stdout


def test_the_sample_data_is_sourced(cli, tmp_path):
    # Every claim names where it was published, the outlet, the day and a short quote.
    target = str(tmp_path / "demo.db")
    cli("demo", "--db", target)
    claims = cli.json("--db", target, "list")
    assert len(claims) == 21 and len({c["source"] for c in claims}) >= 6
    for claim in claims:
        assert claim["url"].startswith(("http://", "https://")), claim
        outlet_and_day, quote = claim["note"].split(": “")
        assert re.fullmatch(r".+, \d{1,2} [A-Z][a-z]{2} 20\d\d", outlet_and_day), claim["note"]
        assert quote.endswith("”") and len(quote.split()) <= 11, claim["note"]
    readme = (Path(__file__).parent.parent / "data" / "README.md").read_text()
    assert all(claim["url"] in readme for claim in claims)
    revised = cli("--db", target, "timeline", "Grenfell Tower death toll").stdout
    assert "↻ revises #10: 80 deaths → about 80 deaths" in revised
    assert [t["name"] for t in cli.json("--db", target, "topics") if t["cumulative"]] == [
        "Cladding fire tests after Grenfell"
    ]


def test_demo_defaults_to_a_temporary_database(cli, db_path):
    out = cli("demo").stdout
    assert "claimtrack-demo-" in out
    assert not db_path.exists()


@pytest.mark.skipif(shutil.which("claimtrack") is None, reason="claimtrack is not installed")
def test_demo_runs_from_the_installed_program(tmp_path):
    # Outside the checkout, the data set must come from the installed package.
    env = {**os.environ, "CLAIMTRACK_DB": str(tmp_path / "unused.db")}
    result = subprocess.run(
        [shutil.which("claimtrack"), "demo", "--db", str(tmp_path / "d.db")],
        cwd=tmp_path, capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "21 claims added" in result.stdout
    code = "import claimtrack.data_files as d; print(d.demo_data_path())"
    where = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True
    )
    assert where.returncode == 0, where.stderr


WIRE_ROWS = [
    ("The ministry says 3,000 troops were deployed in Kursk on Tuesday", "Ministry", "2024-10-23"),
    ("The utility says 40,000 homes lost power in Lagos overnight", "Utility", "2024-10-23"),
    ("Officials say 8,000 troops were deployed in Kursk by Friday", "Officials", "2024-10-25"),
    ("Lagos residents say 55,000 homes lost power overnight", "Residents", "2024-10-24"),
    ("The army denies that troops were deployed in Kursk", "Army", "2024-10-26"),
]


def test_a_plain_import_files_its_claims_as_adding_them_would(cli, tmp_path, new_store):
    """Without a topic column an import files each row among the topics its earlier
    rows made, as `add` of the same rows in turn would."""
    lines = ["text,source,date"] + [f'"{text}",{source},{day}' for text, source, day in WIRE_ROWS]
    path = write(tmp_path, "wire.csv", "\n".join(lines) + "\n")
    cli("import", path)
    added = new_store("added")
    for text, source, day in WIRE_ROWS:
        cli("--db", added, "add", text, "--source", source, "--date", day)

    def filed(*db):
        return sorted((c["id"], c["topic"]) for c in cli.json(*db, "list"))

    imported = filed()
    assert imported == filed("--db", added)
    assert len({topic for _, topic in imported}) == 2
    assert cli.json("conflicts") == cli.json("--db", added, "conflicts")


def test_an_imported_listing_whose_only_unseen_character_is_del_is_escaped(cli, tmp_path):
    # a discrepancy's listing is ASCII but for its topic's DEL
    rows = [
        '"The U.S. confirms 3,000 troops are in Russia",US,2024-10-23,T\x7fU,,',
        '"Kyiv says up to 10,000 soldiers are in Russia",Kyiv,2024-10-24,T\x7fU,,',
    ]
    path = write(tmp_path, "del.csv", "text,source,date,topic,figure,unit\n" + "\n".join(rows))
    cli("import", path)
    out = cli("conflicts", "--json").stdout
    assert "\x7f" not in out and "T\\u007fU" in out
    assert "conflicts:       up to date" in cli("check").stdout


def test_a_sentence_of_two_figures_keeps_both_through_a_round_trip(cli, tmp_path, monkeypatch):
    text = "The Lora council said 14 people had been killed and 30 wounded on Friday."
    for figure, unit in (("14", "killed"), ("30", "wounded")):
        cli("add", text, "--source", "Lora council", "--date", "2024-05-03", "--figure", figure,
            "--unit", unit)  # fmt: skip
    paths = [
        write(tmp_path, f"export.{kind}", cli("export", kind).stdout) for kind in ("json", "csv")
    ]
    for number, path in enumerate(paths):
        monkeypatch.setenv("CLAIMTRACK_DB", str(tmp_path / f"fresh-{number}.db"))
        assert "2 added, 0 already present" in cli("import", path).stdout
        assert "0 added, 2 already present" in cli("import", path).stdout
