"""`concise`: one finding a line, `path:line:col: severity rule message`; stable."""

from __future__ import annotations

from learnlog_checks.model import Finding, LintResult
from learnlog_checks.textsafe import visible

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from typing import TextIO


def line(finding: Finding) -> str:
    text = f"{finding.path}:{finding.line}:{finding.column}: {finding.severity.value} {finding.rule} "
    text += visible(finding.message)
    if finding.suggestion:
        text += f" ({visible(finding.suggestion)})"
    return text


class ConciseReporter:
    def __init__(self, *, color: bool = False, quiet: bool = False) -> None:
        self.color = color
        self.quiet = quiet

    def report(self, result: LintResult, out: TextIO) -> None:
        for finding in result.findings:
            out.write(line(finding) + "\n")
