"""Verdicts, the timeline and every export format, through the CLI."""

import csv
import io
import json

import pytest
from markdown_it import MarkdownIt

HOSTILE = (
    "Pipes | and `code` <script>alert(1)</script> [click](javascript:alert(1)) "
    "*bold* _it_ \\ back\nsecond line"
)


@pytest.fixture
def story(seeded):
    seeded("add", "The U.S. now says about 8,000 North Korean troops are in Russia",
           "--source", "US", "--date", "2024-10-31", "--url", "https://example.org/us?a=1&b=(2)")  # fmt: skip
    seeded("add", "Seoul's spy agency said about 12,000 North Korean troops would be sent",
           "--source", "NIS", "--date", "2024-10-24")  # fmt: skip
    return seeded


def test_rate_shows_everywhere(story, monkeypatch):
    out = story("rate", "2", "disputed", "--explanation", "No other source goes that high").stdout
    assert out.strip() == "Claim #2 is now rated disputed."
    claim = story.json("show", "2")
    assert (claim["verdict"], claim["verdict_explanation"]) == (
        "disputed",
        "No other source goes that high",
    )
    assert "disputed" in story("show", "2").stdout
    assert "disputed" in story("list").stdout
    monkeypatch.setenv("COLUMNS", "80")
    assert "(disputed)" in story("list").stdout
    assert "verdict: disputed" in story("timeline").stdout
    assert story.json("history", "2")["versions"][0]["claim"]["verdict"] == "unverified"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [(["rate", "2", "maybe"], 1, "unknown verdict"), (["rate", "99", "false"], 3, "no claim")],
)
def test_rate_errors(story, args, code, message):
    assert message in story.error(*args, code=code)


def test_timeline_markers_and_spread(story):
    out = story("timeline").stdout
    assert out.startswith("North Korean troops in Russia\n")
    assert "↻ revises #1: 3,000 troops → about 8,000 troops" in out
    assert "⚠ contradiction with #5" in out
    assert "⚠ contradiction with #1, #2" in out
    assert "⚠ denial with #1, #2, #4, #5" in out
    assert "Spread: lowest about 8,000 troops (U.S., 2024-10-31)" in out
    assert "\x1b" not in out  # piped: plain text


def test_timeline_month_precision_and_filters(story):
    story("add", "Kyiv said in October that 10,000 North Korean soldiers had arrived",
          "--source", "Kyiv", "--date", "October 2024")  # fmt: skip
    out = story("timeline", "North Korean troops in Russia", "--source", "Kyiv").stdout
    assert "Oct 2024" in out and "U.S." not in out
    only = story("timeline", "--conflicts-only", "--since", "2024-10-24").stdout
    # Claims before the bound are left out; a conflict with one still names it.
    assert "#3 denies" in only and "#1 confirms" not in only and "with #1" in only


