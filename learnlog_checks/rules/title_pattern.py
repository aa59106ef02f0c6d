"""LL009 title-pattern

What it does: checks every title against the log's `title` pattern, e.g. `(Day {day}) {text}`.
Why: a typo in the pattern (`(Day 123]`, `Day 12)`) breaks sorting and the day count on the site.
Example: `title: (Day 123] Eigenvalues` -> "title '(Day 123] Eigenvalues' does not follow
'(Day {day}) {text}'".
Options: `title` (without it this rule does nothing).
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.config import patterns
from learnlog_checks.model import Finding
from learnlog_checks.model.posts import Post
from learnlog_checks.rules._api import Context, PostRule


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    pattern, title = ctx.settings.title, post.title
    if pattern is None or title is None or not title.strip():
        return
    if patterns.compile_title(pattern).match(title) is None:
        hint = None
        if post.day is not None and patterns.has_field(pattern, "day"):
            hint = "for example: " + patterns.example_title(pattern, title, day=post.day)
        message = f"title {_clip(title)!r} does not follow {pattern!r}"
        yield RULE.on(post, post.line_of(("title",)), message, suggestion=hint)


def _clip(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


RULE = PostRule(code="LL009", name="title-pattern", doc=__doc__ or "", check=check)
