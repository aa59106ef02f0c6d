"""check --fix: the safe fixes only (placeholder until the fixer lands: changes nothing)."""

from __future__ import annotations

from learnlog_checks.config import LoadedConfig
from learnlog_checks.model import LintResult


def apply(loaded: LoadedConfig, result: LintResult) -> list[str]:
    """Apply the safe fixes for `result`'s fixable findings; one line per change made."""
    return []
