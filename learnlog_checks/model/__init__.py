"""The records every stage shares: findings, positions, what reading found, and the result of a lint run
(the posts themselves are in `model.posts`)."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

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
class LintResult:
    """What a check found (sorted, see `finding_order`) and how many files it reported on."""

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
