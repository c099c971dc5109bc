"""claimtrack's benchmark suite: whole processes, timed against anchors in the same run.

    python benchmarks/run.py                 # 100,000 claims
    python benchmarks/run.py --quick         # 5,000 claims, under a minute (CI runs it)
    python benchmarks/run.py --size 20000 --json out.json
    python benchmarks/run.py --scale 10000,1000000   # list/show/add/conflicts at other sizes
    python benchmarks/run.py --engine postgresql     # the same cases on a local server
    python benchmarks/run.py --engine postgresql --scale 1000000  # and list/show/conflicts
                                                     # at that size, on both engines

Each case runs once to warm up, then --runs times; the table shows the median,
min-max and the peak memory (max RSS) of the process, and the ratio of the
median to the anchor named in the target. The data is synthetic and
deterministic (fixed seed).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

BIN = Path(sys.executable).parent
SEED = 20241023
HOT_TOPIC = "Benchmark hot topic"
CHART_TOPIC = "Benchmark chart topic"

SOURCES = [
    "Pentagon", "US", "NIS", "Volodymyr Zelensky", "Kremlin", "Ukraine military intelligence",
    "UN OCHA", "Reuters tally", "Health ministry", "Governor", "NATO", "ISW",
]  # fmt: skip
UNITS = ["troops", "soldiers", "deaths", "casualties", "people displaced", "drones", "missiles"]
VERBS = ["said", "confirmed", "estimated", "reported", "claimed", "alleged", "told reporters"]
PLACES = ["Kursk", "Donetsk", "Kharkiv", "Vladivostok", "Gaza", "Khartoum", "Tigray", "Sumy"]
QUALIFIED = [
    "{n}", "about {n}", "up to {n}", "at least {n}", "more than {n}", "nearly {n}",
    "{n}-{m}", "between {n} and {m}", "some {n}", "as many as {n}",
]  # fmt: skip
VAGUE = ["dozens of", "hundreds of", "thousands of", "tens of thousands of"]
ADD_ARGS = ["add", "The Pentagon said about 3,000 troops were sent to Kursk", "--source",
            "Pentagon 1", "--date", "2024-10-23", "--topic", "Benchmark adds"]  # fmt: skip


def generate(n: int, path: Path) -> None:
    """N claims over N/50 topics and N/200 sources, three years of dates, ~3% conflicting."""
    rng = random.Random(SEED)
    topics = max(1, n // 50)
    sources = [f"{rng.choice(SOURCES)} {i}" for i in range(max(2, n // 200))]
    base = {t: rng.choice([300, 1_200, 3_000, 8_000, 25_000, 120_000]) for t in range(topics)}
    start = date(2022, 1, 1)
    hot = min(1000, n // 5)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["text", "source", "date", "topic", "figure", "unit", "stance"])
        for i in range(n):
            topic = i % topics
            unit = UNITS[topic % len(UNITS)]
            value = base[topic] * rng.uniform(0.95, 1.05)
            if rng.random() < 0.03:
                value *= rng.choice([0.2, 4.0])  # the conflicting few
            value = round(value, -1) or 10
            if rng.random() < 0.05:
                figure = rng.choice(VAGUE)
            else:
                figure = rng.choice(QUALIFIED).format(
                    n=f"{int(value):,}", m=f"{int(value * 1.2):,}"
                )
            source = rng.choice(sources)
            day = start + timedelta(days=rng.randrange(3 * 365))
            name = HOT_TOPIC if i < hot else f"Topic {topic}: {unit} in {PLACES[topic % 8]}"
            text = (
                f"{source} {rng.choice(VERBS)} {figure} {unit} in {PLACES[topic % 8]} "
                f"as of {day:%d %B %Y}, according to a statement"
            )
            stance = "denies" if rng.random() < 0.01 else ""
            writer.writerow([text, source, day.isoformat(), name, figure, unit, stance])


# Wire copy for the plain CSV: every figure, unit and stance is read from the text.
WIRE_SOURCES = [
    "the health ministry", "the Pentagon", "police", "the UN refugee agency", "the Red Cross",
    "Governor Ana Ruiz", "the central bank", "organisers", "the army", "Reuters", "a union",
    "the state utility", "rescue officials", "the World Bank", "Mayor Tom Reyes", "the Kremlin",
]  # fmt: skip
WIRE_VERBS = ["said", "says", "estimated", "confirmed", "reported", "claimed", "told reporters",
              "alleged", "announced", "denied"]  # fmt: skip
WIRE_COUNTS = [
    "{n}", "about {n}", "nearly {n}", "at least {n}", "more than {n}", "up to {n}",
    "as many as {n}", "no fewer than {n}", "some {n}", "{n}-{m}", "between {n} and {m}",
    "{n} to {m}", "an estimated {n}", "{n} or more", "fewer than {n}",
    "dozens of", "hundreds of", "thousands of", "tens of thousands of", "a handful of",
    "twenty-five thousand", "two dozen", "half a million", "one and a half million",
    "three hundred", "{k}k", "{b} million", "{b}m",
]  # fmt: skip
WIRE_MONEY = [
    "${b} million", "${b}bn", "€{b}bn", "£{n2}m", "US${n2} million", "Rs {b} trillion",
    "{b} million euros", "${b}-${c} billion", "between €{b}bn and €{c}bn", "a further ${n2}m",
]  # fmt: skip
WIRE_UNITS = ["troops", "people", "civilians", "homes", "refugees", "deaths", "injuries",
              "soldiers", "drones", "missiles", "households", "workers", "protesters",
              "evacuees", "patients", "boats"]  # fmt: skip
# A story of the plain CSV: an event in a town of its own ("the Varnok floods"), as a
# desk's claims are about many stories, each of tens of claims, not about a few.
WIRE_EVENTS = ["floods", "earthquake", "strike", "protests", "wildfire", "cyclone", "blast",
               "landslide", "riots", "offensive", "outbreak", "march"]  # fmt: skip
WIRE_SYLLABLES = ["var", "nok", "tel", "bri", "os", "ka", "mun", "dre", "lis", "zo", "pra", "gan",
                  "ur", "vel", "tho", "ri", "sel", "am", "quo", "bex"]  # fmt: skip
WIRE_AROUND = ["in", "across", "near", "around"]
WIRE_WHEN = ["on Tuesday", "on Friday", "last week", "on 23 October", "since March 2022",
             "as of 5 May 2024", "this month", "overnight", "in April", "by Sunday"]  # fmt: skip
WIRE_TEMPLATES = [
    "{Source} {verb} {count} {unit} had been {done} {place} {when}.",
    "{Count} {unit} were {done} {place} {when}, {source} {verb}.",
    "According to {source}, {count} {unit} have been {done} {place} {when}.",
    "{Source} {verb} on Monday that the repairs {after} would cost {money}, up from {money2} a year earlier.",
    "{Source} put the toll {after} at {toll} {when}, while {source2} {verb} {toll2}.",
    "{Count} {unit} {place} {when}, {source} {verb} in a statement issued at 10:30 pm.",
    "{Source} {verb} that {count} {unit} and {count2} {unit2} were {done} {place}.",
    "{Source} {verb} {money} in aid had reached {count} {unit} {place} {when}.",
]  # fmt: skip
WIRE_DONE = ["killed", "displaced", "evacuated", "deployed", "detained", "moved", "reported"]


def wire_stories(count: int) -> list[str]:
    """COUNT stories named as copy names them ("the Telbri floods"), each town's
    first five letters its own, as real places' mostly are."""
    rng = random.Random(SEED + 2)
    stories: dict[str, str] = {}
    while len(stories) < count:
        town = "".join(rng.choice(WIRE_SYLLABLES) for _ in range(rng.randint(2, 4)))
        stories.setdefault(town[:5], f"the {town.capitalize()} {rng.choice(WIRE_EVENTS)}")
    return list(stories.values())


