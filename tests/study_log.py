"""Generate a log numbered by days of study: day N is the N-th day the author studied, not start + N - 1.

Posts in date folders (`_posts/2020-12-08/2020-12-08-Day-1.md`), dated with a time and `+05:30`, gaps
between the dates (days not studied), and the mistakes such a log collects, each on one post.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

START = date(2020, 12, 8)
CONFIG = """\
start = 2020-12-08
numbering = "sequence"
timezone = "Asia/Kolkata"
filename = "{date}-Day-{day}.md"
title = "Day {day}: {text}"

[tags]
python = "The language."
"""


def dates(posts: int, seed: int = 3) -> list[date]:
    """The study dates: mostly one day after the other, now and then a day or two skipped."""
    rng = random.Random(seed)
    found, when = [], START
    for _ in range(posts):
        found.append(when)
        when += timedelta(days=1 + (rng.random() < 0.25) + (rng.random() < 0.05))
    return found


def write(root: Path, days: list[tuple[int, date, date]]) -> dict[int, str]:
    """Write (number, file-name date, front-matter date) posts and the config; each post's path by index."""
    (root / "learnlog.toml").write_text(CONFIG, encoding="utf-8")
    paths: dict[int, str] = {}
    for i, (number, named, dated) in enumerate(days):
        name = f"_posts/{named.isoformat()}/{named.isoformat()}-Day-{number}.md"
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        when = f"{dated.isoformat()} 21:15:00 +05:30"
        front = f"---\ntitle: 'Day {number}: notes'\ndate: {when}\ntags: [python]\n---\n"
        path.write_text(front + f"\nWhat I studied on day {number}.\n", encoding="utf-8")
        paths[i] = name
    return paths


def clean(posts: int = 80) -> list[tuple[int, date, date]]:
    return [(n, when, when) for n, when in enumerate(dates(posts), 1)]
