"""`claimtrack chart`: the chart model, the terminal drawing (a fixed-width snapshot),
the SVG and PNG files (parsed), and bad input."""

from __future__ import annotations

import os
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import store_dump
from pictures_data import TOPIC, add_story

from claimtrack.chart import (
    BAND,
    BAR,
    DOWN,
    LEGEND_LIMIT,
    POINT,
    REVISION,
    UP,
    build_chart,
    choose_quantity,
    date_ticks,
    linear_ticks,
    log_ticks,
    thin,
)
from claimtrack.chart_render import svg_chart, terminal_chart
from claimtrack.cli.helpers import story_sections
from claimtrack.db import open_store

pytestmark = pytest.mark.usefixtures("engine")

SNAPSHOTS = Path(__file__).parent / "snapshots"
SVG = "{http://www.w3.org/2000/svg}"


def chart_of(topic: str = TOPIC, quantity: str | None = None):
    store = open_store(os.environ["CLAIMTRACK_DB"])
    try:
        section = next(story_sections(store, topic=topic))
        chosen, claims = choose_quantity(section, quantity)
        return build_chart(section, chosen, claims)
    finally:
        store.close()


@pytest.fixture
def story(cli):
    return add_story(cli)


def test_each_kind_of_figure_has_its_shape(story, db_path):
    chart = chart_of()
    shapes = {m.claim_id: m.shape for m in chart.marks}
    county, mayor, red_cross, governor, county_again, volunteers, radio = story
    assert shapes == {
        county: POINT,
        mayor: DOWN,
        red_cross: BAR,
        county_again: POINT,
        volunteers: UP,
        radio: BAND,
    }  # the denial is not charted: its figure would be what it denies
    assert governor not in shapes
    assert chart.mark_of(county_again).approximate and not chart.mark_of(county).approximate
    assert chart.quantity == "displaced" and chart.series[0] == "County"
    assert not chart.log  # 1,200 to 9,999 is less than a factor of 20
    assert chart.bottom == 0 and chart.top >= 9_999
    assert chart.labelled == set(shapes)


def test_revisions_and_open_conflicts_are_links(story, db_path, cli):
    county, mayor, red_cross, _, county_again, volunteers, _ = story
    links = {(link.a, link.b): link.kind for link in chart_of().links}
    assert links[(county, county_again)] == REVISION
    assert links[(county, mayor)] == "discrepancy"
    assert links[(county, red_cross)] == "contradiction"
    # Five days apart is not the same moment for a count of the displaced.
    assert (county, volunteers) not in links
    cli("review", str(county), str(mayor), "--dismiss", "--note", "different areas")
    assert (county, mayor) not in {(link.a, link.b) for link in chart_of().links}


def test_a_wide_spread_is_drawn_on_a_log_scale(cli, db_path):
    cli("add", "Medics count 30 injured", "--source", "Medics", "--date", "2024-03-01",
        "--topic", "Blast")  # fmt: skip
    cli("add", "Officials count 3,000 injured", "--source", "Officials", "--date", "2024-03-02",
        "--topic", "Blast")  # fmt: skip
    chart = chart_of("Blast")
    assert chart.log and chart.bottom == 10 and chart.top >= 3000
    assert [label for _, label in chart.y_ticks()][:3] == ["10", "20", "50"]
    assert 0.0 < chart.y(30) < chart.y(3000) < 1.0


def test_sources_past_the_legend_share_one_grey_series(cli, db_path):
    for i in range(LEGEND_LIMIT + 3):
        cli("add", f"A witness counts {100 + i} tents", "--source", f"Witness {i}",
            "--date", f"2024-04-{i + 1:02d}", "--topic", "Camp")  # fmt: skip
    chart = chart_of("Camp")
    assert len(chart.series) == LEGEND_LIMIT and chart.series[-1] == "other sources (4)"
    assert chart.other_sources and chart.sources == LEGEND_LIMIT + 3
    assert {m.series for m in chart.marks} == set(range(LEGEND_LIMIT))


