"""Output formats of `check`: one module each, chosen by name and imported only when chosen; `summary`
is the job summary beside `github`, and `relative_to_repository` gives the paths GitHub reads (from the
repository root)."""

from __future__ import annotations

import dataclasses
import importlib
import os
import posixpath
from pathlib import Path

from learnlog_checks.model import LintResult, finding_order

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from typing import Protocol, TextIO

    class Reporter(Protocol):
        def __init__(self, *, color: bool = False, quiet: bool = False) -> None: ...

        def report(self, result: LintResult, out: TextIO) -> None: ...


# Each format: its module in this package and its reporter class there.
REPORTERS: dict[str, tuple[str, str]] = {
    "text": ("text", "TextReporter"),
    "concise": ("concise", "ConciseReporter"),
    "github": ("github", "GithubReporter"),
    "json": ("json", "JsonReporter"),
    "sarif": ("sarif", "SarifReporter"),
}


ROOTED = frozenset({"github", "sarif"})  # formats whose paths GitHub resolves from the repository root


def get(name: str, *, color: bool = False, quiet: bool = False) -> Reporter:
    module, cls = REPORTERS[name]
    reporter: type[Reporter] = getattr(importlib.import_module(f"{__name__}.{module}"), cls)
    return reporter(color=color, quiet=quiet)


def statistics(result: LintResult, *, as_json: bool = False) -> str:
    """`check --statistics`: the findings counted by rule (see `rule_counts`)."""
    from learnlog_checks.reporters import rule_counts

    return rule_counts.statistics(result, as_json=as_json)


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
