"""`text`: one line a finding with the rule's code beside its name, in colour on a terminal, then a
one-line summary (left out with --quiet); for people, so it may change."""

from __future__ import annotations

from learnlog_checks.model import Finding, LintResult, Severity
from learnlog_checks.textsafe import visible

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from typing import TextIO

COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m"}
BOLD = "\033[1m"
RESET = "\033[0m"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class TextReporter:
    def __init__(self, *, color: bool = False, quiet: bool = False) -> None:
        self.color = color
        self.quiet = quiet

    def line(self, finding: Finding) -> str:
        """`path:line:col: severity CODE rule message (suggestion)`, as ruff shows `F401 unused-import`."""
        severity, code = finding.severity.value, finding.code
        if self.color:
            severity = f"{COLORS[finding.severity]}{severity}{RESET}"
            code = f"{BOLD}{code}{RESET}"
        text = f"{finding.path}:{finding.line}:{finding.column}: {severity} {code} {finding.rule} "
        text += visible(finding.message)
        if finding.suggestion:
            text += f" ({visible(finding.suggestion)})"
        return text

    def report(self, result: LintResult, out: TextIO) -> None:
        for finding in result.findings:
            out.write(self.line(finding) + "\n")
        if self.quiet:
            return
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
