"""LL005 allowed-tags

What it does: reports a tag that is not in the log's `[tags]` vocabulary, with the tag it most likely
meant ("did you mean ...?"); a tag listed in `[aliases]` is reported with the tag it stands for, and
`check --fix` replaces it.
Why: a tag typed wrong (`traditiona-machine-learning`, `mathematics` for `math`) gets a tag page of its
own and is missing from the right one.
Suggestions look for a tag equal but for case, Unicode form or a plural, then one that the typed tag
shortens or extends (`mathematics` for `math`, `trad-ml` for `traditional-ml`, `ml` for
`machine-learning`), then the closest spelling; `[theory nlp]` is named as two tags with a comma missing.
A tag that is a vocabulary tag written in another Unicode form (`café` decomposed) is that tag: a
warning, which `check --fix` rewrites in the vocabulary's form.
Example: `categories: [nlpp]` -> "unknown tag 'nlpp'" with "did you mean 'nlp'?".
Options: `[tags]` (without it every tag is allowed), `[aliases]`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from learnlog_checks.config.settings import TagField
from learnlog_checks.model import Finding, Severity
from learnlog_checks.model.posts import Post, Tag
from learnlog_checks.reading.tagging import fields_of, in_field, missing_comma, same_forms, suggest
from learnlog_checks.rules._api import Context, PostRule


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    for field, tags, _ in fields_of(post, ctx.settings):
        yield from _check_field(post, field, tags, ctx)


def _check_field(post: Post, field: TagField, tags: tuple[Tag, ...], ctx: Context) -> Iterator[Finding]:
    vocabulary, aliases = field.tags, field.aliases
    if not vocabulary:
        return
    forms = same_forms(vocabulary)
    where = in_field(field, ctx.settings)
    table = "[tags]" if not where else f"[fields.{field.name}.tags]"
    for tag in tags:
        if tag.yaml_type != "str" or tag.text in vocabulary:
            continue
        meant = forms.get(unicodedata.normalize("NFC", tag.text))
        if meant is not None:
            form = "decomposed" if unicodedata.is_normalized("NFD", tag.text) else "composed otherwise"
            message = (
                f"tag {tag.text!r}{where} is {meant!r} of {table} written in another Unicode form "
                f"({form}); it is the same tag"
            )
            yield RULE.at(
                post.path,
                tag.pos,
                message,
                suggestion=f"write it as in {table}",
                severity=Severity.WARNING,
                fixable=True,
            )
            continue
        if tag.text in aliases:
            target = aliases[tag.text]
            message = f"tag {tag.text!r}{where} is an old or wrong spelling of {target!r}"
            yield RULE.on(post, tag.pos, message, suggestion=f"use {target!r}", fixable=True)
            continue
        words = missing_comma(tag.text, [*vocabulary, *aliases])
        if words is not None:
            message = f"tag {tag.text!r}{where} is {len(words)} tags with a comma missing between them"
            yield RULE.on(post, tag.pos, message, suggestion="write them apart: " + ", ".join(words))
            continue
        guess = suggest(tag.text, vocabulary)
        hint = f"did you mean {guess!r}?" if guess else f"add it to {table} in the config if it is new"
        yield RULE.on(post, tag.pos, f"unknown tag {tag.text!r}{where}", suggestion=hint)


RULE = PostRule(code="LL005", name="allowed-tags", doc=__doc__ or "", check=check)
