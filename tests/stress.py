"""Stress runs that try to break the database: concurrent writers with a reader,
and imports killed with SIGKILL. The normal test suite runs them small; run
the full sizes with

    python tests/stress.py            # 8 writers x 200 claims; 10 kills of a 100,000-claim import
    python tests/stress.py --writers 4 --claims 50 --kills 3 --size 5000
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

WRITER = """
import sys
from claimtrack.cli import app
db, writer, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
failures = 0
for i in range(count):
    code = app(["--db", db, "add", f"Writer {writer} says {1000 + i:,} troops moved, note {i}",
                "--source", f"Writer {writer}", "--date", "2024-10-01", "--topic", "Stress"],
               standalone_mode=False)
    failures += code != 0
print(failures, file=sys.stderr)
"""

READER = """
import sys, time
from claimtrack.cli import app
db, stop = sys.argv[1], sys.argv[2]
import os
reads = failures = 0
while not os.path.exists(stop):
    failures += app(["--db", db, "list", "--limit", "5", "--json"], standalone_mode=False) != 0
    reads += 1
print(reads, failures, file=sys.stderr)
"""


def writer_environment() -> dict[str, str]:
    """The environment of a writer process: it waits for the lock as a user's
    command would, whatever the caller set (the test suite sets 0.2 s)."""
    return {**os.environ, "CLAIMTRACK_BUSY_TIMEOUT": "10"}


def _python(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=writer_environment(),
    )


def _last_line(text: str) -> list[int]:
    lines = text.strip().splitlines()
    return [int(x) for x in lines[-1].split()] if lines else []


def count_claims(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    finally:
        conn.close()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def concurrent_writers(db: Path, writers: int, claims: int) -> dict[str, object]:
    """Writers add claims at the same time while a reader lists; count what landed,
    and each writer's failures with the first of its error messages."""
    subprocess.run(
        [sys.executable, "-m", "claimtrack", "--db", str(db), "list"], check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    stop = db.with_suffix(".stop")
    reader = _python(READER, str(db), str(stop))
    procs = [_python(WRITER, str(db), str(w), str(claims)) for w in range(writers)]
    failures: list[int] = []
    errors: list[str] = []
    for process in procs:
        output = process.communicate()[1]
        counts = _last_line(output)
        failures.append(counts[0] if counts and process.returncode == 0 else claims)
        errors += [line for line in output.splitlines() if line.startswith("Error")][:3]
    stop.touch()
    counts = _last_line(reader.communicate()[1])
    reads, read_failures = counts if len(counts) == 2 and reader.returncode == 0 else (0, 1)
    return {
        "writers": writers,
        "claims_each": claims,
        "expected": writers * claims,
        "stored": count_claims(db),
        "write_failures": sum(failures),
        "failures_by_writer": failures,
        "errors": errors,
        "reads": reads,
        "read_failures": read_failures,
    }


def write_import_file(path: Path, size: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["text", "source", "date", "topic", "figure", "unit"])
        for i in range(size):
            value = rng.randrange(100, 50_000)
            writer.writerow([
                f"Source {i % 97} said {value:,} troops were moved, report {i}",
                f"Source {i % 97}", f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                f"Topic {i % 211}", f"{value:,}", "troops",
            ])  # fmt: skip


def _processes_using(db: Path, wait: float = 2.0) -> int:
    """Processes still running with this database on their command line (a
    helper the killed import had started must not outlive it)."""
    deadline = time.monotonic() + wait
    while True:
        found = 0
        for entry in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                if str(db).encode() in entry.read_bytes():
                    found += 1
            except OSError:
                continue
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def killed_imports(work: Path, size: int, trials: int, seed: int = 11) -> dict[str, object]:
    """Kill an import with SIGKILL at random moments; the database must hold all or none."""
    data = work / "import.csv"
    write_import_file(data, size)
    base = work / "base.db"
    command = [sys.executable, "-m", "claimtrack", "--db"]
    subprocess.run([*command, str(base), "add", "A claim already there: 5 troops",
                    "--source", "Before", "--date", "2024-01-01"], check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    already = count_claims(base)
    timing = work / "timing.db"
    timing.write_bytes(base.read_bytes())
    started = time.perf_counter()
    subprocess.run(
        [*command, str(timing), "import", str(data)], check=True, stdout=subprocess.DEVNULL
    )
    duration = time.perf_counter() - started
    rng = random.Random(seed)
    outcomes = []
    for trial in range(trials):
        db = work / f"trial-{trial}.db"
        db.write_bytes(base.read_bytes())
        delay = rng.uniform(0.05, 1.0) * duration
        process = subprocess.Popen([*command, str(db), "import", str(data)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        leftovers = _processes_using(db)
        stored = count_claims(db) - already
        check = integrity(db)
        again = subprocess.run(
            [*command, str(db), "import", str(data)], capture_output=True, text=True
        )
        outcomes.append({
            "killed_after_s": round(delay, 3),
            "finished_before_kill": process.returncode == 0,
            "processes_left": leftovers,
            "claims_after_kill": stored,
            "integrity": check,
            "reimport_ok": again.returncode == 0,
            "claims_after_reimport": count_claims(db) - already,
        })  # fmt: skip
    return {"size": size, "import_s": round(duration, 2), "trials": outcomes}


def main() -> None:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--claims", type=int, default=200)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--size", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimtrack-stress-") as folder:
        work = Path(folder)
        writers = concurrent_writers(work / "writers.db", args.writers, args.claims)
        print(json.dumps({"concurrent_writers": writers}, indent=2))
        kills = killed_imports(work, args.size, args.kills)
        print(json.dumps({"killed_imports": kills}, indent=2))
    lost = writers["stored"] != writers["expected"] or writers["write_failures"]
    bad = [t for t in kills["trials"] if t["integrity"] != "ok" or not t["reimport_ok"]
           or t["processes_left"]
           or t["claims_after_kill"] not in (0, args.size)
           or t["claims_after_reimport"] != args.size]  # fmt: skip
    print("FAILED" if lost or bad or writers["read_failures"] else "all held: nothing lost")
    sys.exit(1 if lost or bad else 0)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
