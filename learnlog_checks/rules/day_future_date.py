"""LL050 day-future-date

What it does: checks that no day heading of a day log is dated after today (in `timezone`).
Why: a date in the future is a typo (a month or a year), since a day is written on or after its date.
Example: `### Day 30: 2031-04-08` -> "day 30 is dated 2031-04-08, after today (2026-01-01 in UTC)".
Options: `timezone`: which calendar today belongs to.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding, position
from learnlog_checks.reading.dayheadings import DayLog
from learnlog_checks.rules._api import Context
from learnlog_checks.rules._logbook import DayRule


def check(log: DayLog, ctx: Context) -> Iterator[Finding]:
    zone = ctx.settings.timezone
    for day in log.days:
        if day.date is not None and day.date > ctx.today:
            message = f"day {day.day} is dated {day.date}, after today ({ctx.today} in {zone})"
            yield RULE.at(log.path, position(day.line, 1), message)


RULE = DayRule(code="LL050", name="day-future-date", doc=__doc__ or "", check=check)
