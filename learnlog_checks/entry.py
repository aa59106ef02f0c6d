"""The console script `learnlog-check`: a fast start for the common `check`, the Typer app for the rest.

`check` followed only by paths and the flags --strict, --fix and --no-cache (how the pre-commit hook calls
it, and how most people type it) runs `commands.check.run` without loading Typer, which costs more than
checking a staged post. Every other command line goes to the Typer app in `cli`, which parses it, prints
help and usage errors, and calls the same `run`. Either way an unexpected error is one line and exit 2.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from learnlog_checks.atomic import WriteFailed

if TYPE_CHECKING:
    from learnlog_checks.cli.check import CheckRequest

FLAGS = frozenset({"--strict", "--fix", "--no-cache"})


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
        request = fast_check(sys.argv[1:])
        if request is None:
            from learnlog_checks.cli.app import app

            app()
        else:
            from learnlog_checks.cli.check import run

            code = run(request)
            _exit_now(code)
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
