"""`claimtrack serve`: Datasette on 127.0.0.1, read-only, described, with facets and
canned queries; and the bad input (a port in use)."""

from __future__ import annotations

import json
import socket
import sqlite3
import urllib.error
import urllib.parse
import urllib.request

import pytest
from conftest import dump
from pictures_data import HOSTILE, TOPIC, add_story
from servers import served

from claimtrack.serve import QUERIES, TABLES, metadata


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def test_metadata_describes_every_table_and_column(cli, db_path):
    cli("list")  # builds the schema
    conn = sqlite3.connect(db_path)
    shown = {
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
            "AND name NOT LIKE '%_fts%' AND name NOT LIKE 'sqlite_%'"
        )
    } - {"_sqlite_migrations"}
    assert shown == set(TABLES)
    for table in shown:
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        assert set(TABLES[table]["columns"]) == columns, table
        assert TABLES[table]["title"] and TABLES[table]["description"]
    assert metadata("claims")["databases"]["claims"]["queries"] is QUERIES


@pytest.fixture
def server(cli, db_path):
    ids = add_story(cli, hostile=True)
    with served(db_path) as base:
        yield base, ids


def test_served_read_only_with_facets_and_queries(server, db_path):
    base, ids = server
    rows = get_json(f"{base}/claims/live_claims.json?_shape=array&_size=max")
    assert sorted(r["id"] for r in rows) == ids
    assert {r["text"] for r in rows} >= {HOSTILE}
    facets = get_json(f"{base}/claims/live_claims.json")["facet_results"]
    assert set(facets) == {"source", "topic", "quantity", "verdict"}
    counts = {row["value"]: row["count"] for row in facets["source"]["results"]}
    assert counts["County"] == 2 and facets["quantity"]["results"][0]["value"] == "people:displaced"
    latest = get_json(f"{base}/claims/latest_figures.json?topic=&_shape=array")
    county = [r for r in latest if r["source"] == "County"]
    assert [r["figure_text"] for r in county] == ["about 2,400"]  # the revision, not 1,200
    assert "Governor" not in {r["source"] for r in latest}  # a denial gives no figure
    query = urllib.parse.urlencode({"topic": TOPIC, "_shape": "array"})
    timeline = get_json(f"{base}/claims/topic_timeline.json?{query}")
    assert [r["claim"] for r in timeline] == [1, 2, 3, 4, 5, 6, 8, 7]
    before = dump(db_path)
    for sql in ("DELETE FROM claims", "UPDATE claims SET text = 'x'", "PRAGMA query_only = 0"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            get_json(f"{base}/claims.json?" + urllib.parse.urlencode({"sql": sql}))
        assert refused.value.code == 400
    assert dump(db_path) == before


def test_a_port_in_use_is_one_error(cli, db_path):
    cli("list")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        before = dump(db_path)
        message = cli.error("serve", "--port", str(port))
    assert message == f"Error: port {port} on 127.0.0.1 is in use; choose another with --port"
    assert dump(db_path) == before
