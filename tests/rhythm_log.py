"""Generate a log that changes rhythm: one post a day for a year, then one a month.

`write(root, daily=366, monthly=11)` writes days 1 to 366 from 2024-01-01 (a leap year: the last is
2024-12-31), then numbers 367 on, one in each month from 2025-01, on a day of the month that varies, and
a config whose `[[phase]]` makes the log monthly from 2025-01-01.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

START = date(2024, 1, 1)
CONFIG = """\
start = 2024-01-01
timezone = "Europe/Berlin"
filename = "{date}-day-{day}.md"
title = "(Day {day}) {text}"

[[phase]]
from = 2025-01-01
cadence = "monthly"

[tags]
theory = "Reading."
"""


def dates(daily: int = 366, monthly: int = 11) -> list[date]:
    """The dates of the posts: `daily` days from START, then one in each month of 2025 on."""
    found = [START + timedelta(days=n) for n in range(daily)]
    found += [date(2025 + m // 12, m % 12 + 1, 3 + (7 * m) % 25) for m in range(monthly)]
    return found


def write(root: Path, posts: list[tuple[int, date]] | None = None, *, config: str = CONFIG) -> dict[int, str]:
    """Write the posts, (number, date) each (default: the clean log), and the config; paths by index."""
    (root / "learnlog.toml").write_text(config, encoding="utf-8")
    folder = root / "_posts"
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[int, str] = {}
    for i, (number, when) in enumerate(posts if posts is not None else clean()):
        name = f"{when.isoformat()}-day-{number}.md"
        text = f"---\ntitle: (Day {number}) Notes\ntags: [theory]\n---\n\nWhat I learned.\n"
        (folder / name).write_text(text, encoding="utf-8")
        paths[i] = f"_posts/{name}"
    return paths


def clean(daily: int = 366, monthly: int = 11) -> list[tuple[int, date]]:
    return list(enumerate(dates(daily, monthly), 1))
