"""Small helpers shared by the tag rules: folding, suggestions, alias resolution."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping

from learnlog_checks.config.settings import Settings, TagField
from learnlog_checks.model.posts import Post, Tag


def fold(tag: str) -> str:
    """The form two tags collide in: Unicode NFKC, case-folded, surrounding spaces dropped."""
    return unicodedata.normalize("NFKC", tag).casefold().strip()


PARTS = re.compile(r"[-_\s]+")


def suggest(tag: str, known: Iterable[str]) -> str | None:
    """The known tag `tag` most likely meant, by the first test that finds one: equal when folded,
    equal but for a plural, one a prefix or an abbreviation of the other, else the closest spelling."""
    candidates = sorted(known)
    folded = fold(tag)
    for key, wanted in ((fold, folded), (_singular_fold, _singular(folded))):
        found = [c for c in candidates if key(c) == wanted]
        if found:
            return found[0]
    related = [c for c in candidates if _shortens(folded, fold(c)) or _shortens(fold(c), folded)]
    if related:
        return max(related, key=lambda c: (difflib.SequenceMatcher(None, folded, fold(c)).ratio(), c))
    close = difflib.get_close_matches(folded, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


def _singular_fold(tag: str) -> str:
    return _singular(fold(tag))


def _singular(word: str) -> str:
    """`transformers` -> `transformer`, `libraries` -> `library`, `boxes` -> `box` (English, roughly)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def _shortens(short: str, long: str) -> bool:
    """Whether `short` is a prefix (`math`, `mathematics`), the abbreviated parts (`trad-ml`,
    `traditional-ml`), the initials (`ml`, `machine-learning`) or one whole part of `long`."""
    if len(short) >= len(long):
        return False
    if len(short) >= 3 and long.startswith(short):
        return True
    parts, short_parts = PARTS.split(long), PARTS.split(short)
    if len(parts) < 2:
        return False
    if len(short_parts) == len(parts) and all(
        p.startswith(s) and s for s, p in zip(short_parts, parts, strict=True)
    ):
        return True
    if len(short_parts) == 1 and short == "".join(p[:1] for p in parts):
        return True
    return len(short) >= 4 and short in parts


def missing_comma(tag: str, known: Iterable[str]) -> list[str] | None:
    """The tags a tag with spaces stands for when a comma is missing (`theory nlp`), else None."""
    words = tag.split()
    vocabulary = set(known)
    if len(words) > 1 and all(word in vocabulary for word in words):
        return words
    return None


def resolved(post: Post, aliases: Mapping[str, str], tags: Iterable[Tag] | None = None) -> set[str]:
    """The post's text tags (of the main field, or `tags`) with aliases replaced by the tags they stand
    for, in Unicode form NFC."""
    return {
        unicodedata.normalize("NFC", aliases.get(tag.text, tag.text))
        for tag in (post.tags if tags is None else tags)
        if tag.yaml_type == "str"
    }


def same_forms(vocabulary: Iterable[str]) -> dict[str, str]:
    """NFC form -> the vocabulary's own spelling of each tag: a tag in another form is the same tag."""
    return {unicodedata.normalize("NFC", tag): tag for tag in vocabulary}


class Spellings(Mapping[str, str]):
    """The aliases, and each vocabulary tag written in another Unicode form -> the vocabulary's form."""

    def __init__(self, aliases: Mapping[str, str], vocabulary: Iterable[str]) -> None:
        self.aliases = aliases
        self.forms = same_forms(vocabulary)

    def __getitem__(self, key: str) -> str:
        if key in self.aliases:
            return self.aliases[key]
        meant = self.forms.get(unicodedata.normalize("NFC", key))
        if meant is None or meant == key:
            raise KeyError(key)
        return meant

    def __iter__(self) -> Iterator[str]:
        return iter(self.aliases)

    def __len__(self) -> int:
        return len(self.aliases)


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
