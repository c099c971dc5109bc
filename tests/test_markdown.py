"""Markdown for a newsroom document: prose reads as written, the title names the
story, the table has ids and outlet links, reviews say who decided, and every
cell reads back exactly when rendered as GFM."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from claimtrack.escape import inert, md_text

GFM = MarkdownIt("commonmark").enable(["table", "strikethrough"])


@pytest.fixture
def story(seeded, monkeypatch):
    monkeypatch.setenv("LOGNAME", "alice")
    monkeypatch.setenv("USER", "alice")
    seeded("add", "Gov. Smith (police, 2024-10-23) says about 8,000 North Korean troops are in Russia",
           "--source", "U.S.", "--date", "2024-10-31",
           "--url", "https://www.example.org/world/us-update")  # fmt: skip
    seeded("add", "Seoul's spy agency said about 12,000 North Korean troops would be sent",
           "--source", "NIS", "--date", "2024-10-18")  # fmt: skip
    seeded("review", "1", "2", "--confirm", "--note", "both on record")
    seeded("review", "3", "5", "--dismiss", "--note", "different things")
    return seeded


def test_prose_reads_as_written(story):
    markdown = story("export", "markdown").stdout
    assert "| 4 | 31 Oct 2024 | U.S. | Gov. Smith (police, 2024-10-23) says about 8,000" in markdown
    assert "\\." not in markdown and "\\(" not in markdown and "\\:" not in markdown


def test_title_ids_links_and_decisions(story):
    lines = story("export", "markdown").stdout.splitlines()
    assert lines[0] == "# North Korean troops in Russia, 18 Oct 2024 to 31 Oct 2024"
    assert lines[4] == "| # | Date | Source | Claim | Figure | Verdict | Reported by |"
    row = next(line for line in lines if line.startswith("| 4 |"))
    assert row.endswith("| [example.org](<https://www.example.org/world/us-update>) |")
    assert "- #4 revises #1: 3,000 troops → about 8,000 troops (U.S., 31 Oct 2024)" in lines
    discrepancy = next(line for line in lines if line.startswith("- **Discrepancy**"))
    assert (
        discrepancy.startswith("- **Discrepancy**, #1 and #2, confirmed by alice on ")
        and "(“both on record”): Volodymyr Zelensky said up to 10,000 soldiers" in discrepancy
    )
    assert not any("Discrepancy:" in line or "dismissed" in line for line in lines)
    assert not any(line.startswith("- **Denial**, #3 against") for line in lines)


def test_all_lists_dismissed_pairs(story):
    lines = story("export", "markdown", "--all").stdout.splitlines()
    (denial,) = [
        line for line in lines if line.startswith("- **Denial**, #3 against #1, #2, #4 and #5")
    ]
    assert ", dismissed by alice on " in denial and "(“different things”)" in denial


def test_title_for_several_topics_and_a_filter(story):
    story("add", "Kyiv says 1,000 drones were launched in October", "--source", "Ukraine Air Force",
          "--date", "October 2024", "--topic", "Drone attacks")  # fmt: skip
    first = story("export", "markdown").stdout.splitlines()[0]
    assert first == "# Drone attacks and North Korean troops in Russia, Oct 2024 to 31 Oct 2024"
    only = story("export", "markdown", "--topic", "Drone attacks").stdout.splitlines()[0]
    assert only == "# Drone attacks, Oct 2024"
    since = story("export", "markdown", "--since", "2024-10-24").stdout.splitlines()[0]
    assert since == "# North Korean troops in Russia, 24 Oct 2024 to 31 Oct 2024"
    for n in range(3):
        story("add", f"Topic {n} has {n + 2},000 people", "--source", "X", "--date", "2023-05-01",
              "--topic", f"Topic {n}")  # fmt: skip
    first = story("export", "markdown").stdout.splitlines()[0]
    assert first == "# Claims on 5 topics, 1 May 2023 to 31 Oct 2024"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Gov. Smith (police): 1,000 - 2,000 people; 50% + more", None),
        ("snake_case and 5 * 3 and ~ alone", None),
        ("AT&T said <3 and x > y", None),
        ("*bold* and __strong__", "\\*bold\\* and \\_\\_strong\\_\\_"),
        ("[click](javascript:alert(1))", "[click\\](javascript:alert(1))"),
        ("a | b `code` ~~gone~~", "a \\| b \\`code\\` \\~\\~gone\\~\\~"),
        ("<b>x</b> <https://x.org> &amp; &#35;", "\\<b>x\\</b> \\<https://x.org> \\&amp; \\&#35;"),
        ("ends in a backslash \\", "ends in a backslash \\\\"),
    ],
)
def test_escaping_only_where_it_would_render(text, written):
    assert md_text(text) == (text if written is None else written)
    assert _cell(md_text(text)) == (text, {"text"})


def test_headings_keep_a_trailing_hash():
    document = f"## {md_text('Topic #', heading=True)}\n"
    (inline,) = [t for t in GFM.parse(document) if t.type == "inline"]
    assert inline.content.endswith("\\#") and inline.children[0].content == "Topic #"


def _cell(markdown_cell: str) -> tuple[str, set[str]]:
    """A cell's text as a GFM renderer shows it, and the kinds of token it holds."""
    document = f"| a |\n| --- |\n| {markdown_cell} |\n"
    inline = [t for t in GFM.parse(document) if t.type == "inline"][-1]
    return _shown(inline.children)


def _shown(children) -> tuple[str, set[str]]:
    text = "".join(
        "\n" if child.type == "html_inline" and child.content == "<br>" else child.content
        for child in children
    )
    kinds = {
        "br" if child.type == "html_inline" and child.content == "<br>" else child.type
        for child in children
    }
    return text, kinds


TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1)
MARKUP = st.lists(
    st.sampled_from(list("*_~`|\\[]()<>!&#;:/ aZ9\n") + ["&amp;", "](", "<b>", "www.", "**"]),
    min_size=1,
).map("".join)


def _expected(text: str) -> str:
    return inert(text.replace("\r\n", "\n").replace("\r", "\n"))


@given(st.one_of(TEXT, MARKUP))
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_reads_back_from_a_cell_as_plain_text(text):
    shown, kinds = _cell(md_text(text))
    assert shown == _expected(text)
    assert kinds <= {"text", "br"}, kinds  # no emphasis, code, link, image, HTML or strike


@given(st.one_of(TEXT, MARKUP), st.one_of(TEXT, MARKUP))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_reads_back_from_a_list_item_and_a_heading(first, second):
    # Two escaped pieces side by side in one item, after the item's own markup.
    item = f"- **Denial**, {md_text(first)}: {md_text(second)}\n"
    inline = [t for t in GFM.parse(item) if t.type == "inline"][0]
    children = [c for c in inline.children if c.content or c.type != "text"]
    assert [c.type for c in children[:3]] == ["strong_open", "text", "strong_close"]
    shown, kinds = _shown(children[3:])
    assert shown == f", {_expected(first)}: {_expected(second)}"
    assert kinds <= {"text", "br"}, kinds
    heading = f"## {md_text(first, heading=True)}\n"
    tokens = GFM.parse(heading)
    assert [t.type for t in tokens] == ["heading_open", "inline", "heading_close"]
    shown, kinds = _shown(tokens[1].children)
    assert shown == _expected(first) and kinds <= {"text", "br"}, kinds
