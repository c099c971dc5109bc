"""`claimtrack extract` end to end: report dates, topics, what is saved and where
it appeared, and the interactive review. Articles written for these tests."""

import csv
import io
import json
import os

import pytest
from conftest import store_dump

pytestmark = pytest.mark.usefixtures("engine")

STORM = """Storm leaves 12,000 without power

PORT ELLIS, March 15 (Wire) - About 12,000 homes lost power across the coast, the regional utility said on Thursday.

Harbour master Tom Reyes said at least 40 boats had sunk. The port authority denied reports that it had ignored the forecast.
"""
# A second report of the same story, a day later, with other words.
FOLLOW_UP = """The regional utility said on Thursday that about 12,000 homes had lost power. Harbour master Tom Reyes said at least 40 boats had sunk in the storm.
"""
MONTHLY = """Harbour master Tom Reyes said in February that 25 piers needed repairs. The regional utility said on Thursday that 900 poles were down.
"""
NOTHING = "The storm passed to the north overnight. Roads were reopened by noon.\n"


@pytest.fixture
def article(tmp_path):
    def write(text, name="article.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def by_source(claims):
    return {c["source"]: c for c in claims}


def test_the_date_is_the_sentences_else_the_reports_and_says_so(cli, article):
    out = cli("extract", article(STORM), "--published", "2024-03-15", "--save").stdout
    assert "Saved 3 new claims; 0 already stored." in out
    claims = by_source(cli.json("list"))
    utility, harbour = claims["regional utility"], claims["Tom Reyes"]
    assert (utility["date"], utility["date_basis"]) == ("2024-03-14", "statement")  # Thursday
    assert (harbour["date"], harbour["date_basis"]) == ("2024-03-15", "report")
    shown = cli("show", str(harbour["id"])).stdout
    assert "reported 15 Mar 2024 (2024-03-15, day): the date of the report" in shown
    assert "reported 15 Mar 2024" in cli("timeline").stdout
    assert "| reported 15 Mar 2024 | Tom Reyes |" in cli("export", "markdown").stdout
    assert "| 14 Mar 2024 | regional utility |" in cli("export", "markdown").stdout
    events = json.loads(cli("export", "timelinejs").stdout)["events"]
    shown_dates = {e["text"]["headline"].split(":")[0]: e.get("display_date") for e in events}
    assert shown_dates["Tom Reyes"] == "reported 15 Mar 2024"
    assert shown_dates["regional utility"] is None
    rows = list(csv.DictReader(io.StringIO(cli("export", "csv").stdout, newline="")))
    assert {r["source"]: r["date_basis"] for r in rows}["Tom Reyes"] == "report"


def test_a_month_of_publication_keeps_its_precision(cli, article):
    cli("extract", article(MONTHLY), "--published", "2024-03", "--save")
    claims = by_source(cli.json("list"))
    # "in February" is February whatever the day in March; "on Thursday" is not known.
    assert (claims["Tom Reyes"]["date"], claims["Tom Reyes"]["date_basis"]) == (
        "2024-02",
        "statement",
    )
    utility = claims["regional utility"]
    assert (utility["date"], utility["date_precision"], utility["date_basis"]) == (
        "2024-03",
        "month",
        "report",
    )
    assert utility["appearances"][0]["published"] == "2024-03"


def test_without_a_publication_date_saving_refuses_and_names_published(cli, article, db_path):
    path = article(STORM)
    line = cli.error("extract", path, "--save")
    assert "--published" in line
    assert not db_path.exists()  # nothing created, nothing stored
    cli("list")
    before = store_dump()
    assert "--published" in cli.error("extract", path, "--interactive", input="a\na\na\n")
    assert store_dump() == before
    # The preview says the date is unknown rather than inventing one.
    preview = cli("extract", path)
    assert "unknown" in preview.stdout
    assert "saving needs --published" in preview.stderr
    candidates = cli.json("extract", path)
    assert {(c["date"], c["date_basis"]) for c in candidates} == {(None, None)}


def test_the_address_of_the_page_gives_its_date_when_nothing_else_does(cli, article):
    path = article(STORM)
    cli("extract", path, "--url", "https://news.example/2024/03/port-ellis-storm", "--save")
    claims = cli.json("list")
    assert claims
    assert {(c["date"], c["date_precision"], c["date_basis"]) for c in claims} == {
        ("2024-03", "month", "report")
    }
    # an address with no date, or a date still to come, gives none: saving refuses
    for url in ("https://news.example/story/4512", "https://news.example/2999/01/story"):
        assert "--published" in cli.error("extract", path, "--url", url, "--save")


def test_the_preview_is_what_save_stores(cli, article):
    args = ["extract", article(STORM), "--published", "2024-03-15", "--url", "https://e.org/s"]
    preview = cli.json(*args, "--topic", "Port Ellis storm")
    cli(*args, "--topic", "Port Ellis storm", "--save")
    stored = cli.json("list")
    # Who saved it is known only when it is saved.
    volatile = ("id", "created_at", "updated_at", "sentence", "confidence", "save", "added_by")

    def comparable(claim):
        kept = {k: v for k, v in claim.items() if k not in volatile}
        kept["appearances"] = [{**a, "read_at": None} for a in kept["appearances"]]
        return kept

    expected = sorted((comparable(c) for c in preview if c["save"]), key=lambda c: c["source"])
    assert sorted(map(comparable, stored), key=lambda c: c["source"]) == expected
    assert all(a["read_at"] for c in stored for a in c["appearances"])


def test_the_preview_table_shows_the_stored_date_and_what_is_kept(cli, article):
    out = cli("extract", article(STORM), "--published", "2024-03-15").stdout
    assert "2024-03-14" in out and "reported 2024-03-15" in out
    assert "save" in out and "yes" in out


@pytest.mark.parametrize("columns", ["80", "150"])
def test_the_preview_says_what_each_figure_counts(cli, article, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    out = cli("extract", article(STORM), "--published", "2024-03-15").stdout
    assert "ships" in out  # the quantity conflicts compare ("boats" are ships), not the noun
    # as saving settles it: the story's own place is no scope of it
    text = "Floods kill dozens in Varnholt\n\nOfficials said 40 people died in Varnholt.\n"
    path = article(text, "floods.txt")
    out = cli("extract", path, "--published", "2024-10-02").stdout
    cli("extract", path, "--published", "2024-10-02", "--save")
    assert [c["quantity"] for c in cli.json("list")] == ["people:dead"]
    assert "people dead" in out and "Varnholt)" not in out and "in Varnholt  " not in out


def test_an_article_read_again_after_its_claims_were_corrected_adds_nothing(cli, article):
    args = ["extract", article(STORM), "--published", "2024-03-15", "--url", "https://e.org/s"]
    cli(*args, "--save")
    first = cli.json("list")
    reyes = next(c for c in first if c["source"] == "Tom Reyes")
    cli("edit", str(reyes["id"]), "--source", "Port Ellis harbour office", "--date", "2024-03-13")
    again = cli(*args, "--save").stdout
    assert "(new)" not in again
    assert len(cli.json("list")) == len(first)
    # another page with the same sentence is another reading: it joins or adds as before
    cli("extract", article(STORM, "copy.txt"), "--published", "2024-03-15", "--url",
        "https://e.org/copy", "--save")  # fmt: skip
    assert len(cli.json("list")) == len(first) + 1  # the corrected claim's reading


def test_interactive_says_what_each_figure_counts(cli, article):
    assert "counting ships" in run_interactive(cli, article(STORM), "s\ns\nq\n")


@pytest.mark.parametrize("flags", [[], ["--save"], ["--published", "2024-03-15", "--save"]])
def test_no_claims_found(cli, article, db_path, flags):
    result = cli("extract", article(NOTHING), *flags)
    assert result.stdout.strip() == "no claims found"
    assert not db_path.exists()


def test_no_claims_found_as_json(cli, article):
    result = cli("extract", article(NOTHING), "--json")
    assert json.loads(result.stdout) == []
    assert "no claims found" in result.stderr


def test_topic_files_every_saved_claim(cli, article):
    cli("add", "Harbour fees rose by 300 euros", "--source", "Port board", "--topic", "Fees")
    out = cli(
        "extract", article(STORM), "--published", "2024-03-15", "--topic", "Port Ellis storm",
        "--save",
    ).stdout  # fmt: skip
    assert {c["topic"] for c in cli.json("list", "--topic", "Port Ellis storm")} == {
        "Port Ellis storm"
    }
    assert len(cli.json("list", "--topic", "Port Ellis storm")) == 3
    assert out.count("topic Port Ellis storm") == 3
    assert "the topic is empty" in cli.error("extract", article(STORM), "--topic", " ")


def test_save_lists_each_claim_and_what_was_stored_before(cli, article):
    path = article(STORM)
    args = ["extract", path, "--published", "2024-03-15", "--url", "https://e.org/storm"]
    first = cli(*args, "--save").stdout.splitlines()
    assert first[0] == "Saved 3 new claims from https://e.org/storm; 0 already stored."
    for claim in cli.json("list"):
        figure = claim["figure"]["text"].lower() if claim["figure"] else None
        words = {"about 12,000": "about 12,000 homes", "at least 40": "at least 40 boats"}
        line = (
            f"  #{claim['id']} (new) {claim['source']}: {words.get(figure, 'no figure')}; "
            f"topic {claim['topic']}"
        )
        assert line in first
    again = cli(*args, "--save").stdout.splitlines()
    assert again[0] == "Saved 0 new claims from https://e.org/storm; 3 already stored."
    assert sum("(already stored)" in line for line in again) == 3
    assert len(cli.json("list")) == 3


def test_a_second_article_becomes_an_appearance_not_a_second_claim(cli, article, tmp_path):
    cli("extract", article(STORM, "a.txt"), "--published", "2024-03-15", "--url",
        "https://a.example/storm", "--save")  # fmt: skip
    out = cli("extract", article(FOLLOW_UP, "b.txt"), "--published", "2024-03-16", "--url",
              "https://b.example/storm", "--save").stdout  # fmt: skip
    # The utility's claim is dated by the text (Thursday) in both: the same claim. The
    # harbour master's is dated by each report, a day apart: two claims.
    assert "Saved 1 new claim from https://b.example/storm; 1 already stored." in out
    assert "(already stored; this article added to its appearances)" in out
    claims = cli.json("list")
    assert len(claims) == 4
    utility = by_source(claims)["regional utility"]
    assert utility["url"] == "https://a.example/storm"
    assert [(a["url"], a["published"]) for a in utility["appearances"]] == [
        ("https://a.example/storm", "2024-03-15"),
        ("https://b.example/storm", "2024-03-16"),
    ]
    assert utility["appearances"][1]["quote"].startswith("The regional utility said on Thursday")
    assert utility["text"].startswith("About 12,000 homes lost power")  # the first report's
    assert cli.json("history", str(utility["id"]))["versions"] == []
    shown = cli("show", str(utility["id"])).stdout
    assert "https://a.example/storm" in shown and "https://b.example/storm" in shown
    # A third reading of the second article adds nothing.
    again = cli("extract", str(tmp_path / "b.txt"), "--published", "2024-03-16", "--url",
                "https://b.example/storm", "--save").stdout  # fmt: skip
    assert "Saved 0 new claims" in again and "2 already stored" in again
    assert len(by_source(cli.json("list"))["regional utility"]["appearances"]) == 2


def test_one_quantity_in_other_words_is_the_same_claim_from_another_article(cli, article):
    cli("extract", article("Police said 12,000 people marched in Velm on Sunday.", "a.txt"),
        "--published", "2024-03-18", "--topic", "Velm march", "--url", "https://a.example/m",
        "--save")  # fmt: skip
    out = cli("extract", article("Police said 12,000 protesters marched in Velm on Sunday.",
              "b.txt"), "--published", "2024-03-18", "--topic", "Velm march", "--url",
              "https://b.example/m", "--save").stdout  # fmt: skip
    assert "Saved 0 new claims from https://b.example/m; 1 already stored." in out
    (claim,) = cli.json("list")
    assert [a["url"] for a in claim["appearances"]] == [
        "https://a.example/m",
        "https://b.example/m",
    ]
    # another quantity with the same figure stays a claim of its own
    cli("extract", article("Police said 12,000 people were evacuated in Velm on Sunday.", "c.txt"),
        "--published", "2024-03-18", "--topic", "Velm march", "--url", "https://c.example/m",
        "--save")  # fmt: skip
    assert len(cli.json("list")) == 2


def test_appearances_survive_exports_and_a_round_trip(
    cli, article, tmp_path, monkeypatch, new_store
):
    cli("extract", article(STORM, "a.txt"), "--published", "2024-03-15", "--url",
        "https://a.example/storm", "--save")  # fmt: skip
    cli("extract", article(FOLLOW_UP, "b.txt"), "--published", "2024-03-16", "--url",
        "https://b.example/storm", "--save")  # fmt: skip
    graph = json.loads(cli("export", "claimreview").stdout)["@graph"]
    utility = next(n for n in graph if n["author"]["name"] == "regional utility")
    assert utility["appearance"] == [
        {"@type": "CreativeWork", "url": "https://a.example/storm", "datePublished": "2024-03-15"},
        {"@type": "CreativeWork", "url": "https://b.example/storm", "datePublished": "2024-03-16"},
    ]
    lines = [json.loads(line) for line in cli("export", "jsonl").stdout.splitlines()]
    assert max(len(c["appearances"]) for c in lines) == 2
    markdown = cli("export", "markdown").stdout
    assert (
        "[a.example](<https://a.example/storm>) [b.example](<https://b.example/storm>)" in markdown
    )
    original = cli.json("list")
    for fmt in ("json", "jsonl", "csv"):
        exported = cli("export", fmt).stdout
        path = tmp_path / f"export.{fmt}"
        path.write_text(exported, encoding="utf-8")
        first = os.environ["CLAIMTRACK_DB"]
        monkeypatch.setenv("CLAIMTRACK_DB", new_store(fmt))
        cli("import", str(path))
        if fmt == "csv":  # CSV keeps no figure text of its own ("About" comes back lower-case)
            mine = ("id", "date", "date_basis", "url", "appearances")
            assert [{k: c[k] for k in mine} for c in cli.json("list")] == [
                {k: c[k] for k in mine} for c in original
            ]
        else:
            assert cli.json("list") == original, fmt
        if fmt == "json":
            assert cli("export", "json").stdout == exported  # byte for byte
        monkeypatch.setenv("CLAIMTRACK_DB", first)


@pytest.mark.parametrize(
    ("appearances", "message"),
    [
        ('{"url": "https://e.org/a"}', "expected a list of appearances"),
        ('"none"', "expected a JSON list of appearances"),
        ('[{"url": "https://e.org/a"}]', "appearance 1 is not an object with a quote"),
        ('[{"url": "ftp://e.org/a", "quote": "q"}]', "not an http or https address"),
        ('[{"quote": "q", "published": "15/03/2024"}]', "is not an ISO date"),
        ('[{"quote": "q", "read_at": "yesterday"}]', "not an ISO 8601 time stamp"),
        ('[{"quote": "q", "url": 5}]', "must be text"),
    ],
)
def test_bad_appearances_are_refused_by_import(cli, tmp_path, db_path, appearances, message):
    cli("list")
    before = store_dump()
    path = tmp_path / "bad.jsonl"
    record = {
        "text": "The board said 5 cranes failed",
        "source": "Port board",
        "date": "2024-03-01",
    }
    path.write_text(json.dumps(record)[:-1] + f', "appearances": {appearances}}}\n')
    line = cli.error("import", str(path))
    assert "line 1, field 'appearances'" in line and message in line
    assert store_dump() == before


def test_import_reads_the_date_basis(cli, tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text(
        "text,source,date,date_basis\n"
        "The board said 5 cranes failed,Port board,2024-03-01,report\n"
        "The union said 7 cranes failed,Dock union,2024-03-02,\n"
    )
    cli("import", str(path))
    assert {c["source"]: c["date_basis"] for c in cli.json("list")} == {
        "Port board": "report",
        "Dock union": "statement",
    }
    path.write_text("text,source,date,date_basis\nx 5 cranes,Port board,2024-03-01,guess\n")
    assert "field 'date_basis': unknown date basis 'guess'" in cli.error("import", str(path))


def test_editing_the_date_makes_it_the_statements(cli, article):
    cli("extract", article(STORM), "--published", "2024-03-15", "--save")
    harbour = by_source(cli.json("list"))["Tom Reyes"]
    assert harbour["date_basis"] == "report"
    edited = cli.json("edit", str(harbour["id"]), "--date", "2024-03-13")
    assert (edited["date"], edited["date_basis"]) == ("2024-03-13", "statement")


# --- interactive ---------------------------------------------------------------------------


def run_interactive(cli, path, answers, *flags):
    return cli("extract", path, "--published", "2024-03-15", "-i", *flags, input=answers).stdout


def test_interactive_keeps_what_was_accepted_when_input_ends(cli, article):
    out = run_interactive(cli, article(STORM), "a\n")  # then end of input
    assert "Input ended; keeping the 1 accepted." in out
    assert "Saved 1 new claim; 0 already stored." in out
    assert [c["source"] for c in cli.json("list")] == ["regional utility"]


def test_interactive_input_ending_inside_an_edit_keeps_the_accepted(cli, article):
    out = run_interactive(cli, article(STORM), "a\ne\nfigure\n")
    assert "Input ended; keeping the 1 accepted." in out
    assert [c["source"] for c in cli.json("list")] == ["regional utility"]


def test_interactive_asks_again_after_a_bad_answer(cli, article):
    # a mistyped field is refused at once, before any value is asked for
    answers = "maybe\na\ne\ncolour\ne\ndate\nsoonish\ne\ndate\n2024-03-12\na\ns\n"
    out = run_interactive(cli, article(STORM), answers)
    assert "Please answer a, e, s or q." in out
    assert out.count("Not changed:") == 2 and "unknown field 'colour'" in out
    assert out.count("new value:") == 2
    assert "Saved 2 new claims" in out
    harbour = by_source(cli.json("list"))["Tom Reyes"]
    assert (harbour["date"], harbour["date_basis"]) == ("2024-03-12", "statement")


def test_interactive_shows_the_date_it_would_store(cli, article):
    out = run_interactive(cli, article(STORM), "s\ns\nq\n")
    assert "2024-03-14;" in out and "reported 2024-03-15;" in out
    assert "Saved 0 new claims" in out


def test_interactive_text_edit_keeps_the_sentence_as_the_quote(cli, article):
    answers = "s\ne\ntext\nTom Reyes: at least 40 boats sank\na\nq\n"
    run_interactive(cli, article(STORM), answers, "--url", "https://e.org/s")
    (claim,) = cli.json("list")
    assert claim["text"] == "Tom Reyes: at least 40 boats sank"
    assert claim["appearances"][0]["quote"] == (
        "Harbour master Tom Reyes said at least 40 boats had sunk."
    )


def test_interactive_topic(cli, article):
    run_interactive(cli, article(STORM), "a\na\nq\n", "--topic", "Storm")
    assert {c["topic"] for c in cli.json("list")} == {"Storm"}


def test_interactive_interrupt_saves_nothing(cli, article, db_path, monkeypatch):
    answers = iter(["a", "a"])

    def typed(prompt=""):
        answer = next(answers, None)
        if answer is None:
            raise KeyboardInterrupt  # Ctrl-C at the third prompt
        return answer

    monkeypatch.setattr("builtins.input", typed)
    cli("extract", article(STORM), "--published", "2024-03-15", "-i", code=130)
    assert cli.json("list") == []


PAGE = """<!doctype html><html><head><title>Storm leaves 12,000 without power</title>
<link rel="canonical" href="https://news.example.org/storm">{meta}</head>
<body><article><h1>Storm leaves 12,000 without power</h1>
<p>About 12,000 homes lost power across the coast, the regional utility said on Thursday.</p>
<p>Harbour master Tom Reyes said at least 40 boats had sunk in the harbour overnight.</p>
</article></body></html>"""
DATED = '<meta property="article:published_time" content="2024-03-15T08:00:00Z">'


def test_a_page_gives_its_own_date_and_address(cli, article):
    out = cli("extract", article(PAGE.format(meta=DATED), "page.html"), "--save").stdout
    assert out.startswith("Saved 2 new claims from https://news.example.org/storm;")
    harbour = by_source(cli.json("list"))["Tom Reyes"]
    assert (harbour["date"], harbour["date_basis"]) == ("2024-03-15", "report")
    assert harbour["appearances"][0]["url"] == "https://news.example.org/storm"


def test_a_page_without_a_date_is_not_saved(cli, article, db_path):
    line = cli.error("extract", article(PAGE.format(meta=""), "page.html"), "--save")
    assert "--published" in line
    assert not db_path.exists()


MARCH = """Crowd estimates split after the Harbour Day march

HARBOURTON, May 4 (Wire) - Organisers said 60,000 people marched through Harbourton on Saturday.

The police put the figure at 15,000.

The mayor's office said the crowd had been about 20,000, and called the organisers' count "a fantasy"."""


def test_saved_claims_of_one_story_share_its_quantity_and_conflict(cli, article):
    cli("extract", article(MARCH), "--published", "2025-05-04", "--topic", "Harbour Day march",
        "--save")  # fmt: skip
    claims = cli.json("list")
    assert {c["quantity"] for c in claims if c["figure"]} == {"people:attending"}
    found = {(c["kind"], tuple(c["claims"])) for c in cli.json("conflicts")}
    by_source = {c["source"]: c["id"] for c in claims}
    organisers, police = by_source["Organisers"], by_source["police"]
    assert ("contradiction", tuple(sorted((organisers, police)))) in found


def test_a_figure_that_names_the_count_before_measures_what_it_does(cli, article):
    text = (
        "The clinic network says 12,400 people have been infected; the Lindholm Institute "
        "puts the number closer to 20,000.\n\n"
        "Some 250,000 people have fled their homes, the relief office said. Local officials "
        "gave a lower estimate of 180,000.\n\n"
        "Stewards gave a figure of 9,000, while the organisers said 40,000 people marched.\n\n"
        "The ferry line said 86 passengers were rescued. It added that 40 others were "
        "still missing.\n\n"
        "Inflation reached 9.8% in May, the bureau said; bank economists put it closer to 14%. "
        "Turnout was 63% by the board's count.\n"
    )
    claims = cli.json("extract", article(text), "--published", "2025-05-04")
    quantities = {c["source"]: c["quantity"] for c in claims}
    assert quantities["Lindholm Institute"] == quantities["clinic network"] == "people:infected"
    assert quantities["Local officials"] == quantities["relief office"] == "people:displaced"
    assert quantities["Stewards"] == quantities["organisers"] == "people:attending"
    # its own words say in which state the count is
    assert [c["quantity"] for c in claims if c["source"] == "ferry line"] == [
        "people:rescued",
        "people:missing",
    ]
    # a percentage the clause says is of something else is no share of the story's
    assert quantities["bureau"] == quantities["bank economists"] == "percent(inflation)"
    # the preview is what saving stores
    cli("extract", article(text), "--published", "2025-05-04", "--topic", "Week", "--save")
    stored = {(c["source"], c["figure"]["low"]): c["quantity"] for c in cli.json("list")}
    assert stored == {(c["source"], c["figure"]["low"]): c["quantity"] for c in claims}


def test_a_new_topic_is_said_so_and_a_near_name_is_offered(cli, article):
    path = article(STORM)
    first = cli("extract", path, "--published", "2024-03-15", "--topic", "Harbour storm",
                "--save")  # fmt: skip
    assert "New topic 'Harbour storm'." in first.stderr
    typo = cli("extract", article(FOLLOW_UP, "b.txt"), "--published", "2024-03-16",
               "--topic", "Harbour strom", "--save")  # fmt: skip
    assert (
        "New topic 'Harbour strom'; did you mean 'Harbour storm'? To join them: "
        "claimtrack topics merge 'Harbour strom' 'Harbour storm'"
    ) in typo.stderr
    again = cli("extract", path, "--published", "2024-03-15", "--topic", "Harbour storm",
                "--save")  # fmt: skip
    assert "New topic" not in again.stderr
    # a topic asked for that is not there names the nearest ones
    message = cli.error("timeline", "Harbour", code=3)
    assert message == (
        "Error: no topic named 'Harbour'; did you mean 'Harbour storm' or 'Harbour strom'?"
    )


# Two floods told in much the same words, and a second report of the first.
FLOOD_ONE = """Floods kill dozens in Varnholt

The regional government said 42 people had died in the Varnholt floods. Rescuers said about 300 homes were under water. A hospital spokesman said 15 patients had been moved.
"""
FLOOD_TWO = """Floods kill dozens in Ostrelk

The regional government said 18 people had died in the Ostrelk floods. Rescuers said about 120 homes were under water. A hospital spokesman said 6 patients had been moved.
"""
FLOOD_ONE_LATER = """Rescuers said on Friday that 47 people had died in the Varnholt floods and that about 300 homes were under water. The regional government said 15 patients had been moved.
"""


def test_save_files_an_article_under_one_topic_of_its_own_story(cli, article):
    for name, text, day in [("one", FLOOD_ONE, "2024-05-02"), ("two", FLOOD_TWO, "2024-05-02"),
                            ("later", FLOOD_ONE_LATER, "2024-05-03")]:  # fmt: skip
        cli("extract", article(text, f"{name}.txt"), "--published", day, "--save")
    claims = cli.json("list")
    assert len(claims) == 9
    story = {c["figure"]["low"]: c["topic"] for c in claims}
    # every claim of an article with its story's, each story in a topic of its own
    assert {story[v] for v in (42, 300, 15, 47)} == {"Floods in Varnholt"}
    assert {story[v] for v in (18, 120, 6)} == {"Floods in Ostrelk"}


def test_the_preview_names_the_topic_save_files_under(cli, article):
    cli("extract", article(FLOOD_ONE, "one.txt"), "--published", "2024-05-02", "--save")
    path = article(FLOOD_ONE_LATER, "later.txt")
    preview = cli.json("extract", path, "--published", "2024-05-03")
    cli("extract", path, "--published", "2024-05-03", "--save")
    saved = {c["topic"] for c in cli.json("list")}
    assert {row["topic"] for row in preview if row["save"]} == saved == {"Floods in Varnholt"}
