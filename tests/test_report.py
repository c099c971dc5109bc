"""`claimtrack export html`: one self-contained page, read back with an HTML parser
(the browser tests open it in Chromium)."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

from pictures_data import HOSTILE, TOPIC, add_story


class Page(HTMLParser):
    """The tags, attributes and text of a page, as a browser's parser would read them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.style = ""
        self._in_style = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def report(cli, *args: str) -> str:
    return cli("export", "html", *args).stdout


def test_the_page_needs_nothing_from_outside(cli):
    add_story(cli, hostile=True)
    page = Page(report(cli))
    (policy,) = [m for m in page.named("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    rules = dict(rule.strip().split(" ", 1) for rule in policy["content"].split(";"))
    assert rules["default-src"] == "'none'"
    digest = base64.b64encode(hashlib.sha256(page.style.encode()).digest()).decode()
    assert rules["style-src"] == f"'sha256-{digest}'"  # the one style sheet, by its hash
    assert "unsafe" not in policy["content"]
    assert not page.named("script") and not page.named("img") and not page.named("link")
    assert all("style" not in attrs for _, attrs in page.tags)  # the policy would block it
    hrefs = [a["href"] for a in page.named("a")]
    assert hrefs and all(h.startswith("#") for h in hrefs)  # no claim here has a URL


def test_every_claim_and_hostile_text_shows_as_text(cli):
    ids = add_story(cli, hostile=True)
    html = report(cli)
    page = Page(html)
    rows = {attrs["id"] for attrs in page.named("tr") if attrs.get("id")}
    assert rows == {f"claim-{i}" for i in ids}
    text = "".join(page.text)
    assert HOSTILE in text and "Blog <b>x</b>" in text  # shown, not run
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert not page.named("b")
    assert "Spread: lowest" in text and "Timeline" in text and "Conflicts" in text


def test_charts_headings_and_tables_for_every_reader(cli):
    add_story(cli)
    cli("add", "The hospital reports 4 deaths", "--source", "Hospital", "--date", "2024-05-03",
        "--topic", TOPIC)  # fmt: skip
    page = Page(report(cli))
    assert page.named("html")[0]["lang"] == "en"
    assert [m for m in page.named("meta") if m.get("name") == "viewport"]
    charts = page.named("svg")
    assert [c["id"] for c in charts] == ["topic-1-chart-1", "topic-1-chart-2"]  # a quantity each
    assert all(c["role"] == "img" for c in charts)
    titles = {a.get("id") for a in page.named("title")} | {a.get("id") for a in page.named("desc")}
    for chart in charts:
        assert set(chart["aria-labelledby"].split()) <= titles
    assert len(page.named("h1")) == 1 and len(page.named("h2")) == 1
    assert len(page.named("caption")) == 2 and len(page.named("figcaption")) == 2
    assert all(th.get("scope") == "col" for th in page.named("th"))


def test_reviews_say_who_decided(cli):
    add_story(cli)
    cli("review", "1", "2", "--confirm", "--note", "checked with the mayor")
    cli("review", "1", "3", "--dismiss", "--note", "different valleys")
    text = "".join(Page(report(cli)).text)
    assert "checked with the mayor" in text and "confirmed" in text
    assert "different valleys" not in text and "1 dismissed conflict not shown." in text


def test_the_same_store_gives_the_same_bytes(cli, tmp_path):
    add_story(cli, hostile=True)
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    cli("export", "html", "-o", str(first))
    cli("export", "html", "-o", str(second))
    assert first.read_bytes() == second.read_bytes()
    assert "Generated" not in first.read_text()
    stamped = report(cli, "--stamp")
    assert re.search(r'Generated <time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z">', stamped)


def test_links_only_for_web_addresses(cli):
    cli("add", "The county says 1,200 residents were evacuated", "--source", "County",
        "--date", "2024-05-01", "--url", "https://example.org/a?b=1&c=\"2\"")  # fmt: skip
    page = Page(report(cli))
    outside = [a for a in page.named("a") if not a["href"].startswith("#")]
    assert outside == [
        {"href": 'https://example.org/a?b=1&c="2"', "rel": "noopener noreferrer nofollow"}
    ]


def test_an_empty_store_and_a_filter(cli):
    assert "No claims." in report(cli)
    add_story(cli)
    cli("add", "Engineers count 40 damaged bridges", "--source", "Engineers",
        "--date", "2024-05-02", "--topic", "Bridges")  # fmt: skip
    assert len(Page(report(cli)).named("section")) == 2
    only = Page(report(cli, "--topic", "Bridges"))
    assert len(only.named("section")) == 1 and "Riverton" not in "".join(only.text)
