"""Rules of the logs without front matter: they get the whole log, read from its headings.

A `TilRule` gets a `til.TilLog` (the entries of a TIL repo and its README's list), a `DayRule` a
`dayheadings.DayLog` (the day headings of a #100DaysOfCode log file). The engine runs them only for the
presets `til` and `100days`; every other rule is left out of those logs (there is no front matter).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from learnlog_checks.model import Finding
from learnlog_checks.reading.dayheadings import DayLog
from learnlog_checks.reading.til import TilLog
from learnlog_checks.rules._api import Context, Rule, Scope


@dataclass(frozen=True, slots=True, kw_only=True)
class TilRule(Rule):
    """Checks a TIL repo at once."""

    check: Callable[[TilLog, Context], Iterator[Finding]]
    scope: ClassVar[Scope] = Scope.LOG


@dataclass(frozen=True, slots=True, kw_only=True)
class DayRule(Rule):
    """Checks the day headings of a day log at once."""

    check: Callable[[DayLog, Context], Iterator[Finding]]
    scope: ClassVar[Scope] = Scope.LOG
