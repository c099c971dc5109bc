"""Topics on real stories: every article of every story of a part into ONE store.

    python benchmarks/filing_quality.py [--part development|held-out|both] [--folder DIR]

A desk's store holds many stories. Each article of the labelled real-news
excerpts beside the project (see news.py) goes through `claimtrack extract
FILE --published D --url U --save`, with no --topic, into one fresh database
a part, as a fact-checker would file them; then `claimtrack list --json`.
Scored from the stored claims' articles (their URLs) and the stories the
articles belong to:

* kept apart: the share of claims whose topic's claims are mostly of their own
  story (a topic that mixes stories compares claims of stories that have
  nothing to do with each other);
* kept together: topics a story (1 is best; a story split in two needs a
  `topics merge`), and the stories filed in one topic.

Articles with no publication date cannot be saved and are left out.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import news  # noqa: E402
from conflict_quality import claimtrack  # noqa: E402


def file_part(part: str | None, folder: Path) -> dict[str, float]:
    db = folder / "desk.db"
    story_of: dict[str, str] = {}
    stories = news.stories()
    by_name = {a.name: a for a in news.articles()}
    for story, names in stories.items():
        if part is not None and news.part_of(story) != part:
            continue
        for name in names:
            article = by_name[name]
            if not article.published:
                continue
            path = folder / "article.txt"
            path.write_text(article.body, encoding="utf-8")
            # an address of its own, so that each claim says which article it came from
            url = f"https://example.org/article/{len(story_of)}"
            story_of[url] = story
            claimtrack(db, "extract", str(path), "--published", article.published, "--url", url,
                       "--save")  # fmt: skip
    listed = claimtrack(db, "list", "--json", "--limit", "1000000")
    claims = json.loads(listed.stdout) if listed.returncode == 0 else []
    in_topic: dict[str, Counter[str]] = defaultdict(Counter)
    topics_of: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        story = story_of[claim["url"]]
        in_topic[claim["topic"]][story] += 1
        topics_of[story].add(claim["topic"])
    apart = sum(count.most_common(1)[0][1] for count in in_topic.values())
    return {
        "claims": len(claims),
        "topics": len(in_topic),
        "stories": len(topics_of),
        "kept_apart": apart / len(claims) if claims else 1.0,
        "topics_a_story": sum(map(len, topics_of.values())) / len(topics_of) if topics_of else 0,
        "stories_in_one_topic": sum(1 for t in topics_of.values() if len(t) == 1),
    }


def line(score: dict[str, float]) -> str:
    return (
        f"{score['claims']} claims of {score['stories']} stories in {score['topics']} topics: "
        f"kept apart {score['kept_apart']:.0%}, topics a story {score['topics_a_story']:.2f}, "
        f"stories in one topic {score['stories_in_one_topic']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=[*news.PARTS, "both"], default="both")
    parser.add_argument("--folder", type=Path, help="another labelled folder, scored whole")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args()
    if not news.ready(args.folder):
        return
    parts = [None] if args.folder else [p for p in news.PARTS if args.part in ("both", p)]
    record = {}
    for part in parts:
        with tempfile.TemporaryDirectory() as folder:
            score = file_part(part, Path(folder))
        record[part or "all"] = score
        print(f"{part or 'all'}: {line(score)}")
    if args.json:
        args.json.write_text(json.dumps(record, indent=2) + "\n")


if __name__ == "__main__":
    main()
