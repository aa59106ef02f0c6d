"""LL008 title-day

What it does: checks that the day number in the title (from `{day}` in the `title` pattern) is the one
in the file name.
Why: `(Day 10)` in `day-11.md` is a copy-paste slip that readers see first.
Example: `title: (Day 10) Attention` in `2024-01-12-day-11.md` -> "title says day 10, the file name
says day 11".
A post of several days carries the same range in both (`Day 3 & 4` in `day-3+4.md`).
Options: `title`.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding
from learnlog_checks.model.posts import Post, day_words
from learnlog_checks.rules._api import Context, PostRule


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    if post.title_day is None or post.day is None:
        return
    if (post.title_day, post.title_last_day) == (post.day, post.last_day):
        return
    title = day_words(post.title_day, post.title_last_day)
    message = f"title says {title}, the file name says {post.days_text}"
    yield RULE.on(post, post.line_of(("title",)), message)


RULE = PostRule(code="LL008", name="title-day", doc=__doc__ or "", check=check)
