"""LL049 day-date-order

What it does: checks that the dates of a day log's headings go forward: no day dated before the day
above it.
Why: a date going backwards is a month or a day typed wrong (`April 3` for `May 3`).
Example: `### Day 20: 2021-03-29` then `### Day 21: 2021-03-20` -> "day 21 is dated 2021-03-20, before
day 20 (2021-03-29)".
Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding, position
from learnlog_checks.reading.dayheadings import DayHeading, DayLog
from learnlog_checks.rules._api import Context
from learnlog_checks.rules._logbook import DayRule


def check(log: DayLog, ctx: Context) -> Iterator[Finding]:
    before: DayHeading | None = None
    for day in log.days:
        if day.date is None:
            continue
        if before is not None and before.date is not None and day.date < before.date:
            message = f"day {day.day} is dated {day.date}, before day {before.day} ({before.date})"
            yield RULE.at(log.path, position(day.line, 1), message)
        before = day


RULE = DayRule(code="LL049", name="day-date-order", doc=__doc__ or "", check=check)
