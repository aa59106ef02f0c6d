"""The learnlog-check command line (Typer): parse options, make one library call, render, exit.

Only the standard library and Typer load at start; everything else loads inside the command using it.
The console script enters through `entry.main`, which runs the plain `check PATH...` without Typer.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from learnlog_checks.cli.check import COLORS, FORMAT_ENV, FORMATS
from learnlog_checks.cli.options import ConfigOpt, FiguresFormatOpt, NoCacheOpt, QuietOpt, TodayOpt

app = typer.Typer(
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Lint a Git learning log of Markdown posts and keep its tag index current.",
)


def _print_version(value: bool) -> None:
    if value:
        from learnlog_checks import __version__

        sys.stdout.write(f"learnlog-check {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Lint a Git learning log of Markdown posts and keep its tag index current."""


@app.command()
def check(
    paths: Annotated[list[Path] | None, typer.Argument(help="Report only on these posts or folders.")] = None,
    *,
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", envvar=FORMAT_ENV, help="|".join(FORMATS)),
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
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Print the safe fixes as a unified diff; write nothing; exit 1 if any."),
    ] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", "-e", help="Exit 0 even when there are findings.")
    ] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print how many findings each rule has, not the findings.")
    ] = False,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output-file", "-o", help="Write the report into this file, not stdout.", dir_okay=False
        ),
    ] = None,
    color: Annotated[
        str,
        typer.Option(help="|".join(COLORS) + "; auto follows NO_COLOR, FORCE_COLOR and the terminal."),
    ] = "auto",
    quiet: QuietOpt = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")] = False,
    config_path: ConfigOpt = None,
    today: TodayOpt = None,
) -> None:
    """Check post front matter, dates, numbering and tags against the whole log.

    \b
    Example: learnlog-check check            (the whole log)
             learnlog-check check _posts/2024-02-11-day-41.md --format json
             learnlog-check check --diff        (the safe fixes as a diff; nothing written)
    """
    from learnlog_checks.cli.check import CheckRequest, run

    request = CheckRequest(
        paths=tuple(paths or ()),
        output_format=output_format,
        select=tuple(select or ()),
        ignore=tuple(ignore or ()),
        strict=strict,
        fix=fix,
        diff=diff,
        no_cache=no_cache,
        config_path=config_path,
        today=today,
        quiet=quiet,
        color=color,
        exit_zero=exit_zero,
        output_file=output_file,
        statistics=statistics,
    )
    raise typer.Exit(run(request))


@app.command()
def rules(
    explain: Annotated[
        str | None, typer.Option(help="Print the documentation of one rule (name or code).")
    ] = None,
) -> None:
    """List every rule with its code, or explain one.

    Example: learnlog-check rules --explain allowed-tags
    """
    from learnlog_checks.cli.common import fail
    from learnlog_checks.rules import ALL_RULES, lookup

    if explain is not None:
        rule = lookup(explain)
        if rule is None:
            fail(f"no rule {explain!r}; `learnlog-check rules` lists them")
        sys.stdout.write(rule.doc.strip() + "\n")
        return
    for rule in ALL_RULES:
        summary = " ".join(rule.doc.split("What it does:", 1)[-1].split("Why:", 1)[0].split())
        if rule.off_by_default:
            summary = summary.removesuffix(" Off by default.") + " (off by default: --select it)"
        sys.stdout.write(f"{rule.code}  {rule.name:<22} {rule.severity.value:<8} {summary}\n")


@app.command()
def index(
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 naming each page that would change.")
    ] = False,
    exit_non_zero_on_change: Annotated[
        bool,
        typer.Option(
            "--exit-non-zero-on-change",
            help="Exit 1 when a page was written or removed (for hooks: new pages are untracked files).",
        ),
    ] = False,
    config_path: ConfigOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Write one page per tag and an overview with charts into index_dir; only changed files are written.

    Example: learnlog-check index --check   (writes nothing; exit 1 naming each stale page)
    """
    from learnlog_checks.cli import index as run_index

    code = run_index.run(
        check=check,
        exit_non_zero_on_change=exit_non_zero_on_change,
        config_path=config_path,
        no_cache=no_cache,
    )
    raise typer.Exit(code)


@app.command()
def stats(
    output_format: FiguresFormatOpt = "text",
    config_path: ConfigOpt = None,
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Print the figures of the log: posts, first and last day, streaks, missed dates, tags, modes.

    Example: learnlog-check stats --format markdown >> "$GITHUB_STEP_SUMMARY"
    """
    from learnlog_checks.cli import stats as run_stats

    code = run_stats.run(output_format=output_format, config_path=config_path, today=today, no_cache=no_cache)
    raise typer.Exit(code)


# The other commands live in their own modules (learnlog_checks/cli/<name>.py, each a `command`); `check`,
# `index` and `stats` are above, their work in cli/check.py, cli/index.py and cli/stats.py without Typer,
# so that `entry` can run them without loading it.
from learnlog_checks.cli import history as _history  # noqa: E402
from learnlog_checks.cli import init as _init  # noqa: E402
from learnlog_checks.cli import new as _new  # noqa: E402
from learnlog_checks.cli import schema as _schema  # noqa: E402
from learnlog_checks.cli import today as _today  # noqa: E402

app.command(name="new")(_new.command)
app.command(name="init")(_init.command)
app.command(name="schema")(_schema.command)
app.command(name="today")(_today.command)
app.command(name="history")(_history.command)
