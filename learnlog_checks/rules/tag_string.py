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

from learnlog_checks.model import Finding, Severity
from learnlog_checks.model.posts import Post, Tag
from learnlog_checks.reading.tagging import fields_of
from learnlog_checks.rules._api import Context, PostRule


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    mode = ctx.settings.tag_string
    for spec, tags, as_string in fields_of(post, ctx.settings):
        if not as_string or not tags:  # no tags at all: front-matter-schema reports it
            continue
        field = spec.name
        if mode == "split":
            count = f"{len(tags)} tag" + ("s" if len(tags) != 1 else "")
            message = f"{field!r} is one string; Jekyll splits it on spaces into {count}"
        elif mode == "one":
            message = f"{field!r} is one string, read as the one tag {tags[0].text!r}"
        else:
            message = f"{field!r} is one string; MkDocs Material needs a list and stops the build"
        severity = Severity.ERROR if mode == "list" else None
        fix = "write it as a list: " + _as_list(post, field, tags)
        yield RULE.at(post.path, post.key_pos(field), message, suggestion=fix, severity=severity)


def _as_list(post: Post, field: str, tags: tuple[Tag, ...]) -> str:
    """The field written as a list, in the post's own syntax."""
    if post.syntax == "yaml":
        return field + ": [" + ", ".join(t.text for t in tags) + "]"
    quoted = ", ".join('"' + t.text.replace("\\", "\\\\").replace('"', '\\"') + '"' for t in tags)
    return f"{field} = [{quoted}]" if post.syntax == "toml" else f'"{field}": [{quoted}]'


RULE = PostRule(
    code="LL016",
    name="tag-string",
    doc=__doc__ or "",
    check=check,
    severity=Severity.WARNING,
    fixable=True,
)
