"""Narrow terminals: the timeline and the extract preview in two lines a claim, history as
changes, whole URLs."""

import os
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.usefixtures("engine")

LONG_URL = "https://example.org/news/2024/10/31/" + "a-long-slug-" * 12 + "end?utm_source=x&b=1"


@pytest.fixture
def story(seeded):
    seeded("edit", "1", "--url", LONG_URL)
    seeded("edit", "1", "--text", "The Pentagon says about 8,000 North Korean troops are in Kursk",
           "--date", "2024-10-31")  # fmt: skip
    seeded("rate", "1", "disputed", "--explanation", "One briefing only")
    return seeded


def test_timeline_below_120_columns_puts_the_text_beneath(story, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    lines = story("timeline").stdout.splitlines()
    assert lines[0] == "North Korean troops in Russia"
    assert lines[1].startswith("all added by ")  # once: one person added every claim
    assert lines[2].split() == ["24", "Oct", "2024", "Russia", "—"]
    assert lines[3].startswith("  #3 denies: Russia denies any plans for North Korean troops")
    assert len(lines[3].rstrip()) > 60  # the text has the terminal's width, not a column
    assert sum("added by" in line for line in lines) == 1
    zelensky = lines.index("25 Oct 2024  Volodymyr Zelensky  up to 10,000 soldiers")
    assert lines[zelensky + 1].startswith("  #2 alleges: Ukrainian President Volodymyr Zelensky")
    assert max(len(line) for line in lines) <= 80


def test_timeline_keeps_the_table_on_wide_terminals(story, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    lines = story("timeline").stdout.splitlines()
    assert lines[2].startswith("24 Oct 2024  Russia")
    assert "#3 denies: Russia denies" in lines[2]  # date, source, figure and text in a row


def test_extract_preview_below_120_columns_puts_the_sentence_beneath(cli, tmp_path, monkeypatch):
    article = tmp_path / "article.txt"
    article.write_text(
        "Harbour police in Tarn said on Monday that 14 boats had sunk in the storm, while the "
        "coast guard said on Tuesday that 19 boats had sunk along the northern shore.\n"
    )
    monkeypatch.setenv("COLUMNS", "80")
    lines = cli("extract", str(article), "--published", "2024-05-08").stdout.splitlines()
    assert (
        " ".join(lines[:2]).split()
        == (
            "Harbour police in Tarn asserts 14 boats (ships); 2024-05-06; confidence 0.85 (kept)"
        ).split()
    )  # what it counts, as conflicts compare it: boats are ships
    assert lines[2].startswith("    “Harbour police in Tarn said on Monday that 14 boats")
    assert len(lines[2].rstrip()) > 60  # the sentence has the terminal's width
    assert max(len(line) for line in lines) <= 80
    monkeypatch.setenv("COLUMNS", "140")
    wide = cli("extract", str(article), "--published", "2024-05-08").stdout.splitlines()
    assert wide[1].split("┃")[1].strip() == "claimant"  # one table, a row a proposal


def test_history_shows_what_changed(story):
    out = story("history", "1").stdout
    lines = [line.rstrip() for line in out.splitlines()]
    assert lines[0].startswith("#1, version 1: added ")
    assert "  source       U.S." in lines
    assert [line.split(":")[0] for line in lines if line.startswith("version")] == [
        "version 2",
        "version 3",
        "version 4",
    ]
    second = lines.index(next(line for line in lines if line.startswith("version 2: changed")))
    third = lines.index(next(line for line in lines if line.startswith("version 3: changed")))
    labels = [line.split()[0] for line in lines[second + 1 : third] if line.startswith("  url")]
    assert labels == ["url"] and "(none)" in lines[second + 1]
    assert not any(line.startswith(("  text", "  source")) for line in lines[second:third])
    changes = "\n".join(lines[third:])
    assert "date         2024-10-23 (day) → 2024-10-31 (day)" in changes
    assert "figure       3,000 → about 8,000" in changes
    assert "stance       confirms → asserts" in changes
    assert "source" not in changes  # unchanged fields are not repeated
    assert "verdict      unverified → disputed" in out
    assert "explanation  (none) → One briefing only" in out
    story("rm", "1")
    out = story("history", "1").stdout
    assert "version 5: removed " in out
    assert out.rstrip().endswith("Removed now; `claimtrack restore` brings it back.")


def test_show_never_cuts_a_url(story, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    out = story("show", "1").stdout
    assert f"\nurl          {LONG_URL}\n" in out  # on one line, whole, though 60 is too few
    assert "Pentagon says about 8,000" in story("edit", "1", "--note", "n").stdout


def test_timeline_names_the_outlet(story, monkeypatch):
    for width in ("80", "150"):
        monkeypatch.setenv("COLUMNS", width)
        out = story("timeline").stdout
        assert "are in Kursk example.org" in " ".join(out.split())
        assert "\x1b" not in out  # piped: plain text


@pytest.mark.skipif(shutil.which("script") is None, reason="util-linux `script` is not installed")
@pytest.mark.parametrize("command", ["show 1", "timeline"])
def test_urls_are_hyperlinks_on_a_terminal(story, db_path, command):
    # Under a pseudo-terminal rich writes the URL as an OSC 8 hyperlink.
    env = {**os.environ, "COLUMNS": "60", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    result = subprocess.run(
        ["script", "-qec", f"{shutil.which('claimtrack')} {command}", "/dev/null"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    assert "\x1b]8;id=" in result.stdout and f";{LONG_URL}\x1b\\" in result.stdout


def test_a_url_that_could_escape_is_never_a_link():
    from claimtrack.render import link_style

    assert link_style("https://example.org/a\x1b]8;;\x07b") is None
    assert link_style("javascript:alert(1)") is None
    assert link_style("https://example.org/a").link == "https://example.org/a"
