"""LL011 filename-pattern

What it does: reports a file in the posts folder whose name does not follow `filename` (for example
`{date}-day-{day}.md`) and that `exclude` does not list, and a date in a file name that is not a real
calendar day.
A post that Jekyll publishes all the same (`.markdown`, `.mkdown`, `.mkdn`, `.mkd`, `.html`, `.MD`)
is checked as a post, with a warning giving its new name. What Jekyll skips (no extension, no date at
the start of the name in `_posts`) or copies as it is (`.txt`) is an error, with the new name too.
Why: Jekyll publishes only files named `YYYY-MM-DD-title.EXT`; a post saved without its extension, or
with a typo in its date, silently never appears on the site.
Example: `_posts/2024-03-01-day-60` -> "file name '2024-03-01-day-60' does not match
'{date}-day-{day}.md'; Jekyll never publishes a post without an extension" with "rename it to
'2024-03-01-day-60.md'".
Options: `filename`, `exclude`.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Fact, Finding, Problem, Severity
from learnlog_checks.rules._api import FileRule


def check(path: str, problem: Problem) -> Iterator[Finding]:
    """A finding for each name that does not match `filename`, or names a date that is not real."""
    if problem.fact is Fact.FILE_NAME:
        yield RULE.at(path, problem.pos, problem.message, suggestion=problem.suggestion)
    elif problem.fact is Fact.FILE_EXTENSION:
        yield RULE.at(path, problem.pos, problem.message, suggestion=problem.suggestion, severity=WARNING)


WARNING = Severity.WARNING

RULE = FileRule(code="LL011", name="filename-pattern", doc=__doc__ or "", check=check)
