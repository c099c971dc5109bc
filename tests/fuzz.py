"""A property-based fuzzer: hypothesis drives the real CLI, in-process, with
generated arguments, option values, environment values and file contents (CSV,
JSON, JSONL, HTML, text; binary, huge numbers, deep nesting, control and bidi
characters, lone surrogates) into every command, and asserts of each run:

- no traceback, and an exit code the README documents;
- on failure, stderr's last line starts with "Error:", and the database and
  every other file of the run are as they were;
- stderr never holds a raw control or invisible character;
- after success, every stored value passes the store's own check;
- the run ends within TIME_BOUND seconds and grows memory by under MEMORY_BOUND.

The suite runs it small (tests/test_fuzz.py: a fixed seed, a few hundred
examples); run it large with

    python tests/fuzz.py --examples 20000

which keeps going after a failure and ends with the failures found, one
example of each. Fetches go to a server of its own on 127.0.0.1; any other
address would go to a proxy that is not there.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import http.server
import json
import os
import resource
import shutil
import signal
import sqlite3
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

DOCUMENTED_EXIT_CODES = {0, 1, 2, 3, 4, 130}
TIME_BOUND = 20.0  # seconds, a run
MEMORY_BOUND = 400 * 1024  # KB of new peak memory, a run
HANG = 60  # seconds before a run counts as hung

# --- values --------------------------------------------------------------------------

HOSTILE = [
    "", " ", "\t", "a\x00b", "\x1b[31mred\x1b[0m", "\x1b]52;c;aGk=\x07", "\x9b31m",
    "\u202eevil\u202c", "\u061c", "zero\u200dwidth", "\U000e0041tag", "\u3164", "\ufff9x\ufffb",
    "\udcff", "\ud800x", "line\u2028sep", "next\x85line", "-", "--", "'", '"', ";", "\\",
    "a;b\\;c", "=1+1", "@SUM(A1)", "1e400", "1e309", "9" * 300, "10^400", "NaN", "nan",
    "inf", "-inf", "Infinity", "-1", "0", "-0", str(2**63), str(2**64), str(-(2**63) - 1),
    "0x10", "1_000", "1.5 million billion trillion", "3000 years ago", "year 0",
    "0000-01-01", "0001-01-01", "9999-12-31", "2999-01-01", "31/02/2024", "03/04/2024",
    "http://[::1", "http://", "javascript:alert(1)", "https://example.org/" + "a" * 5000,
    "a" * 10_001, "x" * 300, "</script><!--", "[bold]x[/bold]", "%s%n", "{0}", "\r\n",
]  # fmt: skip
PIECES = [
    "The ministry said ", "Officials confirmed ", "Kyiv denied ", "according to the UN, ",
    "up to ", "about ", "at least ", "between ", " and ", "3,000", "12k", "1.5 million",
    "tens of thousands", " troops", " people", " were killed", " on Monday", " last week",
    ". ", ", police said. ", "2024-10-23", "yesterday", "3 days ago", "October 2024",
]  # fmt: skip
NEWSY = st.lists(st.sampled_from(PIECES), min_size=1, max_size=10).map("".join)
ANY_CHARS = st.text(st.characters(blacklist_categories=()), max_size=30)  # surrogates too
TEXT = st.one_of(
    st.sampled_from(HOSTILE),
    NEWSY,
    ANY_CHARS,
    st.lists(st.one_of(st.sampled_from(HOSTILE), NEWSY, ANY_CHARS), max_size=4).map("".join),
)
DATES = st.one_of(
    st.sampled_from(["2024-10-23", "23 Oct 2024", "October 2024", "2024", "yesterday",
                     "3 days ago", "today", "last Monday", "2 weeks ago"]),
    TEXT,
)  # fmt: skip
FIGURES = st.one_of(
    st.sampled_from(["3,000", "up to 10,000", "10-12k", "about 8,000", "at least 5",
                     "thousands", "0", "1e400", "10^400", "9" * 400, "between 9 and 3"]),
    TEXT,
)  # fmt: skip
IDS = st.one_of(
    st.sampled_from(["1", "2", "3", "4", "5", "6", "7", "0", "-1", str(2**63), "1e3", "x"]),
    st.integers(-3, 12).map(str),
)
TOPICS = st.one_of(st.sampled_from(["North Korean troops in Russia", "Floods", "T"]), TEXT)
SOURCES = st.one_of(st.sampled_from(["U.S.", "US", "Russia", "NIS", "Volodymyr Zelensky"]), TEXT)
QUANTITIES = st.one_of(
    st.sampled_from(["troops", "people missing", "people:missing@derna", "people:dead(children)",
                     "troops:deployed", "a:b:c", "x@", "(y)", "people:nonsense", "", "*"]),
    TEXT,
)  # fmt: skip
KINDS = st.sampled_from(["level", "cumulative", "event", "auto", "x"]) | TEXT
NUMBERS = st.one_of(
    st.sampled_from(["0", "1", "30", "-1", "99", "100", "1.5", "nan", "inf", "1e308", str(2**63)]),
    st.integers(-10, 10**6).map(str),
)

# Paths: files made for the run (in its folder), special files, and names no system allows.
LONG = "n" * 300
READ_PATHS = [
    "in/data", "in/data.csv", "in/data.json", "in/data.jsonl", "in/page.html", "in/article.txt",
    "{fixed}/fifo", "{fixed}/dir", "missing.csv", f"{LONG}.csv", f"{LONG}/x.csv", "loop",
    "/dev/zero", "/dev/null", "exists.txt", "hostile\x1b]0;t\x07.csv", "", ".", "in",
]  # fmt: skip
DB_PATHS = [
    "claims.db", "claims.db", "claims.db", "newer.db", "damaged.db", "hidden.db",
    "tampered.db", "tampered.db", "notsqlite.db", "{fixed}/fifo", "{fixed}/dir", "sub/deeper/new.db",
    f"{LONG}.db", "loop", "exists.txt", "empty.db",
]  # fmt: skip
WRITE_PATHS = [
    "out.json", "exists.txt", "null-link", "{fixed}/fifo", "{fixed}/dir", "link-to-exists",
    "dangling-link", f"{LONG}.json", "missing-dir/out.json", "loop", "", "hostile\x1b.csv",
]  # fmt: skip

CHART_PATHS = ["chart.svg", "chart.png", "chart.txt", "exists.txt", f"{LONG}.svg", "dir.svg"]

# --- commands --------------------------------------------------------------------------

ADD_OPTIONS = {
    "--date": DATES, "--as-of": DATES, "--topic": TOPICS, "--url": TEXT, "--figure": FIGURES,
    "--unit": TEXT, "--stance": st.sampled_from(["denies", "claims", "shouts", ""]) | TEXT,
    "--tag": TEXT, "--note": TEXT, "--quantity": QUANTITIES, "--json": None,
}  # fmt: skip
COMMANDS: dict[str, tuple[list, dict]] = {
    "add": ([NEWSY | TEXT], {"--source": SOURCES, **ADD_OPTIONS}),
    "list": ([], {"--topic": TOPICS, "--source": SOURCES, "--since": DATES, "--until": DATES,
                  "--search": TEXT, "--fts": None, "--limit": NUMBERS, "--json": None,
                  "--csv": None}),
    "show": ([IDS], {"--json": None}),
    "edit": ([IDS, IDS], {"--text": NEWSY | TEXT, "--source": SOURCES, **ADD_OPTIONS}),
    "rate": ([IDS, st.sampled_from(["disputed", "false", "unverified", "maybe"]) | TEXT],
             {"--explanation": TEXT, "--json": None}),
    "rm": ([IDS], {}),
    "restore": ([IDS], {}),
    "history": ([IDS], {"--json": None}),
    "conflicts": ([], {"--topic": TOPICS, "--source": SOURCES,
                       "--kind": st.sampled_from(["contradiction", "discrepancy", "denial"]) | TEXT,
                       "--window": NUMBERS, "--tolerance": NUMBERS, "--factor": NUMBERS,
                       "--all": None, "--json": None}),
    "review": ([IDS, st.lists(IDS, max_size=2)], {"--dismiss": None, "--confirm": None, "--note": TEXT,
                            "--topic": TOPICS, "--undo": None, "--force": None, "--by": TEXT,
                            "--window": NUMBERS, "--tolerance": NUMBERS, "--factor": NUMBERS}),
    "timeline": ([TOPICS], {"--source": SOURCES, "--since": DATES, "--until": DATES,
                            "--conflicts-only": None}),
    "export": ([st.sampled_from(["markdown", "json", "jsonl", "csv", "claimreview",
                                 "timelinejs", "html", "pdf"])],
               {"--topic": TOPICS, "--since": DATES, "--until": DATES,
                "-o": st.sampled_from(WRITE_PATHS), "--stamp": None, "--all": None}),
    "summary": ([TOPICS], {"--json": None}),
    "chart": ([TOPICS], {"--quantity": TEXT, "-o": st.sampled_from(CHART_PATHS),
                         "--width": NUMBERS, "--height": NUMBERS}),
    "import": ([st.sampled_from(READ_PATHS)],
               {"--format": st.sampled_from(["csv", "json", "jsonl", "xml"]), "--dry-run": None,
                "--skip-errors": None}),
    "extract": ([st.sampled_from([*READ_PATHS, "-", "-", "{server}/page", "{server}/trickle",
                                  "{server}/charset", "{server}/huge", "{server}/binary",
                                  "{server}/redirect", "{server}/gone", "{server}/deep",
                                  "http://[::1", "http://127.0.0.1:notaport/", "ftp://x/y"])],
                {"--published": DATES, "--url": TEXT, "--json": None, "--save": None,
                 "--interactive": None}),
    "topics": ([], {"--json": None}),
    "topics set": ([TOPICS], {"--cumulative": None, "--no-cumulative": None, "--kind": KINDS,
                              "--quantity": QUANTITIES}),
    "topics rename": ([TOPICS, TOPICS], {}),
    "topics merge": ([TOPICS, TOPICS], {}),
    "sources": ([], {"--json": None}),
    "sources alias": ([SOURCES, SOURCES], {}),
    "sources affiliate": ([SOURCES, SOURCES], {"--none": None}),
    "demo": ([], {"--db": st.sampled_from(WRITE_PATHS)}),
    "backup": ([st.sampled_from([*WRITE_PATHS, "copy.db"])], {}),
    "check": ([], {"--repair": None}),
    "--version": ([], {}),
}  # fmt: skip


USUAL_OPTIONS = {
    "add": "--source", "review": "--confirm", "extract": "--published", "topics set": "--kind",
}  # fmt: skip


@st.composite
def command_line(draw) -> list[str]:
    # Hypothesis leans to the ends of a range (it finds bugs there); how often a
    # shape of command line comes up is drawn evenly instead.
    chance = draw(st.randoms(use_true_random=True))
    name = chance.choice(sorted(COMMANDS))
    positionals, options = COMMANDS[name]
    args = name.split()
    for value in positionals:
        if chance.random() < 0.95:  # now and then an argument is left out
            drawn = draw(value)
            args.extend(drawn if isinstance(drawn, list) else [drawn])
    chosen = chance.sample(sorted(options), min(len(options), chance.randrange(5)))
    usual = USUAL_OPTIONS.get(name)
    if usual and usual not in chosen and chance.random() < 0.9:
        chosen.insert(0, usual)  # the option a command needs, most of the time
    for option in chosen:
        args.append(option)
        if options[option] is not None:
            args.append(draw(options[option]))
    if chance.random() < 0.04:
        args.insert(chance.randrange(len(args) + 1), chance.choice(["--nope", "-x", "--"]))
    if chance.random() < 0.2:
        args = ["--db", chance.choice(DB_PATHS), *args]
    return args


# --- file contents -----------------------------------------------------------------

CSV_COLUMNS = [
    "id", "text", "source", "topic", "date", "as_of", "url", "figure", "figure_low",
    "figure_high", "figure_qualifier", "figure_text", "unit", "stance", "tags", "note",
    "verdict", "verdict_explanation", "verdict_at", "created_at", "updated_at", "quantity",
    "speaks_for", "junk",
]  # fmt: skip
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), TEXT),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)
FIGURE_OBJECTS = st.fixed_dictionaries(
    {},
    optional={
        "low": JSON_VALUES | st.sampled_from([1e308, 10**400, -1, 5]),
        "high": JSON_VALUES | st.sampled_from([None, 1e16, 3]),
        "qualifier": st.sampled_from(["exact", "range", "at_least", "vague", "bogus"]),
        "text": TEXT,
    },
)
GOOD_DATES = st.sampled_from(["2024-10-23", "23 Oct 2024", "October 2024", "2024", "yesterday"])
RECORD_VALUES = {
    "id": IDS | JSON_VALUES, "text": NEWSY | NEWSY | TEXT,
    "source": st.sampled_from(["US", "NIS", "Kyiv", "The ministry"]) | SOURCES,
    "date": GOOD_DATES | GOOD_DATES | DATES,
    "as_of": DATES, "topic": TOPICS, "url": TEXT, "figure": FIGURES | FIGURE_OBJECTS,
    "unit": TEXT, "stance": TEXT, "tags": st.lists(TEXT, max_size=3) | TEXT, "note": TEXT,
    "verdict": st.sampled_from(["disputed", "x"]), "verdict_explanation": TEXT,
    "verdict_at": DATES | TEXT, "created_at": TEXT | st.just("2999-01-01T00:00:00Z"),
    "updated_at": TEXT | st.just("2024-10-23T10:00:00+02:00"), "quantity": QUANTITIES,
    "speaks_for": st.sampled_from(["US", "NIS", "The ministry"]) | SOURCES,
    "junk": JSON_VALUES,
}  # fmt: skip


@st.composite
def records(draw) -> dict:
    record = {}
    for name in ("text", "source", "date"):
        if draw(st.integers(0, 9)):
            record[name] = draw(RECORD_VALUES[name])
    for name in draw(st.lists(st.sampled_from(sorted(RECORD_VALUES)), max_size=6)):
        record[name] = draw(RECORD_VALUES[name])
    return record


def _csv_cell(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value)


@st.composite
def csv_file(draw) -> str:
    import csv
    import io

    columns = draw(st.lists(st.sampled_from(CSV_COLUMNS), min_size=1, max_size=8))
    if draw(st.integers(0, 5)):
        columns = ["text", "source", "date", *columns]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for record in draw(st.lists(records(), max_size=5)):
        writer.writerow([_csv_cell(record.get(c, "")) for c in columns])
    text = out.getvalue()
    if not draw(st.integers(0, 4)):  # a line as a hand or a broken tool wrote it
        text += draw(st.sampled_from(['"never closed,x,2024\n', 'a"b,c,d\n', '"a"b,c,d\n',
                                      "x" * 140_000 + ",y,2024\n", "\n\n,,,\n"]))  # fmt: skip
    return text


SIDES = st.fixed_dictionaries(
    {},
    optional={
        "reviews": JSON_VALUES | st.lists(st.fixed_dictionaries({
            "claims": st.lists(st.integers(-1, 8) | JSON_VALUES, max_size=3),
            "kind": st.sampled_from(["denial", "contradiction", "x"]),
            "decision": st.sampled_from(["dismissed", "confirmed", "x"]),
        }, optional={"note": TEXT, "created_at": TEXT, "claims_updated_at": JSON_VALUES,
                     "reviewer": TEXT | JSON_VALUES, "basis": JSON_VALUES, "settings": TEXT,
                     "undone_at": TEXT | st.just("2999-01-01T00:00:00Z")}),
            max_size=2),
        "sources": JSON_VALUES | st.lists(st.fixed_dictionaries(
            {}, optional={"name": SOURCES, "aliases": st.lists(TEXT, max_size=2) | JSON_VALUES}),
            max_size=2),
        "topics": JSON_VALUES | st.lists(st.fixed_dictionaries(
            {}, optional={"name": TOPICS, "cumulative": JSON_VALUES,
                          "kinds": JSON_VALUES | st.dictionaries(QUANTITIES, KINDS, max_size=2)}),
            max_size=2),
    },
)  # fmt: skip


@st.composite
def json_file(draw) -> str:
    claims = draw(st.lists(records(), max_size=5))
    shape = draw(st.integers(0, 9))
    if shape == 0:
        depth = draw(st.sampled_from([10, 1_000, 100_000]))
        return '{"claims": [' + "[" * depth + "]" * depth + "]}"
    if shape == 1:
        return json.dumps(claims)
    document = {"format": "claimtrack", "claims": claims, **draw(SIDES)}
    text = json.dumps(document, ensure_ascii=draw(st.booleans()))
    if shape == 2:
        text = text[: draw(st.integers(0, len(text)))]  # cut short
    if shape == 3:
        text = text.replace("0.5", "NaN").replace("1.0", "Infinity") + " "
    return text


@st.composite
def jsonl_file(draw) -> str:
    lines = [json.dumps(r, ensure_ascii=draw(st.booleans())) for r in draw(st.lists(records()))]
    if not draw(st.integers(0, 4)):
        lines.append(draw(st.sampled_from(["[1, 2]", "{", "null", "{" * 5000, '"\\ud800"'])))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))


@st.composite
def article(draw) -> str:
    sentences = draw(st.lists(NEWSY | TEXT, min_size=1, max_size=8))
    if draw(st.booleans()):
        body = "".join(f"<p>{s}</p>" for s in sentences)
        meta = draw(st.sampled_from(["", '<meta property="article:published_time" '
                                         'content="2999-01-01">', '<link rel="canonical" '
                                         'href="http://[::1">']))  # fmt: skip
        return f"<html><head>{meta}<title>{sentences[0]}</title></head><body><article>{body}</article></body></html>"
    return " ".join(sentences)


BIG = {
    "zeros": lambda: b"\x00" * 6_000_000,
    "big text": lambda: ("The ministry said 3,000 troops moved. " * 160_000).encode(),
    "latin-1": lambda: "The ministry said d\xe9j\xe0 3 died.".encode("latin-1"),
    "binary": lambda: bytes(range(256)) * 40,
}


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # lone surrogates: bytes that are not UTF-8


FILE_KINDS = {
    "data.csv": csv_file().map(_encoded),
    "data.json": json_file().map(_encoded),
    "data.jsonl": jsonl_file().map(_encoded),
    "page.html": article().map(_encoded),
    "article.txt": article().map(_encoded),
}


@st.composite
def file_contents(draw, args: list[str]) -> dict[str, bytes]:
    """The files of the run's in/ folder that its command line names (drawing only
    those keeps each example small enough for hypothesis to vary it)."""
    files = {}
    for arg in args:
        name = arg[3:] if arg.startswith("in/") else ("data" if arg in ("-", "in") else None)
        if name in FILE_KINDS:
            files[name] = draw(FILE_KINDS[name])
        elif name == "data":
            kind = draw(st.sampled_from([*FILE_KINDS, *BIG]))
            files[name] = BIG[kind]() if kind in BIG else draw(FILE_KINDS[kind])
    return files


ENVIRONMENT = {
    "CLAIMTRACK_FETCH_TIMEOUT": ["0.5", "1", "nan", "inf", "-1", "0", "soon", "1e9", ""],
    "CLAIMTRACK_BUSY_TIMEOUT": ["0", "0.1", "nan", "-1", "inf", "x"],
    "COLUMNS": ["0", "1", "-5", "abc", "100000", "80", "30"],
    "LINES": ["0", "-1", "x"],
    "NO_COLOR": ["1", ""],
    "TERM": ["dumb", "xterm-256color", "\udcff"],
}


@st.composite
def environments(draw) -> dict[str, str]:
    names = draw(st.lists(st.sampled_from(sorted(ENVIRONMENT)), max_size=3, unique=True))
    return {name: draw(st.sampled_from(ENVIRONMENT[name])) for name in names}


ANSWERS = ["a", "e", "s", "q", "", "source", "figure", "date", "text", "unit", "stance", "zzz"]


@dataclass
class Example:
    args: list[str]
    files: dict[str, bytes]
    env: dict[str, str]
    stdin: bytes


@st.composite
def examples(draw) -> Example:
    args = draw(command_line())
    files = draw(file_contents(args))
    if "--interactive" in args:
        lines = draw(st.lists(st.sampled_from(ANSWERS) | TEXT, max_size=8))
        stdin = _encoded("\n".join(lines))
        if draw(st.booleans()):
            stdin += b"\n\xff\xfe\n"
    else:
        stdin = files.get("data", b"")
    return Example(args, files, draw(environments()), stdin)


# --- the world a run happens in ------------------------------------------------------


class World:
    """The folder, server and template database every run starts from."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.fixed = folder / "fixed"
        self.fixed.mkdir()
        (self.fixed / "dir").mkdir()
        os.mkfifo(self.fixed / "fifo")
        self._drain()
        self.template = folder / "template"
        self.template.mkdir()
        self.server = self._serve()
        self._build_templates()
        self.run_folder = folder / "run"
        tempfile.tempdir = str(folder / "tmp")  # `demo` without --db writes here
        (folder / "tmp").mkdir()

    def _drain(self) -> None:
        """Read whatever is written into the FIFO until closed (exports stream to it)."""
        path = self.fixed / "fifo"
        self.closing = threading.Event()

        def read() -> None:
            while not self.closing.is_set():
                with contextlib.suppress(OSError), open(path, "rb") as pipe:
                    while pipe.read(65536):
                        pass

        threading.Thread(target=read, daemon=True).start()

    def close(self) -> None:
        """Stop the server and the FIFO's reader (which waits for a writer: be one)."""
        self.closing.set()
        with contextlib.suppress(OSError):
            os.close(os.open(self.fixed / "fifo", os.O_WRONLY | os.O_NONBLOCK))
        self.httpd.shutdown()
        self.httpd.server_close()

    def _serve(self) -> str:
        page = (
            b"<html><head><title>Floods</title></head><body><article><p>Floods displaced "
            b"about 40,000 people, the state emergency agency said on Thursday.</p>"
            b"</article></body></html>"
        )

        def reply(handler: http.server.BaseHTTPRequestHandler) -> None:
            path = handler.path
            if path == "/redirect":
                handler.send_response(302)
                handler.send_header("Location", "ftp://127.0.0.1/x")
                handler.end_headers()
                return
            status = 404 if path == "/gone" else 200
            kind = {"/charset": "text/html; charset=x-unknown", "/binary": "text/html"}
            handler.send_response(status)
            handler.send_header("Content-Type", kind.get(path, "text/html; charset=utf-8"))
            if path == "/trickle":
                handler.send_header("Content-Length", "100000")
                handler.end_headers()
                for _ in range(20):  # 5 s at most: longer than any timeout a run sets
                    if self.closing.is_set():
                        return
                    handler.wfile.write(b"<")
                    handler.wfile.flush()
                    time.sleep(0.25)
                return
            handler.end_headers()
            if path == "/huge":
                for _ in range(100):
                    handler.wfile.write(b"<p>" + b"a" * 65_533)
            elif path == "/binary":
                handler.wfile.write(bytes(range(256)) * 100)
            elif path == "/deep":
                handler.wfile.write(b"<div>" * 50_000 + b"3,000 troops" + b"</div>" * 50_000)
            else:
                handler.wfile.write(page)

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the standard library's name
                with contextlib.suppress(OSError):
                    reply(self)

            def log_message(self, *args: object) -> None:
                pass

        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        self.httpd = httpd
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    def _build_templates(self) -> None:
        from typer.testing import CliRunner

        from claimtrack.cli import app

        db = self.template / "claims.db"
        env = {"CLAIMTRACK_DB": str(db)}
        steps = [
            ["add", "The U.S. confirms 3,000 North Korean troops have been sent to Russia",
             "--source", "U.S.", "--date", "2024-10-23", "--tag", "a;b", "--url",
             "https://example.org/a?x=1&y=2"],
            ["add", "Zelensky alleges North Korea is mobilizing up to 10,000 soldiers",
             "--source", "Volodymyr Zelensky", "--date", "2024-10-25", "--note", "n"],
            ["add", "Russia denies any plans for North Korean troops in combat",
             "--source", "Russia", "--date", "2024-10-24"],
            ["add", "NIS: about 12,000 North Korean troops \x1b]0;x\x07 \u202e", "--source",
             "NIS", "--date", "2024-10", "--as-of", "2024-09"],
            ["add", "Floods displaced tens of thousands, the agency said", "--source", "Agency",
             "--date", "2024", "--topic", "Floods"],
            ["add", "Removed: 5 drones", "--source", "X", "--date", "2024-10-01"],
            ["rm", "6"],
            ["rate", "2", "disputed", "-e", "An upper bound"],
            ["review", "1", "2", "--dismiss", "--note", "different counts"],
            ["sources", "alias", "United States", "U.S."],
            ["sources", "affiliate", "NIS", "Kyiv"],
            ["topics", "set", "Floods", "--cumulative"],
        ]  # fmt: skip
        runner = CliRunner()
        for step in steps:
            result = runner.invoke(app, step, env=env)
            assert result.exit_code == 0, (step, result.output, result.exception)
        for name in ("newer", "damaged", "hidden", "tampered"):
            shutil.copy(db, self.template / f"{name}.db")
        tamper(self.template / "tampered.db")
        conn = sqlite3.connect(self.template / "newer.db")
        with conn:
            conn.execute(
                "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                "VALUES ('claimtrack', 'm900_future', 'x')"
            )
        conn.close()
        for name in ("claims", "newer", "damaged", "hidden", "tampered"):
            conn = sqlite3.connect(self.template / f"{name}.db")
            conn.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal to copy
            conn.close()
        damage_page(self.template / "damaged.db", zero=True)
        damage_page(self.template / "hidden.db", zero=False)
        (self.template / "notsqlite.db").write_text("my notes, not a database\n")
        (self.template / "exists.txt").write_text("keep me\n")
        (self.template / "empty.db").write_bytes(b"")

    def prepare(self, example: Example) -> Path:
        """A fresh run folder: the template's files, the example's files and links."""
        run = self.run_folder
        if run.exists():
            shutil.rmtree(run)
        shutil.copytree(self.template, run)
        (run / "in").mkdir()
        for name, data in example.files.items():
            (run / "in" / name).write_bytes(data)
        (run / "null-link").symlink_to("/dev/null")
        (run / "link-to-exists").symlink_to(run / "exists.txt")
        (run / "dangling-link").symlink_to(run / "nowhere" / "x")
        (run / "loop").symlink_to(run / "loop")
        return run

    def expand(self, value: str) -> str:
        return value.replace("{fixed}", str(self.fixed)).replace("{server}", self.server)


