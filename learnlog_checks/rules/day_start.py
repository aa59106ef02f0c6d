"""LL051 day-start

What it does: with `start` (the date of day 1), checks that day N of a day log is dated start + (N - 1).
Why: the log is one day a day; a date off the count is a typo in the date, or in the number.
Example: `start = 2021-03-10` and `### Day 3: 2021-03-13` -> "day 3 should be dated 2021-03-12 (start
2021-03-10 + 2 days), found 2021-03-13".
Options: `start`; without it the rule does nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding, position
from learnlog_checks.reading.dates import nth_day
from learnlog_checks.reading.dayheadings import DayLog
from learnlog_checks.rules._api import Context
from learnlog_checks.rules._logbook import DayRule


def check(log: DayLog, ctx: Context) -> Iterator[Finding]:
    start = ctx.settings.start
    if start is None:
        return
    for day in log.days:
        expected = nth_day(start, day.day)
        if expected is None:
            message = f"day {day.day} cannot be dated: start + {day.day - 1} days is no date"
            yield RULE.at(log.path, position(day.line, 1), message)
        elif day.date is not None and day.date != expected:
            message = (
                f"day {day.day} should be dated {expected.isoformat()} (start {start.isoformat()} + "
                f"{day.day - 1} days), found {day.date}"
            )
            yield RULE.at(log.path, position(day.line, 1), message)


RULE = DayRule(code="LL051", name="day-start", doc=__doc__ or "", check=check)
