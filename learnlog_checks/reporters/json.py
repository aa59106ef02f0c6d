"""`json`: {"version": 1, "findings": [...], "summary": {...}}; stable, fields only ever added."""

from __future__ import annotations

import json

from learnlog_checks.model import Finding, LintResult, Severity
from learnlog_checks.textsafe import visible

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from typing import Any, TextIO

VERSION = 1


def as_dict(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rule": finding.rule,
        "code": finding.code,
        "severity": finding.severity.value,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "message": visible(finding.message),
        "fixable": finding.fixable,
    }
    if finding.suggestion:
        data["suggestion"] = visible(finding.suggestion)
    return data


class JsonReporter:
    def __init__(self, *, color: bool = False, quiet: bool = False) -> None:
        self.color = color
        self.quiet = quiet

    def report(self, result: LintResult, out: TextIO) -> None:
        document = {
            "version": VERSION,
            "findings": [as_dict(f) for f in result.findings],
            "summary": {
                "errors": result.count(Severity.ERROR),
                "warnings": result.count(Severity.WARNING),
                "files_checked": result.files_checked,
            },
        }
        json.dump(document, out, indent=2, ensure_ascii=False)
        out.write("\n")
