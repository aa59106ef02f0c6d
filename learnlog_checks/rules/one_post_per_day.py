"""LL003 one-post-per-day

What it does: reports posts that fall on the same calendar day (the front-matter `date` if present,
else the date in the file name, in the log's `timezone`). Every post after the first on that day is
reported, naming the first.
Why: a daily log has one post a day; three posts filed under one date are almost always dates typed wrong.
Example: `2024-2-11-day-41.md` and `2024-2-11-day-42.md` -> on day-42: "2024-02-11 already has a post:
_posts/2024-2-11-day-41.md".
Options: `timezone`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from learnlog_checks.model import Finding, Post
from learnlog_checks.rules._api import CollectionRule, Context


def check(posts: Sequence[Post], ctx: Context) -> Iterator[Finding]:
    first: dict[date, Post] = {}
    for post in sorted(posts, key=lambda p: (p.day if p.day is not None else 1 << 60, p.name)):
        if post.date is None or post.draft:
            continue
        earlier = first.setdefault(post.date, post)
        if earlier is not post:
            where = post.key_pos(post.date_key) if post.meta_date else post.line_of(())
            yield RULE.on(post, where, f"{post.date.isoformat()} already has a post: {earlier.path}")


RULE = CollectionRule(code="LL003", name="one-post-per-day", doc=__doc__ or "", check=check)
