"""LL012 date-field

What it does: checks the front-matter `date`: it must be a real date (or date and time), and the
calendar day it stands for (in the log's `timezone`) must be the date in the file name.
Why: Jekyll takes the front-matter date over the file name's, so a disagreement moves the post silently.
Example: `date: 2024-01-03` in `2024-01-02-day-1.md` -> "date 2024-01-03 differs from the file name's
2024-01-02".
Options: `timezone`.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding, Post
from learnlog_checks.rules._api import Context, PostRule


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    raw = post.data.get("date")
    if raw is None or not isinstance(raw, str):
        return  # absent, or a type error the schema reports
    where = post.line_of(("date",))
    if post.meta_date is None:
        yield RULE.on(post, where, f"date {raw!r} is not a real date; write YYYY-MM-DD")
    elif post.file_date is not None and post.meta_date != post.file_date:
        message = f"date {raw} differs from the file name's {post.file_date.isoformat()}"
        if post.meta_date.isoformat() != raw.strip()[:10]:
            message += f" (it is {post.meta_date.isoformat()} in {ctx.settings.timezone})"
        yield RULE.on(post, where, message)


RULE = PostRule(code="LL012", name="date-field", doc=__doc__ or "", check=check)
