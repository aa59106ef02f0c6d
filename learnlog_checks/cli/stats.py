"""`learnlog-check stats`: posts, first and last day, streaks, missed dates, posts per tag, the mode split.

What it prints is kept in the log's cache (`engine.derived`) for the day and the format: while no file
changed, the next run reads every head and prints the kept report, parsing nothing.
"""

from __future__ import annotations

import sys
from datetime import date
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
    from learnlog_checks.config import presets
    from learnlog_checks.engine.derived import Derived

    if output_format not in FORMATS:
        common.fail(f"--format {output_format!r} is not one of {', '.join(FORMATS)}")
    loaded = common.load_config(config_path, use_cache=not no_cache, keep=False, reads=True)
    day = common.today_for(loaded, today)
    if loaded.settings.preset in presets.HEADING_LOGS:  # a TIL repo, a day log: read whole, not cached
        from learnlog_checks.engine import headings
        from learnlog_checks.index import stats

        posts = headings.as_posts(loaded, cwd=Path.cwd())
        sys.stdout.write(stats.RENDERERS[output_format](stats.compute(posts, loaded.settings, today=day)))
        return 0
    found = engine.files(loaded, cwd=Path.cwd())
    job = engine.Job(settings=loaded.settings, user_schema=None, today=date.min, root=loaded.root)
    derived = None if no_cache else Derived.of(loaded, job, found)
    inputs = [day.isoformat(), output_format]
    kept = None if derived is None else derived.get("stats", inputs)
    text = kept.get("text") if kept is not None else None
    if not isinstance(text, str):
        from learnlog_checks.index import stats

        cache = derived.cache if derived is not None else not no_cache  # what a `check` stored
        log = engine.read(
            loaded, cwd=Path.cwd(), detail=engine.Detail.COUNTED, job=job, found=found, cache=cache
        )
        text = stats.RENDERERS[output_format](stats.compute(log.posts, loaded.settings, today=day))
        if derived is not None:
            derived.keep("stats", inputs, {"text": text})
    sys.stdout.write(text)
    return 0
