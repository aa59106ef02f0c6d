"""LL012 date-field

What it does: checks the front-matter `date`: it must be a real date (or date and time), and the
calendar day it stands for (in the log's `timezone`) must be the date in the file name. The front-matter
date is the one the site goes by, so the message says so and suggests the `git mv` that makes the name
agree (the date replaced in the file's path, date folders included).
Why: Jekyll takes the front-matter date over the file name's, so a disagreement moves the post silently.
Example: `date: 2024-01-03` in `2024-01-02-day-1.md` -> "date 2024-01-03 differs from the file name's
2024-01-02; Jekyll uses the front-matter date for the post's URL and its place in the listing (rename it:
git mv _posts/2024-01-02-day-1.md _posts/2024-01-03-day-1.md)".
Options: `timezone`.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from typing import Any

from learnlog_checks.config import presets
from learnlog_checks.model import Finding, KeyPath
from learnlog_checks.model.posts import Post
from learnlog_checks.rules._api import Context, PostRule


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    yield from _publish(post, ctx)
    raw = _value(post, post.date_path)
    if raw is None or not isinstance(raw, str):
        return  # absent, or a type error the schema reports
    where = post.line_of(post.date_path)
    if post.meta_date is None:
        yield RULE.on(post, where, f"date {raw!r} is not a real date; write YYYY-MM-DD")
    elif ctx.settings.preset == presets.MATERIAL and _quoted(post):
        message = f"date {raw!r} is quoted text; MkDocs Material reads only a YAML date and stops the build"
        yield RULE.on(post, where, message, suggestion=f"remove the quotes: {raw}")
    elif post.file_date is not None and post.meta_date != post.file_date:
        message = f"date {raw} differs from the file name's {post.file_date.isoformat()}"
        if post.meta_date.isoformat() != raw.strip()[:10]:
            message += f" (it is {post.meta_date.isoformat()} in {ctx.settings.timezone})"
        site = presets.SITE_NAMES.get(ctx.settings.preset, "the site")
        message += f"; {site} uses the front-matter date for the post's URL and its place in the listing"
        renamed = post.path.replace(post.file_date.isoformat(), post.meta_date.isoformat())
        command = f"git mv {shlex.quote(post.path)} {shlex.quote(renamed)}"
        suggestion = f"rename it: {command}" if renamed != post.path else None
        yield RULE.on(post, where, message, suggestion=suggestion)


def _publish(post: Post, ctx: Context) -> Iterator[Finding]:
    """The publication date the post has (the first of `publish_keys`), when it is no real date."""
    if post.publish_date is not None:
        return
    fold = ctx.settings.preset in presets.FOLDED_KEYS
    for spec in ctx.settings.publish_keys:
        key = next((k for k in post.data if k == spec or (fold and k.lower() == spec.lower())), None)
        if key is None:
            continue
        value = post.data[key]
        if isinstance(value, str):
            yield RULE.on(post, post.line_of((key,)), f"{key} {value!r} is not a real date; write YYYY-MM-DD")
        return


def _quoted(post: Post) -> bool:
    """Whether the date is text YAML did not read as a date (quoted, as MkDocs Material refuses)."""
    return post.scalars.get(post.date_path, ("",))[0] != "timestamp"


def _value(post: Post, path: KeyPath) -> Any:
    node: Any = post.data
    for part in path:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


RULE = PostRule(code="LL012", name="date-field", doc=__doc__ or "", check=check)
