"""LL004 sequential-numbering

What it does: checks that day numbers run 1, 2, 3, … with none skipped; the first post after a gap is
reported.
Why: the number is the day count of the log; a jump is almost always a typo or a lost post.
Example: day-12.md then day-14.md -> on day-14: "day 13 is missing before day 14".
Options: none (numbers come from `{day}` in `filename`, else from `{day}` in `title`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from learnlog_checks.model import Finding, Post
from learnlog_checks.rules._api import CollectionRule, Context


def check(posts: Sequence[Post], ctx: Context) -> Iterator[Finding]:
    expected = 1
    numbered = sorted((p for p in posts if p.day is not None), key=lambda p: (p.day, p.name))
    for post in numbered:
        assert post.day is not None
        if post.day > expected and not post.draft:
            missing = (
                f"day {expected} is" if post.day == expected + 1 else f"days {expected}..{post.day - 1} are"
            )
            yield RULE.on(post, post.line_of(()), f"{missing} missing before day {post.day}")
        expected = max(expected, post.day + 1)


RULE = CollectionRule(code="LL004", name="sequential-numbering", doc=__doc__ or "", check=check)
