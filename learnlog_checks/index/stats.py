"""Figures of a log (posts, first and last day, streaks, missed dates, posts per tag, the mode split) and
their text, JSON and Markdown renderings. Pure: `today` is passed in, nothing is read or printed here.

A streak is a run of consecutive calendar days with at least one post. The current streak is the run
that ends today or yesterday (today may still get its post); otherwise it is 0.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from learnlog_checks.config.settings import Settings
from learnlog_checks.index.pages import indexable, mode_groups, modes_of, text
from learnlog_checks.model import Post
from learnlog_checks.reading.tagging import resolved
from learnlog_checks.textsafe import visible

JSON_VERSION = 2  # 2: `modes` holds exclusive groups ("only theory", "theory and practice", "no mode")


@dataclass(frozen=True, slots=True)
class Day:
    date: date
    day: int | None


@dataclass(frozen=True, slots=True)
class Stats:
    posts: int
    first: Day | None
    last: Day | None
    current_streak: int
    longest_streak: int
    longest_from: date | None
    missed: tuple[date, ...]
    tags: tuple[tuple[str, int], ...]  # most used first, then by name
    modes: tuple[tuple[str, int], ...]  # exclusive groups that add up to `posts` (pages.mode_groups)


def compute(posts: Iterable[Post], settings: Settings, *, today: date) -> Stats:
    """The figures of the posts whose front matter parsed and whose file name matches."""
    kept = indexable(posts, settings)
    dated = sorted((p for p in kept if p.date is not None), key=lambda p: (p.date, p.day or 0, p.name))
    days = sorted({p.date for p in dated if p.date is not None})
    longest, longest_from = _longest(days)
    first = Day(dated[0].date, dated[0].day) if dated and dated[0].date else None
    last = Day(dated[-1].date, dated[-1].day) if dated and dated[-1].date else None
    return Stats(
        posts=len(kept),
        first=first,
        last=last,
        current_streak=_current(set(days), today),
        longest_streak=longest,
        longest_from=longest_from,
        missed=_missed(days),
        tags=_tag_counts(kept, settings),
        modes=_mode_split(kept, settings),
    )


def _longest(days: Sequence[date]) -> tuple[int, date | None]:
    best, best_from, run, run_from = 0, None, 0, None
    for index, day in enumerate(days):
        if index and days[index - 1] == day - timedelta(days=1):
            run += 1
        else:
            run, run_from = 1, day
        if run > best:
            best, best_from = run, run_from
    return best, best_from


def _current(days: set[date], today: date) -> int:
    end = today if today in days else today - timedelta(days=1)
    run = 0
    while end - timedelta(days=run) in days:
        run += 1
    return run


def _missed(days: Sequence[date]) -> tuple[date, ...]:
    if not days:
        return ()
    present = set(days)
    span = (days[-1] - days[0]).days
    return tuple(d for d in (days[0] + timedelta(days=n) for n in range(span + 1)) if d not in present)


def _tag_counts(posts: Sequence[Post], settings: Settings) -> tuple[tuple[str, int], ...]:
    counts = Counter(tag for p in posts for tag in resolved(p, settings.aliases))
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _mode_split(posts: Sequence[Post], settings: Settings) -> tuple[tuple[str, int], ...]:
    return tuple(mode_groups(posts, settings)) if modes_of(settings) else ()


def _day(value: Day | None) -> str:
    if value is None:
        return "none"
    return f"{value.date.isoformat()} (day {value.day})" if value.day is not None else value.date.isoformat()


def _share(count: int, total: int) -> str:
    return f"{100 * count / total:.1f}%" if total else "0.0%"


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def summary(stats: Stats) -> list[tuple[str, str]]:
    longest = _days(stats.longest_streak)
    if stats.longest_from is not None:
        end = stats.longest_from + timedelta(days=stats.longest_streak - 1)
        longest += f" ({stats.longest_from.isoformat()} to {end.isoformat()})"
    return [
        ("posts", str(stats.posts)),
        ("first day", _day(stats.first)),
        ("last day", _day(stats.last)),
        ("current streak", _days(stats.current_streak)),
        ("longest streak", longest),
        ("missed dates", str(len(stats.missed))),
    ]


def render_text(stats: Stats) -> str:
    """Aligned lines for a terminal."""
    lines = [f"{key + ':':<16}{value}" for key, value in summary(stats)]
    lines += [f"  {d.isoformat()}" for d in stats.missed]
    width = max([24, *(_width(visible(label)) + 1 for label, _ in (*stats.tags, *stats.modes))])
    lines += ["posts per tag:", *(f"  {_pad(visible(tag), width)} {count}" for tag, count in stats.tags)]
    if stats.modes:
        lines.append("mode split:")
        lines += [f"  {_pad(visible(m), width)} {n} ({_share(n, stats.posts)})" for m, n in stats.modes]
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    """Columns `text` takes in a terminal: wide East Asian characters two, combining marks none."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text
    )


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _as_json(value: Day | None) -> dict[str, Any] | None:
    return None if value is None else {"date": value.date.isoformat(), "day": value.day}


def render_json(stats: Stats) -> str:
    """A stable JSON document (`version` 1): fields may be added, never renamed."""
    data = {
        "version": JSON_VERSION,
        "posts": stats.posts,
        "first": _as_json(stats.first),
        "last": _as_json(stats.last),
        "current_streak": stats.current_streak,
        "longest_streak": stats.longest_streak,
        "longest_streak_start": stats.longest_from.isoformat() if stats.longest_from else None,
        "missed_dates": [d.isoformat() for d in stats.missed],
        "tags": dict(stats.tags),
        "modes": dict(stats.modes),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_markdown(stats: Stats) -> str:
    """Markdown for a GitHub job summary ($GITHUB_STEP_SUMMARY)."""
    lines = ["## Learning log", "", "| | |", "| --- | --- |"]
    lines += [f"| {key} | {value} |" for key, value in summary(stats)]
    if stats.missed:
        lines += ["", "Missed dates: " + ", ".join(d.isoformat() for d in stats.missed)]
    lines += ["", "### Posts per tag", "", "| Tag | Posts |", "| --- | ---: |"]
    lines += [f"| {text(tag)} | {count} |" for tag, count in stats.tags]
    if stats.modes:
        lines += ["", "### Mode split", "", "| Mode | Posts | Share |", "| --- | ---: | ---: |"]
        lines += [f"| {text(m)} | {n} | {_share(n, stats.posts)} |" for m, n in stats.modes]
    return "\n".join(lines) + "\n"


RENDERERS = {"text": render_text, "json": render_json, "markdown": render_markdown}
