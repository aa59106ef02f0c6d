"""The learnlog-check command line: parse options, make one library call, render, exit.

Only the standard library and Typer load at start; everything else loads inside the command using it.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from learnlog_checks.commands.options import ConfigOpt, TodayOpt

if TYPE_CHECKING:
    from learnlog_checks.config import LoadedConfig

app = typer.Typer(
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Lint a Git learning log of Markdown posts and keep its tag index current.",
)

FORMATS = ("text", "concise", "json", "github", "sarif", "auto")


def fail(message: str, code: int = 2) -> NoReturn:
    """Print `message` to stderr as the tool's own error and exit with `code`."""
    sys.stderr.write(f"learnlog-check: error: {message}\n")
    raise typer.Exit(code)


def load_config(explicit: Path | None) -> LoadedConfig:
    from learnlog_checks import config

    try:
        return config.load(explicit, cwd=Path.cwd())
    except config.ConfigError as exc:
        fail(f"{exc}\n(fix the config file; `learnlog-check schema --config-schema` shows every key)")


def today_for(loaded: LoadedConfig, fixed: str | None) -> date:
    from learnlog_checks.dates import today_in

    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            fail(f"--today {fixed!r} is not a date like 2024-01-02")
    return today_in(loaded.settings.timezone)


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(part.strip() for value in values or () for part in value.split(",") if part.strip())


def _use_color() -> bool:
    return "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _format(name: str) -> str:
    if name not in FORMATS:
        fail(f"--format {name!r} is not one of {', '.join(FORMATS)}")
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name


@app.command()
def check(
    paths: Annotated[list[Path] | None, typer.Argument(help="Report only on these posts or folders.")] = None,
    *,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", envvar="LEARNLOG_CHECK_FORMAT", help="text|concise|json|github|sarif|auto"
        ),
    ] = "auto",
    select: Annotated[
        list[str] | None, typer.Option(help="Only these rules (names, codes or prefixes).")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="Skip these rules (names, codes or prefixes).")
    ] = None,
    strict: Annotated[bool, typer.Option(help="Exit 1 on warnings too.")] = False,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply the safe fixes (aliases, tag lists) and say what changed.")
    ] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")] = False,
    config_path: ConfigOpt = None,
    today: TodayOpt = None,
) -> None:
    """Check post front matter, dates, numbering and tags against the whole log.

    Example: learnlog-check check            (the whole log)
             learnlog-check check _posts/2024-02-11-day-41.md --format json
    """
    from learnlog_checks import engine, reporters
    from learnlog_checks.config import ConfigError

    kind = _format(output_format)
    loaded = load_config(config_path)
    if not loaded.posts_dir.is_dir():
        where = f" (relative to {loaded.source})" if loaded.source else ""
        folder = loaded.settings.posts.as_posix()
        fail(f"posts folder '{folder}' does not exist{where}; set 'posts' in learnlog.toml")
    missing = [str(p) for p in paths or () if not p.exists()]
    if missing:
        fail(f"no such file: {', '.join(missing)}")
    options = engine.Options(select=_split(select), ignore=_split(ignore), use_cache=not no_cache)
    day = today_for(loaded, today)
    try:
        result = engine.lint(loaded, today=day, cwd=Path.cwd(), targets=paths or None, options=options)
        if fix:
            from learnlog_checks import fixing

            for change in fixing.apply(loaded, result):
                sys.stderr.write(change + "\n")
            result = engine.lint(loaded, today=day, cwd=Path.cwd(), targets=paths or None, options=options)
    except ConfigError as exc:
        fail(str(exc))
    reporters.get(kind, color=_use_color()).report(result, sys.stdout)
    raise typer.Exit(result.exit_code(strict=strict))


@app.command()
def rules(
    explain: Annotated[
        str | None, typer.Option(help="Print the documentation of one rule (name or code).")
    ] = None,
) -> None:
    """List every rule with its code, or explain one.

    Example: learnlog-check rules --explain allowed-tags
    """
    from learnlog_checks.rules import ALL_RULES, lookup

    if explain is not None:
        rule = lookup(explain)
        if rule is None:
            fail(f"no rule {explain!r}; `learnlog-check rules` lists them")
        sys.stdout.write(rule.doc.strip() + "\n")
        return
    for rule in ALL_RULES:
        summary = " ".join(rule.doc.split("What it does:", 1)[-1].split("Why:", 1)[0].split())
        sys.stdout.write(f"{rule.code}  {rule.name:<22} {rule.severity.value:<8} {summary}\n")


# Commands in their own modules (learnlog_checks/commands/<name>.py, each with a `command` function).
# from learnlog_checks.commands import index as _index
# app.command(name="index")(_index.command)
from learnlog_checks.commands import index as _index  # noqa: E402
from learnlog_checks.commands import init as _init  # noqa: E402
from learnlog_checks.commands import new as _new  # noqa: E402
from learnlog_checks.commands import schema as _schema  # noqa: E402
from learnlog_checks.commands import stats as _stats  # noqa: E402

app.command(name="index")(_index.command)
app.command(name="stats")(_stats.command)
app.command(name="new")(_new.command)
app.command(name="init")(_init.command)
app.command(name="schema")(_schema.command)


def main() -> None:
    """Entry point of the console script: no traceback for the user unless LEARNLOG_CHECK_DEBUG=1."""
    try:
        app()
    except Exception as exc:  # the one place for it: an unexpected error gets one line and exit 2
        if os.environ.get("LEARNLOG_CHECK_DEBUG") == "1":
            raise
        sys.stderr.write(
            f"learnlog-check: internal error: {type(exc).__name__}: {exc}\n"
            "(set LEARNLOG_CHECK_DEBUG=1 for the traceback, and please report it)\n"
        )
        sys.exit(2)
