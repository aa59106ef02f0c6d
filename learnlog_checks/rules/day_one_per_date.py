"""LL048 day-one-per-date

What it does: checks that no two days of a day log fall on one date.
Why: two days on one date is a day counted twice, or a date copied from the day before.
Example: `### Day 7: 2021-03-16` and `### Day 8: 2021-03-16` -> "day 8 has the date 2021-03-16 of day 7".
Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from learnlog_checks.model import Finding, position
from learnlog_checks.reading.dayheadings import DayLog
from learnlog_checks.rules._api import Context
from learnlog_checks.rules._logbook import DayRule


def check(log: DayLog, ctx: Context) -> Iterator[Finding]:
    first: dict[date, int] = {}
    for day in log.days:
        if day.date is None:
            continue
        if day.date in first:
            message = f"day {day.day} has the date {day.date} of day {first[day.date]}"
            yield RULE.at(log.path, position(day.line, 1), message)
        else:
            first[day.date] = day.day


RULE = DayRule(code="LL048", name="day-one-per-date", doc=__doc__ or "", check=check)
