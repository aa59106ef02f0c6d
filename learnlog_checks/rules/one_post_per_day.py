"""LL003 one-post-per-day

What it does: reports posts that fall on the same calendar day (the front-matter `date` if present,
else the date in the file name, in the log's `timezone`, which the message names). Every post after the
first on that day is reported, naming the first. When the time in a post's `date` put it on another day
than its file name's (a time near midnight, read in the log's zone), the message says how to set
`timezone`.
Why: a daily log has one post a day; three posts filed under one date are almost always dates typed wrong.
Example: `2024-2-11-day-41.md` and `2024-2-11-day-42.md` -> on day-42: "2024-02-11 (a day in UTC) already
has a post: _posts/2024-2-11-day-41.md".
With a `cadence` other than daily, or `[[phase]]` tables, it is one post per period of the phase the
post falls in: "the month 2025-03 already has a post: _posts/2025-03-01-day-369.md".
Options: `timezone`, `cadence`, `[[phase]]`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from learnlog_checks.model import Finding
from learnlog_checks.model.posts import Post
from learnlog_checks.reading import periods
from learnlog_checks.rules._api import CollectionRule, Context


def check(posts: Sequence[Post], ctx: Context) -> Iterator[Finding]:
    rhythm = periods.rhythm(ctx.settings)
    daily = rhythm.daily
    first: dict[date | periods.Period, Post] = {}
    for post in sorted(posts, key=lambda p: (p.day if p.day is not None else 1 << 60, p.name)):
        if post.date is None or post.draft:
            continue
        period = post.date if daily else rhythm.period(post.date)
        earlier = first.setdefault(period, post)
        if earlier is not post:
            where = post.key_pos(post.date_key) if post.meta_date else post.line_of(())
            zone = ctx.settings.timezone
            span = rhythm.period(post.date)
            named = (
                span.described() if span.cadence != "daily" else f"{post.date.isoformat()} (a day in {zone})"
            )
            message = f"{named} already has a post: {earlier.path}"
            yield RULE.on(post, where, message, suggestion=_zone_hint((earlier, post), zone))


def _zone_hint(posts: tuple[Post, Post], zone: str) -> str | None:
    """How to set `timezone`, when the time in one post's `date` moved it off its file name's day."""
    for post in posts:
        if post.meta_date is not None and post.file_date is not None and post.meta_date != post.file_date:
            return (
                f"the time in the `date` of {post.path} falls on {post.meta_date.isoformat()} in {zone}, not "
                f"on {post.file_date.isoformat()} as its file name says; if your days are in another zone, "
                "set `timezone` in learnlog.toml"
            )
    return None


RULE = CollectionRule(code="LL003", name="one-post-per-day", doc=__doc__ or "", check=check)
