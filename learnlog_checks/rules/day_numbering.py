"""LL046 day-numbering

What it does: checks that the day numbers of a day log run 1, 2, 3, ... in the file, none skipped and
none repeated.
Why: the number is the count of days; a skip or a repeat is almost always a typo in the heading.
Example: `### Day 12` then `### Day 14` -> "day 13 is missing before day 14"; `### Day 12` twice ->
"day 12 again (first at line 40)".
Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding, position
from learnlog_checks.reading.dayheadings import DayLog
from learnlog_checks.rules._api import Context
from learnlog_checks.rules._logbook import DayRule


def check(log: DayLog, ctx: Context) -> Iterator[Finding]:
    seen: dict[int, int] = {}
    expected = None
    for day in log.days:
        pos = position(day.line, 1)
        if day.day in seen:
            yield RULE.at(log.path, pos, f"day {day.day} again (first at line {seen[day.day]})")
        elif expected is not None and day.day > expected:
            missing = (
                f"day {expected} is" if day.day == expected + 1 else f"days {expected}..{day.day - 1} are"
            )
            yield RULE.at(log.path, pos, f"{missing} missing before day {day.day}")
        elif expected is not None and day.day < expected:
            yield RULE.at(log.path, pos, f"day {day.day} comes after day {expected - 1}")
        for number in range(day.day, day.last_day + 1):
            seen.setdefault(number, day.line)
        expected = max(expected or 0, day.last_day + 1)


RULE = DayRule(code="LL046", name="day-numbering", doc=__doc__ or "", check=check)
