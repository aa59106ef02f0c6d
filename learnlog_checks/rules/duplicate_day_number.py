"""LL006 duplicate-day-number

What it does: reports a day number used by more than one post; every post after the first is reported,
naming the first.
Why: two "day 41" posts mean one of them has the wrong number, and every later number is off.
Example: `2024-02-10-day-41.md` and `2024-02-11-day-41.md` -> "day 41 is already used by
_posts/2024-02-10-day-41.md".
A post of several days (`day-3+4.md`) uses each of its numbers: a later `day-4.md` is reported.
Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from learnlog_checks.model import Finding
from learnlog_checks.model.posts import Post
from learnlog_checks.rules._api import CollectionRule, Context


def check(posts: Sequence[Post], ctx: Context) -> Iterator[Finding]:
    first: dict[int, Post] = {}
    for post in sorted(posts, key=lambda p: (p.date or p.file_date or ctx.today, p.name)):
        if post.day is None or post.draft:
            continue
        taken = next(((n, first[n]) for n in post.days if n in first), None)
        for number in post.days:
            first.setdefault(number, post)
        if taken is not None:
            number, earlier = taken
            yield RULE.on(post, post.line_of(()), f"day {number} is already used by {earlier.path}")


RULE = CollectionRule(code="LL006", name="duplicate-day-number", doc=__doc__ or "", check=check)
