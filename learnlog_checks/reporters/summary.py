"""The job summary of `check --format github`: every finding in one Markdown table, each file linked to
GitHub's web editor. GitHub shows at most 10 error annotations per step; the summary shows them all.

Everything in a cell that comes from a post or a file name is escaped: control characters shown as
\\uXXXX, and each character Markdown, HTML or the table would read (`|`, backticks, `<`, `*`, ...) behind
a backslash, so a cell is always one line of plain text.
"""

from __future__ import annotations

import re
from typing import TextIO

from learnlog_checks.github.links import Repository
from learnlog_checks.model import Finding, LintResult, Severity
from learnlog_checks.textsafe import visible

MAX_ROWS = 500  # a job summary holds at most 1 MiB; a row is a few hundred bytes
_SYNTAX = re.compile(r"([\\`*_{}\[\]()<>#+!|~&$])")


def cell(text: str) -> str:
    """`text` as the content of one table cell: one line, no Markdown, no HTML."""
    return _SYNTAX.sub(r"\\\1", visible(text))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class SummaryReporter:
    def __init__(self, *, color: bool = False, links: Repository | None = None) -> None:
        self.color = color
        self.links = links

    def report(self, result: LintResult, out: TextIO) -> None:
        errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
        files = _plural(result.files_checked, "file")
        if not result.findings:
            out.write(f"### learnlog-check: all clear\n\nNo findings in {files}.\n\n")
            return
        counts = f"{_plural(errors, 'error')} and {_plural(warnings, 'warning')} in {files}"
        out.write(f"### learnlog-check: {counts}\n\n")
        if self.links is not None:
            out.write("Each file opens in GitHub's editor on this branch.\n\n")
        out.write("| File | Line | Rule | Message | Suggestion |\n| --- | ---: | --- | --- | --- |\n")
        for finding in result.findings[:MAX_ROWS]:
            out.write(self._row(finding) + "\n")
        left = len(result.findings) - MAX_ROWS
        if left > 0:
            out.write(f"\n{_plural(left, 'more finding')}: run `learnlog-check check` to see every one.\n")
        out.write("\n")

    def _row(self, f: Finding) -> str:
        where = cell(f.path)
        if self.links is not None:
            where = f"[{where}]({self.links.edit_url(f.path)})"
        rule = f"{cell(f.rule)} ({f.severity.value})"
        suggestion = cell(f.suggestion) if f.suggestion else ""
        return f"| {where} | {f.line}:{f.column} | {rule} | {cell(f.message)} | {suggestion} |"
