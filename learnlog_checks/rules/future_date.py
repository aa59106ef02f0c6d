"""LL010 future-date

What it does: reports a post dated after today (today in the log's `timezone`).
Why: Jekyll does not publish future posts by default, so the post silently stays off the site; often the
year or month is typed wrong.
Example: today 2024-03-01, `2024-12-01-day-60.md` -> "dated 2024-12-01, after today (2024-03-01)".
Options: `timezone`.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding, Post
from learnlog_checks.rules._api import Context, PostRule


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    if post.draft:
        return
    if post.publish_date is not None and post.publish_key is not None:
        if post.publish_date > ctx.today:
            when, today = post.publish_date.isoformat(), ctx.today.isoformat()
            message = f"{post.publish_key} is {when}, after today ({today})"
            yield RULE.on(post, post.key_pos(post.publish_key), message)
        return
    if post.date is not None and post.date > ctx.today:
        where = post.key_pos(post.date_key) if post.meta_date else post.line_of(())
        yield RULE.on(post, where, f"dated {post.date.isoformat()}, after today ({ctx.today.isoformat()})")


RULE = PostRule(code="LL010", name="future-date", doc=__doc__ or "", check=check)