def damage_page(path: Path, zero: bool) -> None:
    """Damage the first page of claims: zeroed whole (SQLite notices), or (zero
    False) saying it holds one cell, so that its other rows vanish without an
    error, as after a disk lost a write."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'claims' AND pagetype = 'leaf' ORDER BY pageno"
    ).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as handle:
        if zero:
            handle.seek((page - 1) * size)
            handle.write(b"\x00" * size)
        else:
            handle.seek((page - 1) * size + 3)
            handle.write((1).to_bytes(2, "big"))


def tamper(path: Path) -> None:
    """Rows of the stored conflicts, kinds and reviews as another program might
    leave them: not JSON, kinds and numbers no claimtrack writes, a claim that
    is not there."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        ids = [row[0] for row in conn.execute("SELECT id FROM conflicts ORDER BY id")]
        damage = [
            "claims = 'not json', listing = '{'",
            "kind = 'bogus', severity = 'x', ratio = 'NaN', status = 'maybe'",
            "claim_b = 99, claims = '[1, 99]', review_id = 42, quantity_kind = 'weird'",
        ]
        for conflict_id, change in zip(ids, damage, strict=False):  # as many as there are
            conn.execute(f"UPDATE conflicts SET {change} WHERE id = ?", (conflict_id,))
        conn.execute(
            "INSERT INTO quantity_kinds (topic_id, quantity, kind) "
            "SELECT id, 'people:gone', 'sideways' FROM topics LIMIT 1"
        )
        conn.execute("UPDATE reviews SET claims = '[', basis = '7', settings = x'ff'")
    conn.close()


