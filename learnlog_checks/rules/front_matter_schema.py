"""LL002 front-matter-schema

What it does: validates each post's front matter against the built-in schema (a non-empty `title`, at
least one tag in `tags_field`, tags a list of unique strings, a `date` that looks like a date) and
against the log's own `schema`, reporting each error at the line of the key it concerns. A post with
no tags (`categories:`, `categories: ""`, `categories: []`) is one error, "no tags". A value that
YAML re-typed (`title: no`, `title: 12:30`) is named with the author's own text and a hint to quote it.
Why: a stub post with an empty title or no tags breaks the tag pages and the site's lists.
Example: `title: ""` on line 2 -> "2:8 'title' is empty".
Options: `schema` (a JSON Schema file of your own, checked in addition), `tags_field`.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding
from learnlog_checks.model.posts import Post
from learnlog_checks.rules._api import Context, PostRule


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    if ctx.schema is not None:
        for violation in ctx.schema.errors(post):
            yield RULE.on(post, violation.pos, violation.message, suggestion=violation.suggestion)


RULE = PostRule(code="LL002", name="front-matter-schema", doc=__doc__ or "", check=check)
