"""Generate a log numbered by days of study: day N is the N-th day the author studied, not start + N - 1.

Posts in date folders (`_posts/2020-12-08/2020-12-08-Day-1.md`), dated with a time and `+05:30`, gaps
between the dates (days not studied), posts of two days (`2020-12-11-Day-3+4.md`, titled `Day 3 & 4`),
and the mistakes such a log collects, each on one post.
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


Day = tuple[int, int, date, date]  # first and last day number, the file name's date, the front matter's


def write(root: Path, days: list[Day], *, config: bool = True) -> dict[int, str]:
    """Write the posts (and, with `config`, the config); each post's path by its index in `days`."""
    if config:
        (root / "learnlog.toml").write_text(CONFIG, encoding="utf-8")
    paths: dict[int, str] = {}
    for i, (first, last, named, dated) in enumerate(days):
        number, words = (f"{first}+{last}", f"{first} & {last}") if last > first else (f"{first}", f"{first}")
        name = f"_posts/{named.isoformat()}/{named.isoformat()}-Day-{number}.md"
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        when = f"{dated.isoformat()} 21:15:00 +05:30"
        front = f"---\ntitle: 'Day {words}: notes'\ndate: {when}\ntags: [python]\n---\n"
        path.write_text(front + f"\nWhat I studied on day {words}.\n", encoding="utf-8")
        paths[i] = name
    return paths


def clean(posts: int = 80, doubles: tuple[int, ...] = ()) -> list[Day]:
    """A clean log of `posts` posts; those at the indexes `doubles` cover two days of study each."""
    found: list[Day] = []
    number = 1
    for i, when in enumerate(dates(posts)):
        last = number + (i in doubles)
        found.append((number, last, when, when))
        number = last + 1
    return found


def renumber(days: list[Day], since: int, by: int) -> None:
    """Shift the day numbers of the posts from index `since` on by `by` (a skip, or a repeat)."""
    days[since:] = [(a + by, b + by, named, dated) for a, b, named, dated in days[since:]]
