"""`text`: the concise lines, in colour on a terminal, then a one-line summary; for people."""

from __future__ import annotations

from typing import TextIO

from learnlog_checks.model import LintResult, Severity
from learnlog_checks.reporters.concise import line

COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m"}
RESET = "\033[0m"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class TextReporter:
    def __init__(self, *, color: bool = False) -> None:
        self.color = color

    def report(self, result: LintResult, out: TextIO) -> None:
        for finding in result.findings:
            text = line(finding)
            if self.color:
                word = finding.severity.value
                text = text.replace(f" {word} ", f" {COLORS[finding.severity]}{word}{RESET} ", 1)
            out.write(text + "\n")
        errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
        files = _plural(result.files_checked, "file")
        if not result.findings:
            out.write(f"All clear: {files} checked.\n")
            return
        fixable = sum(1 for f in result.findings if f.fixable)
        summary = f"Found {_plural(errors, 'error')} and {_plural(warnings, 'warning')} in {files}."
        if fixable:
            summary += f" {fixable} fixable with `learnlog-check check --fix`."
        out.write(summary + "\n")
