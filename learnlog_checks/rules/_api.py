"""What a rule is: a code, a kebab-case name, a scope, a default severity and a check function."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from learnlog_checks.model import Finding, Pos, Problem, Severity
from learnlog_checks.model.posts import Post

if TYPE_CHECKING:
    from learnlog_checks.config.settings import Settings
    from learnlog_checks.history.proof import Entry
    from learnlog_checks.schema.validators import Validators


class Scope(enum.Enum):
    FILE = "file"  # one problem that reading a file found at a time
    POST = "post"  # one post at a time
    COLLECTION = "collection"  # every post of the log at once
    LOG = "log"  # a log without front matter (a TIL repo, a day log), read whole (see `_logbook`)


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may know besides the posts: the settings and today's date in the log's zone."""

    settings: Settings
    today: date
    root: Path = field(default_factory=Path)
    schema: Validators | None = None  # the pre-built schema validators of this run
    history: Mapping[str, Entry] | None = None  # what each post's first commit proves, by path, when read


FileCheck = Callable[[str, Problem], Iterator[Finding]]
PostCheck = Callable[[Post, Context], Iterator[Finding]]
CollectionCheck = Callable[[Sequence[Post], Context], Iterator[Finding]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """What every rule has; a rule is one of the three kinds below, by its scope.

    A rule `off_by_default` runs only when --select names it (by name or code) or the config turns it
    on; one that `needs_history` gets `Context.history`, read from Git only when the rule runs.
    """

    code: str
    name: str
    doc: str
    severity: Severity = Severity.ERROR
    fixable: bool = False
    off_by_default: bool = False
    needs_history: bool = False
    scope: ClassVar[Scope]

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


@dataclass(frozen=True, slots=True, kw_only=True)
class FileRule(Rule):
    """Turns a problem that reading a file found (a `Problem`) into findings."""

    check: FileCheck
    scope: ClassVar[Scope] = Scope.FILE


@dataclass(frozen=True, slots=True, kw_only=True)
class PostRule(Rule):
    """Checks one post at a time."""

    check: PostCheck
    scope: ClassVar[Scope] = Scope.POST


@dataclass(frozen=True, slots=True, kw_only=True)
class CollectionRule(Rule):
    """Checks every post of the log at once."""

    check: CollectionCheck
    scope: ClassVar[Scope] = Scope.COLLECTION