# --- one run ----------------------------------------------------------------------


# Crashes in the parsers, whose owners fix them in their own change: reported by
# every run, but not failed on. Remove an entry once its fix has landed.
ELSEWHERE = {
    "figures.py": "the figure parser (numbers hundreds of digits long, 1e400, 10^400)",
    "dates.py": "the date parser (far-past dates: '3000 years ago', year 0)",
}


class Hang(BaseException):
    """A run went past HANG seconds (a BaseException: no `except Exception` eats it)."""


@dataclass
class Failure:
    kind: str
    detail: str
    example: Example
    where: str = ""

    @property
    def elsewhere(self) -> str | None:
        """Whose fix this is, when it is a crash in a parser another change owns."""
        if self.kind != "traceback":
            return None
        return ELSEWHERE.get(self.where.split(":")[0])

    @property
    def signature(self) -> tuple[str, str]:
        return (self.kind, self.where or self.detail[:80])

    def __str__(self) -> str:
        return (
            f"{self.kind}: {self.detail}\n  where: {self.where}\n  args: {self.example.args!r}\n"
            f"  env: {self.example.env!r}"
        )


def _dump(path: Path) -> str | None:
    if not path.exists():
        return None
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    except sqlite3.Error as error:
        return f"cannot dump: {error}"
    finally:
        conn.close()


