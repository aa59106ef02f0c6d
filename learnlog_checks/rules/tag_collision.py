"""LL014 tag-collision

What it does: in a log without a `[tags]` vocabulary, reports tags that differ only in case or Unicode
form (`NLP` and `nlp`, `café` composed and decomposed). The spelling used most often is taken as meant.
Why: they look like one tag but make two tag pages, or overwrite each other on a case-insensitive disk.
Example: `nlp` in 30 posts and `NLP` in one -> "tag 'NLP' collides with 'nlp' (differs only in case or
Unicode form)". With a vocabulary, `allowed-tags` reports such tags instead.
Options: none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from learnlog_checks.model import Finding
from learnlog_checks.model.posts import Post, Tag
from learnlog_checks.reading.tagging import fold
from learnlog_checks.rules._api import CollectionRule, Context


def check(posts: Sequence[Post], ctx: Context) -> Iterator[Finding]:
    main = ctx.settings.tags_field
    for field in ctx.settings.tag_fields():
        if not field.tags:
            yield from _check_field(posts, None if field.name == main else field.name)


def _tags(post: Post, name: str | None) -> tuple[Tag, ...]:
    """The post's tags in the field `name` (None: the main one)."""
    if name is None:
        return post.tags
    return post.fields.get(name, ((), False))[0]


def _check_field(posts: Sequence[Post], name: str | None) -> Iterator[Finding]:
    counts = Counter(tag.text for post in posts for tag in _tags(post, name) if tag.yaml_type == "str")
    meant: dict[str, str] = {}
    for text, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        meant.setdefault(fold(text), text)
    for post in posts:
        for tag in _tags(post, name):
            if tag.yaml_type != "str":
                continue
            main = meant[fold(tag.text)]
            if main != tag.text:
                message = f"tag {tag.text!r} collides with {main!r} (differs only in case or Unicode form)"
                yield RULE.on(post, tag.pos, message, suggestion=f"use {main!r}")


RULE = CollectionRule(code="LL014", name="tag-collision", doc=__doc__ or "", check=check)
