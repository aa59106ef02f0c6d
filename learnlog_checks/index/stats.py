"""Figures of a log (posts, first and last day, streaks, missed dates, posts per tag, the mode split) and
their text, JSON and Markdown renderings. Pure: `today` is passed in, nothing is read or printed here.

A streak is a run of consecutive calendar days with at least one post. The current streak is the run
that ends today or yesterday (today may still get its post); otherwise it is 0. In a log with a weekly or
monthly `cadence`, or `[[phase]]` tables, the streaks and the missed periods count periods (days, weeks,
months, as each phase's cadence says), and each phase gets its own figures.
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
from learnlog_checks.model.posts import Post
from learnlog_checks.reading import periods
from learnlog_checks.reading.tagging import resolved
from learnlog_checks.textsafe import visible

JSON_VERSION = 2  # 2: `modes` holds exclusive groups ("only theory", "theory and practice", "no mode")


@dataclass(frozen=True, slots=True)
class Day:
    """A calendar day of the log and the day number of its post (None when it has none)."""

    date: date
    day: int | None


@dataclass(frozen=True, slots=True)
class Stats:
    """The figures `stats` reports for a log (or one phase of it)."""

    posts: int
    first: Day | None
    last: Day | None
    current_streak: int
    longest_streak: int
    longest_from: date | None
    missed: tuple[date, ...]
    tags: tuple[tuple[str, int], ...]  # most used first, then by name
    modes: tuple[tuple[str, int], ...]  # exclusive groups that add up to `posts` (pages.mode_groups)
    # In a log of weeks, months or phases: the streaks' unit ("week", "month"; "period" across phases),
    # the last day of the longest streak, how each missed period is named, and the figures of each phase.
    periodic: bool = False
    study: bool = False  # numbered by days of study: a date without a post is a day not studied
    current_unit: str = "day"
    longest_unit: str = "day"
    longest_to: date | None = None
    missed_names: tuple[str, ...] = ()
    phases: tuple[PhaseStats, ...] = ()


@dataclass(frozen=True, slots=True)
class PhaseStats:
    """One phase of the log: from its first day, its cadence, its posts, the periods from its first period
    (the log's first post, for the first phase) to its last (the log's last post), those without a post,
    and its longest streak."""

    start: date
    cadence: str
    posts: int
    periods: int
    missed: int
    longest_streak: int


def compute(posts: Iterable[Post], settings: Settings, *, today: date) -> Stats:
    """The figures of the posts whose front matter parsed and whose file name matches."""
    kept = indexable(posts, settings)
    dated = sorted((p for p in kept if p.date is not None), key=lambda p: (p.date, p.day or 0, p.name))
    days = sorted({p.date for p in dated if p.date is not None})
    longest, longest_from = _longest(days)
    first = Day(dated[0].date, dated[0].day) if dated and dated[0].date else None
    last = Day(dated[-1].date, dated[-1].day) if dated and dated[-1].date else None
    rhythm = periods.rhythm(settings)
    if not rhythm.daily:
        return _in_periods(kept, days, rhythm, settings, today=today, first=first, last=last)
    return Stats(
        posts=len(kept),
        first=first,
        last=last,
        current_streak=_current(set(days), today),
        longest_streak=longest,
        longest_from=longest_from,
        missed=_missed(days),
        study=settings.numbering == "sequence",
        tags=_tag_counts(kept, settings),
        modes=_mode_split(kept, settings),
    )


def _in_periods(
    kept: Sequence[Post],
    days: Sequence[date],
    rhythm: periods.Rhythm,
    settings: Settings,
    *,
    today: date,
    first: Day | None,
    last: Day | None,
) -> Stats:
    """The figures of a log of weeks, months or phases: streaks and missed periods in periods."""
    posted = sorted({rhythm.period(d) for d in days}, key=lambda p: p.first)
    present = set(posted)
    runs = _runs(posted, rhythm)
    longest = max(runs, key=len, default=[])
    current: list[periods.Period] = []
    for end in (rhythm.period(today), _before(rhythm.period(today), rhythm)):
        found = next((run for run in runs if run[-1] == end), None)
        if end in present and found is not None:
            current = found
            break
    missed = [p for p in _every(posted, rhythm) if p not in present]
    return Stats(
        posts=len(kept),
        first=first,
        last=last,
        current_streak=len(current),
        longest_streak=len(longest),
        longest_from=longest[0].first if longest else None,
        missed=tuple(p.first for p in missed),
        tags=_tag_counts(kept, settings),
        modes=_mode_split(kept, settings),
        periodic=True,
        study=settings.numbering == "sequence",
        current_unit=_unit(current),
        longest_unit=_unit(longest),
        longest_to=longest[-1].last if longest else None,
        missed_names=tuple(p.name for p in missed),
        phases=_phases([p.date for p in kept if p.date is not None], posted, rhythm),
    )


def _before(period: periods.Period, rhythm: periods.Rhythm) -> periods.Period:
    return rhythm.period(period.first - timedelta(days=1))


def _after(period: periods.Period, rhythm: periods.Rhythm) -> periods.Period | None:
    return None if period.last == date.max else rhythm.period(period.last + timedelta(days=1))


def _runs(posted: Sequence[periods.Period], rhythm: periods.Rhythm) -> list[list[periods.Period]]:
    """The posted periods in runs of consecutive periods."""
    runs: list[list[periods.Period]] = []
    for period in posted:
        if runs and _after(runs[-1][-1], rhythm) == period:
            runs[-1].append(period)
        else:
            runs.append([period])
    return runs


def _every(posted: Sequence[periods.Period], rhythm: periods.Rhythm) -> Iterable[periods.Period]:
    """Every period from the first posted to the last."""
    if not posted:
        return
    period: periods.Period | None = posted[0]
    while period is not None and period.first <= posted[-1].first:
        yield period
        period = _after(period, rhythm)


def _unit(run: Sequence[periods.Period]) -> str:
    kinds = {p.cadence for p in run}
    return periods.WORDS[kinds.pop()] if len(kinds) == 1 else "period"


def _phases(
    days: Sequence[date], posted: Sequence[periods.Period], rhythm: periods.Rhythm
) -> tuple[PhaseStats, ...]:
    """The figures of each phase that has begun by the log's last post."""
    found: list[PhaseStats] = []
    if not posted:
        return ()
    bounds = [*(first for first, _ in rhythm.phases[1:]), date.max]
    for (start, cadence), end in zip(rhythm.phases, bounds, strict=True):
        begin = max(start, posted[0].first)
        if begin > posted[-1].last or begin >= end:
            continue
        own = [p for p in posted if begin <= p.first < end]
        every = [p for p in _every([rhythm.period(begin), posted[-1]], rhythm) if p.first < end]
        runs = _runs(own, rhythm)
        found.append(
            PhaseStats(
                start=begin,
                cadence=cadence,
                posts=sum(1 for d in days if begin <= d < end),
                periods=len(every),
                missed=len(set(every) - set(own)),
                longest_streak=max(map(len, runs), default=0),
            )
        )
    return tuple(found)


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


