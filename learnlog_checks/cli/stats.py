"""`learnlog-check stats`: posts, first and last day, streaks, missed dates, posts per tag, the mode split."""

from __future__ import annotations

import sys
from pathlib import Path

FORMATS = ("text", "json", "markdown")


def run(
    *,
    output_format: str = "text",
    config_path: Path | None = None,
    today: str | None = None,
    no_cache: bool = False,
) -> int:
    """Print the figures of the log: posts, first and last day, streaks, missed dates, tags, modes."""
    from learnlog_checks import engine
    from learnlog_checks.cli import common
    from learnlog_checks.index import stats

    if output_format not in FORMATS:
        common.fail(f"--format {output_format!r} is not one of {', '.join(FORMATS)}")
    loaded = common.load_config(config_path, use_cache=not no_cache, keep=False)
    day = common.today_for(loaded, today)
    log = engine.read(loaded, cwd=Path.cwd(), cache=not no_cache)  # what a `check` stored, if current
    figures = stats.compute(log.posts, loaded.settings, today=day)
    sys.stdout.write(stats.RENDERERS[output_format](figures))
    return 0
