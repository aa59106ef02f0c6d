"""A post as the rules see it (`Post`, its `Tag`s), and what reading one file gives (`FileFacts`,
`Parsed`). Apart from the rest of `model` so that a run whose verdict the cache holds (the commit
hook) never makes these classes: it needs findings only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from learnlog_checks.model import START, Finding, KeyPath, Pos, Problem

TYPE_CHECKING = False  # `typing` is not imported at run time (what only the type checker reads)
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True, slots=True)
class Tag:
    """One tag as written: its text, where it stands, and the YAML type it was read as."""

    text: str  # the author's own characters (for a non-string scalar, the source text)
    pos: Pos
    yaml_type: str = "str"  # "str", or "int", "bool", "float", "null", "timestamp", "seq", "map"


def day_words(first: int | None, last: int | None) -> str:
    """ "day 3", or "days 3-4" when a post covers several days."""
    return f"day {first}" if last is None or last == first else f"days {first}-{last}"


@dataclass(frozen=True, slots=True)
class Post:
    """A post whose front matter parsed. Dates stay text in `data`; `date` is interpreted once."""

    path: str  # display path (see Finding.path)
    name: str  # the file name inside the posts folder, relative with "/" for sub-folders
    data: Mapping[str, Any]
    positions: Mapping[KeyPath, Pos]  # value positions; key positions under ("<key>", name)
    date: dt.date | None = None  # calendar day: front-matter date, else the file name's
    file_date: dt.date | None = None  # from {date} in the file name
    meta_date: dt.date | None = None  # from the front-matter `date`
    day: int | None = None  # from {day} in the file name, else from the title pattern
    title_day: int | None = None  # from {day} in the title pattern
    tags: tuple[Tag, ...] = ()
    tags_as_string: bool = False  # the tag field was one string, split on spaces as Jekyll does
    suppressed: Mapping[int, frozenset[str]] = field(default_factory=dict)  # line (0: file) -> rules
    scalars: Mapping[KeyPath, tuple[str, str]] = field(default_factory=dict)  # non-text: (type, source)
    parsed: bool = True  # False: the front matter did not parse; only the file name is known
    syntax: str = "yaml"  # the front matter's syntax: "yaml", "toml" or "json"
    draft: bool = False  # marked a draft (`draft_key`): checked, but left out of the calendar and index
    publish_date: dt.date | None = None  # from a publication date (`publish_keys`, Hugo's publishDate)
    date_key: str = "date"  # the top-level key the front-matter date came from
    date_path: KeyPath = ("date",)  # where that date's value stands (("date", "created") in Material)
    publish_key: str | None = None  # the top-level key of publish_date
    fields: Mapping[str, tuple[tuple[Tag, ...], bool]] = field(default_factory=dict)  # more tag fields
    last_day: int | None = None  # a post of several days (`day-3+4.md`): the last it covers (of `day`)
    title_last_day: int | None = None  # the same, of `title_day`

    @property
    def days(self) -> range:
        """The day numbers the post covers: `day` alone, or `day` to `last_day`; empty without a number."""
        if self.day is None:
            return range(0)
        return range(self.day, (self.last_day or self.day) + 1)

    @property
    def days_text(self) -> str:
        """How messages name the post's day numbers: "day 3", or "days 3-4" for a post of several days."""
        return day_words(self.day, self.last_day)

    def tag_fields(self, main: str) -> list[tuple[str, tuple[Tag, ...], bool]]:
        """(field, its tags, whether written as one string) of the main tag field `main`, then the others."""
        return [(main, self.tags, self.tags_as_string), *((k, t, s) for k, (t, s) in self.fields.items())]

    def line_of(self, key_path: KeyPath) -> Pos:
        """Where the value at `key_path` stands; the nearest known ancestor, else line 1."""
        path = tuple(key_path)
        while path:
            pos = self.positions.get(path)
            if pos is not None:
                return pos
            path = path[:-1]
        return START

    def key_pos(self, key: str) -> Pos:
        """Where a top-level key itself stands, else line 1."""
        return self.positions.get(("<key>", key), START)

    @property
    def syntax_name(self) -> str:
        """How the front matter's parser is named in messages: YAML, TOML, JSON."""
        return self.syntax.upper()

    @property
    def title(self) -> str | None:
        value = self.data.get("title")
        return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What reading one file found: the post (None when it could not be read) and its problems."""

    post: Post | None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class Parsed:
    """What reading one file gave: the post (None when it could not be read) and the findings so far."""

    post: Post | None
    findings: tuple[Finding, ...] = ()