def test_thinning_draws_coinciding_marks_once(cli, db_path):
    rows = "".join("Monitors count 500 tents,Monitors,2024-06-01,Tents\n" for _ in range(1))
    rows += "".join(f"Monitors count {500 + i} tents on day {i},Monitors,2024-06-01,Tents\n"
                    for i in range(1, 30))  # fmt: skip
    rows += "Monitors count 900 tents,Monitors,2024-06-20,Tents\n"
    path = db_path.parent / "tents.csv"
    path.write_text("text,source,date,topic\n" + rows)
    cli("import", str(path))
    chart = chart_of("Tents")
    thinned = thin(chart)
    assert chart.figures == len(chart.marks) == 31
    assert len(thinned.marks) < 10 and thinned.figures == 31
    assert sum(m.count for m in thinned.marks) == 31


def test_ticks_are_round():
    assert [label for _, label in linear_ticks(0, 12_000)] == [
        "0", "2,000", "4,000", "6,000", "8,000", "10k", "12k",
    ]  # fmt: skip
    assert [label for _, label in log_ticks(100, 1e6)] == ["100", "1,000", "10k", "100k", "1M"]
    from datetime import date

    ticks = date_ticks(date(2024, 1, 1).toordinal(), date(2024, 6, 30).toordinal())
    assert [label for _, label in ticks] == [
        "Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024", "May 2024", "Jun 2024",
    ]  # fmt: skip
    years = date_ticks(date(2015, 3, 1).toordinal(), date(2024, 6, 30).toordinal())
    assert [label for _, label in years][:2] == ["2016", "2018"]


def test_the_terminal_chart_matches_its_snapshot(story, cli):
    out = cli("chart", TOPIC, "--width", "80", "--height", "20").stdout
    snapshot = SNAPSHOTS / "chart-riverton.txt"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.write_text(out, encoding="utf-8")
    assert out == snapshot.read_text(encoding="utf-8")
    assert "\x1b[" not in out  # piped: no colour
    for claim_id in (1, 2, 3, 5, 6, 7):
        assert f"#{claim_id}" in out
    assert "#4" not in out  # the denial


def test_the_terminal_chart_has_colour_on_a_terminal(story, db_path):
    chart = chart_of()
    coloured = terminal_chart(chart, 80, 20, colour=True)
    assert "\x1b[38;5;" in coloured
    import plotext

    plain = [line.rstrip() for line in plotext.uncolorize(coloured).splitlines()]
    assert plain == terminal_chart(chart, 80, 20, colour=False).splitlines()


def test_the_only_topic_needs_no_name(story, cli):
    assert "Riverton flood: displaced" in cli("chart", "--width", "80").stdout


def test_an_svg_file_has_one_mark_a_claim(story, cli, tmp_path):
    target = tmp_path / "chart.svg"
    out = cli("chart", TOPIC, "-o", str(target)).stdout
    assert out == f"Wrote a chart of 6 figures (displaced) to {target}.\n"
    root = ET.parse(target).getroot()
    assert root.tag == f"{SVG}svg"
    width, height = (float(root.get(side).rstrip("pt")) for side in ("width", "height"))
    assert width > 300 and height > 200
    groups = [g for g in root.iter(f"{SVG}g") if g.get("id", "").startswith("marks-")]
    assert sum(len(list(g.iter(f"{SVG}use"))) for g in groups) == 6
    texts = {"".join(t.itertext()) for t in root.iter(f"{SVG}text")}
    assert {"#1", "#2", "#3", "#5", "#6", "#7"} <= texts and "#4" not in texts
    assert {"County", "Mayor", "Red Cross", "Volunteers", "Radio Riverton"} <= texts
    first = target.read_bytes()
    cli("chart", TOPIC, "-o", str(target))
    assert target.read_bytes() == first  # the same store draws the same bytes


def test_a_png_file(story, cli, tmp_path):
    target = tmp_path / "chart.png"
    cli("chart", TOPIC, "-o", str(target))
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (900, 500)