def _days(count: int, unit: str = "day") -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def summary(stats: Stats) -> list[tuple[str, str]]:
    longest = _days(stats.longest_streak, stats.longest_unit)
    if stats.longest_from is not None:
        end = stats.longest_to or stats.longest_from + timedelta(days=stats.longest_streak - 1)
        longest += f" ({stats.longest_from.isoformat()} to {end.isoformat()})"
    return [
        ("posts", str(stats.posts)),
        ("first day", _day(stats.first)),
        ("last day", _day(stats.last)),
        ("current streak", _days(stats.current_streak, stats.current_unit)),
        ("longest streak", longest),
        (_missed_label(stats), str(len(stats.missed))),
    ]


def _missed_label(stats: Stats) -> str:
    if stats.study:
        return "periods not studied" if stats.periodic else "days not studied"
    return "missed periods" if stats.periodic else "missed dates"


LISTED = 100  # missed dates listed in text and Markdown; JSON lists all


def _missed_names(stats: Stats) -> list[str]:
    """The first `LISTED` missed dates or periods, and how many more there are."""
    names = (
        [*stats.missed_names] if stats.missed_names else [d.isoformat() for d in stats.missed[: LISTED + 1]]
    )
    if len(stats.missed) <= LISTED:
        return names
    return [*names[:LISTED], f"... and {len(stats.missed) - LISTED} more (all of them: --format json)"]


def phase_lines(stats: Stats) -> list[str]:
    """One line per phase: `from 2025-01-01, monthly: 11 posts, 11 of 11 months, longest streak 11 months`."""
    lines = []
    for phase in stats.phases:
        unit = periods.WORDS[phase.cadence]
        lines.append(
            f"from {phase.start.isoformat()}, {phase.cadence}: {_days(phase.posts, 'post')}, "
            f"{phase.periods - phase.missed} of {_days(phase.periods, unit)} with a post, "
            f"longest streak {_days(phase.longest_streak, unit)}"
        )
    return lines


def render_text(stats: Stats) -> str:
    """Aligned lines for a terminal."""
    lines = [f"{key + ':':<16}{value}" for key, value in summary(stats)]
    lines += [f"  {name}" for name in _missed_names(stats)]
    if stats.phases:
        lines += ["phases:", *(f"  {line}" for line in phase_lines(stats))]
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
    data: dict[str, Any] = {
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
    if stats.periodic:  # a log of weeks, months or phases: the streaks count periods
        data["streak_units"] = {"current": stats.current_unit, "longest": stats.longest_unit}
        data["missed_periods"] = list(stats.missed_names)
    if stats.phases:
        data["phases"] = [
            {
                "from": phase.start.isoformat(),
                "cadence": phase.cadence,
                "posts": phase.posts,
                "periods": phase.periods,
                "missed": phase.missed,
                "longest_streak": phase.longest_streak,
            }
            for phase in stats.phases
        ]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_markdown(stats: Stats) -> str:
    """Markdown for a GitHub job summary ($GITHUB_STEP_SUMMARY)."""
    lines = ["## Learning log", "", "| | |", "| --- | --- |"]
    lines += [f"| {key} | {value} |" for key, value in summary(stats)]
    if stats.missed:
        lines += ["", f"{_missed_label(stats).capitalize()}: " + ", ".join(_missed_names(stats))]
    if stats.phases:
        lines += ["", "### Phases", "", *(f"- {line}" for line in phase_lines(stats))]
    lines += ["", "### Posts per tag", "", "| Tag | Posts |", "| --- | ---: |"]
    lines += [f"| {text(tag)} | {count} |" for tag, count in stats.tags]
    if stats.modes:
        lines += ["", "### Mode split", "", "| Mode | Posts | Share |", "| --- | ---: | ---: |"]
        lines += [f"| {text(m)} | {n} | {_share(n, stats.posts)} |" for m, n in stats.modes]
    return "\n".join(lines) + "\n"


RENDERERS = {"text": render_text, "json": render_json, "markdown": render_markdown}
