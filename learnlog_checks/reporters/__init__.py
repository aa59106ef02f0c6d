"""Output formats of `check`: one module each, chosen by name; `summary` is the job summary beside
`github`, and `relative_to_repository` gives the paths GitHub reads (from the repository root)."""

from __future__ import annotations

import dataclasses
import os
import posixpath
from pathlib import Path
from typing import Protocol, TextIO

from learnlog_checks.model import LintResult, finding_order
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


ROOTED = frozenset({"github", "sarif"})  # formats whose paths GitHub resolves from the repository root


def get(name: str, *, color: bool = False, quiet: bool = False) -> Reporter:
    return REPORTERS[name](color=color, quiet=quiet)


def relative_to_repository(result: LintResult, *, cwd: Path, root: Path) -> LintResult:
    """The findings with paths relative to `root` (the repository) instead of `cwd`.

    A path outside the repository stays as it was.
    """
    base = Path(os.path.relpath(cwd, root)).as_posix()
    rooted = (dataclasses.replace(f, path=_rooted(f.path, base, root)) for f in result.findings)
    findings = sorted(rooted, key=finding_order)
    return dataclasses.replace(result, findings=tuple(findings))


def _rooted(path: str, base: str, root: Path) -> str:
    """`path` (relative to the folder `base` of the repository, or absolute) relative to its root."""
    if path.startswith("/"):
        inside = Path(os.path.relpath(path, root)).as_posix()
    else:
        inside = posixpath.normpath(posixpath.join(base, path))
    return path if inside == ".." or inside.startswith("../") else inside


__all__ = ["REPORTERS", "ROOTED", "Reporter", "get", "relative_to_repository", "statistics"]