def _files(run: Path) -> dict[str, str]:
    """Every regular file of the run (but the main database, compared by its dump)
    with a hash of its bytes; links and special files by what they are."""
    found = {}
    for path in sorted(run.rglob("*")):
        name = str(path.relative_to(run))
        if name.startswith("claims.db"):
            continue
        if path.is_symlink():
            found[name] = "link to " + os.readlink(path)
        elif path.is_file():
            found[name] = hashlib.sha1(path.read_bytes()).hexdigest()
        else:
            found[name] = "folder" if path.is_dir() else "special"
    return found


def _stored_problems(db: Path) -> list[str]:
    from claimtrack.db import open_store

    store = open_store(db)
    try:
        return [f"{what}: {words}" for what, ok, words in store.check() if not ok]
    finally:
        store.close()


def run_example(world: World, example: Example) -> Failure | None:
    from typer.testing import CliRunner

    from claimtrack.cli import app
    from claimtrack.escape import inert

    run = world.prepare(example)
    db = run / "claims.db"
    args = [world.expand(a) for a in example.args]
    env = {
        "CLAIMTRACK_DB": str(db),
        "CLAIMTRACK_FETCH_TIMEOUT": "0.5",
        "CLAIMTRACK_BUSY_TIMEOUT": "0.2",
        "COLUMNS": "100",
        **example.env,
    }
    before_dump, before_files = _dump(db), _files(run)
    previous = os.getcwd()
    os.chdir(run)  # relative paths of the example land in its own folder

    def hang(*_: object) -> None:
        raise Hang()

    signal.signal(signal.SIGALRM, hang)
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, HANG)
    try:
        result = CliRunner().invoke(app, args, input=example.stdin, env=env)
    except Hang:
        return Failure("hang", f"no end after {HANG} s", example)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        os.chdir(previous)
    elapsed = time.monotonic() - started
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    stderr = result.stderr
    code = result.exit_code
    error = result.exception
    if error is not None and not isinstance(error, SystemExit):
        frames = traceback.extract_tb(error.__traceback__)
        ours = [f for f in frames if "claimtrack" in f.filename] or frames
        where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else ""
        return Failure("traceback", f"{type(error).__name__}: {error}"[:300], example, where)
    if code not in DOCUMENTED_EXIT_CODES:
        return Failure("exit code", f"{code} is not documented", example)
    if inert(stderr) != stderr:
        return Failure("raw characters on stderr", repr(stderr[-200:]), example)
    if elapsed > TIME_BOUND:
        return Failure("slow", f"{elapsed:.1f} s", example, args[0])
    if grown > MEMORY_BOUND:
        return Failure("memory", f"peak grew {grown // 1024} MB", example, args[0])
    if code != 0:
        lines = stderr.strip().splitlines()
        if not lines or not lines[-1].startswith("Error: "):
            return Failure("no Error line", repr(stderr[-200:]), example)
        if _dump(db) != before_dump:
            return Failure("store changed on failure", lines[-1][:200], example, args[0])
        after = _files(run)
        if after != before_files:
            changed = sorted(set(after.items()) ^ set(before_files.items()))
            return Failure("files changed on failure", repr(changed[:3]), example, args[0])
        return None
    if db.exists():
        problems = _stored_problems(db)
        if problems:
            return Failure("store damaged by success", "; ".join(problems)[:300], example)
    return None


