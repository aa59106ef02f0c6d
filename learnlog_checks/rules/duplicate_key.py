"""LL018 duplicate-key

What it does: reports a front-matter key given twice in one mapping.
Why: YAML parsers keep the last value without a word, so the first one is silently lost.
Example: `title:` on lines 2 and 5 -> "key 'title' is given twice (first on line 2); only the last
one counts".
Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Fact, Finding, Problem
from learnlog_checks.rules._api import FileRule


def check(path: str, problem: Problem) -> Iterator[Finding]:
    """A finding for each problem of reading that a key is given twice."""
    if problem.fact is Fact.DUPLICATE_KEY:
        yield RULE.at(path, problem.pos, problem.message, suggestion=problem.suggestion)


RULE = FileRule(code="LL018", name="duplicate-key", doc=__doc__ or "", check=check)
