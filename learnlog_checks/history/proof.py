"""What the commit dates prove: a status for every post, the figures, and the verified streaks. Pure.

A post's deadline is `day_ends_at` on the day after its calendar day, in the log's time zone ("00:00":
midnight at the end of its day). Its first commit (author time) decides:

- `imported`: the commit added `imported_at_once` posts or more: an import, which proves nothing;
- `on-time`: committed before the deadline (a post written ahead of its day counts too);
- `late`: committed at the deadline or after, by `late_by_hours` (rounded up to a tenth of an hour);
- `uncommitted`: in no commit yet.

A day is verified when it has posts and all of them are on time. A streak is a run of consecutive
verified days: calendar days, or, in a log of weeks, months or phases (`cadence`, `[[phase]]`),
consecutive periods; with `numbering = "sequence"` days of study, so a day not studied does not end it.
The longest streak is the first of the longest runs; the current streak is the run that ends on the
newest day with a committed post (posts not committed yet neither end nor extend it), so the figures of
a log depend on its commits only, never on the clock.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from learnlog_checks.config import patterns
from learnlog_checks.config.settings import Settings
from learnlog_checks.model.posts import Post
from learnlog_checks.reading import periods
from learnlog_checks.reading.discovery import excluded

TYPE_CHECKING = False  # `typing` is not imported at run time (what only the type checker reads)
if TYPE_CHECKING:
    from learnlog_checks.history.gitlog import Commit, History


class Status(enum.Enum):
    ON_TIME = "on-time"
    LATE = "late"
    IMPORTED = "imported"
    UNCOMMITTED = "uncommitted"


STATUSES = tuple(Status)  # the order of the counts
WORST_FIRST = (Status.LATE, Status.IMPORTED, Status.UNCOMMITTED, Status.ON_TIME)  # a day's status


@dataclass(frozen=True, slots=True)
class Entry:
    """One post and what its first commit proves."""

    path: str  # display path
    day: int | None  # day number
    date: date
    status: Status
    commit: str | None = None
    committed_at: datetime | None = None  # author time, in the log's time zone
    late_by_hours: float | None = None
    batch: int = 0  # how many posts its first commit added


@dataclass(frozen=True, slots=True)
class Streak:
    """A run of consecutive verified days (or periods): how many, and its first and last day."""

    days: int = 0
    first: date | None = None
    last: date | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """Every dated post with its status (by date, day number, path), the counts and the streaks."""

    entries: tuple[Entry, ...]
    counts: Mapping[Status, int]
    longest: Streak
    current: Streak

    def by_path(self) -> dict[str, Entry]:
        return {entry.path: entry for entry in self.entries}

    def days(self) -> dict[date, Status]:
        """The status of each day that has posts (see `day_statuses`)."""
        return day_statuses(self.entries)


def day_statuses(entries: Iterable[Entry]) -> dict[date, Status]:
    """The status of each day that has posts, oldest first: on time only when all of its posts are."""
    seen: dict[date, set[Status]] = {}
    for entry in entries:
        seen.setdefault(entry.date, set()).add(entry.status)
    return {day: next(s for s in WORST_FIRST if s in found) for day, found in sorted(seen.items())}


def counts_as_post(settings: Settings) -> Callable[[str], bool]:
    """Whether a file added to the posts folder (by its name there) is a post, for counting imports."""
    pattern = patterns.compile_filename(settings.filename)

    def counts(name: str) -> bool:
        parts = name.split("/")
        visible = not any(part.startswith(".") for part in parts)
        return visible and not excluded(name, settings.exclude) and pattern.match(parts[-1]) is not None

    return counts


def day_end(text: str) -> time:
    """ "HH:MM" (validated by the config) as a time of day."""
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def judge(posts: Iterable[Post], history: History, settings: Settings) -> Report:
    """The status of every post that has a date, with the counts and the streaks."""
    zone = ZoneInfo(settings.timezone)
    ends = day_end(settings.history.day_ends_at)
    at_once = settings.history.imported_at_once
    dated = sorted((p for p in posts if p.date is not None), key=lambda p: (p.date, p.day or 0, p.path))
    entries = tuple(
        _entry(post, history.first.get(post.name), zone=zone, ends=ends, at_once=at_once) for post in dated
    )
    counts = {status: 0 for status in STATUSES}
    for entry in entries:
        counts[entry.status] += 1
    longest, current = streaks(day_statuses(entries), follows=_follows(settings))
    return Report(entries, counts, longest, current)


def _follows(settings: Settings) -> Callable[[date, date], bool]:
    """Whether a day with posts extends a streak whose last day with posts is the first."""
    if settings.numbering == "sequence":
        return lambda before, day: True  # days of study: the next day with posts is the next one
    rhythm = periods.rhythm(settings)
    if rhythm.daily:
        return lambda before, day: before + timedelta(days=1) == day
    return lambda before, day: rhythm.period(before).last + timedelta(days=1) == rhythm.period(day).first


def _entry(post: Post, commit: Commit | None, *, zone: ZoneInfo, ends: time, at_once: int) -> Entry:
    assert post.date is not None
    if commit is None:
        return Entry(post.path, post.day, post.date, Status.UNCOMMITTED)
    when = datetime.fromtimestamp(commit.when, zone)
    found = Entry(post.path, post.day, post.date, Status.ON_TIME, commit.sha, when, batch=commit.added)
    if commit.added >= at_once:
        return _with(found, Status.IMPORTED)
    deadline = int(datetime.combine(post.date + timedelta(days=1), ends, tzinfo=zone).timestamp())
    if commit.when < deadline:
        return found
    tenths = max(1, -(-(commit.when - deadline) // 360))  # rounded up: late by any part of 6 minutes
    return _with(found, Status.LATE, tenths / 10)


def _with(entry: Entry, status: Status, late_by: float | None = None) -> Entry:
    return replace(entry, status=status, late_by_hours=late_by)


def streaks(
    days: Mapping[date, Status], *, follows: Callable[[date, date], bool] | None = None
) -> tuple[Streak, Streak]:
    """The longest and the current run of consecutive verified days (see the module's docstring);
    `follows(before, day)` says whether `day` comes right after `before` (default: the next calendar day)."""
    step = follows or (lambda before, day: before + timedelta(days=1) == day)
    ordered: Sequence[date] = sorted(days)
    longest, run = Streak(), Streak()
    for day in ordered:
        if days[day] is not Status.ON_TIME:
            run = Streak()
            continue
        run = (
            Streak(run.days + 1, run.first, day) if run.last and step(run.last, day) else Streak(1, day, day)
        )
        if run.days > longest.days:
            longest = run
    committed = [day for day in ordered if days[day] is not Status.UNCOMMITTED]
    if not committed or days[committed[-1]] is not Status.ON_TIME:
        return longest, Streak()
    end = committed[-1]
    first, count = end, 1
    for before in reversed(ordered[: ordered.index(end)]):
        if days[before] is not Status.ON_TIME or not step(before, first):
            break
        first, count = before, count + 1
    return longest, Streak(count, first, end)


NIGHT_ENDS = time(6, 0)  # a first commit the next day before this is a late night, not a late post


@dataclass(frozen=True, slots=True)
class DayEnd:
    """A `day_ends_at` that the commit hours suggest: the hour after the latest late-night commit."""

    day_ends_at: str  # "HH:00"
    posts: int  # posts first committed after midnight for the day before
    latest: time


def propose_day_end(posts: Iterable[Post], history: History, settings: Settings) -> DayEnd | None:
    """What `init` proposes: when posts were first committed the next day between midnight and 06:00
    (imports left out), the full hour after the latest of those commits; None when none was."""
    zone = ZoneInfo(settings.timezone)
    nights = []
    for post in posts:
        commit = history.first.get(post.name)
        if post.date is None or commit is None or commit.added >= settings.history.imported_at_once:
            continue
        when = datetime.fromtimestamp(commit.when, zone)
        if when.date() == post.date + timedelta(days=1) and when.time() < NIGHT_ENDS:
            nights.append(when.time())
    if not nights:
        return None
    latest = max(nights)
    return DayEnd(f"{latest.hour + 1:02d}:00", len(nights), latest.replace(second=0, microsecond=0))
