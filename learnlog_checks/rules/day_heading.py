"""LL045 day-heading

What it does: checks each day heading of a day log (preset `100days`): typed at the level the other
days use, one day per heading (not `Day 24/25`), a date that can be read, and the `title` pattern when
the config gives one. When no date can be placed in a year (no heading names one, `start` is not set
and the file has no commit yet), one warning at the first heading says the date rules were skipped.
Why: a heading at another level breaks the log's outline, and a double day hides a day not written.
Example: `## Day 3: 2021-03-31` among `### Day ...` headings -> "day heading at level 2, the other days
use level 3 (###)".
Options: `title`: the pattern of a day heading (`Day {day}: {text}`).
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding, Severity, position
from learnlog_checks.reading.dayheadings import DayLog
from learnlog_checks.rules._api import Context
from learnlog_checks.rules._logbook import DayRule


def check(log: DayLog, ctx: Context) -> Iterator[Finding]:
    if log.undated is not None and log.days:
        message = f"dates not checked: {log.undated}; set `start` (the date of day 1) in learnlog.toml"
        yield RULE.at(log.path, position(log.days[0].line, 1), message, severity=Severity.WARNING)
    for day in log.days:
        pos = position(day.line, 1)
        if day.level != log.level:
            message = (
                f"day heading at level {day.level}, the other days use level {log.level} ({'#' * log.level})"
            )
            yield RULE.at(log.path, pos, message)
        if day.last_day != day.day:
            message = f"days {day.day} and {day.last_day} in one heading: give each day its own heading"
            yield RULE.at(log.path, pos, message)
        if day.problem is not None:
            yield RULE.at(log.path, pos, day.problem)


RULE = DayRule(code="LL045", name="day-heading", doc=__doc__ or "", check=check)
