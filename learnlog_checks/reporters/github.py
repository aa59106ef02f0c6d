"""`github`: workflow commands that annotate the pull request; stable."""

from __future__ import annotations

from learnlog_checks.model import LintResult
from learnlog_checks.textsafe import visible

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from typing import TextIO


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    def __init__(self, *, color: bool = False, quiet: bool = False) -> None:
        self.color = color
        self.quiet = quiet

    def report(self, result: LintResult, out: TextIO) -> None:
        for f in result.findings:
            message = visible(f.message) + (f" ({visible(f.suggestion)})" if f.suggestion else "")
            props = f"file={_prop(f.path)},line={f.line},col={f.column},title={_prop(f'{f.code} {f.rule}')}"
            out.write(f"::{f.severity.value} {props}::{_data(message)}\n")
