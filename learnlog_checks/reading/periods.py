"""A log's rhythm: one post per period, a day, an ISO week (Monday to Sunday) or a calendar month, as the
`cadence` of the phase a date falls in says (`cadence`, then each `[[phase]]` from its date on).

Numbered by the calendar, the numbers run on across phases, one per period: in a log that starts on
2024-01-01, posts daily for 366 days and monthly from 2025-01-01, day 366 is 2024-12-31 and number 367
is the month 2025-01.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from learnlog_checks.config.settings import Settings

WORDS = {"daily": "day", "weekly": "week", "monthly": "month"}  # a period of each cadence, in messages


@dataclass(frozen=True, slots=True)
class Period:
    """One period of a cadence: its first and last day."""

    cadence: str
    first: date
    last: date

    @property
    def name(self) -> str:
        """`2024-03-04`, `2024-W10` (ISO week) or `2024-03`."""
        if self.cadence == "weekly":
            year, week, _ = self.first.isocalendar()
            return f"{year}-W{week:02d}"
        return self.first.isoformat()[:7] if self.cadence == "monthly" else self.first.isoformat()

    def described(self) -> str:
        """How messages name it: `2024-03-04`, `the week 2024-W10 (2024-03-04 to 2024-03-10)`, `the
        month 2024-03`."""
        if self.cadence == "daily":
            return self.name
        span = f" ({self.first.isoformat()} to {self.last.isoformat()})" if self.cadence == "weekly" else ""
        return f"the {WORDS[self.cadence]} {self.name}{span}"


def period_of(day: date, cadence: str) -> Period:
    """The period of `cadence` that `day` falls in."""
    if cadence == "weekly":
        monday = day - timedelta(days=day.weekday())
        last = monday + timedelta(days=6) if monday <= date.max - timedelta(days=6) else date.max
        return Period(cadence, monday, last)
    if cadence == "monthly":
        first = day.replace(day=1)
        if (first.year, first.month) == (9999, 12):
            return Period(cadence, first, date.max)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return Period(cadence, first, following - timedelta(days=1))
    return Period(cadence, day, day)


def _index(day: date, cadence: str) -> int:
    """A count of periods: consecutive periods of one cadence have consecutive indexes."""
    if cadence == "weekly":
        return (day.toordinal() - 1) // 7  # date(1, 1, 1) was a Monday
    if cadence == "monthly":
        return day.year * 12 + day.month - 1
    return day.toordinal()


def _period_at(index: int, cadence: str) -> Period:
    """The period of `cadence` with the index `index` (ValueError or OverflowError past the calendar)."""
    if cadence == "weekly":
        return period_of(date.fromordinal(index * 7 + 1), cadence)
    if cadence == "monthly":
        year, month = divmod(index, 12)
        return period_of(date(year, month + 1, 1), cadence)
    return period_of(date.fromordinal(index), cadence)


@dataclass(frozen=True, slots=True)
class Rhythm:
    """The phases of a log, oldest first: (first day, cadence); the first from the log's start."""

    phases: tuple[tuple[date, str], ...]

    @property
    def daily(self) -> bool:
        """Whether the log posts daily throughout (then a period is a day)."""
        return all(cadence == "daily" for _, cadence in self.phases)

    def cadence_at(self, day: date) -> str:
        return next((c for first, c in reversed(self.phases) if first <= day), self.phases[0][1])

    def period(self, day: date) -> Period:
        """The period `day` falls in, under the cadence of its phase."""
        return period_of(day, self.cadence_at(day))

    def _firsts(self, start: date) -> list[tuple[date, str, int, int]]:
        """Each phase from `start` on: its first day, cadence, first number and the index of its first
        period."""
        found: list[tuple[date, str, int, int]] = []
        for first, cadence in self.phases:
            if first < start:
                first = start
            index = _index(first, cadence)
            if not found:
                found.append((first, cadence, 1, index))
                continue
            _, before, number, before_index = found[-1]
            last_before = _index(first - timedelta(days=1), before)
            found.append((first, cadence, number + last_before - before_index + 1, index))
        return found

    def numbered(self, start: date, number: int) -> Period | None:
        """The period that number `number` falls in, numbered by the calendar from `start` (number 1);
        None past the calendar."""
        firsts = self._firsts(start)
        _, cadence, first_number, index = next((f for f in reversed(firsts) if f[2] <= number), firsts[0])
        try:
            return _period_at(index + number - first_number, cadence)
        except (ValueError, OverflowError):
            return None

    def number_of(self, start: date, day: date) -> int:
        """The number the period of `day` carries, numbered by the calendar from `start`."""
        firsts = self._firsts(start)
        _, cadence, number, index = next((f for f in reversed(firsts) if f[0] <= day), firsts[0])
        return number + _index(day, cadence) - index


def rhythm(settings: Settings) -> Rhythm:
    """The rhythm the config gives: `cadence` from the start, then each `[[phase]]`."""
    return Rhythm(((date.min, settings.cadence), *((p.start, p.cadence) for p in settings.phase)))
