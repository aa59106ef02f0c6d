"""Output formats of `check`: one module each, chosen by name."""

from __future__ import annotations

from typing import Protocol, TextIO

from learnlog_checks.model import LintResult
from learnlog_checks.reporters.concise import ConciseReporter
from learnlog_checks.reporters.github import GithubReporter
from learnlog_checks.reporters.json import JsonReporter
from learnlog_checks.reporters.sarif import SarifReporter
from learnlog_checks.reporters.statistics import statistics
from learnlog_checks.reporters.text import TextReporter


class Reporter(Protocol):
    def __init__(self, *, color: bool = False, quiet: bool = False) -> None: ...

    def report(self, result: LintResult, out: TextIO) -> None: ...


REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "concise": ConciseReporter,
    "github": GithubReporter,
    "json": JsonReporter,
    "sarif": SarifReporter,
}


def get(name: str, *, color: bool = False, quiet: bool = False) -> Reporter:
    return REPORTERS[name](color=color, quiet=quiet)


__all__ = ["REPORTERS", "Reporter", "get", "statistics"]
