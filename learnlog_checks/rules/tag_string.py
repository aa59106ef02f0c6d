"""LL016 tag-string

What it does: warns when the tag field is one string (`categories: nlp theory`) rather than a list.
Jekyll splits such a string on spaces, so `categories: machine learning` becomes two tags. An empty
or blank string is no tags at all, which `front-matter-schema` reports as an error.
Why: the list form says what was meant, and a tag with a space in it cannot be written as a string.
Example: `categories: nlp theory` -> "'categories' is one string; Jekyll splits it on spaces into 2
tags". `check --fix` rewrites it as `categories: [nlp, theory]`.
Options: `tags_field`.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding, Post, Severity
from learnlog_checks.rules._api import Context, PostRule


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    if post.tags_as_string and post.tags:  # no tags at all: front-matter-schema reports it
        field = ctx.settings.tags_field
        count = len(post.tags)
        message = f"{field!r} is one string; Jekyll splits it on spaces into {count} tag{'s' * (count != 1)}"
        fix = "write it as a list: " + field + ": [" + ", ".join(t.text for t in post.tags) + "]"
        yield RULE.on(post, post.key_pos(field), message, suggestion=fix)


RULE = PostRule(
    code="LL016",
    name="tag-string",
    doc=__doc__ or "",
    check=check,
    severity=Severity.WARNING,
    fixable=True,
)
