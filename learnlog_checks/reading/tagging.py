"""Small helpers shared by the tag rules: folding, suggestions, alias resolution."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping

from learnlog_checks.model import Post


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


def resolved(post: Post, aliases: Mapping[str, str]) -> set[str]:
    """The post's text tags with aliases replaced by the tags they stand for."""
    return {aliases.get(tag.text, tag.text) for tag in post.tags if tag.yaml_type == "str"}


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