def test_the_report_svg_has_one_mark_a_claim_and_words(story, db_path):
    chart = chart_of()
    root = ET.fromstring(svg_chart(chart, "c1"))
    marks = [g for g in root.iter(f"{SVG}g") if "mark" in g.get("class", "").split()]
    assert sorted(int(g.get("data-claim")) for g in marks) == [1, 2, 3, 5, 6, 7]
    assert root.get("role") == "img" and root.get("aria-labelledby") == "c1-title c1-desc"
    desc = root.find(f"{SVG}desc").text
    assert desc.startswith("Displaced claimed in Riverton flood: 6 figures from 5 sources, 1 May")
    assert "conflicts marked" in desc
    assert len([e for e in root.iter(f"{SVG}line") if e.get("class") == "conflict"]) >= 2


BAD = [
    (["chart", "Quiet"], 1, "nothing to chart: the topic's claims give no figures"),
    (["chart", TOPIC, "--quantity", "drones"], 3, "no figures of 'drones'"),
    (["chart", "Nowhere"], 3, "no topic named 'Nowhere'"),
    (["chart"], 1, "the database holds 2 topics; name the one to chart"),
    (["chart", TOPIC, "-o", "chart.pdf"], 1, "end it .svg or .png"),
    (["chart", TOPIC, "-o", "{missing}/chart.svg"], 1, "cannot write to"),
    (["chart", TOPIC, "-o", "{folder}"], 1, "is a directory"),
    (["chart", TOPIC, "--width", "5"], 2, "--width"),
]


@pytest.mark.parametrize(("args", "code", "words"), BAD, ids=lambda v: str(v)[:40])
def test_bad_input(story, cli, db_path, tmp_path, args, code, words):
    cli("add", "The council denies the river burst its banks", "--source", "Council",
        "--topic", "Quiet", "--date", "2024-05-02")  # fmt: skip
    (tmp_path / "folder.svg").mkdir()
    places = {"missing": tmp_path / "missing", "folder": tmp_path / "folder.svg"}
    args = [a.format(**places) for a in args]
    before = store_dump()
    assert words in cli.error(*args, code=code)
    assert store_dump() == before
    left = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("claims.db"))
    assert left == ["folder.svg"]  # no chart, and no half-written one


def test_several_quantities_ask_for_one(story, cli):
    cli("add", "The hospital reports 4 deaths", "--source", "Hospital", "--date", "2024-05-03",
        "--topic", TOPIC)  # fmt: skip
    message = cli.error("chart", TOPIC)
    assert "count several things (deaths, displaced); choose one with --quantity" in message
    assert "#8" in cli("chart", TOPIC, "-q", "dead", "--width", "60").stdout
    # ... named by its unit, or as the quantity `show` and `conflicts` name
    chosen = cli("chart", TOPIC, "-q", "people:displaced", "--width", "60").stdout
    assert "#8" not in chosen and "#1" in chosen
    assert "quantities: " in cli.error("chart", TOPIC, "-q", "drones", code=3)


def test_hostile_names_are_drawn_as_written(cli, db_path, tmp_path):
    name = "Fund $x^2$ <b>\x1b[31m"
    for day, text in (("2024-04-01", "The fund counts 300 tents"), ("2024-04-09", "It counts 340")):
        cli("add", text, "--source", name, "--date", day, "--topic", "Tents $1$", "--unit", "tents")
    shown = "Fund $x^2$ <b>\\u001b[31m"  # the escape made visible, not obeyed
    target = tmp_path / "chart.svg"
    cli("chart", "-o", str(target))
    texts = {"".join(t.itertext()) for t in ET.parse(target).getroot().iter(f"{SVG}text")}
    assert shown in texts and "Tents $1$: tents" in texts
    terminal = cli("chart", "--width", "70").stdout
    assert shown in terminal and "\x1b" not in terminal
    root = ET.fromstring(svg_chart(chart_of("Tents $1$"), "c"))
    assert shown in {"".join(t.itertext()) for t in root.iter(f"{SVG}title")}
