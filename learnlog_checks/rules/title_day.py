"""LL008 title-day

What it does: checks that the day number in the title (from `{day}` in the `title` pattern) is the one
in the file name.
Why: `(Day 10)` in `day-11.md` is a copy-paste slip that readers see first.
Example: `title: (Day 10) Attention` in `2024-01-12-day-11.md` -> "title says day 10, the file name
says day 11".
Options: `title`.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding, Post
from learnlog_checks.rules._api import Context, PostRule


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    if post.title_day is None or post.day is None or post.title_day == post.day:
        return
    message = f"title says day {post.title_day}, the file name says day {post.day}"
    yield RULE.on(post, post.line_of(("title",)), message)


RULE = PostRule(code="LL008", name="title-day", doc=__doc__ or "", check=check)
