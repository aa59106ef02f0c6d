"""LL011 filename-pattern

What it does: reports a file in the posts folder whose name does not follow `filename` (for example
`{date}-day-{day}.md`) and that `exclude` does not list, and a date in a file name that is not a real
calendar day.
Why: Jekyll publishes only files named `YYYY-MM-DD-title.md`; a post saved without `.md`, or with a
typo in its date, silently never appears on the site.
Example: `_posts/2024-03-01-day-60` -> "file name '2024-03-01-day-60' does not match
'{date}-day-{day}.md'; without '.md' the site never publishes it".
Options: `filename`, `exclude`.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Fact, Finding, Problem
from learnlog_checks.rules._api import FileRule


def check(path: str, problem: Problem) -> Iterator[Finding]:
    """A finding for each name that does not match `filename`, or names a date that is not real."""
    if problem.fact is Fact.FILE_NAME:
        yield RULE.at(path, problem.pos, problem.message, suggestion=problem.suggestion)


RULE = FileRule(code="LL011", name="filename-pattern", doc=__doc__ or "", check=check)
