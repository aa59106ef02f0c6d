"""`learnlog-check check`, without Typer: the options as a `Request`, and `run` that checks and reports.

The Typer command in `cli` and the start-up path in `entry` (how the pre-commit hook calls it) both build
a `Request` and call `run`, so the two cannot differ in what they do.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from learnlog_checks.cli.common import fail, load_config, today_for

FORMATS = ("text", "concise", "json", "github", "sarif", "auto")
FORMAT_ENV = "LEARNLOG_CHECK_FORMAT"
TODAY_ENV = "LEARNLOG_CHECK_TODAY"


@dataclass(frozen=True)
class Request:
    """The options of one `check` run; the defaults are the command line's."""

    paths: tuple[Path, ...] = ()
    output_format: str = "auto"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    fix: bool = False
    no_cache: bool = False
    config_path: Path | None = None
    today: str | None = None


def run(request: Request) -> int:
    """Check the log, print the report on stdout, and return the exit code."""
    from learnlog_checks import engine, reporters
    from learnlog_checks.config.settings import ConfigError
    from learnlog_checks.history.gitlog import Unavailable

    kind = _format(request.output_format)
    loaded = load_config(request.config_path, use_cache=not request.no_cache)
    if not loaded.posts_dir.is_dir():
        where = f" (relative to {loaded.source})" if loaded.source else ""
        folder = loaded.settings.posts.as_posix()
        fail(f"posts folder '{folder}' does not exist{where}; set 'posts' in learnlog.toml")
    missing = [str(p) for p in request.paths if not p.exists()]
    if missing:
        fail(f"no such file: {', '.join(missing)}")
    options = engine.Options(
        select=_split(request.select), ignore=_split(request.ignore), use_cache=not request.no_cache
    )
    day = today_for(loaded, request.today)
    targets = request.paths or None
    try:
        result = engine.lint(loaded, today=day, cwd=Path.cwd(), targets=targets, options=options)
        if request.fix:
            from learnlog_checks.authoring import fixing

            for change in fixing.apply(loaded, result):
                sys.stderr.write(change + "\n")
            result = engine.lint(loaded, today=day, cwd=Path.cwd(), targets=targets, options=options)
    except (ConfigError, Unavailable) as exc:
        fail(str(exc))
    reporters.get(kind, color=_use_color()).report(result, sys.stdout)
    return result.exit_code(strict=request.strict)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """Repeated and comma-separated values (`--select a,b --select c`) as one tuple."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _use_color() -> bool:
    return "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _format(name: str) -> str:
    if name not in FORMATS:
        fail(f"--format {name!r} is not one of {', '.join(FORMATS)}")
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name
