"""Small helpers shared by the tag rules: folding, suggestions, alias resolution."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping

from learnlog_checks.config.settings import Settings, TagField
from learnlog_checks.model import Post, Tag


def fold(tag: str) -> str:
    """The form two tags collide in: Unicode NFKC, case-folded, surrounding spaces dropped."""
    return unicodedata.normalize("NFKC", tag).casefold().strip()


def suggest(tag: str, known: Iterable[str]) -> str | None:
    """The known tag `tag` most likely meant: equal when folded, else the closest spelling."""
    candidates = sorted(known)
    folded = fold(tag)
    for candidate in candidates:
        if fold(candidate) == folded:
            return candidate
    close = difflib.get_close_matches(folded, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


def resolved(post: Post, aliases: Mapping[str, str], tags: Iterable[Tag] | None = None) -> set[str]:
    """The post's text tags (of the main field, or `tags`) with aliases replaced by what they stand for."""
    return {
        aliases.get(tag.text, tag.text)
        for tag in (post.tags if tags is None else tags)
        if tag.yaml_type == "str"
    }


def fields_of(post: Post, settings: Settings) -> list[tuple[TagField, tuple[Tag, ...], bool]]:
    """Each tag field of the log with the post's tags in it and whether it was one string; main first."""
    main, *others = settings.tag_fields()
    found = [(main, post.tags, post.tags_as_string)]
    for spec in others:
        tags, as_string = post.fields.get(spec.name, ((), False))
        found.append((spec, tags, as_string))
    return found


def in_field(field: TagField, settings: Settings) -> str:
    """What a message adds to name a tag's field: nothing for the main one, else " in 'categories'"."""
    return "" if field.name == settings.tags_field else f" in {field.name!r}"


def type_word(kind: str) -> str:
    """How a YAML type is named in messages: 'boolean', 'number', 'date'."""
    words = {
        "int": "number",
        "float": "number",
        "bool": "boolean",
        "null": "null (empty)",
        "timestamp": "date",
    }
    return words.get(kind, kind)


def form_problem(text: str) -> str | None:
    """What is wrong with the form of a tag, or None."""
    if not text.strip():
        return "empty tag"
    if text != text.strip():
        return f"tag {text!r} has spaces around it"
    if any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in text):
        return f"tag {text!r} contains control or invisible formatting characters"
    return None
