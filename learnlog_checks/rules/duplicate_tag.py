"""LL013 duplicate-tag

What it does: reports a tag listed twice in one post.
Why: it is always a slip, and some sites then list the post twice on the tag page.
Example: `categories: [nlp, theory, nlp]` -> "tag 'nlp' is listed twice". `check --fix` drops the
second one.
Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding
from learnlog_checks.model.posts import Post
from learnlog_checks.reading.tagging import fields_of, in_field
from learnlog_checks.rules._api import Context, PostRule


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    for field, tags, _ in fields_of(post, ctx.settings):
        seen: set[str] = set()
        where = in_field(field, ctx.settings)
        for tag in tags:
            if tag.text in seen:
                message = f"tag {tag.text!r} is listed twice{where}"
                yield RULE.on(post, tag.pos, message, suggestion="remove the second one")
            seen.add(tag.text)


RULE = PostRule(code="LL013", name="duplicate-tag", doc=__doc__ or "", check=check, fixable=True)
