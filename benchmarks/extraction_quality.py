"""Precision and recall of `claimtrack extract` on the labelled articles.

    python benchmarks/extraction_quality.py [--verbose]

A proposal is right when its claimant and its figure match a labelled claim
(a denial matches a label with no figure); each label is matched once.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "extraction"
sys.path.insert(0, str(ROOT))

from claimtrack.claims import source_key  # noqa: E402
from claimtrack.extract import Candidate, extract_claims  # noqa: E402


def _words(name: str) -> set[str]:
    return set(source_key(name).replace("'s", "").split())


def claimant_matches(label: dict, claimant: str) -> bool:
    names = [label["claimant"], *label.get("aliases", [])]
    got = _words(claimant)
    return any(_words(n) <= got or (got and got <= _words(n)) for n in names)


def figure_matches(label: dict, candidate: Candidate) -> bool:
    if label["figure"] is None:
        return candidate.figure is None
    if candidate.figure is None:
        return False
    return label["figure"] in (candidate.figure.stated, candidate.figure.low)


def articles() -> list[tuple[str, str, dict]]:
    found = []
    for labels in sorted(LABELS.glob("*.json")):
        spec = json.loads(labels.read_text())
        source = (
            (labels.parent / spec["source_file"])
            if "source_file" in spec
            else labels.with_suffix(".txt")
        )
        if source.exists():
            found.append((labels.stem, source.read_text(encoding="utf-8"), spec))
    return found


def evaluate(verbose: bool = False) -> dict[str, float]:
    proposed = matched = expected = 0
    for name, text, spec in articles():
        candidates = extract_claims(text, date.fromisoformat(spec["published"]))
        labels = list(spec["claims"])
        expected += len(labels)
        proposed += len(candidates)
        for candidate in candidates:
            hit = next(
                (
                    label
                    for label in labels
                    if claimant_matches(label, candidate.claimant)
                    and figure_matches(label, candidate)
                ),
                None,
            )
            if hit is not None:
                labels.remove(hit)
                matched += 1
            if verbose:
                figure = candidate.figure.text if candidate.figure else "-"
                mark = "ok " if hit else "XX "
                print(f"{mark}{name}: {candidate.claimant} | {candidate.stance} | {figure} | "
                      f"{candidate.date.iso if candidate.date else '-'} | {candidate.confidence:.2f}")  # fmt: skip
        if verbose:
            for label in labels:
                print(f"-- {name}: missed {label['claimant']} {label['figure']}")
    precision = matched / proposed if proposed else 0.0
    recall = matched / expected if expected else 0.0
    return {"articles": len(articles()), "labelled": expected, "proposed": proposed,
            "matched": matched, "precision": precision, "recall": recall}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="show every proposal")
    args = parser.parse_args()
    result = evaluate(args.verbose)
    print(
        f"{result['articles']} articles, {result['labelled']} labelled claims, "
        f"{result['proposed']} proposed, {result['matched']} right: "
        f"precision {result['precision']:.0%}, recall {result['recall']:.0%}"
    )


if __name__ == "__main__":
    main()