# --- running it -----------------------------------------------------------------------


def fuzz(examples_count: int, seed_value: int, keep_going: bool) -> list[Failure]:
    """Run the fuzzer; raise at the first failure (hypothesis then shrinks it), or
    with keep_going collect every failure. Returns the failures collected (with
    keep_going, all; without, those in ELSEWHERE)."""
    failures: list[Failure] = []
    saved = {name: os.environ.get(name) for name in ("http_proxy", "https_proxy", "no_proxy")}
    saved_tempdir = tempfile.tempdir
    os.environ["http_proxy"] = os.environ["https_proxy"] = "http://127.0.0.1:1"
    os.environ["no_proxy"] = "127.0.0.1,localhost"
    with tempfile.TemporaryDirectory(prefix="claimtrack-fuzz-") as folder:
        world = World(Path(folder))

        @seed(seed_value)
        @settings(
            max_examples=examples_count,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.generate] if keep_going else list(Phase),
        )
        @given(examples())
        def one(example: Example) -> None:
            failure = run_example(world, example)
            if failure is None:
                return
            if keep_going or failure.elsewhere:
                failures.append(failure)
                return
            raise AssertionError(str(failure))

        try:
            one()
        finally:  # the process goes on (under pytest): give back what the runs borrowed
            world.close()
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            tempfile.tempdir = saved_tempdir
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=20_241_023)
    args = parser.parse_args()
    started = time.monotonic()
    failures = fuzz(args.examples, args.seed, keep_going=True)
    elapsed = time.monotonic() - started
    distinct: dict[tuple[str, str], list[Failure]] = {}
    for failure in failures:
        distinct.setdefault(failure.signature, []).append(failure)
    ours = [f for f in failures if not f.elsewhere]
    print(
        f"{args.examples:,} examples in {elapsed:,.0f} s (seed {args.seed}): {len(ours)} failed "
        f"({len({f.signature for f in ours})} distinct); {len(failures) - len(ours)} more in "
        "code another change fixes"
    )
    for found in distinct.values():
        owner = f" (fixed elsewhere: {found[0].elsewhere})" if found[0].elsewhere else ""
        print(f"\n[{len(found)}x]{owner} {found[0]}")
    sys.exit(1 if ours else 0)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
