"""The console script `learnlog-check`: a fast start for the common command lines, Typer for the rest.

Loading Typer costs more than checking a staged post (about 60 ms), so the command lines the hooks and
CI run, and most people type, are parsed here and go straight to the command's `run`:

- `check` with paths and the flags --strict, --fix and --no-cache (`cli.check.run`);
- `index` with --check, --exit-non-zero-on-change and --no-cache (`cli.index.run`);
- `stats` with --no-cache and `--format text|json|markdown` (`cli.stats.run`).

Every other command line goes to the Typer app in `cli.app`, which parses it, prints help and usage
errors, and calls the same `run`. Either way an unexpected error is one line and exit 2.
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Callable
from pathlib import Path

from learnlog_checks.atomic import WriteFailed

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from learnlog_checks.cli.check import CheckRequest

FLAGS = frozenset({"--strict", "--fix", "--no-cache"})
INDEX_FLAGS = frozenset({"--check", "--exit-non-zero-on-change", "--no-cache"})
STATS_FORMAT = frozenset({"--format", "-f"})


class Deferred(types.ModuleType):
    """A module that stands in for one until a name is looked up in it: then the real one is imported,
    and this one takes its names. `dataclasses` imports `inspect` (with `ast`, `dis` and `tokenize`,
    about 5 ms) only to write the signature of a class without a docstring; the commit hook makes
    21 dataclasses, all with docstrings, so it never needs it. (importlib.util.LazyLoader cannot do
    this: `import inspect` reads the module's `__spec__`, which loads a lazy module there and then.)"""

    def __getattr__(self, name: str) -> object:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        real = __import__(self.__name__)
        vars(self).update(vars(real))
        return getattr(real, name)


def defer(name: str) -> None:
    """Put a `Deferred` stand-in for the module `name` in sys.modules, unless it is imported already."""
    if name not in sys.modules:
        sys.modules[name] = Deferred(name)


def undefer(name: str) -> None:
    """Take the stand-in of `name` out of sys.modules while no name was looked up in it."""
    if type(sys.modules.get(name)) is Deferred:
        del sys.modules[name]


def fast_run(argv: list[str]) -> Callable[[], int] | None:
    """The command to run for `argv` without Typer, or None when Typer must parse it."""
    defer("inspect")
    command = _fast_run(argv)
    if command is None:  # Typer reads signatures: its `inspect` is the real one from the start
        undefer("inspect")
    return command


def _fast_run(argv: list[str]) -> Callable[[], int] | None:
    if not argv:
        return None
    if argv[0] == "check":
        request = fast_check(argv)
        if request is None:
            return None
        from learnlog_checks.cli import check

        return lambda: check.run(request)
    if argv[0] == "index":
        flags = set(argv[1:])
        if len(flags) != len(argv) - 1 or not flags <= INDEX_FLAGS:
            return None
        from learnlog_checks.cli import index

        return lambda: index.run(
            check="--check" in flags,
            exit_non_zero_on_change="--exit-non-zero-on-change" in flags,
            no_cache="--no-cache" in flags,
        )
    if argv[0] == "stats":
        return _fast_stats(argv[1:])
    return None


def _fast_stats(args: list[str]) -> Callable[[], int] | None:
    from learnlog_checks.cli import stats
    from learnlog_checks.cli.check import TODAY_ENV

    output_format, no_cache = "text", False
    rest = iter(args)
    for arg in rest:
        name, _, value = arg.partition("=")
        if arg == "--no-cache" and not no_cache:
            no_cache = True
        elif name == "--format" and value in stats.FORMATS:
            output_format = value
        elif arg in STATS_FORMAT:
            output_format = next(rest, "")
            if output_format not in stats.FORMATS:
                return None  # Typer names the missing or wrong value
        else:
            return None
    today = os.environ.get(TODAY_ENV) or None
    return lambda: stats.run(output_format=output_format, today=today, no_cache=no_cache)


def fast_check(argv: list[str]) -> CheckRequest | None:
    """The request of `check [FLAG | PATH]...`, or None for any other command line (Typer's job)."""
    if not argv or argv[0] != "check":
        return None
    from learnlog_checks.cli.check import FORMAT_ENV, TODAY_ENV, CheckRequest

    flags: set[str] = set()
    paths: list[Path] = []
    only_paths = False
    for arg in argv[1:]:
        if not arg:
            return None
        if only_paths or not arg.startswith("-"):
            paths.append(Path(arg))
        elif arg == "--":
            only_paths = True
        elif arg in FLAGS:
            flags.add(arg)
        else:
            return None
    return CheckRequest(
        paths=tuple(paths),
        output_format=os.environ.get(FORMAT_ENV) or "auto",
        today=os.environ.get(TODAY_ENV) or None,
        strict="--strict" in flags,
        fix="--fix" in flags,
        no_cache="--no-cache" in flags,
    )


def main() -> None:
    """Entry point of the console script: no traceback for the user unless LEARNLOG_CHECK_DEBUG=1."""
    try:
        command = fast_run(sys.argv[1:])
        if command is None:
            from learnlog_checks.cli.app import app

            app()
        else:
            _exit_now(command())
    except WriteFailed as exc:  # the world's fault (full disk, read-only folder, a link): exit 2
        sys.stderr.write(f"learnlog-check: error: {exc}\n")
        sys.exit(2)
    except Exception as exc:  # the one place for it: an unexpected error gets one line and exit 2
        if os.environ.get("LEARNLOG_CHECK_DEBUG") == "1":
            raise
        sys.stderr.write(
            f"learnlog-check: internal error: {type(exc).__name__}: {exc}\n"
            "(set LEARNLOG_CHECK_DEBUG=1 for the traceback, and please report it)\n"
        )
        sys.exit(2)


def _exit_now(code: int) -> None:
    """Flush the output and end the process without tearing the interpreter down (40-50 ms per run).

    Everything `run` writes is closed or renamed into place before it returns; only stdout and stderr
    still hold text.
    """
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe (`learnlog-check check | head`): let Python report it as usual
        sys.exit(code)
    os._exit(code)