def test_timeline_narrow_terminal_keeps_figures_whole(story, monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    out = story("timeline").stdout
    assert max(len(line) for line in out.splitlines()) <= 50
    assert "up to 10,000 soldiers" in out and "about 8,000 troops" in out


def _table_cells(markdown: str) -> list[list[str]]:
    """The text of every body cell, as a GFM renderer shows it."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    rows, row, inside = [], None, False
    for token in tokens:
        if token.type == "tbody_open":
            inside = True
        elif token.type == "tbody_close":
            inside = False
        elif inside and token.type == "tr_open":
            row = []
        elif inside and token.type == "tr_close":
            rows.append(row)
        elif inside and token.type == "inline":
            text = "".join(
                "\n" if child.type == "html_inline" and child.content == "<br>" else child.content
                for child in token.children
                if child.type in ("text", "html_inline", "softbreak", "code_inline")
            )
            kinds = {child.type for child in token.children}
            row.append((text, kinds))
    return rows


def test_markdown_export_renders_hostile_text_as_text(cli):
    cli("add", HOSTILE, "--source", "# Not a heading", "--date", "2024-10-20",
        "--figure", "3,000", "--url", "https://example.org/a_(b)")  # fmt: skip
    cli("add", "> quoted 12,000 troops", "--source", "[x](javascript:y)", "--date", "2024-10-21",
        "--topic", HOSTILE[:20])  # fmt: skip
    markdown = cli("export", "markdown").stdout
    rows = _table_cells(markdown)
    by_text = {row[3][0]: row for row in rows}
    assert HOSTILE in by_text
    row = by_text[HOSTILE]
    assert row[2][0] == "# Not a heading"
    assert row[3][1] <= {"text", "html_inline"}  # no code, no link, no emphasis
    assert "> quoted 12,000 troops" in by_text
    assert by_text["> quoted 12,000 troops"][2][0] == "[x](javascript:y)"
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html and "<code>" not in html and "<em>" not in html
    assert 'href="https://example.org/a_%28b%29"' in html


def test_markdown_export_sections(story):
    story("review", "1", "5", "--confirm", "--note", "both on record", "--by", "desk")
    markdown = story("export", "markdown").stdout
    assert markdown.startswith(
        "# North Korean troops in Russia, 23 Oct 2024 to 31 Oct 2024\n\n"
        "## North Korean troops in Russia\n\n| # | Date | Source | Claim |"
    )
    assert "| 1 | 23 Oct 2024 | U.S. | The U.S. confirms 3,000 North Korean troops" in markdown
    assert "### Revisions\n\n- #4 revises #1: 3,000 troops → about 8,000 troops (U.S., 31 Oct" in (
        markdown
    )
    assert "- **Contradiction**, #1 and #5, confirmed by desk on " in markdown
    assert "(“both on record”): U.S. said 3,000 troops" in markdown
    assert "- **Denial**, #3 against #1, #2, #4 and #5, open: Russia denies" in markdown
    assert "[example.org](<https://example.org/us?a=1&b=%282%29>)" in markdown


def test_exports_are_deterministic_and_stamped_only_on_request(story):
    for fmt in ("markdown", "json", "jsonl", "csv", "claimreview", "timelinejs"):
        first = story("export", fmt).stdout
        assert first and story("export", fmt).stdout == first
    assert "generated_at" in story("export", "json", "--stamp").stdout
    assert "Generated" in story("export", "markdown", "--stamp").stdout


def test_json_and_jsonl_use_the_claim_contract(story):
    document = json.loads(story("export", "json").stdout)
    assert set(document) == {
        "format",
        "version",
        "claims",
        "conflicts",
        "reviews",
        "sources",
        "topics",
    }
    assert document["claims"] == sorted(story.json("list"), key=lambda c: (c["date"], c["id"]))
    assert [(c["kind"], c["claims"]) for c in document["conflicts"]] == [
        ("contradiction", [1, 5]),
        ("contradiction", [2, 5]),
        ("discrepancy", [1, 2]),
        ("denial", [3, 1, 2, 4, 5]),
    ]
    lines = story("export", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == document["claims"]


def test_csv_export_guards_formulas(cli, tmp_path):
    for text in ('=HYPERLINK("http://x")', "+1 troops", "-2 troops", "@SUM(A1)", "'quoted"):
        cli("add", "--source", "S", "--date", "2024-10-20", "--topic", "T", "--", text)
    out = cli("export", "csv").stdout
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0][:3] == ["id", "text", "source"]
    texts = sorted(row[1] for row in rows[1:])
    assert texts == sorted(
        ['\'=HYPERLINK("http://x")', "'+1 troops", "'-2 troops", "'@SUM(A1)", "''quoted"]
    )
    cli("export", "csv", "-o", str(tmp_path / "out.csv"))
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.count(b"\r\n") == 6 and raw.endswith(b"\r\n")  # RFC 4180 line ends


def test_claimreview(story):
    story("rate", "2", "misleading", "--explanation", "An upper bound, not a count")
    graph = json.loads(story("export", "claimreview").stdout)["@graph"]
    claims = [n for n in graph if n["@type"] == "Claim"]
    reviews = [n for n in graph if n["@type"] == "ClaimReview"]
    assert len(claims) == 5 and len(reviews) == 1
    zelensky = next(c for c in claims if c["@id"] == "#claim-2")
    assert zelensky["author"] == {"@type": "Person", "name": "Volodymyr Zelensky"}
    assert zelensky["datePublished"] == "2024-10-25"
    us = next(c for c in claims if c["@id"] == "#claim-4")
    assert us["appearance"] == {"@type": "CreativeWork", "url": "https://example.org/us?a=1&b=(2)"}
    (review,) = reviews
    assert review["itemReviewed"] == {"@id": "#claim-2"}
    assert review["reviewRating"]["alternateName"] == "misleading"
    assert review["reviewRating"]["ratingExplanation"] == "An upper bound, not a count"
    assert review["claimReviewed"] == zelensky["text"]


def test_timelinejs(story):
    story("add", "Kyiv said 10,000 soldiers arrived", "--source", "Kyiv", "--date", "October 2024")
    document = json.loads(story("export", "timelinejs").stdout)
    events = {e["unique_id"]: e for e in document["events"]}
    assert events["claim-1"]["start_date"] == {"year": "2024", "month": "10", "day": "23"}
    assert events["claim-6"]["start_date"] == {"year": "2024", "month": "10"}
    assert events["claim-1"]["group"] == "North Korean troops in Russia"
    assert events["claim-1"]["text"]["headline"] == "U.S.: 3,000 troops"


def test_export_to_file_and_filters(story, tmp_path):
    target = tmp_path / "out.md"
    assert story("export", "markdown", "-o", str(target), "--since", "2024-10-30").stdout == ""
    text = target.read_text()
    assert "about 8,000" in text and "3,000 troops" not in text
    later = story("export", "markdown", "--since", "2030-01-01").stdout  # a bound may lie ahead
    assert later == "# Claims timeline\n\nNo claims.\n"  # a title with no topic to name


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "pdf"], "unknown format"),
        (["export", "markdown", "--since", "tomorrowish"], "cannot read the date"),
        (["export", "json", "--topic", "none such"], "no topic named"),
    ],
)
def test_export_errors(story, args, message):
    code = 3 if "topic" in message else 1
    assert message in story.error(*args, code=code)


def test_export_to_a_directory_fails(story, tmp_path):
    assert "is a directory" in story.error("export", "csv", "-o", str(tmp_path))
