"""Precision, recall and claimant accuracy of `claimtrack extract`.

    python benchmarks/extraction_quality.py              # both scores
    python benchmarks/extraction_quality.py --verbose    # every proposal and miss
    python benchmarks/extraction_quality.py --json FILE  # the figures, for the record

Two separate scores:

* real news: the labelled excerpts of real reports beside the project (see
  news.py), per article and for each part of the one development/held-out
  split. Skipped, with a message, when the folder is not there. --verbose
  lists proposals only for the development part: the held-out part is
  measured, not read.
* our articles: the articles written for this project under tests/extraction/.
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
OUR_LABELS = ROOT / "tests" / "extraction"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import news  # noqa: E402

from claimtrack.claims import source_key  # noqa: E402
from claimtrack.dates import parse_date  # noqa: E402
from claimtrack.extract import Candidate, extract_claims  # noqa: E402

# --- our own articles ------------------------------------------------------------------


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


def our_articles() -> list[tuple[str, str, dict]]:
    found = []
    for labels in sorted(OUR_LABELS.glob("*.json")):
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
    """The score on our own articles."""
    proposed = matched = expected = 0
    found = our_articles()
    for name, text, spec in found:
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
    return {"articles": len(found), "labelled": expected, "proposed": proposed,
            "matched": matched, "precision": precision, "recall": recall}  # fmt: skip


# --- real news -------------------------------------------------------------------------


def proposals(article: news.Article) -> list[news.Proposal]:
    published = parse_date(article.published, date.today()).start if article.published else None
    out = []
    for candidate in extract_claims(article.body, published):
        figure = candidate.figure
        out.append(
            news.Proposal(
                candidate.sentence,
                candidate.claimant,
                figure.low if figure else None,
                figure.high if figure else None,
                figure.qualifier if figure else None,
                candidate,
            )
        )
    return out


def evaluate_news(verbose: bool = False, only: str = "both") -> dict[str, dict]:
    """Per part and per article: the real-news scores."""
    every_label = news.labels()
    result: dict[str, dict] = {}
    for part in news.PARTS:
        if only not in ("both", part):
            continue
        total = news.Score()
        saved = news.Score()
        per_article = {}
        for article in news.articles(part):
            mine = [lb for lb in every_label if lb.article == article.name]
            offered = proposals(article)
            score, _, report = news.match(offered, mine)
            kept, _, _ = news.match([p for p in offered if p.ref.confidence >= 0.6], mine)
            total.add(score)
            saved.add(kept)
            per_article[article.name] = score
            if verbose and part == "development":
                _show(article.name, report)
        result[part] = {"all": total, "saved": saved, "articles": per_article}
    return result


def _show(name: str, report: list) -> None:
    for proposal, label, verdict in report:
        if proposal is None:
            print(f"-- {name}: missed {label.claimant} | {label.low}-{label.high} {label.unit}"
                  f" | {label.quote[:90]}")  # fmt: skip
            continue
        c = proposal.ref
        figure = c.figure.text if c.figure else "-"
        note = f" (label: {label.claimant})" if verdict == "claimant" else ""
        print(f"{verdict[:5]:5} {name}: {c.claimant} | {c.stance} | {figure} | "
              f"{c.unit} | {c.confidence:.2f}{note} | {c.sentence[:70]}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="show every proposal")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument(
        "--part", choices=[*news.PARTS, "both"], default="both", help="which part of the real news"
    )
    parser.add_argument(
        "--folder", type=Path, help="another labelled folder of the same layout, scored whole"
    )
    args = parser.parse_args()
    if args.folder:
        news.use_folder(args.folder)
    record: dict[str, object] = {}
    if news.available():
        scores = evaluate_news(args.verbose, args.part)
        print("Real news (labelled excerpts beside the project):")
        for part, result in scores.items():
            print(f"  {part:12} all proposals: {result['all'].line()}")
            print(f"  {'':12} saved (>= 0.6): {result['saved'].line()}")
            for name, score in result["articles"].items():
                print(f"    {name:44} {score.line()}")
        record["news"] = {
            part: {
                kind: vars(result[kind])
                | {
                    "recall": result[kind].recall,
                    "precision": result[kind].precision,
                    "claimant_accuracy": result[kind].claimant_accuracy,
                }
                for kind in ("all", "saved")
            }
            for part, result in scores.items()
        }
    else:
        print(f"Real news: skipped, no labelled excerpts at {news.FOLDER}")
    ours = evaluate(args.verbose)
    print(
        f"Our articles: {ours['articles']} articles, {ours['labelled']} labelled claims, "
        f"{ours['proposed']} proposed, {ours['matched']} right: "
        f"precision {ours['precision']:.0%}, recall {ours['recall']:.0%}"
    )
    record["ours"] = ours
    if args.json:
        args.json.write_text(json.dumps(record, indent=2) + "\n")


if __name__ == "__main__":
    main()
