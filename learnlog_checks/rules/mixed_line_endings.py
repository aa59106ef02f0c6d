"""LL024 mixed-line-endings

What it does: warns about a post whose lines end in more than one way (CRLF, LF, lone CR), at the
first line that ends differently from the first one.
Why: it is the mark of a file edited on two systems or pasted together; tools that split lines one way
then see the other lines run together or carry a stray CR, and a lone CR around the front matter hides
it from Jekyll altogether (`front-matter-syntax` reports that).
Example: lines 1-3 ending with CRLF, line 4 with LF -> "line 4 ends with LF, but line 1 with CRLF".
Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Fact, Finding, Problem, Severity
from learnlog_checks.rules._api import FileRule


def check(path: str, problem: Problem) -> Iterator[Finding]:
    """A finding for each file whose reading found lines ending in more than one way."""
    if problem.fact is Fact.LINE_ENDINGS:
        yield RULE.at(path, problem.pos, problem.message, suggestion=problem.suggestion)


RULE = FileRule(
    code="LL024",
    name="mixed-line-endings",
    doc=__doc__ or "",
    check=check,
    severity=Severity.WARNING,
)
