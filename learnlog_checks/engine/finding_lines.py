"""Findings as JSON values, both ways: what the cache stores of a verdict and of each record.

Apart from `records` (which makes posts) so that a run whose verdict the cache holds decodes its
findings without loading the classes of posts.
"""

from __future__ import annotations

from collections.abc import Sequence

from learnlog_checks.model import Finding, Severity

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from typing import Any


def encode(findings: Sequence[Finding], display: str = "") -> list[list[Any]]:
    """The findings (of the file shown as `display`, whose path each then leaves out) as JSON values."""
    return [_value(f, display) for f in findings] if findings else []


def _value(f: Finding, display: str) -> list[Any]:
    path = None if f.path == display else f.path
    return [f.line, f.column, f.code, f.rule, f.message, f.severity.value, f.suggestion, f.fixable, path]


def decode(values: list[Any], display: str = "") -> tuple[Finding, ...]:
    """The findings `encode` gave (for the file shown as `display`); TypeError/ValueError when malformed."""
    if not values:
        return ()
    return tuple(
        Finding(
            path=display if path is None else str(path),
            line=int(line),
            column=int(column),
            code=str(code),
            rule=str(rule),
            message=str(message),
            severity=Severity(severity),
            suggestion=None if suggestion is None else str(suggestion),
            fixable=bool(fixable),
        )
        for line, column, code, rule, message, severity, suggestion, fixable, path in values
    )
