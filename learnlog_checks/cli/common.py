"""What every command does the same way, without Typer: fail with a message, load the config, fix today."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from learnlog_checks.config.settings import LoadedConfig


def fail(message: str, code: int = 2) -> NoReturn:
    """Print `message` to stderr as the tool's own error and exit with `code`."""
    sys.stderr.write(f"learnlog-check: error: {message}\n")
    raise SystemExit(code)


def load_config(explicit: Path | None, *, use_cache: bool = False, keep: bool = True) -> LoadedConfig:
    """The log's configuration, or exit 2 saying what to change in it (see `config.load`)."""
    from learnlog_checks import config

    try:
        return config.load(explicit, cwd=Path.cwd(), use_cache=use_cache, keep=keep)
    except config.ConfigError as exc:
        fail(f"{exc}\n(fix the config file; `learnlog-check schema --config-schema` shows every key)")


def today_for(loaded: LoadedConfig, fixed: str | None) -> date:
    """`fixed` (from --today) as a date, else today in the log's time zone."""
    from learnlog_checks.reading.dates import today_in

    if fixed is not None:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            fail(f"--today {fixed!r} is not a date like 2024-01-02")
    return today_in(loaded.settings.timezone)
