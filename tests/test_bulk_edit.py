"""`edit ID...`: several claims changed in one transaction, with one summary line."""

import pytest
from conftest import dump


@pytest.fixture
def floods(cli):
    for day, figure, source in ((1, "about 600", "Governor"), (2, "700-750", "Mayor"),
                                (3, "820", "Red Cross"), (3, "15", "Police")):  # fmt: skip
        cli("add", f"{source} says {figure} people are unaccounted for", "--source", source,
            "--date", f"2024-10-0{day}", "--topic", "Floods")  # fmt: skip
    return cli


def test_several_ids_one_summary_line(floods):
    out = floods("edit", "1", "2", "3", "--unit", "missing", "--as-of", "2024-10-01").stdout
    assert out == "Updated 3 of 3 claims (as_of, unit): #1, #2, #3.\n"
    for claim in floods.json("list", "--topic", "Floods")[1:]:
        assert (claim["unit"], claim["as_of"]) == ("missing", "2024-10-01")
    assert floods.json("show", "4")["unit"] == "people"
    for claim_id in ("1", "2", "3"):
        (version,) = floods.json("history", claim_id)["versions"]
        assert (version["action"], version["claim"]["unit"]) == ("edit", "people")


def test_claims_already_so_are_named_and_keep_their_history(floods):
    floods("edit", "2", "--unit", "missing")
    out = floods("edit", "1", "2", "2", "--unit", "missing").stdout
    assert out == "Updated 1 of 2 claims (unit): #1. Already so: #2.\n"
    assert len(floods.json("history", "2")["versions"]) == 1


def test_topic_source_and_json(floods):
    claims = floods.json("edit", "3", "4", "--topic", "Floods: the missing", "--source", "Agency")
    assert [(c["id"], c["topic"], c["source"]) for c in claims] == [
        (3, "Floods: the missing", "Agency"),
        (4, "Floods: the missing", "Agency"),
    ]
    assert floods.json("edit", "1", "--note", "one id gives one object")["id"] == 1


def test_one_bad_id_changes_nothing(floods, db_path):
    before = dump(db_path)
    assert floods.error("edit", "1", "2", "99", "--unit", "missing", code=3) == (
        "Error: no claim with id 99"
    )
    assert floods.error("edit", "1", "2", "--date", "tomorrowish").startswith(
        "Error: cannot read the date"
    )
    assert dump(db_path) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["edit", "1", "2", "--text", "A new text"], "--text changes one claim at a time"),
        (["edit", "1", "2"], "nothing to change"),
    ],
)
def test_bulk_edit_errors(floods, db_path, args, message):
    before = dump(db_path)
    assert message in floods.error(*args)
    assert dump(db_path) == before
