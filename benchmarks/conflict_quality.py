"""End to end on real stories: articles in, conflicts out, no hand edits.

    python benchmarks/conflict_quality.py [--verbose] [--json FILE]

For each story of the labelled real-news excerpts beside the project (see
news.py), every article goes through `claimtrack extract FILE --published D
--url U --save --topic STORY` into one fresh database, then `claimtrack
conflicts --json`. The stored claims are matched to the labels as the
extraction benchmark matches proposals, and the flagged pairs are scored
against the labelled pairs:

* found: labelled conflicts flagged (target >= 0.7);
* right: of the flagged pairs that are labelled, the share labelled conflicts
  (target >= 0.85);
* unlabelled: flags between claims with no labelled pair (target <= 2 a story),
  counted by pair, and the conflicts they come in (a grouped denial is one).

--verbose explains the development part's stories only: the held-out part is
measured, not read.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import news  # noqa: E402


def claimtrack(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLAIMTRACK_DB": str(db), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "claimtrack", *args], capture_output=True, text=True, env=env
    )


def _supports_topic() -> bool:
    with tempfile.TemporaryDirectory() as folder:
        help_text = claimtrack(Path(folder) / "x.db", "extract", "--help").stdout
    return "--topic" in help_text


@dataclass
class StoryScore:
    labelled_true: int = 0
    found: int = 0
    flagged_labelled: int = 0
    flagged_right: int = 0
    unlabelled: int = 0
    unlabelled_conflicts: int = (
        0  # conflicts (a grouped denial is one) none of whose pairs is labelled
    )
    notes: list[str] = field(default_factory=list)

    def add(self, other: StoryScore) -> None:
        for name in (
            "labelled_true",
            "found",
            "flagged_labelled",
            "flagged_right",
            "unlabelled",
            "unlabelled_conflicts",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self) -> str:
        found = self.found / self.labelled_true if self.labelled_true else 1.0
        right = self.flagged_right / self.flagged_labelled if self.flagged_labelled else 1.0
        return (
            f"found {self.found}/{self.labelled_true} ({found:.0%}), right "
            f"{self.flagged_right}/{self.flagged_labelled} ({right:.0%}), "
            f"unlabelled flags {self.unlabelled} (in {self.unlabelled_conflicts} conflicts)"
        )


def run_story(story: str, names: list[str], with_topic: bool, folder: Path) -> StoryScore:
    db = folder / "story.db"
    by_name = {a.name: a for a in news.articles()}
    for name in names:
        article = by_name[name]
        path = folder / "article.txt"
        path.write_text(article.body, encoding="utf-8")
        args = ["extract", str(path), "--save"]
        if article.published:
            args += ["--published", article.published]
        if article.url:
            args += ["--url", article.url]
        if with_topic:
            args += ["--topic", story]
        result = claimtrack(db, *args)
        if result.returncode:
            # an article with no date of its own cannot be saved: scored without it
            print(f"    {name}: not saved: {result.stderr.strip()}", file=sys.stderr)
    listed = claimtrack(db, "list", "--json")
    claims = json.loads(listed.stdout) if listed.returncode == 0 else []
    labels = [lb for lb in news.labels() if lb.article in names]
    # a claim stands for the sentence of each article it appeared in: one claim
    # reported by two articles is the labels of both
    proposals = [
        news.Proposal(
            sentence,
            c["source"],
            (c["figure"] or {}).get("low"),
            (c["figure"] or {}).get("high"),
            (c["figure"] or {}).get("qualifier"),
            c["id"],
        )
        for c in claims
        for sentence in dict.fromkeys(
            [c["text"], *(a["quote"] for a in c.get("appearances") or [] if a.get("quote"))]
        )
    ]
    _, matched, _ = news.match(proposals, labels)
    label_of: dict[int, set[int]] = {}
    for i, label in matched.items():
        label_of.setdefault(proposals[i].ref, set()).add(label.index)
    return _score_conflicts(db, label_of, names)


def _score_conflicts(db: Path, label_of: dict[int, set[int]], names: list[str]) -> StoryScore:
    """The stored claims' conflicts against the labelled pairs of the story's labels
    (`label_of`: claim id -> the label lines it stands for)."""
    conflicts = json.loads(claimtrack(db, "conflicts", "--json").stdout or "[]")
    labels = [lb for lb in news.labels() if lb.article in names]
    in_story = {label.index for label in labels}
    story_pairs = {
        frozenset((p.a, p.b)): p for p in news.pairs() if p.a in in_story and p.b in in_story
    }

    score = StoryScore(labelled_true=sum(p.conflict for p in story_pairs.values()))
    flagged: set[frozenset[int]] = set()
    for conflict in conflicts:
        ids = conflict["claims"]
        pairs = _flagged_pairs(ids)
        if not any(key in story_pairs for a, b in pairs for key in _label_pairs(label_of, a, b)):
            score.unlabelled_conflicts += 1
        for a, b in pairs:
            keys = [key for key in _label_pairs(label_of, a, b) if key in story_pairs]
            if not keys:
                score.unlabelled += 1
                score.notes.append(f"unlabelled flag #{a} x #{b}: {conflict['reason'][:140]}")
                continue
            for key in keys:
                if key in flagged:
                    continue
                flagged.add(key)
                score.flagged_labelled += 1
                if story_pairs[key].conflict:
                    score.flagged_right += 1
                    score.found += 1
                else:
                    score.notes.append(f"labelled no-conflict flagged: {conflict['reason'][:140]}")
    claims = {c["id"]: c for c in json.loads(claimtrack(db, "list", "--json").stdout or "[]")}
    claim_of = {label: claim for claim, stood in label_of.items() for label in stood}
    for key, pair in story_pairs.items():
        if pair.conflict and key not in flagged:
            a, b = sorted(key)
            stored = [i for i in (a, b) if i in claim_of]
            score.notes.append(f"missed labelled conflict {a} x {b} (stored: {stored})")
            for label in stored:
                claim = claims.get(claim_of[label], {})
                score.notes.append(
                    f"    #{claim.get('id')} {claim.get('source')}: "
                    f"{(claim.get('figure') or {}).get('text')} {claim.get('quantity')} "
                    f"{claim.get('date')} as of {claim.get('as_of')} ({claim.get('stance')})"
                )
    return score


def careful_story(story: str, names: list[str], folder: Path) -> StoryScore:
    """The story's labels typed as a careful user would: each claim with its topic
    (the labelled quantity), its figure, its unit and its date, and the sources one
    claimant speaks through made aliases; then `conflicts --json`, scored."""
    labels = [lb for lb in news.labels() if lb.article in names and lb.qualifier != "vague"]
    published = {a.name: a.published for a in news.articles() if a.name in names}
    mains = {lb.claimant.partition(" (")[0] for lb in labels}
    rows = []
    for label in labels:
        day = label.claim_date or published.get(label.article) or "2000-01-01"
        rows.append({
            # each label its own claim, even where two share a sentence and a source
            "text": f"{label.quote} [label {label.index}]",
            "source": label.claimant.partition(" (")[0], "date": day,
            # a label the text gives no day for is dated by its article, as such
            "date_basis": "statement" if label.claim_date else "report",
            "topic": label.topic, "figure": _figure_words(label), "unit": label.unit,
            "stance": label.stance,
        })  # fmt: skip
    db = folder / "careful.db"
    path = folder / "careful.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["text"])
        writer.writeheader()
        writer.writerows(rows)
    result = claimtrack(db, "import", str(path))
    if result.returncode:
        raise SystemExit(f"careful import failed for {story}: {result.stderr.strip()}")
    for label in labels:
        # "Ana Obi (director of the Harbour Board)" speaks for the Harbour Board
        main, _, bracket = label.claimant.partition(" (")
        owner = next((m for m in mains if m != main and bracket.startswith(m)), None)
        if owner:
            claimtrack(db, "sources", "alias", main, owner)
    claims = json.loads(claimtrack(db, "list", "--json").stdout)
    label_of = {c["id"]: {int(c["text"].rsplit("[label ", 1)[1].rstrip("]"))} for c in claims}
    return _score_conflicts(db, label_of, names)


def _figure_words(label: news.Label) -> str:
    low, high = label.low, label.high
    # grouped as copy writes them: "2000" alone would read as a year
    value = lambda v: f"{v:,f}".rstrip("0").rstrip(".")  # noqa: E731
    if label.qualifier == "at_least":
        return f"at least {value(low)}"
    if label.qualifier == "at_most":
        return f"up to {value(high)}"
    if label.qualifier == "range":
        return f"{value(low)} to {value(high)}"
    if label.qualifier == "approx":
        return f"about {value(low)}"
    return value(low)


def _label_pairs(label_of: dict[int, set[int]], a: int, b: int) -> list[frozenset[int]]:
    """The pairs of labels two flagged claims stand for."""
    return [
        frozenset((x, y))
        for x in sorted(label_of.get(a, ()))
        for y in sorted(label_of.get(b, ()))
        if x != y
    ]


def _flagged_pairs(ids: list[int]) -> list[tuple[int, int]]:
    """A conflict's claims as pairs: two claims, or a denial (first) against each other."""
    if len(ids) == 2:
        return [(ids[0], ids[1])]
    return [(ids[0], other) for other in ids[1:]] or list(combinations(ids, 2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument(
        "--part", choices=[*news.PARTS, "both"], default="both", help="which part of the real news"
    )
    parser.add_argument(
        "--folder", type=Path, help="another labelled folder of the same layout, scored whole"
    )
    parser.add_argument(
        "--careful", action="store_true", help="the labels typed with their topics, not extracted"
    )
    args = parser.parse_args()
    if not news.ready(args.folder):
        return
    with_topic = _supports_topic()
    modes = {"end to end": lambda story, names, folder: run_story(story, names, with_topic, folder),
             "careful input": careful_story}  # fmt: skip
    if args.careful:
        modes.pop("end to end")
    else:
        modes.pop("careful input")
    record: dict[str, dict] = {}
    for part in news.PARTS:
        if args.part not in ("both", part):
            continue
        total = StoryScore()
        print(f"{part}:")
        record[part] = {}
        for story, names in news.stories().items():
            if news.part_of(story) != part:
                continue
            with tempfile.TemporaryDirectory() as folder:
                score = next(iter(modes.values()))(story, names, Path(folder))
            total.add(score)
            record[part][story] = vars(score) | {"notes": None}
            print(f"  {story:30} {score.line()}")
            if args.verbose and part == "development":
                for note in score.notes:
                    print(f"      {note}")
        print(f"  {'all':30} {total.line()}")
        record[part]["all"] = vars(total) | {"notes": None}
    if args.json:
        args.json.write_text(json.dumps(record, indent=2) + "\n")


if __name__ == "__main__":
    main()
