"""LL004 sequential-numbering

What it does: checks that day numbers run 1, 2, 3, … with none skipped; the first post after a gap is
reported.
Why: the number is the day count of the log; a jump is almost always a typo or a lost post.
Example: day-12.md then day-14.md -> on day-14: "day 13 is missing before day 14".
A post of several days (`day-3+4.md`) covers each of its numbers: the next is day 5.
With `numbering = "sequence"` the numbers count days of study, so their dates must also go forward:
a day dated on or before the day numbered before it is reported ("day 31 is dated 2021-01-10, not after
day 30's 2021-01-12").
Options: `numbering` (numbers come from `{day}` in `filename`, else from `{day}` in `title`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from learnlog_checks.model import Finding
from learnlog_checks.model.posts import Post
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
            yield RULE.on(post, post.line_of(()), f"{missing} missing before {post.days_text}")
        expected = max(expected, post.days.stop)
    if ctx.settings.numbering == "sequence":
        yield from _dates_go_forward(numbered)


def _dates_go_forward(numbered: Sequence[Post]) -> Iterator[Finding]:
    """In a log numbered by days of study: each day dated after the day numbered before it (a number
    given twice is `duplicate-day-number`'s to report)."""
    before: Post | None = None
    for post in numbered:
        if post.date is None or post.draft:
            continue
        if (
            before is not None
            and before.date is not None
            and post.day != before.day
            and post.date <= before.date
        ):
            message = (
                f"{post.days_text} is dated {post.date.isoformat()}, not after {before.days_text}'s "
                f"{before.date.isoformat()}"
            )
            yield RULE.on(post, post.line_of(()), message)
            continue
        before = post


RULE = CollectionRule(code="LL004", name="sequential-numbering", doc=__doc__ or "", check=check)
