"""LL047 day-weekday

What it does: checks that the weekday a day heading names is the weekday of its date.
Why: `March 12, Thursday` when March 12 was a Friday means the date or the weekday was typed wrong.
Example: `### Day 12: March 12, Thursday` in 2021 -> "March 12, 2021 is a Friday, not a Thursday".
Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding, position
from learnlog_checks.reading.dayheadings import WEEKDAYS, DayLog
from learnlog_checks.rules._api import Context
from learnlog_checks.rules._logbook import DayRule


def check(log: DayLog, ctx: Context) -> Iterator[Finding]:
    for day in log.days:
        if day.date is None or day.weekday is None or day.weekday == day.date.weekday():
            continue
        real, named = WEEKDAYS[day.date.weekday()].title(), WEEKDAYS[day.weekday].title()
        message = f"{day.date:%B} {day.date.day}, {day.date.year} is a {real}, not a {named}"
        yield RULE.at(log.path, position(day.line, 1), message)


RULE = DayRule(code="LL047", name="day-weekday", doc=__doc__ or "", check=check)
