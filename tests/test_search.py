"""Search takes what people type: words, numbers and punctuation are searched as
words, in the text, the source and the topic; FTS5's own syntax behind --fts."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from claimtrack.search import search_phrases


def _ids(cli, *args):
    return sorted(c["id"] for c in cli.json("list", *args))


def _story(cli):
    cli("add", "The FBI's count: 1,000 agents reached the mayor's office", "--source", "FBI",
        "--date", "2024-10-01", "--topic", "City hall raid")  # fmt: skip
    cli("add", "Officials say 1,200 agents took part; NOT the 1,000 first reported", "--source",
        "City officials", "--date", "2024-10-02", "--topic", "City hall raid")  # fmt: skip
    cli("add", "Zelensky says 10,000 soldiers are being mobilized", "--source",
        "Volodymyr Zelensky", "--date", "2024-10-03", "--topic", "North Korean troops")  # fmt: skip
    return cli


def test_what_people_type_is_searched_as_words(cli):
    _story(cli)
    assert _ids(cli, "--search", "1,000") == [1, 2]
    assert _ids(cli, "--search", "FBI's") == [1]
    assert _ids(cli, "--search", "mayor's office") == [1]
    assert _ids(cli, "--search", "agents 1,200") == [2]  # every word must be found
    assert _ids(cli, "--search", "NOT") == [2]  # a word, not an operator
    assert _ids(cli, "--search", "-agents") == [1, 2]
    assert _ids(cli, "--search", "office: (raid") == [1]
    assert _ids(cli, "--search", '"mayor\'s office"') == [1]  # a phrase, in order
    assert _ids(cli, "--search", '"office mayor\'s"') == []
    assert _ids(cli, "--search", "mobilize") == [3]  # stemmed, as before


def test_search_covers_source_and_topic_names(cli):
    _story(cli)
    assert _ids(cli, "--search", "Volodymyr") == [3]  # only in the source's name
    assert _ids(cli, "--search", "raid") == [1, 2]  # only in the topic's name
    assert _ids(cli, "--search", "officials hall 1,200") == [2]  # source, topic and text
    assert _ids(cli, "--search", "Volodymyr raid") == []
    cli("edit", "3", "--topic", "Korean soldiers in Kursk")
    assert _ids(cli, "--search", "Kursk") == [3]  # a new topic is searchable at once


def test_no_match_says_so(cli):
    _story(cli)
    assert cli("list", "--search", "nothing like this").stdout == (
        "No claims match 'nothing like this'.\n"
    )
    assert cli("list", "--search", "- , ;").stdout == "No claims match '- , ;'.\n"
    assert cli("list", "--search", "zzz", "--json").stdout.strip() == "[]"
    assert cli("list", "--since", "2030-01-01").stdout == "No claims match these filters.\n"


def test_an_empty_database_says_how_to_start(cli):
    assert cli("list").stdout == "No claims yet; add one with `claimtrack add`.\n"


def test_fts_syntax_stays_available(cli):
    _story(cli)
    assert _ids(cli, "--fts", "--search", "FBI OR Zelensky") == [1, 3]
    assert _ids(cli, "--fts", "--search", "agents NOT officials") == [1]
    assert _ids(cli, "--fts", "--search", "mobil*") == [3]
    assert _ids(cli, "--fts", "--search", "NEAR(mayor office, 2)") == [1]
    assert _ids(cli, "--fts", "--search", "Volodymyr") == []  # --fts reads the text only


def test_the_name_indexes_are_checked_and_repaired(cli, db_path):
    import sqlite3

    _story(cli)
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("DROP TRIGGER topics_au")
        conn.execute("UPDATE topics SET name = 'Renamed behind the index' WHERE id = 1")
    conn.close()
    assert "full-text index: PROBLEM" in cli("check", code=4).stdout
    assert "Rebuilt the full-text indexes." in cli("check", "--repair").stdout
    assert _ids(cli, "--search", "behind") == [1, 2]


QUERIES = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")),
    st.lists(st.sampled_from(['"', " ", "\t", "a", "'s", ",", "-", "NOT", "1,000"])).map("".join),
)


@given(QUERIES)
@settings(max_examples=300)
def test_phrases_are_sqlite_utils_quoting(query):
    # The same splitting and quoting as sqlite-utils, less the parts with no word.
    quoted = re.findall(r'"([^"]*)"', Database(memory=True).quote_fts(query))
    expected = [part for part in quoted if any(ch.isalnum() for ch in part)]
    assert search_phrases(query) == [f'"{part}"' for part in expected]
