"""LL022 cut-by-comment

What it does: warns about a plain (unquoted) text value followed on its line by ` #...`, which YAML
reads as a comment and drops: the value is only what stands before it. The text keys (`title`,
`description`, `excerpt`, `subtitle`, `summary`, `tagline`, `caption`) are always looked at, other
top-level keys when their value has several words (`layout: post  # a note` is a comment meant as one);
the tag field is words, not text. A value in quotes, a `#` with no space before it (`C#`) and the tool's
own `# learnlog: ignore[...]` comments are text or meant as comments.
Why: `title: (Day 368) Transformers part #2` passes every other check, and the page shows "Transformers
part".
Example: `title: (Day 368) Transformers part #2` -> "'title' is read by YAML as '(Day 368) Transformers
part'; ' #2' is a comment" with "quote it: title: "(Day 368) Transformers part #2"".
`check --fix` quotes the whole line's value, comment included.
Options: none. A comment meant as one can stay: silence the rule on that line.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Fact, Finding, Problem, Severity
from learnlog_checks.rules._api import FileRule


def check(path: str, problem: Problem) -> Iterator[Finding]:
    """A finding for each plain value that reading found cut short by a comment."""
    if problem.fact is Fact.CUT_BY_COMMENT:
        yield RULE.at(path, problem.pos, problem.message, suggestion=problem.suggestion)


RULE = FileRule(
    code="LL022",
    name="cut-by-comment",
    doc=__doc__ or "",
    check=check,
    severity=Severity.WARNING,
    fixable=True,
)
