"""The world's place names, for reading articles: countries, and the states,
provinces and regions that have governments of their own.

Reference data, read once a process from pycountry's ISO 3166 files (kept up to
date by its maintainers, not a list of ours), the way a lexicon is: the reading of
articles stays pure, it only looks names up here.
"""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path

# The subdivisions a "state", "provincial" or "regional" government governs.
_STATE_TYPES = {"State", "Province", "Region", "Autonomous community", "Land", "Territory"}
# The short forms news uses for these countries, beside ISO's names.
_SHORT_FORMS = {"Britain", "Russia", "America", "Turkey"}


@lru_cache(maxsize=1)
def place_names() -> tuple[frozenset[str], frozenset[str]]:
    """(countries, states): the names as news writes them, without ISO's inverted
    forms ("Korea, Republic of") and glosses ("A Coruña [La Coruña]")."""
    # pycountry's own data files, read as they are: importing pycountry and building
    # its objects costs 160 ms a process, reading the two files 12 ms (measured here)
    spec = importlib.util.find_spec("pycountry")
    folder = Path(spec.submodule_search_locations[0]) / "databases"  # type: ignore[union-attr,index]
    with open(folder / "iso3166-1.json", encoding="utf-8") as file:
        listed = json.load(file)["3166-1"]
    with open(folder / "iso3166-2.json", encoding="utf-8") as file:
        parts = json.load(file)["3166-2"]
    countries = _SHORT_FORMS | {c.get("common_name") or c["name"] for c in listed}
    states = {p["name"] for p in parts if p["type"] in _STATE_TYPES}
    plain = {name for name in countries | states if not set(name) & set(",([")}
    return frozenset(countries & plain), frozenset((states - countries) & plain)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """What each country's people are called, by the country's names (its own and
    the other spellings it goes by): "Bangladesh" -> "Bangladeshi". Reference data
    from countryinfo's files, read as they are (as for pycountry above)."""
    spec = importlib.util.find_spec("countryinfo")
    if spec is None or not spec.submodule_search_locations:
        return {}
    folder = Path(spec.submodule_search_locations[0]) / "data"
    found: dict[str, str] = {}
    for path in sorted(folder.glob("*.json")):
        with open(path, encoding="utf-8") as file:
            info = json.load(file)
        demonym = info.get("demonym")
        if not isinstance(demonym, str) or not demonym:
            continue
        for name in (info.get("name"), *info.get("altSpellings", [])):
            if isinstance(name, str) and len(name) > 3:
                found.setdefault(name, demonym)
    return found
