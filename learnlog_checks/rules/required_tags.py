"""LL017 required-tags

What it does: applies each `[[require]]` of the config: a post carrying any tag of `when_any` must carry
at least one tag of `need_one_of` (aliases count as the tags they stand for).
Why: a log that splits its posts by mode (theory or practice) loses the split when a post has a topic
but no mode.
Example: `[[require]] when_any = ["nlp"], need_one_of = ["theory", "practice"]` and `categories: [nlp]`
-> "a post tagged 'nlp' needs one of: 'theory', 'practice'".
Options: `[[require]]`.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding
from learnlog_checks.model.posts import Post
from learnlog_checks.reading.tagging import fields_of, in_field, resolved
from learnlog_checks.rules._api import Context, PostRule


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    for field, given, _ in fields_of(post, ctx.settings):
        if not given:
            continue  # the schema reports a post without tags
        tags = resolved(post, field.aliases, given)
        where = post.key_pos(field.name)
        named = in_field(field, ctx.settings)
        for requirement in field.require:
            trigger = next((t for t in requirement.when_any if t in tags), None)
            if trigger is not None and not tags.intersection(requirement.need_one_of):
                options = ", ".join(repr(t) for t in requirement.need_one_of)
                yield RULE.on(post, where, f"a post tagged {trigger!r}{named} needs one of: {options}")


RULE = PostRule(code="LL017", name="required-tags", doc=__doc__ or "", check=check)
