"""LL001 front-matter-syntax

What it does: reports a post whose front matter Jekyll would not read: none at all, not on line 1,
never closed, TOML or JSON instead of YAML, invalid YAML (at the line the parser names), not a mapping,
nested too deep, YAML anchors and aliases, explicit tags such as `!!python/object`, and keys that YAML
reads as something other than text (`on:`, `3:`).
Why: Jekyll silently publishes such a file as a static page or not at all; the post vanishes from the log.
Example: `title: (Day 91) Probability: Multivariate` -> "invalid YAML: mapping values are not allowed
here; quote a value that contains ': '".
Options: none; always on.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Fact, Finding, Problem
from learnlog_checks.rules._api import FileRule


def check(path: str, problem: Problem) -> Iterator[Finding]:
    """A finding for each problem of reading that the front matter is missing, invalid YAML or refused."""
    if problem.fact is Fact.SYNTAX:
        yield RULE.at(path, problem.pos, problem.message, suggestion=problem.suggestion)


RULE = FileRule(code="LL001", name="front-matter-syntax", doc=__doc__ or "", check=check)
