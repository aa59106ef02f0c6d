"""Options shared by several commands (stdlib and typer only, so any command module can import them)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from learnlog_checks.cli.check import TODAY_ENV

ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config", "-c", help="Config file to use instead of searching for learnlog.toml.", dir_okay=False
    ),
]
TodayOpt = Annotated[
    str | None, typer.Option("--today", envvar=TODAY_ENV, hidden=True, help="Fix today's date.")
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")]
QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print the findings (or errors) only: no summary, no notes.")
]
FiguresFormatOpt = Annotated[
    str, typer.Option("--format", "-f", help="text|json|markdown (markdown suits a GitHub job summary).")
]
