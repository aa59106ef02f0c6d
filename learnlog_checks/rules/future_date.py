"""LL010 future-date

What it does: reports a post dated after today (today in the log's `timezone`, which the message names).
A post dated tomorrow is most often today's post in an author's zone ahead of the log's (08:30 in Tokyo
is still yesterday in UTC): the message then says how to set `timezone`.
Why: Jekyll does not publish future posts by default, so the post silently stays off the site; often the
year or month is typed wrong.
Example: today 2024-03-01, `2024-12-01-day-60.md` -> "dated 2024-12-01, after today (2024-03-01 in UTC)".
Options: `timezone`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from learnlog_checks.model import Finding
from learnlog_checks.model.posts import Post
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
        zone = ctx.settings.timezone
        message = f"dated {post.date.isoformat()}, after today ({ctx.today.isoformat()} in {zone})"
        hint = None
        if post.date == ctx.today + timedelta(days=1):
            hint = (
                f"if it is already {post.date.isoformat()} where you write, set `timezone` in learnlog.toml "
                'to your own zone, such as "Asia/Tokyo"'
            )
        yield RULE.on(post, where, message, suggestion=hint)


RULE = PostRule(code="LL010", name="future-date", doc=__doc__ or "", check=check)
