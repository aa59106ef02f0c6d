"""`learnlog-check check`, without Typer: the options as a `CheckRequest`, and `run` that checks and reports.

The Typer command in `cli` and the start-up path in `entry` (how the pre-commit hook calls it) both build
a `CheckRequest` and call `run`, so the two cannot differ in what they do.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from learnlog_checks.cli.common import fail, load_config, require_posts_folder, today_for

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from typing import TextIO

    from learnlog_checks.config.settings import LoadedConfig
    from learnlog_checks.model import LintResult

FORMATS = ("text", "concise", "json", "github", "sarif", "auto")
COLORS = ("auto", "always", "never")
FORMAT_ENV = "LEARNLOG_CHECK_FORMAT"
TODAY_ENV = "LEARNLOG_CHECK_TODAY"


@dataclass(frozen=True)
class CheckRequest:
    """The options of one `check` run; the defaults are the command line's."""

    paths: tuple[Path, ...] = ()
    output_format: str = "auto"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    fix: bool = False
    diff: bool = False
    no_cache: bool = False
    config_path: Path | None = None
    today: str | None = None
    quiet: bool = False
    color: str = "auto"
    exit_zero: bool = False
    output_file: Path | None = None
    statistics: bool = False


def run(request: CheckRequest) -> int:
    """Check the log, print the report on stdout (or into --output-file), and return the exit code."""
    from learnlog_checks import engine
    from learnlog_checks.config.settings import ConfigError
    from learnlog_checks.history.unavailable import Unavailable

    kind = _format(request.output_format)
    if request.color not in COLORS:
        fail(f"--color {request.color!r} is not one of {', '.join(COLORS)}")
    loaded = load_config(request.config_path, use_cache=not request.no_cache, reads=True)
    require_posts_folder(loaded, "nothing was checked")
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
        if request.diff:
            code = _diff(loaded, result, quiet=request.quiet)
            return 0 if request.exit_zero else code
        if request.fix:
            result = _fix(
                loaded,
                result,
                request,
                lambda: engine.lint(loaded, today=day, cwd=Path.cwd(), targets=targets, options=options),
            )
    except (ConfigError, Unavailable) as exc:
        fail(str(exc))
    from learnlog_checks import reporters

    shown = _for_github(result) if kind in reporters.ROOTED else result
    _report(shown, kind, request)
    if kind == "github":
        _step_summary(shown)
    return 0 if request.exit_zero else result.exit_code(strict=request.strict)


def _fix(
    loaded: LoadedConfig, result: LintResult, request: CheckRequest, relint: Callable[[], LintResult]
) -> LintResult:
    """Apply the safe fixes, say what changed (unless quiet), and return the result of a new check."""
    from learnlog_checks.authoring import fixing

    changes = fixing.apply(loaded, result)
    after = relint()
    if not request.quiet:
        for change in changes:
            sys.stderr.write(change + "\n")
        fixed = max(0, len(result.findings) - len(after.findings))
        if fixed:
            sys.stderr.write(f"Fixed {_plural(fixed, 'finding')}, {len(after.findings)} remaining.\n")
    return after


def _diff(loaded: LoadedConfig, result: LintResult, *, quiet: bool) -> int:
    """Print the safe fixes as a unified diff and write nothing; 1 when there is a diff."""
    from learnlog_checks.authoring import fixing

    fixes = fixing.plan_fixes(loaded, result)
    for fix in fixes:
        sys.stdout.write(fixing.unified_diff(fix))
    would = [note for fix in fixes if fix.after is not None for note in fix.notes]
    if not quiet:
        for fix in fixes:
            if fix.after is None:
                sys.stderr.write("\n".join(fix.notes) + "\n")
        if would:
            sys.stderr.write(f"Would fix {_plural(len(would), 'finding')}.\n")
    return 1 if would else 0


def _report(result: LintResult, kind: str, request: CheckRequest) -> None:
    """Render the report (or the statistics) into stdout or --output-file."""
    from learnlog_checks import reporters

    out: TextIO = io.StringIO() if request.output_file is not None else sys.stdout
    color = use_color(request.color, out, os.environ)
    if request.statistics:
        out.write(reporters.statistics(result, as_json=kind == "json"))
    else:
        reporters.get(kind, color=color, quiet=request.quiet).report(result, out)
    if request.output_file is not None:
        assert isinstance(out, io.StringIO)
        try:
            request.output_file.write_text(out.getvalue(), encoding="utf-8")
        except OSError as exc:
            fail(f"--output-file {str(request.output_file)!r}: cannot write it: {exc.strerror or exc}")


def use_color(choice: str, stream: TextIO, env: Mapping[str, str]) -> bool:
    """Colour for `--color CHOICE` on `stream`: always, never, or (auto) as NO_COLOR and FORCE_COLOR say.

    In auto, a non-empty NO_COLOR turns colour off and a non-empty FORCE_COLOR turns it on even through
    a pipe; NO_COLOR wins when both are set (as in CPython). Otherwise colour goes to a terminal only.
    """
    if choice != "auto":
        return choice == "always"
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return env.get("TERM") != "dumb" and stream.isatty()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _for_github(result: LintResult) -> LintResult:
    """Paths relative to the repository's root, where GitHub reads annotation and SARIF paths from."""
    from learnlog_checks import reporters
    from learnlog_checks.reading.discovery import repository_root

    cwd = Path.cwd()
    root = repository_root(cwd)
    return result if root is None else reporters.relative_to_repository(result, cwd=cwd, root=root)


def _step_summary(result: LintResult) -> None:
    """Append the table of every finding to the job summary, when the run has one (GITHUB_STEP_SUMMARY)."""
    from learnlog_checks.github import links
    from learnlog_checks.reporters.summary import SummaryReporter

    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    reporter = SummaryReporter(links=links.from_environment(os.environ))
    try:
        with open(path, "a", encoding="utf-8") as out:
            reporter.report(result, out)
    except OSError as exc:
        sys.stderr.write(f"learnlog-check: warning: could not write the job summary {path}: {exc.strerror}\n")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """Repeated and comma-separated values (`--select a,b --select c`) as one tuple."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _format(name: str) -> str:
    if name not in FORMATS:
        fail(f"--format {name!r} is not one of {', '.join(FORMATS)}")
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name
