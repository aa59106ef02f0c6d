"""Tag -> the safe base name of its index page: never raw text, never a path outside the index folder.

A tag is first folded (Unicode NFKC, case-folded, outer spaces dropped, as the tag-collision rule does),
so `NLP`, `nlp` and the NFD spelling of `café` fold to one form. A folded tag that is already a plain
slug (`[a-z0-9]` then `[a-z0-9-]`, at most 64 characters, no `--`, not a reserved name) is its own slug,
so `/tags/nlp/` is where the example site's post layout links. Anything else becomes a readable ASCII
part, `--`, and 10 hex digits of the SHA-256 of the folded tag: `C++` -> `c--cedb1bac7e`. Plain slugs
never contain `--`, so the two kinds never meet; two tags share a slug only when they fold to one form
(or on a hash collision), and `colliding` reports that instead of letting one page overwrite another.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from learnlog_checks.digest import sha256
from learnlog_checks.reading.tagging import fold

SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
PLAIN_MAX = 64
READABLE_MAX = 40
HASH_DIGITS = 10
# Names a page must not take: Windows devices (CON, NUL, COM1...) and the overview page (README.md),
# which a case-insensitive file system would confuse with readme.md.
RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "readme", "index"}
    | {f"com{n}" for n in range(10)}
    | {f"lpt{n}" for n in range(10)}
)


def slug(tag: str) -> str:
    """The file-name-safe slug of `tag`: matches `[a-z0-9][a-z0-9-]*`, at most 64 characters."""
    folded = fold(tag)
    if _plain(folded):
        return folded
    digest = sha256(folded.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_DIGITS]
    return f"{_readable(folded) or 'tag'}--{digest}"


def _plain(folded: str) -> bool:
    return (
        len(folded) <= PLAIN_MAX
        and SLUG.match(folded) is not None
        and "--" not in folded
        and not folded.endswith("-")
        and folded not in RESERVED
    )


def _readable(folded: str) -> str:
    """The ASCII letters and digits of `folded` (accents dropped), other runs as one `-`, trimmed."""
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower())[:READABLE_MAX]
    return text.strip("-")


def colliding(tags: Iterable[str]) -> list[tuple[str, ...]]:
    """Groups (each sorted, two or more) of distinct tags that would share one slug, sorted."""
    by_slug: dict[str, set[str]] = {}
    for tag in tags:
        by_slug.setdefault(slug(tag), set()).add(tag)
    return sorted(tuple(sorted(group)) for group in by_slug.values() if len(group) > 1)
