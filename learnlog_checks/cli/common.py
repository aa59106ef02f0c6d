"""What every command does the same way, without Typer: fail with a message, load the config, fix today."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from typing import NoReturn

    from learnlog_checks.config.settings import LoadedConfig


def fail(message: str, code: int = 2) -> NoReturn:
    """Print `message` to stderr as the tool's own error and exit with `code`."""
    sys.stderr.write(f"learnlog-check: error: {message}\n")
    raise SystemExit(code)


def load_config(
    explicit: Path | None, *, use_cache: bool = False, keep: bool = True, reads: bool = False
) -> LoadedConfig:
    """The log's configuration, or exit 2 saying what to change in it (see `config.load`).

    `reads`: the command goes on to read the posts, so the parser and the worker pool are loaded while
    pydantic validates the config, when it must.
    """
    from learnlog_checks import config

    meanwhile = _load_the_reader if reads else None
    try:
        return config.load(explicit, cwd=Path.cwd(), use_cache=use_cache, keep=keep, meanwhile=meanwhile)
    except config.ConfigError as exc:
        fail(f"{exc}\n(fix the config file; `learnlog-check schema --config-schema` shows every key)")


def _load_the_reader() -> None:
    """Import what reading posts afresh needs (the per-file stage, its rules, the worker pool)."""
    import concurrent.futures.process  # noqa: F401

    from learnlog_checks.engine import parallel  # noqa: F401
    from learnlog_checks.reading import parsing  # noqa: F401


def require_posts_folder(loaded: LoadedConfig, what: str) -> None:
    """Exit 2 when the log's posts folder does not exist, saying where it was looked for."""
    if loaded.posts_dir.is_dir():
        return
    folder = loaded.settings.posts.as_posix()
    if loaded.source is None:
        fail(
            f"no posts folder '{folder}' here and no learnlog.toml here or above; {what}. Run this in the "
            "log's folder, or `learnlog-check init` there first"
        )
    fail(
        f"posts folder '{folder}' does not exist (relative to {loaded.source}); {what}. Create it, or set "
        "'posts' in learnlog.toml"
    )


def today_for(loaded: LoadedConfig, fixed: str | None) -> date:
    """`fixed` (from --today) as a date, else today in the log's time zone."""
    from learnlog_checks.reading.dates import today_in

    if fixed is not None:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            fail(f"--today {fixed!r} is not a date like 2024-01-02")
    return today_in(loaded.settings.timezone)
