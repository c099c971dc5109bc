"""The HTML report and the Datasette pages in headless Chromium: they load with no
console error and no request elsewhere, show every claim, draw the chart, keep
hostile text inert, and are not blank."""

from __future__ import annotations

import urllib.parse

from pictures_data import HOSTILE, TOPIC, add_story
from servers import browser, not_blank, served, watched  # noqa: F401  (fixtures)


def test_the_report_in_a_browser(cli, tmp_path, watched):  # noqa: F811
    ids = add_story(cli, hostile=True)
    cli("review", "1", "2", "--confirm", "--note", "checked")
    target = tmp_path / "story.html"
    cli("export", "html", "-o", str(target))
    view = watched(viewport={"width": 1200, "height": 900})
    page = view.page
    page.goto(target.as_uri())
    assert view.requests == [target.as_uri()]  # nothing but the file itself
    assert view.errors == []
    assert page.title() == "Claims timeline"  # the hostile claim's script did not run
    text = page.inner_text("body")
    for claim_id in ids:
        assert f"#{claim_id}" in text
    assert HOSTILE in text
    assert page.locator("main script, main img, main b").count() == 0
    chart = page.get_by_role("img", name=f"{TOPIC}: displaced")
    box = chart.bounding_box()
    assert box["width"] > 600 and box["height"] > 250
    marks = page.locator("svg.chart g.mark")
    assert sorted(int(m) for m in marks.evaluate_all("els => els.map(e => e.dataset.claim)")) == [
        i
        for i in ids
        if i != 4  # the denial is in the timeline, not the chart
    ]
    assert all(marks.nth(i).bounding_box()["width"] > 3 for i in range(marks.count()))
    assert page.get_by_role("table", name=f"Claims about {TOPIC}, in date order").count() == 1
    assert page.get_by_role("heading", level=2, name=TOPIC).count() == 1
    assert not_blank(chart.screenshot()) > 20
    assert not_blank(page.screenshot(full_page=True)) > 20


def test_the_policy_is_enforced(cli, tmp_path, watched):  # noqa: F811
    add_story(cli)
    target = tmp_path / "story.html"
    cli("export", "html", "-o", str(target))
    view = watched()
    view.page.goto(target.as_uri())
    refused = view.page.evaluate(
        """() => new Promise(done => {
            document.addEventListener('securitypolicyviolation', e => done(e.violatedDirective));
            const img = document.createElement('img');
            img.src = 'http://127.0.0.1:9/tracker.png';
            document.body.append(img);
        })"""
    )
    assert refused == "img-src"  # default-src 'none' refused it before any connection


def test_the_report_on_a_phone_and_on_paper(cli, tmp_path, watched):  # noqa: F811
    add_story(cli, hostile=True)
    target = tmp_path / "story.html"
    cli("export", "html", "-o", str(target))
    view = watched(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = view.page
    page.goto(target.as_uri())
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375  # wide tables scroll inside their own box, not the page
    assert page.locator("svg.chart").bounding_box()["width"] <= 375
    assert view.errors == []
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_datasette_pages_in_a_browser(cli, db_path, watched):  # noqa: F811
    ids = add_story(cli, hostile=True)
    with served(db_path) as base:
        view = watched(viewport={"width": 1200, "height": 900})
        page = view.page
        page.goto(f"{base}/claims/live_claims?_size=max")
        text = page.inner_text("body")
        for claim_id in ids:
            assert page.locator(f'td.col-id:text-is("{claim_id}")').count() == 1, claim_id
        assert HOSTILE in text and page.title() == "claims: live_claims: 8 rows sorted by date"
        assert "Claims (view)" in page.inner_text("h1")  # titled and described by metadata
        assert "The claim's number, as claimtrack shows it" in text
        for facet in ("source", "topic", "quantity", "verdict"):
            assert page.locator(f'.facet-info[data-column="{facet}"]').count() == 1, facet
        assert page.locator("table.rows-and-columns img").count() == 0
        assert not_blank(page.screenshot()) > 20
        query = urllib.parse.urlencode({"topic": TOPIC})
        page.goto(f"{base}/claims/topic_timeline?{query}")
        assert "A topic's timeline" in page.inner_text("body")
        assert page.locator("table.rows-and-columns tbody tr").count() == len(ids)
        page.goto(f"{base}/claims/latest_figures?topic=")
        assert "The latest figure of each source" in page.inner_text("body")
        assert view.errors == []
        assert all(url.startswith(base) for url in view.requests)
