"""LL020 byte-order-mark

What it does: warns about a UTF-8 byte order mark at the start of a post (it is stripped and the post
is read as usual).
Why: some editors on Windows add it; other tools in the chain may then not see the opening `---`.
Example: a file starting with bytes EF BB BF -> "the file starts with a UTF-8 byte order mark".
Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Fact, Finding, Problem, Severity
from learnlog_checks.rules._api import FileRule


def check(path: str, problem: Problem) -> Iterator[Finding]:
    """A finding for each problem of reading that the file starts with a byte order mark."""
    if problem.fact is Fact.BYTE_ORDER_MARK:
        yield RULE.at(path, problem.pos, problem.message, suggestion=problem.suggestion)


RULE = FileRule(
    code="LL020",
    name="byte-order-mark",
    doc=__doc__ or "",
    check=check,
    severity=Severity.WARNING,
)
