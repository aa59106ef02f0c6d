"""LL015 tag-type

What it does: reports a tag that YAML reads as something other than text: `no`, `yes`, `on` (booleans),
`2024`, `1.10`, `0777`, `12:30` (numbers), `2024-01-02` (a date), an empty item, or a nested list.
Why: the site then shows `false` or `511` instead of the tag the author wrote.
Example: `categories: [no, theory]` -> "tag 'no' is read by YAML as a boolean" with "quote it: 'no'".
Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding
from learnlog_checks.model.posts import Post, Tag
from learnlog_checks.reading.tagging import fields_of, type_word
from learnlog_checks.rules._api import Context, PostRule

NESTED = {"seq": "a list", "map": "a mapping"}


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    for _, tags, _ in fields_of(post, ctx.settings):
        yield from _check_tags(post, tags)


def _check_tags(post: Post, tags: tuple[Tag, ...]) -> Iterator[Finding]:
    for tag in tags:
        if tag.yaml_type == "str":
            continue
        if tag.yaml_type in NESTED:
            yield RULE.on(post, tag.pos, f"a tag must be text, found {NESTED[tag.yaml_type]}")
        elif tag.yaml_type == "null":
            yield RULE.on(post, tag.pos, "empty tag", suggestion="remove the empty item")
        else:
            message = f"tag {tag.text!r} is read by {post.syntax_name} as a {type_word(tag.yaml_type)}"
            yield RULE.on(post, tag.pos, message, suggestion=f"quote it: '{tag.text}'")


RULE = PostRule(code="LL015", name="tag-type", doc=__doc__ or "", check=check)