def wire_sentence(rng: random.Random, story: str = "the Telbri floods") -> tuple[str, str]:
    """One sentence of invented wire copy about STORY, and its source as a CSV would
    name it."""
    n = rng.choice([12, 40, 300, 1_200, 3_000, 8_000, 25_000, 120_000]) * rng.randint(1, 9)

    def count() -> str:
        return rng.choice(WIRE_COUNTS).format(
            n=f"{n:,}", m=f"{n * 6 // 5:,}", k=max(1, n // 1000), b=rng.randint(2, 9)
        )

    def money() -> str:
        b = rng.randint(1, 8)
        return rng.choice(WIRE_MONEY).format(b=b, c=b + rng.randint(1, 3), n2=rng.randint(20, 900))

    source, other = rng.sample(WIRE_SOURCES, 2)
    words = {
        "source": source, "source2": other, "verb": rng.choice(WIRE_VERBS),
        "count": count(), "count2": count(), "unit": rng.choice(WIRE_UNITS),
        "unit2": rng.choice(WIRE_UNITS), "place": f"{rng.choice(WIRE_AROUND)} {story}", "after": f"after {story}",
        "when": rng.choice(WIRE_WHEN), "money": money(), "money2": money(),
        "done": rng.choice(WIRE_DONE),
    }  # fmt: skip
    words["toll"], words["toll2"] = (c.removesuffix(" of") for c in (count(), count()))
    words["Source"] = source[:1].upper() + source[1:]
    words["Count"] = words["count"][:1].upper() + words["count"][1:]
    text = rng.choice(WIRE_TEMPLATES).format(**words)
    return text, source.removeprefix("the ")


def generate_plain(n: int, path: Path) -> None:
    """N rows of `text,source,date` only, the README's minimal CSV: N/50 stories."""
    rng = random.Random(SEED + 1)
    stories = wire_stories(max(1, n // 50))
    start = date(2022, 1, 1)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["text", "source", "date"])
        for _ in range(n):
            text, source = wire_sentence(rng, rng.choice(stories))
            writer.writerow(
                [text, source, (start + timedelta(days=rng.randrange(900))).isoformat()]
            )


# Run as `run.py --time-figures FILE` in its own process: the figure parser's
# median time a sentence, each sentence timed once after a warm-up on others (so
# that a cache inside the parser would not flatter it).
TIME_FIGURES = "--time-figures"


def time_figures(path: Path) -> None:
    from claimtrack.figures import parse_figure

    rng = random.Random(SEED + 2)
    for _ in range(500):
        parse_figure(wire_sentence(rng)[0])
    times = []
    clock = time.perf_counter_ns
    for line in path.read_text(encoding="utf-8").splitlines():
        start = clock()
        parse_figure(line)
        times.append(clock() - start)
    print(json.dumps({"median_s": statistics.median(times) / 1e9, "sentences": len(times)}))


def generate_topic(n: int, path: Path) -> None:
    """N claims of one topic and one quantity, from 40 sources over a year: a chart's worth."""
    rng = random.Random(SEED)
    start = date(2024, 1, 1)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["text", "source", "date", "topic", "figure", "unit"])
        for i in range(n):
            value = int(
                round(8_000 * rng.uniform(0.7, 1.3) * (4.0 if rng.random() < 0.03 else 1), -1)
            )
            figure = (rng.choice(VAGUE) if rng.random() < 0.05 else
                      rng.choice(QUALIFIED).format(n=f"{value:,}", m=f"{int(value * 1.2):,}"))  # fmt: skip
            source = f"{SOURCES[i % 40 % len(SOURCES)]} {i % 40}"
            day = start + timedelta(days=rng.randrange(365))
            text = f"{source} said {figure} troops were deployed as of {day:%d %B %Y}"
            writer.writerow([text, source, day.isoformat(), CHART_TOPIC, figure, "troops"])


def article(words: int) -> str:
    rng = random.Random(SEED)
    sentences = []
    while sum(len(s.split()) for s in sentences) < words:
        sentences.append(
            f"{rng.choice(SOURCES)} {rng.choice(VERBS)} on Tuesday that "
            f"{rng.choice(QUALIFIED).format(n=f'{rng.randrange(100, 20000):,}', m='25,000')} "
            f"{rng.choice(UNITS)} were in {rng.choice(PLACES)}, a figure others disputed."
        )
    return " ".join(sentences)


@dataclass
class Result:
    name: str
    times: list[float] = field(default_factory=list)
    rss_mb: float = 0.0
    target: str = ""
    anchor: str | None = None
    limit: float | None = None  # ratio to the anchor, or seconds when anchor is None
    per_item: bool = False  # times are a median per item, not whole processes
    rate: bool = False  # "times" holds one rate, things a second

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and peak memory (MB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{error}")
    return elapsed, usage.ru_maxrss / 1024


def measure(name: str, command: list[str], runs: int, env: dict[str, str], prepare=None) -> Result:
    result = Result(name)
    for attempt in range(runs + 1):
        if prepare:
            prepare()
        elapsed, rss = run_once(command, env)
        if attempt:  # the first run warms the caches
            result.times.append(elapsed)
            result.rss_mb = max(result.rss_mb, rss)
    return result


def measure_in_turn(
    *cases: tuple[str, list[str], object], runs: int, env: dict[str, str]
) -> list[Result]:
    """Cases (name, command, prepare) timed one run each in turn, the order reversed
    every round: on a shared machine a busy spell then slows each of them alike,
    and their ratio holds where times one case after the other would not."""
    results = [Result(name) for name, _, _ in cases]
    for attempt in range(runs + 1):
        order = list(zip(results, cases, strict=True))
        for result, (_, command, prepare) in order if attempt % 2 else reversed(order):
            if prepare:
                prepare()  # type: ignore[operator]
            elapsed, rss = run_once(command, env)
            if attempt:  # the first round warms the caches
                result.times.append(elapsed)
                result.rss_mb = max(result.rss_mb, rss)
    return results


def claimtrack(*args: str) -> list[str]:
    return [str(BIN / "claimtrack"), *args]


def build_database(work: Path, n: int, env: dict[str, str]) -> tuple[Path, Path]:
    data = work / f"claims-{n}.csv"
    generate(n, data)
    db = work / f"claims-{n}.db"
    subprocess.run(claimtrack("--db", str(db), "import", str(data)), check=True, env=env,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    return data, db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="claims (default 100,000)")
    parser.add_argument("--quick", action="store_true", help="5,000 claims, 3 runs: for CI")
    parser.add_argument("--runs", type=int, default=5, help="timed runs a case (default 5)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--scale", help="comma-separated sizes for the scaling cases")
    parser.add_argument(
        "--engine", choices=("sqlite", "postgresql"), default="sqlite",
        help="postgresql: each case on a throwaway local server beside SQLite's",
    )  # fmt: skip
    args = parser.parse_args()
    size, runs = (5_000, 3) if args.quick else (args.size, args.runs)

    work = Path(tempfile.mkdtemp(prefix="claimtrack-bench-"))
    env = {**os.environ, "CLAIMTRACK_DB": str(work / "unused.db"), "NO_COLOR": "1"}
    env.pop("COLUMNS", None)
    env.pop("CLAIMTRACK_USER", None)
    try:
        if args.engine == "postgresql":
            results, scaling = run_postgresql(work, size, runs, env, args.scale, args.quick)
        else:
            results = run_cases(work, size, runs, env)
            scaling = run_scaling(work, args.scale, runs, env) if args.scale else []
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(results, scaling, size, runs, args.json)


def run_postgresql(
    work: Path, size: int, runs: int, env: dict[str, str], scale: str | None, quick: bool
) -> tuple[list[Result], list[Result]]:
    """The issue's PostgreSQL cases, each beside the same case on SQLite in this run, at
    the suite's size and at each of the --scale sizes."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from postgres_server import start_cluster

    cluster, why = start_cluster()
    if cluster is None:
        raise SystemExit(f"no PostgreSQL server for the benchmarks: {why}")
    try:
        return _postgresql_cases(cluster, work, size, runs, env, scale, quick)
    finally:
        cluster.stop()


def _recorder(results: list[Result], runs: int, env: dict[str, str]):  # type: ignore[no-untyped-def]
    """case(name, command, target, anchor, limit, prepare): measure a command and
    keep its result, with what it is judged against."""

    def case(name, command, target="", anchor=None, limit=None, prepare=None):  # type: ignore[no-untyped-def]
        print(f"  {name}", file=sys.stderr)
        result = measure(name, command, runs, env, prepare)
        result.target, result.anchor, result.limit = target, anchor, limit
        results.append(result)

    return case


def _postgresql_cases(cluster, work, size, runs, env, scale, quick):  # type: ignore[no-untyped-def]
    results: list[Result] = []
    case = _recorder(results, runs, env)

    print(f"Generating {size:,} claims and importing them into both engines...", file=sys.stderr)
    data, db = build_database(work, size, env)
    url = cluster.url(cluster.new_database())
    subprocess.run(claimtrack("--db", url, "import", str(data)), check=True, env=env,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    fresh_file = work / "fresh.db"
    fresh_url = cluster.url("fresh")

    def reset_file() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{fresh_file}{suffix}").unlink(missing_ok=True)

    def reset_server() -> None:
        cluster.drop_database("fresh")
        cluster.sql("CREATE DATABASE fresh TEMPLATE template0")
        # The schema is built before the clock starts, as the file's is not: an import
        # into a new server database is rare, and building it is not what is measured.
        subprocess.run(claimtrack("--db", fresh_url, "list"), check=True, env=env,
                       stdout=subprocess.DEVNULL)  # fmt: skip

    def side_by_side(name, args, limit=None, stores=(db, url), prepares=(None, None), into=results):
        print(f"  {name}, sqlite and postgresql in turn", file=sys.stderr)
        lite, server = measure_in_turn(
            (f"sqlite: {name}", claimtrack("--db", str(stores[0]), *args), prepares[0]),
            (f"postgresql: {name}", claimtrack("--db", stores[1], *args), prepares[1]),
            runs=runs, env=env,
        )  # fmt: skip
        server.anchor, server.limit = lite.name, limit
        server.target = f"<= {limit}x sqlite: {name}" if limit else ""
        into.extend((lite, server))
        return lite, server

    case("python -c pass", [sys.executable, "-c", "pass"])
    # What every command on the server pays first, beside what the whole of a
    # SQLite command costs: the floor of the 1.5x targets.
    case("python -c 'import psycopg'", [sys.executable, "-c", "import psycopg"])
    for name, args in (
        ("add", ADD_ARGS),
        ("list --limit 20", ["list", "--limit", "20"]),
        ("list --search WORDS", ["list", "--search", "Kursk troops", "--limit", "20"]),
        ("show ID", ["show", str(size // 2)]),
        ("conflicts --json", ["conflicts", "--json"]),
        ("export json", ["export", "json"]),
    ):
        side_by_side(name, args, 1.5 if name in ("add", "list --limit 20", "show ID") else None)
    side_by_side("import (csv)", ["import", str(data)], 1.5, (fresh_file, fresh_url),
                 (reset_file, reset_server))  # fmt: skip
    results.append(concurrent_writers(cluster, env, 8, 50 if quick else 500))
    scaling: list[Result] = []
    for n in [int(s) for s in (scale or "").split(",") if s.strip()]:
        print(f"Scaling: {n:,} claims in both engines", file=sys.stderr)
        big, big_db = build_database(work, n, env)
        big_url = cluster.url(cluster.new_database())
        subprocess.run(claimtrack("--db", big_url, "import", str(big)), check=True, env=env,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        big.unlink()
        # The machine's load now, long after the first cases: what the times are read against.
        scaling.append(
            measure(f"python -c pass @ {n:,}", [sys.executable, "-c", "pass"], runs, env)
        )
        for name, args in (("list --limit 20", ["list", "--limit", "20"]),
                           ("show ID", ["show", str(n // 2)]),
                           ("conflicts --json", ["conflicts", "--json"])):  # fmt: skip
            ratio = None if name == "conflicts --json" else 1.5
            lite, server = side_by_side(f"{name} @ {n:,}", args, ratio, (big_db, big_url),
                                        into=scaling)  # fmt: skip
            if ratio is None and n >= 1_000_000:  # issue 12's target, and issue 16's
                lite.target, lite.limit = "<= 0.3 s", 0.3
                server.target, server.limit, server.anchor = "<= 0.5 s", 0.5, None
        big_db.unlink()
        cluster.drop_database(big_url.split("/")[3].split("?")[0])
    return results, scaling


# Run as `run.py --writer URL N NAME`: one of the concurrent writers, adding N claims
# through the store's interface (what `claimtrack add` does, less the process start),
# or, with N = 0, the reader listing until the writers are done.
WRITER = "--writer"


def writer(url: str, count: int, name: str) -> None:
    from claimtrack.claims import Claim
    from claimtrack.dates import ClaimDate
    from claimtrack.db import open_store
    from claimtrack.figures import parse_figure

    store = open_store(url)
    store.user = name
    failures = reads = 0
    if count == 0:
        stop = Path(name)
        while not stop.exists():
            try:
                list(store.list_claims(limit=20))
                reads += 1
            except Exception:
                failures += 1
        print(json.dumps({"reads": reads, "failures": failures}))
        return
    start = time.perf_counter()
    for i in range(count):
        text = f"Officials in district {i} said {100 + i} people were evacuated ({name})"
        # A district a topic, which every writer adds to: each add keeps the stored
        # conflicts of its own quantity up to date, as a desk's writes do. (One topic
        # for all would make every add compare thousands of claims with each other.)
        claim = Claim(text=text, source=f"Officials {name}", date=ClaimDate("2024-06-01", "day"),
                      topic=f"Benchmark district {i}", figure=parse_figure(text), unit="people")  # fmt: skip
        try:
            store.add_claim(claim)
        except Exception:
            failures += 1
    print(json.dumps({"seconds": time.perf_counter() - start, "failures": failures}))


def concurrent_writers(cluster, env: dict[str, str], writers: int, each: int) -> Result:  # type: ignore[no-untyped-def]
    """WRITERS processes adding EACH claims at once, a reader listing throughout."""
    print(f"  {writers} writers x {each} adds, a reader listing", file=sys.stderr)
    url = cluster.url(cluster.new_database())
    subprocess.run(claimtrack("--db", url, "list"), check=True, env=env, stdout=subprocess.DEVNULL)
    stop = Path(tempfile.mkdtemp()) / "stop"
    command = [sys.executable, __file__, WRITER, url]
    reader = subprocess.Popen([*command, "0", str(stop)], stdout=subprocess.PIPE, env=env)
    running = [
        subprocess.Popen([*command, str(each), f"w{w}"], stdout=subprocess.PIPE, env=env)
        for w in range(writers)
    ]
    outcomes = [json.loads(p.communicate()[0]) for p in running]
    stop.touch()
    read = json.loads(reader.communicate()[0])
    stored = cluster.sql("SELECT count(*) FROM claims", url.split("/")[3].split("?")[0])[0][0]
    failures = sum(o["failures"] for o in outcomes) + read["failures"]
    name = (
        f"{writers} writers x {each} adds: {stored:,} stored, {failures} failures, "
        f"{read['reads']:,} reads"
    )
    # From the writers' own clocks: the adds, not the processes' start-up.
    result = Result(name, times=[writers * each / max(o["seconds"] for o in outcomes)], rate=True)
    result.target = "adds a second; all stored, 0 failures"
    if stored != writers * each or failures:
        raise SystemExit(f"concurrent writers lost work: {name}")
    return result


def run_cases(work: Path, size: int, runs: int, env: dict[str, str]) -> list[Result]:
    print(f"Generating {size:,} claims and importing them...", file=sys.stderr)
    data, db = build_database(work, size, env)
    results: list[Result] = []
    case = _recorder(results, runs, env)

    case("python -c pass", [sys.executable, "-c", "pass"])
    case("sqlite-utils --version", [str(BIN / "sqlite-utils"), "--version"])
    fresh = work / "fresh.db"

    def reset() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{fresh}{suffix}").unlink(missing_ok=True)

    case("sqlite-utils insert (csv)",
         [str(BIN / "sqlite-utils"), "insert", str(fresh), "claims", str(data), "--csv"],
         prepare=reset)  # fmt: skip
    case("claimtrack --help", claimtrack("--help"), "<= 0.8x sqlite-utils --version",
         "sqlite-utils --version", 0.8)  # fmt: skip
    case("claimtrack add", claimtrack("--db", str(db), *ADD_ARGS),
         "<= 1.0x sqlite-utils --version", "sqlite-utils --version", 1.0)  # fmt: skip
    case("claimtrack list --limit 20", claimtrack("--db", str(db), "list", "--limit", "20"),
         "<= 1.0x sqlite-utils --version", "sqlite-utils --version", 1.0)  # fmt: skip
    case("claimtrack list --search WORDS",
         claimtrack("--db", str(db), "list", "--search", "Kursk troops", "--limit", "20"),
         "<= 1.0x sqlite-utils --version", "sqlite-utils --version", 1.0)  # fmt: skip
    case("claimtrack show ID", claimtrack("--db", str(db), "show", str(size // 2)),
         "<= 1.0x sqlite-utils --version", "sqlite-utils --version", 1.0)  # fmt: skip
    case("claimtrack import (csv)", claimtrack("--db", str(fresh), "import", str(data)),
         "<= 1.5x sqlite-utils insert", "sqlite-utils insert (csv)", 1.5, prepare=reset)  # fmt: skip
    case("claimtrack conflicts --json", claimtrack("--db", str(db), "conflicts", "--json"),
         "<= 2 s", None, 2.0)  # fmt: skip
    case("claimtrack export markdown", claimtrack("--db", str(db), "export", "markdown"),
         "<= 3 s, <= 300 MB", None, 3.0)  # fmt: skip
    case("claimtrack export json", claimtrack("--db", str(db), "export", "json"),
         "<= 3 s, <= 300 MB", None, 3.0)  # fmt: skip
    case("claimtrack timeline TOPIC", claimtrack("--db", str(db), "timeline", HOT_TOPIC),
         f"<= 1 s ({min(1000, size // 5):,} claims)", None, 1.0)  # fmt: skip
    plain = work / "plain.csv"
    generate_plain(size, plain)
    case("sqlite-utils insert (plain csv)",
         [str(BIN / "sqlite-utils"), "insert", str(fresh), "claims", str(plain), "--csv"],
         prepare=reset)  # fmt: skip
    case("claimtrack import (plain csv)", claimtrack("--db", str(fresh), "import", str(plain)),
         "<= 1.5x sqlite-utils insert", "sqlite-utils insert (plain csv)", 1.5,
         prepare=reset)  # fmt: skip
    results.append(figure_parser_case(work, plain, min(size, 5_000), runs, env))
    html = work / "story.html"
    case("claimtrack export html", claimtrack("--db", str(db), "export", "html", "-o", str(html)),
         "<= 10 s, <= 400 MB", None, 10.0)  # fmt: skip
    chart_claims = min(1000, size // 5)
    chart_data, chart_db = work / "chart.csv", work / "chart.db"
    generate_topic(chart_claims, chart_data)
    subprocess.run(claimtrack("--db", str(chart_db), "import", str(chart_data)), check=True,
                   env=env, stdout=subprocess.DEVNULL)  # fmt: skip
    case("claimtrack chart TOPIC -o svg",
         claimtrack("--db", str(chart_db), "chart", CHART_TOPIC, "-o", str(work / "chart.svg")),
         f"<= 1.5 s ({chart_claims:,} claims)", None, 1.5)  # fmt: skip
    if _has_command("extract"):
        text = work / "article.txt"
        text.write_text(article(5000))
        case("claimtrack extract (5,000 words)", claimtrack("extract", str(text)), "<= 1 s",
             None, 1.0)  # fmt: skip
        dense = work / "dense.txt"
        dense.write_text(dense_sentence(200_000))
        # The reading alone: printed, each of its thousands of proposals would quote
        # the whole 200 KB sentence (see the README's Extraction limits).
        reader = (
            "import sys, datetime; from claimtrack.extract import extract_claims; "
            "extract_claims(open(sys.argv[1]).read(), datetime.date(2024, 5, 1), {})"
        )
        case("extract_claims (a 200 KB sentence)", [sys.executable, "-c", reader, str(dense)],
             "<= 2 s", None, 2.0)  # fmt: skip
        voices = work / "voices.txt"
        voices.write_text(voices_sentence(200_000))
        case("extract_claims (200 KB, 4,000 sources)", [sys.executable, "-c", reader,
             str(voices)], "<= 2 s", None, 2.0)  # fmt: skip
    return results


def dense_sentence(size: int) -> str:
    """One sentence of `size` characters that is all figures and places: the worst
    shape for a reader that looks around every number."""
    rng = random.Random(7)
    parts, length = [], 0
    while length < size:
        part = f"{rng.randint(1, 99_999):,} people in district {len(parts)}"
        parts.append(part)
        length += len(part) + 2
    return "The ministry said " + ", ".join(parts) + ".\n"


def voices_sentence(size: int) -> str:
    """One sentence of `size` characters in which thousands of sources each give a
    figure, in three shapes ("X said N", "N according to X", "X recorded N"): every
    figure has its own source to find among all the others."""
    rng = random.Random(8)
    shapes = (
        "the {name} council said {n:,} people had fled",
        "{n:,} people fled according to the {name} council",
        "the {name} council recorded {n:,} deaths",
    )
    parts, length = [], 0
    while length < size:
        name = "".join(rng.choice("aeioubdklmnrstv") for _ in range(7)).title()
        part = shapes[len(parts) % 3].format(name=name, n=rng.randint(1, 99_999))
        parts.append(part)
        length += len(part) + 2
    return "In the floods, " + ", ".join(parts) + ".\n"


def figure_parser_case(
    work: Path, plain: Path, count: int, runs: int, env: dict[str, str]
) -> Result:
    """The median time of `parse_figure` a sentence, over the plain CSV's first sentences."""
    print("  figure parser, per sentence", file=sys.stderr)
    with plain.open(newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(handle)
        texts = [row["text"] for _, row in zip(range(count), rows, strict=False)]
    sentences = work / "sentences.txt"
    sentences.write_text("\n".join(texts) + "\n", encoding="utf-8")
    result = Result(f"parse_figure ({count:,} sentences)", target="<= 15 us a sentence",
                    limit=15e-6, per_item=True)  # fmt: skip
    command = [sys.executable, __file__, TIME_FIGURES, str(sentences)]
    for _ in range(runs):
        out = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
        result.times.append(json.loads(out.stdout)["median_s"])
    return result


def run_scaling(work: Path, sizes_text: str, runs: int, env: dict[str, str]) -> list[Result]:
    """list, show, add and conflicts at each size. The targets: add at the largest
    size within 1.2x of add at the smallest; conflicts --json at a million claims
    or more within 0.3 s (it reads the stored conflicts)."""
    results = []
    sizes = sorted(int(s) for s in sizes_text.split(",") if s.strip())
    for n in sizes:
        print(f"Scaling: {n:,} claims", file=sys.stderr)
        _, db = build_database(work, n, env)
        for name, args in (
            ("list --limit 20", ["list", "--limit", "20"]),
            ("show ID", ["show", str(n // 2)]),
            ("add", ADD_ARGS),
            ("conflicts --json", ["conflicts", "--json"]),
        ):
            result = measure(f"{name} @ {n:,}", claimtrack("--db", str(db), *args), runs, env)
            if name == "add" and n == sizes[-1] and len(sizes) > 1:
                result.anchor, result.limit = f"add @ {sizes[0]:,}", 1.2
                result.target = f"<= 1.2x add @ {sizes[0]:,}"
            if name == "conflicts --json" and n >= 1_000_000:
                result.limit, result.target = 0.3, "<= 0.3 s"
            results.append(result)
        db.unlink()
    return results


def _has_command(name: str) -> bool:
    out = subprocess.run(claimtrack("--help"), capture_output=True, text=True).stdout
    return any(line.strip().startswith(name + " ") for line in out.splitlines())


def r_rate(row: dict[str, object]) -> bool:
    return bool(row.get("per_second"))


def report(
    results: list[Result], scaling: list[Result], size: int, runs: int, path: Path | None
) -> None:
    medians = {r.name: r.median for r in results + scaling}
    rows = []
    for r in results + scaling:
        ratio = medians[r.anchor] and r.median / medians[r.anchor] if r.anchor else None
        measured = ratio if r.anchor else r.median
        met = None if r.limit is None else measured <= r.limit
        digits = 8 if r.per_item else 4
        rows.append({
            "case": r.name,
            "median_s": round(r.median, digits),
            "min_s": round(min(r.times), digits),
            "max_s": round(max(r.times), digits),
            "peak_rss_mb": round(r.rss_mb, 1),
            "ratio": None if ratio is None else round(ratio, 2),
            "anchor": r.anchor,
            "target": r.target,
            "met": met,
            **({"per_second": True} if r.rate else {}),
        })  # fmt: skip
    print(f"\nclaimtrack benchmarks: {size:,} claims, median of {runs} runs after a warm-up\n")
    header = f"{'case':42} {'median':>8} {'min-max':>15} {'peak MB':>8} {'ratio':>6}  target"
    print(header)
    print("-" * len(header))
    for row in rows:
        ratio = "" if row["ratio"] is None else f"{row['ratio']:.2f}"
        verdict = {True: "met", False: "MISSED", None: ""}[row["met"]]
        if r_rate(row):
            times, memory = f"{row['median_s']:8.1f}/s {'':15}", " " * 8
        elif row["peak_rss_mb"]:
            times = f"{row['median_s']:8.3f} {row['min_s']:7.3f}-{row['max_s']:<7.3f}"
            memory = f"{row['peak_rss_mb']:8.1f}"
        else:  # a time per item, in microseconds; its process's memory says nothing
            low, high = row["min_s"] * 1e6, row["max_s"] * 1e6
            times, memory = f"{row['median_s'] * 1e6:6.1f}us {low:6.1f}-{high:<6.1f}us", " " * 8
        print(f"{row['case']:42} {times} {memory} {ratio:>6}  {row['target']} {verdict}".rstrip())
    if path:
        path.write_text(json.dumps({"size": size, "runs": runs, "results": rows}, indent=2) + "\n")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == TIME_FIGURES:
        time_figures(Path(sys.argv[2]))
    elif len(sys.argv) == 5 and sys.argv[1] == WRITER:
        writer(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        main()
