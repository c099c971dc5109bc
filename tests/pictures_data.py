"""A small flood story written for the chart, report and server tests: every kind of
figure, a revision, conflicts, a denial, and a claim whose text is hostile markup."""

from __future__ import annotations

TOPIC = "Riverton flood"
HOSTILE = (
    "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\"> "
    "A blogger says 2,200 people left & 'nobody' counted"
)

CLAIMS = [
    ("The county says 1,200 residents were evacuated", "County", "2024-05-01", "1200"),
    ("The mayor says up to 3,000 residents left their homes", "Mayor", "2024-05-02", "up to 3,000"),
    ("The Red Cross estimates 1,500 to 2,000 people were displaced", "Red Cross", "2024-05-03",
     "1,500-2,000"),
    ("The governor denies that anyone was forced to leave", "Governor", "2024-05-04", None),
    ("The county now says about 2,400 residents were evacuated", "County", "2024-05-05",
     "about 2,400"),
    ("Volunteers say at least 2,000 people fled the valley", "Volunteers", "2024-05-06",
     "at least 2,000"),
    ("Local radio reports thousands of people displaced", "Radio Riverton", "2024-05-07",
     "thousands"),
]  # fmt: skip


def add_story(cli, hostile: bool = False) -> list[int]:
    """Store the story (and the hostile claim if asked); returns the claim ids."""
    ids = []
    rows = CLAIMS + ([(HOSTILE, "Blog <b>x</b>", "2024-05-06", "2,200")] if hostile else [])
    for text, source, day, figure in rows:
        args = ["add", text, "--source", source, "--date", day, "--topic", TOPIC]
        if figure is not None:
            args += ["--figure", figure, "--unit", "evacuees"]
        ids.append(cli.json(*args)["id"])
    return ids
