"""LL021 tag-format

What it does: in a log without a `[tags]` vocabulary, checks the form of each tag: not empty, no spaces
around it, no line breaks, control or bidirectional-override characters.
Why: `Theory ` with a trailing space is a different tag from `theory`, and invisible characters make
tags that look equal but are not.
Example: `categories: ["theory "]` -> "tag 'theory ' has spaces around it". With a vocabulary,
`allowed-tags` reports such tags instead.
Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding
from learnlog_checks.model.posts import Post
from learnlog_checks.reading.tagging import fields_of, form_problem
from learnlog_checks.rules._api import Context, PostRule


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    for field, tags, _ in fields_of(post, ctx.settings):
        if field.tags:
            continue
        for tag in tags:
            message = form_problem(tag.text) if tag.yaml_type == "str" else None
            if message is not None:
                yield RULE.on(post, tag.pos, message)


RULE = PostRule(code="LL021", name="tag-format", doc=__doc__ or "", check=check)
