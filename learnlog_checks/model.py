"""The records every stage shares: findings, posts and the result of a lint run."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

KeyPath = tuple[str | int, ...]


class Severity(enum.Enum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One problem at one place. Findings are listed in `finding_order` (by file, then by place)."""

    path: str  # relative to the working folder where possible, "/" separators
    line: int  # 1-based; 1 when the whole file is at fault
    column: int  # 1-based
    code: str  # "LL004"
    rule: str  # "sequential-numbering"
    message: str  # one sentence naming the bad value, no final period
    severity: Severity = field(default=Severity.ERROR, compare=False)
    suggestion: str | None = field(default=None, compare=False)
    fixable: bool = field(default=False, compare=False)


NUMBERS = re.compile(r"(\d+)")


def finding_order(finding: Finding) -> tuple[object, ...]:
    """How findings are listed: by file, the numbers in its path compared as numbers (so that
    `2024-1-2-day-1.md` comes before `2024-09-17-day-260.md`, `day-9` before `day-10`), then by place."""
    parts = NUMBERS.split(finding.path)
    natural = tuple(int(part) if i % 2 else part for i, part in enumerate(parts))
    return (natural, finding.path, finding.line, finding.column, finding.code, finding.rule, finding.message)


@dataclass(frozen=True, slots=True)
class Pos:
    """A 1-based line and column inside the .md file."""

    line: int
    column: int


class Fact(enum.Enum):
    """A kind of problem that reading a file can find, before any rule names it."""

    UNREADABLE = "unreadable"  # not a regular file, too big, not UTF-8
    BYTE_ORDER_MARK = "byte-order-mark"  # the bytes start with a UTF-8 BOM
    FILE_NAME = "file-name"  # the name does not match the filename pattern, or its date is not real
    FILE_EXTENSION = "file-extension"  # a post Jekyll publishes, but not with the pattern's extension
    SYNTAX = "syntax"  # no front matter Jekyll would read, invalid YAML, or YAML refused here
    DUPLICATE_KEY = "duplicate-key"  # a key given twice in one mapping
    LINE_ENDINGS = "line-endings"  # lines end in more than one way (CRLF, LF, CR)
    BODY_BYTES = "body-bytes"  # a NUL byte or invalid UTF-8 after the front matter
    CUT_BY_COMMENT = "cut-by-comment"  # a plain text value followed by ` #...`, which YAML drops


@dataclass(frozen=True, slots=True)
class Problem:
    """What reading a file found wrong: the kind of fact, where, what, and a hint."""

    fact: Fact
    pos: Pos
    message: str
    suggestion: str | None = None


START = Pos(1, 1)
_SHARED: dict[tuple[int, int], Pos] = {}
SHARED_MAX = 4096  # distinct positions kept for sharing; front matter uses few lines and columns


def position(line: int, column: int) -> Pos:
    """Pos(line, column), shared with every other equal one (a log has many positions, few distinct)."""
    key = (line, column)
    found = _SHARED.get(key)
    if found is None:
        found = Pos(line, column)
        if len(_SHARED) < SHARED_MAX:
            _SHARED[key] = found
    return found


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


@dataclass(frozen=True, slots=True)
class LintResult:
    findings: tuple[Finding, ...]
    files_checked: int

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def exit_code(self, *, strict: bool = False) -> int:
        if self.count(Severity.ERROR):
            return 1
        if strict and self.count(Severity.WARNING):
            return 1
        return 0
