"""What a rule is: a code, a kebab-case name, a scope, a default severity and a check function."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from learnlog_checks.model import Finding, Pos, Post, Problem, Severity

if TYPE_CHECKING:
    from learnlog_checks.config import Settings
    from learnlog_checks.schema import Validators


class Scope(enum.Enum):
    FILE = "file"  # one problem that reading a file found at a time
    POST = "post"  # one post at a time
    COLLECTION = "collection"  # every post of the log at once


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may know besides the posts: the settings and today's date in the log's zone."""

    settings: Settings
    today: date
    root: Path = field(default_factory=Path)
    schema: Validators | None = None  # the pre-built schema validators of this run


FileCheck = Callable[[str, Problem], Iterator[Finding]]
PostCheck = Callable[[Post, Context], Iterator[Finding]]
CollectionCheck = Callable[[Sequence[Post], Context], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    scope: Scope
    doc: str
    check: Any = None  # FileCheck for FILE, PostCheck for POST, CollectionCheck for COLLECTION
    severity: Severity = Severity.ERROR
    fixable: bool = False

    def at(
        self,
        path: str,
        pos: Pos,
        message: str,
        *,
        suggestion: str | None = None,
        severity: Severity | None = None,
        fixable: bool | None = None,
    ) -> Finding:
        """A finding of this rule at `pos` in the file at `path`."""
        return Finding(
            path=path,
            line=pos.line,
            column=pos.column,
            code=self.code,
            rule=self.name,
            message=message,
            severity=severity or self.severity,
            suggestion=suggestion,
            fixable=self.fixable if fixable is None else fixable,
        )

    def on(
        self,
        post: Post,
        pos: Pos,
        message: str,
        *,
        suggestion: str | None = None,
        fixable: bool | None = None,
    ) -> Finding:
        return self.at(post.path, pos, message, suggestion=suggestion, fixable=fixable)
